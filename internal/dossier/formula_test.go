package dossier

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
)

// A formula with a cached value is its value: a package whose 众创空间面积
// is =C2+D2+E2+F2 (cached 860) reads, checks and digests as the one that
// holds 860; never calculated, it is CELL-TYPE.
func TestFormulaWithCachedValueIsItsValue(t *testing.T) {
	t.Parallel()
	copyGood := func(edit func(f *excelize.File)) string {
		dir := filepath.Join(t.TempDir(), "good")
		require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "good"))))
		book := filepath.Join(dir, "申报数据.xlsx")
		f, err := excelize.OpenFile(book)
		require.NoError(t, err)
		edit(f)
		require.NoError(t, f.Save())
		require.NoError(t, f.Close())
		return dir
	}
	plain := copyGood(func(*excelize.File) {})
	cached := copyGood(func(f *excelize.File) {
		require.NoError(t, f.SetCellValue("服务场地", "B2", 860))
		require.NoError(t, f.SetCellFormula("服务场地", "B2", "C2+D2+E2+F2"))
	})
	uncached := copyGood(func(f *excelize.File) {
		require.NoError(t, f.SetCellValue("服务场地", "B2", nil))
		require.NoError(t, f.SetCellFormula("服务场地", "B2", "C2+D2+E2+F2"))
	})
	read := func(dir string) *Data {
		d, err := Read([]string{dir}, config.Default())
		require.NoError(t, err)
		return d
	}
	p, c, u := read(plain), read(cached), read(uncached)
	assert.Empty(t, c.Findings, "no finding for a formula with its value")
	assert.Equal(t, p.Digest, c.Digest, "the digest uses the value")
	require.Len(t, u.Findings, 1)
	assert.Equal(t, "CELL-TYPE", u.Findings[0].Rule)
}
