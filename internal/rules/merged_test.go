package rules

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// mergeIn merges ranges of a sheet of a written workbook.
func mergeIn(t *testing.T, path, sheet string, ranges ...[2]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	for _, r := range ranges {
		require.NoError(t, f.MergeCell(sheet, r[0], r[1]))
	}
	require.NoError(t, f.Save())
}

// TestMergedCellsAcrossDataRows: "否" merged over 是否迁出 of two teams is one
// CELL-MERGED naming the range, not CELL-REQUIRED on the second team's
// cell; merges in the title row, within one row's unread columns or over
// blank rows are no finding.
func TestMergedCellsAcrossDataRows(t *testing.T) {
	t.Parallel()
	teamIn2 := with(teamIn, "name", "团队戊", "moved_out", nil) // its 是否迁出 hidden by the merge
	sheets := replace(goodSheets(), "teams", func(s *sheetSpec) {
		s.rows = []rowVals{teamIn, teamIn2, teamConverted, teamMovedOut, with(teamFinanced, "amount", num("50"))}
	})
	// Teams: title row 1, header row 2, 序号 in A; 是否迁出 is column G.
	tests := []struct {
		name   string
		ranges [][2]string
		want   []string
	}{
		{"是否迁出 merged over two teams", [][2]string{{"G3", "G4"}, {"A1", "M1"}, {"B20", "C22"}},
			[]string{"CELL-MERGED@创业团队!G3:G4"}},
		{"no merge: the hidden cell is empty", nil, []string{"CELL-REQUIRED@创业团队!G4"}},
		{"a merge over 序号 only is not read", [][2]string{{"A3", "A4"}}, []string{"CELL-REQUIRED@创业团队!G4"}},
		{"a block over several columns and rows", [][2]string{{"E3", "G4"}},
			[]string{"CELL-MERGED@创业团队!E3:G4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePackage(t, sheets)
			path := filepath.Join(dir, "申报数据.xlsx")
			if len(tc.ranges) > 0 {
				mergeIn(t, path, "创业团队", tc.ranges...)
			}
			res, err := Validate([]string{dir}, config.Default())
			require.NoError(t, err)
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+"@"+f.Sheet+"!"+f.Cell)
			}
			assert.Equal(t, tc.want, got, dump(res.Findings))
			for _, f := range res.Findings {
				if f.Rule != finding.CellMerged {
					continue
				}
				assert.Equal(t, finding.Error, f.Severity)
				assert.Equal(t, 3, f.Row, "the first data row of the range")
				assert.Contains(t, f.Message, "取消合并")
				assert.Contains(t, f.Message, "第 3–4 行")
				assert.Equal(t, "申报数据.xlsx", f.File)
			}
		})
	}
}

// TestMergedCellsInAForm: a value merged over two fields of 基础信息.
func TestMergedCellsInAForm(t *testing.T) {
	t.Parallel()
	sheets := replace(goodSheets(), "basic", func(s *sheetSpec) {
		s.rows = []rowVals{with(basicOK, "operating_since", day("2019-03-01"), "phone", nil)}
	})
	dir := writePackage(t, sheets)
	// 基础信息: header row 1, fields from row 2 in schema order; 联系人 is
	// row 10, 联系电话 row 11.
	mergeIn(t, filepath.Join(dir, "申报数据.xlsx"), "基础信息", [2]string{"B10", "B11"})
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	require.Len(t, res.Findings, 1, dump(res.Findings))
	f := res.Findings[0]
	assert.Equal(t, finding.CellMerged, f.Rule)
	assert.Equal(t, "B10:B11", f.Cell)
	assert.Equal(t, "联系人", f.Column)
}

// TestOverlongCellCountsItsRealLength: a 40,000-character narrative is
// reported as 40,000 characters long, though the reader keeps only
// limits.cell_chars of them.
func TestOverlongCellCountsItsRealLength(t *testing.T) {
	t.Parallel()
	// excelize writes at most 32,767 characters to a cell (as Excel does);
	// other writers write more.
	sheets := replace(goodSheets(), "narrative", func(s *sheetSpec) {
		s.rows = []rowVals{with(narrOK, "brand", "PLACEHOLDER")}
	})
	dir := writePackage(t, sheets)
	replaceInZip(t, filepath.Join(dir, "申报数据.xlsx"), "PLACEHOLDER", strings.Repeat("字", 40000))
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	require.Len(t, res.Findings, 1, dump(res.Findings))
	f := res.Findings[0]
	assert.Equal(t, finding.CellTooLong, f.Rule)
	assert.Contains(t, f.Message, "40000")
	assert.NotContains(t, f.Message, "32767")
	assert.Len(t, []rune(f.Value), 32767, "the value kept is bounded")
}

// replaceInZip rewrites every entry of a zip with old replaced by new.
func replaceInZip(t *testing.T, path, old, new string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		found = found || bytes.Contains(b, []byte(old))
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(bytes.ReplaceAll(b, []byte(old), []byte(new)))
		require.NoError(t, err)
	}
	require.NoError(t, zr.Close())
	require.NoError(t, zw.Close())
	require.True(t, found, "%s not in %s", old, path)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}
