package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/totals"
)

// validateOptions holds the flags and arguments of `mkspace validate` and
// what tests replace.
type validateOptions struct {
	g *Globals

	Paths       []string
	Format      string
	Output      string
	Reports     []string // FORMAT=FILE, as given
	MaxFindings int
	AllFindings bool // --max-findings 0 given: the HTML report lists every finding too
	Strict      bool
	Summary     string // --summary FILE.csv|FILE.json: one row per package
	Annotate    string // --annotate[=FILE.xlsx|FOLDER]: marked-up copies ("auto": output/ of each package)

	lang msg.Lang // the language of the reports, once known

	Validate validateFunc           // the checker; nil: checkWithRules
	Workers  int                    // packages checked at once; 0: runtime.NumCPU()
	Getwd    func() (string, error) // the working folder; nil: os.Getwd
}

// newValidateCmd builds `mkspace validate`. runF, when not nil, runs instead of
// runValidate with the options parsed (tests capture them).
func newValidateCmd(g *Globals, runF func(*validateOptions) error) *cobra.Command {
	if runF == nil {
		runF = runValidate
	}
	o := &validateOptions{g: g}
	formats := strings.Join(report.Formats(), "|")
	both := func(key string, kv ...string) string {
		return msg.ZH.T(key, kv...) + " / " + msg.EN.T(key, kv...)
	}
	cmd := &cobra.Command{
		Use:   "validate [PACKAGE|XLSX]... [--format " + formats + "]",
		Short: both("validate.short"),
		Long:  longHelp(msg.ZH.T("validate.long"), msg.EN.T("validate.long")),
		Example: `  mkspace validate
  mkspace validate 申报材料/ --format json --output 结果.json
  mkspace validate 申报数据.xlsx 人员.xlsx
  mkspace validate A/ B/ C/ --report sarif=results.sarif --report junit=results.xml --strict`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.AllFindings = cmd.Flags().Changed("max-findings") && o.MaxFindings == 0
			return runF(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Format, "format", "f", report.Text, both("validate.flag.format", "formats", formats))
	f.StringVarP(&o.Output, "output", "o", "", both("validate.flag.output"))
	f.StringArrayVar(&o.Reports, "report", nil, both("validate.flag.report"))
	f.IntVar(&o.MaxFindings, "max-findings", 0, both("validate.flag.max-findings"))
	f.BoolVar(&o.Strict, "strict", false, both("validate.flag.strict"))
	f.StringVar(&o.Summary, "summary", "", both("validate.flag.summary"))
	f.StringVar(&o.Annotate, "annotate", "", both("validate.flag.annotate"))
	f.Lookup("annotate").NoOptDefVal = annotateAuto
	return cmd
}

// reportTarget is one report to write: "" File = standard output.
type reportTarget struct{ Format, File string }

func runValidate(o *validateOptions) error {
	g := o.g
	reports, err := o.parse()
	if err != nil {
		return err
	}
	if err := checkSummaryPath(g, o.Summary); err != nil {
		return err
	}
	if err := o.checkAnnotateFlag(); err != nil {
		return err
	}
	pkgs, cfgs, err := loadTargets(g, o.Paths)
	if err != nil {
		return err
	}
	if len(pkgs) > 1 {
		defer batchGC()() // an intake: collected seldom, under a soft limit
	}
	// Fail now, not after a long check, when a report would replace a
	// workbook or the configuration (the attachments are checked once the
	// workbooks that name them are read).
	for _, t := range reports {
		if err := g.checkOutput(t.File, reportName(t.Format)); err != nil {
			return err
		}
	}
	if err := g.checkOutput(o.Summary, ""); err != nil {
		return err
	}
	// The config of the first package decides the language of the report
	// (--lang and MKSPACE_LANG win over it inside LoadConfig).
	lang := cfgs[0].Lang
	o.lang = lang

	results, err := checkAll(g, pkgs, cfgs, o.Validate, o.Workers, lang)
	if err != nil {
		return err
	}

	getwd := o.Getwd
	if getwd == nil {
		getwd = os.Getwd
	}
	base, _ := getwd()
	in := reportInput(pkgs, cfgs, results, lang)
	in.MaxFindings, in.AllFindings, in.BaseDir = o.MaxFindings, o.AllFindings, base
	in.Intake = intakeOfResults(results)

	// Every report file is written to a temporary file first; only when all
	// are complete are they renamed into place, so that a failure leaves no
	// file behind. Standard output comes last.
	var staged []*atomicfile.Staged
	defer func() {
		for _, st := range staged {
			st.Discard()
		}
	}()
	for _, t := range reports {
		if t.File == "" {
			continue
		}
		st, err := g.stageReportFile(t.File, func(w io.Writer) error { return report.Write(w, t.Format, in) })
		if err != nil {
			return err
		}
		staged = append(staged, st)
	}
	if o.Summary != "" {
		rows := make([]report.SummaryRow, len(pkgs))
		for i, p := range pkgs {
			rows[i] = summaryOf(p, cfgs[i], results[i]).Row(o.Strict)
			rows[i].Findings, rows[i].Intake = report.SummaryFindings(results[i].Findings), results[i].Intake
		}
		st, err := g.stageReportFile(o.Summary, func(w io.Writer) error { return report.WriteSummary(w, o.Summary, rows, lang, in.Intake...) })
		if err != nil {
			return err
		}
		staged = append(staged, st)
	}
	annotated, err := o.stageAnnotated(pkgs, results)
	if err != nil {
		return err
	}
	staged = append(staged, annotated...)
	if err := stopped(g.Context()); err != nil {
		return err // interrupted: no report is put in place
	}
	for _, st := range staged {
		if err := st.Commit(true); err != nil {
			return userErr(err, "cli.write-failed", "file", st.Path(), "err", err.Error())
		}
	}
	for _, t := range reports {
		if t.File != "" {
			g.Infof("%s", lang.T("validate.written", "format", t.Format, "file", t.File))
		}
	}
	if o.Summary != "" {
		g.Infof("%s", lang.T("verify.summary-written", "file", o.Summary))
	}
	for _, st := range annotated {
		g.Infof("%s", lang.T("annotate.written", "file", st.Path()))
	}
	for _, t := range reports {
		if t.File == "" {
			if err := report.Write(g.IO.Out, t.Format, in); err != nil {
				return userErr(err, "cli.write-failed", "file", "stdout", "err", err.Error())
			}
		}
	}
	if g.validated != nil {
		g.validated(in)
	}
	return findingsExit(in, o.Strict)
}

// summaryOf is the package p checked with cfg, as the summary shows it.
func summaryOf(p validateTarget, cfg *config.Config, r *validateResult) report.Validated {
	if r.Config != nil {
		cfg = r.Config
	}
	kind := "folder"
	if strings.EqualFold(filepath.Ext(p.Dir), ".zip") {
		kind = "zip"
	}
	checks, _ := r.Eligibility.([]totals.Check)
	return report.Validated{File: p.Name, Kind: kind, SpaceName: r.Identity.SpaceName, Operator: r.Identity.Operator,
		Agency: r.Identity.Agency, Findings: r.Findings, Eligibility: checks, Config: cfg}
}

// parse checks the flag values and returns the reports to write: the main
// one first.
func (o *validateOptions) parse() ([]reportTarget, error) {
	formats := strings.Join(report.Formats(), ", ")
	o.Format = strings.ToLower(strings.TrimSpace(o.Format))
	if !report.Valid(o.Format) {
		return nil, userErr(nil, "validate.bad-format", "value", o.Format, "formats", formats)
	}
	if o.MaxFindings < 0 {
		return nil, userErr(nil, "validate.bad-max-findings", "value", strconv.Itoa(o.MaxFindings))
	}
	main := reportTarget{Format: o.Format}
	if o.Output != "-" {
		main.File = o.Output
	}
	reports := []reportTarget{main}
	for _, r := range o.Reports {
		format, file, ok := strings.Cut(r, "=")
		format = strings.ToLower(strings.TrimSpace(format))
		if !ok || strings.TrimSpace(file) == "" {
			return nil, userErr(nil, "validate.bad-report", "value", r, "formats", formats)
		}
		if !report.Valid(format) {
			return nil, userErr(nil, "validate.bad-format", "value", format, "formats", formats)
		}
		if file == "-" {
			file = ""
		}
		reports = append(reports, reportTarget{Format: format, File: file})
	}
	seen := map[string]bool{}
	for _, t := range reports {
		key := "-"
		if t.File != "" {
			abs, err := filepath.Abs(t.File)
			if err != nil {
				abs = t.File
			}
			key = abs
		}
		if seen[key] {
			shown := t.File
			if shown == "" {
				shown = "stdout"
			}
			return nil, userErr(nil, "validate.same-file", "file", shown)
		}
		seen[key] = true
		if t.File != "" {
			// Fail now, not after a long check, when the folder is missing
			// or the name is taken by a folder.
			if err := o.g.checkOutput(t.File, reportName(t.Format)); err != nil {
				return nil, err
			}
			dir := filepath.Dir(t.File)
			st, err := os.Stat(dir)
			if err == nil && !st.IsDir() {
				err = &fs.PathError{Op: "stat", Path: dir, Err: syscall.ENOTDIR}
			}
			if err != nil {
				return nil, userErr(err, "cli.write-failed", "file", t.File, "err", err.Error())
			}
		}
	}
	return reports, nil
}

// reportName is the file name suggested for a report of format when the
// name given is a folder.
func reportName(format string) string {
	switch format {
	case report.Text, report.GitHub:
		return "report.txt"
	case report.JUnit:
		return "report.xml"
	}
	return "report." + format
}
