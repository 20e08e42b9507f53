package render

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/templates"
)

// FontError is a font that cannot be used; Key is its message in the
// catalogue (render.font-*), Args the placeholders.
type FontError struct {
	Key  string
	Args []string
	Err  error
}

func (e *FontError) Error() string { return msg.ZH.T(e.Key, e.Args...) }
func (e *FontError) Unwrap() error { return e.Err }

// Localized renders the error in lang: a file the system refused with
// the refusal in plain words.
func (e *FontError) Localized(l msg.Lang) string {
	args := slices.Clone(e.Args)
	for i := 1; i < len(args) && msg.IsOS(e.Err); i += 2 {
		if args[i-1] == "err" {
			args[i] = l.Cause(e.Err)
		}
	}
	return l.T(e.Key, args...)
}

func fontErr(key, file string, err error) *FontError {
	reason := ""
	if err != nil {
		reason = err.Error()
	}
	return &FontError{Key: key, Args: []string{"file", file, "err", reason}, Err: err}
}

// FontPath resolves the configured pdf.font against the package folder: ""
// stays "" (the shipped font), a relative path is taken from dir.
func FontPath(dir, configured string) string {
	if configured == "" || filepath.IsAbs(configured) {
		return configured
	}
	return filepath.Join(dir, configured)
}

// FontData returns the bytes of the font to embed: the shipped font when
// path is "", else the file at path, checked to be a TrueType font that the
// PDF writer can embed. TrueType collections (.ttc), CFF-based OpenType
// (.otf, e.g. Noto Sans CJK) and web fonts are refused with an explanation.
func FontData(path string) ([]byte, error) {
	if path == "" {
		return templates.Font, nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fontErr("render.font-missing", path, err)
	case err != nil:
		return nil, fontErr("render.font-unreadable", path, err)
	}
	if key := fontKind(data); key != "" {
		return nil, fontErr(key, path, nil)
	}
	return data, nil
}

// fontKind returns "" for a TrueType (glyf) font, else the message key
// that explains what the data is instead.
func fontKind(data []byte) string {
	if len(data) < 12 {
		return "render.font-not-font"
	}
	switch tag := data[:4]; {
	case bytes.Equal(tag, []byte{0, 1, 0, 0}):
		return ""
	case string(tag) == "ttcf":
		return "render.font-collection"
	case string(tag) == "OTTO":
		return "render.font-cff"
	case string(tag) == "wOFF", string(tag) == "wOF2":
		return "render.font-web"
	case string(tag) == "true", string(tag) == "typ1":
		return "render.font-mac"
	}
	return "render.font-not-font"
}

// probe are characters the font must have: Chinese text, CJK punctuation,
// Latin letters and digits (some CJK fonts, e.g. Droid Sans Fallback, have
// no Latin glyphs and would print blanks).
const probe = Probe

// Probe are the characters the first font of pdf.font must have (the
// others only fill in what it lacks).
const Probe = "中文申报承诺书盖章，。：（）0123456789AZaz"
