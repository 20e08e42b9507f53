package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// runTemplateCLI runs `mkspace args…` in-process and returns the exit
// status, stdout and stderr.
func runTemplateCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(&IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
	return code, out.String(), errb.String()
}

func TestTemplateFlagParsing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want templateOptions
	}{
		{nil, templateOptions{Output: xlsxtmpl.DefaultFile}},
		{[]string{"-o", "x.xlsx", "--sheet", "创业团队", "--sheet", "入驻企业", "--force"},
			templateOptions{Output: "x.xlsx", Sheets: []string{"创业团队", "入驻企业"}, Force: true}},
		{[]string{"--output=团队.xlsx", "--sheet=teams"}, templateOptions{Output: "团队.xlsx", Sheets: []string{"teams"}}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			g := &Globals{IO: &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}}
			var got *templateOptions
			cmd := newTemplateCmd(g, func(o *templateOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			require.NoError(t, cmd.Execute())
			require.NotNil(t, got)
			assert.Equal(t, tc.want.Output, got.Output)
			assert.Equal(t, tc.want.Sheets, got.Sheets)
			assert.Equal(t, tc.want.Force, got.Force)
		})
	}
	g := &Globals{IO: &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}}
	cmd := newTemplateCmd(g, func(*templateOptions) error { return nil })
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetArgs([]string{"extra"})
	assert.Error(t, cmd.Execute(), "no positional arguments")
}

func sheetsOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	return f.GetSheetList()
}

func TestTemplateWritesDefaultFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runTemplateCLI(t, "template")
	require.Equal(t, ExitOK, code, stderr)
	assert.Empty(t, stdout)
	assert.Equal(t, "已生成填报工作簿 申报数据.xlsx\n", stderr)
	path := filepath.Join(dir, xlsxtmpl.DefaultFile)
	sheets := sheetsOf(t, path)
	for _, s := range schema.Sheets() {
		assert.Contains(t, sheets, s.Name)
	}

	// a second run refuses and leaves the file alone
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	st, err := os.Stat(path)
	require.NoError(t, err)
	code, _, stderr = runTemplateCLI(t, "template", "--sheet", "创业团队")
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, stderr, "申报数据.xlsx 已存在，未做任何修改")
	assert.Contains(t, stderr, "--force")
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the file is unchanged")
	st2, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, st.ModTime(), st2.ModTime())

	// --force replaces it
	code, _, stderr = runTemplateCLI(t, "template", "--sheet", "创业团队", "--force")
	require.Equal(t, ExitOK, code, stderr)
	assert.Equal(t, []string{schema.InstructionsSheet, "创业团队", schema.SummarySheet, schema.ListsSheet}, sheetsOf(t, path))

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")
}

func TestTemplateSheetsAndOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "团队和企业.xlsx")
	code, _, stderr := runTemplateCLI(t, "template", "-o", out, "--sheet", "入驻企业", "--sheet", "创业团队")
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, stderr, "团队和企业.xlsx")
	assert.Equal(t, []string{schema.InstructionsSheet, "创业团队", "入驻企业", schema.SummarySheet, schema.ListsSheet}, sheetsOf(t, out))
}

func TestTemplateErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown sheet", []string{"template", "-o", filepath.Join(dir, "a.xlsx"), "--sheet", "创业团队", "--sheet", "团队"},
			"没有名为 团队 的表。可选：基础信息、宣传报道"},
		{"missing folder", []string{"template", "-o", filepath.Join(dir, "no", "such", "a.xlsx")}, "无法写入"},
		{"not xlsx", []string{"template", "-o", filepath.Join(dir, "a.xls")}, "扩展名须为 .xlsx"},
		{"no extension", []string{"template", "-o", filepath.Join(dir, "申报数据")}, "扩展名须为 .xlsx"},
		{"bad flag", []string{"template", "--sheets", "x"}, "命令参数有误"},
		{"english", []string{"--lang", "en", "template", "-o", filepath.Join(dir, "b.xlsx"), "--sheet", "nope"}, "there is no sheet called nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runTemplateCLI(t, tc.args...)
			assert.Equal(t, ExitNoRun, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing written on error")
}

func TestTemplateFollowsConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := "window: {start: 2021-11-01, end: 2022-10-31}\nlang: en\noptions:\n  tenure: [自有, 租用]\neligibility: {activities: 12}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mkspace.yaml"), []byte(yaml), 0o644))
	out := filepath.Join(dir, xlsxtmpl.DefaultFile)
	code, _, stderr := runTemplateCLI(t, "template", "-o", out)
	require.Equal(t, ExitOK, code, stderr)
	assert.Contains(t, stderr, "wrote the fill-in workbook", "lang from the package's mkspace.yaml")

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	var tenure []string
	cols, err := f.GetCols(schema.ListsSheet)
	require.NoError(t, err)
	for _, c := range cols {
		if len(c) > 0 && c[0] == schema.ListTenure {
			tenure = c[1:]
			for len(tenure) > 0 && tenure[len(tenure)-1] == "" {
				tenure = tenure[:len(tenure)-1]
			}
		}
	}
	assert.Equal(t, []string{"自有", "租用"}, tenure, "the dropdown source is the configured list")
	rows, err := f.GetRows(schema.InstructionsSheet)
	require.NoError(t, err)
	assert.Contains(t, rows[1][0], "2021-11-01 to 2022-10-31", "the configured window")

	var threshold string
	sum, err := f.GetRows(schema.SummarySheet)
	require.NoError(t, err)
	for i, r := range sum {
		if len(r) > 2 && r[2] == "elig.activities" {
			threshold, err = f.GetCellFormula(schema.SummarySheet, fmt.Sprintf("B%d", i+1))
			require.NoError(t, err)
		}
	}
	assert.Contains(t, threshold, ">=12)", "the configured self-check threshold")

	// a broken config stops the command before anything is written
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mkspace.yaml"), []byte("window: {start: 2022-11-01, end: 2021-10-31}\n"), 0o644))
	code, _, stderr = runTemplateCLI(t, "template", "-o", filepath.Join(dir, "other.xlsx"))
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, stderr, "window")
	_, err = os.Stat(filepath.Join(dir, "other.xlsx"))
	assert.True(t, os.IsNotExist(err))
}

func TestTemplateQuiet(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "q.xlsx")
	code, stdout, stderr := runTemplateCLI(t, "template", "-q", "-o", out, "--sheet", "文字材料")
	require.Equal(t, ExitOK, code)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)
	assert.FileExists(t, out)
}
