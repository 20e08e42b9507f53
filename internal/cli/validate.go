package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/totals"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/version"
)

// validateResult is what checking one package gives: the package folder,
// the workbooks read and the findings.
type validateResult struct {
	Dir      string
	Files    []string
	Findings []finding.Finding
	Totals   any // printed as "totals" in json when set
	// Eligibility is the self-check, printed as "eligibility" in json.
	Eligibility any
	// Identity names the package in a --summary table.
	Identity analysis.Identity
	// Reads are the files read beyond the workbooks (the attachments the
	// workbooks name): no report may replace one.
	Reads []string
	// Config is the configuration the package was checked with, when it
	// is not the one given (a zip's own mkspace.yaml).
	Config *config.Config
}

// validateFunc checks the package made of paths (a folder, a .zip, or
// workbooks of one folder) with cfg.
type validateFunc func(paths []string, cfg *config.Config) (*validateResult, error)

// progressMin is the number of packages from which a terminal gets a
// progress bar.
const progressMin = 4

// validateOptions holds the flags and arguments of `mkspace validate` and
// what tests replace.
type validateOptions struct {
	g *Globals

	Paths       []string
	Format      string
	Output      string
	Reports     []string // FORMAT=FILE, as given
	MaxFindings int
	Strict      bool
	Summary     string // --summary FILE.csv|FILE.json: one row per package

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
	return cmd
}

// validateTarget is one package to check.
type validateTarget struct {
	Name  string   // shown when there are several
	Dir   string   // its folder (a .zip: the .zip itself)
	Paths []string // what the checker is given
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
	pkgs, cfgs, err := loadTargets(g, o.Paths)
	if err != nil {
		return err
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
	in.MaxFindings, in.BaseDir = o.MaxFindings, base

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
		}
		st, err := g.stageReportFile(o.Summary, func(w io.Writer) error { return report.WriteSummary(w, o.Summary, rows, lang) })
		if err != nil {
			return err
		}
		staged = append(staged, st)
	}
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
	for _, t := range reports {
		if t.File == "" {
			if err := report.Write(g.IO.Out, t.Format, in); err != nil {
				return userErr(err, "cli.write-failed", "file", "stdout", "err", err.Error())
			}
		}
	}
	return findingsExit(in, o.Strict)
}

// reportInput is the report of the packages checked, in the language l.
func reportInput(pkgs []validateTarget, cfgs []*config.Config, results []*validateResult, l msg.Lang) report.Input {
	in := report.Input{Lang: l, Window: cfgs[0].Window, ToolVersion: version.Tool}
	for i, p := range pkgs {
		r := results[i]
		in.Packages = append(in.Packages, report.Package{Name: p.Name, Dir: p.Dir, Files: r.Files,
			Findings: r.Findings, Window: cfgs[i].Window, Totals: r.Totals, Eligibility: r.Eligibility})
	}
	return in
}

// findingsExit is ErrFindings when a package of in has errors, or
// warnings when strict.
func findingsExit(in report.Input, strict bool) error {
	for _, p := range in.Packages {
		if e, w := p.Counts(); e > 0 || (strict && w > 0) {
			return ErrFindings
		}
	}
	return nil
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

// validateTargets turns the arguments into packages: a folder is a package;
// a .zip is a package; other files (workbooks) given from one folder form
// one package, wherever they appear among the arguments. The packages keep
// the order in which they first appear; a folder given twice is checked
// once.
func validateTargets(args []string) ([]validateTarget, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var out []validateTarget
	seen := map[string]int{} // key → index in out
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, pathErr(err, "validate.no-such-path", a)
		}
		clean := filepath.Clean(a)
		switch {
		case st.IsDir():
			key := "dir:" + absOr(clean)
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: clean, Dir: clean, Paths: []string{clean}})
		case strings.EqualFold(filepath.Ext(clean), ".zip"):
			key := "zip:" + absOr(clean)
			if _, ok := seen[key]; ok {
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: clean, Dir: clean, Paths: []string{clean}})
		default:
			dir := filepath.Dir(clean)
			key := "files:" + absOr(dir)
			if i, ok := seen[key]; ok {
				if !slices.Contains(out[i].Paths, clean) {
					out[i].Paths = append(out[i].Paths, clean)
				}
				continue
			}
			seen[key] = len(out)
			out = append(out, validateTarget{Name: dir, Dir: dir, Paths: []string{clean}})
		}
	}
	return out, nil
}

// loadTargets groups the arguments into packages and loads each package's
// configuration (its own mkspace.yaml unless --config).
func loadTargets(g *Globals, args []string) ([]validateTarget, []*config.Config, error) {
	pkgs, err := validateTargets(args)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range pkgs {
		g.readsPackage(p.Paths...)
	}
	cfgs := make([]*config.Config, len(pkgs))
	for i, p := range pkgs {
		if cfgs[i], err = g.LoadConfig(p.Dir); err != nil {
			return nil, nil, err
		}
	}
	return pkgs, cfgs, nil
}

func absOr(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// checkAll checks the packages with check (nil: checkWithRules) on at most
// workers goroutines (0: one per CPU) and returns the results in the order
// of pkgs.
func checkAll(g *Globals, pkgs []validateTarget, cfgs []*config.Config, check validateFunc, workers int, lang msg.Lang) ([]*validateResult, error) {
	if check == nil {
		check = checkWithRules
	}
	results := make([]*validateResult, len(pkgs))
	errs := make([]error, len(pkgs))
	if err := runPool(g, len(pkgs), workers, lang.T("validate.progress"), func(i int) {
		results[i], errs[i] = safeCheck(check, pkgs[i].Paths, cfgs[i])
	}); err != nil {
		return nil, err
	}

	for i, p := range pkgs {
		if errs[i] != nil {
			return nil, userErr(errs[i], "validate.failed", "name", p.Name, "err", errs[i].Error())
		}
		if !strings.EqualFold(filepath.Ext(p.Dir), ".zip") { // a zip's files are in a folder now removed
			g.inputs.Add(results[i].Files...)
		}
		g.inputs.Add(results[i].Reads...)
		results[i] = normalizeResult(p, results[i])
	}
	return results, nil
}

// safeCheck runs check, turning a panic into an error: one broken package
// must not take the others down.
func safeCheck(check validateFunc, paths []string, cfg *config.Config) (r *validateResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	r, err = check(paths, cfg)
	if err == nil && r == nil {
		err = errors.New("no result")
	}
	return r, err
}

// normalizeResult makes the file names of a result relative to the package
// folder where they lie inside it, so that every report shows them alike.
func normalizeResult(p validateTarget, r *validateResult) *validateResult {
	out := *r
	out.Files = make([]string, len(r.Files))
	for i, f := range r.Files {
		out.Files[i] = relToPackage(p.Dir, f)
	}
	out.Findings = slices.Clone(r.Findings)
	for i := range out.Findings {
		out.Findings[i].File = relToPackage(p.Dir, out.Findings[i].File)
	}
	return &out
}

// relToPackage returns file relative to the package folder dir when it lies
// inside it: file may be absolute, relative to dir, or relative to the
// working folder (as the user gave it).
func relToPackage(dir, file string) string {
	if file == "" {
		return ""
	}
	inside := func(abs string) (string, bool) {
		r, err := filepath.Rel(absOr(dir), abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", false
		}
		return r, true
	}
	if filepath.IsAbs(file) {
		if r, ok := inside(file); ok {
			return r
		}
		return file
	}
	if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
		return filepath.Clean(file)
	}
	if _, err := os.Stat(file); err == nil {
		if r, ok := inside(absOr(file)); ok {
			return r
		}
	}
	return filepath.Clean(file)
}

// checkZipWithRules validates a packed package (`mkspace validate x.zip`,
// `mkspace totals x.zip`) unpacked into a temporary folder, removed
// afterwards (pack.UnpackData); an archive that cannot be unpacked safely
// is one FILE-UNREADABLE finding saying why.
func checkZipWithRules(zipPath string, cfg *config.Config) (*validateResult, error) {
	z, unreadable, err := pack.UnpackData(zipPath, cfg)
	switch {
	case err != nil:
		return nil, err
	case unreadable != nil:
		return &validateResult{Dir: zipPath, Findings: []finding.Finding{*unreadable}}, nil
	}
	defer z.Remove()
	r, err := checkWithRules([]string{z.Dir}, z.Config)
	if err != nil {
		return nil, err
	}
	r.Dir = zipPath
	z.Localize(r.Files, r.Findings)
	return r, nil
}

// stageReportFile writes a report through write into a temporary file in the
// folder of path; the caller commits it (no reader ever sees half a
// report) or discards it. A path that is a file the run reads is refused.
// The error is for the user.
func (g *Globals) stageReportFile(path string, write func(io.Writer) error) (*atomicfile.Staged, error) {
	if err := g.inputs.Check(path); err != nil {
		return nil, outputErr(err, path)
	}
	st, err := atomicfile.Stage(path, write)
	if err != nil {
		return nil, outputErr(err, path)
	}
	return st, nil
}
