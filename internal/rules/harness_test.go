package rules

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Rows for unit tests are built in memory: columns in schema order from A,
// the header in row 1, data from row 2. Form sheets hold one field per row
// (field i in row i+2, its value in column B).

// num marks a value stored as a number; formula marks a formula cell with
// its cached value; uncached a formula never calculated (its text); boolean
// a boolean cell ("1" / "0").
type (
	num      string
	formula  string
	uncached string
	boolean  string
)

// absent leaves a form field's row out (or a column out of a table).
type absentT struct{}

var absent absentT

// rowVals maps column keys to values: string (text), num, formula, boolean
// or absent. A key set to "" is an empty cell.
type rowVals map[string]any

func colLetters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func mkCell(v any, row int, ref string) workbook.Cell {
	c := workbook.Cell{Row: row, Ref: ref}
	switch x := v.(type) {
	case nil:
	case string:
		c.Value = x
		if x != "" {
			c.Kind = workbook.KindString
		}
	case num:
		c.Value, c.Kind = string(x), workbook.KindNumber
	case formula:
		c.Value, c.Kind = string(x), workbook.KindFormula
	case uncached:
		c.Value, c.Kind, c.Uncached = string(x), workbook.KindFormula, true
	case boolean:
		c.Value, c.Kind = string(x), workbook.KindBool
	default:
		panic(fmt.Sprintf("bad cell value %T", v))
	}
	return c
}

// typedMem is typedFixture for in-memory cells: a plain number or ISO date
// written as text in a number or date column becomes a numeric cell (a
// date: its serial), as a spreadsheet holds it.
func typedMem(c *schema.Column, v any) any {
	switch x := typedFixture(c, v).(type) {
	case dateCell:
		return num(strconv.Itoa(int(time.Time(x).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)))
	default:
		return x
	}
}

// memTable is a table with its rows.
type memTable struct {
	t    *workbook.Table
	rows []workbook.Row
}

// table builds a table sheet from rows of values; every column is present
// unless some row marks it absent.
func table(key string, rows ...rowVals) memTable {
	s := schema.ByKey(key)
	if s == nil {
		panic("no sheet " + key)
	}
	t := &workbook.Table{Sheet: s, File: "申报数据.xlsx", RelFile: "申报数据.xlsx", Name: s.Name, HeaderRow: 1,
		Present: make([]bool, len(s.Columns))}
	for i := range t.Present {
		t.Present[i] = true
	}
	if s.Kind == schema.Form {
		var vals rowVals
		if len(rows) > 0 {
			vals = rows[0]
		}
		cells := make([]workbook.Cell, len(s.Columns))
		for i, c := range s.Columns {
			v, ok := vals[c.Key]
			if v == absent {
				t.Present[i] = false
				continue
			}
			if !ok {
				v = nil
			}
			cells[i] = mkCell(v, i+2, "B"+strconv.Itoa(i+2))
		}
		return memTable{t: t, rows: []workbook.Row{{Number: 1, Cells: cells}}}
	}
	mt := memTable{t: t}
	for r, vals := range rows {
		n := r + 2
		cells := make([]workbook.Cell, len(s.Columns))
		for i, c := range s.Columns {
			v := vals[c.Key]
			if v == absent {
				t.Present[i] = false
				continue
			}
			cells[i] = mkCell(v, n, colLetters(i)+strconv.Itoa(n))
		}
		mt.rows = append(mt.rows, workbook.Row{Number: n, Cells: cells})
	}
	for i := range s.Columns {
		if !t.Present[i] {
			for _, row := range mt.rows {
				row.Cells[i] = workbook.Cell{}
			}
		}
	}
	return mt
}

// with returns base with the overrides applied.
func with(base rowVals, kv ...any) rowVals {
	out := maps.Clone(base)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// check runs the rules over in-memory tables with attachments relative to
// dir. The tables write numbers and dates as text for brevity: their
// CELL-TEXT-VALUE warnings are left out (checkAll keeps them).
func check(t testing.TB, cfg *config.Config, dir string, tables ...memTable) []finding.Finding {
	t.Helper()
	return withoutTextValues(checkAll(t, cfg, dir, tables...))
}

// checkAll is check with every finding.
func checkAll(t testing.TB, cfg *config.Config, dir string, tables ...memTable) []finding.Finding {
	t.Helper()
	ck := newChecker(nil, dir, cfg)
	for _, mt := range tables {
		mt.feed(ck.cfg, ck)
	}
	ck.End()
	return ck.Findings()
}

// withoutTextValues leaves out the CELL-TEXT-VALUE warnings of fixtures that
// write numbers and dates as text for brevity.
func withoutTextValues(fs []finding.Finding) []finding.Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding.Finding) bool { return f.Rule == finding.CellTextValue })
}

// feed hands the table's rows to consumers, typed, as rows.Run does.
func (mt memTable) feed(cfg *config.Config, cs ...rows.Consumer) {
	feedRows(cfg, mt.t, func(yield func(workbook.Row)) {
		for _, r := range mt.rows {
			yield(r)
		}
	}, cs...)
}

// feedRows hands the rows each gives to consumers, typed, framed by the
// table's Begin and EndTable.
func feedRows(cfg *config.Config, t *workbook.Table, each func(yield func(workbook.Row)), cs ...rows.Consumer) {
	if cfg == nil {
		cfg = config.Default()
	}
	ty := rows.NewTyper(t, cfg.Lists)
	for _, c := range cs {
		c.Begin(t)
	}
	each(func(wr workbook.Row) {
		r := ty.Type(wr)
		for _, c := range cs {
			c.Row(r)
		}
	})
	for _, c := range cs {
		c.EndTable(t, nil)
	}
}

// brief writes findings as "RULE@Sheet!Cell" (or "RULE@Sheet:Column" when
// there is no cell), sorted.
func brief(fs []finding.Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		if f.Cell == "" {
			out = append(out, f.Rule+"@"+f.Sheet+":"+f.Column)
		} else {
			out = append(out, f.Rule+"@"+f.Sheet+"!"+f.Cell)
		}
	}
	slices.Sort(out)
	return out
}

func dump(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s!%s row=%d col=%s value=%q: %s\n", f.Rule, f.Severity, f.Sheet, f.Cell, f.Row, f.Column, f.Value, f.Message)
	}
	return b.String()
}
