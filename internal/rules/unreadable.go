package rules

import (
	"strings"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rows"
)

// The cells that do not read. The typing stage (package rows) found why;
// each rule reports its own kind of problem on a cell no earlier rule
// settled (a 不可填 cell gets CELL-NOT-FILLABLE alone, whatever it holds).

// CELL-CONTROL-CHAR: a control character in the cell (rows.ControlChar),
// shown escaped in the message.
var cellControlChar = Rule{
	ID: finding.CellControlChar, Severity: finding.Error, Message: finding.CellControlChar,
	Cell: func(r *Rule, t *tableRun, i int) {
		if val, ok := problem(t, i, finding.CellControlChar); ok {
			t.emit(r, "", i, t.cellAt(i), val, "chars", controlChars(t.ck.lang, val))
			t.done[i] = true
		}
	},
}

// CELL-TYPE: a value that does not parse as the column's type, or a formula
// where a value belongs (variant "formula").
var cellType = Rule{
	ID: finding.CellType, Severity: finding.Error, Message: finding.CellType,
	Cell: func(r *Rule, t *tableRun, i int) {
		if t.done[i] {
			return
		}
		if t.r.Formula(i) {
			c := t.cellAt(i)
			t.emit(r, "formula", i, c, cell.TrimText(c.Value), "expected", t.ck.lang.T(cell.ExpectKey(&t.sheet.Columns[i])))
			t.done[i] = true
			return
		}
		expected(t, r, i)
	},
}

// CELL-FORMAT: a malformed phone number, e-mail address or URL.
var cellFormat = Rule{
	ID: finding.CellFormat, Severity: finding.Error, Message: finding.CellFormat,
	Cell: func(r *Rule, t *tableRun, i int) { expected(t, r, i) },
}

// USCC-INVALID: a code of the wrong length, characters or pattern.
var usccInvalid = Rule{
	ID: finding.USCCInvalid, Severity: finding.Error, Message: finding.USCCInvalid,
	Cell: func(r *Rule, t *tableRun, i int) { expected(t, r, i) },
}

// CELL-ENUM: not one of the column's options (the message lists them).
var cellEnum = Rule{
	ID: finding.CellEnum, Severity: finding.Error, Message: finding.CellEnum,
	Cell: func(r *Rule, t *tableRun, i int) {
		if val, ok := problem(t, i, finding.CellEnum); ok {
			sep := "、"
			if t.ck.lang == msg.EN {
				sep = ", "
			}
			opts := strings.Join(t.ck.cfg.Lists.Options(&t.sheet.Columns[i]), sep)
			t.emit(r, "", i, t.cellAt(i), val, "options", opts)
			t.done[i] = true
		}
	},
}

// USCC-CHECK-DIGIT: a code of the right shape whose 18th character is not
// the check character of the first 17. The code stays known (checked for
// uniqueness); `uscc: {check_digit: warning}` makes it a warning.
var usccCheckDigit = Rule{
	ID: finding.USCCCheckDigit, Severity: finding.Error, Message: finding.USCCCheckDigit,
	Cell: func(r *Rule, t *tableRun, i int) {
		val, ok := problem(t, i, finding.USCCCheckDigit)
		if !ok {
			return
		}
		check := ""
		if len(val) == 18 {
			if b := cell.USCCCheckChar(val[:17]); b != 0 {
				check = string(b)
			}
		}
		if t.ck.cfg.CheckDigit == "warning" {
			t.emitAs(r, finding.Warning, "warning", i, t.cellAt(i), val, "check", check)
			return
		}
		t.emit(r, "", i, t.cellAt(i), val, "check", check)
	},
}

// problem returns the value of cell i as its finding shows it when the
// typing stage found a problem of kind rule there and no earlier rule
// settled the cell.
func problem(t *tableRun, i int, rule string) (string, bool) {
	p := t.r.Problems[i]
	if p == nil || p.Rule != rule || t.done[i] {
		return "", false
	}
	val := t.val(i).Text
	if val == "" {
		val = cell.TrimText(t.cellAt(i).Value)
	}
	return val, true
}

// expected reports a problem of rule r's kind that says what was expected.
func expected(t *tableRun, r *Rule, i int) {
	if val, ok := problem(t, i, r.ID); ok {
		t.emit(r, "", i, t.cellAt(i), val, "expected", t.ck.lang.T(t.r.Problems[i].Expected))
		t.done[i] = t.state(i) == rows.Invalid
	}
}

// controlChars lists the distinct control characters of s (escaped when
// the message is rendered).
func controlChars(l msg.Lang, s string) string {
	var out []string
	for _, r := range s {
		if rows.ControlChar(r) && !contains(out, string(r)) {
			out = append(out, string(r))
		}
	}
	return strings.Join(out, l.Pick("、", ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
