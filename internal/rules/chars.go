package rules

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// checkChars looks at the characters of cell i once it is parsed:
//
//   - a control character (C0 but tab, line feed and carriage return; DEL;
//     C1) makes the cell CELL-CONTROL-CHAR, an error that replaces whatever
//     else the parse found (the character is the cause: 是 followed by an
//     unseen BEL is not a wrong option). The cell counts as unreadable for
//     the other rules of its row. A carriage return is no finding: it is
//     the line break of text pasted from Windows programs, and the 申报书
//     prints it as one.
//   - a character that the fonts of the 申报书 (pdf.font, else the shipped
//     font) cannot print is CELL-GLYPH-MISSING, a warning, for every cell
//     that reads and whose text the 申报书 prints (text, option and
//     attachment columns).
func (tr *tableRun) checkChars(i int, c workbook.Cell, v cell.Value, p *cell.Problem) (cell.Value, *cell.Problem) {
	text := cell.TrimText(c.Value)
	if strings.IndexFunc(text, controlChar) >= 0 {
		return cell.Value{Text: text}, &cell.Problem{Rule: finding.CellControlChar}
	}
	if p != nil || v.Empty {
		return v, p
	}
	switch tr.sheet.Columns[i].Type {
	case schema.Text, schema.Enum, schema.Attachment:
	default:
		return v, p
	}
	chain := tr.ck.fonts()
	if chain == nil {
		return v, p
	}
	missing := chain.Missing(v.Text)
	if len(missing) == 0 {
		return v, p
	}
	// One finding per kind of advice: rare ideographs (configure a font),
	// emoji (remove them), anything else (another font).
	byKind := map[string][]rune{}
	for _, r := range missing {
		k := glyphKind(r)
		byKind[k] = append(byKind[k], r)
	}
	for _, k := range []string{"ext", "emoji", ""} {
		if rs := byKind[k]; len(rs) > 0 {
			tr.emit(finding.CellGlyphMissing, k, i, c, v.Text,
				"glyphs", glyphList(tr.ck.lang, rs), "fonts", fontNames(tr.ck.lang, chain))
		}
	}
	return v, p
}

// controlChar reports a character no cell should hold.
func controlChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F
}

// controlChars lists the distinct control characters of s (escaped when
// the message is rendered).
func controlChars(l msg.Lang, s string) string {
	var out []string
	for _, r := range s {
		if controlChar(r) && !contains(out, string(r)) {
			out = append(out, string(r))
		}
	}
	return strings.Join(out, l.Pick("、", ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fonts returns the chain of fonts the 申报书 uses, read once per run; nil
// when a configured font cannot be read (build-pdf says why).
func (ck *checker) fonts() font.Chain {
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
