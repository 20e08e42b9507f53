package cli

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// --summary 汇总.xlsx: three sheets read back with excelize: a row per
// package (frozen header, autofilter, fills, widths), a row per finding
// across packages with links to the packages' rows, every finding.
func TestSummaryWorkbook(t *testing.T) {
	t.Parallel()
	dirs, want := plantedIntake(t)
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, out, errOut := runCLI(t, append([]string{"validate", "--summary", path}, dirs...)...)
	require.NotEqual(t, ExitNoRun, code, out+errOut)

	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"汇总", "跨包重复", "问题"}, f.GetSheetList())

	main, err := f.GetRows("汇总")
	require.NoError(t, err)
	require.Len(t, main, len(dirs)+1)
	assert.Equal(t, "文件", main[0][0])
	assert.Equal(t, "跨包提示", main[0][len(main[0])-1])
	for i, d := range dirs {
		assert.Equal(t, d, main[i+1][0])
	}
	assert.Contains(t, main[1][len(main[0])-1], "INTAKE-DUP-ENTERPRISE×2")
	panes, err := f.GetPanes("汇总")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, "A2", panes.TopLeftCell)
	cf, err := f.GetConditionalFormats("汇总")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(cf), 2, "fills for failed checks and conditions not met")
	w, err := f.GetColWidth("汇总", "A")
	require.NoError(t, err)
	assert.Greater(t, w, 20.0, "the file column fits its paths")

	cross, err := f.GetRows("跨包重复")
	require.NoError(t, err)
	require.Len(t, cross, len(want)+1, "a row per finding across packages")
	for i, r := range cross[1:] {
		n, err := strconv.Atoi(r[2])
		require.NoError(t, err)
		require.Len(t, r, 6+n, "a column per package")
		for j := range n {
			cell, _ := excelize.CoordinatesToCellName(7+j, i+2)
			ok, _, err := f.GetCellHyperLink("跨包重复", cell)
			require.NoError(t, err)
			assert.True(t, ok, "%s links", cell)
		}
	}
	ok, link, err := f.GetCellHyperLink("跨包重复", "G2")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Regexp(t, `^'汇总'!A[2-6]$`, link)

	issues, err := f.GetRows("问题")
	require.NoError(t, err)
	assert.Greater(t, len(issues), 1, "every finding of every package")
	ok, _, err = f.GetCellHyperLink("问题", "A2")
	require.NoError(t, err)
	assert.True(t, ok)
}
