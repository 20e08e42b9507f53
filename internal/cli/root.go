// Package cli is the command layer: flag parsing and wiring, no business
// rules. Each command lives in its own file with an options struct and a run
// function that tests can call with in-memory streams.
package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
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
	return config.Load(src)
}

// Infof prints a progress or status line on stderr unless --quiet.
func (g *Globals) Infof(format string, a ...any) {
	if !g.Quiet {
		fmt.Fprintf(g.IO.Err, format+"\n", a...)
	}
}

// commands are the sub-command constructors; each command file adds its own.
var commands []func(*Globals) *cobra.Command

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
  mkspace build-pdf [文件夹]     生成每页带版本号的申报书 PDF / the 申报书 PDF, a version on every page
  mkspace verify 申报书.pdf|包.zip 核验申报书或申报材料包 / check a 申报书 or a submitted package
  mkspace pack [文件夹]          打包提交 / pack the submission as one zip

退出码 / exit status: 0 无错误 no errors; 1 发现错误 errors found; 2 无法运行 could not run.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version.Tool,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			g.cmd = cmd
			if g.Lang != "" {
				if _, err := msg.ParseLang(g.Lang); err != nil {
					return userErr(err, "cli.bad-lang", "value", g.Lang)
				}
			}
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
	for _, c := range commands {
		root.AddCommand(c(g))
	}
	checkArgs(root)
	return root, g
}

// Run executes the command line args and returns the exit status.
func Run(io *IO, args []string) int {
	root, g := NewRoot(io)
	root.SetArgs(args)
	err := plainCobra(root, root.Execute())
	if err != nil && ExitCode(err) == ExitNoRun {
		fmt.Fprintln(io.Err, describe(err, g.Language()))
	}
	return ExitCode(err)
}

// packageDir returns the package folder an argument names: the folder
// itself, or the folder of a file; "" means the current folder.
func packageDir(arg string) string {
	if arg == "" {
		return "."
	}
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return filepath.Dir(arg)
	}
	return arg
}
