package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A workbook given to verify, or a PDF or an image given to validate, says
// what it is and which command fits.
func TestWrongKindSaysWhichCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wb := filepath.Join(dir, "申报数据.xlsx")
	copyTo(t, filepath.Join(exampleDir("good"), "申报数据.xlsx"), wb)
	pdf := filepath.Join(dir, "申报书.pdf")
	require.NoError(t, os.WriteFile(pdf, []byte("%PDF-1.7\n%%EOF\n"), 0o644))
	jpg := filepath.Join(dir, "扫描件.jpg")
	require.NoError(t, os.WriteFile(jpg, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), 0o644))

	r := verifyRun(t, 1, false, wb)
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.out, "申报数据.xlsx 是 Excel 工作簿")
	assert.Contains(t, r.out, "mkspace validate "+filepath.Base(wb))
	assert.NotContains(t, r.out, "manifest.json")

	r = verifyRun(t, 1, false, jpg)
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.out, "是 JPEG 图片")

	code, out, _ := runCLI(t, "validate", pdf)
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "这是 PDF 文件，不是 Excel 工作簿。核验申报书请用 mkspace verify")
	code, out, _ = runCLI(t, "validate", jpg)
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "这是图片（JPEG 或 PNG），不是 Excel 工作簿")
}

// validate of a zip that holds no workbook names the zip, never the
// temporary folder it was unpacked into (gone when the user reads it).
func TestValidateZipWithoutWorkbookNamesTheZip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	z := filepath.Join(dir, "只有附件.zip")
	rezip(t, z, []string{"attachments/承诺书.pdf"}, map[string][]byte{"attachments/承诺书.pdf": []byte("%PDF-1.7\n%%EOF\n")}, false)
	code, out, errOut := runCLI(t, "validate", z)
	assert.Equal(t, ExitFindings, code, out+errOut)
	assert.Contains(t, out, "只有附件.zip")
	assert.NotContains(t, out, "mkspace-verify-")
	assert.NotContains(t, out, "  .  ", "the file column names the zip")
	assert.NotContains(t, out, os.TempDir())
}
