package cli

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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

func (e *UserError) Error() string { return e.Localized(msg.ZH) }
func (e *UserError) Unwrap() error { return e.Err }

// Localized renders the error in lang. An {err} placeholder given as the
// text of Err (or of an error Err wraps) is rendered as that error's
// cause in lang (msg.Lang.Cause): a refusal of the system names the path
// and what to do, in plain words.
func (e *UserError) Localized(l msg.Lang) string {
	args := slices.Clone(e.Args)
	for i := 1; i < len(args); i += 2 {
		if args[i-1] != "err" {
			continue
		}
		for x := e.Err; x != nil; x = errors.Unwrap(x) {
			if x.Error() == args[i] {
				args[i] = l.Cause(x)
				break
			}
		}
	}
	return l.T(e.Key, args...)
}

// userErr builds a UserError; kv are the placeholders of key.
func userErr(err error, key string, kv ...string) *UserError {
	return &UserError{Key: key, Args: kv, Err: err}
}

// pathErr is an argument that cannot be used: missingKey ("找不到 …")
// when it does not exist, else what the system refused (a name too long,
// no permission, a file where a folder should be).
func pathErr(err error, missingKey, path string) *UserError {
	if errors.Is(err, fs.ErrNotExist) || !msg.IsOS(err) {
		return userErr(err, missingKey, "path", path)
	}
	return userErr(err, "cli.cannot-use", "path", path, "err", err.Error())
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

// describe renders err for the user in lang: the one place where an error
// that stops a command becomes text. Errors with a catalogue text
// (UserError, config.Error, …) render it; a refusal of the operating system
// names the path and what to do; anything else is a fault of mkspace.
func describe(err error, l msg.Lang) string {
	var loc interface{ Localized(msg.Lang) string }
	if errors.As(err, &loc) {
		return loc.Localized(l)
	}
	if msg.IsOS(err) {
		return l.T("cli.os-failed", "err", l.Cause(err))
	}
	return l.T("cli.failed", "err", err.Error())
}

// flagError is a flag that cannot be parsed, in plain words.
type flagError struct {
	err error
	cmd string // the command's path, for its --help
}

func (e *flagError) Error() string { return e.Localized(msg.ZH) }
func (e *flagError) Unwrap() error { return e.err }

func (e *flagError) Localized(l msg.Lang) string {
	name := func(long, short string) string {
		if long != "" {
			return "--" + long
		}
		return "-" + short
	}
	var (
		ne *pflag.NotExistError
		vr *pflag.ValueRequiredError
		iv *pflag.InvalidValueError
		is *pflag.InvalidSyntaxError
	)
	detail := e.err.Error()
	switch {
	case errors.As(e.err, &ne):
		detail = l.T("cli.flag-unknown", "flag", name(ne.GetSpecifiedName(), ne.GetSpecifiedShortnames()))
	case errors.As(e.err, &vr):
		detail = l.T("cli.flag-needs-value", "flag", name(vr.GetSpecifiedName(), vr.GetSpecifiedShortnames()))
	case errors.As(e.err, &iv):
		want := "cli.want.other"
		switch iv.GetFlag().Value.Type() {
		case "int", "int64", "uint":
			want = "cli.want.int"
		case "bool":
			want = "cli.want.bool"
		}
		detail = l.T("cli.flag-bad-value", "flag", "--"+iv.GetFlag().Name, "value", iv.GetValue(), "want", l.T(want))
	case errors.As(e.err, &is):
		detail = l.T("cli.flag-syntax", "flag", is.GetSpecifiedFlag())
	}
	return l.T("cli.bad-flags", "err", detail, "cmd", e.cmd)
}

// checkArgs wraps the argument checks of the commands under root, so that
// a wrong number of arguments is told in plain words.
func checkArgs(root *cobra.Command) {
	for _, c := range root.Commands() {
		check := c.Args
		if check == nil {
			continue
		}
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &UserError{Key: "cli.bad-args", Err: err,
					Args: []string{"cmd", cmd.CommandPath(), "n", strconv.Itoa(len(args)), "use", strings.TrimSuffix(cmd.UseLine(), " [flags]")}}
			}
			return nil
		}
	}
}

// cobraUnknown is cobra's error for a command that does not exist.
var cobraUnknown = regexp.MustCompile(`^unknown command "(.*?)" for "`)

// plainCobra puts the errors cobra returns as text into plain words: a
// command that does not exist, with the nearest one.
func plainCobra(root *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	m := cobraUnknown.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	hint := func(l msg.Lang) string {
		if s := root.SuggestionsFor(m[1]); len(s) > 0 {
			return l.T("cli.did-you-mean", "name", s[0])
		}
		return ""
	}
	return &unknownCommand{name: m[1], names: names, hint: hint, err: err}
}

type unknownCommand struct {
	name  string
	names []string
	hint  func(msg.Lang) string
	err   error
}

func (e *unknownCommand) Error() string { return e.Localized(msg.ZH) }
func (e *unknownCommand) Unwrap() error { return e.err }
func (e *unknownCommand) Localized(l msg.Lang) string {
	return l.T("cli.unknown-command", "name", e.name, "hint", e.hint(l), "commands", strings.Join(e.names, l.Pick("、", ", ")))
}
