package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestValidateAnnotateFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args      []string
		annotate  string
		wantPaths []string
	}{
		{[]string{"--annotate"}, annotateAuto, []string{}},
		{[]string{"--annotate", "pkg"}, annotateAuto, []string{"pkg"}}, // a bare flag takes no argument
		{[]string{"--annotate=标注.xlsx", "pkg"}, "标注.xlsx", []string{"pkg"}},
		{[]string{"pkg"}, "", []string{"pkg"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *validateOptions
			root, _ := rootWith(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(g *Globals) *cobra.Command {
				return newValidateCmd(g, func(o *validateOptions) error { got = o; return nil })
			})
			root.SetArgs(append([]string{"validate"}, tt.args...))
			require.NoError(t, root.Execute())
			require.NotNil(t, got)
			assert.Equal(t, tt.annotate, got.Annotate)
			assert.Equal(t, tt.wantPaths, got.Paths)
		})
	}
}

// jsonFindings is the findings of a json report, without their files.
func jsonFindings(t *testing.T, out string) []map[string]any {
	t.Helper()
	var r struct {
		Findings []map[string]any `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	return r.Findings
}

func TestValidateAnnotateBroken(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "broken")
	src := filepath.Join(dir, "申报数据.xlsx")
	before, err := os.ReadFile(src)
	require.NoError(t, err)

	code, out, errOut := runCLI(t, "validate", dir, "--annotate", "--format", "json")
	require.Equal(t, ExitFindings, code, errOut)
	want := jsonFindings(t, out)
	copyPath := filepath.Join(dir, "output", "检查结果-申报数据.xlsx")
	assert.FileExists(t, copyPath)
	assert.Contains(t, errOut, "已写出标注问题的工作簿副本："+copyPath)
	after, err := os.ReadFile(src)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "the original workbook changed")
	left, err := filepath.Glob(filepath.Join(dir, "output", ".*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, left, "temporary files left behind")

	f, err := excelize.OpenFile(copyPath)
	require.NoError(t, err)
	rows, err := f.GetRows("检查结果")
	require.NoError(t, err)
	f.Close()
	assert.Len(t, rows, len(want)+1, "one row per finding")

	// The copy in place of the original gives the same findings: the
	// annotations add none.
	require.NoError(t, os.Rename(copyPath, src))
	code, out, errOut = runCLI(t, "validate", dir, "--format", "json")
	require.Equal(t, ExitFindings, code, errOut)
	assert.Equal(t, want, jsonFindings(t, out))
}

func TestValidateAnnotateGood(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	target := t.TempDir()
	code, _, errOut := runCLI(t, "--lang", "en", "validate", dir, "--annotate="+target)
	require.Equal(t, ExitOK, code, errOut)
	copyPath := filepath.Join(target, "检查结果-申报数据.xlsx")
	assert.Contains(t, errOut, "Wrote the marked-up copy of the workbook: "+copyPath)
	f, err := excelize.OpenFile(copyPath)
	require.NoError(t, err)
	defer f.Close()
	v, err := f.GetCellValue("检查结果", "A2")
	require.NoError(t, err)
	assert.Equal(t, "No problems found.", v)
	assert.NoDirExists(t, filepath.Join(dir, "output"), "a folder given: nothing in the package")
}

func TestValidateAnnotateRefused(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	src := filepath.Join(dir, "申报数据.xlsx")
	before, err := os.ReadFile(src)
	require.NoError(t, err)
	two := copyPackage(t, "good")
	data, err := os.ReadFile(filepath.Join(two, "申报数据.xlsx"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(two, "人员.xlsx"), data, 0o644))

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not xlsx", []string{"validate", dir, "--annotate=标注.txt"}, "标注.xlsx"},
		{"the workbook itself", []string{"validate", dir, "--annotate=" + src}, src},
		{"one file for two workbooks", []string{"validate", two, "--annotate=" + filepath.Join(t.TempDir(), "x.xlsx")}, "检查了 2 个工作簿"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			assert.Equal(t, ExitNoRun, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
	after, err := os.ReadFile(src)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "the original workbook changed")
}

func TestValidateAnnotateUnreadableWorkbook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "申报数据.xlsx"), []byte("not a workbook"), 0o644))
	code, out, errOut := runCLI(t, "validate", dir, "--annotate")
	assert.Equal(t, ExitFindings, code, "the finding decides, not the copy: %s", errOut)
	assert.Contains(t, out, "FILE-UNREADABLE")
	assert.Contains(t, errOut, "无法生成 "+filepath.Join(dir, "申报数据.xlsx")+" 的标注副本，已跳过")
	assert.NoDirExists(t, filepath.Join(dir, "output"), "no copy, no folder")
}
