// Package ci holds the CI recipes of the README (GitHub Actions and GitLab
// CI) and the test that keeps them working: they parse, they hold the
// steps the README describes, and every mkspace command in them runs as
// written on a copy of the good example.
package ci

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/mkspace/mkspace/internal/cli"
)

// packageVar is the variable the recipes name the package folder with.
const packageVar = "$PACKAGE"

type ghWorkflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string            `yaml:"runs-on"`
		Env    map[string]string `yaml:"env"`
		Steps  []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			If   string            `yaml:"if"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

type glJob struct {
	Image        string            `yaml:"image"`
	Variables    map[string]string `yaml:"variables"`
	BeforeScript []string          `yaml:"before_script"`
	Script       []string          `yaml:"script"`
	Artifacts    struct {
		When    string            `yaml:"when"`
		Reports map[string]string `yaml:"reports"`
		Paths   []string          `yaml:"paths"`
	} `yaml:"artifacts"`
}

func parse(t *testing.T, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(false)
	require.NoError(t, dec.Decode(v), file)
}

// modulePath is the module path of go.mod.
func modulePath(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	require.NoError(t, err)
	for _, line := range strings.Split(string(data), "\n") {
		if m, ok := strings.CutPrefix(line, "module "); ok {
			return strings.TrimSpace(m)
		}
	}
	t.Fatal("no module line in go.mod")
	return ""
}

// commands returns the mkspace command lines of a script.
func commands(script string) []string {
	var out []string
	for _, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "mkspace ") {
			out = append(out, line)
		}
	}
	return out
}

func TestGitHubActionsRecipe(t *testing.T) {
	var w ghWorkflow
	parse(t, "github-actions.yml", &w)
	assert.Contains(t, w.On, "push")
	assert.Contains(t, w.On, "pull_request")
	assert.Equal(t, "write", w.Permissions["security-events"], "upload-sarif needs it")
	require.Contains(t, w.Jobs, "validate")
	job := w.Jobs["validate"]
	assert.NotEmpty(t, job.RunsOn)
	require.NotEmpty(t, job.Env["PACKAGE"])

	var install, validate, upload bool
	var script []string
	for _, s := range job.Steps {
		switch {
		case strings.Contains(s.Run, "go install "+modulePath(t)+"/cmd/mkspace@latest"):
			install = true
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = true
			assert.Equal(t, "results.sarif", s.With["sarif_file"])
			assert.Contains(t, s.If, "always()", "the findings are uploaded when validate fails")
		}
		for _, c := range commands(s.Run) {
			if strings.HasPrefix(c, "mkspace validate ") {
				validate = true
				assert.Contains(t, c, "--format github")
				assert.Contains(t, c, "--report sarif=results.sarif")
			}
			script = append(script, c)
		}
	}
	assert.True(t, install, "a step installs mkspace")
	assert.True(t, validate, "a step validates with annotations and SARIF")
	assert.True(t, upload, "a step uploads the SARIF")
	assert.DirExists(t, filepath.Join("..", "..", "cmd", "mkspace"), "go install names the command's package")

	dir := runRecipe(t, script, job.Env["PACKAGE"])
	sarif, err := os.ReadFile(filepath.Join(dir, "results.sarif"))
	require.NoError(t, err)
	var doc struct {
		Version string `json:"version"`
		Runs    []any  `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(sarif, &doc))
	assert.Equal(t, "2.1.0", doc.Version)
	assert.Len(t, doc.Runs, 1)
	assert.FileExists(t, filepath.Join(dir, "submission.zip"))
	assert.FileExists(t, filepath.Join(dir, "summary.csv"))
}

func TestGitLabCIRecipe(t *testing.T) {
	var jobs map[string]glJob
	parse(t, "gitlab-ci.yml", &jobs)
	require.Contains(t, jobs, "mkspace")
	job := jobs["mkspace"]
	assert.True(t, strings.HasPrefix(job.Image, "golang:"), job.Image)
	require.NotEmpty(t, job.Variables["PACKAGE"])
	assert.Contains(t, strings.Join(job.BeforeScript, "\n"), "go install "+modulePath(t)+"/cmd/mkspace@latest")
	junit := job.Artifacts.Reports["junit"]
	require.NotEmpty(t, junit, "artifacts:reports:junit")
	assert.Equal(t, "always", job.Artifacts.When, "the report is kept when validate fails")

	var script []string
	validate := false
	for _, s := range job.Script {
		for _, c := range commands(s) {
			if strings.HasPrefix(c, "mkspace validate ") {
				validate = true
				assert.Contains(t, c, "--report junit="+junit)
			}
			script = append(script, c)
		}
	}
	assert.True(t, validate, "the job validates with a JUnit report")

	dir := runRecipe(t, script, job.Variables["PACKAGE"])
	data, err := os.ReadFile(filepath.Join(dir, junit))
	require.NoError(t, err)
	var suites struct {
		XMLName xml.Name
		Suites  []struct {
			Name string `xml:"name,attr"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(data, &suites))
	assert.NotEmpty(t, suites.Suites)
}

// runRecipe runs the mkspace command lines of a recipe, as written, in a
// working folder holding a copy of the good example as the package folder
// pkg; each must succeed. It returns the working folder.
func runRecipe(t *testing.T, lines []string, pkg string) string {
	t.Helper()
	good, err := filepath.Abs(filepath.Join("..", "good"))
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(dir, pkg), os.DirFS(good)))
	t.Chdir(dir)
	for _, line := range lines {
		args := strings.Fields(line)[1:]
		for i, a := range args {
			a = strings.Trim(a, `"'`)
			args[i] = strings.ReplaceAll(a, packageVar, pkg)
		}
		var out, errb bytes.Buffer
		code := cli.Run(&cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
		require.Equal(t, cli.ExitOK, code, "%s\n%s%s", line, out.String(), errb.String())
	}
	return dir
}
