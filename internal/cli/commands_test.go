package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// rootWith builds the command tree with the command of the name cmd builds
// replaced by it (a run function that records its options, or one with
// parts replaced).
func rootWith(io *IO, cmd func(*Globals) *cobra.Command) (*cobra.Command, *Globals) {
	root, g := NewRoot(io)
	c := cmd(g)
	for _, old := range root.Commands() {
		if old.Name() == c.Name() {
			root.RemoveCommand(old)
		}
	}
	root.AddCommand(c)
	return root, g
}

// parsed runs `mkspace args…` with the command replaced by cmd, which is
// given a run function that records its options, and returns them with the
// error.
func parsed[O any](t *testing.T, cmd func(*Globals, func(*O) error) *cobra.Command, args ...string) (*O, *Globals, error) {
	t.Helper()
	var got *O
	io := &IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	root, g := rootWith(io, func(g *Globals) *cobra.Command {
		return cmd(g, func(o *O) error { got = o; return nil })
	})
	root.SetArgs(args)
	err := root.Execute()
	return got, g, err
}

// Every command's flags and arguments land in its options; the global
// flags in Globals.
func TestCommandsFlagParsing(t *testing.T) {
	t.Parallel()
	t.Run("init", func(t *testing.T) {
		o, g, err := parsed(t, newInitCmd, "--lang", "en", "-q", "init", "申报材料", "--name", "星火创客空间")
		require.NoError(t, err)
		assert.Equal(t, initOptions{g: g, Dir: "申报材料", Name: "星火创客空间"}, *o)
		assert.Equal(t, msg.EN, g.Language())
		assert.True(t, g.Quiet)
	})
	t.Run("template", func(t *testing.T) {
		o, g, err := parsed(t, newTemplateCmd, "template", "--sheet", "创业团队", "-o", "团队.xlsx", "--force")
		require.NoError(t, err)
		assert.Equal(t, templateOptions{g: g, Output: "团队.xlsx", Sheets: []string{"创业团队"}, Force: true}, *o)
		o, _, err = parsed(t, newTemplateCmd, "template")
		require.NoError(t, err)
		assert.Equal(t, xlsxtmpl.DefaultFile, o.Output)
	})
	t.Run("validate", func(t *testing.T) {
		o, g, err := parsed(t, newValidateCmd, "validate", "--format", "sarif", "x.xlsx", "--summary", "汇总.csv", "--config", "c.yaml")
		require.NoError(t, err)
		assert.Equal(t, validateOptions{g: g, Paths: []string{"x.xlsx"}, Format: report.SARIF, Summary: "汇总.csv"}, *o)
		assert.Equal(t, "c.yaml", g.Config)
	})
	t.Run("totals", func(t *testing.T) {
		o, g, err := parsed(t, newTotalsCmd, "totals", "A", "B", "--format", "json", "--strict")
		require.NoError(t, err)
		assert.Equal(t, totalsOptions{g: g, Paths: []string{"A", "B"}, Format: "json", Strict: true}, *o)
		o, _, err = parsed(t, newTotalsCmd, "totals")
		require.NoError(t, err)
		assert.Equal(t, "text", o.Format)
		assert.Empty(t, o.Paths)
	})
	t.Run("fix", func(t *testing.T) {
		o, g, err := parsed(t, newFixCmd, "fix", "申报材料", "--dry-run", "--no-backup", "--values")
		require.NoError(t, err)
		assert.Equal(t, fixOptions{g: g, Path: "申报材料", DryRun: true, NoBackup: true, Values: true}, *o)
	})
	t.Run("build-pdf", func(t *testing.T) {
		o, g, err := parsed(t, newBuildPDFCmd, "build-pdf", "申报材料", "-o", "a.pdf", "--draft", "--no-attachments", "--force")
		require.NoError(t, err)
		assert.Equal(t, buildPDFOptions{g: g, Package: "申报材料", Output: "a.pdf", Draft: true, NoAttachments: true, Force: true}, *o)
		_, _, err = parsed(t, newBuildPDFCmd, "build-pdf", "a", "b")
		assert.Error(t, err, "one package at most")
	})
	t.Run("verify", func(t *testing.T) {
		o, g, err := parsed(t, newVerifyCmd, "verify", "a.zip", "b.zip", "--summary", "汇总.json")
		require.NoError(t, err)
		assert.Equal(t, verifyOptions{g: g, Args: []string{"a.zip", "b.zip"}, Summary: "汇总.json"}, *o)
	})
	t.Run("pack", func(t *testing.T) {
		o, g, err := parsed(t, newPackCmd, "pack", "申报材料", "-o", "x.zip", "--force")
		require.NoError(t, err)
		assert.Equal(t, packOptions{g: g, Package: "申报材料", Output: "x.zip", Force: true}, *o)
		_, _, err = parsed(t, newPackCmd, "pack", "a", "b")
		assert.Error(t, err, "one package at most")
	})
	t.Run("version", func(t *testing.T) {
		o, g, err := parsed(t, newVersionCmd, "version")
		require.NoError(t, err)
		assert.Same(t, g, o.g)
		_, _, err = parsed(t, newVersionCmd, "version", "extra")
		assert.Error(t, err, "no arguments")
	})
}

// The root lists every command; --help shows them in cobra's alphabetical
// order.
func TestRootCommands(t *testing.T) {
	t.Parallel()
	root, _ := NewRoot(&IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	var names []string
	for _, c := range root.Commands() {
		names = append(names, c.Name())
	}
	assert.ElementsMatch(t, []string{"init", "template", "validate", "totals", "fix", "build-pdf", "verify", "pack", "version", "completion"}, names)

	code, out, _ := runCLI(t, "--help")
	require.Equal(t, ExitOK, code)
	help := out[strings.Index(out, "Available Commands:"):]
	var listed []string
	for _, line := range strings.Split(help, "\n")[1:] {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		listed = append(listed, strings.Fields(line)[0])
	}
	assert.Equal(t, []string{"build-pdf", "completion", "fix", "help", "init", "pack", "template", "totals", "validate", "verify", "version"}, listed)
}

// Behaviour: the run function writes to the streams it is given.
func TestVersionRun(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, runVersion(&versionOptions{g: &Globals{IO: &IO{Out: &out}}}))
	assert.Regexp(t, `^mkspace \S+ \(template \S+, go`, out.String())
}
