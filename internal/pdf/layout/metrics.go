package layout

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// metrics are the advances of the fonts' characters, read once from the
// fonts so that text can be measured and wrapped before anything is drawn.
// The first font (the face of index 0) sets everything it has; each
// character it lacks is set in the first fallback font that has it
// (Input.Fonts), so a line may switch fonts (see runs).
type metrics struct {
	faces   []*face
	bmp     []float32 // advance in em of each BMP character; -1 not yet known
	bmpFace []uint8   // the face of each BMP character, once its advance is known
	other   map[rune]float64
	oface   map[rune]uint8
	missing map[rune]bool
}

// face is one font of the metrics.
type face struct {
	*font.Font
	name string // the font's name in the PDF, without the subset tag
	used map[rune]bool
}

// loadMetrics sets up the measures of a chain of fonts, checked
// (font.Chain.Check); none means the shipped font.
func loadMetrics(fonts font.Chain) (*metrics, error) {
	if len(fonts) == 0 {
		fonts = font.Chain{font.Shipped()}
	}
	if len(fonts) > 255 {
		return nil, errors.New("too many fonts")
	}
	if err := fonts.Check(); err != nil {
		return nil, err
	}
	m := &metrics{
		bmp: make([]float32, 0x10000), bmpFace: make([]uint8, 0x10000),
		other: map[rune]float64{}, oface: map[rune]uint8{}, missing: map[rune]bool{},
	}
	for i, f := range fonts {
		name := "EmbeddedFont"
		if i > 0 {
			name = fmt.Sprintf("EmbeddedFont%d", i+1)
		}
		if f.Shipped() {
			name = "WenQuanYiMicroHei"
		}
		m.faces = append(m.faces, &face{Font: f, name: name, used: map[rune]bool{}})
	}
	for i := range m.bmp {
		m.bmp[i] = -1
	}
	return m, nil
}

// em is the advance of r in em, as the PDF writer computes it (in
// thousandths of an em, rounded down). A character no font has is
// printed as a space.
func (m *metrics) em(r rune) float64 {
	if r >= 0 && r < 0x10000 {
		if w := m.bmp[r]; w >= 0 {
			return float64(w)
		}
		fi, w := m.lookup(r)
		m.bmp[r], m.bmpFace[r] = float32(w), fi
		return w
	}
	if w, ok := m.other[r]; ok {
		return w
	}
	fi, w := m.lookup(r)
	m.other[r], m.oface[r] = w, fi
	return w
}

// faceOf is the face r is set in.
func (m *metrics) faceOf(r rune) uint8 {
	m.em(r)
	if r >= 0 && r < 0x10000 {
		return m.bmpFace[r]
	}
	return m.oface[r]
}

// lookup finds the face that has r and its advance; a character no face
// has is a space of the first face.
func (m *metrics) lookup(r rune) (uint8, float64) {
	for i, f := range m.faces {
		if g, ok := f.Glyph(r); ok {
			return uint8(i), f.Advance(g)
		}
	}
	if r != ' ' {
		m.missing[r] = true
		return m.lookup(' ')
	}
	return 0, 0.25
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

// use records the characters of s as printed (for the subset tags).
func (m *metrics) use(s string) {
	for _, r := range s {
		m.faces[m.faceOf(r)].used[r] = true
	}
}

// textRun is a stretch of a text set in one face.
type textRun struct {
	face uint8
	s    string
	em   float64 // its advance in em
	n    int     // its characters
}

// runs splits s into stretches of one face each; one run when the first
// face has every character.
func (m *metrics) runs(s string) []textRun {
	var out []textRun
	start := 0
	cur := textRun{}
	for i, r := range s {
		fi := m.faceOf(r)
		if i > start && fi != cur.face {
			cur.s = s[start:i]
			out = append(out, cur)
			start, cur = i, textRun{}
		}
		cur.face = fi
		cur.em += m.em(r)
		cur.n++
	}
	if start < len(s) {
		cur.s = s[start:]
		out = append(out, cur)
	}
	return out
}

// family is a face's name in the PDF: a subset tag of six capital letters
// derived from the characters used (PDF 32000 §9.6.4), so that two
// different subsets of the font in one bound document differ, then the
// font's name.
func (f *face) family() string {
	rs := make([]rune, 0, len(f.used))
	for r := range f.used {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	sum := sha256.Sum256([]byte(string(rs)))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag) + "+" + f.name
}

// family is the first font's name in the PDF (see face.family).
func (m *metrics) family() string { return m.faces[0].family() }

// missingRunes lists the characters without a glyph in any font, in order.
func (m *metrics) missingRunes() []rune {
	out := make([]rune, 0, len(m.missing))
	for r := range m.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
