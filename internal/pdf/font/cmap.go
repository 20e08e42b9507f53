package font

import (
	"encoding/binary"
	"errors"
	"slices"
)

// Set is the characters one font covers: exactly those the PDF writer
// (gopdf) finds a glyph for. One of the Basic Multilingual Plane is
// covered through the Windows Unicode BMP subtable of the character map
// (platform 3, encoding 1, format 4) with a glyph other than 0, one beyond
// it through the full-repertoire subtable (platform 3, encoding 10, format
// 12). Reading only the character map, a set costs a millisecond or two
// even for a 30 MB font.
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
