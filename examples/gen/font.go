package main

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/image/font/sfnt"

	"github.com/mkspace/mkspace/templates"
)

// fontKit makes copies of the shipped font that embed small. gopdf embeds
// the outlines of the used glyphs only, but the metrics table of every glyph
// (196 KB for this CJK font) and the hinting programs whole. The copy for a
// document
//   - zeroes the horizontal metrics (hmtx) of every glyph that the document
//     does not need, directly or as a component of a composite glyph: the
//     widths a viewer uses come from the font dictionary's /W array, which
//     gopdf computes from the metrics of the used glyphs;
//   - drops the hinting: the font programs (fpgm, prep), the control values
//     (cvt) and the instructions of the few hinted (Latin) glyphs become
//     zero bytes, i.e. SVTCA, an instruction with no effect on outlines.
//
// Every table keeps its length and place, so nothing else moves; the zeroes
// compress to almost nothing, and a one-page attachment shrinks from ~48 KB
// to ~9 KB. The pages look the same (gen_test.go renders both and compares).
type fontKit struct {
	sf   *sfnt.Font
	orig []byte // the shipped font
	base []byte // hinting stripped, every metric zero
	t    *ttf   // tables of base
}

func newFontKit() (*fontKit, error) {
	src := templates.Font
	sf, err := sfnt.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	base := append([]byte(nil), src...)
	t, err := readTables(base)
	if err != nil {
		return nil, err
	}
	hmtx := t.dir["hmtx"]
	clear(base[hmtx[0] : hmtx[0]+4*t.metrics+2*(t.glyphs-t.metrics)])
	for _, tag := range []string{"fpgm", "prep", "cvt "} {
		if d, ok := t.dir[tag]; ok {
			clear(base[d[0] : d[0]+d[1]])
		}
	}
	for g := 0; g < t.glyphs; g++ {
		if err := t.stripInstructions(g); err != nil {
			return nil, err
		}
	}
	return &fontKit{sf: sf, orig: src, base: base, t: t}, nil
}

// forRunes returns a copy of the font with the metrics of the glyphs of used
// (and of their components) restored.
func (k *fontKit) forRunes(used map[rune]bool) ([]byte, error) {
	keep := map[int]bool{}
	var todo []int
	mark := func(g int) {
		if !keep[g] {
			keep[g] = true
			todo = append(todo, g)
		}
	}
	mark(0)
	var buf sfnt.Buffer
	for r := range used {
		gid, err := k.sf.GlyphIndex(&buf, r)
		if err != nil {
			return nil, err
		}
		mark(int(gid))
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		comps, _, err := k.t.composite(g)
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			mark(c)
		}
	}
	out := append([]byte(nil), k.base...)
	hmtx, m := k.t.dir["hmtx"][0], k.t.metrics
	for g := range keep {
		if g < m {
			copy(out[hmtx+4*g:hmtx+4*g+4], k.orig[hmtx+4*g:])
		} else {
			at := hmtx + 4*m + 2*(g-m)
			copy(out[at:at+2], k.orig[at:])
		}
	}
	return out, nil
}

// ttf gives access to the tables of a TrueType font held in memory.
type ttf struct {
	font            []byte
	dir             map[string][2]int // tag → offset, length
	glyphs, metrics int
	longLoca        bool
}

func readTables(font []byte) (*ttf, error) {
	if len(font) < 12 {
		return nil, fmt.Errorf("font too short")
	}
	t := &ttf{font: font, dir: map[string][2]int{}}
	n := int(binary.BigEndian.Uint16(font[4:6]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i : 28+16*i]
		off, length := int(binary.BigEndian.Uint32(rec[8:12])), int(binary.BigEndian.Uint32(rec[12:16]))
		if off+length > len(font) {
			return nil, fmt.Errorf("font table %q overruns the file", rec[0:4])
		}
		t.dir[string(rec[0:4])] = [2]int{off, length}
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if t.dir[tag][1] == 0 {
			return nil, fmt.Errorf("font lacks table %s", tag)
		}
	}
	t.metrics = int(binary.BigEndian.Uint16(font[t.dir["hhea"][0]+34:]))
	t.glyphs = int(binary.BigEndian.Uint16(font[t.dir["maxp"][0]+4:]))
	t.longLoca = binary.BigEndian.Uint16(font[t.dir["head"][0]+50:]) == 1
	if 4*t.metrics+2*(t.glyphs-t.metrics) > t.dir["hmtx"][1] {
		return nil, fmt.Errorf("font hmtx shorter than its glyph count")
	}
	return t, nil
}

// glyph returns the outline data of glyph g (a slice of the font: changes
// write through).
func (t *ttf) glyph(g int) []byte {
	loca, glyf := t.dir["loca"][0], t.dir["glyf"]
	off := func(g int) int {
		if t.longLoca {
			return int(binary.BigEndian.Uint32(t.font[loca+4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(t.font[loca+2*g:]))
	}
	start, end := off(g), off(g+1)
	if end <= start || end > glyf[1] {
		return nil
	}
	return t.font[glyf[0]+start : glyf[0]+end]
}

// composite returns the components of glyph g (none for a simple glyph) and
// the offset of its instruction length (-1 when it has no instructions).
func (t *ttf) composite(g int) (comps []int, instrAt int, err error) {
	d := t.glyph(g)
	if len(d) < 10 {
		return nil, -1, nil
	}
	u16 := func(at int) int { return int(binary.BigEndian.Uint16(d[at:])) }
	if contours := int(int16(u16(0))); contours >= 0 {
		at := 10 + 2*contours
		if at+2 > len(d) {
			return nil, -1, fmt.Errorf("glyph %d: truncated", g)
		}
		return nil, at, nil
	}
	const argWords, scale, more, xyScale, twoByTwo, haveInstr = 0x1, 0x8, 0x20, 0x40, 0x80, 0x100
	at, flags, instr := 10, more, false
	for flags&more != 0 {
		if at+4 > len(d) {
			return nil, -1, fmt.Errorf("glyph %d: truncated component", g)
		}
		flags = u16(at)
		comps = append(comps, u16(at+2))
		instr = instr || flags&haveInstr != 0
		at += 4
		if flags&argWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&scale != 0:
			at += 2
		case flags&xyScale != 0:
			at += 4
		case flags&twoByTwo != 0:
			at += 8
		}
	}
	for _, c := range comps {
		if c >= t.glyphs {
			return nil, -1, fmt.Errorf("glyph %d: component %d out of range", g, c)
		}
	}
	if !instr || at+2 > len(d) {
		return comps, -1, nil
	}
	return comps, at, nil
}

// stripInstructions zeroes the instructions of glyph g in place.
func (t *ttf) stripInstructions(g int) error {
	_, at, err := t.composite(g)
	if err != nil || at < 0 {
		return err
	}
	d := t.glyph(g)
	n := int(binary.BigEndian.Uint16(d[at:]))
	if at+2+n > len(d) {
		return fmt.Errorf("glyph %d: instructions overrun", g)
	}
	clear(d[at+2 : at+2+n])
	return nil
}
