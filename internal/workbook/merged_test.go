package workbook

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
)

// mergedTeams is a package whose 创业团队 has a title row, the header in
// row 2 and three teams; 是否迁出 (column F) of the second team is left
// empty for a merge F3:F4 to cover.
func mergedTeams() []sheetSpec {
	teams := headerStrings("teams")
	row := func(name string, movedOut any) []any {
		return []any{name, 44197, 3, "否", nil, movedOut, nil, "附件/a.pdf", "否"}
	}
	return withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{
		{"累计创业团队情况汇总表"},
		anys(teams),
		row("甲队", "否"),
		row("乙队", nil),
		row("丙队", "否"),
	}})
}

func merge(ranges ...[2]string) func(*excelize.File) {
	return func(f *excelize.File) {
		for _, r := range ranges {
			if err := f.MergeCell("创业团队", r[0], r[1]); err != nil {
				panic(err)
			}
		}
	}
}

// mergedFindings reads every table of a package and returns its
// CELL-MERGED findings.
func mergedFindings(t *testing.T, p *Package) []finding.Finding {
	t.Helper()
	for _, tb := range p.Tables {
		require.NoError(t, p.Each(tb, func(Row) error { return nil }))
	}
	return only(p.Findings, finding.CellMerged)
}

func TestMergedRanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		ranges [][2]string
		want   []string // cells of the CELL-MERGED findings
	}{
		{"one column over two data rows", [][2]string{{"F3", "F4"}}, []string{"F3:F4"}},
		{"a block over three rows", [][2]string{{"D3", "F5"}}, []string{"D3:F5"}},
		{"the title row", [][2]string{{"A1", "L1"}}, nil},
		{"header and title", [][2]string{{"A1", "A2"}}, nil},
		{"within one data row", [][2]string{{"E3", "G3"}}, nil},
		{"from the header into one data row", [][2]string{{"F2", "F3"}}, nil},
		{"from the header over two data rows", [][2]string{{"F2", "F4"}}, []string{"F2:F4"}},
		{"over blank rows below the data", [][2]string{{"A6", "C9"}}, nil},
		{"one data row and blank rows", [][2]string{{"B5", "B8"}}, nil},
		{"columns that are not read", [][2]string{{"N3", "P5"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeBook(t, t.TempDir(), "申报数据.xlsx", mergedTeams(), merge(tc.ranges...))
			p := openPkg(t, nil, path)
			var got []string
			for _, f := range mergedFindings(t, p) {
				got = append(got, f.Cell)
				assert.Equal(t, "创业团队", f.Sheet)
				assert.Equal(t, "申报数据.xlsx", f.File)
				assert.Equal(t, finding.Error, f.Severity)
				assert.Contains(t, f.Message, "取消合并")
			}
			assert.Equal(t, tc.want, got, describe(p.Findings))
			_ = rowsOf(t, p, "teams") // read again: still one finding per range
			assert.Len(t, only(p.Findings, finding.CellMerged), len(tc.want))
		})
	}
}

func TestMergedFindingAndCoveredCells(t *testing.T) {
	t.Parallel()
	path := writeBook(t, t.TempDir(), "申报数据.xlsx", mergedTeams(), merge([2]string{"F3", "F4"}, [2]string{"H3", "I5"}))
	p := openPkg(t, nil, path)
	got := mergedFindings(t, p)
	require.Len(t, got, 2, describe(p.Findings))
	f := got[0]
	assert.Equal(t, "F3:F4", f.Cell)
	assert.Equal(t, 3, f.Row)
	assert.Equal(t, "是否迁出", f.Column)
	assert.Equal(t, "创业团队!F3:F4：这些合并单元格跨越了 2 个数据行（第 3–4 行），合并后只有左上角的 F3 有值，其余各行的这些单元格都读作空白。请选中该区域取消合并（“开始”选项卡中的“合并后居中”），再在每一行分别填写。", f.Message)
	assert.Equal(t, "入驻协议", got[1].Column)

	required := func(cell string) finding.Finding {
		return finding.Finding{Rule: finding.CellRequired, File: "申报数据.xlsx", Sheet: "创业团队", Cell: cell}
	}
	for cell, want := range map[string]bool{"F4": true, "F3": true, "I5": true, "H4": true, "F5": false, "G4": false, "E4": false, "J3": false} {
		assert.Equal(t, want, p.CoveredByMerge(required(cell)), cell)
	}
	other := required("F4")
	other.Rule = finding.CellType
	assert.False(t, p.CoveredByMerge(other), "only CELL-REQUIRED is covered")
	other = required("F4")
	other.Sheet = "入驻企业"
	assert.False(t, p.CoveredByMerge(other), "another sheet")
}

func TestMergedCellsSavedByLibreOffice(t *testing.T) {
	t.Parallel()
	src := writeBook(t, t.TempDir(), "申报数据.xlsx", mergedTeams(), merge([2]string{"F3", "F4"}, [2]string{"A1", "L1"}))
	lo := soffice(t, t.TempDir(), "xlsx", "", src)[0]
	p := openPkg(t, nil, lo)
	got := mergedFindings(t, p)
	require.Len(t, got, 1, describe(p.Findings))
	assert.Equal(t, "F3:F4", got[0].Cell)
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 3)
	assert.Equal(t, "否", rows[0].Cells[5].Value)
	assert.Equal(t, "", rows[1].Cells[5].Value, "LibreOffice keeps the value in the top-left cell only")
}

func TestRowSet(t *testing.T) {
	t.Parallel()
	var s rowSet
	for _, n := range []int{3, 4, 5, 9, 10, 2, 20} {
		s.add(n)
	}
	s.seal()
	for _, tc := range []struct{ a, b, first, last, n int }{
		{1, 100, 2, 20, 7},
		{4, 9, 4, 9, 3},
		{6, 8, 0, 0, 0},
		{10, 10, 10, 10, 1},
		{11, 19, 0, 0, 0},
		{1, 2, 2, 2, 1},
		{5, 3, 0, 0, 0},
	} {
		first, last, n := s.within(tc.a, tc.b)
		assert.Equal(t, [3]int{tc.first, tc.last, tc.n}, [3]int{first, last, n}, "[%d, %d]", tc.a, tc.b)
	}
}

func TestParseRange(t *testing.T) {
	t.Parallel()
	for ref, want := range map[string]mergeRange{
		"F2:F3":         {ref: "F2:F3", row1: 2, row2: 3, col1: 5, col2: 5},
		"$b$3:$A$1":     {ref: "B3:A1", row1: 1, row2: 3, col1: 0, col2: 1},
		"A1:XFD1048576": {ref: "A1:XFD1048576", row1: 1, row2: 1048576, col1: 0, col2: 16383},
	} {
		got, ok := parseRange(ref)
		assert.True(t, ok, ref)
		assert.Equal(t, want, got, ref)
	}
	for _, bad := range []string{"", "F2", "F:F", "2:3", "F0:F3", "F2:ZZZZ3"} {
		_, ok := parseRange(bad)
		assert.False(t, ok, bad)
	}
}

// TestMergesOfAFormSheet: a value merged over two fields of 基础信息.
func TestMergesOfAFormSheet(t *testing.T) {
	t.Parallel()
	specs := goodSheets()
	path := writeBook(t, t.TempDir(), "申报数据.xlsx", specs, func(f *excelize.File) {
		if err := f.MergeCell("基础信息", "B3", "B4"); err != nil {
			panic(err)
		}
		if err := f.MergeCell("基础信息", "A20", "B22"); err != nil { // below the fields
			panic(err)
		}
	})
	p := openPkg(t, nil, path)
	got := only(p.Findings, finding.CellMerged)
	require.Len(t, got, 1, describe(p.Findings))
	assert.Equal(t, "B3:B4", got[0].Cell)
	assert.Equal(t, "基础信息", got[0].Sheet)
	assert.Equal(t, "运营主体名称", got[0].Column)
	assert.True(t, p.CoveredByMerge(finding.Finding{Rule: finding.CellRequired, File: "申报数据.xlsx", Sheet: "基础信息", Cell: "B4"}))
}

// TestMergedConcurrentReads: tables read at once on several goroutines
// report each range once.
func TestMergedConcurrentReads(t *testing.T) {
	t.Parallel()
	path := writeBook(t, t.TempDir(), "申报数据.xlsx", mergedTeams(), merge([2]string{"F3", "F4"}))
	p := openPkg(t, nil, path)
	done := make(chan error)
	for range 4 {
		for _, tb := range p.Tables {
			go func() { done <- p.Each(tb, func(Row) error { return nil }) }()
		}
	}
	for range 4 * len(p.Tables) {
		require.NoError(t, <-done)
	}
	got := only(p.Findings, finding.CellMerged)
	require.Len(t, got, 1, describe(p.Findings))
	assert.True(t, p.CoveredByMerge(finding.Finding{Rule: finding.CellRequired, File: "申报数据.xlsx", Sheet: "创业团队", Cell: "F4"}))
}
