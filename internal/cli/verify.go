package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/gctune"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/workbook"
)

// verifyOptions holds the arguments and flags of `mkspace verify`, and what
// tests replace.
type verifyOptions struct {
	g       *Globals
	Args    []string
	Summary string
	Merge   bool // the arguments are JSON summaries to merge (merge.go)

	Workers int         // packages checked at once; 0: one per CPU
	TempDir string      // where zips are unpacked; "": the system's
	Limits  pack.Limits // zero: pack.DefaultLimits
}

// newVerifyCmd builds `mkspace verify`. runF, when not nil, runs instead of
// runVerify with the options parsed (tests capture them).
func newVerifyCmd(g *Globals, runF func(*verifyOptions) error) *cobra.Command {
	if runF == nil {
		runF = runVerify
	}
	o := &verifyOptions{g: g}
	both := func(key string) string { return msg.ZH.T(key) + " / " + msg.EN.T(key) }
	cmd := &cobra.Command{
		Use:   "verify ZIP|DIR|PDF... [--summary FILE.csv|FILE.json|FILE.xlsx|FILE.html]  |  verify PDF PACKAGE  |  verify --merge SUMMARY.json...",
		Short: both("verify.pkg.short"),
		Long:  longHelp(msg.ZH.T("verify.pkg.long"), msg.EN.T("verify.pkg.long")),
		Example: `  mkspace verify 申报材料-MK-2X4T-U50Q-NFPT.zip
  mkspace verify 收件/*.zip --summary 汇总.csv
  mkspace verify 收件/*.zip --summary 汇总.xlsx
  mkspace verify --merge 第1组.json 第2组.json --summary 汇总.xlsx
  mkspace verify 申报材料/
  mkspace verify 申报材料/output/申报书-MK-2X4T-U50Q-NFPT.pdf 申报材料/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Args = args
			return runF(o)
		},
	}
	cmd.Flags().StringVar(&o.Summary, "summary", "", both("verify.flag.summary"))
	cmd.Flags().BoolVar(&o.Merge, "merge", false, both("verify.flag.merge"))
	return cmd
}

// verifyTarget is one thing to verify.
type verifyTarget struct {
	Arg  string    // as given
	Kind pack.Kind // KindPDF, KindFolder (a folder, with or without a manifest) or KindZip
	// Package is the package of a 申报书 (KindPDF).
	Package string
}

// verifyOutcome is the result of one target: a report, or the reason it
// could not be checked.
type verifyOutcome struct {
	Report *pack.Report
	Err    error
	// Config is the configuration the package was checked with (nil when
	// none could be loaded).
	Config *config.Config
	// Intake is the package's keys for the findings across packages.
	Intake *intake.Package
}

func runVerify(o *verifyOptions) error {
	g := o.g
	if o.Merge {
		return runMerge(o)
	}
	targets, err := verifyTargets(o.Args)
	if err != nil {
		return err
	}
	for _, t := range targets {
		g.readsPackage(t.Arg, t.Package)
	}
	if err := checkSummaryPath(g, o.Summary); err != nil {
		return err
	}
	// The language: --lang, MKSPACE_LANG, else the configuration of the
	// first package folder (of the current folder for a zip: the office's,
	// not the applicant's).
	langDir := "."
	if targets[0].Kind == pack.KindFolder {
		langDir = targets[0].Arg
	} else if targets[0].Kind == pack.KindPDF {
		langDir = packageDir(targets[0].Package)
	}
	base, err := g.LoadConfig(langDir)
	if err != nil {
		return err
	}
	lang := base.Lang
	loadConfig := func(dir string) (*config.Config, error) {
		cfg, err := g.LoadConfig(dir)
		if err != nil {
			return nil, err
		}
		cfg.Lang = lang // findings are rendered in the language of the run
		return cfg, nil
	}

	if len(targets) > 1 {
		defer batchGC()()
	}
	outcomes, err := o.verifyAll(targets, loadConfig, lang)
	if err != nil {
		return err
	}
	for _, oc := range outcomes {
		if oc.Report != nil {
			g.inputs.Add(oc.Report.Reads()...)
		}
	}
	failed, broken := printOutcomes(g, targets, outcomes, lang)
	cross := intakeOfOutcomes(outcomes)
	printIntake(g, cross, lang)
	if o.Summary != "" {
		if err := writeVerifySummary(g, o.Summary, targets, outcomes, lang, cross); err != nil {
			return err
		}
	}
	switch {
	case broken > 0:
		for i, oc := range outcomes {
			if oc.Err != nil {
				return userErr(oc.Err, "verify.check-failed", "name", targets[i].Arg, "err", lang.Cause(oc.Err))
			}
		}
	case failed > 0:
		return ErrFindings
	}
	return nil
}

// verifyAll checks the targets on a pool of workers, each package with
// the configuration loadConfig gives for its folder.
func (o *verifyOptions) verifyAll(targets []verifyTarget, loadConfig func(string) (*config.Config, error), lang msg.Lang) ([]verifyOutcome, error) {
	g := o.g
	outcomes := make([]verifyOutcome, len(targets))
	err := runPool(g, len(targets), o.Workers, lang.T("verify.progress"), func(i int) {
		t := targets[i]
		keys := intake.NewCollector(t.Arg)
		load := func(dir string) (*config.Config, error) {
			cfg, err := loadConfig(dir)
			var ce *config.Error
			if errors.As(err, &ce) && t.Kind == pack.KindZip {
				ce.ShowFileAs(filepath.Join(t.Arg, config.FileName)) // not its copy in a temporary folder
			}
			if err == nil {
				outcomes[i].Config = cfg
			}
			return cfg, err
		}
		outcomes[i].Report, outcomes[i].Err = safely(func() (*pack.Report, error) {
			if t.Kind == pack.KindPDF {
				pkgs, err := validateTargets([]string{t.Package})
				if err != nil {
					return nil, err
				}
				cfg, err := load(pkgs[0].Dir)
				if err != nil {
					return nil, err
				}
				return pack.CheckPDF(t.Arg, pkgs[0].Paths, cfg)
			}
			return pack.Check(t.Arg, pack.CheckOptions{Config: load, Limits: o.Limits, TempDir: o.TempDir, Context: g.Context(), Rows: keys})
		})
		outcomes[i].Intake = intakeOfReport(keys, t.Arg, outcomes[i].Report)
		dropRows(outcomes[i].Report)
	})
	return outcomes, err
}

// printOutcomes prints a line for every target that passed, the problems
// of every other, and a total line when there are several; it returns the
// numbers of packages that failed and that could not be checked.
func printOutcomes(g *Globals, targets []verifyTarget, outcomes []verifyOutcome, lang msg.Lang) (failed, broken int) {
	// Every line names things from the packages (files, space names,
	// findings): escaped, so that no package can act on the terminal.
	say := func(s string) { fmt.Fprintln(g.IO.Out, msg.EscapeLines(s)) }
	for i, t := range targets {
		oc := outcomes[i]
		switch {
		case oc.Err != nil:
			broken++
			say(lang.T("verify.check-failed", "name", t.Arg, "err", lang.Cause(oc.Err)))
		case oc.Report.OK():
			say(okLine(t, oc.Report, lang))
		default:
			failed++
			name := ""
			if n, _, _ := oc.Report.Identity(); n != "" {
				name = lang.Pick("（"+n+"）", " ("+n+")")
			}
			say(lang.T("verify.pkg.failed", "file", t.Arg, "name", name))
			for _, line := range oc.Report.Lines(lang) {
				say("  - " + line)
			}
		}
		if changed := oc.Config.Changed(); oc.Err == nil && len(changed) > 0 {
			say("  " + lang.T("verify.settings", "list", report.SettingsText(changed, lang)))
		}
	}
	if len(targets) > 1 {
		fmt.Fprintln(g.IO.Out, lang.T("verify.total", "n", fmt.Sprint(len(targets)),
			"ok", fmt.Sprint(len(targets)-failed-broken), "failed", fmt.Sprint(failed+broken)))
	}
	return failed, broken
}

// writeVerifySummary writes the summary table of the targets to file
// (nothing when the run is interrupted).
func writeVerifySummary(g *Globals, file string, targets []verifyTarget, outcomes []verifyOutcome, lang msg.Lang, cross []intake.Finding) error {
	rows := make([]report.SummaryRow, len(targets))
	for i, t := range targets {
		if oc := outcomes[i]; oc.Err != nil {
			rows[i] = report.FailedRow(t.Arg, string(t.Kind), lang.T("verify.check-failed", "name", t.Arg, "err", lang.Cause(oc.Err)), oc.Config)
		} else {
			rows[i] = report.VerifiedRow(t.Arg, string(oc.Report.Kind), oc.Report, oc.Config, lang)
			rows[i].Findings = verifiedFindings(oc.Report, lang)
		}
		if outcomes[i].Err == nil {
			rows[i].Intake = outcomes[i].Intake
		}
	}
	return writeSummaryRows(g, file, rows, lang, cross)
}

// writeSummaryRows writes the summary of rows and cross to file (nothing
// when the run is interrupted).
func writeSummaryRows(g *Globals, file string, rows []report.SummaryRow, lang msg.Lang, cross []intake.Finding) error {
	st, err := g.stageReportFile(file, func(w io.Writer) error { return report.WriteSummary(w, file, rows, lang, cross...) })
	if err != nil {
		return err
	}
	defer st.Discard()
	if err := stopped(g.Context()); err != nil {
		return err
	}
	if err := st.Commit(true); err != nil {
		return userErr(err, "cli.write-failed", "file", file, "err", err.Error())
	}
	g.Infof("%s", lang.T("verify.summary-written", "file", file))
	return nil
}

// batchGC lets the garbage collector run less often during a batch (the
// default runs it after every doubling of the live heap): collecting takes
// a background share of the processors that the packages checked in
// parallel would otherwise use — on two cores, the batch benchmark checks
// about a tenth more packages a second at 400 than at the default 100. A
// soft memory limit (gctune.MemoryLimit) keeps large packages from growing the heap
// unchecked. GOGC and GOMEMLIMIT set by the user win. It returns the
// function that restores the settings.
func batchGC() (restore func()) { return gctune.Heavy() }

// verifyTargets turns the arguments into targets. `verify PDF PACKAGE` (a
// 申报书 then a folder or workbook) is one target; otherwise every argument
// is one: a folder, a PDF (its package guessed), or else an archive. A path
// given twice is checked once.
func verifyTargets(args []string) ([]verifyTarget, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return nil, pathErr(err, "verify.no-target", a)
		}
	}
	if len(args) == 2 && pack.IsPDF(args[0]) {
		if st, _ := os.Stat(args[1]); st.IsDir() || workbook.IsWorkbookName(args[1]) {
			return []verifyTarget{{Arg: args[0], Kind: pack.KindPDF, Package: args[1]}}, nil
		}
	}
	var out []verifyTarget
	seen := map[string]bool{}
	for _, a := range args {
		key := absOr(filepath.Clean(a))
		if seen[key] {
			continue
		}
		seen[key] = true
		st, _ := os.Stat(a)
		switch {
		case st.IsDir():
			out = append(out, verifyTarget{Arg: a, Kind: pack.KindFolder})
		case pack.IsPDF(a):
			out = append(out, verifyTarget{Arg: a, Kind: pack.KindPDF, Package: pack.PackageOfPDF(a)})
		default:
			out = append(out, verifyTarget{Arg: a, Kind: pack.KindZip})
		}
	}
	return out, nil
}

// okLine is the line of a package that passed.
func okLine(t verifyTarget, r *pack.Report, l msg.Lang) string {
	if r.Kind == pack.KindPDF {
		return l.T("verify.ok", "file", t.Arg, "version", r.Version(),
			"pages", fmt.Sprint(r.Verdict.Info.Pages), "package", t.Package)
	}
	var details []string
	if r.Files > 0 {
		details = append(details, l.T("verify.pkg.ok.files", "n", fmt.Sprint(r.Files)))
	}
	if _, warns, ok := r.Counts(); ok {
		details = append(details, l.T("verify.pkg.ok.data"))
		if warns > 0 {
			details = append(details, l.T("verify.pkg.ok.warnings", "n", fmt.Sprint(warns)))
		}
	}
	if r.Verdict != nil && r.Verdict.Info != nil {
		details = append(details, l.T("verify.pkg.ok.pdf", "pdf", r.PDF, "pages", fmt.Sprint(r.Verdict.Info.Pages)))
	}
	name, _, _ := r.Identity()
	return l.T("verify.pkg.ok", "file", t.Arg, "name", name, "version", r.Version(),
		"details", strings.Join(details, l.Pick("；", "; ")))
}
