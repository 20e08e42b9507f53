package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/testpdf"
)

// A page too small for a legible version footer (under A7, either way
// round, rotated or not) is ATTACHMENT-PAGE-TOO-SMALL, naming the first
// such page and its size; A7 itself, A6, A5 and A4 are fine.
func TestAttachmentPageTooSmall(t *testing.T) {
	t.Parallel()
	mm := testpdf.MM
	a7 := testpdf.Page{W: 74 * mm, H: 105 * mm}
	dir := t.TempDir()
	writeFile(t, dir, "a4.pdf", testpdf.Pages("a4", testpdf.A4))
	writeFile(t, dir, "a7.pdf", testpdf.Pages("a7", a7))
	writeFile(t, dir, "a7-landscape.pdf", testpdf.Pages("a7l", testpdf.Page{W: 105 * mm, H: 74 * mm}))
	writeFile(t, dir, "a7-rotated.pdf", testpdf.Pages("a7r", testpdf.Page{W: 74 * mm, H: 105 * mm, Rotate: 90}))
	writeFile(t, dir, "a6-a5.pdf", testpdf.Pages("a6", testpdf.Page{W: 105 * mm, H: 148 * mm}, testpdf.Page{W: 148 * mm, H: 210 * mm}))
	writeFile(t, dir, "receipt.pdf", testpdf.Pages("receipt", testpdf.A4, testpdf.Page{W: 58 * mm, H: 200 * mm}))
	writeFile(t, dir, "card.pdf", testpdf.Pages("card", testpdf.Page{W: 86 * mm, H: 54 * mm, Rotate: 270}))
	writeFile(t, dir, "cards.pdf", testpdf.Pages("cards", testpdf.A4, testpdf.Page{W: 54 * mm, H: 86 * mm}, testpdf.A4, testpdf.Page{W: 54 * mm, H: 86 * mm}))
	writeFile(t, dir, "stamp.pdf", testpdf.Pages("stamp", testpdf.Page{W: 80 * mm, H: 95 * mm}))

	a := newAttachments(dir, 1<<20)
	for _, tc := range []struct {
		file, variant string
		args          map[string]string
	}{
		{file: "a4.pdf"}, {file: "a7.pdf"}, {file: "a7-landscape.pdf"}, {file: "a7-rotated.pdf"}, {file: "a6-a5.pdf"},
		{file: "receipt.pdf", args: map[string]string{"page": "2", "size": "58×200", "count": "1"}},
		{file: "card.pdf", args: map[string]string{"page": "1", "size": "54×86", "count": "1"}},
		{file: "cards.pdf", variant: "many", args: map[string]string{"page": "2", "size": "54×86", "count": "2"}},
		{file: "stamp.pdf", args: map[string]string{"page": "1", "size": "80×95", "count": "1"}},
	} {
		v := a.Check(tc.file)
		if tc.args == nil {
			assert.Empty(t, v.Rule, "%s: %v", tc.file, v.Args)
			continue
		}
		assert.Equal(t, finding.AttachmentPageTooSmall, v.Rule, tc.file)
		assert.Equal(t, tc.variant, v.Variant, tc.file)
		got := map[string]string{}
		for i := 0; i+1 < len(v.Args); i += 2 {
			got[v.Args[i]] = v.Args[i+1]
		}
		assert.Equal(t, tc.args, got, tc.file)
	}
	text := msg.ZH.T(finding.AttachmentPageTooSmall, "loc", "宣传报道!E2", "value", "card.pdf", "page", "1", "size", "54×86")
	assert.Contains(t, text, "card.pdf")
	assert.Contains(t, text, "第 1 页只有 54×86 毫米")
	assert.Contains(t, text, "重新扫描为 A4 或 A5")
}
