package bind

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The frame of a bound document's page: the page becomes an A4 page in
// its own orientation as viewed (landscape when wider than high), with a
// header band at the top (the document's label on its first page, a short
// running label on the others), a footer band at the bottom (where the
// stamp's footer goes) and the page's own content scaled down (never up)
// into the area between them, centred. Nothing stamped covers the
// document's content, and A5, Letter or odd sizes print as A4 among the
// body's pages.
//
// The page's content becomes a Form XObject (its /BBox the visible box,
// its resources the page's), drawn turned as the page's /Rotate showed it:
// the framed page has no /Rotate. Its annotations move with it.
const (
	// FrameHeader and FrameFooter are the bands at the top and bottom of
	// a framed page, FrameSide the margin at its sides, in points.
	FrameHeader = 34.0
	FrameFooter = 34.0
	FrameSide   = 14.0

	// MarkerLabel marks the label's Form XObject (MarkerKey).
	markerLabel = "Label"

	labelSize    = 10.0 // points
	labelMinSize = 7.0  // a long label shrinks to this, then takes two lines
	labelTop     = 12.0 // from the top edge to the top of the label's first line
	labelGrey    = 0.1
	labelRule    = 0.6 // the rule under the label: grey level
)

// a4Size is A4 upright, in points.
var a4Size = [2]float64{595.28, 841.89}

// frameOf is what framing needs to know of a page: the label in its
// header band ("" for an empty band).
type frameOf struct {
	label string
}

// framedGeometry returns where a page of w × h (as viewed) goes on the A4
// page of a frame: the A4 page's size, the scale and the lower left corner
// of the page as drawn.
func framedGeometry(w, h float64) (pw, ph, k, x, y float64) {
	pw, ph = a4Size[0], a4Size[1]
	if w > h {
		pw, ph = ph, pw
	}
	aw, ah := pw-2*FrameSide, ph-FrameHeader-FrameFooter
	k = math.Min(1, math.Min(aw/w, ah/h))
	x = FrameSide + (aw-k*w)/2
	y = FrameFooter + (ah-k*h)/2
	return pw, ph, k, x, y
}

// inverse returns the inverse of the affine matrix m.
func inverse(m [6]float64) ([6]float64, error) {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 {
		return m, errors.New("singular matrix")
	}
	return [6]float64{m[3] / det, -m[1] / det, -m[2] / det, m[0] / det,
		(m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det}, nil
}

// multiply returns the matrix applying a, then b.
func multiply(a, b [6]float64) [6]float64 {
	return [6]float64{
		a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3],
		a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
		a[4]*b[0] + a[5]*b[2] + b[4], a[4]*b[1] + a[5]*b[3] + b[5],
	}
}

func apply(m [6]float64, x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// frame puts page p in its frame (see above).
func (s *stamper) frame(p leaf, f frameOf) error {
	g, err := geometryOf(s.ctx, p.dict)
	if err != nil {
		return err
	}
	w, h := g.displayed()
	pw, ph, k, x, y := framedGeometry(w, h)
	// The page's user space → the page as viewed → the framed page.
	viewed, err := inverse(g.toUser())
	if err != nil {
		return err
	}
	m := multiply(viewed, [6]float64{k, 0, 0, k, x, y})

	var label types.IndirectRef
	if f.label != "" {
		if label, err = s.label(f.label, pw, ph); err != nil {
			return err
		}
	}
	form, err := s.pageForm(p, g.box)
	switch {
	case errors.Is(err, errUndecodable):
		// Content streams that cannot be joined: wrapped as they are.
		if err := s.wrapPage(p, g.box, m, label); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		xobjects := types.Dict{"MkspacePage": form}
		// The label first: text extraction reads it before the page.
		var b bytes.Buffer
		if f.label != "" {
			xobjects["MkspaceLabel"] = label
			b.WriteString("/MkspaceLabel Do\n")
		}
		fmt.Fprintf(&b, "q %s cm /MkspacePage Do Q\n", matrix(m[:]...))
		content, err := s.newStream(types.Dict{}, b.Bytes())
		if err != nil {
			return err
		}
		p.dict["Resources"] = types.Dict{"XObject": xobjects}
		p.dict["Contents"] = content
	}
	if err := s.moveAnnotations(p.dict, m); err != nil {
		return err
	}
	for _, k := range []string{"CropBox", "BleedBox", "TrimBox", "ArtBox", "Rotate", "UserUnit", "Thumb"} {
		delete(p.dict, k)
	}
	p.dict["MediaBox"] = types.NewNumberArray(0, 0, pw, ph)
	return nil
}

// errUndecodable: a page's content streams cannot be decoded to be joined.
var errUndecodable = errors.New("content stream cannot be decoded")

// wrapPage frames a page whose content streams stay as they are: they
// are drawn between a stream that sets the matrix m and clips to box and
// one that restores the state (and draws the label, when there is one).
func (s *stamper) wrapPage(p leaf, box *types.Rectangle, m [6]float64, label types.IndirectRef) error {
	items, err := s.contents(p.dict)
	if err != nil {
		return err
	}
	open, err := s.newStream(types.Dict{}, fmt.Appendf(nil, "q %s cm %s %s %s %s re W n\n",
		matrix(m[:]...), num(box.LL.X), num(box.LL.Y), num(box.Width()), num(box.Height())))
	if err != nil {
		return err
	}
	end := []byte("\nQ\n")
	if label.ObjectNumber != 0 {
		names, err := s.addXObjects(p.dict, map[string]types.IndirectRef{"MkspaceLabel": label})
		if err != nil {
			return err
		}
		end = append(end, "/"+names["MkspaceLabel"]+" Do\n"...)
	}
	closing, err := s.newStream(types.Dict{}, end)
	if err != nil {
		return err
	}
	all := types.Array{open}
	all = append(all, items...)
	p.dict["Contents"] = append(all, closing)
	return nil
}

// pageForm turns the content of page p into a Form XObject showing box
// of its user space. A page drawn by one content stream of its own has that
// stream made the form (nothing is decoded or copied); otherwise its
// streams are joined into a new one.
func (s *stamper) pageForm(p leaf, box *types.Rectangle) (types.IndirectRef, error) {
	form := types.Dict{
		"Type":    types.Name("XObject"),
		"Subtype": types.Name("Form"),
		"BBox":    types.NewNumberArray(box.LL.X, box.LL.Y, box.UR.X, box.UR.Y),
	}
	if res, ok := p.dict["Resources"]; ok && res != nil {
		form["Resources"] = res
	} else {
		form["Resources"] = types.Dict{}
	}
	if grp, ok := p.dict["Group"]; ok && grp != nil {
		form["Group"] = grp
	}
	items, err := s.contents(p.dict)
	if err != nil {
		return types.IndirectRef{}, err
	}
	if len(items) == 1 {
		if ref, ok := items[0].(types.IndirectRef); ok && !s.formed[ref.ObjectNumber.Value()] {
			sd, _, err := s.ctx.DereferenceStreamDict(ref)
			if err == nil && sd != nil {
				if st := sd.Dict.NameEntry("Subtype"); st == nil {
					s.formed[ref.ObjectNumber.Value()] = true
					for k, v := range form {
						sd.Dict[k] = v
					}
					// DereferenceStreamDict returns a copy: store it back.
					if e, ok := s.ctx.FindTableEntryForIndRef(&ref); ok && e != nil {
						e.Object = *sd
						return ref, nil
					}
				}
			}
		}
	}
	var content []byte
	for _, it := range items {
		sd, _, err := s.ctx.DereferenceStreamDict(it)
		if err != nil {
			return types.IndirectRef{}, fmt.Errorf("page contents: %w", err)
		}
		if sd == nil {
			continue
		}
		c := *sd // decode a copy: the stream may be shared
		if err := c.Decode(); err != nil {
			return types.IndirectRef{}, fmt.Errorf("%w: %w", errUndecodable, err)
		}
		content = append(content, c.Content...)
		content = append(content, '\n')
	}
	sd, err := s.ctx.NewStreamDictForBuf(content)
	if err != nil {
		return types.IndirectRef{}, err
	}
	for k, v := range form {
		sd.Dict[k] = v
	}
	if err := sd.Encode(); err != nil {
		return types.IndirectRef{}, err
	}
	return s.newObject(*sd)
}

// moveAnnotations moves the page's annotations (links, notes, form
// fields) with its content: their rectangles become the rectangles
// enclosing them on the framed page.
func (s *stamper) moveAnnotations(d types.Dict, m [6]float64) error {
	o, ok := d["Annots"]
	if !ok || o == nil {
		return nil
	}
	annots, err := s.ctx.DereferenceArray(o)
	if err != nil {
		delete(d, "Annots") // unreadable: they would show in the wrong place
		return nil
	}
	for _, a := range annots {
		ad, err := s.ctx.DereferenceDict(a)
		if err != nil || ad == nil {
			continue
		}
		if r, ok := ad["Rect"]; ok && r != nil {
			if rect, err := rectangle(s.ctx, r); err == nil {
				ad["Rect"] = enclose(m, rect.LL.X, rect.LL.Y, rect.UR.X, rect.UR.Y)
			}
		}
		if q, ok := ad["QuadPoints"]; ok && q != nil {
			arr, err := s.ctx.DereferenceArray(q)
			if err != nil || len(arr)%2 != 0 {
				delete(ad, "QuadPoints")
				continue
			}
			out := make(types.Array, 0, len(arr))
			for i := 0; i < len(arr); i += 2 {
				x, err1 := s.ctx.DereferenceNumber(arr[i])
				y, err2 := s.ctx.DereferenceNumber(arr[i+1])
				if err1 != nil || err2 != nil {
					x, y = 0, 0
				}
				x, y = apply(m, x, y)
				out = append(out, types.Float(x), types.Float(y))
			}
			ad["QuadPoints"] = out
		}
	}
	return nil
}

// enclose is the rectangle enclosing the rectangle (x0 y0 x1 y1) mapped
// by m.
func enclose(m [6]float64, x0, y0, x1, y1 float64) types.Array {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}} {
		x, y := apply(m, c[0], c[1])
		minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
	}
	return types.NewNumberArray(minX, minY, maxX, maxY)
}

// label writes the form of a label in the header band of a framed page of
// pw × ph: one line at labelSize, smaller if it does not fit (down to
// labelMinSize), then two lines, the second cut with … if need be; a thin
// rule under it. A character the stamp's font lacks shows as ?.
func (s *stamper) label(text string, pw, ph float64) (types.IndirectRef, error) {
	text = s.printable(text)
	avail := pw - 2*FrameSide
	size := labelSize
	tw, err := s.width(text, 1)
	if err != nil {
		return types.IndirectRef{}, err
	}
	lines := []string{text}
	if tw*size > avail {
		size = math.Max(labelMinSize, avail/tw)
		if tw*size > avail {
			lines, err = s.breakLines(text, avail, size)
			if err != nil {
				return types.IndirectRef{}, err
			}
		}
	}
	lh := size * 1.25
	var b bytes.Buffer
	b.WriteString("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n")
	fmt.Fprintf(&b, "BT\n%s g\n/F1 %s Tf\n", num(labelGrey), num(size))
	for i, line := range lines {
		enc, err := s.cjkString(line)
		if err != nil {
			return types.IndirectRef{}, err
		}
		base := ph - labelTop - size*0.88 - float64(i)*lh
		if len(lines) == 1 {
			base -= (FrameHeader - labelTop - size*1.2) / 2 // centred in the band
		}
		fmt.Fprintf(&b, "1 0 0 1 %s %s Tm (%s) Tj\n", num(FrameSide), num(base), enc)
	}
	b.WriteString("ET\n")
	ruleY := ph - FrameHeader + 3
	fmt.Fprintf(&b, "q %s G 0.5 w %s %s m %s %s l S Q\nEMC\n", num(labelRule), num(FrameSide), num(ruleY), num(pw-FrameSide), num(ruleY))
	return s.newForm(markerLabel, [4]float64{0, ph - FrameHeader, pw, ph}, s.footerRes, b.Bytes())
}

// printable replaces the characters the stamp's font lacks by ?.
func (s *stamper) printable(text string) string {
	return strings.Map(func(r rune) rune {
		if g, ok := s.font.Glyph(r); ok && g <= 0xFFFF {
			return r
		}
		return '?'
	}, text)
}

// breakLines cuts text into two lines of at most avail at size, the second
// ending in … when the text is longer still.
func (s *stamper) breakLines(text string, avail, size float64) ([]string, error) {
	var lines []string
	rest := text
	for len(lines) < 2 && rest != "" {
		w, cut := 0.0, len(rest)
		for i, r := range rest {
			rw, err := s.width(string(r), size)
			if err != nil {
				return nil, err
			}
			if w+rw > avail {
				cut = i
				break
			}
			w += rw
		}
		if cut == 0 { // one character wider than the band
			_, cut = utf8.DecodeRuneInString(rest)
		}
		if len(lines) == 0 && cut < len(rest) {
			// Break after a separator (、 · ；) in the line's second half
			// rather than inside a name.
			best := -1
			for _, sep := range []string{"、", " · ", "；", " "} {
				if i := strings.LastIndex(rest[:cut], sep); i > 0 && i+len(sep) > best {
					best = i + len(sep)
				}
			}
			if best > cut/2 {
				cut = best
			}
		}
		lines = append(lines, rest[:cut])
		rest = rest[cut:]
	}
	if rest != "" {
		last := []rune(lines[len(lines)-1])
		ellipsis := s.printable("…")
		ew, err := s.width(ellipsis, size)
		if err != nil {
			return nil, err
		}
		for len(last) > 0 {
			lw, err := s.width(string(last), size)
			if err != nil {
				return nil, err
			}
			if lw+ew <= avail {
				break
			}
			last = last[:len(last)-1]
		}
		lines[len(lines)-1] = string(last) + ellipsis
	}
	return lines, nil
}
