package rules

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// CELL-GLYPH-MISSING: a character that the fonts of the 申报书 (pdf.font,
// else the shipped font) cannot print, a warning for every cell that reads
// and whose text the 申报书 prints (text, option and attachment columns) —
// also where a later rule finds the cell 不可填. One finding per kind of
// advice: rare ideographs (configure a font), emoji (remove them), anything
// else (another font).
var cellGlyphMissing = Rule{
	ID: finding.CellGlyphMissing, Severity: finding.Warning, Message: finding.CellGlyphMissing,
	Columns: func(_ *schema.Sheet, c *schema.Column) bool {
		return c.Type == schema.Text || c.Type == schema.Enum || c.Type == schema.Attachment
	},
	Cell: func(r *Rule, t *tableRun, i int) {
		if t.state(i) != rows.Valid || t.r.Problems[i] != nil {
			return
		}
		chain := t.ck.fonts()
		if chain == nil {
			return
		}
		text := t.val(i).Text
		missing := chain.Missing(text)
		if len(missing) == 0 {
			return
		}
		byKind := map[string][]rune{}
		for _, r := range missing {
			k := glyphKind(r)
			byKind[k] = append(byKind[k], r)
		}
		for _, k := range []string{"ext", "emoji", ""} {
			if rs := byKind[k]; len(rs) > 0 {
				t.emit(r, k, i, t.cellAt(i), text,
					"glyphs", glyphList(t.ck.lang, rs), "fonts", fontNames(t.ck.lang, chain))
			}
		}
	},
}

// fonts returns the chain of fonts the 申报书 uses, read once per run; nil
// when a configured font cannot be read (build-pdf says why).
func (ck *Checker) fonts() font.Chain {
	ck.fontsOnce.Do(func() {
		ck.chain, _ = font.Load(font.Paths(ck.dir, ck.cfg.Fonts))
	})
	return ck.chain
}

// glyphsState is the font chain of a checker, loaded on first use.
type glyphsState struct {
	fontsOnce sync.Once
	chain     font.Chain
}

// maxGlyphsListed bounds the characters one finding names.
const maxGlyphsListed = 5

// glyphList names the missing characters with their code points:
// "𠀀"（U+20000）、"𪚥"（U+2A6A5）.
func glyphList(l msg.Lang, rs []rune) string {
	var parts []string
	for _, r := range rs[:min(len(rs), maxGlyphsListed)] {
		parts = append(parts, l.T("rules.glyph", "char", string(r), "code", fmt.Sprintf("U+%04X", r)))
	}
	s := strings.Join(parts, l.Pick("、", ", "))
	if len(rs) > maxGlyphsListed {
		s += l.T("rules.glyph-more", "n", fmt.Sprint(len(rs)))
	}
	return s
}

func fontNames(l msg.Lang, c font.Chain) string {
	names := make([]string, len(c))
	for i, f := range c {
		names[i] = f.Name()
	}
	return strings.Join(names, l.Pick("、", ", "))
}

// glyphKind chooses the advice for a character: emoji and symbols are in
// no CJK font (remove them); the rare ideographs of the CJK extensions
// (and the compatibility ideographs) are in fonts that cover them
// (configure one); anything else: another font.
func glyphKind(r rune) string {
	switch {
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x3FFFF, r >= 0xF900 && r <= 0xFAFF:
		return "ext"
	case isEmoji(r):
		return "emoji"
	}
	return ""
}

func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0E || r == 0xFE0F ||
		r >= 0x1F1E6 && r <= 0x1F1FF || unicode.Is(unicode.So, r) && r >= 0x2000
}
