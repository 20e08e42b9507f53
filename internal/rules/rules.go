// Package rules checks the data of a package against every rule of SPEC
// §1–§2 that concerns cell values, rows, tables and attachments, and
// positions each problem at its cell.
//
// The rules consume the typed rows of package rows (a rows.Consumer: the
// totals and the 申报书's data take the same rows in the same pass). Each
// rule is a small value (registry.go) with a check per cell, per row or
// once every table was read; for each row they run in this order:
//
//  1. CELL-REQUIRED for required columns (a missing field row of a form
//     sheet is reported at the sheet, with the field as column);
//  2. conflicts (TEAM-STATUS-CONFLICT), which switch off the state rules that
//     depend on the conflicting cells;
//  3. the row-state conditions of schema.Conditions (conditions.go):
//     CELL-REQUIRED / CELL-NOT-FILLABLE with the condition's label;
//  4. the cells that do not read: CELL-CONTROL-CHAR, CELL-TYPE (formulas
//     included), CELL-ENUM, CELL-FORMAT, USCC-INVALID, USCC-CHECK-DIGIT;
//     and CELL-GLYPH-MISSING for text the 申报书 cannot print;
//  5. the value rules on cells that read: CELL-TOO-LONG, CELL-RANGE,
//     DATE-AFTER-WINDOW, DATE-OUTSIDE-WINDOW, DATE-ORDER, DUPLICATE-VALUE,
//     ATTACHMENT-*;
//  6. row rules (VENUE-AREA-SUM) and the facts the cross-table rules need;
//
// and the XREF-* rules as soon as both sides are known.
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
package rules

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Result is the outcome of validating one package.
type Result struct {
	Dir      string            // package folder
	Files    []string          // the workbook files read
	Findings []finding.Finding // every finding, the reader's and the rules', sorted
}

// Validate opens one package (a folder, or .xlsx files of one package) and
// runs every rule; more consumers may take the typed rows in the same pass.
// The error is non-nil only when the command cannot run (a
// *workbook.Error: no such path, …); problems in the data are findings. A
// nil cfg means config.Default().
func Validate(paths []string, cfg *config.Config, more ...rows.Consumer) (*Result, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	p, err := workbook.Open(paths, cfg)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	ck := New(p, cfg)
	rows.Run(p, cfg.Lists, append([]rows.Consumer{ck}, more...)...)
	return &Result{Dir: p.Dir, Files: p.Files, Findings: ck.Findings()}, nil
}

// Checker runs every rule over the typed rows of one package: it is the
// rules' rows.Consumer. Its findings are complete once End was called.
type Checker struct {
	p    *workbook.Package // nil: the reader's findings are not added
	cfg  *config.Config
	lang msg.Lang
	dir  string
	att  *attachments
	xr   *xrefs
	cur  *tableRun
	out  []finding.Finding
	glyphsState
}

// New returns the checker of the package p (nil cfg: config.Default()).
func New(p *workbook.Package, cfg *config.Config) *Checker {
	dir := ""
	if p != nil {
		dir = p.Dir
	}
	return newChecker(p, dir, cfg)
}

func newChecker(p *workbook.Package, dir string, cfg *config.Config) *Checker {
	if cfg == nil {
		cfg = config.Default()
	}
	ck := &Checker{p: p, cfg: cfg, lang: cfg.Lang, dir: dir, att: newAttachments(dir, cfg.MaxBytes), xr: newXrefs()}
	ck.att.report = ck.reportAttachment
	return ck
}

// Begin starts the rules of a table.
func (ck *Checker) Begin(t *workbook.Table) {
	ck.cur = newTable(ck, t)
	ck.xr.begin(ck.cur)
}

// Row runs the rules on one typed row.
func (ck *Checker) Row(r *rows.Row) { ck.cur.row(r) }

// EndTable ends a table; a failure to read it to its end is a
// FILE-UNREADABLE finding.
func (ck *Checker) EndTable(t *workbook.Table, err error) {
	if err != nil {
		ck.out = append(ck.out, ck.unreadable(ck.cur, err))
	}
	ck.cur = nil
}

// End runs what needs every table: the attachment verdicts still awaited,
// the cross-table rules; then it adds the reader's findings and sorts.
func (ck *Checker) End() {
	if ck.p != nil {
		// A merged range across data rows is one CELL-MERGED (the
		// reader's), not a CELL-REQUIRED for each cell it hides.
		ck.out = slices.DeleteFunc(ck.out, ck.p.CoveredByMerge)
		// The reader adds findings while rows are read: take them last.
		ck.out = append(ck.out, ck.p.Findings...)
	}
	ck.att.Wait()
	ck.xr.resolve()
	for _, r := range registry {
		if r.End != nil {
			r.End(r, ck)
		}
	}
	ck.out = sortFindings(ck.out)
}

// Findings returns every finding, sorted (after End).
func (ck *Checker) Findings() []finding.Finding { return ck.out }

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

func (ck *Checker) unreadable(tr *tableRun, err error) finding.Finding {
	return finding.Finding{
		Rule: finding.FileUnreadable, Severity: finding.Error,
		File: tr.file, Sheet: tr.name,
		Message: ck.lang.T("rules.read-failed", "sheet", tr.name, "err", shortText(ck.lang.Cause(err))),
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
