package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
)

// relaxedYAML widens the window and lowers a threshold of the self-check.
const relaxedYAML = "window: {start: 2020-06-01}\neligibility: {mentors: 1}\n"

// summaryCSV reads a --summary CSV: its header and rows.
func summaryCSV(t *testing.T, path string) (head []string, rows [][]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	return recs[0], recs[1:]
}

// summaryJSONSettings reads the settings_changed of every package of a
// --summary JSON.
func summaryJSONSettings(t *testing.T, path string) [][]config.Setting {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Packages []struct {
			Settings []config.Setting `json:"settings_changed"`
		} `json:"packages"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	var out [][]config.Setting
	for _, p := range doc.Packages {
		require.NotNil(t, p.Settings, "an empty list, not null")
		out = append(out, p.Settings)
	}
	return out
}

var relaxedSettings = []config.Setting{
	{Key: "window.start", Value: "2020-06-01", Default: "2020-11-01"},
	{Key: "eligibility.mentors", Value: "1", Default: "3"},
}

// An office verifying a zip whose own mkspace.yaml relaxed its window and
// a threshold sees which settings differ, in the output and the summary.
func TestVerifyShowsChangedSettings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pkg := filepath.Join(dir, "relaxed")
	require.NoError(t, os.CopyFS(pkg, os.DirFS(exampleDir("good"))))
	require.NoError(t, os.WriteFile(filepath.Join(pkg, config.FileName), []byte(relaxedYAML), 0o644))
	relaxed := filepath.Join(dir, "relaxed.zip")
	code, out, errOut := runCLI(t, "pack", pkg, "-o", relaxed)
	require.Equal(t, ExitOK, code, out+errOut)
	plain := goodZip(t)

	csvPath, jsonPath := filepath.Join(dir, "汇总.csv"), filepath.Join(dir, "汇总.json")
	code, out, errOut = runCLI(t, "verify", relaxed, plain, "--summary", csvPath)
	require.Equal(t, ExitOK, code, out+errOut)
	assert.Contains(t, out, "注意：检查所用的配置与默认值不同：window.start: 2020-06-01（默认 2020-11-01）；eligibility.mentors: 1（默认 3）")
	assert.Equal(t, 1, strings.Count(out, "注意："), "only the relaxed package:\n%s", out)

	head, rows := summaryCSV(t, csvPath)
	assert.Equal(t, "与默认值不同的配置", head[len(head)-2])
	require.Len(t, rows, 2)
	assert.Equal(t, "window.start: 2020-06-01（默认 2020-11-01）；eligibility.mentors: 1（默认 3）", rows[0][len(head)-2])
	assert.Empty(t, rows[1][len(head)-2])

	code, out, _ = runCLI(t, "--lang", "en", "verify", relaxed, plain, "--summary", jsonPath)
	require.Equal(t, ExitOK, code)
	assert.Contains(t, out, "Note: checked with settings that differ from the defaults: window.start: 2020-06-01 (default 2020-11-01); eligibility.mentors: 1 (default 3)")
	assert.Equal(t, [][]config.Setting{relaxedSettings, {}}, summaryJSONSettings(t, jsonPath))

	// validate of the zip reads its own mkspace.yaml, and says so too.
	zipCSV := filepath.Join(dir, "zip.csv")
	code, _, errOut = runCLI(t, "validate", relaxed, "--summary", zipCSV)
	require.Equal(t, ExitOK, code, errOut)
	head, rows = summaryCSV(t, zipCSV)
	require.Len(t, rows, 1)
	assert.Equal(t, "window.start: 2020-06-01（默认 2020-11-01）；eligibility.mentors: 1（默认 3）", rows[0][len(head)-2])
}

// validate --summary has the same column, for folders and zips.
func TestValidateSummaryShowsChangedSettings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pkg := filepath.Join(dir, "relaxed")
	require.NoError(t, os.CopyFS(pkg, os.DirFS(exampleDir("good"))))
	require.NoError(t, os.WriteFile(filepath.Join(pkg, config.FileName), []byte(relaxedYAML), 0o644))

	csvPath, jsonPath := filepath.Join(dir, "汇总.csv"), filepath.Join(dir, "汇总.json")
	code, _, errOut := runCLI(t, "validate", pkg, exampleDir("good"), goodZip(t), "--summary", csvPath)
	require.Equal(t, ExitOK, code, errOut)
	head, rows := summaryCSV(t, csvPath)
	require.Len(t, rows, 3)
	assert.Equal(t, "与默认值不同的配置", head[len(head)-2])
	assert.Equal(t, "window.start: 2020-06-01（默认 2020-11-01）；eligibility.mentors: 1（默认 3）", rows[0][len(head)-2])
	assert.Empty(t, rows[1][len(head)-2])
	assert.Empty(t, rows[2][len(head)-2])

	code, _, errOut = runCLI(t, "validate", pkg, "--summary", jsonPath, "--format", "json", "-o", filepath.Join(dir, "r.json"))
	require.Equal(t, ExitOK, code, errOut)
	assert.Equal(t, [][]config.Setting{relaxedSettings}, summaryJSONSettings(t, jsonPath))
}
