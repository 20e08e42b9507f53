package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// rarePackage is the good example with a 报道标题 in CJK Extension B.
func rarePackage(t *testing.T) string {
	t.Helper()
	dir := copyPackage(t, "good")
	f, err := excelize.OpenFile(filepath.Join(dir, "申报数据.xlsx"))
	require.NoError(t, err)
	rows, err := f.GetRows("宣传报道")
	require.NoError(t, err)
	for r, row := range rows {
		for c, v := range row {
			if v == "报道标题" || v == "*报道标题" {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
				require.NoError(t, f.SetCellValue("宣传报道", ref, "𠀀𪚥生僻字团队"))
			}
		}
	}
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	return dir
}

// validate warns at the cell (exit 0); build-pdf refuses (exit 1) and
// lists the findings, unless --draft; a pdf.font list with a font that has
// the characters lets it build.
func TestBuildPDFRefusesMissingGlyphs(t *testing.T) {
	t.Parallel()
	dir := rarePackage(t)
	code, out, errOut := runCLI(t, "validate", dir)
	require.Equal(t, ExitOK, code, errOut)
	assert.Contains(t, out, "CELL-GLYPH-MISSING")
	assert.Contains(t, out, "U+20000")

	code, out, errOut = runCLI(t, "build-pdf", dir, "--no-attachments")
	assert.Equal(t, ExitFindings, code, out+errOut)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "CELL-GLYPH-MISSING")
	assert.Contains(t, errOut, "未生成申报书")
	assert.NotContains(t, errOut, "ELIG-", "only the findings that stop the build")
	assert.NoDirExists(t, filepath.Join(dir, "output"))

	code, _, errOut = runCLI(t, "build-pdf", dir, "--no-attachments", "--draft")
	assert.Equal(t, ExitOK, code, errOut)

	const hanaA, hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
	if _, err := os.Stat(hanaB); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI (.ci/run installs fonts-hanazono)", hanaB)
		}
		t.Skip("fonts-hanazono not installed")
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mkspace.yaml"),
		[]byte("pdf:\n  font: [builtin, "+hanaA+", "+hanaB+"]\n"), 0o644))
	code, out, errOut = runCLI(t, "validate", dir)
	require.Equal(t, ExitOK, code, errOut)
	assert.NotContains(t, out, "CELL-GLYPH-MISSING")
	code, out, errOut = runCLI(t, "build-pdf", dir, "--no-attachments")
	assert.Equal(t, ExitOK, code, out+errOut)
}
