package rows

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// teamsTable is the 创业团队 table with every column present but the ones
// listed as missing.
func teamsTable(missing ...schema.Col) *workbook.Table {
	s := schema.Teams.Sheet
	t := &workbook.Table{Sheet: s, Name: s.Name, HeaderRow: 1, Present: make([]bool, len(s.Columns))}
	for i := range t.Present {
		t.Present[i] = true
	}
	for _, c := range missing {
		t.Present[c.Index()] = false
	}
	return t
}

// Every cell is typed once into the state the rules, the totals and the
// 申报书 read.
func TestType(t *testing.T) {
	t.Parallel()
	T := schema.Teams
	tb := teamsTable(T.FinancingProof)
	cells := make([]workbook.Cell, len(T.Sheet.Columns))
	set := func(c schema.Col, v string, k workbook.Kind) {
		cells[c.Index()] = workbook.Cell{Value: v, Kind: k, Row: 7, Ref: fmt.Sprintf("%c7", 'A'+c.Index())}
	}
	for i := range cells {
		cells[i] = workbook.Cell{Row: 7, Ref: fmt.Sprintf("%c7", 'A'+i)}
	}
	cells[T.FinancingProof.Index()] = workbook.Cell{} // the column is missing
	set(T.Name, " 团队甲 ", workbook.KindString)
	set(T.Members, "很多", workbook.KindString)
	set(T.Converted, "是\a", workbook.KindString)
	set(T.JoinedOn, "44197", workbook.KindNumber)
	set(T.Amount, "=A1", workbook.KindFormula)
	cells[T.Amount.Index()].Uncached = true
	set(T.FinancedOn, "44200", workbook.KindFormula) // a formula with its cached value
	r := NewTyper(tb, schema.DefaultLists()).Type(workbook.Row{Number: 7, Cells: cells})

	assert.Equal(t, 7, r.Number)
	assert.Same(t, T.Sheet, r.Sheet)
	for _, tc := range []struct {
		col     schema.Col
		state   State
		problem string
	}{
		{T.Name, Valid, ""},
		{T.JoinedOn, Valid, ""},
		{T.Members, Invalid, finding.CellType},
		{T.Converted, Invalid, finding.CellControlChar},
		{T.Amount, Invalid, ""}, // a formula never calculated: unknown
		{T.FinancedOn, Valid, ""},
		{T.MovedOut, Empty, ""},
		{T.FinancingProof, Absent, ""},
	} {
		i := tc.col.Index()
		assert.Equal(t, tc.state, r.States[i], tc.col.Key())
		if tc.problem == "" {
			assert.Nil(t, r.Problems[i], tc.col.Key())
		} else if assert.NotNil(t, r.Problems[i], tc.col.Key()) {
			assert.Equal(t, tc.problem, r.Problems[i].Rule, tc.col.Key())
		}
	}
	v, ok := r.Value(T.Name)
	assert.True(t, ok)
	assert.Equal(t, "团队甲", v.Text)
	v, ok = r.Value(T.JoinedOn)
	assert.True(t, ok)
	assert.Equal(t, "2021-01-01", v.Date.Format(config.DateLayout))
	_, ok = r.Value(T.Members)
	assert.False(t, ok, "a cell that does not read is unknown")
	v, ok = r.Value(T.MovedOut)
	assert.True(t, ok, "an empty cell is known")
	assert.True(t, v.Empty)
	_, ok = r.Value(T.FinancingProof)
	assert.False(t, ok, "an absent column is unknown")
	assert.True(t, r.Formula(T.Amount.Index()))
	assert.False(t, r.Formula(T.Members.Index()))
	assert.False(t, r.Formula(T.FinancedOn.Index()), "a formula with a cached value is its value")
	assert.Equal(t, "2021-01-04", r.Values[T.FinancedOn.Index()].Date.Format(config.DateLayout))
	assert.Equal(t, "=A1", r.Values[T.Amount.Index()].Text)
	assert.Equal(t, "是\a", r.Values[T.Converted.Index()].Text, "a control character keeps the text as read")
	assert.Equal(t, "C7", r.Cell(T.Members).Ref)
}

// A USCC with a wrong check character reads (it has the shape of a code),
// with its problem noted.
func TestTypeCheckDigit(t *testing.T) {
	t.Parallel()
	E := schema.Enterprises
	s := E.Sheet
	tb := &workbook.Table{Sheet: s, Name: s.Name, HeaderRow: 1}
	cells := make([]workbook.Cell, len(s.Columns))
	cells[E.USCC.Index()] = workbook.Cell{Value: "91350100m000100y44", Kind: workbook.KindString, Row: 2, Ref: "B2"}
	r := NewTyper(tb, schema.DefaultLists()).Type(workbook.Row{Number: 2, Cells: cells})
	i := E.USCC.Index()
	assert.Equal(t, Valid, r.States[i])
	require.NotNil(t, r.Problems[i])
	assert.Equal(t, finding.USCCCheckDigit, r.Problems[i].Rule)
	assert.Equal(t, "91350100M000100Y44", r.Values[i].Text)
	assert.Equal(t, Absent, r.States[E.Name.Index()], "no reference: no cell")
}

func TestControlChar(t *testing.T) {
	t.Parallel()
	for r, want := range map[rune]bool{'\a': true, '\v': true, 0x7F: true, 0x85: true, '\t': false, '\n': false, '\r': false, 'a': false, '是': false} {
		assert.Equal(t, want, ControlChar(r), "%U", r)
	}
}

// recorder notes the calls a consumer gets.
type recorder struct {
	name  string
	calls *[]string
}

func (c recorder) Begin(t *workbook.Table) { *c.calls = append(*c.calls, c.name+" begin "+t.Sheet.Key) }
func (c recorder) Row(r *Row) {
	*c.calls = append(*c.calls, fmt.Sprintf("%s row %s %d", c.name, r.Sheet.Key, r.Number))
}
func (c recorder) EndTable(t *workbook.Table, err error) {
	*c.calls = append(*c.calls, fmt.Sprintf("%s end %s %v", c.name, t.Sheet.Key, err))
}
func (c recorder) End() { *c.calls = append(*c.calls, c.name+" end") }

// Run reads every table once and hands each typed row to every consumer in
// turn; a table without rows is framed too.
func TestRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := excelize.NewFile()
	media, teams := schema.Media.Sheet, schema.Teams.Sheet
	require.NoError(t, f.SetSheetName("Sheet1", media.Name))
	for i, c := range media.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		require.NoError(t, f.SetCellStr(media.Name, cell, c.Header))
	}
	_, err := f.NewSheet(teams.Name)
	require.NoError(t, err)
	for i, c := range teams.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		require.NoError(t, f.SetCellStr(teams.Name, cell, c.Header))
	}
	require.NoError(t, f.SetCellStr(teams.Name, "A2", "团队甲"))
	require.NoError(t, f.SetCellStr(teams.Name, "A4", "团队乙")) // row 3 blank: skipped
	path := filepath.Join(dir, "申报数据.xlsx")
	require.NoError(t, f.SaveAs(path))
	require.NoError(t, f.Close())

	p, err := workbook.Open([]string{path}, config.Default())
	require.NoError(t, err)
	defer p.Close()
	var calls []string
	var names []string
	Run(p, schema.DefaultLists(), recorder{"a", &calls}, recorder{"b", &calls}, RowFunc(func(r *Row) {
		if v, ok := r.Value(schema.Teams.Name); ok && r.Sheet == teams {
			names = append(names, v.Text)
		}
	}))
	assert.Equal(t, []string{
		"a begin media", "b begin media", "a end media <nil>", "b end media <nil>",
		"a begin teams", "b begin teams",
		"a row teams 2", "b row teams 2",
		"a row teams 4", "b row teams 4",
		"a end teams <nil>", "b end teams <nil>",
		"a end", "b end",
	}, calls)
	assert.Equal(t, []string{"团队甲", "团队乙"}, names)
}
