package xlsxtmpl

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// LibreOffice is a real client of the template: these tests open the
// workbook in it (headless) and read back what it kept and computed.

// soffice skips a test without LibreOffice (fails it in CI).
func soffice(t *testing.T) { t.Helper(); lotest.Require(t) }

// convert runs one headless LibreOffice conversion of files into out (see
// lotest).
func convert(t *testing.T, filter, out string, files ...string) {
	t.Helper()
	lotest.Convert(t, filter, out, files...)
}

// csvAllSheets is the CSV export filter: comma, double quote, UTF-8, cells
// as shown (number formats applied), every sheet to its own file
// (<name>-<sheet>.csv; LibreOffice 7.2 and later).
const csvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

func TestLibreOfficeRoundTrip(t *testing.T) {
	t.Parallel()
	soffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", DefaultFile)
	require.NoError(t, os.MkdirAll(filepath.Dir(in), 0o755))
	require.NoError(t, Write(in, Options{}, false))
	out := filepath.Join(dir, "out")
	convert(t, "xlsx", out, in)

	orig, err := excelize.OpenFile(in)
	require.NoError(t, err)
	defer orig.Close()
	f, err := excelize.OpenFile(filepath.Join(out, DefaultFile))
	require.NoError(t, err)
	defer f.Close()

	assert.Equal(t, orig.GetSheetList(), f.GetSheetList())
	vis, err := f.GetSheetVisible(schema.ListsSheet)
	require.NoError(t, err)
	assert.False(t, vis, "the lists sheet stays hidden")

	for _, s := range schema.Sheets() {
		for i := range s.Columns {
			c := &s.Columns[i]
			head := ColumnLetter(s.Col(i)) + "1"
			if s.Kind == schema.Form {
				head = "A" + strings.TrimPrefix(Cell(s.Col(i), 1), "B")
			}
			want, _ := orig.GetCellValue(s.Name, head)
			got, _ := f.GetCellValue(s.Name, head)
			assert.Equal(t, want, got, "%s!%s", s.Name, head)
			dvs := dvAt(t, f, s.Name, Cell(s.Col(i), 1))
			wantDVs := dvAt(t, orig, s.Name, Cell(s.Col(i), 1))
			require.Len(t, dvs, len(wantDVs), "%s %s: validation kept", s.Name, c.Header)
			if len(dvs) == 0 {
				continue
			}
			assert.Equal(t, wantDVs[0].Type, dvs[0].Type, "%s %s", s.Name, c.Header)
			switch {
			case dvs[0].Type == "list" && wantDVs[0].Formula1 == TeamNames:
				assert.Equal(t, TeamNames, dvs[0].Formula1, "%s %s: the team names' dropdown", s.Name, c.Header)
			case dvs[0].Type == "list":
				assert.Equal(t, schema.DefaultLists().Options(c), listSource(t, f, dvs[0].Formula1), "%s %s: dropdown", s.Name, c.Header)
			}
		}
		wantNotes, _ := orig.GetComments(s.Name)
		notes, err := f.GetComments(s.Name)
		require.NoError(t, err)
		assert.Len(t, notes, len(wantNotes), "%s: notes kept", s.Name)
		wantCF, _ := orig.GetConditionalFormats(s.Name)
		cf, err := f.GetConditionalFormats(s.Name)
		require.NoError(t, err)
		assert.Equal(t, countRules(wantCF), countRules(cf), "%s: conditional formats kept", s.Name)
	}
	for key, row := range summaryKeys(t, orig) {
		cell := "B" + strconv.Itoa(row)
		got, err := f.GetCellFormula(schema.SummarySheet, cell)
		require.NoError(t, err)
		assert.NotEmpty(t, got, "汇总 %s (%s): formula kept", key, cell)
	}
}

func countRules(m map[string][]excelize.ConditionalFormatOptions) int {
	n := 0
	for _, v := range m {
		n += len(v)
	}
	return n
}

// listSource resolves a list validation's source as LibreOffice writes it
// back: a defined name, or the range itself.
func listSource(t *testing.T, f *excelize.File, formula string) []string {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Name == formula {
			return listValues(t, f, formula)
		}
	}
	// a direct reference such as '选项'!$A$2:$A$4 or $选项.$A$2:$A$4
	ref := strings.TrimPrefix(formula, "=")
	require.NoError(t, f.SetDefinedName(&excelize.DefinedName{Name: "tmp_src", RefersTo: ref}), formula)
	defer func() { _ = f.DeleteDefinedName(&excelize.DefinedName{Name: "tmp_src"}) }()
	return listValues(t, f, "tmp_src")
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// rec is one data row by column key; nil is a blank row.
type rec map[string]any

func fillRows(t *testing.T, f *excelize.File, sheet string, rows ...rec) {
	t.Helper()
	s := schema.ByKey(sheet)
	for n, r := range rows {
		for k, v := range r {
			c, ok := s.Lookup(k)
			require.True(t, ok, "%s has no %s", sheet, k)
			cell := Cell(c, n+1)
			switch x := v.(type) {
			case string:
				require.NoError(t, f.SetCellStr(s.Name, cell, x))
			default:
				require.NoError(t, f.SetCellValue(s.Name, cell, x))
			}
		}
	}
}

// fillDataset writes a small hand-made package into the template. Window:
// 2020-11-01 to 2021-10-31. Dates sit on the first and last day of the
// window and on the day before and after, to test every boundary.
func fillDataset(t *testing.T, f *excelize.File) {
	y, n := schema.Yes, schema.No
	fillRows(t, f, "basic", rec{"name": "星火创客空间", "operating_since": day("2019-04-30")})
	fillRows(t, f, "media",
		rec{"title": "报道一", "outlet": "日报", "date": day("2021-01-05"), "proof": "a.pdf"},
		nil, // a blank row between records is skipped
		rec{"title": "报道二", "outlet": "晚报", "date": day("2021-02-05"), "proof": "b.pdf"},
		rec{"outlet": "电视台"}, // incomplete, but a record all the same
	)
	fillRows(t, f, "honors",
		rec{"title": "荣誉一", "issuer": "市科技局", "date": day("2020-06-01"), "proof": "h1.pdf"},
		rec{"title": "荣誉二", "issuer": "区政府", "date": day("2021-06-01"), "proof": "h2.pdf"},
	)
	fillRows(t, f, "venues",
		rec{"address": "一号楼", "area": 600, "team_enterprise_area": 300, "public_service_area": 150, "self_use_area": 100, "other_area": 50, "workstations": 40, "tenure": "租赁", "proof": "v1.pdf"},
		rec{"address": "二号楼", "area": 200.5, "team_enterprise_area": 100.25, "public_service_area": 60.25, "self_use_area": 30, "other_area": 10, "workstations": 12, "tenure": "自有产权", "proof": "v2.pdf"},
	)
	staff := rec{"name": "张三", "age": 30, "title": "经理", "education": "大学本科", "major": "管理", "experience": "五年", "proof": "s.pdf"}
	fillRows(t, f, "staff", staff, staff, staff, staff)
	fillRows(t, f, "mentors",
		rec{"name": "李四", "employer": "甲公司", "title": "总监", "field": "投资", "employment": "专职", "proof": "m1.pdf"},
		rec{"name": "王五", "employer": "乙大学", "title": "教授", "field": "技术", "employment": "兼职", "proof": "m2.pdf"},
		rec{"name": "赵六", "employer": "丙律所", "title": "律师", "field": "法律", "employment": "兼职", "proof": "m3.pdf"},
	)
	fillRows(t, f, "teams",
		// T1 in the space, joined the day before the window, financed on its last day
		rec{"name": "T1", "joined_on": day("2020-10-31"), "members": 5, "converted": n, "moved_out": n, "agreement": "t1.pdf", "financed": y, "financed_on": day("2021-10-31"), "amount": 50, "financing_proof": "f1.pdf"},
		// T2 in the space, joined on the first day
		rec{"name": "T2", "joined_on": day("2020-11-01"), "members": 3, "converted": n, "moved_out": n, "agreement": "t2.pdf", "financed": n},
		// T3 converted on the first day, financed the day before the window
		rec{"name": "T3", "joined_on": day("2019-06-01"), "converted": y, "registered_on": day("2020-11-01"), "moved_out": n, "agreement": "t3.pdf", "financed": y, "financed_on": day("2020-10-31"), "amount": 30.5, "financing_proof": "f3.pdf"},
		nil,
		// T4 joined in the window, converted on its last day
		rec{"name": "T4", "joined_on": day("2020-12-01"), "converted": y, "registered_on": day("2021-10-31"), "moved_out": n, "agreement": "t4.pdf", "financed": n},
		// T5 moved out the day before the window
		rec{"name": "T5", "joined_on": day("2019-01-01"), "converted": n, "moved_out": y, "moved_out_on": day("2020-10-31"), "agreement": "t5.pdf", "financed": n},
		// T6 moved out on the first day, financed inside the window
		rec{"name": "T6", "joined_on": day("2020-05-01"), "converted": n, "moved_out": y, "moved_out_on": day("2020-11-01"), "agreement": "t6.pdf", "financed": y, "financed_on": day("2021-03-01"), "amount": 20, "financing_proof": "f6.pdf"},
		// T7 joined the day after the window (the validator rejects it; the totals must not count it in the window)
		rec{"name": "T7", "joined_on": day("2021-11-01"), "members": 2, "converted": n, "moved_out": n, "agreement": "t7.pdf", "financed": n},
	)
	fillRows(t, f, "enterprises",
		// E1 converted from T3, registered on the first day, financed in the window
		rec{"name": "E1", "uscc": "91350100M000100Y43", "from_team": y, "team": "T3", "registered_on": day("2020-11-01"), "moved_out": n, "staff": 12, "agreement": "e1.pdf", "license": "l1.pdf", "financed": y, "financed_on": day("2021-06-01"), "amount": 200, "financing_proof": "g1.pdf"},
		// E2 converted from T4 on the last day
		rec{"name": "E2", "uscc": "91310110666007217T", "from_team": y, "team": "T4", "registered_on": day("2021-10-31"), "moved_out": n, "staff": 8, "agreement": "e2.pdf", "license": "l2.pdf", "financed": n},
		// E3 joined the day before the window, financed the day before
		rec{"name": "E3", "uscc": "914403001922038216", "from_team": n, "registered_on": day("2018-03-01"), "joined_on": day("2020-10-31"), "moved_out": n, "staff": 20, "agreement": "e3.pdf", "license": "l3.pdf", "financed": y, "financed_on": day("2020-10-31"), "amount": 100, "financing_proof": "g3.pdf"},
		// E4 joined on the last day
		rec{"name": "E4", "uscc": "91512081MA62K0260E", "from_team": n, "registered_on": day("2020-01-01"), "joined_on": day("2021-10-31"), "moved_out": n, "staff": 6, "agreement": "e4.pdf", "license": "l4.pdf", "financed": n},
		// E5 moved out the day before the window
		rec{"name": "E5", "uscc": "91350211M0000XUF46", "from_team": n, "registered_on": day("2017-01-01"), "joined_on": day("2018-01-01"), "moved_out": y, "moved_out_on": day("2020-10-31"), "agreement": "e5.pdf", "license": "l5.pdf", "financed": n},
		// E6 moved out on the last day, financed the day after the window
		rec{"name": "E6", "uscc": "91110000100000000A", "from_team": n, "registered_on": day("2019-01-01"), "joined_on": day("2019-02-01"), "moved_out": y, "moved_out_on": day("2021-10-31"), "agreement": "e6.pdf", "license": "l6.pdf", "financed": y, "financed_on": day("2021-11-01"), "amount": 10.25, "financing_proof": "g6.pdf"},
		// E7 joined the day after the window
		rec{"name": "E7", "uscc": "91110000100000001B", "from_team": n, "registered_on": day("2021-01-01"), "joined_on": day("2021-11-01"), "moved_out": n, "staff": 4, "agreement": "e7.pdf", "license": "l7.pdf", "financed": n},
	)
	fillRows(t, f, "activities",
		rec{"name": "A1", "kind": "创业沙龙", "date": day("2020-10-31"), "summary": "前一天", "proof": "a1.pdf"},
		rec{"name": "A2", "kind": "创业沙龙", "date": day("2020-11-01"), "summary": "第一天", "proof": "a2.pdf"},
		rec{"name": "A3", "kind": "项目路演", "date": day("2021-10-31"), "summary": "最后一天", "proof": "a3.pdf"},
		rec{"name": "A4", "kind": "项目路演", "date": day("2021-11-01"), "summary": "后一天", "proof": "a4.pdf"},
		rec{"name": "A5", "kind": "导师辅导", "date": day("2021-05-20"), "summary": "辅导", "proof": "a5.pdf"},
		rec{"name": "A6", "kind": "其他", "date": day("2021-03-03"), "summary": "其他", "proof": "a6.pdf"},
	)
}

// datasetTotals are the 汇总 figures of fillDataset, worked out by hand,
// as LibreOffice shows them (counts whole, areas and money with two
// decimals, the ratio with one and " %").
var datasetTotals = map[string]string{
	"media_reports": "3", // 3 records; the blank row is skipped, the incomplete one counts
	"honors":        "2",
	// venues: 600 + 200.5; parts 300+100.25, 150+60.25, 100+30, 50+10; 40+12 workstations
	"total_area":           "800.50",
	"team_enterprise_area": "400.25",
	"public_service_area":  "210.25",
	"self_use_area":        "130.00",
	"other_area":           "60.00",
	"workstations":         "52",
	"service_area_ratio":   "76.3 %", // (400.25 + 210.25) / 800.5 × 100 = 76.26…
	"professional_staff":   "4",
	"mentors":              "3",
	"mentors_full_time":    "1",
	"mentors_part_time":    "2",
	"management_staff":     "7", // 4 staff + 3 mentors
	"teams_total":          "7", // T1–T7; the blank row between T3 and T4 is skipped
	"teams_in_space":       "3", // T1, T2, T7 (否/否)
	"teams_converted":      "2", // T3, T4 (是/否)
	"teams_moved_out":      "2", // T5, T6 (否/是)
	"teams_financed":       "3", // T1, T3, T6
	// 50 + 30.5 + 20
	"teams_financing_amount": "100.50",
	// joined 2020-11-01 (T2) and 2020-12-01 (T4); not 2020-10-31 (T1) nor 2021-11-01 (T7)
	"teams_joined_in_window": "2",
	"enterprises_total":      "7",
	"enterprises_from_teams": "2", // E1, E2
	"enterprises_in_space":   "5", // E1, E2, E3, E4, E7
	"enterprises_moved_out":  "2", // E5, E6
	"enterprises_financed":   "3", // E1, E3, E6
	// 200 + 100 + 10.25
	"enterprises_financing_amount": "310.25",
	// E1 registered 2020-11-01 and E2 2021-10-31 (converted), E4 joined
	// 2021-10-31; not E3 (2020-10-31) nor E7 (2021-11-01)
	"enterprises_joined_in_window": "3",
	"enterprise_staff_in_space":    "50", // 12 + 8 + 20 + 6 + 4 (E5, E6 moved out)
	// A2 (first day), A3 (last day), A5, A6; not A1 (day before) nor A4 (day after)
	"activities":                "4",
	"activities_by_type.创业沙龙":   "1",
	"activities_by_type.项目路演":   "1",
	"activities_by_type.创业大赛":   "0",
	"activities_by_type.创业教育培训": "0",
	"activities_by_type.投融资对接":  "0",
	"activities_by_type.论坛讲座":   "0",
	"activities_by_type.导师辅导":   "1",
	"activities_by_type.交流合作":   "0",
	"activities_by_type.其他":     "1",
	// teams not converted in the space during the window: T1, T2, T6 (moved
	// out on the first day); not T5 (moved out the day before) nor T7
	// (joined after). Enterprises: E3, E4, E6 and the converted E1, E2; not
	// E5 (moved out before) nor E7 (joined after). 3 + 5
	"served_in_window": "8",
	// T3 converted 2020-11-01, T4 2021-10-31
	"conversions_in_window": "2",
	// T1 (2021-10-31), T6 (2021-03-01), E1 (2021-06-01); not T3, E3
	// (2020-10-31) nor E6 (2021-11-01)
	"financed_in_window": "3",
	// 2019-04-30 to 2021-10-31: 30 whole months
	"operating_months": "30",

	// the self-check with the default thresholds
	"elig.operating_months":         "满足",  // 30 ≥ 18
	"elig.area_or_workstations":     "满足",  // 800.5 m² ≥ 500 (and 52 workstations ≥ 30)
	"elig.service_area_ratio":       "满足",  // 76.3 ≥ 75
	"elig.public_service_area":      "满足",  // 210.25 > 0
	"elig.served":                   "不满足", // 8 < 20
	"elig.conversions_or_financing": "不满足", // 2 < 10 and 3 < 5
	"elig.professional_staff":       "满足",  // 4 ≥ 3
	"elig.mentors":                  "满足",  // 3 ≥ 3
	"elig.activities":               "不满足", // 4 < 10
}

// emptyTotals are the figures of the template with no data.
func emptyTotals() map[string]string {
	out := map[string]string{}
	for k, v := range datasetTotals {
		switch {
		case strings.HasPrefix(k, "elig."):
			out[k] = "不满足" // nothing is met without data
		case strings.Contains(v, "."):
			out[k] = "0.00"
		default:
			out[k] = "0"
		}
	}
	out["service_area_ratio"] = "—" // no area: no ratio
	out["operating_months"] = ""    // no start date
	return out
}

func TestLibreOfficeRecalculatesSummary(t *testing.T) {
	t.Parallel()
	soffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	require.NoError(t, os.MkdirAll(in, 0o755))

	f := newDefault(t, Options{})
	fillDataset(t, f)
	require.NoError(t, Save(f, filepath.Join(in, "data.xlsx"), false))
	require.NoError(t, Write(filepath.Join(in, "empty.xlsx"), Options{}, false))

	out := filepath.Join(dir, "out")
	convert(t, csvAllSheets, out, filepath.Join(in, "data.xlsx"), filepath.Join(in, "empty.xlsx"))

	for name, want := range map[string]map[string]string{"data": datasetTotals, "empty": emptyTotals()} {
		t.Run(name, func(t *testing.T) {
			got := readSummaryCSV(t, filepath.Join(out, name+"-"+schema.SummarySheet+".csv"))
			assert.Len(t, got, len(want), "every total has a row")
			for k, v := range want {
				assert.Equal(t, v, got[k], "汇总 %s", k)
			}
		})
	}
}

// readSummaryCSV maps the key column of the exported 汇总 sheet to the value
// column.
func readSummaryCSV(t *testing.T, path string) map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	out := map[string]string{}
	for i, rec := range recs {
		if i == 0 || len(rec) < 3 || rec[2] == "" {
			continue
		}
		out[rec[2]] = rec[1]
	}
	return out
}

func TestMain(m *testing.M) { os.Exit(lotest.Main(m)) }

// The team names' dropdown of 入驻企业 lists the filled team names: in a
// workbook with three teams, LibreOffice evaluates the dynamic range to
// exactly them (INDEX and ROWS over the name), and keeps the name.
func TestLibreOfficeTeamNames(t *testing.T) {
	t.Parallel()
	soffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", DefaultFile)
	require.NoError(t, os.MkdirAll(filepath.Dir(in), 0o755))
	require.NoError(t, Write(in, Options{Rows: 20}, false))
	f, err := excelize.OpenFile(in)
	require.NoError(t, err)
	col := ColumnLetter(schema.Teams.Name)
	for i, n := range []string{"绿芽团队", "橙子团队", "山海团队"} {
		require.NoError(t, f.SetCellStr(schema.Teams.Sheet.Name, col+strconv.Itoa(FirstDataRow+i), n))
	}
	require.NoError(t, f.SetCellFormula(schema.InstructionsSheet, "Z1", "ROWS("+TeamNames+")"))
	require.NoError(t, f.SetCellFormula(schema.InstructionsSheet, "Z2", "INDEX("+TeamNames+",3)"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	out := filepath.Join(dir, "out")
	convert(t, "xlsx", out, in)
	g, err := excelize.OpenFile(filepath.Join(out, DefaultFile))
	require.NoError(t, err)
	defer g.Close()
	n, err := g.GetCellValue(schema.InstructionsSheet, "Z1")
	require.NoError(t, err)
	assert.Equal(t, "3", n, "the range covers the filled rows")
	third, err := g.GetCellValue(schema.InstructionsSheet, "Z2")
	require.NoError(t, err)
	assert.Equal(t, "山海团队", third)
	found := false
	for _, dn := range g.GetDefinedName() {
		found = found || dn.Name == TeamNames
	}
	assert.True(t, found, "the defined name survives")
}
