package analysis

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

func examples(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	require.NoError(t, err)
	return dir
}

// The good example is clean, and its totals are those planned (and checked
// against the generated data) in examples/expected/good-totals.json.
func TestGoodExampleTotals(t *testing.T) {
	t.Parallel()
	root := examples(t)
	o, err := Run([]string{filepath.Join(root, "good")}, config.Default())
	require.NoError(t, err)
	assert.Empty(t, o.Findings)

	got, err := json.Marshal(o.Totals)
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join(root, "expected", "good-totals.json"))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))

	for _, c := range o.Totals.Eligibility {
		if c.Met != nil {
			assert.True(t, *c.Met, "the good example meets %s", c.Key)
		}
	}
}

// An unmet condition is a warning on the package's workbook, never an error.
func TestUnmetConditionIsAWarning(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	cfg.Eligibility.Activities = 100
	o, err := Run([]string{filepath.Join(examples(t), "good")}, cfg)
	require.NoError(t, err)
	require.Len(t, o.Findings, 1)
	f := o.Findings[0]
	assert.Equal(t, "ELIG-ACTIVITIES", f.Rule)
	assert.Equal(t, finding.Warning, f.Severity)
	assert.Equal(t, "申报数据.xlsx", f.File)
	assert.Contains(t, f.Message, "≥ 100")
	assert.Contains(t, f.Message, "14")
	errs, warns := o.Counts()
	assert.Equal(t, 0, errs)
	assert.Equal(t, 1, warns)
}

// The broken example's findings are those its README lists; the self-check
// adds nothing there (its figures still meet the conditions).
func TestBrokenExampleHasNoSelfCheckNoise(t *testing.T) {
	t.Parallel()
	o, err := Run([]string{filepath.Join(examples(t), "broken")}, config.Default())
	require.NoError(t, err)
	for _, f := range o.Findings {
		assert.NotContains(t, f.Rule, finding.EligPrefix)
	}
	errs, _ := o.Counts()
	assert.Positive(t, errs)
}

// A package whose workbook cannot be read gets its reading finding, not a
// list of unmet conditions computed from nothing.
func TestNoSelfCheckWhenUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "申报数据.xlsx"), []byte("a,b\n1,2\n"), 0o644))
	o, err := Run([]string{dir}, config.Default())
	require.NoError(t, err)
	require.Len(t, o.Findings, 1)
	assert.Equal(t, finding.FileUnreadable, o.Findings[0].Rule)
	assert.NotNil(t, o.Totals, "the totals are still computed")
}

func TestIdentity(t *testing.T) {
	t.Parallel()
	o, err := Run([]string{filepath.Join(examples(t), "good")}, config.Default())
	require.NoError(t, err)
	assert.Equal(t, Identity{SpaceName: "星火创客空间", Operator: "青澜星火众创科技服务有限公司", Agency: "青澜市科学技术局"}, o.Identity)
}
