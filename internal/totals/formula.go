package totals

import (
	"fmt"
	"strings"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// How the 汇总 sheet of the fill-in workbook writes the figures: live
// formulas over the template's column ranges, generated from the same
// conditions the accumulator evaluates, and a line that says what each
// figure counts. The template writer (package xlsxtmpl) places them.

// Book is where the template holds the data a formula reads.
type Book interface {
	// Range is the absolute range of the data rows of column c, e.g.
	// '创业团队'!$D$2:$D$2001.
	Range(c schema.Col) string
	// Field is the absolute cell of field c of a form sheet, e.g.
	// '基础信息'!$B$8.
	Field(c schema.Col) string
}

// Formulas writes the figures for one workbook: its layout, the window and
// option lists it is made for, the language of its descriptions.
type Formulas struct {
	Book   Book
	Window config.Window
	Lists  schema.Lists
	Lang   msg.Lang
}

// Formula returns the figure's formula. It may name other figures as
// {key}, for the writer to replace with their cells. "" when the figure
// cannot be written: a Go-only figure, or an option the configured list
// lacks.
func (f *Formulas) Formula(d *Def) string {
	switch {
	case d.goOnly != "":
		return ""
	case d.count != nil:
		return f.terms(d.count)
	case d.sum != nil:
		if len(d.sum.where) == 0 {
			return "SUM(" + f.Book.Range(d.sum.col) + ")"
		}
		crit, ok := f.criteria(d.sum.where)
		if !ok {
			return ""
		}
		return "SUMIFS(" + f.Book.Range(d.sum.col) + "," + crit + ")"
	case d.plus != nil:
		return refs(d.plus, "+")
	case d.ratio != nil:
		return fmt.Sprintf(`IF(N({%[1]s})=0,"—",ROUND((%[2]s)/{%[1]s}*100,1))`, d.ratio.whole, refs(d.ratio.parts, "+"))
	case d.since != nil:
		return f.monthsFormula(*d.since)
	case d.custom != nil:
		return d.custom.formula(f)
	}
	return ""
}

// Breakdown returns, for a figure given per option of a list, each option
// with its formula.
func (f *Formulas) Breakdown(d *Def) (options, formulas []string) {
	if d.breakdown == nil {
		return nil, nil
	}
	for i, o := range f.Lists[d.breakdown.list] {
		options = append(options, o)
		formulas = append(formulas, f.terms(d.breakdownTerms(i)))
	}
	return options, formulas
}

// BreakdownNote describes the count of option i of a figure's breakdown.
func (f *Formulas) BreakdownNote(d *Def, i int) string {
	t := d.breakdownTerms(i)[0]
	return f.countNote(t.sheet, f.where(t.where))
}

// breakdownTerms are the figure's terms narrowed to option i.
func (d *Def) breakdownTerms(i int) []term {
	out := make([]term, len(d.count))
	for k, t := range d.count {
		out[k] = rowsOf(t.sheet, append([]cond{isOption(d.breakdown.col, d.breakdown.list, i)}, t.where...)...)
	}
	return out
}

// Note is the 汇总 sheet's line on what the figure is.
func (f *Formulas) Note(d *Def) string {
	l := f.Lang
	switch {
	case d.note != nil:
		return d.note(f)
	case len(d.count) == 1:
		t := d.count[0]
		if len(t.where) == 0 {
			return l.T("tmpl.sum.rows", "sheet", t.sheet.Name)
		}
		return f.countNote(t.sheet, f.where(t.where))
	case d.sum != nil:
		s := d.sum.col.Sheet()
		if len(d.sum.where) == 0 {
			return l.T("tmpl.sum.sum", "sheet", s.Name, "col", d.sum.col.Header())
		}
		return l.T("tmpl.sum.sum-if", "sheet", s.Name, "cond", f.where(d.sum.where), "col", d.sum.col.Header())
	}
	return ""
}

// Label is the figure's label where the number stands alone (a
// spreadsheet cell): its name and unit.
func (f *Formulas) Label(d *Def) string {
	return f.Lang.T("total."+d.Key) + unitLabel(d.Kind, f.Lang)
}

// terms writes the sum of the terms' counts.
func (f *Formulas) terms(ts []term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		if len(t.where) == 0 {
			parts[i] = f.rowCount(t.sheet)
			continue
		}
		crit, ok := f.criteria(t.where)
		if !ok {
			return ""
		}
		fn := "COUNTIFS"
		if len(t.where) == 1 && t.where[0].op != opWindow {
			fn = "COUNTIF"
		}
		parts[i] = fn + "(" + crit + ")"
	}
	return strings.Join(parts, "+")
}

// rowCount counts the data rows of a table sheet that hold anything, as the
// reader does (fully blank rows are skipped).
func (f *Formulas) rowCount(s *schema.Sheet) string {
	rs := make([]string, len(s.Columns))
	for i := range s.Columns {
		rs[i] = f.Book.Range(s.Col(i))
	}
	return "SUMPRODUCT(--(LEN(" + strings.Join(rs, "&") + ")>0))"
}

// criteria writes conditions as COUNTIFS / SUMIFS range–criterion pairs;
// false when an option the condition names is not in its list.
func (f *Formulas) criteria(cs []cond) (string, bool) {
	parts := make([]string, len(cs))
	for i, c := range cs {
		if c.op == opOption && c.option >= len(f.Lists[c.list]) {
			return "", false
		}
		parts[i] = f.criterion(c)
	}
	return strings.Join(parts, ","), true
}

func (f *Formulas) criterion(c cond) string {
	r := f.Book.Range(c.col)
	switch c.op {
	case opYes:
		return r + `,"` + schema.Yes + `"`
	case opNo:
		return r + `,"` + schema.No + `"`
	case opOption:
		return r + `,"` + strings.ReplaceAll(f.Lists[c.list][c.option], `"`, `""`) + `"`
	}
	return fmt.Sprintf(`%s,">="&%s,%s,"<="&%s`, r, f.date(f.Window.Start), r, f.date(f.Window.End))
}

// where says what conditions ask, for a description: "“是否迁出”＝否";
// a date in the window is named with the window's dates when it is the
// only condition.
func (f *Formulas) where(cs []cond) string {
	l := f.Lang
	parts := make([]string, len(cs))
	for i, c := range cs {
		switch c.op {
		case opWindow:
			if len(cs) == 1 {
				parts[i] = l.T("tmpl.sum.in-window", "col", c.col.Header(), "start", f.start(), "end", f.end())
			} else {
				parts[i] = l.T("tmpl.sum.in-window-short", "col", c.col.Header())
			}
		default:
			v := schema.Yes
			switch c.op {
			case opNo:
				v = schema.No
			case opOption:
				if c.option < len(f.Lists[c.list]) {
					v = f.Lists[c.list][c.option]
				}
			}
			parts[i] = l.T("tmpl.ins.when", "col", l.T("tmpl.ins.quote", "x", c.col.Header()), "value", v)
		}
	}
	return strings.Join(parts, l.T("tmpl.ins.when-sep"))
}

// countNote: the records of sheet s where cond holds.
func (f *Formulas) countNote(s *schema.Sheet, cond string) string {
	return f.Lang.T("tmpl.sum.count-if", "sheet", s.Name, "cond", cond)
}

// monthsFormula counts the whole months from the date field to the window
// end as the totals do: a month is complete when the day is reached, or
// when the window ends on a month's last day; "" without a date.
func (f *Formulas) monthsFormula(field schema.Col) string {
	since := f.Book.Field(field)
	e := f.Window.End
	months := fmt.Sprintf("%d-(YEAR(%[2]s)*12+MONTH(%[2]s))", e.Year()*12+int(e.Month()), since)
	if !lastDayOfMonth(e) {
		months += fmt.Sprintf("-IF(%d<DAY(%s),1,0)", e.Day(), since)
	}
	return fmt.Sprintf(`IF(ISNUMBER(%[1]s),IF(%[1]s<=%[2]s,%[3]s,0),"")`, since, f.date(e), months)
}

func (f *Formulas) date(d time.Time) string {
	return fmt.Sprintf("DATE(%d,%d,%d)", d.Year(), int(d.Month()), d.Day())
}

func (f *Formulas) start() string { return f.Window.Start.Format(config.DateLayout) }
func (f *Formulas) end() string   { return f.Window.End.Format(config.DateLayout) }

// refs names figures as {key}, joined by sep.
func refs(keys []string, sep string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = "{" + k + "}"
	}
	return strings.Join(out, sep)
}

// EligibilityFormula writes the self-check condition c for the 汇总
// sheet: 满足 when one of its comparisons holds (a blank figure never
// does), else 不满足; need says what it requires.
func (f *Formulas) EligibilityFormula(c *EligDef, e config.Eligibility) (formula, need string) {
	l := f.Lang
	var conds, needs []string
	for _, p := range c.Parts {
		op := ">="
		if p.Strict {
			op = ">"
		}
		min := p.Min(e).String()
		conds = append(conds, fmt.Sprintf("AND(ISNUMBER({%[1]s}),{%[1]s}%[2]s%[3]s)", p.Figure, op, min))
		label := strings.TrimPrefix(strings.TrimPrefix(l.T("total."+p.Figure), "其中："), "of which: ")
		if Lookup(p.Figure).Kind == Ratio {
			min += " %"
		}
		needs = append(needs, label+" "+strings.NewReplacer(">=", "≥").Replace(op)+" "+min)
	}
	cond := conds[0]
	if len(conds) > 1 {
		cond = "OR(" + strings.Join(conds, ",") + ")"
	}
	formula = fmt.Sprintf(`IF(%s,"%s","%s")`, cond, l.T("tmpl.elig.met"), l.T("tmpl.elig.unmet"))
	return formula, l.T("tmpl.elig.need", "need", strings.Join(needs, l.T("tmpl.elig.or")))
}
