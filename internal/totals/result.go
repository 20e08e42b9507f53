package totals

import (
	"encoding/json"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Keys of SPEC §3, in the order of the online form.
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

// kinds holds every figure that is not a count.
var kinds = map[string]Kind{
	KeyTotalArea: Area, KeyTeamEnterpriseArea: Area, KeyPublicServiceArea: Area, KeySelfUseArea: Area, KeyOtherArea: Area,
	KeyTeamsFinancingAmount: Money, KeyEnterprisesFinancingAmount: Money,
	KeyServiceAreaRatio: Ratio,
}

// KindOf says how the figure with key is displayed (Count for any key not
// an area, an amount of money or the ratio).
func KindOf(key string) Kind { return kinds[key] }

// UnitLabel is the unit a figure of kind k is given in where the number
// stands alone (a spreadsheet cell): "(平方米)", "(万元)"; "" for counts and
// the ratio, whose cell shows its %.
func UnitLabel(k Kind, l msg.Lang) string {
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
	count := func(k string) Figure {
		return Figure{Key: k, Kind: Count, Value: decimal.NewFromInt(int64(a.counts[k]))}
	}
	area := func(k string) Figure { return Figure{Key: k, Kind: KindOf(k), Value: a.sums[k]} }
	money := area

	total := a.sums[KeyTotalArea]
	ratio := Figure{Key: KeyServiceAreaRatio, Kind: KindOf(KeyServiceAreaRatio), Null: total.IsZero()}
	if !total.IsZero() {
		part := a.sums[KeyTeamEnterpriseArea].Add(a.sums[KeyPublicServiceArea])
		ratio.Value = part.Mul(decimal.NewFromInt(100)).DivRound(total, 10).Round(1)
	}
	mgmt := Figure{Key: KeyManagementStaff, Kind: Count,
		Value: decimal.NewFromInt(int64(a.counts[KeyProfessionalStaff] + a.counts[KeyMentors]))}
	months := Figure{Key: KeyOperatingMonths, Kind: Count, Null: !a.operatingKnown}
	if a.operatingKnown {
		months.Value = decimal.NewFromInt(int64(WholeMonths(a.operatingSince, a.window.End)))
	}

	t := &Totals{
		Figures: []Figure{
			count(KeyMediaReports), count(KeyHonors),
			area(KeyTotalArea), area(KeyTeamEnterpriseArea), area(KeyPublicServiceArea),
			area(KeySelfUseArea), area(KeyOtherArea), count(KeyWorkstations), ratio,
			mgmt, count(KeyProfessionalStaff), count(KeyMentors), count(KeyMentorsFullTime), count(KeyMentorsPartTime),
			count(KeyTeamsTotal), count(KeyTeamsInSpace), count(KeyTeamsConverted), count(KeyTeamsMovedOut),
			count(KeyTeamsFinanced), money(KeyTeamsFinancingAmount), count(KeyTeamsJoinedInWindow),
			count(KeyEnterprisesTotal), count(KeyEnterprisesFromTeams), count(KeyEnterprisesInSpace),
			count(KeyEnterprisesMovedOut), count(KeyEnterprisesFinanced), money(KeyEnterprisesFinancingAmount),
			count(KeyEnterprisesJoinedInWindow), count(KeyEnterpriseStaffInSpace), count(KeyActivities),
			count(KeyServedInWindow), count(KeyConversionsInWindow), count(KeyFinancedInWindow), months,
		},
		ActivitiesByType: map[string]int{},
		LeftOut:          map[string]int{},
	}
	for _, kind := range a.lists[schema.ListActivityKind] {
		t.ActivitiesByType[kind] = a.byType[kind]
	}
	for k, v := range a.byType {
		t.ActivitiesByType[k] = v
	}
	for k, v := range a.leftOut {
		if v > 0 {
			t.LeftOut[k] = v
		}
	}
	t.Eligibility = evaluate(t, th)
	return t
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
