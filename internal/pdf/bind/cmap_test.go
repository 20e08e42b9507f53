package bind

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseCMap(t *testing.T) {
	t.Parallel()
	src := `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0003> <0020>
<0A1F> <7248>
<00FF> <D840DC3E>
endbfchar
2 beginbfrange
<0010> <0012> <0041>
<0020> <0021> [<00660066> <6708>]
endbfrange
1 beginbfchar
<01> <0042>
endbfchar
endcmap`
	m := parseCMap([]byte(src))
	assert.Equal(t, cmap{
		0x0003: " ",
		0x0A1F: "版",
		0x00FF: "\U0002003E",
		0x0010: "A", 0x0011: "B", 0x0012: "C",
		0x0020: "ff", 0x0021: "月",
	}, m, "a 1-byte code is skipped")
}

func TestToUnicodeRoundTrip(t *testing.T) {
	t.Parallel()
	used := map[uint16]rune{}
	for i, r := range "版本号：MK-0123 第页共草稿—不可用于申报\U0002003E" {
		used[uint16(100+i)] = r
	}
	for i := range 250 { // more than one block of 100
		used[uint16(1000+i)] = rune(0x4E00 + i)
	}
	got := parseCMap(toUnicode(used))
	assert.Len(t, got, len(used))
	for g, r := range used {
		assert.Equal(t, string(r), got[g], "glyph %d", g)
	}
}

func FuzzParseCMap(f *testing.F) {
	f.Add([]byte("1 beginbfchar\n<0001> <0041>\nendbfchar\n"))
	f.Add([]byte("1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange\n"))
	f.Add([]byte("1 beginbfrange\n<0000> <0002> [<0041> <0042>\nendbfrange\n"))
	f.Add(toUnicode(map[uint16]rune{1: '版', 2: 'M'}))
	f.Fuzz(func(t *testing.T, b []byte) {
		parseCMap(b) // must not panic or run away
	})
}

// InspectReader reads untrusted PDFs (verify): it returns an error, never
// panics.
func FuzzInspect(f *testing.F) {
	fx := getFixtures(f)
	var buf bytes.Buffer
	if _, err := Bind(Input{Body: fx.body, Version: NewVersion()}, &buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(fx.body)
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := InspectReader(bytes.NewReader(b))
		if err == nil {
			_ = info.Problems()
		}
	})
}
