// Package totals computes the figures the online form generates by itself
// (SPEC §3) and the registration self-check (ELIGIBILITY.md), from typed rows,
// with exact decimal arithmetic. It never reads a cached formula value: the
// rows are the only input.
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

// Accumulator gathers the totals row by row, in one streaming pass. It keeps
// counters and sums only, never rows.
type Accumulator struct {
	window config.Window
	lists  schema.Lists

	counts  map[string]int
	sums    map[string]decimal.Decimal
	byType  map[string]int
	leftOut map[string]int

	operatingSince time.Time
	operatingKnown bool
}

// New returns an empty accumulator for the window of cfg.
func New(cfg *config.Config) *Accumulator {
	return &Accumulator{
		window:  cfg.Window,
		lists:   cfg.Lists,
		counts:  map[string]int{},
		sums:    map[string]decimal.Decimal{},
		byType:  map[string]int{},
		leftOut: map[string]int{},
	}
}

// row gives access to one typed row by column handle.
type row struct {
	vals   []cell.Value
	ok     []bool       // Add's rows: nil = all readable
	states []rows.State // the pipeline's rows
}

// get returns the value of column c and whether it could be read. An empty
// cell is readable (Value.Empty).
func (r row) get(c schema.Col) (cell.Value, bool) {
	i := c.Index()
	if i >= len(r.vals) {
		return cell.Value{Empty: true}, true
	}
	if r.states != nil && r.states[i] != rows.Empty && r.states[i] != rows.Valid || r.ok != nil && !r.ok[i] {
		return cell.Value{}, false
	}
	return r.vals[i], true
}

// Begin, Row, EndTable and End make the accumulator a consumer of the typed
// rows (rows.Run): it takes every row of the pass.
func (a *Accumulator) Begin(*workbook.Table)           {}
func (a *Accumulator) EndTable(*workbook.Table, error) {}
func (a *Accumulator) End()                            {}

// Row adds one typed row.
func (a *Accumulator) Row(r *rows.Row) {
	a.add(r.Sheet, row{vals: r.Values, states: r.States})
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

// Add takes one data row of sheet: vals are indexed like sheet.Columns, and
// ok[i] is false where cell i could not be read (nil ok = all readable).
// For a form sheet the one row holds the fields.
func (a *Accumulator) Add(sheet *schema.Sheet, vals []cell.Value, ok []bool) {
	a.add(sheet, row{vals: vals, ok: ok})
}

func (a *Accumulator) add(sheet *schema.Sheet, r row) {
	switch sheet {
	case schema.Basic.Sheet:
		if d, known := r.date(schema.Basic.OperatingSince); known {
			a.operatingSince, a.operatingKnown = d, true
		} else if _, readable := r.get(schema.Basic.OperatingSince); !readable {
			a.leftOut[KeyOperatingMonths]++
		}
	case schema.Media.Sheet:
		a.counts[KeyMediaReports]++
	case schema.Honors.Sheet:
		a.counts[KeyHonors]++
	case schema.Venues.Sheet:
		a.addVenue(r)
	case schema.Staff.Sheet:
		a.counts[KeyProfessionalStaff]++
	case schema.Mentors.Sheet:
		a.counts[KeyMentors]++
		if v, ok := r.get(schema.Mentors.Employment); ok && !v.Empty {
			opts := a.lists[schema.ListEmployment]
			switch {
			case len(opts) > 0 && v.Text == opts[0]:
				a.counts[KeyMentorsFullTime]++
			case len(opts) > 1 && v.Text == opts[1]:
				a.counts[KeyMentorsPartTime]++
			}
		}
	case schema.Teams.Sheet:
		a.addTeam(r)
	case schema.Enterprises.Sheet:
		a.addEnterprise(r)
	case schema.Activities.Sheet:
		a.addActivity(r)
	}
}

func (a *Accumulator) sum(key string, r row, col schema.Col) {
	v, ok := r.get(col)
	switch {
	case !ok:
		a.leftOut[key]++
	case v.Empty:
	default:
		a.sums[key] = a.sums[key].Add(v.Dec)
	}
}

func (a *Accumulator) addVenue(r row) {
	v := schema.Venues
	a.sum(KeyTotalArea, r, v.Area)
	a.sum(KeyTeamEnterpriseArea, r, v.TeamEnterpriseArea)
	a.sum(KeyPublicServiceArea, r, v.PublicServiceArea)
	a.sum(KeySelfUseArea, r, v.SelfUseArea)
	a.sum(KeyOtherArea, r, v.OtherArea)
	ws, ok := r.get(v.Workstations)
	switch {
	case !ok:
		a.leftOut[KeyWorkstations]++
	case !ws.Empty:
		a.counts[KeyWorkstations] += int(ws.Int)
	}
}

// financing counts a financed row and its amount under the given keys, and
// the window figure.
func (a *Accumulator) financing(r row, f schema.FinancingCols, countKey, amountKey string) {
	financed, known := r.yesno(f.Financed)
	if !known {
		if _, readable := r.get(f.Financed); !readable {
			a.leftOut[countKey]++
		}
		return
	}
	if !financed {
		return
	}
	a.counts[countKey]++
	a.sum(amountKey, r, f.Amount)
	if d, ok := r.date(f.FinancedOn); ok && a.window.Contains(d) {
		a.counts[KeyFinancedInWindow]++
	}
}

func (a *Accumulator) addTeam(r row) {
	t := schema.Teams
	a.counts[KeyTeamsTotal]++
	converted, cKnown := r.yesno(t.Converted)
	movedOut, mKnown := r.yesno(t.MovedOut)
	if cKnown && mKnown {
		switch {
		case !converted && !movedOut:
			a.counts[KeyTeamsInSpace]++
		case converted && !movedOut:
			a.counts[KeyTeamsConverted]++
		case !converted && movedOut:
			a.counts[KeyTeamsMovedOut]++
		}
	} else {
		a.leftOut[KeyTeamsInSpace]++
	}
	joined, jKnown := r.date(t.JoinedOn)
	if jKnown && a.window.Contains(joined) {
		a.counts[KeyTeamsJoinedInWindow]++
	}
	if d, ok := r.date(t.RegisteredOn); ok && cKnown && converted && a.window.Contains(d) {
		a.counts[KeyConversionsInWindow]++
	}
	// Served: teams not converted that were in the space at some time in the window.
	if cKnown && !converted && jKnown && a.inSpaceDuringWindow(r, t.MovedOutOn, joined) {
		a.counts[KeyServedInWindow]++
	}
	a.financing(r, t.FinancingCols, KeyTeamsFinanced, KeyTeamsFinancingAmount)
}

// inSpaceDuringWindow: joined ≤ window end and not moved out before the
// window start.
func (a *Accumulator) inSpaceDuringWindow(r row, movedOutOn schema.Col, joined time.Time) bool {
	if joined.After(a.window.End) {
		return false
	}
	if out, ok := r.date(movedOutOn); ok && out.Before(a.window.Start) {
		return false
	}
	return true
}

func (a *Accumulator) addEnterprise(r row) {
	e := schema.Enterprises
	a.counts[KeyEnterprisesTotal]++
	fromTeam, fKnown := r.yesno(e.FromTeam)
	if fKnown && fromTeam {
		a.counts[KeyEnterprisesFromTeams]++
	}
	movedOut, mKnown := r.yesno(e.MovedOut)
	switch {
	case !mKnown:
		a.leftOut[KeyEnterprisesInSpace]++
	case movedOut:
		a.counts[KeyEnterprisesMovedOut]++
	default:
		a.counts[KeyEnterprisesInSpace]++
		v, ok := r.get(e.Staff)
		switch {
		case !ok:
			a.leftOut[KeyEnterpriseStaffInSpace]++
		case !v.Empty:
			a.counts[KeyEnterpriseStaffInSpace] += int(v.Int)
		}
	}
	// The day it came into the space: 入驻时间, or for a converted team its 注册时间.
	joined, jKnown := r.date(e.JoinedOn)
	if !jKnown && fKnown && fromTeam {
		joined, jKnown = r.date(e.RegisteredOn)
	}
	if jKnown && a.window.Contains(joined) {
		a.counts[KeyEnterprisesJoinedInWindow]++
	}
	if jKnown && a.inSpaceDuringWindow(r, e.MovedOutOn, joined) {
		a.counts[KeyServedInWindow]++
	}
	a.financing(r, e.FinancingCols, KeyEnterprisesFinanced, KeyEnterprisesFinancingAmount)
}

func (a *Accumulator) addActivity(r row) {
	act := schema.Activities
	d, ok := r.date(act.Date)
	if !ok {
		if _, readable := r.get(act.Date); !readable {
			a.leftOut[KeyActivities]++
		}
		return
	}
	if !a.window.Contains(d) {
		return
	}
	a.counts[KeyActivities]++
	if v, ok := r.get(act.Kind); ok && !v.Empty {
		a.byType[v.Text]++
	}
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
