package rules

import (
	"strconv"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// DUPLICATE-VALUE: a value of a Unique column that an earlier row holds
// (compared trimmed and width-folded; the message names the first row).
// The values are kept once each, in the table's value index (keyset.go).
var duplicateValue = Rule{
	ID: finding.DuplicateValue, Severity: finding.Error, Message: finding.DuplicateValue,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool { return c.Unique },
	Cell: func(r *Rule, t *tableRun, i int) {
		if !t.readable(i) {
			return
		}
		c := t.cellAt(i)
		if id, added := t.intern(i, c); !added {
			first := t.index[i].first[id]
			fc := workbook.Cell{Row: int(first), Ref: letters(c.Ref) + strconv.Itoa(int(first))}
			t.emit(r, "", i, c, t.display(i, c), "first", t.loc(fc))
		}
	},
}
