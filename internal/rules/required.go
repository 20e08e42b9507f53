package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// CELL-REQUIRED: a required column left empty; a required field of a form
// sheet whose row is missing is reported at the sheet (variant
// "field-missing").
var cellRequired = Rule{
	ID: finding.CellRequired, Severity: finding.Error, Message: finding.CellRequired,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool { return c.Required },
	Cell: func(r *Rule, t *tableRun, i int) {
		switch {
		case t.state(i) == rows.Absent && t.form && !t.present[i]:
			t.emit(r, "field-missing", i, workbook.Cell{}, "")
			t.done[i] = true
		case t.state(i) == rows.Empty:
			t.emit(r, "", i, t.cellAt(i), "")
			t.done[i] = true
		}
	},
}
