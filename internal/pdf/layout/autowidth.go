package layout

import (
	"strings"
	"unicode/utf8"
)

// Column widths by content, as the automatic layout of an HTML table:
// every column has a least width (it cannot be narrower without breaking
// what must not break) and a preferred one (its text on one line, its
// header in two); the room between the two is shared in proportion to
// what each column would gain.

const (
	// breakPoint marks where a header may break (not printed).
	breakPoint = '\u200B'
	// atomEm: a cell no wider than this many em is never broken (a
	// date, a code, 附件 12, a short name).
	atomEm = 4.5
	// prefShare is the most of the table's width a column prefers: a
	// column of long text does not take the room of all the others.
	prefShare = 0.4
	// limitShare is the most of the table's width a least width takes
	// (a long code or URL breaks rather than crowd out everything else).
	limitShare = 0.25
	// twoLinesEm: a text up to this many em (a name) is given the room
	// for at most two lines.
	twoLinesEm = 16
	// longLineEm is the least width of a column of longer text, in em.
	longLineEm = 8
)

// span is a header cell over several columns: cols [from, to).
type span struct {
	from, to int
	text     string
}

// autoCols places the columns of a table across the text block [left,
// left+width] by their content; rel shares out the room left when every
// column has its preferred width.
func (l *layouter) autoCols(left, width, size float64, header []string, groups []span, rows [][]string, rel []float64) []gridCol {
	n := len(header)
	mins := make([]float64, n)
	prefs := make([]float64, n)
	limit := width * limitShare
	for i, h := range header {
		mins[i] = l.headerWidth(h, size, maxHeaderLines)
		prefs[i] = l.headerWidth(h, size, 2)
	}
	for _, row := range rows {
		for i, s := range row {
			if i >= n || s == "" {
				continue
			}
			lo, hi := l.cellWidths(s, size, limit)
			mins[i] = max(mins[i], lo)
			prefs[i] = max(prefs[i], hi)
		}
	}
	for i := range n {
		mins[i] += 2*padX + 0.5
		prefs[i] = max(min(prefs[i]+2*padX+0.5, width*prefShare), mins[i])
	}
	// a group's header needs room across its columns
	for _, g := range groups {
		need := l.headerWidth(g.text, size, 2) + 2*padX
		have := 0.0
		for i := g.from; i < g.to; i++ {
			have += mins[i]
		}
		if have < need {
			for i := g.from; i < g.to; i++ {
				mins[i] += (need - have) / float64(g.to-g.from)
				prefs[i] = max(prefs[i], mins[i])
			}
		}
	}
	sumMin, sumPref, sumRel := 0.0, 0.0, 0.0
	for i := range n {
		sumMin += mins[i]
		sumPref += prefs[i]
		sumRel += rel[i]
	}
	ws := make([]float64, n)
	switch {
	case sumMin >= width:
		for i := range ws {
			ws[i] = width * mins[i] / sumMin
		}
	case sumPref <= width:
		for i := range ws {
			ws[i] = prefs[i] + (width-sumPref)*rel[i]/sumRel
		}
	default:
		f := (width - sumMin) / (sumPref - sumMin)
		for i := range ws {
			ws[i] = mins[i] + (prefs[i]-mins[i])*f
		}
	}
	cols := make([]gridCol, n)
	x := left
	for i, w := range ws {
		cols[i].x, cols[i].w = x, w
		x += w
	}
	return cols
}

// cellWidths are the least and the preferred width of a cell's text at
// size: the least is the whole text when it is short, else its widest
// unbreakable piece (at most limit), two characters and, for a text up to
// twoLinesEm, half of it (two lines), for a longer one longLineEm; the
// preferred is its widest line unbroken.
func (l *layouter) cellWidths(s string, size, limit float64) (lo, hi float64) {
	s = clean(s)
	for _, para := range strings.Split(s, "\n") {
		w := l.m.textWidth(para, size)
		hi = max(hi, w)
		if w <= atomEm*size {
			lo = max(lo, w)
			continue
		}
		lo = max(lo, min(2*size, w))
		if w <= twoLinesEm*size {
			lo = max(lo, w/2+size/2)
		} else {
			lo = max(lo, min(longLineEm*size, limit)) // a long text: lines of some length
		}
		for _, c := range clusters(para) {
			if c.space {
				continue
			}
			cw := 0.0
			for _, r := range c.runes {
				cw += l.m.em(r) * size
			}
			lo = max(lo, min(cw, limit))
		}
	}
	return lo, hi
}

// headerWidth is the least width at which a header is set in at most
// lines lines with no character alone on a line (or its width on one
// line when it is one character, or no width is enough).
func (l *layouter) headerWidth(h string, size float64, lines int) float64 {
	full := l.m.textWidth(strings.ReplaceAll(h, string(breakPoint), ""), size)
	if full <= 0 {
		return 0
	}
	step := size / 4
	for w := min(2*size, full); w < full; w += step {
		ls := l.headerLines(h, w, size)
		if len(ls) <= lines && !loneLine(ls) {
			return w
		}
	}
	return full
}

// loneLine reports whether a text of several lines has a line of one
// character.
func loneLine(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	for _, s := range lines {
		if utf8.RuneCountInString(strings.TrimSpace(s)) == 1 {
			return true
		}
	}
	return false
}

// headerLines breaks a header into lines of at most width: at its break
// points when it has them (a part wider than the line breaks inside), else
// as any text; then balanced (see balance).
func (l *layouter) headerLines(h string, width, size float64) []string {
	if !strings.ContainsRune(h, breakPoint) {
		return l.balanced(h, width, size)
	}
	widest := 0.0
	for _, part := range strings.Split(h, string(breakPoint)) {
		widest = max(widest, l.m.textWidth(part, size))
	}
	set := func(w float64) []string {
		var out []string
		line, lw := "", 0.0
		for _, part := range strings.Split(h, string(breakPoint)) {
			pw := l.m.textWidth(part, size)
			if line != "" && lw+pw <= w+epsilon {
				line, lw = line+part, lw+pw
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			line, lw = part, pw
			if pw > w+epsilon {
				ls := l.balanced(part, w, size)
				out = append(out, ls[:len(ls)-1]...)
				line = ls[len(ls)-1]
				lw = l.m.textWidth(line, size)
			}
		}
		return append(out, line)
	}
	return balance(set, width, min(widest, width), size)
}

// balanced wraps text to width, then narrows the lines as far as the
// number of lines stays the same, so that the last line is not a
// character or two under a full one.
func (l *layouter) balanced(text string, width, size float64) []string {
	set := func(w float64) []string { return l.wrap(text, w, w, size) }
	lines := set(width)
	if len(lines) < 2 {
		return lines
	}
	// no narrower than the widest piece that must not break
	widest := 0.0
	for _, c := range clusters(clean(text)) {
		if !c.space {
			cw := 0.0
			for _, r := range c.runes {
				cw += l.m.em(r) * size
			}
			widest = max(widest, cw)
		}
	}
	return balance(set, width, min(widest, width), size)
}

// balance sets text with set at width and, when that leaves a short last
// line (a third of the first or less, two characters or one) on two to
// four lines or one character alone, at the least width down to least (to
// a quarter of a character) that takes no more lines.
func balance(set func(w float64) []string, width, least, size float64) []string {
	lines := set(width)
	n := len(lines)
	last := utf8.RuneCountInString(lines[n-1])
	short := last <= max(2, utf8.RuneCountInString(lines[0])/3)
	if n < 2 || !short || n > 4 && last > 1 {
		return lines
	}
	lo, hi := max(width/float64(n)*0.9, least), width
	if ls := set(lo); len(ls) <= n {
		return ls
	}
	best := lines
	for hi-lo > size/4 {
		mid := (lo + hi) / 2
		if ls := set(mid); len(ls) <= n {
			hi, best = mid, ls
		} else {
			lo = mid
		}
	}
	return best
}
