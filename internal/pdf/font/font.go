// Package font holds the fonts of the PDFs mkspace writes: the shipped
// WenQuanYi Micro Hei, or the TrueType fonts that pdf.font names, tried in
// order for each character. Each font is read once per run, and this
// package answers for all of them the questions every part of the PDF
// asks: can the fonts print a character (Chain.Missing — validate's
// CELL-GLYPH-MISSING, the layout and the version stamp ask the same), in
// which font, with which glyph and how wide.
//
// A character that no font of the chain covers prints as a blank:
// validate warns (CELL-GLYPH-MISSING) and build-pdf refuses. pdf.font in
// the config names one font or a list; "builtin" (or "") in the list is
// the shipped font.
package font

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/signintech/gopdf/fontmaker/core"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/templates"
)

// Font is one font, read once per run (Load).
type Font struct {
	// Path is the font file; "" for the shipped font.
	Path    string
	data    []byte
	set     *Set
	kind    string // "" for a TrueType font, else the message key of what it is
	shipped bool   // the shipped font, or a copy of it

	once    sync.Once
	metrics *metrics
	err     error
}

// metrics are what the PDF writer needs of a font beyond its coverage:
// each character's glyph and each glyph's advance.
type metrics struct {
	chars  map[int]uint                     // glyphs of the BMP
	groups []core.CmapFormat12GroupingTable // glyphs beyond it
	widths []uint
	upem   uint
}

// Name is how messages name the font: its file name, or the shipped
// font's name.
func (f *Font) Name() string {
	if f.Path == "" {
		return "WenQuanYi Micro Hei (文泉驿微米黑)"
	}
	return filepath.Base(f.Path)
}

// Data is the font file, to embed.
func (f *Font) Data() []byte { return f.data }

// Shipped reports whether the font is the shipped one (or a copy of it).
func (f *Font) Shipped() bool { return f.shipped }

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool { return f.set.Has(r) }

// Glyph is the glyph of r, as the PDF writer finds it: in the BMP's
// character map, beyond it in the format 12 groups. ok is false when the
// font has none (or cannot be used: see Chain.Check).
func (f *Font) Glyph(r rune) (g uint, ok bool) {
	if !f.set.Has(r) {
		return 0, false
	}
	m, err := f.load()
	if err != nil {
		return 0, false
	}
	if r < 0x10000 {
		g, ok = m.chars[int(r)]
		return g, ok
	}
	for _, gt := range m.groups {
		if uint(r) >= gt.StartCharCode && uint(r) <= gt.EndCharCode {
			return uint(r) - gt.StartCharCode + gt.GlyphID, true
		}
	}
	return 0, false
}

// Advance is the advance of glyph g in em, as the PDF writer computes it
// (in thousandths of an em, rounded down).
func (f *Font) Advance(g uint) float64 {
	m, err := f.load()
	if err != nil {
		return 0
	}
	if n := uint(len(m.widths)); g >= n {
		g = n - 1
	}
	return float64(m.widths[g]*1000/m.upem) / 1000
}

// check reports whether the PDF writer can embed the font: a TrueType
// (glyf) font whose tables it can read.
func (f *Font) check() error {
	if f.kind != "" {
		return newError(f.kind, f.Path, nil)
	}
	_, err := f.load()
	return err
}

// load parses the tables the PDF writer needs, once.
func (f *Font) load() (*metrics, error) {
	f.once.Do(func() {
		// The parser may panic on damaged data.
		defer func() {
			if v := recover(); v != nil {
				f.metrics, f.err = nil, newError("font.damaged", f.Path, fmt.Errorf("%v", v))
			}
		}()
		var p core.TTFParser
		if err := p.ParseFontData(f.data); err != nil {
			f.err = newError("font.damaged", f.Path, err)
			return
		}
		if p.UnitsPerEm() == 0 || len(p.Widths()) == 0 || len(p.Chars()) == 0 {
			f.err = newError("font.damaged", f.Path, errors.New("no character widths or character map"))
			return
		}
		f.metrics = &metrics{chars: p.Chars(), groups: p.GroupingTables(), widths: p.Widths(), upem: p.UnitsPerEm()}
	})
	return f.metrics, f.err
}

// Shipped returns the shipped font.
func Shipped() *Font {
	f, _ := load("")
	return f
}

var (
	builtinOnce sync.Once
	builtin     *Font
	builtinErr  error

	cacheMu sync.Mutex
	cache   = map[string]cached{}
)

// cached is a font file read, with the size and time of the file it was
// read from: a file that changes is read again.
type cached struct {
	size int64
	mod  time.Time
	font *Font
}

// load reads the font at path ("" the shipped font), once per run (and
// again only when the file changes). Its coverage is known at once;
// whether it can be embedded is check's question (an OpenType/CFF font
// has a character map that validate can use, but cannot be embedded).
func load(path string) (*Font, error) {
	if path == "" {
		builtinOnce.Do(func() {
			builtin = &Font{data: templates.Font, shipped: true}
			builtin.set, builtinErr = Parse(templates.Font)
		})
		return builtin, builtinErr
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, newError("font.missing", path, err)
	case err != nil:
		return nil, newError("font.unreadable", path, err)
	}
	key, _ := filepath.Abs(path)
	cacheMu.Lock()
	c, ok := cache[key]
	cacheMu.Unlock()
	if ok && c.size == st.Size() && c.mod.Equal(st.ModTime()) {
		return c.font, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, newError("font.unreadable", path, err)
	}
	f := &Font{Path: path, data: data, kind: kindOf(data), shipped: bytes.Equal(data, templates.Font)}
	if f.set, err = Parse(data); err != nil {
		if f.kind != "" {
			return nil, newError(f.kind, path, nil)
		}
		return nil, newError("font.damaged", path, err)
	}
	cacheMu.Lock()
	cache[key] = cached{size: st.Size(), mod: st.ModTime(), font: f}
	cacheMu.Unlock()
	return f, nil
}

// kindOf returns "" for a TrueType (glyf) font, else the message key that
// says what the data is instead: TrueType collections (.ttc), CFF-based
// OpenType (.otf, e.g. Noto Sans CJK) and web fonts cannot be embedded.
func kindOf(data []byte) string {
	if len(data) < 12 {
		return "font.not-font"
	}
	switch tag := data[:4]; {
	case bytes.Equal(tag, []byte{0, 1, 0, 0}):
		return ""
	case string(tag) == "ttcf":
		return "font.collection"
	case string(tag) == "OTTO":
		return "font.cff"
	case string(tag) == "wOFF", string(tag) == "wOF2":
		return "font.web"
	case string(tag) == "true", string(tag) == "typ1":
		return "font.mac"
	}
	return "font.not-font"
}

// Error is a font that cannot be used; Key is its message in the
// catalogue (font.*), Args the placeholders.
type Error struct {
	Key  string
	Args []string
	Err  error
}

func (e *Error) Error() string { return msg.ZH.T(e.Key, e.Args...) }
func (e *Error) Unwrap() error { return e.Err }

// Localized renders the error in l: a file the system refused with the
// refusal in plain words.
func (e *Error) Localized(l msg.Lang) string {
	args := slices.Clone(e.Args)
	for i := 1; i < len(args) && msg.IsOS(e.Err); i += 2 {
		if args[i-1] == "err" {
			args[i] = l.Cause(e.Err)
		}
	}
	return l.T(e.Key, args...)
}

func newError(key, file string, err error) *Error {
	reason := ""
	if err != nil {
		reason = err.Error()
	}
	return &Error{Key: key, Args: []string{"file", file, "err", reason}, Err: err}
}
