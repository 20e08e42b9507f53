package cli

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/cli -run Golden -update")
	assert.Equal(t, string(want), got)
}

// The text report of the broken example, as a user reads it: every planted
// mistake at its cell, in Chinese and in English.
func TestGoldenBrokenExampleReport(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"zh", "en"} {
		code, out, _ := runCLI(t, "--lang", lang, "validate", exampleDir("broken"))
		assert.Equal(t, ExitFindings, code)
		golden(t, "broken_"+lang+".golden", out)
	}
}

// The totals of the good example, as printed.
func TestGoldenGoodExampleTotals(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "totals", exampleDir("good"))
	assert.Equal(t, ExitOK, code)
	golden(t, "good_totals_zh.golden", out)
}
