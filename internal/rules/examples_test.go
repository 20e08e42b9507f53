package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// The packages under examples/: the good one has no finding; the broken one
// has exactly the findings listed in examples/expected/broken-findings.json.
func TestExamples(t *testing.T) {
	root := filepath.Join("..", "..", "examples")
	res, err := Validate([]string{filepath.Join(root, "good")}, config.Default())
	require.NoError(t, err)
	assert.Empty(t, res.Findings, dump(res.Findings))

	raw, err := os.ReadFile(filepath.Join(root, "expected", "broken-findings.json"))
	require.NoError(t, err)
	var want []finding.Finding
	require.NoError(t, json.Unmarshal(raw, &want))
	res, err = Validate([]string{filepath.Join(root, "broken")}, config.Default())
	require.NoError(t, err)
	type key struct {
		Rule, Severity, Sheet, Column, Cell, Value string
		Row                                        int
	}
	keys := func(fs []finding.Finding) []key {
		out := make([]key, len(fs))
		for i, f := range fs {
			out[i] = key{f.Rule, string(f.Severity), f.Sheet, f.Column, f.Cell, f.Value, f.Row}
		}
		return out
	}
	assert.ElementsMatch(t, keys(want), keys(res.Findings), dump(res.Findings))
}
