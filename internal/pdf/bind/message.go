package bind

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/mkspace/mkspace/internal/msg"
)

// Error is a failure of Bind about no one document: the stamp's font
// could not be installed for pdfcpu (Font: the system refused to write its
// temporary folder), or a fault of mkspace.
type Error struct {
	Font bool
	Err  error
}

func (e *Error) Error() string {
	if e.Font {
		return "bind: the stamp's font: " + e.Err.Error()
	}
	return "bind: " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Localized renders the error in l as Message does.
func (e *Error) Localized(l msg.Lang) string {
	text, _ := Message(l, e)
	return text
}

// faultf is an Error that is a fault of mkspace.
func faultf(format string, a ...any) *Error { return &Error{Err: fmt.Errorf(format, a...)} }

// Message renders an error of Bind, BindFile, Probe or Normalize for a
// person, in l: a document that cannot be bound (naming it and what to
// do), the stamp's font, or a fault of mkspace to report. ok is false when
// err is none of these (the output file of BindFile): the caller shows it
// as it is.
func Message(l msg.Lang, err error) (text string, ok bool) {
	var de *DocumentError
	var ge *GlyphError
	var be *Error
	switch {
	case errors.As(err, &ge):
		return l.T("bind.font-glyphs", "chars", ge.Chars), true
	case errors.As(err, &be) && be.Font:
		return l.T("bind.font-install", "err", l.Cause(be.Err)), true
	case errors.As(err, &be):
		return l.T("bind.fault", "err", shortErr(be.Err.Error())), true
	case !errors.As(err, &de):
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

// Localized renders the error in l as Message does: with what to do.
func (e *GlyphError) Localized(l msg.Lang) string {
	text, _ := Message(l, e)
	return text
}

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
