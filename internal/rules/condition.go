package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
)

// The row-state rules of schema.Conditions (the team and enterprise state
// tables, the financing columns): in a row whose yes/no cells match a
// condition, the columns it requires must be filled (CELL-REQUIRED, variant
// "condition") and those it forbids must stay empty (CELL-NOT-FILLABLE).
// Both name the condition's label: "已转化为企业的创业团队".

var cellRequiredCondition = Rule{
	ID: finding.CellRequired, Severity: finding.Error, Message: finding.CellRequired + ".condition",
	Row: func(r *Rule, t *tableRun) { conditionRule(t, r, finding.CellRequired) },
}

var cellNotFillable = Rule{
	ID: finding.CellNotFillable, Severity: finding.Error, Message: finding.CellNotFillable,
	Row: func(r *Rule, t *tableRun) { conditionRule(t, r, finding.CellNotFillable) },
}

// conditionRule reports the row's violations of kind (CELL-REQUIRED or
// CELL-NOT-FILLABLE) as rule r. An absent column is reported once by the
// reader; a cell an earlier rule settled is left alone.
func conditionRule(t *tableRun, r *Rule, kind string) {
	for _, v := range t.violations() {
		if v.Rule != kind || t.state(v.Col) == rows.Absent || t.done[v.Col] {
			continue
		}
		cond := &t.sheet.Conditions[v.Cond]
		label := t.ck.lang.Pick(cond.Label, cond.LabelEN)
		c := t.cellAt(v.Col)
		if kind == finding.CellRequired {
			t.emit(r, "", v.Col, c, "", "label", label)
		} else {
			t.emit(r, "", v.Col, c, t.display(v.Col, c), "label", label)
			t.forbidden[v.Col] = true
		}
		t.done[v.Col] = true
	}
}
