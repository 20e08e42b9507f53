package xlsxtmpl

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/totals"
)

// Columns of the 汇总 sheet.
const (
	SummaryLabelCol = "A"
	SummaryValueCol = "B"
	SummaryKeyCol   = "C" // the total's key (SPEC §3), hidden
	SummaryDescCol  = "D"
)

// total is one row of the 汇总 sheet: a figure of SPEC §3 (package
// totals describes each, its formula included) or a condition of the
// self-check, as a live formula.
type total struct {
	key     string
	label   string
	group   string // message key of the group heading
	style   func(styles) int
	formula string // may name other totals as {key}; replaced by their cells
	desc    string
}

func countStyle(s styles) int { return s.count }
func areaStyle(s styles) int  { return s.area }
func ratioStyle(s styles) int { return s.ratio }
func eligStyle(s styles) int  { return s.elig }

// styleOf is the number format of a figure of kind k.
func styleOf(k totals.Kind) func(styles) int {
	switch k {
	case totals.Area, totals.Money:
		return areaStyle
	case totals.Ratio:
		return ratioStyle
	}
	return countStyle
}

// layout is where the template holds the data a formula reads
// (totals.Book): the data rows FirstDataRow to last. (A type of its own:
// an interface value holding the builder would keep all of excelize's
// exported methods, its formula engine included, in the binary.)
type layout struct{ last int }

// Range is the absolute range of column c's data rows, e.g.
// '创业团队'!$D$2:$D$2001.
func (lo layout) Range(c schema.Col) string {
	l := ColumnLetter(c)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", c.Sheet().Name, l, FirstDataRow, l, lo.last)
}

// Field is the absolute cell of field c of a form sheet.
func (lo layout) Field(c schema.Col) string {
	return fmt.Sprintf("'%s'!$B$%d", c.Sheet().Name, FieldRow(c))
}

// totals returns the rows of the 汇总 sheet whose sheets are all included:
// the figures in the groups of totals.SummaryGroups, then the self-check.
func (b *builder) totals() []total {
	l := b.l
	fs := &totals.Formulas{Book: layout{last: b.lastRow()}, Window: b.window, Lists: b.lists, Lang: l}
	included := func(sheets []*schema.Sheet) bool {
		for _, s := range sheets {
			if !b.has(s) {
				return false
			}
		}
		return true
	}
	var out []total
	for _, g := range totals.SummaryGroups {
		group := "tmpl.sum.group." + g.Key
		for _, k := range g.Figures {
			d := totals.Lookup(k)
			formula := fs.Formula(d)
			if formula == "" || !included(d.Sheets()) {
				continue
			}
			out = append(out, total{key: k, label: fs.Label(d), group: group, style: styleOf(d.Kind),
				formula: formula, desc: fs.Note(d)})
			options, formulas := fs.Breakdown(d)
			for i, o := range options {
				out = append(out, total{key: "activities_by_type." + o, label: l.T("tmpl.sum.by-type", "kind", o), group: group,
					style: countStyle, formula: formulas[i], desc: fs.BreakdownNote(d, i)})
			}
		}
	}
	// The self-check (备案条件自查, ELIGIBILITY.md): each condition of the
	// regulation compared with the thresholds of the config, shown as
	// 满足 / 不满足 as the filler types.
	for _, c := range totals.EligDefs {
		if !included(c.Sheets()) {
			continue
		}
		formula, need := fs.EligibilityFormula(c, b.elig)
		out = append(out, total{key: "elig." + c.Key, label: l.T("elig." + c.Key), group: "tmpl.sum.group.elig",
			style: eligStyle, formula: formula, desc: need})
	}
	return out
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
