package xlsxtmpl

import (
	"fmt"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// describe returns the lines that tell a filler what to enter in column c of
// sheet s: type, unit, range, options, date limits, whether it is required
// or, for which row states, required or not fillable. The header notes and
// the 填报说明 sheet both use it.
//
// In a note each line is labelled ("类型：…"); in the instructions the
// column name comes first and the type stands alone.
func (b *builder) describe(s *schema.Sheet, c *schema.Column, note bool) []string {
	l := b.l
	var lines []string
	if note {
		lines = append(lines, l.T("tmpl.note.type", "type", b.typeText(c)))
	} else {
		lines = append(lines, b.typeText(c))
	}
	if u := c.Unit.Label(); u != "" {
		lines = append(lines, l.T("tmpl.note.unit", "unit", l.Pick(u, unitEN(c.Unit))))
	}
	if r := b.rangeText(c); r != "" {
		lines = append(lines, l.T("tmpl.note.range", "range", r))
	}
	if opts := b.lists.Options(c); len(opts) > 0 && c.Type == schema.Enum {
		lines = append(lines, l.T("tmpl.note.options", "options", strings.Join(opts, l.T("tmpl.list-sep"))))
	}
	if d := b.dateText(s, c); d != "" {
		lines = append(lines, d)
	}
	if c.Type == schema.Attachment {
		lines = append(lines, l.T("tmpl.note.pdf", "size", msg.Bytes(b.maxBytes)))
	}
	lines = append(lines, b.requiredText(s, c)...)
	if h := l.Pick(c.Hint, c.HintEN); h != "" {
		lines = append(lines, h)
	}
	for _, a := range c.Aliases {
		lines = append(lines, l.T("tmpl.note.alias", "alias", a))
	}
	return lines
}

func (b *builder) typeText(c *schema.Column) string {
	l := b.l
	switch c.Type {
	case schema.Text:
		switch {
		case c.Format == schema.Phone:
			return l.T("tmpl.note.phone")
		case c.Format == schema.Email:
			return l.T("tmpl.note.email")
		case c.Format == schema.URL && c.Hint != "":
			return l.T("tmpl.type.url-short") // the hint says how it starts
		case c.Format == schema.URL:
			return l.T("tmpl.note.url")
		}
		if c.MaxLen > 0 {
			return l.T("tmpl.type.text-max", "n", fmt.Sprint(c.MaxLen))
		}
		return l.T("tmpl.type.text")
	case schema.Int:
		return l.T("tmpl.type.int")
	case schema.Decimal:
		return l.T("tmpl.type.decimal")
	case schema.Date:
		return l.T("tmpl.type.date")
	case schema.YesNo:
		return l.T("tmpl.type.yesno")
	case schema.Enum:
		return l.T("tmpl.type.enum")
	case schema.Attachment:
		return l.T("tmpl.type.attachment")
	case schema.USCC:
		return l.T("tmpl.type.uscc")
	}
	return c.Type.String()
}

func unitEN(u schema.Unit) string {
	switch u {
	case schema.SquareMetre:
		return "m²"
	case schema.TenThousandYuan:
		return "10,000 yuan (万元)"
	}
	return ""
}

// rangeText renders the numeric limits of c, "" when it has none.
func (b *builder) rangeText(c *schema.Column) string {
	l := b.l
	lo := func(x *schema.Limit) string {
		if x.Exclusive {
			return l.T("tmpl.gt", "v", x.Value)
		}
		return l.T("tmpl.ge", "v", x.Value)
	}
	hi := func(x *schema.Limit) string {
		if x.Exclusive {
			return l.T("tmpl.lt", "v", x.Value)
		}
		return l.T("tmpl.le", "v", x.Value)
	}
	switch {
	case c.Min != nil && c.Max != nil && !c.Min.Exclusive && !c.Max.Exclusive:
		return l.T("tmpl.between", "min", c.Min.Value, "max", c.Max.Value)
	case c.Min != nil && c.Max != nil:
		return lo(c.Min) + l.T("tmpl.and") + hi(c.Max)
	case c.Min != nil:
		return lo(c.Min)
	case c.Max != nil:
		return hi(c.Max)
	}
	return ""
}

// dateText renders the window and order limits of a date column.
func (b *builder) dateText(s *schema.Sheet, c *schema.Column) string {
	if c.Type != schema.Date {
		return ""
	}
	l := b.l
	var parts []string
	switch c.Dates {
	case schema.NotAfterWindowEnd:
		parts = append(parts, l.T("tmpl.note.date-end", "end", b.window.End.Format(config.DateLayout)))
	case schema.InsideWindow:
		parts = append(parts, l.T("tmpl.note.date-inside", "start", b.window.Start.Format(config.DateLayout), "end", b.window.End.Format(config.DateLayout)))
	}
	if len(c.NotBefore) > 0 {
		var names []string
		for _, k := range c.NotBefore {
			if o := s.Column(k); o != nil {
				names = append(names, o.Header)
			}
		}
		parts = append(parts, l.T("tmpl.note.not-before", "cols", strings.Join(names, "”/“")))
	}
	return strings.Join(parts, l.T("tmpl.and"))
}

// requiredText says whether c must be filled: always, never, or in which
// row states it is required or not fillable (schema Conditions).
func (b *builder) requiredText(s *schema.Sheet, c *schema.Column) []string {
	l := b.l
	var out []string
	unique := ""
	if c.Unique {
		unique = l.T("tmpl.ins.what-sep") + l.T("tmpl.note.unique")
	}
	req, forbid := b.statesOf(s, c.Key)
	switch {
	case c.Required:
		out = append(out, l.T("tmpl.note.required")+unique)
	case len(req) == 0 && len(forbid) == 0:
		out = append(out, l.T("tmpl.note.optional")+unique)
	default:
		if unique != "" {
			out = append(out, l.T("tmpl.note.unique"))
		}
	}
	if len(req) > 0 {
		out = append(out, l.T("tmpl.note.require-if", "states", strings.Join(req, l.T("tmpl.state-sep"))))
	}
	if len(forbid) > 0 {
		out = append(out, l.T("tmpl.note.forbid-if", "states", strings.Join(forbid, l.T("tmpl.state-sep"))))
	}
	return out
}

// statesOf returns the labels of the conditions that require key and of
// those that forbid it.
func (b *builder) statesOf(s *schema.Sheet, key string) (req, forbid []string) {
	for _, cond := range s.Conditions {
		label := b.l.Pick(cond.Label, cond.LabelEN)
		for _, k := range cond.Require {
			if k == key {
				req = append(req, label)
			}
		}
		for _, k := range cond.Forbid {
			if k == key {
				forbid = append(forbid, label)
			}
		}
	}
	return req, forbid
}

// headerNote is the full note of a header (or form field) cell.
func (b *builder) headerNote(s *schema.Sheet, c *schema.Column) string {
	return strings.Join(b.describe(s, c, true), "\n")
}
