package rules

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// CELL-RANGE: a number outside the column's Min/Max.
var cellRange = Rule{
	ID: finding.CellRange, Severity: finding.Error, Message: finding.CellRange,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool {
		return (c.Type == schema.Int || c.Type == schema.Decimal) && (c.Min != nil || c.Max != nil)
	},
	Cell: func(r *Rule, t *tableRun, i int) {
		if !t.readable(i) {
			return
		}
		col := &t.sheet.Columns[i]
		d := t.val(i).Dec
		if col.Type == schema.Int {
			d = decimal.NewFromInt(t.val(i).Int)
		}
		b := limits[col]
		if !inRange(d, b.min, b.max) {
			t.emit(r, "", i, t.cellAt(i), d.String(), "bound", boundText(t.ck.lang, b.min, b.max))
		}
	},
}

// bound is a compiled numeric limit.
type bound struct {
	d    decimal.Decimal
	excl bool
	text string
}

// limits holds the compiled Min and Max of every column that has one,
// compiled once: a limit that is no number is a fault of the description
// and stops the program at start-up.
var limits = func() map[*schema.Column]struct{ min, max *bound } {
	out := map[*schema.Column]struct{ min, max *bound }{}
	for _, s := range schema.Sheets() {
		for i := range s.Columns {
			c := &s.Columns[i]
			if c.Min == nil && c.Max == nil {
				continue
			}
			min, err := compileBound(c.Min)
			if err == nil {
				var max *bound
				max, err = compileBound(c.Max)
				out[c] = struct{ min, max *bound }{min, max}
			}
			if err != nil {
				panic(fmt.Sprintf("rules: sheet %s, column %s: %v", s.Key, c.Key, err))
			}
		}
	}
	return out
}()

func compileBound(l *schema.Limit) (*bound, error) {
	if l == nil {
		return nil, nil
	}
	d, err := decimal.NewFromString(l.Value)
	if err != nil {
		return nil, fmt.Errorf("bad limit %q: %w", l.Value, err)
	}
	return &bound{d: d, excl: l.Exclusive, text: d.String()}, nil
}

func inRange(d decimal.Decimal, min, max *bound) bool {
	if min != nil {
		if c := d.Cmp(min.d); c < 0 || (c == 0 && min.excl) {
			return false
		}
	}
	if max != nil {
		if c := d.Cmp(max.d); c > 0 || (c == 0 && max.excl) {
			return false
		}
	}
	return true
}

// boundText says what a value must be: "不小于 0", "在 16 到 100 之间".
func boundText(l msg.Lang, min, max *bound) string {
	one := func(b *bound, lower bool) string {
		switch {
		case lower && b.excl:
			return l.T("rules.bound.gt", "n", b.text)
		case lower:
			return l.T("rules.bound.ge", "n", b.text)
		case b.excl:
			return l.T("rules.bound.lt", "n", b.text)
		}
		return l.T("rules.bound.le", "n", b.text)
	}
	switch {
	case min != nil && max != nil && !min.excl && !max.excl:
		return l.T("rules.bound.between", "min", min.text, "max", max.text)
	case min != nil && max != nil:
		return l.T("rules.bound.and", "a", one(min, true), "b", one(max, false))
	case min != nil:
		return one(min, true)
	case max != nil:
		return one(max, false)
	}
	return ""
}
