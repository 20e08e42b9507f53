package font

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
)

// Subsetting: the stamp of every page embeds the glyphs it uses straight
// from the font file held in memory. Reading the table directory and the
// glyphs used costs well under a millisecond even for the 4.6 MB shipped
// font; nothing is parsed that the subset does not need.

// subsetTables are the tables a font embedded for a CIDFontType2 needs
// (PDF 32000 §9.9: glyf, head, hhea, hmtx, loca, maxp, and the hinting
// programs cvt, fpgm and prep when present), with OS/2 and name, which
// readers may consult. Layout and vertical metrics tables are left out,
// post keeps no glyph names and the character map is empty: the PDF maps codes
// to glyphs itself (CIDToGIDMap /Identity) and carries the widths (W).
var subsetTables = []string{"OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "prep"}

// ErrNotTrueType: the font has no TrueType outlines to subset.
var ErrNotTrueType = errors.New("no TrueType outlines (glyf, loca, head, hhea, hmtx, maxp)")

// fontFile is a font file's table directory.
type fontFile struct {
	data   []byte
	tables map[string][]byte
}

func readFontFile(data []byte) (*fontFile, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, ErrNotTrueType
	}
	n := int(be.Uint16(data[4:]))
	s := &fontFile{data: data, tables: map[string][]byte{}}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, ErrNotTrueType
		}
		off, length := uint64(be.Uint32(data[rec+8:])), uint64(be.Uint32(data[rec+12:]))
		if off+length > uint64(len(data)) {
			return nil, ErrNotTrueType
		}
		s.tables[string(data[rec:rec+4])] = data[off : off+length]
	}
	for _, t := range []string{"glyf", "loca", "head", "hhea", "hmtx", "maxp"} {
		if _, ok := s.tables[t]; !ok {
			return nil, ErrNotTrueType
		}
	}
	if len(s.tables["head"]) < 54 || len(s.tables["hhea"]) < 36 || len(s.tables["maxp"]) < 6 {
		return nil, ErrNotTrueType
	}
	return s, nil
}

func (s *fontFile) numGlyphs() int { return int(binary.BigEndian.Uint16(s.tables["maxp"][4:])) }

// glyph returns the outline of glyph g (nil when it has none).
func (s *fontFile) glyph(g int) []byte {
	be := binary.BigEndian
	loca, glyf := s.tables["loca"], s.tables["glyf"]
	if g < 0 || g >= s.numGlyphs() {
		return nil
	}
	var from, to uint64
	if int16(be.Uint16(s.tables["head"][50:])) == 0 {
		if 2*g+4 > len(loca) {
			return nil
		}
		from, to = 2*uint64(be.Uint16(loca[2*g:])), 2*uint64(be.Uint16(loca[2*g+2:]))
	} else {
		if 4*g+8 > len(loca) {
			return nil
		}
		from, to = uint64(be.Uint32(loca[4*g:])), uint64(be.Uint32(loca[4*g+4:]))
	}
	if from >= to || to > uint64(len(glyf)) {
		return nil
	}
	return glyf[from:to]
}

// components lists the glyphs a composite glyph is made of.
func components(g []byte) []int {
	be := binary.BigEndian
	if len(g) < 10 || int16(be.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	for at := 10; at+4 <= len(g); {
		flags := be.Uint16(g[at:])
		out = append(out, int(be.Uint16(g[at+2:])))
		at += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			at += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			at += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			at += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// Subset returns a TrueType font holding the outlines of the glyphs gids
// (with .notdef and the parts of composite glyphs) and no others, for
// embedding in a PDF. Glyphs keep their numbers, so text encoded with the
// full font's glyph ids shows with the subset; the font ends after the
// highest glyph used. Only TrueType (glyf) fonts can be subset.
func (f *Font) Subset(gids []uint16) ([]byte, error) {
	s, err := readFontFile(f.data)
	if err != nil {
		return nil, err
	}
	return s.subset(gids)
}

func (s *fontFile) subset(gids []uint16) (out []byte, err error) {
	be := binary.BigEndian
	n := s.numGlyphs()
	if n == 0 {
		return nil, ErrNotTrueType
	}
	used := map[int]bool{0: true}
	todo := []int{0}
	for _, g := range gids {
		if int(g) < n && !used[int(g)] {
			used[int(g)] = true
			todo = append(todo, int(g))
		}
	}
	for len(todo) > 0 { // composite glyphs, to any depth
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, c := range components(s.glyph(g)) {
			if c < n && !used[c] {
				used[c] = true
				todo = append(todo, c)
			}
		}
	}
	count := 0
	for g := range used {
		count = max(count, g+1)
	}

	// glyf and loca (long offsets), the unused glyphs empty.
	var glyf []byte
	loca := make([]byte, 4*(count+1))
	for g := range count {
		be.PutUint32(loca[4*g:], uint32(len(glyf)))
		if used[g] {
			glyf = append(glyf, s.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	be.PutUint32(loca[4*count:], uint32(len(glyf)))
	if len(glyf) > math.MaxUint32 {
		return nil, ErrNotTrueType
	}

	// hmtx: one full metric per glyph kept.
	hhea, hmtx := s.tables["hhea"], s.tables["hmtx"]
	nh := int(be.Uint16(hhea[34:]))
	if nh == 0 || 4*nh > len(hmtx) {
		return nil, ErrNotTrueType
	}
	metrics := make([]byte, 4*count)
	for g := range count {
		adv := be.Uint16(hmtx[4*min(g, nh-1):])
		var lsb uint16
		if g < nh {
			lsb = be.Uint16(hmtx[4*g+2:])
		} else if at := 4*nh + 2*(g-nh); at+2 <= len(hmtx) {
			lsb = be.Uint16(hmtx[at:])
		}
		be.PutUint16(metrics[4*g:], adv)
		be.PutUint16(metrics[4*g+2:], lsb)
	}

	tables := map[string][]byte{"glyf": glyf, "loca": loca, "hmtx": metrics}
	head := slices.Clone(s.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1) // indexToLocFormat: long
	tables["head"] = head
	hhea = slices.Clone(hhea)
	be.PutUint16(hhea[34:], uint16(count))
	tables["hhea"] = hhea
	maxp := slices.Clone(s.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(count))
	tables["maxp"] = maxp
	tables["cmap"] = emptyCmap
	if post := s.tables["post"]; len(post) >= 32 { // without glyph names
		post = slices.Clone(post[:32])
		be.PutUint32(post, 0x00030000)
		tables["post"] = post
	}
	for _, t := range subsetTables {
		if _, ok := tables[t]; !ok {
			if d, ok := s.tables[t]; ok {
				tables[t] = d
			}
		}
	}
	return writeFontFile(tables), nil
}

// emptyCmap is a character map that maps no character (one format 4
// subtable with only its closing segment): the PDF maps codes to glyphs,
// but some readers refuse a font without a cmap table.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows Unicode BMP, at 12
	0, 4, 0, 24, 0, 0, // format 4, length, language
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2, searchRange, entrySelector, rangeShift
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta, idRangeOffset
}

// writeFontFile writes a TrueType font of tables, with the directory, the
// tables' checksums and the head table's checkSumAdjustment.
func writeFontFile(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, d := range tables {
		tags = append(tags, t)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	be.PutUint32(out, 0x00010000)
	n := len(tags)
	entry := 1
	for entry*2 <= n {
		entry *= 2
	}
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*entry))
	be.PutUint16(out[8:], uint16(bitsLen(entry)-1))
	be.PutUint16(out[10:], uint16(16*n-16*entry))
	headAt := -1
	for i, t := range tags {
		d := tables[t]
		rec := 12 + 16*i
		copy(out[rec:], t)
		be.PutUint32(out[rec+4:], checksum(d))
		be.PutUint32(out[rec+8:], uint32(len(out)))
		be.PutUint32(out[rec+12:], uint32(len(d)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func bitsLen(v int) int {
	n := 0
	for ; v > 0; v >>= 1 {
		n++
	}
	return n
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(d []byte) uint32 {
	var sum uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// Descriptor is what a PDF's font descriptor says of a font, in
// thousandths of an em.
type Descriptor struct {
	// PostScriptName is the font's name (name table, ID 6), with only
	// the characters a PDF name allows unescaped; "" when it has none.
	PostScriptName             string
	Ascent, Descent, CapHeight int
	BBox                       [4]int // xMin, yMin, xMax, yMax
	ItalicAngle                float64
	FixedPitch                 bool
}

// Describe reads the font's descriptor from its head, hhea, OS/2, post
// and name tables.
func (f *Font) Describe() (Descriptor, error) {
	s, err := readFontFile(f.data)
	if err != nil {
		return Descriptor{}, err
	}
	be := binary.BigEndian
	head, hhea := s.tables["head"], s.tables["hhea"]
	upem := int(be.Uint16(head[18:]))
	if upem == 0 {
		return Descriptor{}, ErrNotTrueType
	}
	em := func(v int16) int { return int(math.Round(float64(v) * 1000 / float64(upem))) }
	var d Descriptor
	d.BBox = [4]int{em(int16(be.Uint16(head[36:]))), em(int16(be.Uint16(head[38:]))),
		em(int16(be.Uint16(head[40:]))), em(int16(be.Uint16(head[42:])))}
	d.Ascent, d.Descent = em(int16(be.Uint16(hhea[4:]))), em(int16(be.Uint16(hhea[6:])))
	d.CapHeight = d.Ascent
	if os2 := s.tables["OS/2"]; len(os2) >= 90 && be.Uint16(os2) >= 2 {
		d.CapHeight = em(int16(be.Uint16(os2[88:])))
	}
	if post := s.tables["post"]; len(post) >= 16 {
		d.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		d.FixedPitch = be.Uint32(post[12:]) != 0
	}
	d.PostScriptName = postScriptName(s.tables["name"])
	return d, nil
}

// postScriptName reads name ID 6 of the name table.
func postScriptName(t []byte) string {
	be := binary.BigEndian
	if len(t) < 6 {
		return ""
	}
	count, strings0 := int(be.Uint16(t[2:])), int(be.Uint16(t[4:]))
	for i := range count {
		rec := 6 + 12*i
		if rec+12 > len(t) {
			break
		}
		pid, eid, id := be.Uint16(t[rec:]), be.Uint16(t[rec+2:]), be.Uint16(t[rec+6:])
		length, off := int(be.Uint16(t[rec+8:])), int(be.Uint16(t[rec+10:]))
		if id != 6 || strings0+off+length > len(t) {
			continue
		}
		raw := t[strings0+off : strings0+off+length]
		var name []rune
		switch {
		case pid == 3 && (eid == 1 || eid == 0) || pid == 0:
			for j := 0; j+1 < len(raw); j += 2 {
				name = append(name, rune(be.Uint16(raw[j:])))
			}
		case pid == 1 && eid == 0:
			for _, b := range raw {
				name = append(name, rune(b))
			}
		default:
			continue
		}
		if n := pdfName(string(name)); n != "" {
			return n
		}
	}
	return ""
}

// pdfName keeps the characters of s that a PDF name and a PostScript font
// name share: printable ASCII without delimiters, #, % and spaces.
func pdfName(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, s)
}
