package font

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Builtin names the shipped font in a pdf.font list.
const Builtin = "builtin"

// probe are the characters the first font of a chain must have: Chinese
// text, CJK punctuation, Latin letters and digits (some CJK fonts, e.g.
// Droid Sans Fallback, have no Latin glyphs and would print blanks). The
// others only fill in what it lacks: a fallback alone for the document's
// own texts would switch fonts everywhere.
const probe = "中文申报承诺书盖章，。：（）0123456789AZaz"

// Chain is the fonts of pdf.font, in order: each character is set in the
// first that has it.
type Chain []*Font

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

// Load returns the chain of the fonts at paths ("" is the shipped font),
// each file read once per run. It knows what each font covers; Check says
// whether the chain can set a document. A file that cannot be read or
// holds no character map is an *Error.
func Load(paths []string) (Chain, error) {
	c := make(Chain, 0, len(paths))
	for _, p := range paths {
		f, err := load(p)
		if err != nil {
			return nil, err
		}
		c = append(c, f)
	}
	return c, nil
}

// Open loads the fonts of pdf.font (the shipped font when none is named)
// for a document, checked (Check).
func Open(dir string, configured []string) (Chain, error) {
	c, err := Load(Paths(dir, configured))
	if err != nil {
		return nil, err
	}
	return c, c.Check()
}

// Check reports whether the chain can set a document: every font a
// TrueType font that the PDF writer can embed, the first with Chinese,
// Latin letters and digits. Its errors are *Error.
func (c Chain) Check() error {
	for _, f := range c {
		if err := f.check(); err != nil {
			return err
		}
	}
	if len(c) == 0 {
		return nil
	}
	if lacking := c[:1].Missing(probe); len(lacking) > 0 {
		e := newError("font.no-glyphs", c[0].Path, nil)
		e.Args = append(e.Args, "chars", string(lacking))
		return e
	}
	return nil
}

// Index is the first font of the chain that has r, or -1.
func (c Chain) Index(r rune) int {
	for i, f := range c {
		if f.set.Has(r) {
			return i
		}
	}
	return -1
}

// Missing lists the characters of text that the chain cannot print, each
// once, in order of appearance. Characters the PDF does not print (control
// characters, zero-width spaces and joiners, byte order marks, see
// Printed) and the space are not looked up.
func (c Chain) Missing(text string) []rune {
	if len(c) == 0 {
		return nil
	}
	var out []rune
	first := &c[0].set.bmp
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

// maxNamed is the number of characters MissingError names.
const maxNamed = 10

// MissingError names characters of a document that no font of the chain
// has (they would print as blanks).
func (c Chain) MissingError(missing []rune) *Error {
	names := make([]string, len(c))
	for i, f := range c {
		names[i] = f.Name()
	}
	var chars []string
	for _, r := range missing[:min(len(missing), maxNamed)] {
		chars = append(chars, fmt.Sprintf("%c (U+%04X)", r, r))
	}
	return &Error{Key: "font.glyphs-missing",
		Args: []string{"fonts", strings.Join(names, ", "), "glyphs", strings.Join(chars, ", ")}}
}

// Printed reports whether a PDF of mkspace prints r as a character. It
// mirrors the layout's cleaning of text: line breaks and other control
// characters become breaks or spaces, and the invisible format characters
// (U+200B–U+200F, U+2028, U+2029, U+2060, U+FEFF) are dropped.
func Printed(r rune) bool {
	return !(r < 0x20 || r >= 0x7F && r < 0xA0 || r >= 0x200B && r <= 0x200F ||
		r == 0x2028 || r == 0x2029 || r == 0x2060 || r == 0xFEFF)
}
