// Package cli is the command layer: flag parsing and wiring, no business
// rules. Each command lives in its own file: an options struct (its flags
// and arguments, and what tests replace), a constructor newXCmd(g, runF)
// that builds the cobra command — runF, when not nil, runs instead of the
// command's own run function, so that a test sees the options parsed —
// and the run function runX, which tests call with in-memory streams.
// NewRoot lists the commands.
//
// What the commands share is here too: the global flags and the run's
// state (Globals), the packages an argument names (packages.go), the
// checking of packages (check.go), outputs that never replace an input
// (output.go), the exit status (exit.go) and interruption (interrupt.go).
// The work itself is done by the packages that own it (analysis, report,
// pack, dossier, config, xlsxtmpl…).
//
// Adding a command: its file here, one line in NewRoot, its texts in
// internal/msg/<command>.go, and a case in TestCommandsFlagParsing.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/version"
)

// IO holds the streams a command uses; tests replace them.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// Terminal is true when Err is an interactive terminal (progress bars).
	Terminal bool
}

// StdIO returns the process streams.
func StdIO() *IO {
	utf8Console()
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Terminal: term.IsTerminal(int(os.Stderr.Fd())) && os.Getenv("CI") == ""}
}

// Globals are the flags every command has.
type Globals struct {
	IO     *IO
	Lang   string
	Config string
	Quiet  bool
	cmd    *cobra.Command

	// ctx is the run's context, cancelled on Ctrl+C or SIGTERM (see
	// Context).
	ctx context.Context
	// inputs are the files the run reads: no output may replace one
	// (see checkOutput).
	inputs inputs.Set
	// lang is Language() once the flags are parsed, for the signal
	// handler's message.
	lang atomic.Value
	// validated, when set, receives what validate reported (the
	// double-click's summary).
	validated func(report.Input)
}

// Context is the run's context: cancelled when the user interrupts the
// run. Long work checks it, stops, removes its temporary files and
// returns stopped(ctx).
func (g *Globals) Context() context.Context {
	if g.ctx == nil {
		return context.Background()
	}
	return g.ctx
}

// Language returns the language chosen by --lang, MKSPACE_LANG or the config
// of the current folder, Chinese by default.
func (g *Globals) Language() msg.Lang {
	if g.Lang != "" {
		if l, err := msg.ParseLang(g.Lang); err == nil {
			return l
		}
	}
	if l, err := msg.ParseLang(os.Getenv("MKSPACE_LANG")); err == nil && os.Getenv("MKSPACE_LANG") != "" {
		return l
	}
	return msg.ZH
}

// LoadConfig resolves the configuration for the package folder dir.
func (g *Globals) LoadConfig(dir string) (*config.Config, error) {
	var src config.Source
	src.File, src.Dir = g.Config, dir
	if g.cmd != nil {
		src.Flags = g.cmd.Flags()
	}
	// The configuration is an input of the run, also when the package
	// has none yet: a report written as mkspace.yaml would become one.
	if g.Config != "" {
		g.inputs.Add(g.Config)
	} else if dir != "" {
		g.inputs.Add(filepath.Join(dir, config.FileName))
	}
	cfg, err := config.Load(src)
	if err == nil {
		for _, p := range font.Paths(dir, cfg.Fonts) {
			if p != "" {
				g.inputs.Add(p)
			}
		}
	}
	return cfg, err
}

// Infof prints a progress or status line on stderr unless --quiet.
func (g *Globals) Infof(format string, a ...any) {
	if !g.Quiet {
		fmt.Fprintf(g.IO.Err, format+"\n", a...)
	}
}

// NewRoot builds the command tree.
func NewRoot(io *IO) (*cobra.Command, *Globals) {
	g := &Globals{IO: io}
	root := &cobra.Command{
		Use:   "mkspace",
		Short: "国家备案众创空间申报材料离线填报与检查工具 / offline preparation and checks of a maker-space registration package",
		Long: `mkspace —— 国家备案众创空间申报材料离线工具 / offline preparation of a maker space's registration.
按顺序 / in order:
  mkspace init [文件夹]          生成申报材料包文件夹（填报工作簿、配置、承诺书模板） / a new package folder
  mkspace template               只生成填报工作簿 申报数据.xlsx / the fill-in workbook only
  mkspace validate [文件夹]      检查填好的工作簿和附件，逐个单元格指出问题 / check every cell and attachment
  mkspace totals [文件夹]        合计与备案条件自查 / the form's totals and the self-check
  mkspace fix [文件夹]           自动改正附件路径、文字形式的日期和数字等 / correct what can be corrected safely
  mkspace build-pdf [文件夹]     生成每页带版本号的申报书 PDF / the 申报书 PDF, a version on every page
  mkspace verify 申报书.pdf|包.zip 核验申报书或申报材料包 / check a 申报书 or a submitted package
  mkspace pack [文件夹]          打包提交 / pack the submission as one zip

退出码 / exit status: 0 无错误 no errors; 1 发现错误 errors found; 2 无法运行 could not run;
  130 被 Ctrl+C 中断 interrupted; 143 被终止 terminated (SIGTERM) —— 中断时不写出结果、删除临时文件 / an interrupted run writes nothing and removes its temporary files.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Tool,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			g.cmd = cmd
			g.ctx = cmd.Context()
			if g.Lang != "" {
				if _, err := msg.ParseLang(g.Lang); err != nil {
					return userErr(err, "cli.bad-lang", "value", g.Lang)
				}
			}
			g.lang.Store(g.Language())
			return nil
		},
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.PersistentFlags().StringVar(&g.Lang, "lang", "", "界面语言 zh|en / language of messages (zh|en)")
	root.PersistentFlags().StringVar(&g.Config, "config", "", "配置文件 / config file (default: mkspace.yaml in the package folder)")
	root.PersistentFlags().BoolVarP(&g.Quiet, "quiet", "q", false, "只输出结果 / print results only")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &flagError{err: err, cmd: c.CommandPath()}
	})
	// In the order of the work (--help lists them alphabetically).
	root.AddCommand(
		newInitCmd(g, nil),
		newTemplateCmd(g, nil),
		newValidateCmd(g, nil),
		newTotalsCmd(g, nil),
		newFixCmd(g, nil),
		newBuildPDFCmd(g, nil),
		newVerifyCmd(g, nil),
		newPackCmd(g, nil),
		newVersionCmd(g, nil),
	)
	addCompletion(root)
	checkArgs(root)
	return root, g
}

// addCompletion adds cobra's completion command, and makes it refuse a
// shell it has no script for (tcsh, cmd…) with exit 2 and the list of
// those it has, instead of printing its help with exit 0.
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			// cobra writes scripts for bash, zsh, fish and powershell
			// (the message lists them).
			return userErr(nil, "cli.completion-shell", "shell", args[0])
		}
	}
}

// longHelp is the long help of a command: its Chinese and its English
// text, each followed by the line on exit statuses 130 and 143 (the texts
// end with their exit statuses 0, 1 and 2).
func longHelp(zh, en string) string {
	return zh + "\n" + msg.ZH.T("cli.exit-interrupt") + "\n\n" + en + "\n" + msg.EN.T("cli.exit-interrupt")
}

// Run executes the command line args and returns the exit status. Ctrl+C
// or SIGTERM cancels the run's context (Globals.Context): the command
// stops, removes its temporary files and exits 130 or 143.
func Run(io *IO, args []string) int {
	root, g := NewRoot(io)
	ctx, stop := notifySignals(context.Background(), func() {
		l, _ := g.lang.Load().(msg.Lang)
		if l == "" {
			l = msg.ZH
		}
		fmt.Fprintln(io.Err, l.T("cli.interrupting"))
	})
	defer stop()
	return execute(ctx, root, g, args)
}

// RunContext is Run with the context ctx instead of the signals: a run
// whose context is cancelled with an *Interrupted cause ends as one
// interrupted by that signal.
func RunContext(ctx context.Context, io *IO, args []string) int {
	root, g := NewRoot(io)
	return execute(ctx, root, g, args)
}

func execute(ctx context.Context, root *cobra.Command, g *Globals, args []string) int {
	defer bind.Cleanup() // the documents probed and kept for binding
	root.SetArgs(args)
	err := plainCobra(root, root.ExecuteContext(ctx))
	if intr := interruption(ctx); intr != nil && err != nil && !errors.Is(err, ErrFindings) {
		// Whatever failed once the run was cancelled failed because of it.
		err = intr
	}
	if code := ExitCode(err); code != ExitOK && code != ExitFindings {
		fmt.Fprintln(g.IO.Err, describe(err, g.Language()))
	}
	return ExitCode(err)
}
