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
	"github.com/mkspace/mkspace/internal/schema"
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

// row gives keyed access to one typed row.
type row struct {
	sheet *schema.Sheet
	vals  []cell.Value
	ok    []bool
}

// get returns the value of key and whether it could be read. An empty cell
// is readable (Value.Empty).
func (r row) get(key string) (cell.Value, bool) {
	i := r.sheet.ColumnIndex(key)
	if i < 0 || i >= len(r.vals) {
		return cell.Value{Empty: true}, true
	}
	if r.ok != nil && !r.ok[i] {
		return cell.Value{}, false
	}
	return r.vals[i], true
}

// yesno returns (value, known): unknown when empty or unreadable.
func (r row) yesno(key string) (bool, bool) {
	v, ok := r.get(key)
	if !ok || v.Empty {
		return false, false
	}
	return v.Bool, true
}

// date returns (date, known).
func (r row) date(key string) (time.Time, bool) {
	v, ok := r.get(key)
	if !ok || v.Empty {
		return time.Time{}, false
	}
	return v.Date, true
}

// Add takes one data row of sheet: vals are indexed like sheet.Columns, and
// ok[i] is false where cell i could not be read (nil ok = all readable).
// For a form sheet the one row holds the fields.
func (a *Accumulator) Add(sheet *schema.Sheet, vals []cell.Value, ok []bool) {
	r := row{sheet: sheet, vals: vals, ok: ok}
	switch sheet.Key {
	case "basic":
		if d, known := r.date("operating_since"); known {
			a.operatingSince, a.operatingKnown = d, true
		} else if _, readable := r.get("operating_since"); !readable {
			a.leftOut[KeyOperatingMonths]++
		}
	case "media":
		a.counts[KeyMediaReports]++
	case "honors":
		a.counts[KeyHonors]++
	case "venues":
		a.addVenue(r)
	case "staff":
		a.counts[KeyProfessionalStaff]++
	case "mentors":
		a.counts[KeyMentors]++
		if v, ok := r.get("employment"); ok && !v.Empty {
			opts := a.lists[schema.ListEmployment]
			switch {
			case len(opts) > 0 && v.Text == opts[0]:
				a.counts[KeyMentorsFullTime]++
			case len(opts) > 1 && v.Text == opts[1]:
				a.counts[KeyMentorsPartTime]++
			}
		}
	case "teams":
		a.addTeam(r)
	case "enterprises":
		a.addEnterprise(r)
	case "activities":
		a.addActivity(r)
	}
}

func (a *Accumulator) sum(key string, r row, col string) {
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
	a.sum(KeyTotalArea, r, "area")
	a.sum(KeyTeamEnterpriseArea, r, "team_enterprise_area")
	a.sum(KeyPublicServiceArea, r, "public_service_area")
	a.sum(KeySelfUseArea, r, "self_use_area")
	a.sum(KeyOtherArea, r, "other_area")
	v, ok := r.get("workstations")
	switch {
	case !ok:
		a.leftOut[KeyWorkstations]++
	case !v.Empty:
		a.counts[KeyWorkstations] += int(v.Int)
	}
}

// financing counts a financed row and its amount under the given keys, and
// the window figure.
func (a *Accumulator) financing(r row, countKey, amountKey string) {
	financed, known := r.yesno("financed")
	if !known {
		if _, readable := r.get("financed"); !readable {
			a.leftOut[countKey]++
		}
		return
	}
	if !financed {
		return
	}
	a.counts[countKey]++
	a.sum(amountKey, r, "amount")
	if d, ok := r.date("financed_on"); ok && a.window.Contains(d) {
		a.counts[KeyFinancedInWindow]++
	}
}

func (a *Accumulator) addTeam(r row) {
	a.counts[KeyTeamsTotal]++
	converted, cKnown := r.yesno("converted")
	movedOut, mKnown := r.yesno("moved_out")
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
	joined, jKnown := r.date("joined_on")
	if jKnown && a.window.Contains(joined) {
		a.counts[KeyTeamsJoinedInWindow]++
	}
	if d, ok := r.date("registered_on"); ok && cKnown && converted && a.window.Contains(d) {
		a.counts[KeyConversionsInWindow]++
	}
	// Served: teams not converted that were in the space at some time in the window.
	if cKnown && !converted && jKnown && a.inSpaceDuringWindow(r, joined) {
		a.counts[KeyServedInWindow]++
	}
	a.financing(r, KeyTeamsFinanced, KeyTeamsFinancingAmount)
}

// inSpaceDuringWindow: joined ≤ window end and not moved out before the
// window start.
func (a *Accumulator) inSpaceDuringWindow(r row, joined time.Time) bool {
	if joined.After(a.window.End) {
		return false
	}
	if out, ok := r.date("moved_out_on"); ok && out.Before(a.window.Start) {
		return false
	}
	return true
}

func (a *Accumulator) addEnterprise(r row) {
	a.counts[KeyEnterprisesTotal]++
	fromTeam, fKnown := r.yesno("from_team")
	if fKnown && fromTeam {
		a.counts[KeyEnterprisesFromTeams]++
	}
	movedOut, mKnown := r.yesno("moved_out")
	switch {
	case !mKnown:
		a.leftOut[KeyEnterprisesInSpace]++
	case movedOut:
		a.counts[KeyEnterprisesMovedOut]++
	default:
		a.counts[KeyEnterprisesInSpace]++
		v, ok := r.get("staff")
		switch {
		case !ok:
			a.leftOut[KeyEnterpriseStaffInSpace]++
		case !v.Empty:
			a.counts[KeyEnterpriseStaffInSpace] += int(v.Int)
		}
	}
	// The day it came into the space: 入驻时间, or for a converted team its 注册时间.
	joined, jKnown := r.date("joined_on")
	if !jKnown && fKnown && fromTeam {
		joined, jKnown = r.date("registered_on")
	}
	if jKnown && a.window.Contains(joined) {
		a.counts[KeyEnterprisesJoinedInWindow]++
	}
	if jKnown && a.inSpaceDuringWindow(r, joined) {
		a.counts[KeyServedInWindow]++
	}
	a.financing(r, KeyEnterprisesFinanced, KeyEnterprisesFinancingAmount)
}

func (a *Accumulator) addActivity(r row) {
	d, ok := r.date("date")
	if !ok {
		if _, readable := r.get("date"); !readable {
			a.leftOut[KeyActivities]++
		}
		return
	}
	if !a.window.Contains(d) {
		return
	}
	a.counts[KeyActivities]++
	if v, ok := r.get("kind"); ok && !v.Empty {
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
