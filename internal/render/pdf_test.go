package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needTool skips the test when a command-line tool is missing, except in
// CI, which installs it.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s not installed (CI must install poppler-utils)", name)
	}
}

// savePDF writes pdf into a temporary file and returns its path.
func savePDF(t *testing.T, pdf []byte) string {
	t.Helper()
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "output starts with %%PDF-")
	p := filepath.Join(t.TempDir(), "out.pdf")
	require.NoError(t, os.WriteFile(p, pdf, 0o644))
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	require.NoError(t, err, "%s %v: %s", name, args, out)
	return string(out)
}

// pdfText is the text of a PDF in reading order, one line per text line.
func pdfText(t *testing.T, path string) string {
	return run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
}

func pdfPages(t *testing.T, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	require.NotNil(t, m, "pdfinfo prints the page count")
	n, _ := strconv.Atoi(m[1])
	return n
}

// squeeze removes all white space, so that text can be compared across
// line breaks.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
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

func TestParagraphPDF(t *testing.T) {
	d, err := New(Options{})
	require.NoError(t, err)
	d.AddPage()
	para := "众创空间应当具备专业的服务团队（不少于3名专职人员），为入驻的创业团队和企业提供“一站式”服务……主要包括：创业辅导、投融资对接、技术转移——以及市场推广。"
	text := strings.Repeat(para+"\n", 40)
	require.NoError(t, d.Paragraph(text, Style{Size: 12, Indent: 2, Align: AlignJustify}))
	assert.Greater(t, d.Pages(), 1, "40 paragraphs run onto a second page")
	assert.Empty(t, d.Missing())
	var buf bytes.Buffer
	_, err = d.WriteTo(&buf)
	require.NoError(t, err)
	path := savePDF(t, buf.Bytes())

	assert.Equal(t, d.Pages(), pdfPages(t, path))
	got := pdfText(t, path)
	assert.Equal(t, squeeze(text), squeeze(got), "pdftotext gives back the text")
	for _, line := range strings.Split(got, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "\f"))
		if r := []rune(line); len(r) > 0 {
			assert.False(t, in(noStart, r[0]), "line starts with closing punctuation: %q", line)
			assert.False(t, in(noEnd, r[len(r)-1]), "line ends with opening punctuation: %q", line)
		}
	}
	assertEmbeddedSubset(t, path)
	assert.Less(t, buf.Len(), 200<<10, "only the glyphs used are embedded")
}

func TestMissingGlyphs(t *testing.T) {
	d, err := New(Options{})
	require.NoError(t, err)
	d.AddPage()
	require.NoError(t, d.Paragraph("王𠀀明😀", Style{Size: 12}))
	assert.Equal(t, []rune{'😀', '𠀀'}, d.Missing())
}
