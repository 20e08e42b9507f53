package totals

import (
	"fmt"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
)

// The figures of SPEC §3, each described once. A Def says how a figure is
// displayed (its kind), how it is computed from the typed rows (the count
// of rows where…, the sum of a column where…, or derived from other
// figures) and how the 汇总 sheet writes it as a live formula (formula.go
// generates COUNTIFS / SUMIFS over the template's column ranges from the
// same conditions). From this table come the accumulator (totals.go), the
// text and JSON output, the 申报书's totals blocks and the 汇总 sheet.
//
// Adding a figure is one entry in defs (plus its label "total.<key>" in the
// message catalogue), and its place in the readers' lists below.
type Def struct {
	Key  string
	Kind Kind
	// Group is the figure's group in the online form (`mkspace totals`);
	// the table's order is the order within the groups.
	Group string

	// How it is computed: exactly one of these.
	count  []term      // Σ over the terms: the rows of a sheet where every condition holds
	sum    *sumOf      // Σ of a column over the rows where every condition holds
	plus   []string    // Σ of other figures
	ratio  *ratioOf    // other figures' share of a figure, in %
	since  *schema.Col // whole months from a form's date field to the window end
	custom *custom     // a computation of its own

	// leftOut: of a count, the rows whose cells in cols cannot be read
	// (empty ones too when empty) are left out of the figure (and
	// counted, for the note of `mkspace totals`). A sum leaves out the rows
	// where its conditions hold and the value cannot be read.
	leftOut *leftOut
	// breakdown: the figure is also given per option of a list column
	// (activities by type).
	breakdown *breakdown
	// note, when set, writes the 汇总 sheet's description of the figure
	// (else it is generated from the computation).
	note func(f *Formulas) string
	// goOnly, when set, says why the 汇总 sheet cannot write the figure as
	// a formula (TestSummaryFormulas holds every other figure to its
	// formula).
	goOnly string
}

// term is the rows of a sheet where every condition holds.
type term struct {
	sheet *schema.Sheet
	where []cond
}

type sumOf struct {
	col   schema.Col
	where []cond
}

type ratioOf struct {
	parts []string // figures added up
	whole string   // the figure they are a share of; the ratio is null when it is 0
}

type leftOut struct {
	cols  []schema.Col
	empty bool
}

type breakdown struct {
	col  schema.Col
	list string // the option list (schema.List…); the config may replace it
}

// custom is a count whose condition no list of cell conditions expresses.
type custom struct {
	sheets []*schema.Sheet
	// row reports whether a row of one of sheets counts.
	row func(w config.Window, r row) bool
	// formula writes it for the 汇总 sheet.
	formula func(f *Formulas) string
}

// cond is one condition on a cell of the row. A cell that is empty or does
// not read meets no condition.
type cond struct {
	col    schema.Col
	op     condOp
	list   string // opOption: the option list
	option int    // opOption: the option's index in it
}

type condOp int

const (
	opYes    condOp = iota // a yes/no cell holds 是
	opNo                   // a yes/no cell holds 否
	opOption               // an option cell holds the list's option at an index
	opWindow               // a date inside the window
)

func rowsOf(s *schema.Sheet, where ...cond) term { return term{sheet: s, where: where} }
func isYes(c schema.Col) cond                    { return cond{col: c, op: opYes} }
func isNo(c schema.Col) cond                     { return cond{col: c, op: opNo} }
func inWindow(c schema.Col) cond                 { return cond{col: c, op: opWindow} }
func isOption(c schema.Col, list string, i int) cond {
	return cond{col: c, op: opOption, list: list, option: i}
}
func sumOfCol(c schema.Col, where ...cond) *sumOf { return &sumOf{col: c, where: where} }
func cols(c ...schema.Col) []schema.Col           { return c }

var (
	basic       = schema.Basic
	venues      = schema.Venues
	staff       = schema.Staff
	mentors     = schema.Mentors
	teams       = schema.Teams
	enterprises = schema.Enterprises
	activities  = schema.Activities
)

// defs is every figure, in the order of the online form's groups.
var defs = []*Def{
	{Key: KeyMediaReports, Kind: Count, Group: "basic", count: []term{rowsOf(schema.Media.Sheet)}},
	{Key: KeyHonors, Kind: Count, Group: "basic", count: []term{rowsOf(schema.Honors.Sheet)}},

	{Key: KeyTotalArea, Kind: Area, Group: "venues", sum: sumOfCol(venues.Area)},
	{Key: KeyTeamEnterpriseArea, Kind: Area, Group: "venues", sum: sumOfCol(venues.TeamEnterpriseArea)},
	{Key: KeyPublicServiceArea, Kind: Area, Group: "venues", sum: sumOfCol(venues.PublicServiceArea)},
	{Key: KeySelfUseArea, Kind: Area, Group: "venues", sum: sumOfCol(venues.SelfUseArea)},
	{Key: KeyOtherArea, Kind: Area, Group: "venues", sum: sumOfCol(venues.OtherArea)},
	{Key: KeyWorkstations, Kind: Count, Group: "venues", sum: sumOfCol(venues.Workstations)},
	{Key: KeyServiceAreaRatio, Kind: Ratio, Group: "venues",
		ratio: &ratioOf{parts: []string{KeyTeamEnterpriseArea, KeyPublicServiceArea}, whole: KeyTotalArea},
		note:  func(f *Formulas) string { return f.Lang.T("tmpl.sum.ratio") }},

	// As the online form's example: 1 staff row + 1 mentor row → 2.
	{Key: KeyManagementStaff, Kind: Count, Group: "people", plus: []string{KeyProfessionalStaff, KeyMentors},
		note: func(f *Formulas) string { return f.Lang.T("tmpl.sum.mgmt") }},
	{Key: KeyProfessionalStaff, Kind: Count, Group: "people", count: []term{rowsOf(staff.Sheet)}},
	{Key: KeyMentors, Kind: Count, Group: "people", count: []term{rowsOf(mentors.Sheet)}},
	// The first option of the employment list is full time, the second part time.
	{Key: KeyMentorsFullTime, Kind: Count, Group: "people",
		count: []term{rowsOf(mentors.Sheet, isOption(mentors.Employment, schema.ListEmployment, 0))}},
	{Key: KeyMentorsPartTime, Kind: Count, Group: "people",
		count: []term{rowsOf(mentors.Sheet, isOption(mentors.Employment, schema.ListEmployment, 1))}},

	{Key: KeyTeamsTotal, Kind: Count, Group: "incubation", count: []term{rowsOf(teams.Sheet)}},
	{Key: KeyTeamsInSpace, Kind: Count, Group: "incubation",
		count:   []term{rowsOf(teams.Sheet, isNo(teams.Converted), isNo(teams.MovedOut))},
		leftOut: &leftOut{cols: cols(teams.Converted, teams.MovedOut), empty: true}},
	{Key: KeyTeamsConverted, Kind: Count, Group: "incubation",
		count: []term{rowsOf(teams.Sheet, isYes(teams.Converted), isNo(teams.MovedOut))}},
	{Key: KeyTeamsMovedOut, Kind: Count, Group: "incubation",
		count: []term{rowsOf(teams.Sheet, isNo(teams.Converted), isYes(teams.MovedOut))}},
	{Key: KeyTeamsFinanced, Kind: Count, Group: "incubation",
		count:   []term{rowsOf(teams.Sheet, isYes(teams.Financed))},
		leftOut: &leftOut{cols: cols(teams.Financed)}},
	{Key: KeyTeamsFinancingAmount, Kind: Money, Group: "incubation", sum: sumOfCol(teams.Amount, isYes(teams.Financed))},
	{Key: KeyEnterprisesTotal, Kind: Count, Group: "incubation", count: []term{rowsOf(enterprises.Sheet)}},
	{Key: KeyEnterprisesFromTeams, Kind: Count, Group: "incubation",
		count: []term{rowsOf(enterprises.Sheet, isYes(enterprises.FromTeam))}},
	{Key: KeyEnterprisesInSpace, Kind: Count, Group: "incubation",
		count:   []term{rowsOf(enterprises.Sheet, isNo(enterprises.MovedOut))},
		leftOut: &leftOut{cols: cols(enterprises.MovedOut), empty: true}},
	{Key: KeyEnterprisesMovedOut, Kind: Count, Group: "incubation",
		count: []term{rowsOf(enterprises.Sheet, isYes(enterprises.MovedOut))}},
	{Key: KeyEnterprisesFinanced, Kind: Count, Group: "incubation",
		count:   []term{rowsOf(enterprises.Sheet, isYes(enterprises.Financed))},
		leftOut: &leftOut{cols: cols(enterprises.Financed)}},
	{Key: KeyEnterprisesFinancingAmount, Kind: Money, Group: "incubation",
		sum: sumOfCol(enterprises.Amount, isYes(enterprises.Financed))},
	{Key: KeyEnterpriseStaffInSpace, Kind: Count, Group: "incubation",
		sum: sumOfCol(enterprises.Staff, isNo(enterprises.MovedOut))},

	{Key: KeyOperatingMonths, Kind: Count, Group: "window", since: &basic.OperatingSince,
		note: func(f *Formulas) string { return f.Lang.T("tmpl.sum.months", "end", f.end()) }},
	{Key: KeyTeamsJoinedInWindow, Kind: Count, Group: "window",
		count: []term{rowsOf(teams.Sheet, inWindow(teams.JoinedOn))}},
	{Key: KeyEnterprisesJoinedInWindow, Kind: Count, Group: "window",
		custom: &custom{sheets: []*schema.Sheet{enterprises.Sheet}, row: enterpriseJoinedInWindow,
			formula: func(f *Formulas) string {
				return f.terms([]term{rowsOf(enterprises.Sheet, inWindow(enterprises.JoinedOn)),
					rowsOf(enterprises.Sheet, isYes(enterprises.FromTeam), inWindow(enterprises.RegisteredOn))})
			}},
		note: func(f *Formulas) string {
			return f.countNote(enterprises.Sheet, f.Lang.T("tmpl.sum.ent-window", "start", f.start(), "end", f.end()))
		}},
	// Teams not converted and all enterprises that were in the space at
	// some time in the window.
	{Key: KeyServedInWindow, Kind: Count, Group: "window",
		custom: &custom{sheets: []*schema.Sheet{teams.Sheet, enterprises.Sheet}, row: servedInWindow, formula: servedFormula},
		note: func(f *Formulas) string {
			return f.Lang.T("tmpl.sum.served", "start", f.start(), "end", f.end())
		}},
	{Key: KeyConversionsInWindow, Kind: Count, Group: "window",
		count: []term{rowsOf(teams.Sheet, isYes(teams.Converted), inWindow(teams.RegisteredOn))},
		note: func(f *Formulas) string {
			return f.countNote(teams.Sheet, f.where([]cond{inWindow(teams.RegisteredOn)}))
		}},
	{Key: KeyFinancedInWindow, Kind: Count, Group: "window",
		count: []term{rowsOf(teams.Sheet, isYes(teams.Financed), inWindow(teams.FinancedOn)),
			rowsOf(enterprises.Sheet, isYes(enterprises.Financed), inWindow(enterprises.FinancedOn))},
		note: func(f *Formulas) string {
			return f.Lang.T("tmpl.sum.financed-window", "start", f.start(), "end", f.end())
		}},
	{Key: KeyActivities, Kind: Count, Group: "window",
		count:     []term{rowsOf(activities.Sheet, inWindow(activities.Date))},
		leftOut:   &leftOut{cols: cols(activities.Date)},
		breakdown: &breakdown{col: activities.Kind, list: schema.ListActivityKind}},
}

// The groupings of the readers other than the online form: each a list of
// figures, in the reader's order.
var (
	// SummaryGroups are the groups of the 汇总 sheet (message
	// "tmpl.sum.group.<key>"), before its self-check.
	SummaryGroups = []Group{
		{"basic", []string{KeyMediaReports, KeyHonors}},
		{"venues", []string{KeyTotalArea, KeyTeamEnterpriseArea, KeyPublicServiceArea, KeySelfUseArea, KeyOtherArea,
			KeyWorkstations, KeyServiceAreaRatio}},
		{"staff", []string{KeyManagementStaff, KeyProfessionalStaff, KeyMentors, KeyMentorsFullTime, KeyMentorsPartTime}},
		{"teams", []string{KeyTeamsTotal, KeyTeamsInSpace, KeyTeamsConverted, KeyTeamsMovedOut, KeyTeamsFinanced,
			KeyTeamsFinancingAmount, KeyTeamsJoinedInWindow}},
		{"ents", []string{KeyEnterprisesTotal, KeyEnterprisesFromTeams, KeyEnterprisesInSpace, KeyEnterprisesMovedOut,
			KeyEnterprisesFinanced, KeyEnterprisesFinancingAmount, KeyEnterprisesJoinedInWindow, KeyEnterpriseStaffInSpace}},
		{"acts", []string{KeyActivities}},
		{"window", []string{KeyServedInWindow, KeyConversionsInWindow, KeyFinancedInWindow, KeyOperatingMonths}},
	}

	// Dossier lists the totals blocks of the 申报书, by the section or
	// table they belong to: only figures the online form has (SPEC §3 and
	// the form's pages); the tool's own figures (当期新入驻团队/企业,
	// 在孵企业人员总数, activities by type, full- and part-time mentors)
	// are for `mkspace totals` and the 汇总 sheet.
	Dossier = struct {
		Media, Venues, Staff, Mentors, Teams, Enterprises, Activities []string
	}{
		Media:       []string{KeyMediaReports, KeyHonors},
		Venues:      []string{KeyTotalArea, KeyTeamEnterpriseArea, KeyPublicServiceArea, KeySelfUseArea, KeyOtherArea, KeyWorkstations, KeyServiceAreaRatio},
		Staff:       []string{KeyManagementStaff, KeyProfessionalStaff, KeyMentors},
		Teams:       []string{KeyTeamsTotal, KeyTeamsInSpace, KeyTeamsConverted, KeyTeamsMovedOut, KeyTeamsFinanced, KeyTeamsFinancingAmount},
		Enterprises: []string{KeyEnterprisesTotal, KeyEnterprisesFromTeams, KeyEnterprisesInSpace, KeyEnterprisesMovedOut, KeyEnterprisesFinanced, KeyEnterprisesFinancingAmount},
		Activities:  []string{KeyActivities},
	}
)

// Group is a reader's group of figures.
type Group struct {
	Key     string
	Figures []string
}

// FormGroups are the groups of the online form (`mkspace totals`, message
// "totals.group.<key>"), from the table.
func FormGroups() []Group {
	var out []Group
	for _, d := range defs {
		if len(out) == 0 || out[len(out)-1].Key != d.Group {
			out = append(out, Group{Key: d.Group})
		}
		out[len(out)-1].Figures = append(out[len(out)-1].Figures, d.Key)
	}
	return out
}

// Defs returns every figure's definition, in the online form's order.
func Defs() []*Def { return defs }

// Lookup returns the definition of the figure with key, or nil.
func Lookup(key string) *Def {
	for _, d := range defs {
		if d.Key == key {
			return d
		}
	}
	return nil
}

// GoOnly says why the 汇总 sheet has no formula for the figure ("" when it
// has one).
func (d *Def) GoOnly() string { return d.goOnly }

// HasBreakdown reports whether the figure is also given per option of a
// list (the activities by type: Totals.ActivitiesByType).
func (d *Def) HasBreakdown() bool { return d.breakdown != nil }

// BreakdownOptions are the options the figure is given by, from lists (nil
// without a breakdown).
func (d *Def) BreakdownOptions(lists schema.Lists) []string {
	if d.breakdown == nil {
		return nil
	}
	return lists[d.breakdown.list]
}

// Sheets are the sheets the figure is computed from.
func (d *Def) Sheets() []*schema.Sheet {
	var out []*schema.Sheet
	add := func(s *schema.Sheet) {
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, t := range d.count {
		add(t.sheet)
	}
	if d.sum != nil {
		add(d.sum.col.Sheet())
	}
	if d.since != nil {
		add(d.since.Sheet())
	}
	if d.custom != nil {
		for _, s := range d.custom.sheets {
			add(s)
		}
	}
	var others []string
	others = append(others, d.plus...)
	if d.ratio != nil {
		others = append(append(others, d.ratio.parts...), d.ratio.whole)
	}
	for _, k := range others {
		for _, s := range Lookup(k).Sheets() {
			add(s)
		}
	}
	return out
}

// enterpriseJoinedInWindow: the day an enterprise came into the space — its
// 入驻时间, or, converted from a team, its 注册时间 — lies in the window.
func enterpriseJoinedInWindow(w config.Window, r row) bool {
	joined, ok := enterpriseJoined(r)
	return ok && w.Contains(joined)
}

func enterpriseJoined(r row) (time.Time, bool) {
	e := enterprises
	if d, ok := r.date(e.JoinedOn); ok {
		return d, true
	}
	if from, ok := r.yesno(e.FromTeam); ok && from {
		return r.date(e.RegisteredOn)
	}
	return time.Time{}, false
}

// servedInWindow: a team not converted, or any enterprise, in the space at
// some time in the window: joined by its end, not moved out before its
// start.
func servedInWindow(w config.Window, r row) bool {
	var joined time.Time
	var ok bool
	var movedOutOn schema.Col
	switch r.sheet {
	case teams.Sheet:
		if converted, known := r.yesno(teams.Converted); !known || converted {
			return false
		}
		joined, ok = r.date(teams.JoinedOn)
		movedOutOn = teams.MovedOutOn
	case enterprises.Sheet:
		joined, ok = enterpriseJoined(r)
		movedOutOn = enterprises.MovedOutOn
	}
	if !ok || joined.After(w.End) {
		return false
	}
	out, known := r.date(movedOutOn)
	return !known || !out.Before(w.Start)
}

// servedFormula counts, for the teams not converted, the enterprises by
// 入驻时间 and those converted from a team by 注册时间, the rows joined by
// the window's end, less those that moved out before its start.
func servedFormula(f *Formulas) string {
	ds, de := f.date(f.Window.Start), f.date(f.Window.End)
	served := func(cond, joined, movedOut string) string {
		return fmt.Sprintf(`(COUNTIFS(%[1]s%[2]s,"<="&%[4]s)-COUNTIFS(%[1]s%[2]s,"<="&%[4]s,%[3]s,"<"&%[5]s))`, cond, joined, movedOut, de, ds)
	}
	T, E := teams, enterprises
	return served(f.criterion(isNo(T.Converted))+",", f.Book.Range(T.JoinedOn), f.Book.Range(T.MovedOutOn)) + "+" +
		served("", f.Book.Range(E.JoinedOn), f.Book.Range(E.MovedOutOn)) + "+" +
		served(f.criterion(isYes(E.FromTeam))+",", f.Book.Range(E.RegisteredOn), f.Book.Range(E.MovedOutOn))
}
