package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// The row-state conditions of schema.Conditions (不可填 and conditionally
// required columns), evaluated with plain code over the handles the schema
// resolved at start-up.
//
// A condition holds in a row when each of its yes/no cells is known and has
// the value it names: a cell that is empty, does not read or that a
// conflict switched off matches neither 是 nor 否, so no condition on it
// holds. When a condition holds, each column it requires must be filled
// (CELL-REQUIRED) and each column it forbids must stay empty
// (CELL-NOT-FILLABLE); "filled" means holding anything, readable or not.
// A column gets at most one verdict per row: that of the first condition,
// in the description's order, that it fails.

// yesNo is what a condition sees of a yes/no cell.
type yesNo int8

const (
	unknownYesNo yesNo = iota // empty, unreadable, or switched off by a conflict
	yes
	no
)

func yesNoOf(b bool) yesNo {
	if b {
		return yes
	}
	return no
}

// condViolation is one failed condition on one column.
type condViolation struct {
	Rule string // finding.CellRequired or finding.CellNotFillable
	Col  int
	Cond int // index into Sheet.Conditions
}

// condTarget is a column some condition requires or forbids, with those
// conditions in the description's order.
type condTarget struct {
	col   int
	conds []condTest
}

type condTest struct {
	cond   int
	forbid bool // else: require
}

// conditionTargets lists the targets of s's conditions in column order.
func conditionTargets(s *schema.Sheet) []condTarget {
	byCol := make([][]condTest, len(s.Columns))
	for ci, c := range s.Conditions {
		for _, col := range c.RequireCols {
			byCol[col.Index()] = append(byCol[col.Index()], condTest{cond: ci})
		}
		for _, col := range c.ForbidCols {
			byCol[col.Index()] = append(byCol[col.Index()], condTest{cond: ci, forbid: true})
		}
	}
	var out []condTarget
	for i, tests := range byCol {
		if len(tests) > 0 {
			out = append(out, condTarget{col: i, conds: tests})
		}
	}
	return out
}

// evalConditions appends to out the violations of the conditions of s in a
// row, in column order: match gives the condition value of a yes/no
// column, filled whether a target column holds anything; holds caches which
// conditions hold (one entry per condition, overwritten).
func evalConditions(s *schema.Sheet, targets []condTarget, match func(int) yesNo, filled func(int) bool,
	holds []bool, out []condViolation) []condViolation {
	for ci, c := range s.Conditions {
		holds[ci] = true
		for _, m := range c.When {
			if match(m.Col.Index()) != yesNoOf(m.Value) {
				holds[ci] = false
				break
			}
		}
	}
	for _, t := range targets {
		for _, ct := range t.conds {
			if !holds[ct.cond] || filled(t.col) != ct.forbid {
				continue
			}
			rule := finding.CellRequired
			if ct.forbid {
				rule = finding.CellNotFillable
			}
			out = append(out, condViolation{Rule: rule, Col: t.col, Cond: ct.cond})
			break
		}
	}
	return out
}

// violations evaluates the sheet's conditions on the current row, once per
// row (after the conflicts: a yes/no they switched off is unknown).
func (tr *tableRun) violations() []condViolation {
	if len(tr.condTargets) == 0 {
		return nil
	}
	if !tr.violKnown {
		tr.viol = evalConditions(tr.sheet, tr.condTargets, tr.matchValue, tr.filled, tr.condHolds, tr.viol[:0])
		tr.violKnown = true
	}
	return tr.viol
}

// matchValue is the condition value of yes/no column i.
func (tr *tableRun) matchValue(i int) yesNo {
	if tr.state(i) != rows.Valid || tr.unknownMatch[i] {
		return unknownYesNo
	}
	return yesNoOf(tr.val(i).Bool)
}
