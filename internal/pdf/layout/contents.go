package layout

import (
	"strconv"

	"github.com/mkspace/mkspace/internal/msg"
)

// Contents geometry.
const (
	tocSize1    = 12   // level-1 entries
	tocSize2    = 10.5 // level-2 entries (五号)
	tocLead1    = 2.0  // line height × size
	tocLead2    = 1.75 //
	tocIndent   = 24   // level-2 indent
	tocNumWidth = 36   // the page number column
	tocGap      = 6    // between the text, the leader and the number
)

// tocLine is an entry of the contents as placed.
type tocLine struct {
	entry int // index into the entries listed
	lines []string
	page  int // index among the contents pages
	y     float64
}

func tocStyle(level int) (size, lh, indent float64) {
	if level == 1 {
		return tocSize1, tocSize1 * tocLead1, 0
	}
	return tocSize2, tocSize2 * tocLead2, tocIndent
}

// planContents wraps and places the entries of the contents (every entry
// but the first, 目录 itself, and the attachments, which the list under
// 附件 gives with their pages) on portrait pages, and returns how many pages
// they take. It depends on the titles only, so it runs before the page
// numbers are known.
func (l *layouter) planContents(entries []entry) ([]tocLine, int) {
	g := l.portrait
	titleH := sizeHeading*leadingTitle + 12
	y, pg := g.top+titleH, 0
	var out []tocLine
	for i, e := range entries {
		if i == 0 || e.attachment {
			continue
		}
		size, lh, indent := tocStyle(e.level)
		avail := g.width() - indent - tocNumWidth - tocGap
		lines := l.wrap(e.title, avail, avail, size)
		h := float64(len(lines)) * lh
		if y+h > g.limit() {
			y, pg = g.top, pg+1
		}
		out = append(out, tocLine{entry: i, lines: lines, page: pg, y: y})
		y += h
	}
	return out, pg + 1
}

// fillContents sets the contents on the pages reserved for them, from
// written page first on, with the page numbers of the bound document.
func (l *layouter) fillContents(first int, lines []tocLine, bookmarks []Bookmark) {
	g := l.portrait
	l.p, l.g, l.y = l.pages[first], g, g.top
	l.titleLines(textContents, sizeHeading, Center)
	for _, t := range lines {
		l.p = l.pages[first+t.page]
		bm := bookmarks[t.entry]
		size, lh, indent := tocStyle(bm.Level)
		y := t.y
		right := g.w - g.right
		for j, s := range t.lines {
			base := baseline(y, lh, size)
			x := g.left + indent
			l.text(s, x, base, size, black, 0)
			if j == len(t.lines)-1 {
				num := strconv.Itoa(bm.Page)
				nw := l.m.textWidth(num, size)
				from, to := x+l.m.textWidth(s, size)+tocGap, right-nw-tocGap
				if to > from {
					l.line(from, base-1, to, base-1, 0.8, black, true)
				}
				l.text(num, right-nw, base, size, black, 0)
			}
			y += lh
		}
	}
}

// attachmentList sets the page(s) that introduce the attachments: the
// heading 附件 and a table of them with their pages in the bound document,
// the first of which is page start.
func (l *layouter) attachmentList(atts []AttachmentRef, start int) {
	l.addPage(false)
	l.heading(textAttach)
	rows := make([][]string, len(atts))
	p := start
	for i, a := range atts {
		pages := strconv.Itoa(p)
		if a.Pages > 1 {
			pages += "–" + strconv.Itoa(p+a.Pages-1)
		}
		label := a.Label
		if label == "" {
			label = msg.ZH.T("doc.attachment-label", "n", strconv.Itoa(i+1))
		}
		cells := a.Cells
		if cells == nil {
			cells = []string{"", a.Title, ""}
		}
		row := append([]string{label}, cells...)
		for len(row) < 4 {
			row = append(row, "")
		}
		rows[i] = append(row[:4], pages, strconv.Itoa(a.Pages))
		p += a.Pages
	}
	cols := placeCols(l.g.left, l.g.width(), []float64{1.3, 2.2, 4.0, 2.3, 1.5, 0.8}, nil)
	for i, a := range []Align{Center, Left, Left, Left, Center, Right} {
		cols[i].align = a
	}
	header := []string{msg.ZH.T("doc.col.attachment"), msg.ZH.T("doc.col.table"), msg.ZH.T("doc.col.name"),
		msg.ZH.T("doc.col.material"), msg.ZH.T("doc.col.page"), msg.ZH.T("doc.col.pages")}
	l.setGrid(&grid{cols: cols, header: header, rows: rows, size: sizeCell + 1, merged: textNone}, 0)
}
