package cli

import (
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rules"
)

func init() { validateEngine = checkWithRules }

// checkWithRules runs every rule of package rules over one package.
func checkWithRules(paths []string, cfg *config.Config) (*validateResult, error) {
	r, err := rules.Validate(paths, cfg)
	if err != nil {
		return nil, err
	}
	return &validateResult{Dir: r.Dir, Files: r.Files, Findings: r.Findings}, nil
}
