package dossier

import (
	"fmt"
	"path"
	"strings"

	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/msg"
	document "github.com/mkspace/mkspace/internal/pdf/layout"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/totals"
)

// Title is the document's title.
var Title = msg.ZH.T("doc.title")

// landscapeFrom is the number of columns from which a table is set on
// landscape pages.
const landscapeFrom = 11

// bound is an attachment that will be bound, with its page count.
type bound struct {
	Attachment
	Pages int
	Title string
}

// sections builds the eight sections of the 申报书 from the data. ref maps
// an attachment path to its label in the tables ("附件 3"); front is the
// path of the commitment letter (bound before the sections).
func sections(d *Data, ref map[string]string) []document.Section {
	t := d.Totals
	l := msg.ZH
	// fig lists figures with their values, each followed by its breakdown
	// (the activities by type), in the option list's order.
	fig := func(keys ...string) [][2]string {
		var out [][2]string
		for _, k := range keys {
			out = append(out, [2]string{l.T("total." + k), totals.FigureText(t.Get(k), l)})
			for _, o := range totals.Lookup(k).BreakdownOptions(d.Config.Lists) {
				out = append(out, [2]string{o, fmt.Sprint(t.ActivitiesByType[o])})
			}
		}
		return out
	}
	basic := schema.Basic.Sheet
	var items [][2]string
	for i, c := range basic.Columns {
		if c.Type == schema.Attachment {
			continue
		}
		items = append(items, [2]string{c.Header, d.Field(basic.Col(i))})
	}

	narrative := schema.Narrative.Sheet
	blocks := totals.Dossier
	out := []document.Section{
		{Title: l.T("doc.section.basic"), Blocks: []document.Block{
			document.KeyValues{Items: items},
			document.KeyValues{Title: l.T("doc.block.media"), Items: fig(blocks.Media...), PerRow: 2},
			table(d, schema.Media.Sheet, ref, nil),
			table(d, schema.Honors.Sheet, ref, nil),
		}},
		{Title: l.T("doc.section.venues"), Blocks: []document.Block{
			document.KeyValues{Title: l.T("doc.block.venues"), Items: fig(blocks.Venues...)},
			table(d, schema.Venues.Sheet, ref, nil),
		}},
		{Title: l.T("doc.section.staff"), Blocks: []document.Block{
			document.KeyValues{Title: l.T("doc.block.staff"), Items: fig(blocks.Staff...)},
			table(d, schema.Staff.Sheet, ref, nil),
			table(d, schema.Mentors.Sheet, ref, fig(blocks.Mentors...)),
		}},
		{Title: l.T("doc.section.services"), Blocks: []document.Block{
			table(d, schema.Teams.Sheet, ref, fig(blocks.Teams...)),
			table(d, schema.Enterprises.Sheet, ref, fig(blocks.Enterprises...)),
			table(d, schema.Activities.Sheet, ref, fig(blocks.Activities...)),
		}},
	}
	numbers := strings.Split(l.T("doc.section.numbers"), "|")
	for i, c := range narrative.Columns {
		out = append(out, document.Section{
			Title:  l.T("doc.section.text", "n", numbers[i], "title", c.Header),
			Blocks: []document.Block{document.Paragraphs{Text: d.Field(narrative.Col(i))}},
		})
	}
	return out
}

// table sets the rows of a table sheet; attachment cells show the label of
// the bound file ("附件 3").
func table(d *Data, s *schema.Sheet, ref map[string]string, sums [][2]string) document.Table {
	t := document.Table{Title: s.Title, Totals: sums, Landscape: len(s.Columns) >= landscapeFrom}
	t.Columns = append(t.Columns, document.Column{Header: msg.ZH.T("doc.col.serial"), Width: 0.5, Align: document.Center})
	for _, c := range s.Columns {
		t.Columns = append(t.Columns, document.Column{Header: c.Header, Width: columnWidth(&c), Align: columnAlign(&c)})
	}
	for n, r := range d.Sheets[s] {
		row := make([]string, 0, len(r.Text)+1)
		row = append(row, fmt.Sprint(n+1))
		for i, c := range s.Columns {
			v := r.Text[i]
			if c.Type == schema.Attachment && v != "" {
				if label, ok := ref[attachmentKey(v)]; ok {
					v = label
				} else {
					v = path.Base(attachmentKey(v)) // not bound (--no-attachments): the file's name
				}
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func attachmentKey(v string) string { return digest.CleanPath(strings.TrimSpace(v)) }

func columnWidth(c *schema.Column) float64 {
	switch c.Type {
	case schema.YesNo:
		return 0.8
	case schema.Int, schema.Date, schema.Attachment:
		return 1
	case schema.Decimal, schema.Enum:
		return 1.1
	case schema.USCC:
		return 1.6
	}
	switch {
	case c.MaxLen >= 500:
		return 3
	case c.MaxLen >= 200:
		return 2
	}
	return 1.4
}

func columnAlign(c *schema.Column) document.Align {
	switch c.Type {
	case schema.Int, schema.Decimal:
		return document.Right
	case schema.YesNo, schema.Date, schema.Attachment, schema.Enum:
		return document.Center
	}
	return document.Left
}
