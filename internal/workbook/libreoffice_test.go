package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/lotest"
)

// soffice converts files with LibreOffice into outDir and returns the
// converted paths (see lotest).
func soffice(t *testing.T, outDir, convertTo string, infilter string, files ...string) []string {
	t.Helper()
	return lotest.ConvertWith(t, lotest.Options{To: convertTo, Infilter: infilter}, outDir, files...)
}

// richSheets is goodSheets with values of every kind in 创业团队.
func richSheets() []sheetSpec {
	teams := headerStrings("teams")
	return withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{
		{"累计创业团队情况汇总表"},
		append([]any{"序号"}, anys(teams)...),
		{1, "甲队 & <乙>", 44197, 3, "否", nil, "否", nil, "附件/甲 队.pdf", "是", 44300, 12.5, "附件/证明.pdf"},
		{2, " 前后空格 ", 44197.5, 0.1, "是", 44200, "否", nil, "a\nb", "否"},
		nil,
		{3, "全角（括号）１２３", 1, true, false, nil, nil, nil, nil, nil, nil, 1234567.891},
		{4, "😀 emoji", formula("DATE(2021,1,1)")},
	}})
}

// TestLibreOfficeRoundTrip: a workbook saved by LibreOffice reads as the
// excelize-written original, and agrees cell by cell with excelize's own
// raw reading of the LibreOffice file.
func TestLibreOfficeRoundTrip(t *testing.T) {
	t.Parallel()
	src := writeBook(t, t.TempDir(), "申报数据.xlsx", richSheets())
	outDir := t.TempDir()
	lo := soffice(t, outDir, "xlsx", "", src)[0]

	orig := openPkg(t, nil, src)
	conv := openPkg(t, nil, lo)
	assert.Empty(t, orig.Findings, describe(orig.Findings))
	assert.Empty(t, conv.Findings, describe(conv.Findings))
	require.Len(t, conv.Tables, len(orig.Tables))
	for i, ot := range orig.Tables {
		ct := conv.Tables[i]
		assert.Equal(t, ot.HeaderRow, ct.HeaderRow, ot.Name)
		assert.Equal(t, ot.Present, ct.Present, ot.Name)
		want, got := rowsOf(t, orig, ot.Sheet.Key), rowsOf(t, conv, ct.Sheet.Key)
		require.Len(t, got, len(want), ot.Name)
		for r := range want {
			for c := range want[r].Cells {
				w, g := want[r].Cells[c], got[r].Cells[c]
				if w.Kind == KindFormula {
					// excelize stores no result; LibreOffice stores the computed one
					assert.Equal(t, KindFormula, g.Kind)
					assert.True(t, w.Uncached, "excelize stores no result")
					assert.False(t, g.Uncached, "LibreOffice stores the result")
					assert.Equal(t, "44197", g.Value, "LibreOffice's cached result")
					continue
				}
				assert.Equal(t, w, g, "%s!%s", ot.Name, w.Ref)
			}
		}
	}

	// Cell by cell against excelize reading the LibreOffice file.
	xf, err := excelize.OpenFile(lo, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	defer xf.Close()
	for _, tb := range conv.Tables {
		require.NoError(t, conv.Each(tb, func(r Row) error {
			for _, c := range r.Cells {
				if c.Ref == "" {
					continue
				}
				v, err := xf.GetCellValue(tb.Name, c.Ref, excelize.Options{RawCellValue: true})
				require.NoError(t, err)
				if c.Kind == KindBool {
					v = map[string]string{"TRUE": "1", "FALSE": "0", "1": "1", "0": "0"}[v]
				}
				assert.Equal(t, v, c.Value, "%s!%s", tb.Name, c.Ref)
			}
			return nil
		}))
	}
}

// TestLibreOfficeFromCSV: a CSV turned into a workbook by LibreOffice reads
// with typed cells: numbers and ISO dates become numbers.
func TestLibreOfficeFromCSV(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv := filepath.Join(dir, "创业团队.csv")
	require.NoError(t, os.WriteFile(csv, []byte(
		"团队名称,入驻时间,创业团队人员数量,是否转化为企业,转化为企业注册时间,是否迁出,迁出时间,入驻协议,是否获得投融资,获得时间,投融资金额(万元),投融资证明材料\n"+
			"甲队,2021-01-01,3,否,,否,,附件/甲.pdf,否,,,\n"+
			",,,,,,,,,,,\n"+
			"乙队,2021-02-01,,是,2021-06-30,否,,附件/乙.pdf,是,2021-07-01,\"1,000.5\",附件/乙证明.pdf\n"), 0o644))
	out := t.TempDir()
	lo := soffice(t, out, "xlsx", "CSV:44,34,76,1,,2052", csv)[0]
	p := openPkg(t, nil, lo)
	assert.Empty(t, only(p.Findings, finding.HeaderNotFound), describe(p.Findings))
	assert.Empty(t, only(p.Findings, finding.ColumnMissing), describe(p.Findings))
	tb := p.Table("teams")
	require.NotNil(t, tb, describe(p.Findings))
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 2)
	assert.Equal(t, 2, rows[0].Number)
	assert.Equal(t, 4, rows[1].Number, "the blank CSV line is a skipped row; numbering kept")
	assert.Equal(t, Cell{Value: "甲队", Kind: KindString, Row: 2, Ref: "A2"}, rows[0].Cells[0])
	assert.Equal(t, Cell{Value: "44197", Kind: KindNumber, Row: 2, Ref: "B2"}, rows[0].Cells[1], "an ISO date becomes a serial")
	assert.Equal(t, Cell{Value: "3", Kind: KindNumber, Row: 2, Ref: "C2"}, rows[0].Cells[2])
	assert.Equal(t, "44377", rows[1].Cells[4].Value)
	assert.Equal(t, Cell{Value: "附件/乙.pdf", Kind: KindString, Row: 4, Ref: "H4"}, rows[1].Cells[7])
}

// TestLibreOfficeOldFormats: a real .xls and a real .ods, renamed .xlsx,
// are FILE-UNREADABLE with the right advice.
func TestLibreOfficeOldFormats(t *testing.T) {
	t.Parallel()
	src := writeBook(t, t.TempDir(), "data.xlsx", goodSheets())
	for _, tc := range []struct{ to, text string }{
		{"xls", "97-2003"},
		{"ods", ".ods"},
	} {
		t.Run(tc.to, func(t *testing.T) {
			out := t.TempDir()
			conv := soffice(t, out, tc.to, "", src)[0]
			dir := t.TempDir()
			renamed := filepath.Join(dir, "申报数据.xlsx")
			require.NoError(t, os.Rename(conv, renamed))
			p := openPkg(t, nil, dir)
			require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings), describe(p.Findings))
			assert.Contains(t, p.Findings[0].Message, tc.text)
		})
	}
}
