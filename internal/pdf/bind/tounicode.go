package bind

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// wideEntry is an entry of the ToUnicode map that gopdf writes for a
// character beyond the Basic Multilingual Plane: the code point in five or
// six hex digits (<0012><0012><2A6A5>), which readers take for two bytes
// and a half. PDF 32000 §9.10.3 wants UTF-16BE: a surrogate pair.
var wideEntry = regexp.MustCompile(`<([0-9A-Fa-f]{4})><([0-9A-Fa-f]{4})><([0-9A-Fa-f]{5,6})>`)

// fixToUnicode rewrites, in the ToUnicode maps of the body's Type0 fonts,
// the entries of characters beyond the BMP as UTF-16 surrogate pairs, so
// that pdftotext, search and copy and paste give back 𠀀 rather than
// another character. Only the body (set by mkspace) is touched, before the
// bound documents are merged in.
func fixToUnicode(ctx *model.Context) error {
	for nr, e := range ctx.Table {
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok || d.NameEntry("Subtype") == nil || *d.NameEntry("Subtype") != "Type0" {
			continue
		}
		ref, ok := d["ToUnicode"].(types.IndirectRef)
		if !ok {
			continue
		}
		sd, _, err := ctx.DereferenceStreamDict(ref)
		if err != nil || sd == nil {
			return fmt.Errorf("font %d: ToUnicode: %v", nr, err)
		}
		if err := sd.Decode(); err != nil {
			return fmt.Errorf("font %d: ToUnicode: %w", nr, err)
		}
		if !wideEntry.Match(sd.Content) {
			continue
		}
		fixed := wideEntry.ReplaceAllFunc(sd.Content, func(m []byte) []byte {
			g := wideEntry.FindSubmatch(m)
			cp, err := strconv.ParseUint(string(g[3]), 16, 32)
			if err != nil || cp > 0x10FFFF {
				return m
			}
			var b bytes.Buffer
			fmt.Fprintf(&b, "<%s><%s><", g[1], g[2])
			for _, u := range utf16.Encode([]rune{rune(cp)}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteByte('>')
			return b.Bytes()
		})
		out := types.StreamDict{Dict: sd.Dict.Clone().(types.Dict), Content: fixed,
			FilterPipeline: sd.FilterPipeline}
		if err := out.Encode(); err != nil {
			return fmt.Errorf("font %d: ToUnicode: %w", nr, err)
		}
		ctx.Table[ref.ObjectNumber.Value()].Object = out
	}
	return nil
}
