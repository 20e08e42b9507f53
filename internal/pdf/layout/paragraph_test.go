package layout

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func pdfPages(t *testing.T, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	require.NotNil(t, m, "pdfinfo prints the page count")
	n, _ := strconv.Atoi(m[1])
	return n
}

// assertEmbeddedSubset checks with pdffonts that every font is embedded
// as a subset with a Unicode map (text can be copied out).
func assertEmbeddedSubset(t *testing.T, path string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	require.Greater(t, len(lines), 2, "pdffonts lists a font")
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		require.GreaterOrEqual(t, len(f), 7, "pdffonts line %q", l)
		assert.Regexp(t, `^[A-Z]{6}\+`, f[0], "subset tag in the font name")
		assert.Equal(t, []string{"yes", "yes", "yes"}, f[len(f)-5:len(f)-2], "emb sub uni of %q", l)
	}
}

// Paragraphs run onto new pages, justified, broken by the rules of
// Chinese typesetting, and come back from the PDF as the same text.
func TestParagraphPDF(t *testing.T) {
	t.Parallel()
	para := "众创空间应当具备专业的服务团队（不少于3名专职人员），为入驻的创业团队和企业提供“一站式”服务……主要包括：创业辅导、投融资对接、技术转移——以及市场推广。"
	text := strings.Repeat(para+"\n", 40)
	doc := Input{Margins: Margins{Top: 71, Right: 71, Bottom: 71, Left: 71},
		Sections: []Section{{Blocks: []Block{Paragraphs{Text: text, Style: Style{Size: 12, Indent: 2, Align: Justify}}}}}}
	var buf bytes.Buffer
	lay, err := Render(&buf, doc)
	require.NoError(t, err)
	assert.Greater(t, lay.Pages, 1, "40 paragraphs run onto a second page")
	assert.Empty(t, lay.Missing)
	assert.Empty(t, lay.Bookmarks, "no contents, no outline")
	path := filepath.Join(t.TempDir(), "out.pdf")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))

	assert.Equal(t, lay.Pages, pdfPages(t, path))
	got := strings.Join(pageTexts(t, path), "")
	assert.Equal(t, squeeze(text), squeeze(got), "pdftotext gives back the text")
	for _, line := range strings.Split(got, "\n") {
		if r := []rune(strings.TrimSpace(line)); len(r) > 0 {
			assert.False(t, in(noStart, r[0]), "line starts with closing punctuation: %q", line)
			assert.False(t, in(noEnd, r[len(r)-1]), "line ends with opening punctuation: %q", line)
		}
	}
	assertEmbeddedSubset(t, path)
	assert.Less(t, buf.Len(), 200<<10, "only the glyphs used are embedded")
}
