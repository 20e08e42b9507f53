package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
	"github.com/mkspace/mkspace/internal/version"
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
	check := o.Validate
	if check == nil {
		check = checkWithRules
	}
	results, err := (&validateOptions{g: g}).checkAll(pkgs, cfgs, check, lang)
	if err != nil {
		return err
	}

	errs, warns := 0, 0
	for _, r := range results {
		e, w := finding.Counts(r.Findings)
		errs, warns = errs+e, warns+w
	}
	if o.Format == "json" {
		err = writeTotalsJSON(g.IO.Out, pkgs, cfgs, results)
	} else {
		err = writeTotalsText(g.IO.Out, pkgs, cfgs, results, lang)
	}
	if err != nil {
		return userErr(err, "cli.write-failed", "file", "stdout", "err", err.Error())
	}
	if errs > 0 || (o.Strict && warns > 0) {
		return ErrFindings
	}
	return nil
}

func writeTotalsText(w io.Writer, pkgs []validateTarget, cfgs []*config.Config, results []*validateResult, l msg.Lang) error {
	for i, r := range results {
		if len(pkgs) > 1 {
			fmt.Fprintf(w, "== %s ==\n", msg.Escape(pkgs[i].Name))
		}
		t, _ := r.Totals.(*totals.Totals)
		if t == nil {
			continue
		}
		if err := totals.WriteText(w, t, cfgs[i].Window, l); err != nil {
			return err
		}
		if e, _ := finding.Counts(r.Findings); e > 0 {
			fmt.Fprintln(w, "\n"+l.T("totals.has-errors", "n", fmt.Sprint(e)))
		}
		if i < len(results)-1 {
			fmt.Fprintln(w)
		}
	}
	return nil
}

// totalsJSON is the json of one package: the totals and the self-check as
// in `validate --format json`, with the counts of findings.
type totalsJSON struct {
	Package     string            `json:"package,omitempty"`
	Tool        string            `json:"tool,omitempty"`
	ToolVersion string            `json:"tool_version,omitempty"`
	Window      map[string]string `json:"window"`
	Files       []string          `json:"files"`
	Summary     map[string]int    `json:"summary"`
	Totals      any               `json:"totals"`
	Eligibility any               `json:"eligibility"`
}

func writeTotalsJSON(w io.Writer, pkgs []validateTarget, cfgs []*config.Config, results []*validateResult) error {
	objs := make([]totalsJSON, len(results))
	for i, r := range results {
		e, wn := finding.Counts(r.Findings)
		objs[i] = totalsJSON{
			Window: map[string]string{
				"start": cfgs[i].Window.Start.Format(config.DateLayout),
				"end":   cfgs[i].Window.End.Format(config.DateLayout)},
			Files:       r.Files,
			Summary:     map[string]int{"errors": e, "warnings": wn},
			Totals:      r.Totals,
			Eligibility: r.Eligibility,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if len(objs) == 1 {
		objs[0].Tool, objs[0].ToolVersion = "mkspace", version.Tool
		return enc.Encode(objs[0])
	}
	for i := range objs {
		objs[i].Package = pkgs[i].Name
	}
	return enc.Encode(map[string]any{"tool": "mkspace", "tool_version": version.Tool, "packages": objs})
}
