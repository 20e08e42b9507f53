package rules

import (
	"encoding/json"
	"os"
	"os/exec"
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

// The broken example saved again by LibreOffice (another writer than
// excelize: shared strings, its own styles and date cells) gives the same
// findings.
func TestExampleSavedByLibreOffice(t *testing.T) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice is required in CI")
		}
		t.Skip("LibreOffice (soffice) not installed")
	}
	src := filepath.Join("..", "..", "examples", "broken")
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	book := filepath.Join(dir, "申报数据.xlsx")
	out := t.TempDir()
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()), "--headless", "--norestore",
		"--convert-to", "xlsx", "--outdir", out, book)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	saved, err := os.ReadFile(filepath.Join(out, "申报数据.xlsx"))
	require.NoError(t, err, string(b))
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
