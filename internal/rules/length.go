package rules

import (
	"strconv"
	"unicode/utf8"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// CELL-TOO-LONG: text longer than the column's MaxLen characters (the
// characters the reader counted past limits.cell_chars included).
var cellTooLong = Rule{
	ID: finding.CellTooLong, Severity: finding.Error, Message: finding.CellTooLong,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool { return c.Type == schema.Text && c.MaxLen > 0 },
	Cell: func(r *Rule, t *tableRun, i int) {
		if !t.readable(i) {
			return
		}
		c, text, max := t.cellAt(i), t.val(i).Text, t.sheet.Columns[i].MaxLen
		if n := utf8.RuneCountInString(text) + int(c.Cut); n > max {
			t.emit(r, "", i, c, text, "len", strconv.Itoa(n), "max", strconv.Itoa(max))
		}
	},
}
