// Package analysis runs the one pass every command needs over a package:
// the reader (package workbook) feeds the typed rows (package rows) to the
// rules (package rules), the totals with the self-check (package totals)
// and any further consumer, in one stream.
package analysis

import (
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/rules"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/totals"
)

// Outcome is what one pass over a package gives.
type Outcome struct {
	Dir      string
	Files    []string
	Findings []finding.Finding // the rules' findings and the self-check's ELIG-* warnings, sorted
	Totals   *totals.Totals
	// Identity is what 基础信息 says the package is: 众创空间名称, 运营主体名称
	// and 受理机构, as written ("" when absent).
	Identity Identity
}

// Identity names a package in tables of many (an office's summary).
type Identity struct {
	SpaceName, Operator, Agency string
}

// Counts returns the number of errors and warnings.
func (o *Outcome) Counts() (errors, warnings int) { return finding.Counts(o.Findings) }

// Run reads the package made of paths in one pass: the typed rows (package
// rows) go to the rules, the totals and any further consumers (e.g. the
// PDF's data); then the self-check adds an ELIG-* warning for every unmet
// condition. The error is non-nil only when the command cannot run.
func Run(paths []string, cfg *config.Config, more ...rows.Consumer) (*Outcome, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	acc := totals.New(cfg)
	var id Identity
	identity := rows.RowFunc(func(r *rows.Row) {
		if r.Sheet == schema.Basic.Sheet {
			id = identityOf(r)
		}
	})
	res, err := rules.Validate(paths, cfg, append([]rows.Consumer{acc, identity}, more...)...)
	if err != nil {
		return nil, err
	}
	t := acc.Result(totals.ThresholdsOf(cfg))
	fs := res.Findings
	if incomplete(fs) {
		// The figures are those of a package that could not be read whole:
		// unmet conditions would say nothing but that. The totals stay, with
		// the findings that explain them.
		finding.Sort(fs, sheetNames())
		return &Outcome{Dir: res.Dir, Files: res.Files, Findings: fs, Totals: t, Identity: id}, nil
	}
	for _, f := range t.Findings(cfg.Lang) {
		if len(res.Files) > 0 {
			f.File = relFirst(res)
		}
		fs = append(fs, f)
	}
	finding.Sort(fs, sheetNames())
	return &Outcome{Dir: res.Dir, Files: res.Files, Findings: fs, Totals: t, Identity: id}, nil
}

// identityOf reads the name fields of the 基础信息 row, as written.
func identityOf(r *rows.Row) Identity {
	text := func(c schema.Col) string { return strings.TrimSpace(r.Cell(c).Value) }
	b := schema.Basic
	return Identity{SpaceName: text(b.Name), Operator: text(b.Operator), Agency: text(b.Agency)}
}

// incomplete reports whether a finding says that a workbook, a sheet or a
// column could not be read at all.
func incomplete(fs []finding.Finding) bool {
	for _, f := range fs {
		switch f.Rule {
		case finding.FileUnreadable, finding.SheetMissing, finding.SheetDuplicate,
			finding.HeaderNotFound, finding.ColumnMissing:
			return true
		}
	}
	return false
}

// relFirst names the package's first workbook, the file a self-check
// warning is reported on (SARIF and GitHub annotations need a file).
func relFirst(res *rules.Result) string {
	for _, f := range res.Findings {
		if f.File != "" {
			return f.File
		}
	}
	if rel, err := filepath.Rel(res.Dir, res.Files[0]); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return res.Files[0]
}

func sheetNames() []string {
	var out []string
	for _, s := range schema.Sheets() {
		out = append(out, s.Name)
	}
	return out
}
