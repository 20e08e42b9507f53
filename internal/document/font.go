package document

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/signintech/gopdf/fontmaker/core"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/templates"
)

// metrics are the advances of the font's characters, read once from the
// font so that text can be measured and wrapped before anything is drawn.
type metrics struct {
	data    []byte
	name    string // the font's name in the PDF, without the subset tag
	chars   map[int]uint
	widths  []uint
	upem    uint
	bmp     []float32 // advance in em of each BMP character; -1 not yet known
	other   map[rune]float64
	missing map[rune]bool
	used    map[rune]bool
}

// FontError is a font that cannot be used to set the document.
type FontError struct{ Err error }

func (e *FontError) Error() string { return e.Err.Error() }
func (e *FontError) Unwrap() error { return e.Err }

// Localized says what to do, in l (the parser's words are for a bug report).
func (e *FontError) Localized(l msg.Lang) string { return l.T("document.font-damaged") }

// loadMetrics parses a TrueType font; nil or empty data means the shipped
// font. A font the PDF writer cannot embed is an error.
func loadMetrics(data []byte) (m *metrics, err error) {
	name := "EmbeddedFont"
	if len(data) == 0 || bytes.Equal(data, templates.Font) {
		data, name = templates.Font, "WenQuanYiMicroHei"
	}
	// The parser may panic on damaged data.
	defer func() {
		if v := recover(); v != nil {
			m, err = nil, &FontError{Err: fmt.Errorf("the font cannot be parsed: %v", v)}
		}
	}()
	var p core.TTFParser
	if err := p.ParseFontData(data); err != nil {
		return nil, &FontError{Err: fmt.Errorf("the font cannot be parsed (a TrueType font is needed): %w", err)}
	}
	if p.UnitsPerEm() == 0 || len(p.Widths()) == 0 || len(p.Chars()) == 0 {
		return nil, &FontError{Err: errors.New("the font has no character widths or character map")}
	}
	m = &metrics{
		data: data, name: name, chars: p.Chars(), widths: p.Widths(), upem: p.UnitsPerEm(),
		bmp: make([]float32, 0x10000), other: map[rune]float64{},
		missing: map[rune]bool{}, used: map[rune]bool{},
	}
	for i := range m.bmp {
		m.bmp[i] = -1
	}
	return m, nil
}

// em is the advance of r in em, as the PDF writer computes it (in
// thousandths of an em, rounded down). A character the font lacks is
// printed as a space.
func (m *metrics) em(r rune) float64 {
	if r >= 0 && r < 0x10000 {
		if w := m.bmp[r]; w >= 0 {
			return float64(w)
		}
		w := m.lookup(r)
		m.bmp[r] = float32(w)
		return w
	}
	if w, ok := m.other[r]; ok {
		return w
	}
	w := m.lookup(r)
	m.other[r] = w
	return w
}

func (m *metrics) lookup(r rune) float64 {
	g, ok := m.chars[int(r)]
	if !ok {
		if r != ' ' {
			m.missing[r] = true
			return m.lookup(' ')
		}
		return 0.25
	}
	if n := uint(len(m.widths)); g >= n {
		g = n - 1
	}
	return float64(m.widths[g]*1000/m.upem) / 1000
}

// width returns the measure of characters at size pt, for the wrapper.
func (m *metrics) width(size float64) func(rune) float64 {
	return func(r rune) float64 { return m.em(r) * size }
}

// textWidth is the width of s at size pt.
func (m *metrics) textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range strings.ReplaceAll(clean(s), "\n", " ") {
		w += m.em(r)
	}
	return w * size
}

// use records the characters of s as printed (for the subset tag).
func (m *metrics) use(s string) {
	for _, r := range s {
		m.used[r] = true
	}
}

// family is the font's name in the PDF: a subset tag of six capital
// letters derived from the characters used (PDF 32000 §9.6.4), so that
// two different subsets of the font in one bound document differ, then the
// font's name.
func (m *metrics) family() string {
	rs := make([]rune, 0, len(m.used))
	for r := range m.used {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	sum := sha256.Sum256([]byte(string(rs)))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + m.name
}

// missingRunes lists the characters without a glyph, in order.
func (m *metrics) missingRunes() []rune {
	out := make([]rune, 0, len(m.missing))
	for r := range m.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
