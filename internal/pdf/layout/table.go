package layout

import (
	"regexp"
	"strings"
)

// Rules of a table, in points.
const (
	ruleOuter = 0.9 // the frame
	ruleInner = 0.4 // between rows and columns
	ruleHead  = 0.6 // below the header row
	padX      = 3   // text to the left and right rule of a cell
	padY      = 2.5 // text to the top and bottom rule of a cell
	gapTotals = 6   // between a table and its totals
)

// gridCol is a column of a grid, placed on the page.
type gridCol struct {
	x, w  float64
	align Align
	auto  bool // right-align the cells that hold a number, left the others
	shade bool // a label column: shaded like the header
}

// grid is a bordered table as set: a Table, a KeyValues form or a table
// of totals.
type grid struct {
	title    string // set above it and, marked （续）, on every page it continues on
	subtitle string // set below the title, on its first page
	cols     []gridCol
	header   []string // nil: no header row
	groups   []span   // header cells over several columns, above theirs
	rows     [][]string
	size     float64
	// merged, when there are no rows, is the text of one row spanning all
	// columns (无).
	merged string
}

// lh is the height of one line of text in a cell.
func (g *grid) lh() float64 { return g.size * leadingCell }

// placeCols sets the columns' positions across the text block from
// relative widths, giving each column at least its minimum width (taken
// from the columns with room to spare) when the block is wide enough for
// all the minimums; mins may be nil.
func placeCols(left, width float64, rel, mins []float64) []gridCol {
	total := 0.0
	for _, w := range rel {
		total += w
	}
	ws := make([]float64, len(rel))
	for i, w := range rel {
		ws[i] = width * w / total
	}
	if mins != nil {
		need := 0.0
		for _, m := range mins {
			need += m
		}
		if need > width {
			// not enough room for every minimum: share it out by them
			for i := range ws {
				ws[i] = width * mins[i] / need
			}
		} else {
			for range len(ws) {
				short, slack := 0.0, 0.0
				for i, w := range ws {
					if w < mins[i] {
						short += mins[i] - w
					} else {
						slack += w - mins[i]
					}
				}
				if short < 0.01 {
					break
				}
				for i, w := range ws {
					if w < mins[i] {
						ws[i] = mins[i]
					} else {
						ws[i] -= (w - mins[i]) * short / slack
					}
				}
			}
		}
	}
	cols := make([]gridCol, len(rel))
	x := left
	for i, w := range ws {
		cols[i].x, cols[i].w = x, w
		x += w
	}
	return cols
}

// maxHeaderLines is the most lines a column's header is wrapped into
// when the table is wide enough.
const maxHeaderLines = 4

// cellLines wraps the text of each cell of a row to its column.
func (l *layouter) cellLines(g *grid, row []string) [][]string {
	out := make([][]string, len(g.cols))
	for i, c := range g.cols {
		if i >= len(row) || row[i] == "" {
			continue
		}
		avail := c.w - 2*padX
		out[i] = l.balanced(strings.TrimSpace(row[i]), avail, g.size)
	}
	return out
}

// head is a grid's header as set: the lines of each column's header and
// of each group's, and their heights.
type head struct {
	cols   [][]string
	groups [][]string
	groupH float64 // height of the groups' row; 0 without groups
	h      float64 // height of the whole header
	// inGroup[i]: column i is under a group's header
	inGroup []bool
}

// headLines sets the header of a grid; nil when it has none.
func (l *layouter) headLines(g *grid) *head {
	if g.header == nil {
		return nil
	}
	hd := &head{cols: make([][]string, len(g.cols)), inGroup: make([]bool, len(g.cols))}
	for i, c := range g.cols {
		if i < len(g.header) && g.header[i] != "" {
			hd.cols[i] = l.headerLines(strings.TrimSpace(g.header[i]), c.w-2*padX, g.size)
		}
	}
	lines := func(ls []string) float64 { return float64(max(len(ls), 1))*g.lh() + 2*padY }
	below := 0.0
	for _, sp := range g.groups {
		w := g.cols[sp.to-1].x + g.cols[sp.to-1].w - g.cols[sp.from].x
		gl := l.headerLines(sp.text, w-2*padX, g.size)
		hd.groups = append(hd.groups, gl)
		hd.groupH = max(hd.groupH, lines(gl))
		for i := sp.from; i < sp.to; i++ {
			hd.inGroup[i] = true
			below = max(below, lines(hd.cols[i]))
		}
	}
	hd.h = hd.groupH + below
	for i := range g.cols {
		if !hd.inGroup[i] {
			hd.h = max(hd.h, lines(hd.cols[i]))
		}
	}
	return hd
}

func (g *grid) height(lines [][]string) float64 {
	n := 1
	for _, c := range lines {
		n = max(n, len(c))
	}
	return float64(n)*g.lh() + 2*padY
}

// setGrid lays out a grid at the cursor: its title, its header row (again
// on every page it continues on), its rows, each kept whole on a page
// unless taller than a page. It returns the page where it starts. The title, the header and the first row
// (or its first lines) start on the same page; the last row stays on the
// page of what follows it when that is tail high (a block of totals).
func (l *layouter) setGrid(g *grid, tail float64) (page int) {
	head := l.headLines(g)
	headH := 0.0
	if head != nil {
		headH = head.h
	}
	titleH := 0.0
	if g.title != "" {
		titleH = l.titleHeight(g.title, sizeBlockTitle, l.g.width()) + 4
	}
	if g.subtitle != "" {
		titleH += l.titleHeight(g.subtitle, sizeSubtitle, l.g.width())
	}
	all := make([][][]string, len(g.rows))
	for i, row := range g.rows {
		all[i] = l.cellLines(g, row)
	}
	firstH := g.lh() + 2*padY
	if len(g.rows) > 0 {
		firstH = min(g.height(all[0]), 3*g.lh()+2*padY)
	}
	l.ensure(titleH + headH + firstH)
	if !l.atTop() && l.y > l.afterHeading+0.01 && l.pagesFrom(g, all, l.room(), titleH, headH) > l.pagesFrom(g, all, l.g.height(), titleH, headH) {
		// starting on the next page saves a page
		l.addPage(l.p.landscape)
	}
	page = len(l.pages) - 1
	if g.title != "" {
		l.titleLines(g.title, sizeBlockTitle, Center)
	}
	if g.subtitle != "" {
		l.titleLines(g.subtitle, sizeSubtitle, Center)
	}
	if g.title != "" {
		l.y += 4
	}
	s := l.startSegment(g, head, headH)
	if len(g.rows) == 0 {
		h := g.lh() + 2*padY
		l.lineAt(g.merged, g.cols[0].x, l.right(g)-g.cols[0].x, baseline(l.y, h, g.size), g.size, Center, false, black)
		l.y += h
		l.closeSegment(g, s, s.bodyTop)
		return page
	}
	for i, row := range g.rows {
		lines := all[i]
		h := g.height(lines)
		need := h
		if i == len(g.rows)-1 && s.rows > 0 {
			need += tail
		}
		if l.y+need > l.g.limit()+0.01 && need <= l.g.height()-headH-l.contTitleHeight(g) {
			s = l.breakSegment(g, s, head, headH)
		}
		if l.y+h > l.g.limit()+0.01 {
			fresh := l.g.height() - headH - l.contTitleHeight(g)
			if h <= fresh || l.room() < 2*g.lh()+2*padY {
				s = l.breakSegment(g, s, head, headH)
			}
		}
		if l.y+h <= l.g.limit()+0.01 {
			l.row(g, s, lines, len(row), 0, h, true)
			s.rows++
			continue
		}
		// Taller than a page: split it between lines.
		total := 0
		for _, c := range lines {
			total = max(total, len(c))
		}
		for from := 0; from < total; {
			n := int((l.g.limit() - l.y - 2*padY) / g.lh())
			if n < 1 && l.y > s.bodyTop+0.01 {
				s = l.breakSegment(g, s, head, headH)
				continue
			}
			n = min(max(n, 1), total-from)
			l.row(g, s, lines, len(row), from, float64(n)*g.lh()+2*padY, false)
			s.rows++
			if from += n; from < total {
				s = l.breakSegment(g, s, head, headH)
			}
		}
	}
	l.closeSegment(g, s, l.y)
	return page
}

// pagesFrom is the number of pages the rows of a grid take when it starts
// with room left on the page (rows taller than a page count as one page).
func (l *layouter) pagesFrom(g *grid, rows [][][]string, room, titleH, headH float64) int {
	pages := 1
	left := room - titleH - headH
	fresh := l.g.height() - l.contTitleHeight(g) - headH
	for i, lines := range rows {
		h := g.height(lines)
		if h > left+0.01 && (i > 0 || left < room-titleH-headH) {
			pages++
			left = fresh
		}
		left -= h
	}
	return pages
}

// gridHeight is the height of a grid without title or header, all on
// one page.
func (l *layouter) gridHeight(g *grid) float64 {
	h := 0.0
	for _, r := range g.rows {
		h += g.height(l.cellLines(g, r))
	}
	return h
}

// segment is the part of a grid on one page.
type segment struct {
	top     float64 // top of the frame
	bodyTop float64 // below the header row
	rows    int     // rows set in it so far
	head    *head
}

func (l *layouter) right(g *grid) float64 {
	c := g.cols[len(g.cols)-1]
	return c.x + c.w
}

// contTitleHeight is the height of the title set on the pages a grid
// continues on.
func (l *layouter) contTitleHeight(g *grid) float64 {
	if g.title == "" {
		return 0
	}
	return l.titleHeight(g.title+textContinued, sizeBlockTitle, l.g.width()) + 4
}

// startSegment draws the top rule and the header row.
func (l *layouter) startSegment(g *grid, head *head, headH float64) segment {
	s := segment{top: l.y, head: head}
	x0, x1 := g.cols[0].x, l.right(g)
	if head != nil {
		l.fillRect(x0, l.y, x1-x0, headH, shade)
		for gi, sp := range g.groups {
			gx0, gx1 := g.cols[sp.from].x, g.cols[sp.to-1].x+g.cols[sp.to-1].w
			l.headCell(head.groups[gi], gx0, gx1-gx0, l.y, head.groupH, g)
			l.line(gx0, l.y+head.groupH, gx1, l.y+head.groupH, ruleInner, black, false)
		}
		for i, c := range g.cols {
			if head.inGroup[i] {
				l.headCell(head.cols[i], c.x, c.w, l.y+head.groupH, headH-head.groupH, g)
				continue
			}
			l.headCell(head.cols[i], c.x, c.w, l.y, headH, g)
		}
		l.y += headH
		l.line(x0, l.y, x1, l.y, ruleHead, black, false)
	}
	s.bodyTop = l.y
	return s
}

// breakSegment closes the grid on this page and continues it on a new one
// with its title marked （续） and its header row.
func (l *layouter) breakSegment(g *grid, s segment, head *head, headH float64) segment {
	l.closeSegment(g, s, l.y)
	l.addPage(l.p.landscape)
	if g.title != "" {
		l.titleLines(g.title+textContinued, sizeBlockTitle, Center)
		l.y += 4
	}
	return l.startSegment(g, head, headH)
}

// closeSegment draws the frame and the column rules of a segment; the
// inner column rules stop at innerTo.
func (l *layouter) closeSegment(g *grid, s segment, innerTo float64) {
	x0, x1 := g.cols[0].x, l.right(g)
	for i, c := range g.cols[1:] {
		top := s.top
		if s.head != nil && s.head.inGroup[i+1] && s.head.inGroup[i] && sameGroup(g.groups, i, i+1) {
			top += s.head.groupH // under the group's header cell
		}
		l.line(c.x, top, c.x, max(innerTo, s.bodyTop), ruleInner, black, false)
	}
	l.line(x0, s.top, x0, l.y, ruleOuter, black, false)
	l.line(x1, s.top, x1, l.y, ruleOuter, black, false)
	l.line(x0, s.top, x1, s.top, ruleOuter, black, false)
	l.line(x0, l.y, x1, l.y, ruleOuter, black, false)
}

// row sets lines[from:from+n] of each cell as a row of height h at the
// cursor (cells is the number of cells the row has: the label columns of
// the missing ones are not shaded); whole rows are centred vertically, parts of a split row start
// at the top.
func (l *layouter) row(g *grid, s segment, lines [][]string, cells, from int, h float64, whole bool) {
	x0, x1 := g.cols[0].x, l.right(g)
	for i, c := range g.cols {
		if c.shade && i < cells {
			l.fillRect(c.x, l.y, c.w, h, shade)
		}
	}
	if l.y > s.bodyTop+0.01 {
		l.line(x0, l.y, x1, l.y, ruleInner, black, false)
	}
	n := int((h-2*padY)/g.lh() + 0.5)
	for i, c := range g.cols {
		cl := lines[i]
		cl = cl[min(from, len(cl)):min(from+n, len(cl))]
		if len(cl) == 0 {
			continue
		}
		a := c.align
		if c.auto {
			a = Left
			if len(cl) == 1 && isNumber(cl[0]) {
				a = Right
			}
		}
		l.cell(cl, c.x, c.w, l.y, h, a, g, whole)
	}
	l.y += h
}

// sameGroup reports whether columns a and b are under one group's header.
func sameGroup(groups []span, a, b int) bool {
	for _, sp := range groups {
		if a >= sp.from && a < sp.to && b >= sp.from && b < sp.to {
			return true
		}
	}
	return false
}

// headCell sets the lines of a header cell, centred both ways.
func (l *layouter) headCell(lines []string, x, w, top, h float64, g *grid) {
	l.bold = true
	l.cell(lines, x, w, top, h, Center, g, true)
	l.bold = false
}

// cell sets lines in a cell box, centred vertically or from the top.
func (l *layouter) cell(lines []string, x, w, top, h float64, a Align, g *grid, centre bool) {
	lh := g.lh()
	y := top + padY
	if centre {
		y = top + (h-float64(len(lines))*lh)/2
	}
	for _, s := range lines {
		l.lineAt(s, x+padX, w-2*padX, baseline(y, lh, g.size), g.size, a, false, black)
		y += lh
	}
}

// number is a value printed right-aligned: digits with separators, a sign,
// a decimal part, and an optional unit.
var number = regexp.MustCompile(`^[-+]?[0-9][0-9,]*(\.[0-9]+)?\s*(%|‰|万元|元|平方米|㎡|m²|个|人|次|项|月)?$`)

func isNumber(s string) bool { return number.MatchString(strings.TrimSpace(s)) }
