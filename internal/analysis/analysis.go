// Package analysis runs the one pass every command needs over a package:
// the rules (package rules) and the totals with the self-check (package
// totals), from the same stream of typed rows.
package analysis

import (
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
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

// Run validates the package made of paths, computes its totals and the
// self-check in the same pass, and adds an ELIG-* warning for every unmet
// condition. More observers may watch the typed rows (e.g. the PDF's data).
// The error is non-nil only when the command cannot run.
func Run(paths []string, cfg *config.Config, obs ...rules.Observer) (*Outcome, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	acc := totals.New(cfg)
	var id Identity
	all := append([]rules.Observer{rules.ObserverFunc(func(s *schema.Sheet, r *rules.TypedRow) {
		acc.Add(s, r.Values, r.OK)
		if s == schema.Basic.Sheet {
			id = identityOf(r)
		}
	})}, obs...)
	res, err := rules.Validate(paths, cfg, all...)
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
func identityOf(r *rules.TypedRow) Identity {
	text := func(c schema.Col) string {
		if c.Index() >= len(r.Cells) {
			return ""
		}
		return strings.TrimSpace(r.Cells[c.Index()].Value)
	}
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
