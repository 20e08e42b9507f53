package layout

// The layout is computed first, as a list of drawing operations per page;
// painting them into the PDF is a second, mechanical step. So the page
// numbers are known before the contents are drawn.

// geometry is a page's size and the margins of its text block, in points.
type geometry struct {
	w, h                     float64
	left, right, top, bottom float64
}

func (g geometry) width() float64  { return g.w - g.left - g.right }
func (g geometry) limit() float64  { return g.h - g.bottom }
func (g geometry) height() float64 { return g.h - g.top - g.bottom }

// A4 in points, as the PDF writer has it.
const (
	a4Short = 595.28
	a4Long  = 841.89
)

// The page geometry of the 申报书. The bottom margins keep clear of the
// footer zone (15 mm) with room to spare.
var (
	portrait  = geometry{w: a4Short, h: a4Long, left: 20 * mm, right: 20 * mm, top: 22 * mm, bottom: 22 * mm}
	landscape = geometry{w: a4Long, h: a4Short, left: 15 * mm, right: 15 * mm, top: 20 * mm, bottom: 21 * mm}
)

// portraitWith is A4 portrait with margins m; the zero value gives the
// 申报书's.
func portraitWith(m Margins) geometry {
	if m == (Margins{}) {
		return portrait
	}
	return geometry{w: a4Short, h: a4Long, left: m.Left, right: m.Right, top: m.Top, bottom: m.Bottom}
}

type opKind uint8

const (
	opText opKind = iota
	opLine
	opRect
)

// Colours, as grey levels (0 black, 1 white) or the one red.
type colour uint8

const (
	black colour = iota
	grey         // secondary text: running header, hints
	rule         // the running header's rule
	shade        // fill of header rows and label cells
	red          // a Notice (the draft mark)
)

// op is one drawing operation. Coordinates are from the page's top left.
type op struct {
	kind opKind
	col  colour
	// text: x, y is the start of the baseline; line: from (x, y) to (x2,
	// y2); rect: x, y top left, x2, y2 width and height.
	x, y, x2, y2 float64
	size         float64 // text: font size; line, rect: line width
	spacing      float64 // text: extra space between characters
	dash         bool    // line: dotted; rect: dashed outline
	fill         bool    // rect: filled (else outlined)
	bold         bool    // text: filled and stroked (see paint)
	s            string
}

// mark is a level-1 bookmark on a written page.
type mark struct {
	title string
	y     float64
}

// page is a written page.
type page struct {
	landscape bool
	g         geometry
	ops       []op
	marks     []mark
}

func (p *page) geometry() geometry { return p.g }
