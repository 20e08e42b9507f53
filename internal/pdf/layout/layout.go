package layout

import (
	"strings"
	"unicode/utf8"
)

// Type sizes, in points, after the Chinese 字号 they approximate.
const (
	sizeField       = 15   // between 三号 and 四号: Fields
	sizeNotice      = 18   // a Notice
	sizeHeading     = 16   // 三号: section headings, 目录, 附件
	sizeBlockTitle  = 12   // 小四: titles of tables and forms
	sizeSubtitle    = 10.5 // 五号: the line below a table's title
	sizeSubheading  = 13   // subheadings of narrative text
	sizeBody        = 12   // 小四: narrative text
	sizeCell        = 9    // 小五 and a bit: table cells
	sizeRunning     = 8    // running header
	leadingBody     = 1.6  // narrative line height, × size
	leadingCell     = 1.3  // line height inside a cell, × size
	leadingTitle    = 1.5  // titles
	gapBlock        = 14   // between blocks of a section
	gapAfterHeading = 10   // below a section heading
	maxStretch      = 0.25 // justification: most extra space between two characters, in em
)

// layouter places text and rules on pages, top to bottom.
type layouter struct {
	m     *metrics
	in    *Input
	pages []*page
	p     *page
	g     geometry
	y     float64 // cursor: the top of what comes next
	// portrait is the geometry of the document's portrait pages
	portrait geometry
	// running header on new pages
	running bool
	// marks collected while laying out: every entry of the contents,
	// with the written page it landed on
	entries []entry
	// the written page each section starts on
	sectionStarts []int
	// afterHeading is the cursor right below the last heading (a table
	// does not leave a heading alone to start on the next page)
	afterHeading float64
	// bold: the text set now is a title or a header (set bold)
	bold bool
}

// entry is a bookmark and contents line before the page numbers of the
// bound document are known.
type entry struct {
	title string
	level int
	page  int // written page index
	// attachment: an entry of the bookmarks only; the contents name the
	// heading 附件, whose list gives every attachment with its pages.
	attachment bool
}

// addPage starts a new page with the cursor at the top of its text block.
func (l *layouter) addPage(landscapePage bool) {
	p := &page{landscape: landscapePage, g: l.portrait}
	if landscapePage {
		p.g = landscape
	}
	l.pages = append(l.pages, p)
	l.p, l.g, l.y = p, p.g, p.g.top
	if l.running {
		l.runningHeader()
	}
}

// runningHeader puts the header's left text (the document's title) and
// its right text (the space's name) above the text block, over a thin
// rule. The right text is right-aligned and shortened with an ellipsis to
// the room the left one leaves (a gap of two characters between them).
func (l *layouter) runningHeader() {
	g := l.g
	base := g.top - 10
	left := l.in.Header.Left
	l.text(left, g.left, base, sizeRunning, grey, 0)
	if name := l.in.Header.Right; name != "" {
		room := g.width() - l.m.textWidth(left, sizeRunning) - 2*sizeRunning
		name = l.ellipsize(name, room, sizeRunning)
		l.text(name, g.w-g.right-l.m.textWidth(name, sizeRunning), base, sizeRunning, grey, 0)
	}
	l.line(g.left, g.top-6, g.w-g.right, g.top-6, 0.5, rule, false)
}

// ellipsis ends a text shortened to its room.
const ellipsis = "…"

// ellipsize returns s on one line, shortened with an ellipsis when it is
// wider than width at size, as measured with the font's advances ("" when
// not even the ellipsis fits).
func (l *layouter) ellipsize(s string, width, size float64) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	if l.m.textWidth(s, size) <= width {
		return s
	}
	room := width - l.m.textWidth(ellipsis, size)
	if room < 0 {
		return ""
	}
	w, end := 0.0, 0
	for i, r := range s {
		w += l.m.em(r) * size
		if w > room {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:end], " \u3000") + ellipsis
}

// room is the height left above the bottom margin.
func (l *layouter) room() float64 { return l.g.limit() - l.y }

// atTop reports whether nothing but the running header is on the page yet.
func (l *layouter) atTop() bool { return l.y <= l.g.top+0.01 }

// ensure starts a new page (of the same orientation) unless h fits.
func (l *layouter) ensure(h float64) {
	if h > l.room()+0.01 && !l.atTop() {
		l.addPage(l.p.landscape)
	}
}

// orient makes the current page one of the wanted orientation, starting a
// new page if it is not.
func (l *layouter) orient(landscapePage bool) {
	if l.p.landscape != landscapePage {
		l.addPage(landscapePage)
	}
}

func (l *layouter) text(s string, x, baseline, size float64, c colour, spacing float64) {
	if s = strings.ReplaceAll(clean(s), "\n", " "); s == "" {
		return
	}
	l.m.use(s)
	l.p.ops = append(l.p.ops, op{kind: opText, s: s, x: x, y: baseline, size: size, col: c, spacing: spacing, bold: l.bold && spacing == 0})
}

func (l *layouter) line(x1, y1, x2, y2, width float64, c colour, dotted bool) {
	l.p.ops = append(l.p.ops, op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, size: width, col: c, dash: dotted})
}

func (l *layouter) fillRect(x, y, w, h float64, c colour) {
	l.p.ops = append(l.p.ops, op{kind: opRect, x: x, y: y, x2: w, y2: h, fill: true, col: c})
}

func (l *layouter) strokeRect(x, y, w, h, width float64, c colour, dashed bool) {
	l.p.ops = append(l.p.ops, op{kind: opRect, x: x, y: y, x2: w, y2: h, size: width, col: c, dash: dashed})
}

// baseline is where text of size sits in a line box of height lh whose
// top is top: the ideographic em box (0.88 em above the baseline, 0.12
// below) centred in the box.
func baseline(top, lh, size float64) float64 {
	return top + (lh-size)/2 + 0.88*size
}

// wrap breaks text into lines no wider than width at size, by the rules
// of Chinese line breaking (Wrap).
func (l *layouter) wrap(text string, first, rest, size float64) []string {
	return Wrap(clean(text), first, rest, l.m.width(size))
}

// clean makes text printable: line feeds stay (a cell may hold several
// lines), other control characters become spaces, and invisible ones
// (zero-width spaces and joiners, byte order marks) go.
func clean(text string) string {
	if strings.IndexFunc(text, unprintable) < 0 {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r', r == '\u2028', r == '\u2029':
			return '\n'
		case r == '\uFEFF', r >= '\u200B' && r <= '\u200F', r == '\u2060':
			return -1
		case unprintable(r):
			return ' '
		}
		return r
	}, text)
}

func unprintable(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7F && r < 0xA0 ||
		r >= '\u200B' && r <= '\u200F' || r == '\u2028' || r == '\u2029' || r == '\u2060' || r == '\uFEFF'
}

// lineAt draws one line of text in a box [x, x+w] with its baseline at
// base, aligned; justified lines are stretched to the full width.
func (l *layouter) lineAt(s string, x, w, base, size float64, a Align, justify bool, c colour) {
	tw := l.m.textWidth(s, size)
	spacing := 0.0
	switch {
	case justify:
		if n := len([]rune(s)); n > 1 {
			if extra := (w - tw) / float64(n-1); extra > 0 && extra <= maxStretch*size {
				spacing = extra
			}
		}
	case a == Right:
		x += w - tw
	case a == Center:
		x += (w - tw) / 2
	}
	l.text(s, x, base, size, c, spacing)
}

// titleLines sets a centred (or left-aligned) title at the cursor, wrapped
// to the text block, and moves the cursor below it.
func (l *layouter) titleLines(s string, size float64, a Align) {
	l.bold = true
	defer func() { l.bold = false }()
	lh := size * leadingTitle
	for _, ln := range l.wrap(s, l.g.width(), l.g.width(), size) {
		l.lineAt(ln, l.g.left, l.g.width(), baseline(l.y, lh, size), size, a, false, black)
		l.y += lh
	}
}

// titleHeight is the height titleLines takes.
func (l *layouter) titleHeight(s string, size float64, width float64) float64 {
	return float64(len(l.wrap(s, width, width, size))) * size * leadingTitle
}
