package cli

import (
	"errors"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

// Exit codes of every command (SPEC §2), decided here and nowhere else.
const (
	ExitOK       = 0 // no error (warnings allowed unless --strict)
	ExitFindings = 1 // errors found in the data (or warnings with --strict)
	ExitNoRun    = 2 // the command could not run: bad flags, config, I/O
	// An interrupted run (see Interrupted) removes its temporary files,
	// writes no result and exits as shells report a process ended by the
	// signal: 128 + its number.
	ExitInterrupted = 130 // Ctrl+C (SIGINT)
	ExitTerminated  = 143 // SIGTERM
)

// ErrFindings is returned by a command whose run found errors in the data;
// it has printed them already.
var ErrFindings = errors.New("findings")

// UserError is a problem that stops a command, with a catalogue message.
type UserError struct {
	Key  string
	Args []string
	Err  error // the underlying error, if any
}

func (e *UserError) Error() string { return msg.ZH.T(e.Key, e.Args...) }
func (e *UserError) Unwrap() error { return e.Err }

// Localized renders the error in lang.
func (e *UserError) Localized(l msg.Lang) string { return l.T(e.Key, e.Args...) }

// userErr builds a UserError; kv are the placeholders of key.
func userErr(err error, key string, kv ...string) *UserError {
	return &UserError{Key: key, Args: kv, Err: err}
}

// ExitCode maps the error a command returned to the process exit status.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	}
	var intr *Interrupted
	if errors.As(err, &intr) {
		return intr.code()
	}
	return ExitNoRun
}

// describe renders err for the user in lang.
func describe(err error, l msg.Lang) string {
	var intr *Interrupted
	if errors.As(err, &intr) {
		return intr.Localized(l)
	}
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Localized(l)
	}
	var ce *config.Error
	if errors.As(err, &ce) {
		return ce.Localized(l)
	}
	return l.T("cli.failed", "err", err.Error())
}
