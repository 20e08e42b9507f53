package rules

import (
	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// CELL-TEXT-VALUE: a date or number held as text that reads (2021.3.15,
// 860平方米, １２０). The checks, the totals and the 申报书 count it; the
// 汇总 sheet's formulas do not (COUNTIFS and SUM skip text), so the
// workbook's own totals would mislead. A warning: `mkspace fix` rewrites
// such cells as real dates and numbers.
var cellTextValue = Rule{
	ID: finding.CellTextValue, Severity: finding.Warning, Message: finding.CellTextValue,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool { return TextValueColumn(c) },
	Cell: func(r *Rule, t *tableRun, i int) {
		if t.done[i] || t.state(i) != rows.Valid || t.r.Problems[i] != nil {
			return
		}
		c := t.cellAt(i)
		if c.Kind != workbook.KindString {
			return
		}
		t.emit(r, "", i, c, cell.TrimText(c.Value))
	},
}

// TextValueColumn reports whether a column holds dates or numbers, which a
// spreadsheet's formulas count only when they are typed as such.
func TextValueColumn(c *schema.Column) bool {
	return c.Type == schema.Int || c.Type == schema.Decimal || c.Type == schema.Date
}
