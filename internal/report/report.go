// Package report prints the findings of one or several packages in the
// formats of SPEC §2: text (for people), json, sarif (code scanning), junit
// (test dashboards) and github (Actions workflow commands).
//
// Every format lists the findings sorted by file, sheet (in the order of the
// form), row and column. Input.MaxFindings caps how many are listed, counted
// over all packages in order; the counts (errors, warnings) always cover
// every finding.
//
// Several packages in one report:
//   - text: each package under its name, with its own count line, then a
//     total line;
//   - json: one package gives the object of SPEC §2; several give
//     {"tool", "tool_version", "packages": [object, …], "summary"}, where
//     each object is the single-package object plus "package" (its name) and
//     "dir", and "summary" adds up every package (plus "packages", their
//     number);
//   - sarif: one run holding the results of every package (code scanning
//     refuses several runs of one tool in one upload); run.properties carry
//     the counts, per package too. At most SARIFMaxResults results are
//     listed, code scanning's limit per run;
//   - junit: one <testsuites>, the suites of each package prefixed with its
//     name;
//   - github: the annotations of every package, then one ::notice summary.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Format names.
const (
	Text   = "text"
	JSON   = "json"
	SARIF  = "sarif"
	JUnit  = "junit"
	GitHub = "github"
	HTML   = "html"
)

// Formats lists every format name, the default first.
func Formats() []string { return []string{Text, JSON, SARIF, JUnit, GitHub, HTML} }

// Valid reports whether format is a known format name.
func Valid(format string) bool { return slices.Contains(Formats(), format) }

// Input is what a report is made of.
type Input struct {
	Packages    []Package
	Lang        msg.Lang
	Window      config.Window // the window of packages that do not set their own
	ToolVersion string
	// MaxFindings caps the number of findings listed (over all packages);
	// 0 lists every one. The counts are never capped.
	MaxFindings int
	// AllFindings lists every finding in the HTML report, which otherwise
	// lists HTMLMaxFindings when MaxFindings is 0 (--max-findings 0 given
	// on purpose).
	AllFindings bool
	// BaseDir is the working folder: absolute paths are shown relative to
	// it. Relative paths are taken as relative to it already.
	BaseDir string
	// Intake holds the findings across the packages (two or more): listed
	// after the packages', counted apart, never an error (see intake.go).
	Intake []intake.Finding
}

// Package is the outcome of checking one package.
type Package struct {
	Name     string   // as the user named it (a folder argument); shown when there are several
	Dir      string   // the package folder; file names of Files and findings are relative to it
	Files    []string // the workbooks read, relative to Dir
	Findings []finding.Finding
	Window   config.Window // zero: Input.Window
	// Totals and Eligibility are printed as they are in json ("totals",
	// "eligibility"); nil leaves them out.
	Totals      any
	Eligibility any
	// SpaceName, Operator and Agency name the package in the HTML report
	// ("" when the workbook does not say).
	SpaceName, Operator, Agency string
}

// Counts returns the errors and warnings of the package.
func (p *Package) Counts() (errors, warnings int) { return finding.Counts(p.Findings) }

// UnknownFormatError is returned by Write for a format it does not know.
type UnknownFormatError struct{ Format string }

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown report format %q (use %s)", e.Format, strings.Join(Formats(), ", "))
}

// MaxValueRunes bounds the value a report carries with a finding (json
// "value", sarif's result properties): a 40,000-character cell is given
// by its first 200 characters and "…"; messages quote at most
// msg.ValueRunes.
const MaxValueRunes = 200

// SARIFMaxResults is the most results a SARIF report lists, whatever
// MaxFindings says: GitHub code scanning rejects a run with more (the counts
// in run.properties still cover every finding).
const SARIFMaxResults = 25_000

// Write prints the report of in in format.
func Write(w io.Writer, format string, in Input) error {
	if format == SARIF && (in.MaxFindings <= 0 || in.MaxFindings > SARIFMaxResults) {
		in.MaxFindings = SARIFMaxResults
	}
	if format == HTML && in.MaxFindings <= 0 && !in.AllFindings {
		in.MaxFindings = HTMLMaxFindings
	}
	v := prepare(in)
	switch format {
	case Text, "":
		return writeText(w, v)
	case JSON:
		return writeJSON(w, v)
	case SARIF:
		return writeSARIF(w, v)
	case JUnit:
		return writeJUnit(w, v)
	case GitHub:
		return writeGitHub(w, v)
	case HTML:
		return writeHTML(w, v)
	}
	return &UnknownFormatError{Format: format}
}

// view is the input made ready for printing: findings sorted, the listing
// capped, the counts added up.
type view struct {
	Input
	pkgs      []pkgView
	errors    int
	warnings  int
	notListed int
}

type pkgView struct {
	*Package
	sorted   []finding.Finding // every finding, sorted
	listed   []finding.Finding // the ones printed (a prefix of sorted)
	errors   int
	warnings int
	window   config.Window
}

func prepare(in Input) *view {
	if in.Lang == "" {
		in.Lang = msg.ZH
	}
	v := &view{Input: in}
	order := make([]string, 0, len(schema.Sheets()))
	for _, s := range schema.Sheets() {
		order = append(order, s.Name)
	}
	left := in.MaxFindings
	for i := range in.Packages {
		p := &in.Packages[i]
		pv := pkgView{Package: p, window: p.Window}
		if pv.window.Start.IsZero() && pv.window.End.IsZero() {
			pv.window = in.Window
		}
		pv.sorted = slices.Clone(p.Findings)
		for i := range pv.sorted {
			pv.sorted[i].Value = msg.Clip(pv.sorted[i].Value, MaxValueRunes)
		}
		finding.Sort(pv.sorted, order)
		pv.errors, pv.warnings = finding.Counts(pv.sorted)
		pv.listed = pv.sorted
		if in.MaxFindings > 0 {
			n := min(left, len(pv.sorted))
			pv.listed = pv.sorted[:n]
			left -= n
			v.notListed += len(pv.sorted) - n
		}
		v.errors += pv.errors
		v.warnings += pv.warnings
		v.pkgs = append(v.pkgs, pv)
	}
	return v
}

// several reports whether the report covers more than one package.
func (v *view) several() bool { return len(v.pkgs) > 1 }

// CountLine renders the count line of a report: "共 2 个错误，1 个警告" /
// "2 errors, 1 warning".
func CountLine(l msg.Lang, errors, warnings int) string { return countLine(l, errors, warnings) }

// countLine renders "共 2 个错误，1 个警告" / "2 errors, 1 warning".
func countLine(l msg.Lang, errors, warnings int) string {
	e := l.T("report.errors-one")
	if errors != 1 {
		e = l.T("report.errors-many", "n", strconv.Itoa(errors))
	}
	w := l.T("report.warnings-one")
	if warnings != 1 {
		w = l.T("report.warnings-many", "n", strconv.Itoa(warnings))
	}
	return l.T("report.count", "errors", e, "warnings", w)
}

func severityWord(l msg.Lang, s finding.Severity) string {
	switch s {
	case finding.Warning:
		return l.T("report.warning")
	case finding.Info:
		return l.T("report.info")
	}
	return l.T("report.error")
}

// ruleDescription is the short description of a rule id.
func ruleDescription(l msg.Lang, rule string) string {
	if strings.HasPrefix(rule, finding.EligPrefix) {
		return l.T("report.rule.ELIG", "key", strings.ToLower(strings.TrimPrefix(rule, finding.EligPrefix)))
	}
	if k := "report.rule." + rule; msg.Has(k) {
		return l.T(k)
	}
	return rule
}

// message is the finding's message, or the rule's description when the
// finding has none.
func message(l msg.Lang, f *finding.Finding) string {
	if strings.TrimSpace(f.Message) != "" {
		return f.Message
	}
	return ruleDescription(l, f.Rule)
}

// located returns the message starting with the finding's location
// ("创业团队!H7：…"), adding it when the message does not already say it.
func located(l msg.Lang, f *finding.Finding) string {
	m := message(l, f)
	loc := f.Location()
	if loc == "" || strings.HasPrefix(m, loc) || strings.HasPrefix(m, msg.Escape(loc)) {
		return m // (a message shows the location escaped)
	}
	if l == msg.EN {
		return loc + ": " + m
	}
	return loc + "：" + m
}

// unlocated returns the message without a leading location, for layouts
// that print the location in a column of its own.
func unlocated(l msg.Lang, f *finding.Finding) string {
	m := message(l, f)
	loc := f.Location()
	if loc == "" {
		return m
	}
	for _, l := range []string{loc, msg.Escape(loc)} { // a message shows the location escaped
		for _, sep := range []string{"：", ": ", ":"} {
			if rest, ok := strings.CutPrefix(m, l+sep); ok && strings.TrimSpace(rest) != "" {
				return strings.TrimSpace(rest)
			}
		}
	}
	return m
}

// path is the slash-separated path of a package file relative to the
// working folder; "" for "".
func (v *view) path(p *pkgView, file string) string {
	if file == "" {
		return ""
	}
	full := file
	if !filepath.IsAbs(file) {
		full = filepath.Join(p.Dir, file)
	}
	if filepath.IsAbs(full) && v.BaseDir != "" {
		if r, err := filepath.Rel(v.BaseDir, full); err == nil {
			full = r
		}
	}
	return filepath.ToSlash(filepath.Clean(full))
}

// anchorFile is the file a finding is shown on where a format needs one: the
// finding's file, else the package's first workbook, else the package
// folder.
func (v *view) anchorFile(p *pkgView, f *finding.Finding) string {
	switch {
	case f.File != "":
		return v.path(p, f.File)
	case len(p.Files) > 0:
		return v.path(p, p.Files[0])
	}
	return v.path(p, ".")
}

// usedRules returns the rule ids of every finding that are not in
// finding.Rules (the ELIG-* ids), sorted.
func (v *view) extraRules() []string {
	known := map[string]bool{}
	for _, r := range finding.Rules() {
		known[r] = true
	}
	var out []string
	for _, p := range v.pkgs {
		for i := range p.sorted {
			if r := p.sorted[i].Rule; !known[r] {
				known[r] = true
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}
