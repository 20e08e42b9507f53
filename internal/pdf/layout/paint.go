package layout

import (
	"bytes"
	"fmt"
	"io"

	"github.com/signintech/gopdf"
)

// rgb of each colour.
var rgb = map[colour][3]uint8{
	black: {0, 0, 0},
	grey:  {110, 110, 110},
	rule:  {150, 150, 150},
	shade: {236, 236, 236},
	red:   {200, 20, 20},
}

// Bold: the font has no bold face, so titles and headers are filled and
// stroked with a thin outline of their colour (text rendering mode 2, PDF
// 32000 §9.3.6): they look bold and are still text. gopdf has no operator
// for the mode, so the painter marks the text objects to change with a
// character spacing no text has (boldMark, plainMark), and paint replaces
// the marks in the written content streams (left uncompressed for it) by
// operators of the same length, then compresses the contents (deflate).
const (
	boldMark   = -0.777
	plainMark  = -0.776
	boldStroke = 0.025 // the outline's width, × size
)

var (
	boldFrom, boldTo   = []byte("-0.777 Tc"), []byte("0 Tc 2 Tr")
	plainFrom, plainTo = []byte("-0.776 Tc"), []byte("0 Tc 0 Tr")
)

// painter draws the laid-out pages with gopdf, setting the graphics state
// only when it changes.
type painter struct {
	pdf      *gopdf.GoPdf
	m        *metrics
	families []string // per face
	face     uint8
	size     float64
	text     colour
	stroke   colour
	fill     colour
	width    float64
	dotted   bool
	dashed   bool
	bold     bool // the text rendering mode is fill and stroke
}

// paint writes the pages as a PDF.
func paint(w io.Writer, pages []*page, m *metrics, in *Input) (err error) {
	// The font parser and writer may panic on damaged font data.
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("writing the PDF failed: %v", v)
		}
	}()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetNoCompression() // the page contents, for the bold marks
	info := gopdf.PdfInfo{
		Title: in.Info.Title, Subject: in.Info.Subject, Author: in.Info.Author,
		Creator: in.Info.Creator, Producer: in.Info.Creator, CreationDate: in.Info.Created,
	}
	pdf.SetInfo(info)
	p := &painter{pdf: pdf, m: m, text: 255, stroke: 255, fill: 255}
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: gopdf.DefaultOnGlyphNotFoundSubstitute}
	for i, f := range m.faces {
		if i > 0 && len(f.used) == 0 {
			p.families = append(p.families, "") // a fallback nothing needed
			continue
		}
		p.families = append(p.families, f.family())
		if err := pdf.AddTTFFontDataWithOption(f.family(), f.Data(), opt); err != nil {
			return fmt.Errorf("embedding the font: %w", err)
		}
	}
	for _, pg := range pages {
		g := pg.geometry()
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: g.w, H: g.h}})
		p.reset()
		for _, mk := range pg.marks {
			// gopdf places the destination at the default page height
			// minus y plus 20; aim it just above the heading on any page.
			pdf.SetY(mk.y + a4Long - g.h + 10)
			pdf.AddOutlineWithPosition(mk.title)
		}
		for i := range pg.ops {
			if err := p.op(&pg.ops[i]); err != nil {
				return err
			}
		}
		if err := p.plain(); err != nil { // a page ends in the plain mode
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return err
	}
	out := bytes.ReplaceAll(bytes.ReplaceAll(buf.Bytes(), boldFrom, boldTo), plainFrom, plainTo)
	_, err = w.Write(deflate(out))
	return err
}

// plain ends the bold mode with an empty text object.
func (p *painter) plain() error {
	if !p.bold {
		return nil
	}
	p.bold = false
	if err := p.pdf.SetCharSpacing(plainMark); err != nil {
		return err
	}
	return p.pdf.Text("")
}

// runs splits a text into runs of one font; the whole text when there is
// one font.
func (p *painter) runs(s string) []textRun {
	if len(p.m.faces) == 1 {
		return []textRun{{s: s}}
	}
	return p.m.runs(s)
}

// reset forgets the graphics state: every page starts afresh.
func (p *painter) reset() {
	p.text, p.stroke, p.fill, p.width, p.size, p.face = 255, 255, 255, -1, 0, 0
	p.dotted, p.dashed, p.bold = false, false, false
}

func (p *painter) op(o *op) error {
	switch o.kind {
	case opText:
		if o.col != p.text {
			c := rgb[o.col]
			p.pdf.SetTextColor(c[0], c[1], c[2])
			p.text = o.col
		}
		spacing := o.spacing
		if o.bold {
			p.strokeStyle(o.col, o.size*boldStroke, false, false)
			spacing = boldMark
			p.bold = true
		} else if err := p.plain(); err != nil {
			return err
		}
		if err := p.pdf.SetCharSpacing(spacing); err != nil {
			return err
		}
		// gopdf sets the text's colour as the fill colour
		p.fill = 255
		// A run of characters per font: the next run starts where the
		// PDF viewer ends the last (advances plus the character spacing
		// after each character).
		x := o.x
		for _, r := range p.runs(o.s) {
			if r.face != p.face || o.size != p.size {
				if err := p.pdf.SetFont(p.families[r.face], "", o.size); err != nil {
					return err
				}
				p.face, p.size = r.face, o.size
			}
			p.pdf.SetXY(x, o.y)
			if err := p.pdf.Text(r.s); err != nil {
				return err
			}
			x += r.em*o.size + o.spacing*float64(r.n)
		}
		return nil
	case opLine:
		p.strokeStyle(o.col, o.size, o.dash, false)
		p.pdf.Line(o.x, o.y, o.x2, o.y2)
	case opRect:
		if o.fill {
			if o.col != p.fill {
				c := rgb[o.col]
				p.pdf.SetFillColor(c[0], c[1], c[2])
				p.fill = o.col
			}
			p.pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "F")
			return nil
		}
		p.strokeStyle(o.col, o.size, false, o.dash)
		p.pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "D")
	}
	return nil
}

func (p *painter) strokeStyle(c colour, width float64, dotted, dashed bool) {
	if c != p.stroke {
		v := rgb[c]
		p.pdf.SetStrokeColor(v[0], v[1], v[2])
		p.stroke = c
	}
	if width != p.width {
		p.pdf.SetLineWidth(width)
		p.width = width
	}
	if dotted != p.dotted || dashed != p.dashed {
		switch {
		case dotted:
			p.pdf.SetCustomLineType([]float64{0.9, 2.1}, 0)
		case dashed:
			p.pdf.SetCustomLineType([]float64{4, 3}, 0)
		default:
			p.pdf.SetLineType("")
		}
		p.dotted, p.dashed = dotted, dashed
	}
}
