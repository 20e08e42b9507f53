package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/testpdf"
)

// An attachment with a page smaller than A7 (a receipt, an ID card scanned
// to its size): build-pdf refuses, naming the file, its cell and the page,
// and says to scan it again at A4 or A5; a draft binds it, and verify of
// that draft names the attachment's page too small.
func TestBuildPDFRefusesSmallPage(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	const att = "attachments/创业团队/云帆无人机团队-入驻协议.pdf"
	card := testpdf.Pages("card", testpdf.A4, testpdf.Page{W: 54 * testpdf.MM, H: 86 * testpdf.MM})
	require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.FromSlash(att)), card, 0o644))

	code, out, errOut := runCLI(t, "build-pdf", dir)
	assert.Equal(t, ExitFindings, code, out+errOut)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "ATTACHMENT-PAGE-TOO-SMALL")
	assert.Contains(t, errOut, "创业团队!")
	assert.Contains(t, errOut, att+`"的第 2 页只有 54×86 毫米，小于 A7`)
	assert.Contains(t, errOut, "重新扫描为 A4 或 A5")
	assert.NoDirExists(t, filepath.Join(dir, "output"), "nothing written")

	code, out, errOut = runCLI(t, "build-pdf", dir, "--draft")
	require.Equal(t, ExitOK, code, errOut)
	m := regexp.MustCompile(`已生成申报书 (.+\.pdf)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	code, out, _ = runCLI(t, "verify", m[1], dir)
	assert.Equal(t, ExitFindings, code)
	// The bound page is framed on A4 (not too small in the PDF); the
	// data still has the small page.
	assert.Contains(t, out, `的第 2 页只有 54×86 毫米，小于 A7`)
}
