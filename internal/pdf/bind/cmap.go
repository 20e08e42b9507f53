package bind

import (
	"encoding/hex"
	"regexp"
	"strings"
	"unicode/utf16"
)

// cmap maps the 2-byte codes of a Type0 font to text.
type cmap map[uint16]string

var (
	cmapSection = regexp.MustCompile(`(?s)begin(bfchar|bfrange)(.*?)end(?:bfchar|bfrange)`)
	cmapToken   = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>|\[|\]`)
)

// maxRange bounds one bfrange (a code space of 2 bytes has 65,536 codes).
const maxRange = 1 << 16

// parseCMap reads the bfchar and bfrange entries of a ToUnicode CMap
// (PDF 32000 §9.10.3) with 2-byte source codes; entries of other widths
// are skipped.
func parseCMap(b []byte) cmap {
	m := cmap{}
	for _, sec := range cmapSection.FindAllSubmatch(b, -1) {
		toks := cmapToken.FindAllSubmatch(sec[2], -1)
		if string(sec[1]) == "bfchar" {
			for i := 0; i+1 < len(toks); i += 2 {
				code, ok := code16(toks[i])
				if !ok {
					continue
				}
				m[code] = utf16Text(toks[i+1])
			}
			continue
		}
		for i := 0; i+2 < len(toks); {
			lo, ok1 := code16(toks[i])
			hi, ok2 := code16(toks[i+1])
			if string(toks[i+2][0]) == "[" {
				j := i + 3
				for c := int(lo); j < len(toks) && string(toks[j][0]) != "]"; j++ {
					if ok1 && ok2 && c <= int(hi) {
						m[uint16(c)] = utf16Text(toks[j])
					}
					c++
				}
				i = j + 1
				continue
			}
			if ok1 && ok2 && hi >= lo && int(hi)-int(lo) < maxRange {
				dst := utf16Units(toks[i+2])
				for c := int(lo); c <= int(hi) && len(dst) > 0; c++ {
					m[uint16(c)] = string(utf16.Decode(dst))
					dst = append([]uint16(nil), dst...)
					dst[len(dst)-1]++
				}
			}
			i += 3
		}
	}
	return m
}

func hexBytes(tok [][]byte) []byte {
	if len(tok) < 2 || tok[1] == nil {
		return nil
	}
	s := strings.Join(strings.Fields(string(tok[1])), "")
	if len(s)%2 == 1 {
		s += "0"
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil
	}
	return b
}

func code16(tok [][]byte) (uint16, bool) {
	b := hexBytes(tok)
	if len(b) != 2 {
		return 0, false
	}
	return uint16(b[0])<<8 | uint16(b[1]), true
}

func utf16Units(tok [][]byte) []uint16 {
	b := hexBytes(tok)
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}

func utf16Text(tok [][]byte) string {
	return string(utf16.Decode(utf16Units(tok)))
}
