// Package render writes PDF documents set in the CJK TrueType font that
// ships with mkspace (or the TrueType font named by the config's pdf.font):
// A4 pages, Chinese paragraphs wrapped by the rules of Chinese typesetting,
// and the commitment letter. The font is embedded as a subset, so the text
// stays real, extractable text.
package render

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/signintech/gopdf"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// subsetTag prefixes the font's name in the PDF, marking it as a subset
// (only the glyphs used are embedded; PDF 32000 §9.6.4).
const subsetTag = "MKSPCE+"

// fontName is the name of the embedded font: the shipped font's PostScript
// name, or the ASCII letters and digits of a configured font's file name.
func fontName(path string) string {
	if path == "" {
		return subsetTag + "WenQuanYiMicroHei"
	}
	var b strings.Builder
	for _, r := range strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		b.WriteString("Font")
	}
	return subsetTag + b.String()
}

// A4 in points (1/72 inch), as gopdf writes it.
var (
	PageWidth  = gopdf.PageSizeA4.W
	PageHeight = gopdf.PageSizeA4.H
)

// Margins of a page, in points.
type Margins struct{ Top, Right, Bottom, Left float64 }

// DefaultMargins are 25 mm all round.
var DefaultMargins = Margins{Top: 71, Right: 71, Bottom: 71, Left: 71}

// Options configure a new document.
type Options struct {
	// FontPath is a TrueType font file; "" uses the shipped font.
	FontPath string
	// Margins of every page; the zero value means DefaultMargins.
	Margins Margins
	// Info is the PDF's metadata (title, creator…).
	Info gopdf.PdfInfo
}

// Doc is a PDF being written, A4 portrait, with a cursor (the top of the
// next line) that moves down the page and onto new pages.
type Doc struct {
	pdf     *gopdf.GoPdf
	family  string
	M       Margins
	y       float64
	size    float64
	em      map[rune]float64 // advance of a character, in em
	missing map[rune]bool
}

// New starts a document and loads its font. A font that cannot be used is
// a *font.Error.
func New(opts Options) (d *Doc, err error) {
	fonts, err := font.Open("", []string{opts.FontPath})
	if err != nil {
		return nil, err
	}
	d = &Doc{pdf: &gopdf.GoPdf{}, family: fontName(opts.FontPath), M: opts.Margins, em: map[rune]float64{}, missing: map[rune]bool{}}
	if d.M == (Margins{}) {
		d.M = DefaultMargins
	}
	damaged := func(err error) *font.Error {
		return &font.Error{Key: "font.damaged", Args: []string{"file", opts.FontPath, "err", err.Error()}, Err: err}
	}
	// The font parser may panic on damaged data; report it as a bad font.
	defer func() {
		if v := recover(); v != nil {
			d, err = nil, damaged(fmt.Errorf("%v", v))
		}
	}()
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	d.pdf.SetInfo(opts.Info)
	opt := gopdf.TtfOption{
		OnGlyphNotFound:           func(r rune) { d.missing[r] = true },
		OnGlyphNotFoundSubstitute: gopdf.DefaultOnGlyphNotFoundSubstitute,
	}
	if err := d.pdf.AddTTFFontDataWithOption(d.family, fonts[0].Data(), opt); err != nil {
		return nil, damaged(err)
	}
	if err := d.SetFontSize(12); err != nil {
		return nil, damaged(err)
	}
	return d, nil
}

// Family is the name the font is registered under in the PDF writer, for
// SetFont calls on PDF().
func (d *Doc) Family() string { return d.family }

// PDF is the underlying writer, for what this package does not wrap.
func (d *Doc) PDF() *gopdf.GoPdf { return d.pdf }

// SetFontSize sets the size of the text that follows, in points.
func (d *Doc) SetFontSize(pt float64) error {
	if err := d.pdf.SetFont(d.family, "", pt); err != nil {
		return err
	}
	d.size = pt
	return nil
}

// AddPage starts a new page with the cursor at the top margin.
func (d *Doc) AddPage() {
	d.pdf.AddPage()
	d.y = d.M.Top
}

// Y is the cursor: the top of the next line, in points from the page top.
func (d *Doc) Y() float64 { return d.y }

// SetY moves the cursor.
func (d *Doc) SetY(y float64) { d.y = y }

// Skip moves the cursor down by h points.
func (d *Doc) Skip(h float64) { d.y += h }

// Width is the width between the left and right margins.
func (d *Doc) Width() float64 { return PageWidth - d.M.Left - d.M.Right }

// Room is the height left on the page above the bottom margin.
func (d *Doc) Room() float64 { return PageHeight - d.M.Bottom - d.y }

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return d.pdf.GetNumberOfPages() }

// Missing returns the characters the font has no glyph for that were set
// so far (printed as blanks), in order.
func (d *Doc) Missing() []rune {
	out := make([]rune, 0, len(d.missing))
	for r := range d.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// RuneWidth is the advance of r at the current size, in points.
func (d *Doc) RuneWidth(r rune) float64 {
	em, ok := d.em[r]
	if !ok {
		w, err := d.pdf.MeasureTextWidth(string(r))
		if err != nil || d.size == 0 {
			return 0
		}
		em = w / d.size
		d.em[r] = em
	}
	return em * d.size
}

// TextWidth is the width of s at the current size, in points.
func (d *Doc) TextWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += d.RuneWidth(r)
	}
	return w
}

// Align is the horizontal alignment of a line.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	// AlignJustify stretches every line but a paragraph's last to the full
	// width (两端对齐), as Chinese text is usually set.
	AlignJustify
)

// Style is how a paragraph is set.
type Style struct {
	Size    float64 // font size, points
	Leading float64 // line height as a multiple of Size; 0 means 1.6
	Indent  float64 // first-line indent, in em (2 for a Chinese paragraph)
	Align   Align
	// Left and Right narrow the column inside the margins, in points.
	Left, Right float64
}

func (s Style) lineHeight() float64 {
	if s.Leading == 0 {
		return s.Size * 1.6
	}
	return s.Size * s.Leading
}

// Paragraph sets text at the cursor, wrapped to the column, starting a new
// page when the next line would cross the bottom margin. Each line feed in
// text starts a new paragraph (indented again).
func (d *Doc) Paragraph(text string, st Style) error {
	if err := d.SetFontSize(st.Size); err != nil {
		return err
	}
	lh := st.lineHeight()
	x0 := d.M.Left + st.Left
	width := d.Width() - st.Left - st.Right
	indent := st.Indent * st.Size
	for _, para := range splitLines(text) {
		lines := Wrap(para, width-indent, width, d.RuneWidth)
		for i, line := range lines {
			if d.Room() < lh && d.y > d.M.Top {
				d.AddPage()
			}
			x, w := x0, width
			if i == 0 {
				x, w = x0+indent, width-indent
			}
			last := i == len(lines)-1
			if err := d.line(line, x, w, lh, st.Align, last); err != nil {
				return err
			}
			d.y += lh
		}
	}
	return nil
}

func splitLines(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, trimCR(text[start:i]))
			start = i + 1
		}
	}
	return append(out, trimCR(text[start:]))
}

func trimCR(s string) string {
	if n := len(s); n > 0 && s[n-1] == '\r' {
		return s[:n-1]
	}
	return s
}

// maxStretch caps the extra space between two characters of a justified
// line, in em; a line that would need more is set flush left.
const maxStretch = 0.25

// line draws one line in a box of width w and height lh whose top is the
// cursor, the text centred vertically on the line.
func (d *Doc) line(s string, x, w, lh float64, a Align, last bool) error {
	tw := d.TextWidth(s)
	spacing := 0.0
	switch a {
	case AlignCenter:
		x += (w - tw) / 2
	case AlignRight:
		x += w - tw
	case AlignJustify:
		if n := len([]rune(s)); !last && n > 1 {
			if extra := (w - tw) / float64(n-1); extra > 0 && extra <= maxStretch*d.size {
				spacing = extra
			}
		}
	}
	return d.TextAt(s, x, d.y+d.baseline(lh), spacing)
}

// baseline is the distance from the top of a line box of height lh to the
// baseline of text of the current size centred in it (the ideographic em
// box spans 0.88 em above the baseline and 0.12 em below).
func (d *Doc) baseline(lh float64) float64 {
	return (lh-d.size)/2 + 0.88*d.size
}

// TextAt draws s with its baseline at (x, y), characters spaced by spacing
// points more than the font says.
func (d *Doc) TextAt(s string, x, y, spacing float64) error {
	if s == "" {
		return nil
	}
	if err := d.pdf.SetCharSpacing(spacing); err != nil {
		return err
	}
	d.pdf.SetXY(x, y)
	err := d.pdf.Text(s)
	if spacing != 0 {
		_ = d.pdf.SetCharSpacing(0)
	}
	return err
}

// Rule draws a horizontal line at height y from x1 to x2, width lw.
func (d *Doc) Rule(x1, x2, y, lw float64) {
	d.pdf.SetLineWidth(lw)
	d.pdf.Line(x1, y, x2, y)
}

// WriteTo writes the finished PDF.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	return d.pdf.WriteTo(w)
}
