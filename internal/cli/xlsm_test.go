package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pack"
)

// TestValidateXLSM: a macro-enabled workbook (.xlsm) is read like an .xlsx,
// given directly or found in a package folder; its macros are never run.
func TestValidateXLSM(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("pkg", 0o755))
	writeTeamWorkbook(t, filepath.Join("pkg", "申报数据.xlsm"))
	for _, arg := range []string{"pkg", filepath.Join("pkg", "申报数据.xlsm")} {
		t.Run(arg, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run(&IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, []string{"validate", arg, "--format", "json"})
			require.Equal(t, ExitFindings, code, "stderr: %s", errOut.String())
			var j struct {
				Files    []string
				Findings []map[string]any
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &j), out.String())
			assert.Equal(t, []string{"申报数据.xlsm"}, j.Files)
			rules := map[string]bool{}
			for _, f := range j.Findings {
				rules[f["rule"].(string)] = true
			}
			assert.True(t, rules["CELL-NOT-FILLABLE"], "the data is read: %v", j.Findings)
			assert.False(t, rules["FILE-UNREADABLE"], "%v", j.Findings)
		})
	}
}

// TestVerifyFindsAnXLSMPackage: verify guesses the package of a 申报书 from
// an .xlsm as from an .xlsx, and takes an .xlsm as the package argument.
func TestVerifyFindsAnXLSMPackage(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.MkdirAll(filepath.Join("pkg", "output"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "申报数据.xlsm"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join("pkg", "output", "申报书-A.pdf"), []byte("%PDF-1.7"), 0o644))
	ts, err := verifyTargets([]string{"pkg/output/申报书-A.pdf", "pkg/申报数据.xlsm"})
	require.NoError(t, err)
	require.Len(t, ts, 1)
	assert.Equal(t, "pkg/申报数据.xlsm", ts[0].Package)
	t.Chdir(filepath.Join(dir, "pkg", "output"))
	assert.Equal(t, filepath.Join(dir, "pkg"), pack.PackageOfPDF("申报书-A.pdf"))
}
