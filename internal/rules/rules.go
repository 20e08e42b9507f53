// Package rules checks the data of a package against every rule of SPEC §1–§2
// that concerns cell values, rows, tables and attachments, and positions
// each problem at its cell.
//
// One pass streams every data sheet once. For each row the cells are typed
// (package cell; a formula cell is unknown), then the rules run in this
// order:
//
//  1. CELL-REQUIRED for required columns (a missing field row of a form
//     sheet is reported at the sheet, with the field as column);
//  2. conflicts (TEAM-STATUS-CONFLICT), which switch off the state rules that
//     depend on the conflicting cells;
//  3. the row-state conditions through validator/v10 (conditions.go):
//     CELL-REQUIRED / CELL-NOT-FILLABLE with the condition's label;
//  4. the cells that do not read: CELL-TYPE (formulas included), CELL-ENUM,
//     CELL-FORMAT, USCC-INVALID, USCC-CHECK-DIGIT;
//  5. the value rules on cells that read: CELL-TOO-LONG, CELL-RANGE,
//     DATE-AFTER-WINDOW, DATE-OUTSIDE-WINDOW, DATE-ORDER, DUPLICATE-VALUE,
//     ATTACHMENT-*;
//  6. row rules (VENUE-AREA-SUM) and the facts the cross-table rules need;
//  7. the observers (e.g. the totals) with the typed row;
//
// and once every sheet is read, the XREF-* rules.
//
// Decisions:
//
//   - A value that does not read is unknown to every other rule of its row:
//     a condition on an unknown yes/no is not evaluated, a date order with an
//     unknown date is not checked, an unknown area leaves the venue sum alone.
//   - A cell that the row's state says must stay empty gets CELL-NOT-FILLABLE
//     alone, whatever it holds: "无" or "/" in a 不可填 date is one finding
//     ("clear the cell"), not a CELL-TYPE asking for a date.
//   - A formula where a value belongs is CELL-TYPE (variant "formula"): its
//     cached result may be stale or absent (files written by programs carry
//     none), and validation never trusts a cached formula value (SPEC §1).
//   - USCC-CHECK-DIGIT leaves the code known (it has the right shape), so the
//     code is still checked for uniqueness.
//   - Uniqueness and team-name matching compare values after trimming and
//     folding full-width ASCII to half-width; USCCs are compared upper case.
//   - Every cell that names a bad attachment gets the finding; the file itself
//     is examined once (cached by its resolved path), on up to four worker
//     goroutines while the rows stream on.
//   - The row-state conditions are validator/v10 tags generated from
//     schema.Conditions; validator's verdict is memoised per row signature
//     (the yes/no values and which targets are filled), so it runs once per
//     distinct combination, not once per row.
package rules

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Result is the outcome of validating one package.
type Result struct {
	Dir      string            // package folder
	Files    []string          // the workbook files read
	Findings []finding.Finding // every finding, the reader's and the rules', sorted
}

// State tells what a typed cell holds.
type State uint8

const (
	// Absent: the column is not in the sheet (or a form's field row is
	// missing). The reader reports it once; no cell rule runs.
	Absent State = iota
	// Empty: nothing in the cell.
	Empty
	// Valid: the cell reads as its column's type.
	Valid
	// Invalid: the cell does not read (or holds a formula); its value is
	// unknown to every other rule.
	Invalid
)

// TypedRow is one data row after typing, handed to observers. Its slices are
// indexed like the sheet's Columns and reused for the next row: an observer
// copies what it keeps.
type TypedRow struct {
	Number int // Excel row (a form sheet: its header row)
	Cells  []workbook.Cell
	Values []cell.Value
	States []State
	// OK[i] is true when cell i is empty or reads (States Empty or Valid):
	// the shape totals.Accumulator.Add takes.
	OK []bool
}

// Get returns the value of column c and whether it is known (empty or
// valid).
func (r *TypedRow) Get(c schema.Col) (cell.Value, bool) {
	i := c.Index()
	if i >= len(r.Values) || !r.OK[i] {
		return cell.Value{}, false
	}
	return r.Values[i], true
}

// Observer receives every data row of every sheet during the single pass
// (e.g. the totals), after the row's rules ran.
type Observer interface {
	Row(sheet *schema.Sheet, r *TypedRow)
}

// ObserverFunc adapts a function to Observer.
type ObserverFunc func(sheet *schema.Sheet, r *TypedRow)

// Row calls f.
func (f ObserverFunc) Row(sheet *schema.Sheet, r *TypedRow) { f(sheet, r) }

// Validate opens one package (a folder, or .xlsx files of one package) and
// runs every rule; observers see every typed row in the same pass. The
// error is non-nil only when the command cannot run (a *workbook.Error:
// no such path, …); problems in the data are findings. A nil cfg means
// config.Default().
func Validate(paths []string, cfg *config.Config, obs ...Observer) (*Result, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	p, err := workbook.Open(paths, cfg)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	fs, err := CheckWith(p, cfg, obs...)
	if err != nil {
		return nil, err
	}
	return &Result{Dir: p.Dir, Files: p.Files, Findings: fs}, nil
}

// Check runs every rule over an opened package and returns every finding
// (the reader's included), sorted. A failure to read a sheet midway is a
// FILE-UNREADABLE finding.
func Check(p *workbook.Package, cfg *config.Config) []finding.Finding {
	fs, err := CheckWith(p, cfg)
	if err != nil {
		fs = append(fs, finding.Finding{Rule: finding.FileUnreadable, Severity: finding.Error, Message: err.Error()})
	}
	return fs
}

// CheckWith is Check with observers that see every typed row in the same
// pass. The error reports a programming fault (a schema the rules cannot
// compile); reading problems are findings.
func CheckWith(p *workbook.Package, cfg *config.Config, obs ...Observer) ([]finding.Finding, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	ck := newChecker(p.Dir, cfg, obs)
	defer ck.att.Wait() // stops the attachment workers on every path
	for _, t := range p.Tables {
		if t == nil || t.Sheet == nil {
			continue
		}
		file := t.RelFile
		if file == "" {
			file = relFile(p.Dir, t.File)
		}
		err := ck.table(t, file, func(fn func(workbook.Row) error) error {
			return p.Each(t, fn)
		})
		if err != nil {
			var fault *compileError
			if errors.As(err, &fault) {
				return nil, err
			}
			ck.out = append(ck.out, ck.unreadable(t, file, err))
		}
	}
	// A merged range across data rows is one CELL-MERGED (the reader's),
	// not a CELL-REQUIRED for each cell it hides.
	ck.out = slices.DeleteFunc(ck.out, p.CoveredByMerge)
	// The reader adds findings while rows are read: take them last.
	ck.out = append(ck.out, p.Findings...)
	return ck.finish(), nil
}

// relFile names file relative to the package folder where possible.
func relFile(dir, file string) string {
	if dir == "" {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return filepath.ToSlash(rel)
}

// sheetOrder is the order findings are sorted in: the online form's.
func sheetOrder() []string {
	var out []string
	for _, s := range schema.Sheets() {
		out = append(out, s.Name)
	}
	return out
}

// sortFindings sorts and removes exact duplicates.
func sortFindings(fs []finding.Finding) []finding.Finding {
	finding.Sort(fs, sheetOrder())
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f == fs[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// compileError marks a schema the rules cannot run on: a programming fault.
type compileError struct{ err error }

func (e *compileError) Error() string { return e.err.Error() }
func (e *compileError) Unwrap() error { return e.err }

func (ck *checker) unreadable(t *workbook.Table, file string, err error) finding.Finding {
	return finding.Finding{
		Rule: finding.FileUnreadable, Severity: finding.Error,
		File: file, Sheet: sheetName(t),
		Message: ck.lang.T("rules.read-failed", "sheet", sheetName(t), "err", shortText(ck.lang.Cause(err))),
	}
}

// sheetName is the sheet's name as written in the file (as the reader's
// findings name it), or the schema's.
func sheetName(t *workbook.Table) string {
	if t.Name != "" {
		return t.Name
	}
	return t.Sheet.Name
}
