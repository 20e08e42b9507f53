package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// templateOptions holds the flags of `mkspace template` and what tests
// replace.
type templateOptions struct {
	g      *Globals
	Output string   // -o; default xlsxtmpl.DefaultFile in the current folder
	Sheets []string // --sheet, repeatable; none = every data sheet
	Force  bool

	// Write writes the workbook; nil: xlsxtmpl.Write.
	Write func(path string, opts xlsxtmpl.Options, force bool) error
}

// newTemplateCmd builds `mkspace template`. runF, when not nil, runs instead of
// runTemplate with the options parsed (tests capture them).
func newTemplateCmd(g *Globals, runF func(*templateOptions) error) *cobra.Command {
	if runF == nil {
		runF = runTemplate
	}
	o := &templateOptions{g: g}
	both := func(key string) string { return msg.ZH.T(key) + " / " + msg.EN.T(key) }
	cmd := &cobra.Command{
		Use:   "template [-o FILE] [--sheet NAME]... [--force]",
		Short: both("template.short"),
		Long:  longHelp(msg.ZH.T("template.long", "names", strings.Join(xlsxtmpl.SheetNames(), "、")), msg.EN.T("template.long", "names", strings.Join(xlsxtmpl.SheetNames(), ", "))),
		Example: `  mkspace template
  mkspace template -o 团队和企业.xlsx --sheet 创业团队 --sheet 入驻企业
  mkspace template --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", xlsxtmpl.DefaultFile, both("template.flag-output"))
	f.StringArrayVar(&o.Sheets, "sheet", nil, both("template.flag-sheet"))
	f.BoolVar(&o.Force, "force", false, both("template.flag-force"))
	_ = cmd.RegisterFlagCompletionFunc("sheet", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return xlsxtmpl.SheetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runTemplate(o *templateOptions) error {
	g := o.g
	path := o.Output
	if path == "" {
		path = xlsxtmpl.DefaultFile
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return g.checkOutput(path, xlsxtmpl.DefaultFile)
	}
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return userErr(nil, "template.bad-ext", "file", path)
	}
	for _, n := range o.Sheets {
		if schema.ByName(n) == nil && schema.ByKey(strings.TrimSpace(n)) == nil {
			return userErr(nil, "cli.unknown-sheet", "name", n, "names", strings.Join(xlsxtmpl.SheetNames(), "、"))
		}
	}
	// The workbook belongs to the package folder it is written into: its
	// mkspace.yaml (option lists, window) applies.
	cfg, err := g.LoadConfig(filepath.Dir(path))
	if err != nil {
		return err
	}
	if err := g.checkOutput(path, xlsxtmpl.DefaultFile); err != nil {
		return err
	}
	write := o.Write
	if write == nil {
		write = xlsxtmpl.Write
	}
	opts := xlsxtmpl.Options{Lists: cfg.Lists, Window: cfg.Window, MaxBytes: cfg.MaxBytes, Lang: cfg.Lang,
		Eligibility: &cfg.Eligibility, Sheets: o.Sheets}
	err = write(path, opts, o.Force)
	var us *xlsxtmpl.UnknownSheetError
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return userErr(err, "cli.exists", "file", path)
	case errors.As(err, &us):
		return userErr(err, "cli.unknown-sheet", "name", us.Name, "names", strings.Join(xlsxtmpl.SheetNames(), "、"))
	default:
		return userErr(err, "cli.write-failed", "file", path, "err", err.Error())
	}
	g.Infof("%s", cfg.Lang.T("template.written", "file", path))
	return nil
}
