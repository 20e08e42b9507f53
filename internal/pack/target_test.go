package pack

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsPDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	assert.True(t, IsPDF(write("a.PDF", "anything")), "by its extension")
	assert.True(t, IsPDF(write("无扩展名", "%PDF-1.7\n")), "by its first bytes")
	assert.False(t, IsPDF(write("b.zip", "%PDF-1.7\n")), "a .zip is a package")
	assert.False(t, IsPDF(write("c.bin", "PK\x03\x04")))
	assert.False(t, IsPDF(filepath.Join(dir, "missing")))
}

// The package of a 申报书: the working folder when it holds a workbook,
// else the PDF's folder, else the folder above (build-pdf's output/).
func TestPackageOfPDF(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.MkdirAll(filepath.Join("pkg", "output"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "申报数据.xlsx"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "~$申报数据.xlsx"), []byte("x"), 0o644))
	pdf := filepath.Join("pkg", "output", "申报书-A.pdf")
	assert.Equal(t, "pkg", PackageOfPDF(pdf), "the folder above output/, relative")
	assert.Equal(t, "pkg", PackageOfPDF(filepath.Join("pkg", "申报书-A.pdf")), "its own folder")

	t.Chdir(filepath.Join(dir, "pkg", "output"))
	assert.Equal(t, filepath.Join(dir, "pkg"), PackageOfPDF("申报书-A.pdf"), "from inside output/")

	t.Chdir(filepath.Join(dir, "pkg"))
	assert.Equal(t, ".", PackageOfPDF(filepath.Join("output", "申报书-A.pdf")), "the working folder")

	other := t.TempDir()
	t.Chdir(other)
	assert.Equal(t, other, PackageOfPDF(filepath.Join(other, "x.pdf")), "no workbook anywhere: its own folder")
}
