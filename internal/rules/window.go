package rules

import (
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// DATE-AFTER-WINDOW: a date of a cumulative table after the window end
// (the tables run up to that day).
var dateAfterWindow = Rule{
	ID: finding.DateAfterWindow, Severity: finding.Error, Message: finding.DateAfterWindow,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool {
		return c.Type == schema.Date && c.Dates == schema.NotAfterWindowEnd
	},
	Cell: func(r *Rule, t *tableRun, i int) {
		end := t.ck.cfg.Window.End
		if d := t.val(i).Date; t.readable(i) && d.After(end) {
			t.emit(r, "", i, t.cellAt(i), d.Format(config.DateLayout), "end", end.Format(config.DateLayout))
		}
	},
}

// DATE-OUTSIDE-WINDOW: an activity date outside the window.
var dateOutsideWindow = Rule{
	ID: finding.DateOutside, Severity: finding.Error, Message: finding.DateOutside,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool {
		return c.Type == schema.Date && c.Dates == schema.InsideWindow
	},
	Cell: func(r *Rule, t *tableRun, i int) {
		w := t.ck.cfg.Window
		if d := t.val(i).Date; t.readable(i) && !w.Contains(d) {
			t.emit(r, "", i, t.cellAt(i), d.Format(config.DateLayout),
				"start", w.Start.Format(config.DateLayout), "end", w.End.Format(config.DateLayout))
		}
	},
}
