package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

func TestGoodPackageHasNoFindings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "申报数据.xlsx", goodSheets())
	p := openPkg(t, nil, dir)
	assert.Empty(t, p.Findings, describe(p.Findings))
	assert.Equal(t, dir, p.Dir)
	assert.Equal(t, []string{filepath.Join(dir, "申报数据.xlsx")}, p.Files)
	require.Len(t, p.Tables, len(schema.Sheets()))
	for i, tb := range p.Tables {
		assert.Equal(t, schema.Sheets()[i], tb.Sheet, "tables in schema order")
		assert.Equal(t, 1, tb.HeaderRow, tb.Name)
		assert.Equal(t, "申报数据.xlsx", tb.RelFile)
		for j, ok := range tb.Present {
			assert.True(t, ok, "%s: column %s not present", tb.Name, tb.Sheet.Columns[j].Header)
		}
	}
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 2)
	assert.Equal(t, 2, rows[0].Number)
	assert.Equal(t, Cell{Value: "name-1", Kind: KindString, Row: 2, Ref: "A2"}, rows[0].Cells[0])
	assert.Equal(t, Cell{Value: "financing_proof-2", Kind: KindString, Row: 3, Ref: "L3"}, rows[1].Cells[11])
}

func TestTableReading(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	tests := []struct {
		name   string
		rows   [][]any
		header int
		// want: row number → key → value
		want     map[int]map[string]string
		wantRefs map[int]map[string]string
	}{
		{
			name:   "header on row 3 after a title and a note",
			rows:   [][]any{{"累计创业团队情况汇总表"}, {"注：带 * 为必填"}, anys(teams), {"甲队", 44197}},
			header: 3,
			want:   map[int]map[string]string{4: {"name": "甲队", "joined_on": "44197"}},
		},
		{
			name: "headers with spaces, full-width forms, stars and line breaks",
			rows: [][]any{
				{"* 团队名称", "入驻\n时间", "创业团队人员数量*", "是否转化为企业", "转化为企业注册时间", "是否迁出",
					"迁出时间", "入驻协议", "是否获得投融资", "获得时间", "投融资金额（万元）", "投融资证明材料\u3000"},
				{"甲队", nil, nil, nil, nil, nil, nil, nil, nil, nil, "12.5"},
			},
			header: 1,
			want:   map[int]map[string]string{2: {"name": "甲队", "amount": "12.5"}},
		},
		{
			name:   "columns in any order",
			rows:   [][]any{reversed(teams), {"K", "J", "I", "H", "G", "F", "E", "D", "C", "B", "A", "甲队"}},
			header: 1,
			want: map[int]map[string]string{2: {"name": "甲队", "joined_on": "A", "members": "B", "converted": "C",
				"registered_on": "D", "moved_out": "E", "moved_out_on": "F", "agreement": "G", "financed": "H",
				"financed_on": "I", "amount": "J", "financing_proof": "K"}},
			wantRefs: map[int]map[string]string{2: {"name": "L2", "financing_proof": "A2"}},
		},
		{
			name:     "a 序号 column is ignored",
			rows:     [][]any{append([]any{"序号"}, anys(teams)...), {1, "甲队"}},
			header:   1,
			want:     map[int]map[string]string{2: {"name": "甲队"}},
			wantRefs: map[int]map[string]string{2: {"name": "B2", "moved_out_on": "H2"}},
		},
		{
			name: "blank rows skipped, row numbers kept",
			rows: [][]any{anys(teams), {"甲队"}, nil, {" ", "\u3000"}, {nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "\u00a0"}, {"乙队"}},
			// rows 3–5 are blank: missing, white space only, no-break space only
			header: 1,
			want:   map[int]map[string]string{2: {"name": "甲队"}, 6: {"name": "乙队"}},
		},
		{
			name:   "rows holding only a 序号 are blank",
			rows:   [][]any{append([]any{"序号"}, anys(teams)...), {1, "甲队"}, {2}, {3}},
			header: 1,
			want:   map[int]map[string]string{2: {"name": "甲队"}},
		},
		{
			name:   "header on row 10 is found",
			rows:   append(make([][]any, 9), anys(teams), []any{"甲队"}),
			header: 10,
			want:   map[int]map[string]string{11: {"name": "甲队"}},
		},
		{
			name:   "exactly half of the headers is a header row",
			rows:   [][]any{anys(teams[:6]), {"甲队"}},
			header: 1,
			want:   map[int]map[string]string{2: {"name": "甲队"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: tc.rows}))
			p := openPkg(t, nil, dir)
			assert.Empty(t, only(p.Findings, finding.HeaderNotFound), describe(p.Findings))
			assert.Empty(t, only(p.Findings, finding.ColumnUnknown), describe(p.Findings))
			tb := p.Table("teams")
			require.NotNil(t, tb)
			assert.Equal(t, tc.header, tb.HeaderRow)
			got := map[int]map[string]string{}
			refs := map[int]map[string]string{}
			for _, r := range rowsOf(t, p, "teams") {
				got[r.Number] = map[string]string{}
				refs[r.Number] = map[string]string{}
				for i, c := range r.Cells {
					if c.Value != "" {
						got[r.Number][tb.Sheet.Columns[i].Key] = c.Value
					}
					refs[r.Number][tb.Sheet.Columns[i].Key] = c.Ref
					if tb.Present[i] {
						assert.Equal(t, r.Number, c.Row, "cell row")
						assert.NotEmpty(t, c.Ref, "present column %s has a reference even when empty", tb.Sheet.Columns[i].Key)
					}
				}
			}
			assert.Equal(t, tc.want, got)
			for row, m := range tc.wantRefs {
				for k, ref := range m {
					assert.Equal(t, ref, refs[row][k], "ref of %s in row %d", k, row)
				}
			}
		})
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func reversed(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[len(ss)-1-i] = s
	}
	return out
}

// TestStructuralFindings: each structural rule fires where it should, with
// a near miss that must not fire.
func TestStructuralFindings(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	media := headerStrings("media")
	type want struct {
		rule, sheet, column, cell string
		row                       int
		severity                  finding.Severity
	}
	tests := []struct {
		name   string
		sheets []sheetSpec
		want   []want // exactly these findings
	}{
		{
			name:   "unknown sheet",
			sheets: append(goodSheets(), sheetSpec{name: "Sheet1"}),
			want:   []want{{rule: finding.SheetUnknown, sheet: "Sheet1", severity: finding.Warning}},
		},
		{
			name: "auxiliary sheets are not unknown",
			sheets: append(goodSheets(), sheetSpec{name: "填报说明"}, sheetSpec{name: "汇总"},
				sheetSpec{name: "选项"}, sheetSpec{name: " 汇总 "}, sheetSpec{name: "检查结果"}),
		},
		{
			name:   "a data sheet name with trailing space is recognised",
			sheets: append(without(goodSheets(), "宣传报道"), sheetSpec{name: "宣传报道 ", rows: [][]any{anys(media)}}),
		},
		{
			name:   "missing sheet",
			sheets: without(goodSheets(), "获得荣誉"),
			want:   []want{{rule: finding.SheetMissing, sheet: "获得荣誉", severity: finding.Error}},
		},
		{
			name:   "header in row 11 is not found",
			sheets: withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: append(make([][]any, 10), anys(teams))}),
			want:   []want{{rule: finding.HeaderNotFound, sheet: "创业团队", severity: finding.Error}},
		},
		{
			name:   "fewer than half of the headers",
			sheets: withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{anys(teams[:5]), {"甲队"}}}),
			want:   []want{{rule: finding.HeaderNotFound, sheet: "创业团队", severity: finding.Error}},
		},
		{
			name:   "an empty sheet has no header",
			sheets: withSheet(goodSheets(), sheetSpec{name: "创业导师"}),
			want:   []want{{rule: finding.HeaderNotFound, sheet: "创业导师", severity: finding.Error}},
		},
		{
			name: "missing required and conditional columns, once each",
			sheets: withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{
				anys(remove(teams, "入驻协议", "迁出时间")), {"甲队"}, {"乙队"}}}),
			want: []want{
				{rule: finding.ColumnMissing, sheet: "创业团队", column: "迁出时间", severity: finding.Error},
				{rule: finding.ColumnMissing, sheet: "创业团队", column: "入驻协议", severity: finding.Error},
			},
		},
		{
			name:   "a missing optional column is not reported",
			sheets: withSheet(goodSheets(), sheetSpec{name: "宣传报道", rows: [][]any{anys(remove(media, "报道链接")), {"标题"}}}),
		},
		{
			name: "duplicate column",
			sheets: withSheet(goodSheets(), sheetSpec{name: "宣传报道", rows: [][]any{
				append(anys(media), "媒体名称"), {"标题"}}}),
			want: []want{{rule: finding.ColumnDuplicate, sheet: "宣传报道", column: "媒体名称", cell: "F1", row: 1, severity: finding.Error}},
		},
		{
			name: "unknown column is a warning; blank header cells are ignored",
			sheets: withSheet(goodSheets(), sheetSpec{name: "宣传报道", rows: [][]any{
				append(anys(media), nil, " ", "备注"), {"标题"}}}),
			want: []want{{rule: finding.ColumnUnknown, sheet: "宣传报道", column: "备注", cell: "H1", row: 1, severity: finding.Warning}},
		},
		{
			name: "the title row above the header is not checked",
			sheets: withSheet(goodSheets(), sheetSpec{name: "宣传报道", rows: [][]any{
				{"宣传报道情况", "说明"}, anys(media), {"标题"}}}),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeBook(t, dir, "a.xlsx", tc.sheets)
			p := openPkg(t, nil, dir)
			var got []want
			for _, f := range p.Findings {
				got = append(got, want{f.Rule, f.Sheet, f.Column, f.Cell, f.Row, f.Severity})
				assert.NotEmpty(t, f.Message)
				assert.NotContains(t, f.Message, "{", "unfilled placeholder in %q", f.Message)
			}
			assert.ElementsMatch(t, tc.want, got, describe(p.Findings))
		})
	}
}

func remove(ss []string, drop ...string) []string {
	var out []string
next:
	for _, s := range ss {
		for _, d := range drop {
			if s == d {
				continue next
			}
		}
		out = append(out, s)
	}
	return out
}

func TestHeaderNotFoundTableHasNoRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{{"甲队"}, {"乙队"}}}))
	p := openPkg(t, nil, dir)
	tb := p.Table("teams")
	require.NotNil(t, tb)
	assert.Equal(t, 0, tb.HeaderRow)
	assert.Empty(t, rowsOf(t, p, "teams"))
}

func TestUnknownSheetSuggestsTheDataSheet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", append(without(goodSheets(), "创业团队"), sheetSpec{name: "创业团队表"}))
	p := openPkg(t, nil, dir)
	unknown := only(p.Findings, finding.SheetUnknown)
	require.Len(t, unknown, 1, describe(p.Findings))
	assert.Contains(t, unknown[0].Message, "是否应命名为“创业团队”")
	assert.Len(t, only(p.Findings, finding.SheetMissing), 1)
}

func TestSeveralFiles(t *testing.T) {
	t.Parallel()
	t.Run("sheets of two files merge", func(t *testing.T) {
		dir := t.TempDir()
		all := goodSheets()
		writeBook(t, dir, "a.xlsx", all[:5])
		writeBook(t, dir, "b.xlsx", all[5:])
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		assert.Len(t, p.Tables, len(all))
		assert.Equal(t, "b.xlsx", p.Table("teams").RelFile)
		assert.Equal(t, filepath.Join(dir, "b.xlsx"), p.Table("teams").File)
		assert.Equal(t, "a.xlsx", p.Table("basic").RelFile)
	})
	t.Run("the same data sheet in two files", func(t *testing.T) {
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", goodSheets())
		writeBook(t, dir, "b.xlsx", []sheetSpec{{name: "创业团队", rows: [][]any{anys(headerStrings("teams")), {"别的队"}}}})
		p := openPkg(t, nil, dir)
		dup := only(p.Findings, finding.SheetDuplicate)
		require.Len(t, dup, 1, describe(p.Findings))
		assert.Equal(t, "b.xlsx", dup[0].File)
		assert.Equal(t, "创业团队", dup[0].Sheet)
		assert.Contains(t, dup[0].Message, "a.xlsx")
		assert.Equal(t, "a.xlsx", p.Table("teams").RelFile, "the first copy is read")
		assert.Equal(t, "name-1", rowsOf(t, p, "teams")[0].Cells[0].Value)
	})
	t.Run("files given explicitly; the folder is the first file's", func(t *testing.T) {
		dir := t.TempDir()
		other := t.TempDir()
		all := goodSheets()
		a := writeBook(t, dir, "a.xlsx", all[:5])
		b := writeBook(t, other, "b.xlsx", all[5:])
		p := openPkg(t, nil, a, b, a)
		assert.Empty(t, p.Findings, describe(p.Findings))
		assert.Equal(t, dir, p.Dir)
		assert.Equal(t, []string{a, b}, p.Files, "a file given twice is read once")
		assert.Equal(t, "a.xlsx", p.Table("basic").RelFile)
		rel := p.Table("teams").RelFile
		assert.True(t, rel == b || filepath.Base(rel) == "b.xlsx", rel)
	})
	t.Run("lock files, hidden files and other files are skipped", func(t *testing.T) {
		dir := t.TempDir()
		writeBook(t, dir, "申报数据.xlsx", goodSheets())
		require.NoError(t, os.WriteFile(filepath.Join(dir, "~$申报数据.xlsx"), []byte("lock"), 0o644))
		writeBook(t, dir, ".hidden.xlsx", goodSheets())
		require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644))
		require.NoError(t, os.Mkdir(filepath.Join(dir, "sub.xlsx"), 0o755))
		writeBook(t, filepath.Join(dir, "sub.xlsx"), "nested.xlsx", goodSheets())
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		assert.Equal(t, []string{filepath.Join(dir, "申报数据.xlsx")}, p.Files)
	})
	t.Run("the extension is matched without regard to case", func(t *testing.T) {
		dir := t.TempDir()
		writeBook(t, dir, "DATA.XLSX", goodSheets())
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		assert.Len(t, p.Files, 1)
	})
}

func TestForms(t *testing.T) {
	t.Parallel()
	basic := schema.ByKey("basic")
	t.Run("fields in any order, each cell positioned", func(t *testing.T) {
		rows := [][]any{{"基础信息"}, {"项目", "内容"}}
		for i := len(basic.Columns) - 1; i >= 0; i-- {
			rows = append(rows, []any{basic.Columns[i].Header, "v-" + basic.Columns[i].Key})
		}
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "基础信息", rows: rows}))
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		got := rowsOf(t, p, "basic")
		require.Len(t, got, 1)
		assert.Equal(t, 2, got[0].Number)
		require.Len(t, got[0].Cells, len(basic.Columns))
		last := len(basic.Columns) - 1
		assert.Equal(t, Cell{Value: "v-name", Kind: KindString, Row: 3 + last, Ref: "B" + itoa(3+last)}, got[0].Cells[0])
		assert.Equal(t, Cell{Value: "v-commitment", Kind: KindString, Row: 3, Ref: "B3"}, got[0].Cells[last])
	})
	t.Run("missing, unknown and duplicate fields", func(t *testing.T) {
		rows := [][]any{{"项目", "内容"}, {"*众创空间名称", "甲空间"}, {"网站", "http://x"}, {"联系人"}, {"联系人 ", "又一个"}, {nil, "孤立值"}}
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "基础信息", rows: rows}))
		p := openPkg(t, nil, dir)
		assert.ElementsMatch(t, []string{finding.ColumnUnknown, finding.ColumnDuplicate}, rules(p.Findings), describe(p.Findings))
		unk := only(p.Findings, finding.ColumnUnknown)[0]
		assert.Equal(t, "A3", unk.Cell)
		assert.Equal(t, "网站", unk.Column)
		assert.Equal(t, finding.Warning, unk.Severity)
		dup := only(p.Findings, finding.ColumnDuplicate)[0]
		assert.Equal(t, "A5", dup.Cell)
		assert.Equal(t, "联系人", dup.Column)
		got := rowsOf(t, p, "basic")[0]
		assert.Equal(t, Cell{Value: "甲空间", Kind: KindString, Row: 2, Ref: "B2"}, got.Cells[0])
		contact := basic.ColumnIndex("contact")
		assert.Equal(t, Cell{Kind: KindEmpty, Row: 4, Ref: "B4"}, got.Cells[contact], "the first 联系人 row, its value cell empty")
		assert.Equal(t, Cell{}, got.Cells[basic.ColumnIndex("operator")], "a missing field has no reference")
		assert.False(t, p.Table("basic").Present[basic.ColumnIndex("operator")])
	})
	t.Run("the narrative alias and a header in other columns", func(t *testing.T) {
		rows := [][]any{{nil, "栏目", "内容"}, {nil, "服务能力", "一"}, {nil, "发展规划、目标及措施", "二"}}
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "文字材料", rows: rows}))
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		got := rowsOf(t, p, "narrative")[0]
		assert.Equal(t, Cell{Value: "二", Kind: KindString, Row: 3, Ref: "C3"}, got.Cells[3])
	})
	t.Run("a form without its header", func(t *testing.T) {
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "文字材料", rows: [][]any{{"服务能力", "一"}}}))
		p := openPkg(t, nil, dir)
		nf := only(p.Findings, finding.HeaderNotFound)
		require.Len(t, nf, 1, describe(p.Findings))
		assert.Equal(t, "文字材料", nf[0].Sheet)
		assert.Contains(t, nf[0].Message, "栏目")
		assert.Empty(t, rowsOf(t, p, "narrative"))
	})
	t.Run("only the 项目 header: values are read from the next column", func(t *testing.T) {
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "基础信息", rows: [][]any{{"项目"}, {"众创空间名称", "甲"}}}))
		p := openPkg(t, nil, dir)
		assert.Empty(t, p.Findings, describe(p.Findings))
		assert.Equal(t, "甲", rowsOf(t, p, "basic")[0].Cells[0].Value)
	})
}

func itoa(n int) string { return cellRef(0, n)[1:] }

func TestCellKinds(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{
		anys(teams),
		{"甲队", 44500.0, 3, true, formula("DATE(2021,1,1)"), false},
		{nil, nil, formula("1+2")}, // a formula never calculated: not a blank row
	}}))
	p := openPkg(t, nil, dir)
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 2)
	c := rows[0].Cells
	assert.Equal(t, KindString, c[0].Kind)
	assert.Equal(t, Cell{Value: "44500", Kind: KindNumber, Row: 2, Ref: "B2"}, c[1])
	assert.Equal(t, Cell{Value: "1", Kind: KindBool, Row: 2, Ref: "D2"}, c[3])
	assert.Equal(t, KindFormula, c[4].Kind)
	assert.True(t, c[4].Uncached, "written by a program, never calculated")
	assert.Equal(t, Cell{Value: "0", Kind: KindBool, Row: 2, Ref: "F2"}, c[5])
	assert.Equal(t, Cell{Kind: KindEmpty, Row: 2, Ref: "G2"}, c[6])
	assert.Equal(t, 3, rows[1].Number)
	assert.Equal(t, KindFormula, rows[1].Cells[2].Kind)
}

func TestDate1904(t *testing.T) {
	t.Parallel()
	for _, on := range []bool{false, true} {
		dir := t.TempDir()
		writeBook(t, dir, "a.xlsx", goodSheets(), func(f *excelize.File) {
			v := on
			require.NoError(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v}))
		})
		p := openPkg(t, nil, dir)
		for _, tb := range p.Tables {
			assert.Equal(t, on, tb.Date1904, "%s with date1904=%v", tb.Name, on)
		}
	}
}

func TestEachStopsOnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", goodSheets())
	p := openPkg(t, nil, dir)
	stop := errors.New("stop")
	n := 0
	err := p.Each(p.Table("teams"), func(Row) error { n++; return stop })
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
	assert.ErrorIs(t, p.Each(p.Table("basic"), func(Row) error { return stop }), stop)
	assert.NoError(t, p.Each(nil, func(Row) error { return stop }), "a nil table has no rows")
}

func TestEachIsRepeatableAndConcurrent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", goodSheets())
	p := openPkg(t, nil, dir)
	var wg sync.WaitGroup
	counts := make([]int, 8)
	for i := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tb := p.Tables[i%len(p.Tables)]
			_ = p.Each(tb, func(Row) error { counts[i]++; return nil })
		}()
	}
	wg.Wait()
	for i, n := range counts {
		assert.Positive(t, n, "reader %d", i)
	}
	assert.Empty(t, p.Findings)
}

func TestMessagesInEnglish(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", append(without(goodSheets(), "获得荣誉"), sheetSpec{name: "Sheet1"}))
	cfg := config.Default()
	cfg.Lang = msg.EN
	p := openPkg(t, cfg, dir)
	require.Len(t, p.Findings, 2, describe(p.Findings))
	for _, f := range p.Findings {
		assert.NotRegexp(t, `请|。`, f.Message, "English message expected: %s", f.Message)
	}
}

// TestMessagesExist: every key the reader uses has both languages.
func TestMessagesExist(t *testing.T) {
	t.Parallel()
	for _, k := range msg.Keys() {
		if len(k) > 9 && k[:9] == "workbook." {
			zh, en := msg.ZH.T(k), msg.EN.T(k)
			assert.NotEqual(t, zh, en, "%s: same text in both languages", k)
			assert.NotEqual(t, k, zh)
		}
	}
}

// TestProtectedWorkbookReads: sheet and structure protection (a password
// to edit, not to open) does not stop reading.
func TestProtectedWorkbookReads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", goodSheets(), func(f *excelize.File) {
		require.NoError(t, f.ProtectSheet("创业团队", &excelize.SheetProtectionOptions{Password: "x"}))
		require.NoError(t, f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{Password: "x", LockStructure: true}))
	})
	p := openPkg(t, nil, dir)
	assert.Empty(t, p.Findings, describe(p.Findings))
	assert.Len(t, rowsOf(t, p, "teams"), 2)
}
