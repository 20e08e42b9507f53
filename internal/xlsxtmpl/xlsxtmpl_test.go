package xlsxtmpl

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func newDefault(t *testing.T, opts Options) *excelize.File {
	t.Helper()
	f, err := New(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// summarize renders what a reader of the workbook can see: sheets, panes,
// widths, headers, notes, validations, conditional formats, formulas,
// defined names and properties — the content of the golden file.
func summarize(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	props, err := f.GetDocProps()
	require.NoError(t, err)
	p("props: title=%q creator=%q version=%q keywords=%q", props.Title, props.Creator, props.Version, props.Keywords)
	custom, err := f.GetCustomProps()
	require.NoError(t, err)
	for _, c := range custom {
		p("custom: %s=%v", c.Name, c.Value)
	}
	p("active: %s", f.GetSheetName(f.GetActiveSheetIndex()))
	for _, dn := range f.GetDefinedName() {
		p("name: %s = %s", dn.Name, dn.RefersTo)
	}
	for _, sh := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(sh)
		p("\n== sheet %s (visible=%v)", sh, vis)
		panes, _ := f.GetPanes(sh)
		if panes.Freeze {
			p("freeze: %s", panes.TopLeftCell)
		}
		rows, err := f.GetRows(sh)
		require.NoError(t, err)
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		var ws []string
		for c := 1; c <= width; c++ {
			w, _ := f.GetColWidth(sh, colName(c))
			ws = append(ws, fmt.Sprintf("%s=%g", colName(c), w))
		}
		p("widths: %s", strings.Join(ws, " "))
		for i, r := range rows {
			for j, v := range r {
				cell := fmt.Sprintf("%s%d", colName(j+1), i+1)
				formula, _ := f.GetCellFormula(sh, cell)
				switch {
				case formula != "":
					p("%s: =%s", cell, formula)
				case v != "":
					p("%s: %s", cell, strings.ReplaceAll(v, "\n", `\n`))
				}
			}
		}
		comments, err := f.GetComments(sh)
		require.NoError(t, err)
		for _, c := range comments {
			p("note %s: %s", c.Cell, strings.ReplaceAll(commentText(c), "\n", " | "))
		}
		dvs, err := f.GetDataValidations(sh)
		require.NoError(t, err)
		for _, dv := range dvs {
			e := ""
			if dv.Error != nil {
				e = *dv.Error
			}
			p("dv %s: %s %s [%s] [%s] blank=%v error=%q", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2, dv.AllowBlank, e)
		}
		cfs, err := f.GetConditionalFormats(sh)
		require.NoError(t, err)
		refs := make([]string, 0, len(cfs))
		for r := range cfs {
			refs = append(refs, r)
		}
		sort.Slice(refs, func(i, j int) bool { return cellLess(refs[i], refs[j]) })
		for _, r := range refs {
			for _, o := range cfs[r] {
				p("cf %s: %s %s -> %s stop=%v", r, o.Type, o.Criteria, dxfName(f, o.Format), o.StopIfTrue)
			}
		}
	}
	return b.String()
}

// cellLess orders ranges by column, then row.
func cellLess(a, b string) bool {
	ca, ra, _ := excelize.CellNameToCoordinates(strings.SplitN(a, ":", 2)[0])
	cb, rb, _ := excelize.CellNameToCoordinates(strings.SplitN(b, ":", 2)[0])
	if ca != cb {
		return ca < cb
	}
	return ra < rb
}

func commentText(c excelize.Comment) string {
	s := c.Text
	for _, r := range c.Paragraph {
		s += r.Text
	}
	return s
}

// dxfName names a conditional style by its fill colour.
func dxfName(f *excelize.File, id *int) string {
	if id == nil {
		return "none"
	}
	st, err := f.GetConditionalStyle(*id)
	if err != nil || st == nil || len(st.Fill.Color) == 0 {
		return fmt.Sprintf("dxf%d", *id)
	}
	c := strings.ToUpper(st.Fill.Color[0])
	if len(c) == 8 { // ARGB
		c = c[2:]
	}
	switch c {
	case colorGrey:
		return "grey"
	case colorMissing:
		return "yellow"
	case colorWrongFill:
		return "red"
	}
	return st.Fill.Color[0]
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"template", Options{}},
		{"template-teams-en", Options{Sheets: []string{"创业团队"}, Lang: msg.EN, Rows: 50}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(t, newDefault(t, tc.opts))
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create %s", path)
			assert.Equal(t, string(want), got, "the workbook differs from %s; if intended, run go test ./internal/xlsxtmpl -update and review the diff", path)
		})
	}
}

// dvAt returns the validations of sheet whose range starts at cell.
func dvAt(t *testing.T, f *excelize.File, sheet, cell string) []*excelize.DataValidation {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	require.NoError(t, err)
	var out []*excelize.DataValidation
	for _, dv := range dvs {
		for _, r := range strings.Fields(dv.Sqref) {
			if strings.SplitN(r, ":", 2)[0] == cell {
				out = append(out, dv)
			}
		}
	}
	return out
}

// listValues resolves a list validation's source (a defined name) to the
// values it offers.
func listValues(t *testing.T, f *excelize.File, formula string) []string {
	t.Helper()
	ref := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == formula {
			ref = dn.RefersTo
		}
	}
	require.NotEmpty(t, ref, "list source %q is no defined name", formula)
	sheet, rng, ok := strings.Cut(ref, "!")
	require.True(t, ok, ref)
	sheet = strings.Trim(sheet, "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	c1, r1, err := excelize.CellNameToCoordinates(from)
	require.NoError(t, err)
	c2, r2, err := excelize.CellNameToCoordinates(to)
	require.NoError(t, err)
	require.Equal(t, c1, c2, "a list is one column")
	var out []string
	for r := r1; r <= r2; r++ {
		v, err := f.GetCellValue(sheet, fmt.Sprintf("%s%d", colName(c1), r))
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}

// TestMatchesSchema checks the workbook against package schema directly,
// independent of the golden file.
func TestMatchesSchema(t *testing.T) {
	t.Parallel()
	f := newDefault(t, Options{})
	lists := schema.DefaultLists()
	w := config.Default().Window
	last := FirstDataRow + DefaultRows - 1

	want := []string{schema.InstructionsSheet}
	for _, s := range schema.Sheets() {
		want = append(want, s.Name)
	}
	want = append(want, schema.SummarySheet, schema.ListsSheet)
	assert.Equal(t, want, f.GetSheetList())
	assert.Equal(t, schema.InstructionsSheet, f.GetSheetName(f.GetActiveSheetIndex()))
	vis, err := f.GetSheetVisible(schema.ListsSheet)
	require.NoError(t, err)
	assert.False(t, vis, "the lists sheet is hidden")

	for _, s := range schema.Sheets() {
		comments, err := f.GetComments(s.Name)
		require.NoError(t, err)
		notes := map[string]string{}
		for _, c := range comments {
			notes[c.Cell] = commentText(c)
		}
		panes, err := f.GetPanes(s.Name)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, "%s: header row frozen", s.Name)
		assert.Equal(t, "A2", panes.TopLeftCell, s.Name)
		if s.Kind == schema.Form {
			for j, h := range s.FormHeaders {
				v, _ := f.GetCellValue(s.Name, colName(j+1)+"1")
				assert.Equal(t, h, v, "%s header", s.Name)
			}
		}
		for i := range s.Columns {
			c := &s.Columns[i]
			var head, value, from, to string
			if s.Kind == schema.Form {
				r := FieldRow(s.Col(i))
				head, value = fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r)
				from, to = value, value
				assert.Equal(t, value, Cell(s.Col(i), 1))
			} else {
				col := ColumnLetter(s.Col(i))
				head, value = col+"1", col+"2"
				from, to = value, fmt.Sprintf("%s%d", col, last)
				assert.Equal(t, fmt.Sprintf("%s%d", col, 3), Cell(s.Col(i), 2))
			}
			got, err := f.GetCellValue(s.Name, head)
			require.NoError(t, err)
			assert.Equal(t, c.Required, strings.HasPrefix(got, "*"), "%s!%s: a * marks a required column", s.Name, head)
			assert.Equal(t, schema.NormalizeHeader(c.Header), schema.NormalizeHeader(got), "%s!%s", s.Name, head)
			assert.Equal(t, i, s.MatchHeader(got), "%s!%s: the reader matches the header", s.Name, head)

			note := notes[value]
			if s.Kind == schema.Table {
				note = notes[head]
			}
			require.NotEmpty(t, note, "%s %s: note", s.Name, c.Header)
			assert.Contains(t, note, c.Header)
			req, forbid := conditionLabels(s, c.Key)
			switch {
			case c.Required:
				assert.Contains(t, note, "必填", "%s %s", s.Name, c.Header)
			case len(req)+len(forbid) == 0:
				assert.Contains(t, note, "选填", "%s %s", s.Name, c.Header)
			}
			for _, l := range req {
				assert.Contains(t, note, l, "%s %s: names the state that requires it", s.Name, c.Header)
			}
			for _, l := range forbid {
				assert.Contains(t, note, l, "%s %s: names the state where it is 不可填", s.Name, c.Header)
			}
			if c.MaxLen > 0 {
				assert.Contains(t, note, strconv.Itoa(c.MaxLen), "%s %s: max length", s.Name, c.Header)
			}
			if c.Unit != schema.NoUnit {
				assert.Contains(t, note, c.Unit.Label())
			}

			dvs := dvAt(t, f, s.Name, from)
			if c.Type == schema.Text && c.MaxLen == 0 && c.Format == schema.NoFormat {
				assert.Empty(t, dvs, "%s %s: free text", s.Name, c.Header)
				continue
			}
			require.Len(t, dvs, 1, "%s %s: one validation at %s", s.Name, c.Header, from)
			dv := dvs[0]
			wantRef := from + ":" + to
			if from == to {
				wantRef = from
			}
			assert.Equal(t, wantRef, dv.Sqref, "%s %s: range", s.Name, c.Header)
			assert.True(t, dv.AllowBlank)
			require.NotNil(t, dv.Error, "%s %s: error alert", s.Name, c.Header)
			assert.LessOrEqual(t, len([]rune(*dv.Error)), 255)
			switch c.Type {
			case schema.YesNo, schema.Enum:
				assert.Equal(t, "list", dv.Type)
				assert.Equal(t, lists.Options(c), listValues(t, f, dv.Formula1), "%s %s: dropdown options", s.Name, c.Header)
				for _, o := range lists.Options(c) {
					if c.Type == schema.Enum {
						assert.Contains(t, note, o)
					}
				}
			case schema.Date:
				assert.Equal(t, "date", dv.Type)
				assert.Equal(t, "between", dv.Operator)
				switch c.Dates {
				case schema.NotAfterWindowEnd:
					assert.Equal(t, strconv.Itoa(serial(w.End)), dv.Formula2)
					assert.Contains(t, note, "2021-10-31")
				case schema.InsideWindow:
					assert.Equal(t, strconv.Itoa(serial(w.Start)), dv.Formula1)
					assert.Equal(t, strconv.Itoa(serial(w.End)), dv.Formula2)
					assert.Contains(t, note, "2020-11-01")
				}
			case schema.Int, schema.Decimal:
				typ := map[schema.Type]string{schema.Int: "whole", schema.Decimal: "decimal"}[c.Type]
				assert.Equal(t, typ, dv.Type, "%s %s", s.Name, c.Header)
				switch {
				case c.Min != nil && c.Max != nil:
					assert.Equal(t, []string{"between", c.Min.Value, c.Max.Value}, []string{dv.Operator, dv.Formula1, dv.Formula2})
				case c.Min != nil && c.Min.Exclusive:
					assert.Equal(t, []string{"greaterThan", c.Min.Value}, []string{dv.Operator, dv.Formula1})
				case c.Min != nil:
					assert.Equal(t, []string{"greaterThanOrEqual", c.Min.Value}, []string{dv.Operator, dv.Formula1})
				}
			case schema.Text:
				switch {
				case s == schema.Enterprises.Sheet && c.Key == schema.Enterprises.Team.Key():
					assert.Equal(t, []string{"list", TeamNames}, []string{dv.Type, dv.Formula1}, "the team names of 创业团队")
					if assert.NotNil(t, dv.ErrorStyle) {
						assert.Equal(t, "warning", *dv.ErrorStyle, "a warning: an enterprise may be entered before its team")
					}
				case c.Format == schema.NoFormat:
					assert.Equal(t, []string{"textLength", "lessThanOrEqual", strconv.Itoa(c.MaxLen)}, []string{dv.Type, dv.Operator, dv.Formula1})
				default:
					assert.Equal(t, "custom", dv.Type)
				}
			case schema.USCC:
				assert.Equal(t, []string{"textLength", "equal", "18"}, []string{dv.Type, dv.Operator, dv.Formula1})
			case schema.Attachment:
				assert.Equal(t, "custom", dv.Type)
				assert.Contains(t, dv.Formula1, `".pdf"`)
			}
		}
	}
}

func conditionLabels(s *schema.Sheet, key string) (req, forbid []string) {
	for _, c := range s.Conditions {
		if slices.Contains(c.Require, key) {
			req = append(req, c.Label)
		}
		if slices.Contains(c.Forbid, key) {
			forbid = append(forbid, c.Label)
		}
	}
	return req, forbid
}

// cfRules returns the conditional-format formulas on the column of key,
// by colour.
func cfRules(t *testing.T, f *excelize.File, s *schema.Sheet, key string) map[string][]string {
	t.Helper()
	cfs, err := f.GetConditionalFormats(s.Name)
	require.NoError(t, err)
	c, ok := s.Lookup(key)
	require.True(t, ok, key)
	col := ColumnLetter(c)
	out := map[string][]string{}
	for ref, opts := range cfs {
		if strings.HasPrefix(ref, col+"2:") {
			for _, o := range opts {
				out[dxfName(f, o.Format)] = append(out[dxfName(f, o.Format)], o.Criteria)
			}
		}
	}
	return out
}

// TestStateFormats evaluates the grey (不可填) and yellow (required)
// formulas for every row state of the schema: a column is grey exactly when
// some condition matching the row forbids it.
func TestStateFormats(t *testing.T) {
	t.Parallel()
	for _, s := range schema.Sheets() {
		for ci, cond := range s.Conditions {
			t.Run(fmt.Sprintf("%s/%d", s.Key, ci), func(t *testing.T) {
				f := newDefault(t, Options{Rows: 10})
				values := map[string]bool{}
				for _, m := range cond.When {
					v := schema.No
					if m.Value {
						v = schema.Yes
					}
					values[m.Key] = m.Value
					require.NoError(t, f.SetCellStr(s.Name, ColumnLetter(m.Col)+"2", v))
				}
				forbidden := map[string]bool{}
				required := map[string]bool{}
				for _, other := range s.Conditions {
					match := true
					for _, m := range other.When {
						if v, ok := values[m.Key]; !ok || v != m.Value {
							match = false
						}
					}
					if match {
						for _, k := range other.Forbid {
							forbidden[k] = true
						}
						for _, k := range other.Require {
							required[k] = true
						}
					}
				}
				scratch := colName(len(s.Columns)+3) + "2"
				eval := func(formula string) bool {
					require.NoError(t, f.SetCellFormula(s.Name, scratch, formula))
					v, err := f.CalcCellValue(s.Name, scratch)
					require.NoError(t, err, formula)
					return v == "TRUE"
				}
				for i := range s.Columns {
					c := &s.Columns[i]
					rules := cfRules(t, f, s, c.Key)
					grey := false
					for _, r := range rules["grey"] {
						grey = grey || eval(r)
					}
					assert.Equal(t, forbidden[c.Key], grey, "%s %s grey in state %s", s.Name, c.Header, cond.Label)
					yellow := false
					for _, r := range rules["yellow"] {
						yellow = yellow || eval(r)
					}
					// the row has data (the state cells), so every empty required cell is yellow
					_, isState := values[c.Key]
					assert.Equal(t, (c.Required || required[c.Key]) && !isState, yellow, "%s %s yellow in state %s", s.Name, c.Header, cond.Label)
				}
				// a value in a forbidden cell turns red
				for k := range forbidden {
					kc, _ := s.Lookup(k)
					cell := ColumnLetter(kc) + "2"
					require.NoError(t, f.SetCellStr(s.Name, cell, "x"))
					red := false
					for _, r := range cfRules(t, f, s, k)["red"] {
						red = red || eval(r)
					}
					assert.True(t, red, "%s %s filled while 不可填 turns red", s.Name, k)
				}
			})
		}
	}
}

func TestEmptyRowHasNoMarks(t *testing.T) {
	t.Parallel()
	f := newDefault(t, Options{Rows: 10})
	for _, s := range schema.Sheets() {
		if s.Kind != schema.Table {
			continue
		}
		scratch := colName(len(s.Columns)+3) + "2"
		for i := range s.Columns {
			for colour, rules := range cfRules(t, f, s, s.Columns[i].Key) {
				for _, r := range rules {
					require.NoError(t, f.SetCellFormula(s.Name, scratch, r))
					v, err := f.CalcCellValue(s.Name, scratch)
					require.NoError(t, err)
					assert.Equal(t, "FALSE", v, "%s %s: an empty row is not %s", s.Name, s.Columns[i].Header, colour)
				}
			}
		}
	}
}

func TestConfiguredLists(t *testing.T) {
	t.Parallel()
	lists := schema.DefaultLists().With(map[string][]string{
		schema.ListTenure:       {"自有", "租用"},
		schema.ListActivityKind: {"路演", "沙龙, 含逗号", "培训"},
	})
	f := newDefault(t, Options{Lists: lists})
	for _, h := range []schema.Col{schema.Venues.Tenure, schema.Activities.Kind} {
		s, c := h.Sheet(), h.Column()
		dvs := dvAt(t, f, s.Name, ColumnLetter(h)+"2")
		require.Len(t, dvs, 1)
		assert.Equal(t, lists[c.Options], listValues(t, f, dvs[0].Formula1), "%s: the dropdown offers the configured list", s.Name)
		comments, err := f.GetComments(s.Name)
		require.NoError(t, err)
		for _, cm := range comments {
			if cm.Cell == ColumnLetter(h)+"1" {
				for _, o := range lists[c.Options] {
					assert.Contains(t, commentText(cm), o)
				}
			}
		}
	}
	// the totals per activity type follow the configured list
	keys := summaryKeys(t, f)
	assert.Contains(t, keys, "activities_by_type.沙龙, 含逗号")
	assert.NotContains(t, keys, "activities_by_type.创业沙龙")
}

func TestWindowFromOptions(t *testing.T) {
	t.Parallel()
	w := config.Window{Start: time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2022, 10, 31, 0, 0, 0, 0, time.UTC)}
	f := newDefault(t, Options{Window: w, Rows: 20})
	s := schema.Activities.Sheet
	dvs := dvAt(t, f, s.Name, ColumnLetter(schema.Activities.Date)+"2")
	require.Len(t, dvs, 1)
	assert.Equal(t, []string{strconv.Itoa(serial(w.Start)), strconv.Itoa(serial(w.End))}, []string{dvs[0].Formula1, dvs[0].Formula2})
	assert.Equal(t, "A2:A21", strings.Fields(dvAt(t, f, "创业团队", "A2")[0].Sqref)[0])
	formula := summaryFormula(t, f, "activities")
	assert.Contains(t, formula, "DATE(2021,11,1)")
	assert.Contains(t, formula, "DATE(2022,10,31)")
	assert.Contains(t, formula, "$C$21")
	_, err := New(Options{Window: config.Window{Start: w.End, End: w.Start}})
	assert.Error(t, err, "a window that ends before it starts")
}

// summaryKeys maps every total key of the 汇总 sheet to its row.
func summaryKeys(t *testing.T, f *excelize.File) map[string]int {
	t.Helper()
	rows, err := f.GetRows(schema.SummarySheet)
	require.NoError(t, err)
	out := map[string]int{}
	for i, r := range rows {
		if len(r) > 2 && r[2] != "" && i > 0 {
			out[r[2]] = i + 1
		}
	}
	return out
}

func summaryFormula(t *testing.T, f *excelize.File, key string) string {
	t.Helper()
	row, ok := summaryKeys(t, f)[key]
	require.True(t, ok, "no total %s", key)
	formula, err := f.GetCellFormula(schema.SummarySheet, fmt.Sprintf("B%d", row))
	require.NoError(t, err)
	return formula
}

// specTotals are the totals of SPEC §3 (the totals table and the
// self-check figures) that the 汇总 sheet shows.
var specTotals = []string{
	"media_reports", "honors", "total_area", "team_enterprise_area", "public_service_area", "self_use_area",
	"other_area", "workstations", "service_area_ratio", "management_staff", "professional_staff", "mentors",
	"mentors_full_time", "mentors_part_time", "teams_total", "teams_in_space", "teams_converted", "teams_moved_out",
	"teams_financed", "teams_financing_amount", "teams_joined_in_window", "enterprises_total", "enterprises_from_teams",
	"enterprises_in_space", "enterprises_moved_out", "enterprises_financed", "enterprises_financing_amount",
	"enterprises_joined_in_window", "enterprise_staff_in_space", "activities",
	"served_in_window", "conversions_in_window", "financed_in_window", "operating_months",
}

// eligKeys are the conditions of ELIGIBILITY.md that the workbook can show.
var eligKeys = []string{"operating_months", "area_or_workstations", "service_area_ratio", "public_service_area",
	"served", "conversions_or_financing", "professional_staff", "mentors", "activities"}

func TestEligibilityThresholds(t *testing.T) {
	t.Parallel()
	e := config.Default().Eligibility
	e.Activities = 12
	e.TotalArea = 450.5
	f := newDefault(t, Options{Eligibility: &e})
	assert.Contains(t, summaryFormula(t, f, "elig.activities"), ">=12)")
	assert.Contains(t, summaryFormula(t, f, "elig.area_or_workstations"), ">=450.5)")
	f = newDefault(t, Options{})
	assert.Contains(t, summaryFormula(t, f, "elig.activities"), ">=10)", "the default threshold")
}

func TestSummaryKeys(t *testing.T) {
	t.Parallel()
	f := newDefault(t, Options{})
	keys := summaryKeys(t, f)
	var want []string
	want = append(want, specTotals...)
	for _, k := range schema.DefaultLists()[schema.ListActivityKind] {
		want = append(want, "activities_by_type."+k)
	}
	for _, k := range eligKeys {
		want = append(want, "elig."+k)
		assert.True(t, msg.Has("elig."+k), "the label of condition %s is in the catalogue", k)
	}
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	assert.ElementsMatch(t, want, got)
	vis, err := f.GetColVisible(schema.SummarySheet, SummaryKeyCol)
	require.NoError(t, err)
	assert.False(t, vis, "the key column is hidden")
	// the ratio is shown like the online form: one decimal and " %"
	row := keys["service_area_ratio"]
	st, err := f.GetCellStyle(schema.SummarySheet, fmt.Sprintf("B%d", row))
	require.NoError(t, err)
	style, err := f.GetStyle(st)
	require.NoError(t, err)
	require.NotNil(t, style.CustomNumFmt)
	assert.Equal(t, `0.0" %"`, *style.CustomNumFmt)
}

func TestSheetSelection(t *testing.T) {
	t.Parallel()
	f := newDefault(t, Options{Sheets: []string{"入驻企业", " 创业团队 ", "teams"}})
	assert.Equal(t, []string{schema.InstructionsSheet, "创业团队", "入驻企业", schema.SummarySheet, schema.ListsSheet}, f.GetSheetList(),
		"schema order, duplicates dropped, keys accepted")
	keys := summaryKeys(t, f)
	assert.Contains(t, keys, "served_in_window", "needs both sheets, both present")
	assert.NotContains(t, keys, "media_reports")
	assert.NotContains(t, keys, "operating_months")
	for k := range keys {
		assert.NotContains(t, summaryFormula(t, f, k), "宣传报道", k)
	}
	ins, err := f.GetRows(schema.InstructionsSheet)
	require.NoError(t, err)
	text := fmt.Sprint(ins)
	assert.Contains(t, text, "【创业团队】")
	assert.NotContains(t, text, "【服务场地】", "only the selected sheets are described")

	f = newDefault(t, Options{Sheets: []string{"文字材料"}})
	assert.Equal(t, []string{schema.InstructionsSheet, "文字材料"}, f.GetSheetList(), "no totals and no lists for the narrative alone")

	_, err = New(Options{Sheets: []string{"创业团队", "团队"}})
	var us *UnknownSheetError
	require.ErrorAs(t, err, &us)
	assert.Equal(t, "团队", us.Name)
}

func TestInstructions(t *testing.T) {
	t.Parallel()
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		t.Run(string(l), func(t *testing.T) {
			f := newDefault(t, Options{Lang: l, MaxBytes: 5 << 20})
			rows, err := f.GetRows(schema.InstructionsSheet)
			require.NoError(t, err)
			var lines []string
			for _, r := range rows {
				if len(r) > 0 {
					lines = append(lines, r[0])
				}
			}
			text := strings.Join(lines, "\n")
			for _, s := range schema.Sheets() {
				assert.Contains(t, text, s.Name)
				for i := range s.Columns {
					assert.Contains(t, text, s.Columns[i].Header)
				}
				for _, c := range s.Conditions {
					assert.Contains(t, text, l.Pick(c.Label, c.LabelEN))
				}
				for _, c := range s.Conflicts {
					assert.Contains(t, text, c.Rule)
				}
			}
			for _, want := range []string{"2020-11-01", "2021-10-31", "5 MB", "PDF", "mkspace validate", version.Template, "attachments/"} {
				assert.Contains(t, text, want)
			}
			assert.NotContains(t, text, "{", "every placeholder is filled")
			assert.NotContains(t, text, "@sheet")
		})
	}
}

func TestProperties(t *testing.T) {
	t.Parallel()
	f := newDefault(t, Options{})
	p, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, version.Template, p.Version)
	assert.Equal(t, "mkspace", p.Creator)
	assert.Contains(t, p.Keywords, version.Template)
	custom, err := f.GetCustomProps()
	require.NoError(t, err)
	assert.Contains(t, custom, excelize.CustomProperty{Name: PropTemplateVersion, Value: version.Template})
}

func TestHelpers(t *testing.T) {
	t.Parallel()
	teams, basic := schema.Teams, schema.Basic
	assert.Equal(t, "A", ColumnLetter(teams.Name))
	assert.Equal(t, "G", ColumnLetter(teams.MovedOutOn))
	assert.Equal(t, "B", ColumnLetter(basic.OperatingSince))
	assert.Equal(t, 8, FieldRow(basic.OperatingSince))
	assert.Equal(t, 0, FieldRow(teams.Name))
	assert.Equal(t, "G5", Cell(teams.MovedOutOn, 4))
	assert.Equal(t, "B2", Cell(basic.Name, 99))
	assert.Equal(t, 44500, serial(time.Date(2021, 10, 31, 0, 0, 0, 0, time.UTC)))
}

func TestWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, DefaultFile)
	require.NoError(t, Write(path, Options{Sheets: []string{"宣传报道"}}, false))
	first, err := os.ReadFile(path)
	require.NoError(t, err)
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), st.Mode().Perm())

	err = Write(path, Options{}, false)
	require.Error(t, err)
	assert.True(t, errors.Is(err, fs.ErrExist), "got %v", err)
	again, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, first, again, "the existing file is unchanged")

	require.NoError(t, Write(path, Options{}, true))
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	assert.Contains(t, f.GetSheetList(), "创业团队", "--force replaced it with the full workbook")
	// the saved file reads back whole: every part is well-formed XML
	for _, sh := range f.GetSheetList() {
		_, err := f.GetRows(sh)
		assert.NoError(t, err, sh)
		_, err = f.GetDataValidations(sh)
		assert.NoError(t, err, sh)
		_, err = f.GetComments(sh)
		assert.NoError(t, err, sh)
		_, err = f.GetConditionalFormats(sh)
		assert.NoError(t, err, sh)
	}
	v, err := f.GetCellValue("基础信息", "A2")
	require.NoError(t, err)
	assert.Equal(t, "*众创空间名称", v)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	err = Write(filepath.Join(dir, "missing", "x.xlsx"), Options{}, false)
	assert.Error(t, err)
	assert.False(t, errors.Is(err, fs.ErrExist))
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		f, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
		_ = f.Close()
	}
}
