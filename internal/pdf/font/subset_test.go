package font

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/mkspace/mkspace/templates"
)

// outline is a glyph's outline as x/image/font/sfnt reads it (composite
// glyphs resolved).
func outline(t *testing.T, f *sfnt.Font, g int) sfnt.Segments {
	t.Helper()
	var b sfnt.Buffer
	segs, err := f.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.I(1000), nil)
	require.NoError(t, err, "glyph %d", g)
	return append(sfnt.Segments(nil), segs...)
}

// A subset holds the glyphs asked for (composite ones with their parts)
// with the outlines and advances of the full font, under the same glyph
// numbers; the others are empty, and the font ends after the last glyph
// used. Another reader (x/image/font/sfnt) reads it, and the checksums
// are right.
func TestSubset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		data  []byte
		text  string
		other rune // a character of the font not in text, below its last glyph
	}{
		{"shipped CJK font", templates.Font, "版本号：MK-2XK1 第页共", '中'},
		{"Go Regular", goregular.TTF, "éÅñ9", 'A'},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			set, err := Parse(tc.data)
			require.NoError(t, err)
			f := &Font{data: tc.data, set: set}
			full, err := sfnt.Parse(tc.data)
			require.NoError(t, err)
			var gids []uint16
			last := 0
			for _, r := range tc.text {
				g, ok := f.Glyph(r)
				require.True(t, ok, "%c", r)
				gids = append(gids, uint16(g))
				last = max(last, int(g))
			}
			data, err := f.Subset(gids)
			require.NoError(t, err)
			assert.Less(t, len(data), len(tc.data))
			sub, err := sfnt.Parse(data)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, sub.NumGlyphs(), last+1, "up to the last glyph used or a part of one")
			assert.LessOrEqual(t, sub.NumGlyphs(), full.NumGlyphs())

			var b sfnt.Buffer
			for _, g := range append(gids, 0) {
				assert.Equal(t, outline(t, full, int(g)), outline(t, sub, int(g)), "glyph %d", g)
				a1, err := full.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.I(1000), 0)
				require.NoError(t, err)
				a2, err := sub.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.I(1000), 0)
				require.NoError(t, err)
				assert.Equal(t, a1, a2, "advance of glyph %d", g)
			}
			other, ok := f.Glyph(tc.other)
			require.True(t, ok)
			require.Less(t, int(other), last, "the other character lies inside the subset's range")
			assert.NotEmpty(t, outline(t, full, int(other)))
			assert.Empty(t, outline(t, sub, int(other)), "a glyph not used is empty")

			// Every table's checksum, and the whole file's (head's
			// checkSumAdjustment).
			n := int(binary.BigEndian.Uint16(data[4:]))
			for i := range n {
				rec := data[12+16*i:]
				off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
				tbl := data[off : off+length]
				if string(rec[:4]) == "head" {
					tbl = append([]byte(nil), tbl...)
					binary.BigEndian.PutUint32(tbl[8:], 0)
				}
				assert.Equal(t, binary.BigEndian.Uint32(rec[4:]), checksum(tbl), "checksum of %s", rec[:4])
			}
			assert.Equal(t, uint32(0xB1B0AFBA), checksum(data))
		})
	}
}

// firstComposite is the first CJK ideograph the shipped font draws with a
// composite glyph, and the glyph's parts.
func firstComposite(t *testing.T) (rune, []int) {
	t.Helper()
	f := Shipped()
	s, err := readFontFile(f.data)
	require.NoError(t, err)
	for r := rune(0x4E00); r < 0x9FFF; r++ {
		if g, ok := f.Glyph(r); ok {
			if parts := components(s.glyph(int(g))); len(parts) > 0 {
				return r, parts
			}
		}
	}
	t.Fatal("no composite glyph")
	return 0, nil
}

// Composite glyphs keep their parts (most of the shipped font's
// ideographs are composite).
func TestSubsetKeepsComponents(t *testing.T) {
	t.Parallel()
	f := Shipped()
	r, parts := firstComposite(t)
	g, _ := f.Glyph(r)
	s, err := readFontFile(f.data)
	require.NoError(t, err)
	data, err := f.Subset([]uint16{uint16(g)})
	require.NoError(t, err)
	sub, err := readFontFile(data)
	require.NoError(t, err)
	for _, p := range parts {
		assert.NotEmpty(t, sub.glyph(p))
		assert.Equal(t, s.glyph(p), sub.glyph(p), "part %d of %c", p, r)
	}
	full, err := sfnt.Parse(f.data)
	require.NoError(t, err)
	other, err := sfnt.Parse(data)
	require.NoError(t, err)
	assert.Equal(t, outline(t, full, int(g)), outline(t, other, int(g)))
}

func TestSubsetRefusesOtherData(t *testing.T) {
	t.Parallel()
	for _, data := range [][]byte{nil, header("OTTO"), []byte("not a font at all, but long enough")} {
		_, err := (&Font{data: data}).Subset([]uint16{1})
		assert.ErrorIs(t, err, ErrNotTrueType)
	}
}

// The descriptor of the shipped font: its PostScript name and metrics in
// thousandths of an em.
func TestDescribe(t *testing.T) {
	t.Parallel()
	d, err := Shipped().Describe()
	require.NoError(t, err)
	assert.Equal(t, "WenQuanYiMicroHei", d.PostScriptName)
	assert.Equal(t, [4]int{-558, -271, 1169, 1056}, d.BBox)
	assert.Positive(t, d.Ascent)
	assert.Negative(t, d.Descent)
	assert.Positive(t, d.CapHeight)

	g := &Font{data: goregular.TTF}
	d, err = g.Describe()
	require.NoError(t, err)
	assert.Equal(t, "GoRegular", d.PostScriptName)
}
