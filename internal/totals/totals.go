// Package totals computes the figures the online form generates by itself
// (SPEC §3) and the registration self-check (ELIGIBILITY.md), from typed rows,
// with exact decimal arithmetic. It never reads a cached formula value: the
// rows are the only input.
//
// Every figure is described once, in figures.go: the accumulator here, the
// text and JSON output, the 申报书's totals blocks and the 汇总 sheet's
// formulas (formula.go) are all generated from that table.
package totals

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Accumulator gathers the totals row by row, in one streaming pass: a
// consumer of the typed rows (rows.Run). It keeps counters and sums only,
// never rows.
type Accumulator struct {
	window config.Window
	lists  schema.Lists

	// By figure, as defs lists them.
	counts  []int64
	sums    []decimal.Decimal
	dates   []time.Time
	known   []bool
	leftOut []int
	byType  map[string]int // the breakdown of a figure by option

	// What each sheet's rows add to.
	bySheet map[*schema.Sheet][]rowStep
}

// rowStep is what a row of a sheet adds to one figure.
type rowStep struct {
	fig  int
	term *term // a count's term of this sheet
	def  *Def
}

// New returns an empty accumulator for the window and option lists of cfg.
func New(cfg *config.Config) *Accumulator {
	n := len(defs)
	a := &Accumulator{
		window: cfg.Window, lists: cfg.Lists,
		counts: make([]int64, n), sums: make([]decimal.Decimal, n), dates: make([]time.Time, n),
		known: make([]bool, n), leftOut: make([]int, n), byType: map[string]int{},
		bySheet: map[*schema.Sheet][]rowStep{},
	}
	for i, d := range defs {
		add := func(s *schema.Sheet, t *term) { a.bySheet[s] = append(a.bySheet[s], rowStep{fig: i, term: t, def: d}) }
		for k := range d.count {
			add(d.count[k].sheet, &d.count[k])
		}
		switch {
		case d.sum != nil:
			add(d.sum.col.Sheet(), nil)
		case d.since != nil:
			add(d.since.Sheet(), nil)
		case d.custom != nil:
			for _, s := range d.custom.sheets {
				add(s, nil)
			}
		}
	}
	return a
}

// Begin, EndTable and End make the accumulator a consumer of the typed rows.
func (a *Accumulator) Begin(*workbook.Table)           {}
func (a *Accumulator) EndTable(*workbook.Table, error) {}
func (a *Accumulator) End()                            {}

// Row adds one typed row.
func (a *Accumulator) Row(tr *rows.Row) {
	r := row{sheet: tr.Sheet, vals: tr.Values, states: tr.States}
	for _, st := range a.bySheet[tr.Sheet] {
		d, i := st.def, st.fig
		switch {
		case st.term != nil:
			if d.leftOut != nil && r.leftOut(d.leftOut) {
				a.leftOut[i]++
			}
			if r.holds(st.term.where, a) {
				a.counts[i]++
				if d.breakdown != nil {
					if v, ok := r.get(d.breakdown.col); ok && !v.Empty {
						a.byType[v.Text]++
					}
				}
			}
		case d.sum != nil:
			if !r.holds(d.sum.where, a) {
				continue
			}
			switch v, ok := r.get(d.sum.col); {
			case !ok:
				a.leftOut[i]++
			case v.Empty:
			case d.sum.col.Column().Type == schema.Int:
				a.sums[i] = a.sums[i].Add(decimal.NewFromInt(v.Int))
			default:
				a.sums[i] = a.sums[i].Add(v.Dec)
			}
		case d.since != nil:
			if dt, ok := r.date(*d.since); ok {
				a.dates[i], a.known[i] = dt, true
			} else if _, readable := r.get(*d.since); !readable {
				a.leftOut[i]++
			}
		case d.custom != nil:
			if d.custom.row(a.window, r) {
				a.counts[i]++
			}
		}
	}
}

// row gives access to one typed row by column handle.
type row struct {
	sheet  *schema.Sheet
	vals   []cell.Value
	states []rows.State
}

// get returns the value of column c and whether it could be read. An empty
// cell is readable (Value.Empty); an absent column is not.
func (r row) get(c schema.Col) (cell.Value, bool) {
	i := c.Index()
	if s := r.states[i]; s != rows.Empty && s != rows.Valid {
		return cell.Value{}, false
	}
	return r.vals[i], true
}

// yesno returns (value, known): unknown when empty or unreadable.
func (r row) yesno(c schema.Col) (bool, bool) {
	v, ok := r.get(c)
	if !ok || v.Empty {
		return false, false
	}
	return v.Bool, true
}

// date returns (date, known).
func (r row) date(c schema.Col) (time.Time, bool) {
	v, ok := r.get(c)
	if !ok || v.Empty {
		return time.Time{}, false
	}
	return v.Date, true
}

// holds reports whether every condition holds in the row.
func (r row) holds(where []cond, a *Accumulator) bool {
	for _, c := range where {
		v, ok := r.get(c.col)
		if !ok || v.Empty {
			return false
		}
		switch c.op {
		case opYes, opNo:
			if v.Bool != (c.op == opYes) {
				return false
			}
		case opOption:
			opts := a.lists[c.list]
			if c.option >= len(opts) || v.Text != opts[c.option] {
				return false
			}
		case opWindow:
			if !a.window.Contains(v.Date) {
				return false
			}
		}
	}
	return true
}

// leftOut reports whether a cell the figure needs cannot be read.
func (r row) leftOut(lo *leftOut) bool {
	for _, c := range lo.cols {
		if v, ok := r.get(c); !ok || lo.empty && v.Empty {
			return true
		}
	}
	return false
}

// WholeMonths counts the whole months from since to end (both dates at
// midnight): 2020-04-30 → 2021-10-31 is 18, 2020-05-01 → 2021-10-31 is 17.
func WholeMonths(since, end time.Time) int {
	if end.Before(since) {
		return 0
	}
	m := (end.Year()-since.Year())*12 + int(end.Month()) - int(since.Month())
	if end.Day() < since.Day() && !lastDayOfMonth(end) {
		m--
	}
	return m
}

func lastDayOfMonth(d time.Time) bool { return d.AddDate(0, 0, 1).Day() == 1 }
