package bind

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// The stamp's font is embedded here, from the font file already in
// memory: a Type0 font (Identity-H) whose CIDFontType2 holds a subset of
// the glyphs the stamps use (font.Font.Subset), their widths and a
// ToUnicode map. Nothing is installed or written anywhere, and the font is
// not parsed beyond the tables the subset needs.

// stampFont returns the name of f in the PDF (its PostScript name, without
// the subset tag). release says the bind is done with it.
func stampFont(f *font.Font) (name string, release func(), err error) {
	d, err := f.Describe()
	if err != nil {
		return "", nil, err
	}
	name = d.PostScriptName
	if name == "" {
		name = "EmbeddedFont"
	}
	return name, func() {}, nil
}

// Cleanup is called by a program that binds when it is done (the command
// line calls it when a command ends): it forgets the documents Probe kept
// for a Bind (see probed). The stamp leaves nothing behind: its font is
// embedded from memory.
func Cleanup() { forgetProbed() }

// embedFont fills in the stamp's font dictionary (a Type0 font): the
// font, subset to the glyphs used, with their widths and a ToUnicode map
// of the characters they stand for.
func (s *stamper) embedFont() error {
	d, err := s.ctx.DereferenceDict(s.cjkRef)
	if err != nil || d == nil {
		return fmt.Errorf("font: %v", err)
	}
	f, used := s.font, s.used
	desc, err := f.Describe()
	if err != nil {
		return err
	}
	gids := make([]uint16, 0, len(used))
	for g := range used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	sub, err := f.Subset(gids)
	if err != nil {
		return err
	}
	base := subsetTag(gids) + "+" + s.cjk

	file, err := s.stream(types.Dict{"Length1": types.Integer(len(sub))}, sub, true)
	if err != nil {
		return err
	}
	// CIDSet: a bit per glyph kept (the most significant bit of the first
	// byte is glyph 0).
	last := 0
	if len(gids) > 0 {
		last = int(gids[len(gids)-1])
	}
	set := make([]byte, last/8+1)
	set[0] |= 0x80 // .notdef
	for _, g := range gids {
		set[g/8] |= 1 << (7 - g%8)
	}
	cidSet, err := s.stream(types.Dict{}, set, true)
	if err != nil {
		return err
	}
	descriptor, err := s.newObject(types.Dict{
		"Type":        types.Name("FontDescriptor"),
		"FontName":    types.Name(base),
		"Flags":       types.Integer(descriptorFlags(desc)),
		"FontBBox":    types.NewIntegerArray(desc.BBox[:]...),
		"ItalicAngle": types.Float(desc.ItalicAngle),
		"Ascent":      types.Integer(desc.Ascent),
		"Descent":     types.Integer(desc.Descent),
		"CapHeight":   types.Integer(desc.CapHeight),
		"StemV":       types.Integer(70), // not used with an embedded font
		"FontFile2":   file,
		"CIDSet":      cidSet,
	})
	if err != nil {
		return err
	}
	// W: runs of consecutive glyphs, each run with its widths.
	w := types.Array{}
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		ws := types.Array{}
		for _, g := range gids[i:j] {
			ws = append(ws, types.Integer(int(math.Round(f.Advance(uint(g))*1000))))
		}
		w = append(w, types.Integer(int(gids[i])), ws)
		i = j
	}
	widths, err := s.newObject(w)
	if err != nil {
		return err
	}
	cid, err := s.newObject(types.Dict{
		"Type":     types.Name("Font"),
		"Subtype":  types.Name("CIDFontType2"),
		"BaseFont": types.Name(base),
		"CIDSystemInfo": types.Dict{
			"Registry":   types.StringLiteral("Adobe"),
			"Ordering":   types.StringLiteral("Identity"),
			"Supplement": types.Integer(0),
		},
		"FontDescriptor": descriptor,
		"W":              widths,
		"CIDToGIDMap":    types.Name("Identity"),
	})
	if err != nil {
		return err
	}
	toUni, err := s.stream(types.Dict{}, toUnicode(used), false)
	if err != nil {
		return err
	}
	d["Type"] = types.Name("Font")
	d["Subtype"] = types.Name("Type0")
	d["BaseFont"] = types.Name(base)
	d["Encoding"] = types.Name("Identity-H")
	d["DescendantFonts"] = types.Array{cid}
	d["ToUnicode"] = toUni
	return nil
}

// descriptorFlags are the font descriptor's flags (PDF 32000 §9.8.2):
// FixedPitch, Nonsymbolic and Italic.
func descriptorFlags(d font.Descriptor) int {
	flags := 1 << 5 // Nonsymbolic
	if d.FixedPitch {
		flags |= 1
	}
	if d.ItalicAngle != 0 {
		flags |= 1 << 6
	}
	return flags
}

// subsetTag is the subset's tag of six capital letters (PDF 32000
// §9.6.4), derived from the glyphs it holds.
func subsetTag(gids []uint16) string {
	b := make([]byte, 2*len(gids))
	for i, g := range gids {
		binary.BigEndian.PutUint16(b[2*i:], g)
	}
	sum := sha256.Sum256(b)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// stream adds a stream, deflated when compress (the font file).
func (s *stamper) stream(d types.Dict, content []byte, compress bool) (types.IndirectRef, error) {
	if !compress {
		return s.newStream(d, content)
	}
	sd := types.StreamDict{Dict: d, Content: content, FilterPipeline: []types.PDFFilter{{Name: filter.Flate}}}
	sd.InsertName("Filter", filter.Flate)
	if err := sd.Encode(); err != nil {
		return types.IndirectRef{}, fmt.Errorf("font: %w", err)
	}
	return s.newObject(sd)
}
