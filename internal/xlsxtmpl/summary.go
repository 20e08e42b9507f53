package xlsxtmpl

import (
	"fmt"
	"github.com/mkspace/mkspace/internal/totals"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Columns of the 汇总 sheet.
const (
	SummaryLabelCol = "A"
	SummaryValueCol = "B"
	SummaryKeyCol   = "C" // the total's key (SPEC §3), hidden
	SummaryDescCol  = "D"
)

// total is one row of the 汇总 sheet: a total of SPEC §3 as a live formula.
type total struct {
	key     string
	label   string
	group   string          // message key of the group heading
	sheets  []*schema.Sheet // the sheets the formula reads
	style   func(styles) int
	formula string // may name other totals as {key}; replaced by their cells
	desc    string
}

func countStyle(s styles) int { return s.count }
func areaStyle(s styles) int  { return s.area }
func ratioStyle(s styles) int { return s.ratio }

// cv is a column and the value a condition wants in it.
type cv struct {
	c schema.Col
	v string
}

// totals returns the rows of the 汇总 sheet whose sheets are all included.
func (b *builder) totals() []total {
	l := b.l
	var out []total
	add := func(t total) {
		for _, s := range t.sheets {
			if !b.has(s) {
				return
			}
		}
		if t.label == "" {
			t.label = l.T("total."+t.key) + totals.UnitLabel(totals.KindOf(t.key), l)
		}
		if t.style == nil {
			t.style = countStyle
		}
		out = append(out, t)
	}
	start, end := b.window.Start.Format(config.DateLayout), b.window.End.Format(config.DateLayout)
	when := func(conds ...cv) string {
		var parts []string
		for _, c := range conds {
			parts = append(parts, l.T("tmpl.ins.when", "col", l.T("tmpl.ins.quote", "x", c.c.Header()), "value", c.v))
		}
		return strings.Join(parts, l.T("tmpl.ins.when-sep"))
	}
	inWin := func(c schema.Col) string {
		return l.T("tmpl.sum.in-window", "col", c.Header(), "start", start, "end", end)
	}
	countIf := func(s *schema.Sheet, cond string) string {
		return l.T("tmpl.sum.count-if", "sheet", s.Name, "cond", cond)
	}
	rows := func(s *schema.Sheet) total {
		return total{sheets: []*schema.Sheet{s}, formula: b.rowCount(s), desc: l.T("tmpl.sum.rows", "sheet", s.Name)}
	}
	sum := func(key string, c schema.Col) total {
		return total{key: key, sheets: []*schema.Sheet{c.Sheet()}, style: areaStyle, formula: "SUM(" + b.rng(c) + ")",
			desc: l.T("tmpl.sum.sum", "sheet", c.Sheet().Name, "col", c.Header())}
	}
	with := func(t total, key, group string) total { t.key, t.group = key, group; return t }
	y, n := `"`+schema.Yes+`"`, `"`+schema.No+`"`
	ds, de := excelDate(b.window.Start), excelDate(b.window.End)
	win := func(c schema.Col) string {
		r := b.rng(c)
		return fmt.Sprintf(`%s,">="&%s,%s,"<="&%s`, r, ds, r, de)
	}
	V, M, T, E, A := schema.Venues, schema.Mentors, schema.Teams, schema.Enterprises, schema.Activities

	g := "tmpl.sum.group.basic"
	add(with(rows(schema.Media.Sheet), "media_reports", g))
	add(with(rows(schema.Honors.Sheet), "honors", g))

	g = "tmpl.sum.group.venues"
	for _, k := range []struct {
		key string
		col schema.Col
	}{
		{"total_area", V.Area}, {"team_enterprise_area", V.TeamEnterpriseArea}, {"public_service_area", V.PublicServiceArea},
		{"self_use_area", V.SelfUseArea}, {"other_area", V.OtherArea},
	} {
		add(with(sum(k.key, k.col), k.key, g))
	}
	ws := sum("workstations", V.Workstations)
	ws.style = countStyle
	add(with(ws, "workstations", g))
	add(total{key: "service_area_ratio", group: g, sheets: []*schema.Sheet{V.Sheet}, style: ratioStyle,
		formula: `IF(N({total_area})=0,"—",ROUND(({team_enterprise_area}+{public_service_area})/{total_area}*100,1))`,
		desc:    l.T("tmpl.sum.ratio")})

	g = "tmpl.sum.group.staff"
	add(total{key: "management_staff", group: g, sheets: []*schema.Sheet{schema.Staff.Sheet, M.Sheet},
		formula: "{professional_staff}+{mentors}", desc: l.T("tmpl.sum.mgmt")})
	add(with(rows(schema.Staff.Sheet), "professional_staff", g))
	add(with(rows(M.Sheet), "mentors", g))
	// as the totals do: the first option of the employment list is full
	// time, the second part time
	emp := b.lists[schema.ListEmployment]
	for i, key := range []string{"mentors_full_time", "mentors_part_time"} {
		if i < len(emp) {
			add(total{key: key, group: g, sheets: []*schema.Sheet{M.Sheet},
				formula: fmt.Sprintf(`COUNTIF(%s,"%s")`, b.rng(M.Employment), strings.ReplaceAll(emp[i], `"`, `""`)),
				desc:    countIf(M.Sheet, when(cv{M.Employment, emp[i]}))})
		}
	}

	g = "tmpl.sum.group.teams"
	conv, moved := b.rng(T.Converted), b.rng(T.MovedOut)
	add(with(rows(T.Sheet), "teams_total", g))
	for _, k := range []struct{ key, c, m string }{
		{"teams_in_space", schema.No, schema.No}, {"teams_converted", schema.Yes, schema.No}, {"teams_moved_out", schema.No, schema.Yes},
	} {
		add(total{key: k.key, group: g, sheets: []*schema.Sheet{T.Sheet},
			formula: fmt.Sprintf(`COUNTIFS(%s,"%s",%s,"%s")`, conv, k.c, moved, k.m),
			desc:    countIf(T.Sheet, when(cv{T.Converted, k.c}, cv{T.MovedOut, k.m}))})
	}
	b.financing(add, g, "teams", T.Sheet, T.FinancingCols, when, countIf)
	add(total{key: "teams_joined_in_window", group: g, sheets: []*schema.Sheet{T.Sheet},
		formula: "COUNTIFS(" + win(T.JoinedOn) + ")", desc: countIf(T.Sheet, inWin(T.JoinedOn))})

	g = "tmpl.sum.group.ents"
	from, emoved := b.rng(E.FromTeam), b.rng(E.MovedOut)
	add(with(rows(E.Sheet), "enterprises_total", g))
	add(total{key: "enterprises_from_teams", group: g, sheets: []*schema.Sheet{E.Sheet},
		formula: fmt.Sprintf(`COUNTIF(%s,%s)`, from, y), desc: countIf(E.Sheet, when(cv{E.FromTeam, schema.Yes}))})
	add(total{key: "enterprises_in_space", group: g, sheets: []*schema.Sheet{E.Sheet},
		formula: fmt.Sprintf(`COUNTIF(%s,%s)`, emoved, n), desc: countIf(E.Sheet, when(cv{E.MovedOut, schema.No}))})
	add(total{key: "enterprises_moved_out", group: g, sheets: []*schema.Sheet{E.Sheet},
		formula: fmt.Sprintf(`COUNTIF(%s,%s)`, emoved, y), desc: countIf(E.Sheet, when(cv{E.MovedOut, schema.Yes}))})
	b.financing(add, g, "enterprises", E.Sheet, E.FinancingCols, when, countIf)
	// the day it came into the space: 入驻时间, or for a converted team its 注册时间
	add(total{key: "enterprises_joined_in_window", group: g, sheets: []*schema.Sheet{E.Sheet},
		formula: fmt.Sprintf(`COUNTIFS(%s)+COUNTIFS(%s,%s,%s)`, win(E.JoinedOn), from, y, win(E.RegisteredOn)),
		desc:    countIf(E.Sheet, l.T("tmpl.sum.ent-window", "start", start, "end", end))})
	add(total{key: "enterprise_staff_in_space", group: g, sheets: []*schema.Sheet{E.Sheet},
		formula: fmt.Sprintf(`SUMIFS(%s,%s,%s)`, b.rng(E.Staff), emoved, n),
		desc:    l.T("tmpl.sum.sum-if", "sheet", E.Sheet.Name, "cond", when(cv{E.MovedOut, schema.No}), "col", E.Staff.Header())})

	g = "tmpl.sum.group.acts"
	add(total{key: "activities", group: g, sheets: []*schema.Sheet{A.Sheet},
		formula: "COUNTIFS(" + win(A.Date) + ")", desc: countIf(A.Sheet, inWin(A.Date))})
	for _, kind := range b.lists[schema.ListActivityKind] {
		cond := when(cv{A.Kind, kind}) + l.T("tmpl.ins.when-sep") + l.T("tmpl.sum.in-window-short", "col", A.Date.Header())
		add(total{key: "activities_by_type." + kind, label: l.T("tmpl.sum.by-type", "kind", kind), group: g, sheets: []*schema.Sheet{A.Sheet},
			formula: fmt.Sprintf(`COUNTIFS(%s,"%s",%s)`, b.rng(A.Kind), strings.ReplaceAll(kind, `"`, `""`), win(A.Date)),
			desc:    countIf(A.Sheet, cond)})
	}

	g = "tmpl.sum.group.window"
	tj, tmo := b.rng(T.JoinedOn), b.rng(T.MovedOutOn)
	ej, er, emo := b.rng(E.JoinedOn), b.rng(E.RegisteredOn), b.rng(E.MovedOutOn)
	// in the space at some time in the window: joined ≤ end, less those
	// that moved out before the start
	served := func(cond, joined, mo string) string {
		return fmt.Sprintf(`(COUNTIFS(%[1]s%[2]s,"<="&%[4]s)-COUNTIFS(%[1]s%[2]s,"<="&%[4]s,%[3]s,"<"&%[5]s))`, cond, joined, mo, de, ds)
	}
	add(total{key: "served_in_window", group: g, sheets: []*schema.Sheet{T.Sheet, E.Sheet},
		formula: served(conv+`,`+n+`,`, tj, tmo) + "+" + served("", ej, emo) + "+" + served(from+`,`+y+`,`, er, emo),
		desc:    l.T("tmpl.sum.served", "start", start, "end", end)})
	add(total{key: "conversions_in_window", group: g, sheets: []*schema.Sheet{T.Sheet},
		formula: fmt.Sprintf("COUNTIFS(%s,%s,%s)", conv, y, win(T.RegisteredOn)), desc: countIf(T.Sheet, inWin(T.RegisteredOn))})
	add(total{key: "financed_in_window", group: g, sheets: []*schema.Sheet{T.Sheet, E.Sheet},
		formula: fmt.Sprintf("COUNTIFS(%s,%s,%s)+COUNTIFS(%s,%s,%s)", b.rng(T.Financed), y, win(T.FinancedOn),
			b.rng(E.Financed), y, win(E.FinancedOn)),
		desc: l.T("tmpl.sum.financed-window", "start", start, "end", end)})
	basic := schema.Basic
	since := fmt.Sprintf("'%s'!$B$%d", basic.Sheet.Name, FieldRow(basic.OperatingSince))
	// whole months as the totals count them: a month is complete when
	// the day is reached, or when the window ends on a month's last day
	e := b.window.End
	months := fmt.Sprintf("%d-(YEAR(%[2]s)*12+MONTH(%[2]s))", e.Year()*12+int(e.Month()), since)
	if e.AddDate(0, 0, 1).Day() != 1 {
		months += fmt.Sprintf("-IF(%d<DAY(%s),1,0)", e.Day(), since)
	}
	add(total{key: "operating_months", group: g, sheets: []*schema.Sheet{basic.Sheet},
		formula: fmt.Sprintf(`IF(ISNUMBER(%[1]s),IF(%[1]s<=%[2]s,%[3]s,0),"")`, since, de, months),
		desc:    l.T("tmpl.sum.months", "end", end)})
	b.eligibility(add, l)
	return out
}

// eligibility adds the self-check (备案条件自查, ELIGIBILITY.md): each
// condition of the regulation compared with the thresholds of the config,
// shown as 满足 / 不满足 as the filler types.
func (b *builder) eligibility(add func(total), l msg.Lang) {
	e := b.elig
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	type cmp struct {
		key, op, min string
	}
	B, V, T, E := schema.Basic.Sheet, schema.Venues.Sheet, schema.Teams.Sheet, schema.Enterprises.Sheet
	checks := []struct {
		key    string
		sheets []*schema.Sheet
		parts  []cmp // any one met is enough
	}{
		{"operating_months", []*schema.Sheet{B}, []cmp{{"operating_months", ">=", fmt.Sprint(e.OperatingMonths)}}},
		{"area_or_workstations", []*schema.Sheet{V}, []cmp{{"total_area", ">=", num(e.TotalArea)}, {"workstations", ">=", fmt.Sprint(e.Workstations)}}},
		{"service_area_ratio", []*schema.Sheet{V}, []cmp{{"service_area_ratio", ">=", num(e.ServiceAreaRatio)}}},
		{"public_service_area", []*schema.Sheet{V}, []cmp{{"public_service_area", ">", num(e.PublicServiceArea)}}},
		{"served", []*schema.Sheet{T, E}, []cmp{{"served_in_window", ">=", fmt.Sprint(e.Served)}}},
		{"conversions_or_financing", []*schema.Sheet{T, E}, []cmp{{"conversions_in_window", ">=", fmt.Sprint(e.Conversions)}, {"financed_in_window", ">=", fmt.Sprint(e.Financed)}}},
		{"professional_staff", []*schema.Sheet{schema.Staff.Sheet}, []cmp{{"professional_staff", ">=", fmt.Sprint(e.ProfessionalStaff)}}},
		{"mentors", []*schema.Sheet{schema.Mentors.Sheet}, []cmp{{"mentors", ">=", fmt.Sprint(e.Mentors)}}},
		{"activities", []*schema.Sheet{schema.Activities.Sheet}, []cmp{{"activities", ">=", fmt.Sprint(e.Activities)}}},
	}
	met, unmet := l.T("tmpl.elig.met"), l.T("tmpl.elig.unmet")
	for _, c := range checks {
		var conds, need []string
		for _, p := range c.parts {
			// a blank figure (no start date, no area) is not met
			conds = append(conds, fmt.Sprintf("AND(ISNUMBER({%[1]s}),{%[1]s}%[2]s%[3]s)", p.key, p.op, p.min))
			label := strings.TrimPrefix(strings.TrimPrefix(l.T("total."+p.key), "其中："), "of which: ")
			min := p.min
			if p.key == "service_area_ratio" {
				min += " %"
			}
			need = append(need, label+" "+strings.NewReplacer(">=", "≥").Replace(p.op)+" "+min)
		}
		cond := conds[0]
		if len(conds) > 1 {
			cond = "OR(" + strings.Join(conds, ",") + ")"
		}
		add(total{key: "elig." + c.key, label: l.T("elig." + c.key), group: "tmpl.sum.group.elig", sheets: c.sheets,
			style: eligStyle, formula: fmt.Sprintf(`IF(%s,"%s","%s")`, cond, met, unmet),
			desc: l.T("tmpl.elig.need", "need", strings.Join(need, l.T("tmpl.elig.or")))})
	}
}

func eligStyle(s styles) int { return s.elig }

// financing adds the financed count and amount of teams or enterprises.
func (b *builder) financing(add func(total), g, prefix string, s *schema.Sheet, f schema.FinancingCols,
	when func(...cv) string, countIf func(*schema.Sheet, string) string) {
	fin := b.rng(f.Financed)
	add(total{key: prefix + "_financed", group: g, sheets: []*schema.Sheet{s},
		formula: fmt.Sprintf(`COUNTIF(%s,"%s")`, fin, schema.Yes), desc: countIf(s, when(cv{f.Financed, schema.Yes}))})
	add(total{key: prefix + "_financing_amount", group: g, sheets: []*schema.Sheet{s}, style: areaStyle,
		formula: fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, b.rng(f.Amount), fin, schema.Yes),
		desc:    b.l.T("tmpl.sum.sum-if", "sheet", s.Name, "cond", when(cv{f.Financed, schema.Yes}), "col", f.Amount.Header())})
}

// rng is the absolute range of column c's data rows, e.g.
// '创业团队'!$D$2:$D$2001.
func (b *builder) rng(c schema.Col) string {
	l := ColumnLetter(c)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", c.Sheet().Name, l, FirstDataRow, l, b.lastRow())
}

// rowCount counts the data rows of a table sheet that hold anything, as the
// reader does (fully blank rows are skipped).
func (b *builder) rowCount(s *schema.Sheet) string {
	var parts []string
	for i := range s.Columns {
		parts = append(parts, b.rng(s.Col(i)))
	}
	return "SUMPRODUCT(--(LEN(" + strings.Join(parts, "&") + ")>0))"
}

func excelDate(d time.Time) string {
	return fmt.Sprintf("DATE(%d,%d,%d)", d.Year(), int(d.Month()), d.Day())
}

func (b *builder) writeSummary(totals []total) error {
	f, sh, l := b.f, schema.SummarySheet, b.l
	widths := map[string]float64{"A": 46, "B": 14, "C": 10, "D": 86}
	for c, w := range widths {
		if err := f.SetColWidth(sh, c, c, w); err != nil {
			return err
		}
	}
	heads := []string{"tmpl.sum.header.label", "tmpl.sum.header.value", "tmpl.sum.header.key", "tmpl.sum.header.desc"}
	for i, h := range heads {
		cell := colName(i+1) + "1"
		if err := f.SetCellStr(sh, cell, l.T(h)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell, cell, b.st.header); err != nil {
			return err
		}
	}
	remark := l.T("tmpl.sum.remark", "first", fmt.Sprint(FirstDataRow), "last", fmt.Sprint(b.lastRow()))
	if err := f.SetCellStr(sh, "A2", remark); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A2", "D2"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A2", "D2", b.st.remark); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 2, 32); err != nil {
		return err
	}
	// first pass: where each total goes
	cells := map[string]string{}
	row, group := 3, ""
	for _, t := range totals {
		if t.group != group {
			group = t.group
			row++
		}
		cells[t.key] = fmt.Sprintf("%s%d", SummaryValueCol, row)
		row++
	}
	refs := make([]string, 0, 2*len(cells))
	for k, c := range cells {
		refs = append(refs, "{"+k+"}", c)
	}
	expand := strings.NewReplacer(refs...)
	row, group = 3, ""
	for _, t := range totals {
		if t.group != group {
			group = t.group
			a := fmt.Sprintf("A%d", row)
			if err := f.SetCellStr(sh, a, l.T(t.group)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, a, fmt.Sprintf("D%d", row), b.st.sumGroup); err != nil {
				return err
			}
			row++
		}
		r := fmt.Sprint(row)
		if err := f.SetCellStr(sh, SummaryLabelCol+r, t.label); err != nil {
			return err
		}
		if err := f.SetCellFormula(sh, SummaryValueCol+r, expand.Replace(t.formula)); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, SummaryKeyCol+r, t.key); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, SummaryDescCol+r, t.desc); err != nil {
			return err
		}
		for _, c := range []struct {
			col   string
			style int
		}{{SummaryLabelCol, b.st.sumLabel}, {SummaryValueCol, t.style(b.st)}, {SummaryKeyCol, b.st.key}, {SummaryDescCol, b.st.sumLabel}} {
			if err := f.SetCellStyle(sh, c.col+r, c.col+r, c.style); err != nil {
				return err
			}
		}
		if strings.HasPrefix(t.key, "elig.") {
			cell := SummaryValueCol + r
			if err := b.cf(sh, cell, fmt.Sprintf(`%s="%s"`, cell, l.T("tmpl.elig.met")), b.st.cfMet, false); err != nil {
				return err
			}
			if err := b.cf(sh, cell, fmt.Sprintf(`%s="%s"`, cell, l.T("tmpl.elig.unmet")), b.st.cfWrong, false); err != nil {
				return err
			}
		}
		if lines := max(lineCount(t.desc, widths["D"]), lineCount(t.label, widths["A"])); lines > 1 {
			if err := f.SetRowHeight(sh, row, float64(lines)*15+3); err != nil {
				return err
			}
		}
		row++
	}
	if err := f.SetColVisible(sh, SummaryKeyCol, false); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return b.pageSetup(sh, false)
}
