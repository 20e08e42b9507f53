package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// The packages under examples/: the good one has no finding; the broken one
// has exactly the findings listed in examples/expected/broken-findings.json.
func TestExamples(t *testing.T) {
	t.Parallel()
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

// The broken example saved again by LibreOffice (another writer than
// excelize: shared strings, its own styles and date cells) gives the same
// findings.
func TestExampleSavedByLibreOffice(t *testing.T) {
	t.Parallel()
	lotest.Require(t)
	src := filepath.Join("..", "..", "examples", "broken")
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	book := filepath.Join(dir, "申报数据.xlsx")
	saved, err := os.ReadFile(lotest.Convert(t, "xlsx", t.TempDir(), book)[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(book, saved, 0o644))

	orig, err := Validate([]string{src}, config.Default())
	require.NoError(t, err)
	again, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	strip := func(fs []finding.Finding) []finding.Finding {
		out := make([]finding.Finding, len(fs))
		for i, f := range fs {
			f.Message = ""
			out[i] = f
		}
		return out
	}
	assert.Equal(t, strip(orig.Findings), strip(again.Findings), dump(again.Findings))
}
