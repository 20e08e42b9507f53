package rules

import (
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// DATE-ORDER: a date before the first date of its NotBefore list that holds
// a value (迁出时间 not before 入驻时间; an enterprise's 迁出时间 not
// before its 入驻时间, or else its 注册时间).
var dateOrder = Rule{
	ID: finding.DateOrder, Severity: finding.Error, Message: finding.DateOrder,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool {
		return c.Type == schema.Date && len(c.NotBeforeCols) > 0
	},
	Cell: func(r *Rule, t *tableRun, i int) {
		if !t.readable(i) {
			return
		}
		d := t.val(i).Date
		for _, other := range t.sheet.Columns[i].NotBeforeCols {
			j := other.Index()
			if t.forbidden[j] || t.state(j) == rows.Empty || t.state(j) == rows.Absent {
				continue // no value there (or one that must go): the next listed date applies
			}
			if !t.readable(j) {
				return // unknown: no order to check
			}
			if od := t.val(j).Date; d.Before(od) {
				t.emit(r, "", i, t.cellAt(i), d.Format(config.DateLayout),
					"other", t.columnName(j), "other_value", od.Format(config.DateLayout),
					"other_loc", t.loc(t.cellAt(j)))
			}
			return
		}
	},
}
