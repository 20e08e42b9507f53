// Package glyph knows which characters the fonts of the 申报书 can print.
// It reads only a font's character map (the cmap table), so a coverage
// set costs a millisecond or two even for a 30 MB font, and keeps each
// set for the rest of the run.
//
// A character counts as covered exactly when the PDF writer (gopdf) finds
// a glyph for it: one of the Basic Multilingual Plane through the Windows
// Unicode BMP subtable (platform 3, encoding 1, format 4) with a glyph
// other than 0, one beyond it through the full-repertoire subtable
// (platform 3, encoding 10, format 12). A character that no font of the
// chain covers prints as a blank: validate warns (CELL-GLYPH-MISSING) and
// build-pdf refuses.
//
// pdf.font in the config names one font or a list, tried in order for
// each character (the 申报书 switches font within a line where needed);
// "builtin" (or "") in the list is the shipped WenQuanYi Micro Hei.
package glyph

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mkspace/mkspace/templates"
)

// Set is the characters one font covers.
type Set struct {
	bmp [0x10000 / 64]uint64
	hi  []span // beyond the BMP, sorted
}

type span struct{ lo, hi rune }

// Has reports whether the font has a glyph for r.
func (s *Set) Has(r rune) bool {
	if r < 0 {
		return false
	}
	if r < 0x10000 {
		return s.bmp[r>>6]&(1<<(r&63)) != 0
	}
	i, _ := slices.BinarySearchFunc(s.hi, r, func(sp span, r rune) int {
		switch {
		case sp.hi < r:
			return -1
		case sp.lo > r:
			return 1
		}
		return 0
	})
	return i < len(s.hi) && s.hi[i].lo <= r && r <= s.hi[i].hi
}

func (s *Set) add(r rune) { s.bmp[r>>6] |= 1 << (r & 63) }

// ErrNoCmap: the data is not a TrueType font with a Unicode character map.
var ErrNoCmap = errors.New("no Unicode character map (cmap 3/1 format 4)")

// Parse reads the character map of a TrueType font.
func Parse(data []byte) (*Set, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, ErrNoCmap
	}
	n := int(be.Uint16(data[4:]))
	var cmap []byte
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, ErrNoCmap
		}
		if string(data[rec:rec+4]) != "cmap" {
			continue
		}
		off, length := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || length < 4 || off > len(data) || length > len(data)-off {
			return nil, ErrNoCmap
		}
		cmap = data[off : off+length]
	}
	if cmap == nil {
		return nil, ErrNoCmap
	}
	// The subtables as gopdf picks them: the last 3/1, the first 3/10.
	var sub31, sub310 []byte
	tables := int(be.Uint16(cmap[2:]))
	for i := 0; i < tables; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		pid, eid, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if off < 0 || off >= len(cmap) {
			continue
		}
		switch {
		case pid == 3 && eid == 1:
			sub31 = cmap[off:]
		case pid == 3 && eid == 10 && sub310 == nil:
			sub310 = cmap[off:]
		}
	}
	s := &Set{}
	if sub31 == nil || !s.format4(sub31) {
		return nil, ErrNoCmap
	}
	s.format12(sub310)
	return s, nil
}

// format4 reads a segment-mapping subtable.
func (s *Set) format4(t []byte) bool {
	be := binary.BigEndian
	if len(t) < 14 || be.Uint16(t) != 4 {
		return false
	}
	segs := int(be.Uint16(t[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if offsets+2*segs > len(t) {
		return false
	}
	for i := 0; i < segs; i++ {
		end := int(be.Uint16(t[ends+2*i:]))
		start := int(be.Uint16(t[starts+2*i:]))
		delta := int(be.Uint16(t[deltas+2*i:]))
		ro := int(be.Uint16(t[offsets+2*i:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			var gid int
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				at := offsets + 2*i + ro + 2*(c-start)
				if at+2 > len(t) {
					break
				}
				if gid = int(be.Uint16(t[at:])); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				s.add(rune(c))
			}
		}
	}
	return true
}

// format12 reads a segmented-coverage subtable: its groups beyond the BMP.
func (s *Set) format12(t []byte) {
	be := binary.BigEndian
	if len(t) < 16 || be.Uint16(t) != 12 {
		return
	}
	n := int(be.Uint32(t[12:]))
	for i := 0; i < n; i++ {
		at := 16 + 12*i
		if at+12 > len(t) {
			break
		}
		lo, hi := rune(be.Uint32(t[at:])), rune(be.Uint32(t[at+4:]))
		if hi < 0x10000 || lo > hi || hi > 0x10FFFF {
			continue
		}
		s.hi = append(s.hi, span{max(lo, 0x10000), hi})
	}
	slices.SortFunc(s.hi, func(a, b span) int { return int(a.lo - b.lo) })
}

// Builtin names the shipped font in a pdf.font list.
const Builtin = "builtin"

// Font is one font of a chain.
type Font struct {
	Path string // "" for the shipped font
	Set  *Set
}

// Name is how messages name the font: its file name, or the shipped
// font's name.
func (f Font) Name() string {
	if f.Path == "" {
		return "WenQuanYi Micro Hei (文泉驿微米黑)"
	}
	return filepath.Base(f.Path)
}

// Chain is the fonts of pdf.font, in order.
type Chain []Font

// Index is the first font of the chain that has r, or -1.
func (c Chain) Index(r rune) int {
	for i, f := range c {
		if f.Set.Has(r) {
			return i
		}
	}
	return -1
}

// Missing lists the characters of text that the chain cannot print, each
// once, in order of appearance. Characters the 申报书 does not print
// (control characters, zero-width spaces and joiners, byte order marks,
// see Printed) and the space are not looked up.
func (c Chain) Missing(text string) []rune {
	if len(c) == 0 {
		return nil
	}
	var out []rune
	first := &c[0].Set.bmp
	for _, r := range text {
		if r < 0x10000 && first[r>>6]&(1<<(r&63)) != 0 {
			continue // the common case: the first font has it
		}
		if r == ' ' || !Printed(r) || c.Index(r) >= 0 || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Printed reports whether the 申报书 prints r as a character. It mirrors
// the document's cleaning of cell text: line breaks and other control
// characters become breaks or spaces, and the invisible format
// characters (U+200B–U+200F, U+2028, U+2029, U+2060, U+FEFF) are dropped.
func Printed(r rune) bool {
	return !(r < 0x20 || r >= 0x7F && r < 0xA0 || r >= 0x200B && r <= 0x200F ||
		r == 0x2028 || r == 0x2029 || r == 0x2060 || r == 0xFEFF)
}

// Paths resolves pdf.font against the package folder dir: "" or
// "builtin" is the shipped font (returned as ""), a relative path is taken
// from dir. No entry gives the shipped font alone.
func Paths(dir string, configured []string) []string {
	if len(configured) == 0 {
		return []string{""}
	}
	out := make([]string, 0, len(configured))
	for _, p := range configured {
		p = strings.TrimSpace(p)
		switch {
		case p == "" || strings.EqualFold(p, Builtin):
			out = append(out, "")
		case filepath.IsAbs(p):
			out = append(out, p)
		default:
			out = append(out, filepath.Join(dir, p))
		}
	}
	return out
}

// Load returns the chain of the fonts at paths ("" is the shipped font).
// Each file's set is read once per run (and again only when the file
// changes). A file that cannot be read or holds no character map is an
// error: build-pdf reports it (with more detail) when it loads the font.
func Load(paths []string) (Chain, error) {
	c := make(Chain, 0, len(paths))
	for _, p := range paths {
		s, err := load(p)
		if err != nil {
			return nil, err
		}
		c = append(c, Font{Path: p, Set: s})
	}
	return c, nil
}

var (
	builtinOnce sync.Once
	builtinSet  *Set
	builtinErr  error

	cacheMu sync.Mutex
	cache   = map[string]cached{}
)

type cached struct {
	size int64
	mod  time.Time
	set  *Set
}

func load(path string) (*Set, error) {
	if path == "" {
		builtinOnce.Do(func() { builtinSet, builtinErr = Parse(templates.Font) })
		return builtinSet, builtinErr
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	key, _ := filepath.Abs(path)
	cacheMu.Lock()
	c, ok := cache[key]
	cacheMu.Unlock()
	if ok && c.size == st.Size() && c.mod.Equal(st.ModTime()) {
		return c.set, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := Parse(data)
	if err != nil {
		return nil, err
	}
	cacheMu.Lock()
	cache[key] = cached{size: st.Size(), mod: st.ModTime(), set: s}
	cacheMu.Unlock()
	return s, nil
}
