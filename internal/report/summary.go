package report

import (
	"encoding/csv"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
)

// The summary is the office's table of many packages, one row each
// (`validate --summary`, `verify --summary`): who sent it, its version,
// its counts, the self-check's conditions, whether it passed, its first
// problem and the settings it relaxed. It is written as CSV for Excel or
// as JSON, by the file's extension.

// SummaryRow is one package of the summary table.
type SummaryRow struct {
	File      string `json:"file"`
	Kind      string `json:"kind"`
	SpaceName string `json:"space_name"`
	Operator  string `json:"operator"`
	Agency    string `json:"agency"`
	Version   string `json:"version"`
	// Errors and Warnings are nil when the data could not be read.
	Errors   *int `json:"errors"`
	Warnings *int `json:"warnings"`
	// Eligibility maps every self-check condition to met (nil: to confirm
	// by hand); empty when the data could not be read.
	Eligibility  map[string]*bool `json:"eligibility"`
	Verified     bool             `json:"verified"`
	FirstProblem string           `json:"first_problem"`
	Problems     []SummaryProblem `json:"problems"`
	// Settings are those the package was checked with that differ from
	// the defaults: an office sees a package that relaxed its own window
	// or thresholds.
	Settings []config.Setting `json:"settings_changed"`
	// Findings are every finding of the package (the 问题 sheet of an
	// .xlsx summary); Problems are the reasons it did not pass.
	Findings []SummaryFinding `json:"findings,omitempty"`
	// Intake holds the package's keys for the findings across packages:
	// `verify --merge` compares the keys of summaries of split runs.
	Intake *intake.Package `json:"intake,omitempty"`
}

// SummaryFinding is one finding of a package in the summary.
type SummaryFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file,omitempty"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Message  string `json:"message"`
}

// SummaryFindings are fs as the summary lists them.
func SummaryFindings(fs []finding.Finding) []SummaryFinding {
	out := make([]SummaryFinding, len(fs))
	for i, f := range fs {
		out[i] = SummaryFinding{Rule: f.Rule, Severity: string(f.Severity), File: f.File, Sheet: f.Sheet, Cell: f.Cell, Message: f.Message}
	}
	return out
}

// SummaryProblem is one reason a package of the summary did not pass.
type SummaryProblem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// SummaryProblemsMax is the number of findings a row of a validated
// package lists (the counts are complete; the report has them all).
const SummaryProblemsMax = 20

// Validated is a package checked by validate, as its summary row shows it.
type Validated struct {
	File, Kind                  string // Kind: "folder" or "zip"
	SpaceName, Operator, Agency string
	Findings                    []finding.Finding
	Eligibility                 []totals.Check
	Config                      *config.Config // the settings it was checked with
}

// Row is the summary row of p: "verified" means valid (no error; no
// warning either when strict).
func (p Validated) Row(strict bool) SummaryRow {
	e, w := finding.Counts(p.Findings)
	row := newRow(p.File, p.Kind, p.Config)
	row.SpaceName, row.Operator, row.Agency = p.SpaceName, p.Operator, p.Agency
	row.Errors, row.Warnings = &e, &w
	row.Verified = e == 0 && (!strict || w == 0)
	row.setEligibility(p.Eligibility)
	for _, f := range p.Findings {
		if len(row.Problems) == SummaryProblemsMax {
			break
		}
		if f.Severity == finding.Error || strict {
			row.Problems = append(row.Problems, SummaryProblem{Code: f.Rule, Message: f.Message}) // the message names its cell
		}
	}
	row.setFirst()
	return row
}

// Verified is what verify found out about one package (a *pack.Report).
type Verified interface {
	Identity() (name, operator, agency string)
	Version() string
	// Counts are the data's errors and warnings; ok is false when the
	// data was not read.
	Counts() (errs, warns int, ok bool)
	Eligibility() []totals.Check
	OK() bool
	// Codes and Lines are the problems' codes and texts, in order.
	Codes() []string
	Lines(msg.Lang) []string
}

// VerifiedRow is the summary row of the package file of kind checked by
// verify with cfg (nil: none could be loaded), its problems in l.
func VerifiedRow(file, kind string, v Verified, cfg *config.Config, l msg.Lang) SummaryRow {
	row := newRow(file, kind, cfg)
	row.SpaceName, row.Operator, row.Agency = v.Identity()
	row.Version = v.Version()
	if e, w, ok := v.Counts(); ok {
		row.Errors, row.Warnings = &e, &w
	}
	row.setEligibility(v.Eligibility())
	row.Verified = v.OK()
	codes, lines := v.Codes(), v.Lines(l)
	for i := range min(len(codes), len(lines)) {
		row.Problems = append(row.Problems, SummaryProblem{Code: codes[i], Message: lines[i]})
	}
	row.setFirst()
	return row
}

// CodeCheckFailed is the problem code of a package that could not be
// checked at all.
const CodeCheckFailed = "CHECK-FAILED"

// FailedRow is the summary row of a package that could not be checked;
// why says so.
func FailedRow(file, kind, why string, cfg *config.Config) SummaryRow {
	row := newRow(file, kind, cfg)
	row.Problems = append(row.Problems, SummaryProblem{Code: CodeCheckFailed, Message: why})
	row.setFirst()
	return row
}

func newRow(file, kind string, cfg *config.Config) SummaryRow {
	return SummaryRow{File: file, Kind: kind, Eligibility: map[string]*bool{}, Problems: []SummaryProblem{},
		Settings: changedSettings(cfg)}
}

func (r *SummaryRow) setEligibility(checks []totals.Check) {
	for _, c := range checks {
		r.Eligibility[c.Key] = c.Met
	}
}

func (r *SummaryRow) setFirst() {
	if len(r.Problems) > 0 {
		r.FirstProblem = r.Problems[0].Message
	}
}

// changedSettings are the settings of cfg that differ from the defaults,
// never nil (an empty list in JSON).
func changedSettings(cfg *config.Config) []config.Setting {
	if s := cfg.Changed(); s != nil {
		return s
	}
	return []config.Setting{}
}

// SettingsText lists changed settings for a person.
func SettingsText(s []config.Setting, l msg.Lang) string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = x.Text(l)
	}
	return strings.Join(parts, l.Pick("；", "; "))
}

// IsSummaryFile reports whether file names a summary WriteSummary can
// write: a .csv, .json, .xlsx or .html file.
func IsSummaryFile(file string) bool {
	ext := strings.ToLower(filepath.Ext(file))
	return ext == ".csv" || ext == ".json" || ext == ".xlsx" || isHTMLFile(file)
}

// isHTMLFile reports whether file is an HTML page (a summary written by
// writeSummaryHTML).
func isHTMLFile(file string) bool {
	ext := strings.ToLower(filepath.Ext(file))
	return ext == ".html" || ext == ".htm"
}

// eligibilityKeys are the self-check's conditions that the data decides,
// in the self-check's order (those to confirm by hand are left out of the
// table: they are the same for every package).
func eligibilityKeys() []string {
	var keys []string
	for _, c := range totals.New(config.Default()).Result(totals.ThresholdsOf(config.Default())).Eligibility {
		if !c.Manual() {
			keys = append(keys, c.Key)
		}
	}
	return keys
}

// WriteSummary writes the rows as CSV (for Excel: a UTF-8 byte order mark,
// CRLF line ends, headers in the run's language), JSON, an Excel workbook
// (summary_xlsx.go) or an HTML page (.html: in the style of the HTML
// report), by the extension of file; cross are the findings across the
// packages (json: "intake"; CSV: a column naming those of each package).
func WriteSummary(w io.Writer, file string, rows []SummaryRow, l msg.Lang, cross ...intake.Finding) error {
	if isHTMLFile(file) {
		return writeSummaryHTML(w, rows, cross, l)
	}
	if strings.EqualFold(filepath.Ext(file), ".xlsx") {
		return writeSummaryXLSX(w, rows, cross, l)
	}
	if strings.EqualFold(filepath.Ext(file), ".json") {
		ok := 0
		for _, r := range rows {
			if r.Verified {
				ok++
			}
		}
		// Written a package and a finding at a time, not indented: the
		// summary of 1,000 packages is never held whole in memory.
		return writeSummaryJSON(w, rows, cross, ok, l)
	}
	keys := eligibilityKeys()
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	crossOf := intakeByPackage(cross)
	if err := cw.Write(summaryHead(keys, l)); err != nil {
		return err
	}
	for i := range rows {
		rec := summaryValues(&rows[i], keys, crossOf, l)
		for j := range rec {
			rec[j] = cellText(rec[j])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// summaryHead is the header row of the summary table (CSV and workbook).
func summaryHead(keys []string, l msg.Lang) []string {
	head := []string{l.T("summary.file"), l.T("summary.name"), l.T("summary.operator"), l.T("summary.agency"),
		l.T("summary.version"), l.T("summary.errors"), l.T("summary.warnings")}
	for _, k := range keys {
		head = append(head, l.T("summary.elig-prefix")+l.T("summary.elig."+k))
	}
	return append(head, l.T("summary.verified"), l.T("summary.problem"), l.T("summary.settings"), l.T("summary.intake"))
}

// summaryValues is the row r of the summary as the CSV and the workbook have
// it, before the CSV's quoting against formulas (cellText: a workbook
// cell set as text is no formula).
func summaryValues(r *SummaryRow, keys []string, crossOf map[string][]*intake.Finding, l msg.Lang) []string {
	count := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	rec := []string{r.File, r.SpaceName, r.Operator, r.Agency, r.Version, count(r.Errors), count(r.Warnings)}
	for _, k := range keys {
		met, ok := r.Eligibility[k]
		switch {
		case !ok:
			rec = append(rec, "")
		case met == nil:
			rec = append(rec, l.T("summary.manual"))
		case *met:
			rec = append(rec, l.T("summary.met"))
		default:
			rec = append(rec, l.T("summary.not-met"))
		}
	}
	verified := l.T("summary.no")
	if r.Verified {
		verified = l.T("summary.yes")
	}
	return append(rec, verified, r.FirstProblem, SettingsText(r.Settings, l), intakeRules(crossOf[r.File], l))
}

// cellText keeps a text from being read as a formula by a spreadsheet: the
// names in the table come from the packages, and a cell that starts with =,
// +, - or @ would run as one when the office opens the CSV (CSV injection).
func cellText(s string) string {
	s = msg.Escape(s) // control characters shown, not passed to the spreadsheet
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
