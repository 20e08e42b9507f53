package totals

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// fakeBook names ranges by sheet key and column key.
type fakeBook struct{}

func (fakeBook) Range(c schema.Col) string { return c.Sheet().Key + "." + c.Key() }
func (fakeBook) Field(c schema.Col) string { return c.Sheet().Key + "!" + c.Key() }

// The table of figures is whole: each figure computed one way, labelled,
// described and written as a formula (or marked Go-only with a reason), and
// every reader's list names figures of the table.
func TestFigureTable(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	fs := &Formulas{Book: fakeBook{}, Window: cfg.Window, Lists: cfg.Lists, Lang: msg.ZH}
	keys := map[string]bool{}
	breakdowns := 0
	for _, d := range Defs() {
		require.False(t, keys[d.Key], "%s twice", d.Key)
		keys[d.Key] = true
		ways := 0
		for _, set := range []bool{d.count != nil, d.sum != nil, d.plus != nil, d.ratio != nil, d.since != nil, d.custom != nil} {
			if set {
				ways++
			}
		}
		assert.Equal(t, 1, ways, "%s: computed one way", d.Key)
		assert.True(t, msg.Has("total."+d.Key), "%s: its label", d.Key)
		assert.True(t, msg.Has("totals.group."+d.Group), "%s: its group %s", d.Key, d.Group)
		assert.NotEmpty(t, d.Sheets(), d.Key)
		if d.GoOnly() == "" {
			assert.NotEmpty(t, fs.Formula(d), "%s: a formula, or Go-only with a reason", d.Key)
			assert.NotEmpty(t, fs.Note(d), "%s: a note", d.Key)
		}
		for _, k := range append(slices.Clone(d.plus), refsOf(d)...) {
			assert.NotNil(t, Lookup(k), "%s names %s", d.Key, k)
		}
		if d.HasBreakdown() {
			breakdowns++
		}
		for _, tm := range d.count {
			for _, c := range tm.where {
				assert.Same(t, tm.sheet, c.col.Sheet(), "%s: a condition on another sheet", d.Key)
			}
		}
	}
	assert.LessOrEqual(t, breakdowns, 1, "one breakdown: Totals.ActivitiesByType")

	// The 汇总 sheet lists every figure that has a formula, once.
	onSummary := map[string]int{}
	for _, g := range SummaryGroups {
		assert.True(t, msg.Has("tmpl.sum.group."+g.Key), g.Key)
		for _, k := range g.Figures {
			require.NotNil(t, Lookup(k), k)
			onSummary[k]++
		}
	}
	for _, d := range Defs() {
		want := 1
		if d.GoOnly() != "" {
			want = 0
		}
		assert.Equal(t, want, onSummary[d.Key], "%s on the 汇总 sheet", d.Key)
	}
	for _, k := range slices.Concat(Dossier.Media, Dossier.Venues, Dossier.Staff, Dossier.Mentors, Dossier.Teams,
		Dossier.Enterprises, Dossier.Activities) {
		assert.NotNil(t, Lookup(k), "the 申报书 names %s", k)
	}
	var form []string
	for _, g := range FormGroups() {
		form = append(form, g.Figures...)
	}
	assert.Len(t, form, len(Defs()), "the online form's groups hold every figure")
	for _, c := range EligDefs {
		for _, p := range c.Parts {
			assert.NotNil(t, Lookup(p.Figure), "%s compares %s", c.Key, p.Figure)
		}
	}
}

func refsOf(d *Def) []string {
	if d.ratio == nil {
		return nil
	}
	return append(slices.Clone(d.ratio.parts), d.ratio.whole)
}

// The formulas are built from the conditions the accumulator evaluates:
// COUNTIF for one condition, COUNTIFS for more (a date in the window is
// two), SUMIFS for a sum where…, other figures by reference.
func TestFormulas(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	fs := &Formulas{Book: fakeBook{}, Window: cfg.Window, Lists: cfg.Lists, Lang: msg.ZH}
	for key, want := range map[string]string{
		KeyTeamsInSpace:         `COUNTIFS(teams.converted,"否",teams.moved_out,"否")`,
		KeyTeamsFinanced:        `COUNTIF(teams.financed,"是")`,
		KeyMentorsFullTime:      `COUNTIF(mentors.employment,"专职")`,
		KeyTeamsFinancingAmount: `SUMIFS(teams.amount,teams.financed,"是")`,
		KeyTotalArea:            `SUM(venues.area)`,
		KeyActivities:           `COUNTIFS(activities.date,">="&DATE(2020,11,1),activities.date,"<="&DATE(2021,10,31))`,
		KeyFinancedInWindow: `COUNTIFS(teams.financed,"是",teams.financed_on,">="&DATE(2020,11,1),teams.financed_on,"<="&DATE(2021,10,31))+` +
			`COUNTIFS(enterprises.financed,"是",enterprises.financed_on,">="&DATE(2020,11,1),enterprises.financed_on,"<="&DATE(2021,10,31))`,
		KeyManagementStaff:  `{professional_staff}+{mentors}`,
		KeyServiceAreaRatio: `IF(N({total_area})=0,"—",ROUND(({team_enterprise_area}+{public_service_area})/{total_area}*100,1))`,
		KeyMediaReports:     `SUMPRODUCT(--(LEN(media.title&media.outlet&media.date&media.url&media.proof)>0))`,
		KeyOperatingMonths:  `IF(ISNUMBER(basic!operating_since),IF(basic!operating_since<=DATE(2021,10,31),24262-(YEAR(basic!operating_since)*12+MONTH(basic!operating_since)),0),"")`,
	} {
		assert.Equal(t, want, fs.Formula(Lookup(key)), key)
	}
	opts, formulas := fs.Breakdown(Lookup(KeyActivities))
	assert.Equal(t, cfg.Lists[schema.ListActivityKind], opts)
	assert.True(t, strings.HasPrefix(formulas[0], `COUNTIFS(activities.kind,"创业沙龙",activities.date,">="`), formulas[0])
	assert.Equal(t, "“创新创业活动”表中“活动类型”＝创业沙龙，“活动日期”在填报期内的记录数", fs.BreakdownNote(Lookup(KeyActivities), 0))
	assert.Equal(t, "“创业团队”表中“是否转化为企业”＝否，“是否迁出”＝否的记录数", fs.Note(Lookup(KeyTeamsInSpace)))

	// An option the configured list lacks: no formula for that figure.
	short := &Formulas{Book: fakeBook{}, Window: cfg.Window, Lists: cfg.Lists.With(map[string][]string{schema.ListEmployment: {"全职"}}), Lang: msg.ZH}
	assert.Equal(t, `COUNTIF(mentors.employment,"全职")`, short.Formula(Lookup(KeyMentorsFullTime)))
	assert.Empty(t, short.Formula(Lookup(KeyMentorsPartTime)))

	formula, need := fs.EligibilityFormula(EligDefs[1], cfg.Eligibility)
	assert.Equal(t, `IF(OR(AND(ISNUMBER({total_area}),{total_area}>=500),AND(ISNUMBER({workstations}),{workstations}>=30)),"满足","不满足")`, formula)
	assert.Equal(t, "要求：众创空间服务场地总面积 ≥ 500，或 提供创业工位数量 ≥ 30", need)
}
