package totals

import (
	"encoding/json"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/msg"
)

// Keys of SPEC §3 (figures.go defines each).
const (
	KeyMediaReports       = "media_reports"
	KeyHonors             = "honors"
	KeyTotalArea          = "total_area"
	KeyTeamEnterpriseArea = "team_enterprise_area"
	KeyPublicServiceArea  = "public_service_area"
	KeySelfUseArea        = "self_use_area"
	KeyOtherArea          = "other_area"
	KeyWorkstations       = "workstations"
	KeyServiceAreaRatio   = "service_area_ratio"
	KeyManagementStaff    = "management_staff"
	KeyProfessionalStaff  = "professional_staff"
	KeyMentors            = "mentors"
	KeyMentorsFullTime    = "mentors_full_time"
	KeyMentorsPartTime    = "mentors_part_time"

	KeyTeamsTotal           = "teams_total"
	KeyTeamsInSpace         = "teams_in_space"
	KeyTeamsConverted       = "teams_converted"
	KeyTeamsMovedOut        = "teams_moved_out"
	KeyTeamsFinanced        = "teams_financed"
	KeyTeamsFinancingAmount = "teams_financing_amount"
	KeyTeamsJoinedInWindow  = "teams_joined_in_window"

	KeyEnterprisesTotal           = "enterprises_total"
	KeyEnterprisesFromTeams       = "enterprises_from_teams"
	KeyEnterprisesInSpace         = "enterprises_in_space"
	KeyEnterprisesMovedOut        = "enterprises_moved_out"
	KeyEnterprisesFinanced        = "enterprises_financed"
	KeyEnterprisesFinancingAmount = "enterprises_financing_amount"
	KeyEnterprisesJoinedInWindow  = "enterprises_joined_in_window"
	KeyEnterpriseStaffInSpace     = "enterprise_staff_in_space"
	KeyActivities                 = "activities"

	KeyServedInWindow      = "served_in_window"
	KeyConversionsInWindow = "conversions_in_window"
	KeyFinancedInWindow    = "financed_in_window"
	KeyOperatingMonths     = "operating_months"
)

// Kind says how a figure is displayed.
type Kind int

const (
	Count Kind = iota // a whole number
	Area              // m², 2 decimals
	Money             // 万元, 2 decimals
	Ratio             // %, 1 decimal, half up
)

// unitLabel is the unit a figure of kind k is given in where the number
// stands alone (a spreadsheet cell): "(平方米)", "(万元)"; "" for counts and
// the ratio, whose cell shows its %.
func unitLabel(k Kind, l msg.Lang) string {
	switch k {
	case Area:
		return l.T("unit.paren-m2")
	case Money:
		return l.T("unit.paren-wanyuan")
	}
	return ""
}

// Figure is one total as the online form shows it.
type Figure struct {
	Key   string
	Kind  Kind
	Value decimal.Decimal
	Null  bool // undefined (the ratio when there is no area)
}

// Display is the figure as the online form prints it: "800.00", "81.3",
// "12"; "" when null.
func (f Figure) Display() string {
	if f.Null {
		return ""
	}
	switch f.Kind {
	case Area, Money:
		return f.Value.StringFixed(2)
	case Ratio:
		return f.Value.StringFixed(1) // StringFixed rounds half away from zero: 81.25 → 81.3
	}
	return f.Value.StringFixed(0)
}

// Totals holds every figure, the activities per type and the number of rows
// left out of a figure because a cell could not be read.
type Totals struct {
	Figures          []Figure
	ActivitiesByType map[string]int
	LeftOut          map[string]int
	Eligibility      []Check
}

// Get returns the figure with key.
func (t *Totals) Get(key string) Figure {
	for _, f := range t.Figures {
		if f.Key == key {
			return f
		}
	}
	return Figure{Key: key, Null: true}
}

// Result computes the totals from what was added; the self-check is
// evaluated against thresholds.
func (a *Accumulator) Result(th Thresholds) *Totals {
	figs := make([]*Figure, len(defs))
	var value func(i int) Figure
	value = func(i int) Figure {
		if figs[i] != nil {
			return *figs[i]
		}
		d := defs[i]
		f := Figure{Key: d.Key, Kind: d.Kind}
		get := func(key string) Figure { return value(index(key)) }
		switch {
		case d.sum != nil:
			f.Value = a.sums[i]
		case d.since != nil:
			f.Null = !a.known[i]
			if a.known[i] {
				f.Value = decimal.NewFromInt(int64(WholeMonths(a.dates[i], a.window.End)))
			}
		case d.plus != nil:
			for _, k := range d.plus {
				f.Value = f.Value.Add(get(k).Value)
			}
		case d.ratio != nil:
			whole := get(d.ratio.whole).Value
			f.Null = whole.IsZero()
			if !f.Null {
				part := decimal.Zero
				for _, k := range d.ratio.parts {
					part = part.Add(get(k).Value)
				}
				f.Value = part.Mul(decimal.NewFromInt(100)).DivRound(whole, 10).Round(1)
			}
		default:
			f.Value = decimal.NewFromInt(a.counts[i])
		}
		figs[i] = &f
		return f
	}
	t := &Totals{ActivitiesByType: map[string]int{}, LeftOut: map[string]int{}}
	for i, d := range defs {
		t.Figures = append(t.Figures, value(i))
		if a.leftOut[i] > 0 {
			t.LeftOut[d.Key] = a.leftOut[i]
		}
		if d.breakdown != nil {
			for _, o := range a.lists[d.breakdown.list] {
				t.ActivitiesByType[o] = a.byType[o]
			}
			for o, n := range a.byType {
				t.ActivitiesByType[o] = n
			}
		}
	}
	t.Eligibility = evaluate(t, th)
	return t
}

// index is the position of the figure with key in defs.
func index(key string) int {
	for i, d := range defs {
		if d.Key == key {
			return i
		}
	}
	panic("totals: no figure " + key) // a fault of the table: TestFigureTable
}

// MarshalJSON writes the flat object of SPEC §3: every key with its number as
// displayed, activities_by_type, left_out when rows were left out.
func (t *Totals) MarshalJSON() ([]byte, error) {
	obj := make(map[string]any, len(t.Figures)+2)
	for _, f := range t.Figures {
		if f.Null {
			obj[f.Key] = nil
		} else {
			obj[f.Key] = json.Number(f.Display())
		}
	}
	obj["activities_by_type"] = t.ActivitiesByType
	if len(t.LeftOut) > 0 {
		obj["left_out"] = t.LeftOut
	}
	return json.Marshal(obj)
}

// LeftOutKeys returns the keys with rows left out, sorted.
func (t *Totals) LeftOutKeys() []string {
	keys := make([]string, 0, len(t.LeftOut))
	for k := range t.LeftOut {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
