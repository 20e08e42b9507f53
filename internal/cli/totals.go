package cli

import (
	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
)

// totalsOptions holds the flags and arguments of `mkspace totals`.
type totalsOptions struct {
	g      *Globals
	Paths  []string
	Format string
	Strict bool

	Validate validateFunc // the checker; nil: checkWithRules
}

// newTotalsCmd builds `mkspace totals`. runF, when not nil, runs instead of
// runTotals with the options parsed (tests capture them).
func newTotalsCmd(g *Globals, runF func(*totalsOptions) error) *cobra.Command {
	if runF == nil {
		runF = runTotals
	}
	o := &totalsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "totals [PACKAGE|XLSX]... [--format text|json]",
		Short: msg.ZH.T("totals.short") + " / " + msg.EN.T("totals.short"),
		Long:  longHelp(msg.ZH.T("totals.long"), msg.EN.T("totals.long")),
		Example: `  mkspace totals
  mkspace totals examples/good --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			return runF(o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", "text | json")
	cmd.Flags().BoolVar(&o.Strict, "strict", false, msg.ZH.T("totals.flag.strict")+" / "+msg.EN.T("totals.flag.strict"))
	return cmd
}

func runTotals(o *totalsOptions) error {
	g := o.g
	if o.Format != "text" && o.Format != "json" {
		return userErr(nil, "totals.bad-format", "value", o.Format)
	}
	pkgs, cfgs, err := loadTargets(g, o.Paths)
	if err != nil {
		return err
	}
	lang := cfgs[0].Lang
	results, err := checkAll(g, pkgs, cfgs, o.Validate, 0, lang)
	if err != nil {
		return err
	}

	in := reportInput(pkgs, cfgs, results, lang)
	if err := report.WriteTotals(g.IO.Out, o.Format, in); err != nil {
		return userErr(err, "cli.write-failed", "file", "stdout", "err", err.Error())
	}
	return findingsExit(in, o.Strict)
}
