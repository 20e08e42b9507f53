package bind

import (
	"errors"
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
	return l.T("bind.unreadable", "file", de.Path, "err", shortErr(cause)), true
}

// shortErr keeps a library's error readable in a message.
func shortErr(s string) string {
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}
