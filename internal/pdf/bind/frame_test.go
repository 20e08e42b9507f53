package bind

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/testpdf"
)

// bboxWord is a word as pdftotext -bbox places it (y grows downwards).
type bboxWord struct {
	Text                   string  `xml:",chardata"`
	XMin, YMin, XMax, YMax float64 `xml:"-"`
	X0                     string  `xml:"xMin,attr"`
	Y0                     string  `xml:"yMin,attr"`
	X1                     string  `xml:"xMax,attr"`
	Y1                     string  `xml:"yMax,attr"`
}

type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"word"`
}

// bboxPages runs pdftotext -bbox and returns every page's words.
func bboxPages(t *testing.T, path string) []bboxPage {
	t.Helper()
	bin := need(t, "pdftotext")
	out, err := exec.Command(bin, "-bbox", path, "-").Output()
	require.NoError(t, err)
	var doc struct {
		Body struct {
			Doc struct {
				Pages []bboxPage `xml:"page"`
			} `xml:"doc"`
		} `xml:"body"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	require.NoError(t, dec.Decode(&doc))
	pages := doc.Body.Doc.Pages
	for i := range pages {
		for j := range pages[i].Words {
			w := &pages[i].Words[j]
			_, err := fmt.Sscan(w.X0+" "+w.Y0+" "+w.X1+" "+w.Y1, &w.XMin, &w.YMin, &w.XMax, &w.YMax)
			require.NoError(t, err)
		}
	}
	return pages
}

func overlap(a, b bboxWord) bool {
	return a.XMin < b.XMax && b.XMin < a.XMax && a.YMin < b.YMax && b.YMin < a.YMax
}

// A full-bleed attachment with words at its four edges, in A4, A5, Letter,
// landscape, rotated and odd sizes: after binding, every page is A4 in its
// orientation as viewed, every word of the attachment is on it, inside
// the area between the bands, upright, and no stamped word (the label,
// the footer) overlaps one of them.
func TestFrameCoversNothing(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	letter := testpdf.Page{W: 612, H: 792}
	pages := []testpdf.Page{
		testpdf.A4,
		{W: 420, H: 595},             // A5
		letter,                       // Letter
		{W: 842, H: 595},             // A4 landscape
		{W: 595, H: 842, Rotate: 90}, // scanned sideways
		{W: 420, H: 595, Rotate: 180},
		{W: 595, H: 842, Rotate: 270},
		{W: 1190, H: 842}, // A3 landscape: scaled down
		{W: 200, H: 1400}, // a long receipt
	}
	dir := t.TempDir()
	att := filepath.Join(dir, "edges.pdf")
	require.NoError(t, os.WriteFile(att, testpdf.Edges(pages...), 0o644))
	version := NewVersion()
	out := filepath.Join(dir, "bound.pdf")
	label := "附件 45  累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议"
	res, err := BindFile(Input{Body: f.body, Version: version, Meta: testMeta(), Documents: []Document{{
		Path: att, After: 5, Label: label,
		Continued: func(page, pages int) string { return fmt.Sprintf("附件 45（续 %d/%d）", page, pages) },
	}}}, out)
	require.NoError(t, err)
	require.Equal(t, 5+len(pages), res.Pages)
	qpdfCheck(t, out)

	sizes := pdfinfoPages(t, out)
	bp := bboxPages(t, out)
	require.Len(t, bp, res.Pages)
	for i, p := range pages {
		n := 6 + i // the page in the bound document
		w, h := p.W, p.H
		if p.Rotate == 90 || p.Rotate == 270 {
			w, h = h, w
		}
		want := Page{Width: 595.28, Height: 841.89}
		if w > h {
			want = Page{Width: 841.89, Height: 595.28}
		}
		assert.Equal(t, want, sizes[n-1], "page %d: A4 as viewed", n)

		page := bp[n-1]
		var own, stamped []bboxWord
		for _, wd := range page.Words {
			if isEdgeWord(wd.Text) {
				own = append(own, wd)
			} else {
				stamped = append(stamped, wd)
			}
		}
		var texts []string
		for _, wd := range own {
			texts = append(texts, wd.Text)
			// Inside the area between the bands, with the margins.
			assert.GreaterOrEqual(t, wd.XMin, FrameSide-0.5, "page %d: %s", n, wd.Text)
			assert.LessOrEqual(t, wd.XMax, page.Width-FrameSide+0.5, "page %d: %s", n, wd.Text)
			assert.GreaterOrEqual(t, wd.YMin, FrameHeader-0.5, "page %d: %s", n, wd.Text)
			assert.LessOrEqual(t, wd.YMax, page.Height-FrameFooter+0.5, "page %d: %s", n, wd.Text)
			// Upright: wider than high.
			assert.Greater(t, wd.XMax-wd.XMin, wd.YMax-wd.YMin, "page %d: %s reads upright", n, wd.Text)
			for _, s := range stamped {
				assert.False(t, overlap(wd, s), "page %d: stamped %q covers %q", n, s.Text, wd.Text)
			}
		}
		var wantTexts []string
		for _, e := range testpdf.EdgeWords {
			wantTexts = append(wantTexts, fmt.Sprint(e, i+1))
		}
		assert.ElementsMatch(t, wantTexts, texts, "page %d: every word of the attachment", n)

		var st strings.Builder
		for _, s := range stamped {
			st.WriteString(s.Text)
		}
		assert.Contains(t, st.String(), "版本号："+version, "page %d: the footer", n)
		if i == 0 {
			assert.Contains(t, st.String(), strings.ReplaceAll(label, " ", ""), "page %d: the label", n)
		} else {
			assert.Contains(t, st.String(), fmt.Sprintf("附件45（续%d/%d）", i+1, len(pages)), "page %d: the running label", n)
		}
	}

	t.Run("no page enlarged", func(t *testing.T) {
		// TOPLEFT and TOPRIGHT of the A5 page keep their distance
		// (A5 fits the frame as it is).
		a5 := bp[6]
		var l, r bboxWord
		for _, wd := range a5.Words {
			switch wd.Text {
			case "TOPLEFT2":
				l = wd
			case "TOPRIGHT2":
				r = wd
			}
		}
		assert.InDelta(t, 420-7.8*9, r.XMin-l.XMin, 1, "A5 is bound at 100 %%")
	})
	t.Run("verify reads it", func(t *testing.T) {
		info, err := Inspect(out)
		require.NoError(t, err)
		assert.Empty(t, info.Problems())
		for i, s := range info.Stamps {
			assert.Equal(t, version, s.Version, "page %d", i+1)
			assert.Equal(t, i+1, s.Number)
			assert.Equal(t, version, s.Watermark)
		}
	})
}

func isEdgeWord(s string) bool {
	s = strings.TrimRight(s, "0123456789")
	for _, e := range testpdf.EdgeWords {
		if s == e {
			return true
		}
	}
	return false
}

// The attachments bound are recorded in the document information, and a
// label too long for one line takes two, broken after a separator.
func TestBoundRecordedAndLongLabel(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	dir := t.TempDir()
	att := filepath.Join(dir, "a.pdf")
	require.NoError(t, os.WriteFile(att, testpdf.OnePage("body"), 0o644))
	meta := testMeta()
	meta.Bound = []string{"attachments/甲.pdf"}
	long := "附件 96  创新创业活动 · " + strings.Repeat("“星火夜话”创业沙龙第1期：从想法到产品、", 5) + " · 证明材料"
	out := filepath.Join(dir, "bound.pdf")
	_, err := BindFile(Input{Body: f.body, Version: NewVersion(), Meta: meta,
		Documents: []Document{{Path: att, After: 5, Label: long}}}, out)
	require.NoError(t, err)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	info, err := ReadInfo(bytes.NewReader(data))
	require.NoError(t, err)
	assert.True(t, info.BoundRecorded)
	assert.Equal(t, meta.Bound, info.Bound)

	texts := pageTexts(t, out, "-raw")
	require.Len(t, texts, 6)
	lines := strings.Split(texts[5], "\n")
	assert.True(t, strings.HasPrefix(lines[0], "附件 96"), "%q", lines[0])
	assert.True(t, strings.HasSuffix(lines[0], "、"), "broken after a separator: %q", lines[0])
	assert.Contains(t, texts[5], "body")

	// Without Bound nothing is recorded (a 申报书 of an earlier version).
	var buf bytes.Buffer
	_, err = Bind(Input{Body: f.body, Version: NewVersion()}, &buf)
	require.NoError(t, err)
	info, err = ReadInfo(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.False(t, info.BoundRecorded)
}

// A page whose content streams cannot be joined (one is damaged) is
// framed with its streams as they are: it binds, its text is inside the
// frame.
func TestFrameKeepsUndecodableStreams(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	dir := t.TempDir()
	att := filepath.Join(dir, "split.pdf")
	require.NoError(t, os.WriteFile(att, testpdf.SplitContent("SPLITWORD"), 0o644))
	out := filepath.Join(dir, "bound.pdf")
	_, err := BindFile(Input{Body: f.body, Version: NewVersion(), Meta: testMeta(),
		Documents: []Document{{Path: att, After: 5, Label: "附件 1  宣传报道 · 标题 · 证明材料"}}}, out)
	require.NoError(t, err)
	pages := bboxPages(t, out)
	require.Len(t, pages, 6)
	var word *bboxWord
	for i, w := range pages[5].Words {
		if w.Text == "SPLITWORD" {
			word = &pages[5].Words[i]
		}
	}
	require.NotNil(t, word, "the text of the page is kept")
	assert.Greater(t, word.YMin, FrameHeader)
	assert.Contains(t, pageTexts(t, out, "-raw")[5], "附件 1 宣传报道 · 标题 · 证明材料")
	info, err := Inspect(out)
	require.NoError(t, err)
	assert.Empty(t, info.Problems())
}

// The frame's geometry: A4 in the page's orientation, never enlarged,
// centred between the bands; a rotated page's user space maps onto the
// frame the way it is viewed.
func TestFramedGeometry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		w, h      float64
		pw, ph, k float64
		centredX  bool
	}{
		{"A5 at 100 %", 420, 595, 595.28, 841.89, 1, true},
		{"A4 scaled to the bands", 595.28, 841.89, 595.28, 841.89, (841.89 - FrameHeader - FrameFooter) / 841.89, true},
		{"landscape", 842, 595, 841.89, 595.28, (595.28 - FrameHeader - FrameFooter) / 595, true},
		{"a tiny card stays small", 153, 243, 595.28, 841.89, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pw, ph, k, x, y := framedGeometry(tt.w, tt.h)
			assert.InDelta(t, tt.pw, pw, 0.01)
			assert.InDelta(t, tt.ph, ph, 0.01)
			assert.InDelta(t, tt.k, k, 0.001)
			assert.InDelta(t, pw/2, x+k*tt.w/2, 0.01, "centred across")
			assert.InDelta(t, FrameFooter+(ph-FrameHeader-FrameFooter)/2, y+k*tt.h/2, 0.01, "centred between the bands")
		})
	}
	// /Rotate 90 of a 595 × 842 page: its user space's lower left corner
	// is viewed at the top left.
	g := geometry{box: types.NewRectangle(0, 0, 595, 842), rotate: 90}
	inv, err := inverse(g.toUser())
	require.NoError(t, err)
	x, y := apply(inv, 0, 0)
	assert.InDelta(t, 0, x, 0.001)
	assert.InDelta(t, 595, y, 0.001)
	back := multiply(inv, g.toUser())
	for i, v := range []float64{1, 0, 0, 1, 0, 0} {
		assert.InDelta(t, v, back[i], 1e-9)
	}
	r := enclose([6]float64{0, 1, -1, 0, 100, 0}, 0, 0, 10, 20)
	assert.Equal(t, types.NewNumberArray(80, 0, 100, 10), r)
}
