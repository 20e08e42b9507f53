package annotate

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// smallBook writes a workbook of two sheets: 团队, with a note, a formula,
// a number format, a dropdown, a conditional format and a print area; and
// 其他, without notes.
func smallBook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "团队"))
	_, err := f.NewSheet("其他")
	require.NoError(t, err)
	require.NoError(t, f.SetSheetRow("团队", "A1", &[]any{"名称", "金额", "合计", "日期"}))
	require.NoError(t, f.SetSheetRow("团队", "A2", &[]any{"甲", 12.5, nil, 45000}))
	require.NoError(t, f.SetCellFormula("团队", "C2", "B2*2"))
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14, Font: &excelize.Font{Bold: true},
		Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}}})
	require.NoError(t, err)
	require.NoError(t, f.SetCellStyle("团队", "D2", "D2", date))
	require.NoError(t, f.AddComment("团队", excelize.Comment{Cell: "B2", Author: "小王", Text: "原来的批注"}))
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A2:A100"
	require.NoError(t, dv.SetDropList([]string{"甲", "乙"}))
	require.NoError(t, f.AddDataValidation("团队", dv))
	grey, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	require.NoError(t, err)
	require.NoError(t, f.SetConditionalFormat("团队", "B2:B100", []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: ">", Format: &grey, Value: "100"}}))
	require.NoError(t, f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'团队'!$A$1:$D$2", Scope: "团队"}))
	require.NoError(t, f.SetDefinedName(&excelize.DefinedName{Name: "清单", RefersTo: "'其他'!$A$1:$A$3"}))
	require.NoError(t, f.SetCellValue("其他", "C3", "x"))
	path := filepath.Join(t.TempDir(), "book.xlsx")
	require.NoError(t, f.SaveAs(path))
	return path
}

func TestPlacement(t *testing.T) {
	for _, slow := range []bool{false, true} {
		t.Run(map[bool]string{false: "fast", true: "through excelize"}[slow], func(t *testing.T) {
			slowOnly = slow
			defer func() { slowOnly = false }()
			testPlacement(t)
		})
	}
}

func testPlacement(t *testing.T) {
	src := smallBook(t)
	fs := []finding.Finding{
		{Rule: "CELL-RANGE", Severity: finding.Warning, Sheet: "团队", Cell: "B2", Message: "团队!B2：金额太大 <1000> & 请核对。"},
		{Rule: "CELL-TYPE", Severity: finding.Error, Sheet: "团队", Cell: "B2", Message: "团队!B2：无法识别，应填写数字。"},
		{Rule: "CELL-MERGED", Severity: finding.Error, Sheet: "团队", Cell: "D5:E6", Message: "合并单元格。"},
		{Rule: "CELL-TOO-LONG", Severity: finding.Warning, Sheet: "其他", Cell: "C3", Message: "太长\x0b了。"},
		{Rule: "COLUMN-MISSING", Severity: finding.Error, Sheet: "其他", Column: "金额", Message: "其他：缺少“金额”列，请补上。"},
		{Rule: "SHEET-MISSING", Severity: finding.Error, Sheet: "入驻企业", Message: "缺少“入驻企业”表。"},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(context.Background(), src, fs, msg.ZH, &buf))
	data := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	orig, err := excelize.OpenFile(src)
	require.NoError(t, err)
	defer orig.Close()

	assert.Equal(t, []string{SheetName, "团队", "其他"}, f.GetSheetList())
	assert.Equal(t, 0, f.GetActiveSheetIndex())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	files := map[string]*zip.File{}
	for _, zf := range zr.File {
		files[zf.Name] = zf
	}
	parts, err := sheetPaths(files)
	require.NoError(t, err)
	for sheet, part := range parts {
		b, err := readPart(files[part])
		require.NoError(t, err)
		assert.Equal(t, sheet == SheetName, tabSelectedRE.Match(b), "%s selected", sheet)
	}

	// Two findings on one cell: one note, the earlier text first, the
	// worse severity's fill.
	team := commentsOf(t, f, "团队")
	assert.True(t, strings.HasPrefix(team["B2"], "原来的批注\n\n"), team["B2"])
	assert.Contains(t, team["B2"], "金额太大 <1000> & 请核对。（CELL-RANGE）\n无法识别，应填写数字。（CELL-TYPE）")
	assert.Equal(t, ErrorFill, fillOf(t, f, "团队", "B2"))
	for _, ref := range []string{"D5", "E5", "D6", "E6"} {
		assert.Equal(t, ErrorFill, fillOf(t, f, "团队", ref), ref)
	}
	assert.Contains(t, team["D5"], "合并单元格。（CELL-MERGED）")
	assert.Contains(t, team["A1"], "缺少“入驻企业”表。（SHEET-MISSING）", "a missing sheet: on A1 of the first sheet")
	assert.Equal(t, "", fillOf(t, f, "团队", "A1"), "a workbook-level note fills nothing")

	other := commentsOf(t, f, "其他")
	assert.Equal(t, `太长\x0b了。（CELL-TOO-LONG）`, other["C3"], "control characters shown escaped")
	assert.Equal(t, WarningFill, fillOf(t, f, "其他", "C3"))
	assert.Equal(t, "缺少“金额”列，请补上。（COLUMN-MISSING）", other["A1"])
	assert.Equal(t, ErrorFill, fillOf(t, f, "其他", "A1"))
	assert.Len(t, other, 2)

	// What the original had stays.
	formula, err := f.GetCellFormula("团队", "C2")
	require.NoError(t, err)
	assert.Equal(t, "B2*2", formula)
	dvs, err := f.GetDataValidations("团队")
	require.NoError(t, err)
	assert.Len(t, dvs, 1)
	cfs, err := f.GetConditionalFormats("团队")
	require.NoError(t, err)
	assert.Len(t, cfs["B2:B100"], 1, "the sheet's conditional format stays")
	assert.Len(t, cfs, 2, "and the marks' own comes first")
	id, err := f.GetCellStyle("团队", "D2")
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	assert.Equal(t, 14, st.NumFmt)
	assert.True(t, st.Font.Bold)
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Name] = d.Scope + " " + d.RefersTo
	}
	assert.Equal(t, "团队 '团队'!$A$1:$D$2", names["_xlnm.Print_Area"], "a sheet's name keeps its sheet")
	assert.Equal(t, "Workbook '其他'!$A$1:$A$3", names["清单"])
	assert.Contains(t, names["_xlnm._FilterDatabase"], SheetName)

	// The list, sorted as the reports are; the cell of a finding without
	// one links to A1 of its sheet.
	rows, err := f.GetRows(SheetName)
	require.NoError(t, err)
	require.Len(t, rows, len(fs)+1)
	links := map[string]string{}
	for i := 2; i <= len(rows); i++ {
		ok, loc, err := f.GetCellHyperLink(SheetName, "C"+itoa(i))
		require.NoError(t, err)
		if ok {
			links[rows[i-1][5]] = rows[i-1][2] + " → " + loc
		}
	}
	assert.Equal(t, map[string]string{
		"CELL-RANGE":     "B2 → '团队'!B2",
		"CELL-TYPE":      "B2 → '团队'!B2",
		"CELL-MERGED":    "D5:E6 → '团队'!D5:E6",
		"CELL-TOO-LONG":  "C3 → '其他'!C3",
		"COLUMN-MISSING": "其他 → '其他'!A1",
		"SHEET-MISSING":  "整个工作簿 → '团队'!A1",
	}, links)
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestCells(t *testing.T) {
	top, refs, ok := cells("F21:E20")
	require.True(t, ok)
	assert.Equal(t, "E20", top)
	assert.Equal(t, []string{"E20", "F20", "E21", "F21"}, refs)
	_, refs, ok = cells("A1:XFD1048576")
	require.True(t, ok)
	assert.Len(t, refs, maxRangeCells)
	_, _, ok = cells("第3行")
	assert.False(t, ok)
}

func TestPatchCells(t *testing.T) {
	const head = `<worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>`
	tests := []struct {
		name, data string
		styles     map[string]int
		want       string
	}{
		{"a cell's style replaced", `<sheetData><row r="2"><c r="B2" s="3" t="s"><v>0</v></c></row></sheetData>`,
			map[string]int{"B2": 9}, `<sheetData><row r="2"><c r="B2" s="9" t="s"><v>0</v></c></row></sheetData>`},
		{"a style added", `<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>`,
			map[string]int{"B2": 9}, `<sheetData><row r="2"><c r="B2" s="9"><v>1</v></c></row></sheetData>`},
		{"cells added in order", `<sheetData><row r="2" spans="1:3"><c r="B2"/></row></sheetData>`,
			map[string]int{"A2": 7, "C2": 8}, `<sheetData><row r="2" spans="1:3"><c r="A2" s="7"/><c r="B2"/><c r="C2" s="8"/></row></sheetData>`},
		{"rows added in order", `<sheetData><row r="3"><c r="A3"/></row></sheetData>`,
			map[string]int{"B1": 1, "A5": 2}, `<sheetData><row r="1"><c r="B1" s="1"/></row><row r="3"><c r="A3"/></row><row r="5"><c r="A5" s="2"/></row></sheetData>`},
		{"an empty row opened", `<sheetData><row r="4" ht="20"/></sheetData>`,
			map[string]int{"C4": 5}, `<sheetData><row r="4" ht="20"><c r="C4" s="5"/></row></sheetData>`},
		{"empty sheet data", `<sheetData/>`,
			map[string]int{"A1": 5}, `<sheetData><row r="1"><c r="A1" s="5"/></row></sheetData>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			tail := func(b []byte) []byte { return append([]byte("[tail]"), b...) }
			require.NoError(t, patchCells(w, []byte(head+tt.data+`<pageMargins/></worksheet>`), tt.styles, unselect, tail))
			require.NoError(t, w.Flush())
			assert.Equal(t, `<worksheet><sheetViews><sheetView workbookViewId="0"/></sheetViews>`+tt.want+`[tail]<pageMargins/></worksheet>`, buf.String())
		})
	}
}

func TestCellStyles(t *testing.T) {
	b := []byte(`<worksheet><cols><col min="1" max="3" style="4"/></cols><sheetData>` +
		`<row r="1" s="6" customFormat="1"><c r="A1" s="2"/></row><row r="2"><c r="B2"/></row></sheetData></worksheet>`)
	got, err := cellStyles(b, map[string]bool{"A1": true, "B1": true, "B2": true, "C2": true, "D2": true})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A1": 2, "B1": 6, "B2": 0, "C2": 4, "D2": 0}, got)
	_, err = cellStyles([]byte(`<x:worksheet><x:sheetData/></x:worksheet>`), map[string]bool{"A1": true})
	assert.ErrorIs(t, err, errUnusual)
}
