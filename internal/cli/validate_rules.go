package cli

import (
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/config"
)

func init() { validateEngine = checkWithRules }

// checkWithRules runs every rule, the totals and the self-check over one
// package in one pass (a .zip: see checkZipWithRules).
func checkWithRules(paths []string, cfg *config.Config) (*validateResult, error) {
	if len(paths) == 1 && strings.EqualFold(filepath.Ext(paths[0]), ".zip") {
		return checkZipWithRules(paths[0], cfg)
	}
	o, err := analysis.Run(paths, cfg)
	if err != nil {
		return nil, err
	}
	return &validateResult{Dir: o.Dir, Files: o.Files, Findings: o.Findings,
		Totals: o.Totals, Eligibility: o.Totals.Eligibility, Identity: o.Identity, Config: cfg}, nil
}
