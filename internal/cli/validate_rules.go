package cli

import (
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// checkWithRules runs every rule, the totals and the self-check over one
// package in one pass (a .zip: see checkZipWithRules).
func checkWithRules(paths []string, cfg *config.Config) (*validateResult, error) {
	if len(paths) == 1 && strings.EqualFold(filepath.Ext(paths[0]), ".zip") {
		return checkZipWithRules(paths[0], cfg)
	}
	names := &attachmentNames{seen: map[string]struct{}{}}
	keys := intake.NewCollector("")
	o, err := analysis.Run(paths, cfg, rows.RowFunc(names.Row), keys)
	if err != nil {
		return nil, err
	}
	reads := append([]string(nil), o.Files...)
	for _, v := range names.list {
		reads = append(reads, attachmentFiles(o.Dir, v)...)
	}
	return &validateResult{Dir: o.Dir, Files: o.Files, Findings: o.Findings,
		Totals: o.Totals, Eligibility: o.Totals.Eligibility, Identity: o.Identity, Reads: reads, Config: cfg,
		Intake: keys.Package()}, nil
}

// attachmentNames collects the distinct values of the attachment cells:
// files the run reads, that no report may replace.
type attachmentNames struct {
	seen map[string]struct{}
	list []string
}

func (a *attachmentNames) Row(r *rows.Row) {
	s := r.Sheet
	for i := range s.Columns {
		if s.Columns[i].Type != schema.Attachment || i >= len(r.Cells) {
			continue
		}
		v := strings.TrimSpace(r.Cells[i].Value)
		if v == "" {
			continue
		}
		if _, ok := a.seen[v]; !ok {
			a.seen[v] = struct{}{}
			a.list = append(a.list, v)
		}
	}
}

// attachmentFiles are the files an attachment cell of the package in dir
// names: as written, and as the digest spells it.
func attachmentFiles(dir, value string) []string {
	join := func(v string) string {
		v = filepath.FromSlash(strings.ReplaceAll(v, `\`, "/"))
		if filepath.IsAbs(v) {
			return v
		}
		return filepath.Join(dir, v)
	}
	return []string{join(value), join(digest.CleanPath(value))}
}
