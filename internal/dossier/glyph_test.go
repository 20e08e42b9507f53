package dossier

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/pdf/font"
)

// Debian's fonts-hanazono (installed by .ci/run): HanaMinA covers the
// BMP's ideographs and Extension A, HanaMinB Extension B and beyond.
const (
	hanaA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
	hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
)

func needFonts(t *testing.T) {
	t.Helper()
	for _, p := range []string{hanaA, hanaB} {
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is needed in CI (.ci/run installs fonts-hanazono)", p)
			}
			t.Skipf("%s not installed (apt-get install fonts-hanazono)", p)
		}
	}
}

// setFirst writes value into the first data row of the column headed
// header in sheet.
func setFirst(t *testing.T, book, sheet, header, value string) {
	t.Helper()
	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for r, row := range rows {
		for c, v := range row {
			if strings.TrimSpace(strings.Trim(v, "*")) == header {
				ref, err := excelize.CoordinatesToCellName(c+1, r+2)
				require.NoError(t, err)
				require.NoError(t, f.SetCellValue(sheet, ref, value))
				require.NoError(t, f.Save())
				return
			}
		}
	}
	t.Fatalf("no header %s in %s", header, sheet)
}

// rareText is the good example with rare characters in cells that the
// 申报书 prints: CJK Extension B (𠀀 U+20000, 𪚥 U+2A6A5, 𠮷 U+20BB7) and
// Extension A (㐀 U+3400).
func rareText(t *testing.T) string {
	dir := copyExample(t, "good")
	book := filepath.Join(dir, "申报数据.xlsx")
	setFirst(t, book, "宣传报道", "报道标题", "𠀀𪚥生僻字团队")
	setFirst(t, book, "获得荣誉", "荣誉名称", "吉𠮷㐀荣誉")
	return dir
}

// Characters the font lacks are warnings at their cells, and build-pdf
// refuses (nothing written) unless --draft.
func TestBuildRefusesMissingGlyphs(t *testing.T) {
	t.Parallel()
	dir := rareText(t)
	b, err := Build([]string{dir}, config.Default(), Options{NoAttachments: true})
	require.ErrorIs(t, err, ErrGlyphsMissing)
	assert.Equal(t, 2, GlyphsMissing(b.Data.Findings))
	errs, _ := b.Data.Counts()
	assert.Zero(t, errs, "warnings only")
	for _, f := range b.Data.Findings {
		if f.Rule == finding.CellGlyphMissing {
			assert.Equal(t, finding.Warning, f.Severity)
		}
	}
	_, statErr := os.Stat(filepath.Join(dir, "output"))
	assert.ErrorIs(t, statErr, fs.ErrNotExist, "nothing written")

	d := build(t, dir, Options{Draft: true, NoAttachments: true})
	assert.FileExists(t, d.Path)
}

// With the Hanazono fonts after the shipped one in pdf.font, the rare
// characters are printed, switching fonts within a line, and come back
// from the PDF as text.
func TestBuildWithFallbackFonts(t *testing.T) {
	t.Parallel()
	needFonts(t)
	needTool(t, "pdftotext")
	needTool(t, "pdffonts")
	dir := rareText(t)
	cfg := config.Default()
	cfg.Fonts = []string{"builtin", hanaA, hanaB}
	b, err := Build([]string{dir}, cfg, Options{NoAttachments: true})
	require.NoError(t, err)
	assert.Zero(t, GlyphsMissing(b.Data.Findings))

	out, err := exec.Command("pdftotext", "-raw", b.Path, "-").Output()
	require.NoError(t, err)
	text := string(out)
	assert.Contains(t, text, "𠀀𪚥生僻字团队")
	assert.Contains(t, text, "吉𠮷㐀荣誉")
	assert.Contains(t, text, "星火创客空间", "the rest as before")
	fonts, err := exec.Command("pdffonts", b.Path).Output()
	require.NoError(t, err)
	assert.Contains(t, string(fonts), "WenQuanYiMicroHei")
	assert.Contains(t, string(fonts), "EmbeddedFont", "the fallbacks are embedded (as subsets)")
	check, err := exec.Command("qpdf", "--check", b.Path).CombinedOutput()
	if !errors.Is(err, exec.ErrNotFound) {
		assert.NoError(t, err, string(check))
	}
}

// An emoji is in no CJK font: even with the fallbacks it is refused.
func TestBuildRefusesEmojiWithFallbacks(t *testing.T) {
	t.Parallel()
	needFonts(t)
	dir := copyExample(t, "good")
	setFirst(t, filepath.Join(dir, "申报数据.xlsx"), "宣传报道", "报道标题", "极客🚀咖啡团队")
	cfg := config.Default()
	cfg.Fonts = []string{"builtin", hanaA, hanaB}
	b, err := Build([]string{dir}, cfg, Options{NoAttachments: true})
	require.ErrorIs(t, err, ErrGlyphsMissing)
	require.Equal(t, 1, GlyphsMissing(b.Data.Findings))
	for _, f := range b.Data.Findings {
		if f.Rule == finding.CellGlyphMissing {
			assert.Contains(t, f.Message, "U+1F680")
			assert.Contains(t, f.Message, "请删除")
		}
	}
}

// A configured font that lacks the document's own texts (here HanaMinB
// alone: no 中文 at all) is refused before anything is written.
func TestBuildRefusesFontWithoutTheDocumentsText(t *testing.T) {
	t.Parallel()
	needFonts(t)
	dir := copyExample(t, "good")
	cfg := config.Default()
	cfg.Fonts = []string{"builtin", hanaB}
	_, err := Build([]string{dir}, cfg, Options{NoAttachments: true})
	require.NoError(t, err, "the shipped font first: all is printed")

	cfg.Fonts = []string{hanaB}
	_, err = Build([]string{dir}, cfg, Options{NoAttachments: true})
	var fe *font.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "font.no-glyphs", fe.Key)
	assert.Contains(t, fe.Localized("zh"), "HanaMinB.ttf")
}
