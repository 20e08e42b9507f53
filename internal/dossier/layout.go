package dossier

import (
	"fmt"
	"path"
	"strings"
	"time"

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
	// fig lists figures with their values: only those of the online form
	// (totals.Dossier), without the tool's own breakdowns.
	fig := func(keys ...string) [][2]string {
		var out [][2]string
		for _, k := range keys {
			out = append(out, [2]string{l.T("total." + k), totals.FigureText(t.Get(k), l)})
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
	// the periods the form writes under the titles of its tables
	w := d.Config.Window
	cumulative := l.T("doc.table.cumulative", "end", coverDate(w.End))
	period := l.T("doc.table.period", "start", dotDate(w.Start), "end", dotDate(w.End))
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
			withSubtitle(table(d, schema.Teams.Sheet, ref, fig(blocks.Teams...)), cumulative),
			withSubtitle(table(d, schema.Enterprises.Sheet, ref, fig(blocks.Enterprises...)), cumulative),
			withSubtitle(table(d, schema.Activities.Sheet, ref, fig(blocks.Activities...)), period),
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
	for i, c := range s.Columns {
		h, group := columnHeader(s.Col(i))
		t.Columns = append(t.Columns, document.Column{Header: h, Group: group, Width: columnWidth(&c), Align: columnAlign(&c)})
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

func withSubtitle(t document.Table, sub string) document.Table {
	t.Subtitle = sub
	return t
}

// dotDate is a date as the form writes a period: 2020.11.1.
func dotDate(t time.Time) string {
	return fmt.Sprintf("%d.%d.%d", t.Year(), int(t.Month()), t.Day())
}

// columnHeader is a column's header as the form prints it, with the
// points where it may break (between its words) and the header of the
// group it is under ("" for none): the four parts of a venue's area under
// 其中（平方米）, the venue's area with its unit, a financing column under
// 获得投融资情况.
func columnHeader(c schema.Col) (header, group string) {
	l := msg.ZH
	header = c.Header()
	switch c {
	case schema.Venues.Area:
		header = l.T("doc.col.with-unit", "title", header, "unit", c.Column().Unit.Label())
	case schema.Venues.TeamEnterpriseArea, schema.Venues.PublicServiceArea, schema.Venues.SelfUseArea, schema.Venues.OtherArea:
		group = l.T("doc.col.area-parts")
	case schema.Enterprises.Financed, schema.Enterprises.FinancedOn, schema.Enterprises.Amount, schema.Enterprises.FinancingProof,
		schema.Teams.Financed, schema.Teams.FinancedOn, schema.Teams.Amount, schema.Teams.FinancingProof:
		group = l.T("doc.col.financing")
	}
	if words, ok := headerWords[header]; ok {
		header = strings.ReplaceAll(words, "|", "\u200b")
	}
	return header, group
}

// headerWords are the form's headers of more than one word with the
// points between their words (|), where they may break.
var headerWords = map[string]string{
	"孵化场地地址":      "孵化场地|地址",
	"众创空间面积（平方米）": "众创空间|面积|（平方米）",
	"创业团队和企业场地面积": "创业团队|和企业|场地面积",
	"公共服务场地面积":    "公共服务|场地面积",
	"自用场地面积":      "自用|场地面积",
	"创业工位数":       "创业|工位数",
	"创业、投融资、企业管理等经验或创业服务相关培训情况": "创业、投融资、|企业管理等经验|或创业服务|相关培训情况",
	"所学专业":         "所学|专业",
	"创业团队人员数量":     "创业|团队|人员|数量",
	"是否转化为企业":      "是否|转化为|企业",
	"转化为企业注册时间":    "转化为|企业|注册|时间",
	"是否迁出":         "是否|迁出",
	"是否获得投融资":      "是否|获得|投融资",
	"投融资金额(万元)":    "投融资|金额|(万元)",
	"投融资证明材料":      "投融资|证明材料",
	"统一社会信用代码":     "统一社会|信用代码",
	"是否由创业团队转化为企业": "是否由|创业|团队|转化为|企业",
	"企业人员数量":       "企业|人员|数量",
	"入驻协议":         "入驻|协议",
	"营业执照":         "营业|执照",
	"证明材料":         "证明|材料",
	"专职/兼职":        "专职/|兼职",
}
