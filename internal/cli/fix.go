package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/fix"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/workbook"
)

// fixOptions holds the flags and arguments of `mkspace fix`.
type fixOptions struct {
	g        *Globals
	Path     string
	DryRun   bool
	NoBackup bool
	Values   bool

	// Now is the clock of the backup's name (nil: time.Now); Write replaces
	// the workbook writer (tests: a disk that fills up).
	Now   func() time.Time
	Write func(f *excelize.File, w io.Writer) error
}

// newFixCmd builds `mkspace fix`. runF, when not nil, runs instead of runFix
// with the options parsed (tests capture them).
func newFixCmd(g *Globals, runF func(*fixOptions) error) *cobra.Command {
	if runF == nil {
		runF = runFix
	}
	o := &fixOptions{g: g}
	cmd := &cobra.Command{
		Use:   "fix [PACKAGE] [--dry-run] [--no-backup] [--values]",
		Short: msg.ZH.T("fix.short") + " / " + msg.EN.T("fix.short"),
		Long:  longHelp(msg.ZH.T("fix.long"), msg.EN.T("fix.long")),
		Example: `  mkspace fix --dry-run
  mkspace fix 申报材料`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Path = args[0]
			}
			return runF(o)
		},
	}
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, msg.ZH.T("fix.flag.dry-run")+" / "+msg.EN.T("fix.flag.dry-run"))
	cmd.Flags().BoolVar(&o.NoBackup, "no-backup", false, msg.ZH.T("fix.flag.no-backup")+" / "+msg.EN.T("fix.flag.no-backup"))
	cmd.Flags().BoolVar(&o.Values, "values", false, msg.ZH.T("fix.flag.values")+" / "+msg.EN.T("fix.flag.values"))
	return cmd
}

func runFix(o *fixOptions) error {
	g := o.g
	dir := packageDir(o.Path)
	cfg, err := g.LoadConfig(dir)
	if err != nil {
		return err
	}
	lang := cfg.Lang
	p, err := fix.Load(dir, cfg)
	if err != nil {
		var we *workbook.Error
		if errors.As(err, &we) {
			return err
		}
		return pathErr(err, "validate.no-such-path", dir)
	}
	changes, err := fix.Plan(p, fix.Actions(g.Context(), o.Values))
	if err != nil {
		return err
	}
	out := g.IO.Out
	made, listed := 0, 0
	for i := range changes {
		c := &changes[i]
		key := "fix." + c.Action
		if c.Variant != "" {
			key += "." + c.Variant
		}
		if c.Msg != "" {
			fmt.Fprintln(out, lang.T("fix.at", "loc", c.Loc(), "message", lang.T(c.Msg, c.Args...)))
		} else {
			args := append([]string{"loc", c.Loc(), "column", c.Column, "old", c.Old, "new", c.New,
				"candidates", strings.Join(c.Candidates, lang.T("tmpl.list-sep"))}, c.Args...)
			fmt.Fprintln(out, lang.T(key, args...))
		}
		if c.Skipped {
			listed++
		} else {
			made++
		}
	}
	if len(changes) == 0 {
		fmt.Fprintln(out, lang.T("fix.nothing"))
		return nil
	}
	fmt.Fprintln(out, lang.T("fix.summary", "n", strconv.Itoa(made), "count", strconv.Itoa(listed)))
	if o.DryRun {
		fmt.Fprintln(out, lang.T("fix.dry-run"))
		return nil
	}
	if made == 0 {
		return nil
	}
	res, err := fix.Apply(g.Context(), p, changes, fix.Options{NoBackup: o.NoBackup, Now: o.Now, Write: o.Write})
	if err != nil {
		if serr := stopped(g.Context()); serr != nil {
			return serr
		}
		file := dir
		if len(p.Files) > 0 {
			file = p.Files[0]
		}
		return userErr(err, "fix.failed", "file", file, "err", err.Error())
	}
	for i, f := range res.Written {
		if o.NoBackup || i >= len(res.Backups) {
			fmt.Fprintln(out, lang.T("fix.written-no-backup", "file", f))
			continue
		}
		fmt.Fprintln(out, lang.T("fix.written", "file", f, "backup", filepath.Base(res.Backups[i])))
	}
	return nil
}
