package bind

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/mkspace/mkspace/internal/msg"
)

// Message renders an error of Bind, BindFile, Probe or Normalize about a
// document for a person, in l. ok is false when err is not about a
// document (a font, the output file): the caller shows it as it is.
func Message(l msg.Lang, err error) (text string, ok bool) {
	var de *DocumentError
	if !errors.As(err, &de) {
		return "", false
	}
	cause := strings.TrimPrefix(de.Err.Error(), ErrUnreadable.Error()+": ")
	switch {
	case de.Path == "":
		return l.T("bind.body", "err", shortErr(cause)), true
	case errors.Is(de.Err, ErrNeedsPassword):
		return l.T("bind.needs-password", "file", de.Path), true
	case errors.Is(de.Err, ErrNoPages):
		return l.T("bind.no-pages", "file", de.Path), true
	case errors.Is(de.Err, fs.ErrNotExist):
		return l.T("bind.missing", "file", de.Path), true
	}
	if msg.IsOS(de.Err) {
		return l.T("bind.unreadable", "file", de.Path, "err", l.Cause(de.Err)), true
	}
	return l.T("bind.unreadable", "file", de.Path, "err", l.T("bind.reason.damaged")), true
}

// Localized renders the error in l as Message does.
func (e *DocumentError) Localized(l msg.Lang) string {
	text, _ := Message(l, e)
	return text
}

// GlyphError is a font that lacks characters of the stamp (版本号, page
// numbers): a pdf.font without Chinese.
type GlyphError struct{ Chars string }

func (e *GlyphError) Error() string { return fmt.Sprintf("the font has no glyph for %q", e.Chars) }

// Localized renders the error in l, with what to do.
func (e *GlyphError) Localized(l msg.Lang) string { return l.T("bind.font-glyphs", "chars", e.Chars) }

// Reason is why a document cannot be read, in a few plain words (a
// password, no pages, a damaged file) for a message that names the
// document itself: "申报书 x.pdf 无法读取：{err}".
type Reason struct{ Err error }

func (r Reason) Error() string { return r.Err.Error() }
func (r Reason) Unwrap() error { return r.Err }

// Localized renders the reason in l.
func (r Reason) Localized(l msg.Lang) string {
	switch {
	case errors.Is(r.Err, ErrNeedsPassword):
		return l.T("bind.reason.password")
	case errors.Is(r.Err, ErrNoPages):
		return l.T("bind.reason.no-pages")
	case errors.Is(r.Err, fs.ErrNotExist):
		return l.T("bind.reason.missing")
	case msg.IsOS(r.Err):
		return l.Cause(r.Err)
	}
	return l.T("bind.reason.damaged")
}

// shortErr keeps a library's error readable in a message.
func shortErr(s string) string {
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}
