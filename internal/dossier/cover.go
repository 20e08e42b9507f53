package dossier

import (
	"strconv"
	"time"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/layout"
)

// Places on the cover, in points from the top of the page.
const (
	coverTitleTop = 190 // the title
	coverDraftGap = 28  // between the title and the draft mark
	coverFieldGap = 60  // at least, between the title (or the mark) and the fields
	coverFieldTop = 420 // the first field, at the least
)

// coverData is what the cover of the 申报书 shows.
type coverData struct {
	SpaceName, Operator, Agency string
	Contact, Phone              string
	Generated                   time.Time
	Version                     string
	Draft                       bool
}

// cover is the first page of the 申报书: the title, the draft mark, and
// the fields on underlines — 众创空间名称, 运营主体 with the box for its
// stamp beside it (labelled 运营主体（盖章）), 受理机构, 联系人, 联系电话,
// 申报日期 (the date of the build), 版本号.
func cover(c coverData) []layout.Block {
	l := msg.ZH
	out := []layout.Block{
		layout.Space{Top: coverTitleTop},
		layout.Paragraphs{Text: Title, Style: layout.Style{Size: 26, Leading: 1.5, Align: layout.Center, Bold: true}}, // 一号
	}
	if c.Draft {
		out = append(out, layout.Space{Height: coverDraftGap}, layout.Notice{Text: bind.DraftMark})
	}
	fields := layout.Fields{MinSize: 11, Gap: 20, Align: layout.Center, Stamp: &layout.Stamp{Field: 1, Label: l.T("doc.cover.stamp")}}
	for _, f := range [][2]string{
		{l.T("doc.cover.space"), c.SpaceName},
		{l.T("doc.cover.operator"), c.Operator},
		{l.T("doc.cover.agency"), c.Agency},
		{l.T("doc.cover.contact"), c.Contact},
		{l.T("doc.cover.phone"), c.Phone},
		{l.T("doc.cover.date"), coverDate(c.Generated)},
		{l.T("doc.cover.version"), c.Version},
	} {
		fields.Items = append(fields.Items, layout.Field{Label: f[0], Value: f[1], Blank: true})
	}
	return append(out, layout.Space{Height: coverFieldGap, Top: coverFieldTop}, fields)
}

// coverDate is the date of the build as a Chinese form writes it.
func coverDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return msg.ZH.T("doc.date", "y", strconv.Itoa(t.Year()), "m", strconv.Itoa(int(t.Month())), "d", strconv.Itoa(t.Day()))
}
