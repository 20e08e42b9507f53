package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// fakeEngine returns canned findings per package folder (by base name).
type fakeEngine struct {
	findings map[string][]finding.Finding
	calls    atomic.Int32
	delay    func(dir string) time.Duration
}

func (e *fakeEngine) validate(paths []string, cfg *config.Config) (*validateResult, error) {
	e.calls.Add(1)
	dir := paths[0]
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	if e.delay != nil {
		time.Sleep(e.delay(dir))
	}
	name := filepath.Base(absOr(dir))
	if name == "broken" {
		return nil, errors.New("disk on fire")
	}
	if name == "panics" {
		panic("boom")
	}
	fs := append([]finding.Finding(nil), e.findings[name]...)
	return &validateResult{Dir: dir, Files: []string{filepath.Join(dir, "申报数据.xlsx")}, Findings: fs}, nil
}

func errAt(cell string, row int) finding.Finding {
	return finding.Finding{Rule: finding.CellRequired, Severity: finding.Error, File: "申报数据.xlsx",
		Sheet: "创业团队", Row: row, Column: "团队名称", Cell: cell, Message: "创业团队!" + cell + "：请填写团队名称。"}
}

func warnAt(cell string, row int) finding.Finding {
	return finding.Finding{Rule: finding.XrefTeamNoEnterprise, Severity: finding.Warning, File: "申报数据.xlsx",
		Sheet: "创业团队", Row: row, Column: "是否转化为企业", Cell: cell, Message: "创业团队!" + cell + "：没有对应企业。"}
}

// packages makes folders under a temporary working folder and enters it.
func packages(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, n), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, n, "申报数据.xlsx"), []byte("x"), 0o644))
	}
	t.Chdir(dir)
	return dir
}

type runOut struct {
	code        int
	out, errOut string
}

// execValidate runs `mkspace validate args…` through the command tree, with
// the checker replaced, and returns the exit status and both streams.
func execValidate(t *testing.T, check validateFunc, terminal bool, args ...string) runOut {
	t.Helper()
	var stdout, stderr bytes.Buffer
	io := &IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr, Terminal: terminal}
	root, g := rootWith(io, func(g *Globals) *cobra.Command {
		return newValidateCmd(g, func(o *validateOptions) error {
			o.Validate = check
			o.Workers = 4
			return runValidate(o)
		})
	})
	root.SetArgs(append([]string{"validate"}, args...))
	err := root.Execute()
	if err != nil && ExitCode(err) == ExitNoRun {
		fmt.Fprintln(&stderr, describe(err, g.Language()))
	}
	return runOut{ExitCode(err), stdout.String(), stderr.String()}
}

func TestValidateFlagParsing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want validateOptions
	}{
		{nil, validateOptions{Paths: []string{}, Format: "text"}},
		{[]string{"--format", "sarif", "x.xlsx"}, validateOptions{Paths: []string{"x.xlsx"}, Format: "sarif"}},
		{[]string{"-f", "json", "-o", "r.json", "A", "B"}, validateOptions{Paths: []string{"A", "B"}, Format: "json", Output: "r.json"}},
		{[]string{"--report", "sarif=a,b.sarif", "--report", "junit=j.xml", "--strict", "--max-findings", "20", "."},
			validateOptions{Paths: []string{"."}, Format: "text", Reports: []string{"sarif=a,b.sarif", "junit=j.xml"}, Strict: true, MaxFindings: 20}},
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
			got.g = nil
			assert.Equal(t, tt.want, *got)
		})
	}
}

func TestValidateBadInput(t *testing.T) {
	e := &fakeEngine{}
	tests := []struct {
		name     string
		args     []string
		zh, en   string
		setup    func(dir string)
		noOutput string // a file that must not appear
	}{
		{name: "format", args: []string{"--format", "xml"},
			zh: "不支持的报告格式“xml”。可用的格式：text, json, sarif, junit, github, html。",
			en: `unknown report format "xml". Use one of: text, json, sarif, junit, github, html.`},
		{name: "report without =", args: []string{"--report", "sarif"},
			zh: "--report 的值“sarif”有误：应写成 格式=文件", en: `--report "sarif" is not FORMAT=FILE`},
		{name: "report format", args: []string{"--report", "pdf=x.pdf"},
			zh: "不支持的报告格式“pdf”", en: `unknown report format "pdf"`},
		{name: "max findings", args: []string{"--max-findings", "-1"},
			zh: "--max-findings 应为 0 或正整数", en: "--max-findings must be 0 or a positive whole number"},
		{name: "same file", args: []string{"-f", "json", "-o", "r.json", "--report", "sarif=./r.json"},
			zh: "两份报告不能写入同一个文件", en: "two reports cannot go to the same file"},
		{name: "missing path", args: []string{"nowhere"},
			zh: "找不到 nowhere。", en: "nowhere does not exist."},
		{name: "output folder missing", args: []string{"-o", "no/such/dir/r.txt", "A"},
			zh: "无法写入 no/such/dir/r.txt", en: "cannot write no/such/dir/r.txt"},
		{name: "report folder missing", args: []string{"--report", "junit=nodir/j.xml", "A"},
			zh: "无法写入 nodir/j.xml", en: "cannot write nodir/j.xml", noOutput: "nodir"},
		{name: "output is a folder", args: []string{"-o", "A", "A"},
			zh: "A 是一个文件夹，不能作为输出文件", en: "A is a folder, not a file to write"},
		{name: "bad flag", args: []string{"--colour"},
			zh: "命令参数有误", en: "bad arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			packages(t, "A")
			r := execValidate(t, e.validate, false, tt.args...)
			assert.Equal(t, ExitNoRun, r.code)
			assert.Contains(t, r.errOut, tt.zh)
			assert.Empty(t, r.out)

			r = execValidate(t, e.validate, false, append([]string{"--lang", "en"}, tt.args...)...)
			assert.Equal(t, ExitNoRun, r.code)
			assert.Contains(t, r.errOut, tt.en)
			if tt.noOutput != "" {
				assert.NoFileExists(t, tt.noOutput)
			}
		})
	}
	assert.Zero(t, e.calls.Load(), "nothing is checked when the flags are wrong")
}

func TestValidateExitCodes(t *testing.T) {
	e := &fakeEngine{findings: map[string][]finding.Finding{
		"warn": {warnAt("D3", 3)},
		"err":  {errAt("A4", 4), warnAt("D3", 3)},
	}}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"clean"}, ExitOK},
		{[]string{"warn"}, ExitOK},
		{[]string{"warn", "--strict"}, ExitFindings},
		{[]string{"clean", "--strict"}, ExitOK},
		{[]string{"err"}, ExitFindings},
		{[]string{"clean", "err"}, ExitFindings},
		{[]string{"clean", "broken"}, ExitNoRun},
		{[]string{"panics"}, ExitNoRun},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			packages(t, "clean", "warn", "err", "broken", "panics")
			r := execValidate(t, e.validate, false, tt.args...)
			assert.Equal(t, tt.want, r.code, "stdout:\n%s\nstderr:\n%s", r.out, r.errOut)
		})
	}

	packages(t, "clean", "broken")
	r := execValidate(t, e.validate, false, "clean", "broken")
	assert.Contains(t, r.errOut, "无法检查申报材料包 broken：disk on fire")
	assert.Empty(t, r.out, "no report when a package could not be checked")
}

func TestValidateTextOutput(t *testing.T) {
	e := &fakeEngine{findings: map[string][]finding.Finding{"A": {warnAt("D12", 12), errAt("A7", 7)}}}
	packages(t, "A")
	t.Chdir("A")
	r := execValidate(t, e.validate, false)
	assert.Equal(t, ExitFindings, r.code)
	assert.Equal(t, `申报数据.xlsx
  创业团队
    创业团队!A7   错误  CELL-REQUIRED            请填写团队名称。
    创业团队!D12  警告  XREF-TEAM-NO-ENTERPRISE  没有对应企业。

共 1 个错误，1 个警告
`, r.out)
	assert.Empty(t, r.errOut)

	r = execValidate(t, e.validate, false, "--lang", "en")
	assert.Contains(t, r.out, "1 error, 1 warning\n")
}

func TestValidateLanguageFromConfig(t *testing.T) {
	e := &fakeEngine{findings: map[string][]finding.Finding{"A": {errAt("A7", 7)}}}
	packages(t, "A")
	require.NoError(t, os.WriteFile(filepath.Join("A", "mkspace.yaml"), []byte("lang: en\n"), 0o644))
	r := execValidate(t, e.validate, false, "A")
	assert.Contains(t, r.out, "1 error, 0 warnings")
	r = execValidate(t, e.validate, false, "A", "--lang", "zh")
	assert.Contains(t, r.out, "共 1 个错误，0 个警告")
}

func TestValidateBadConfig(t *testing.T) {
	e := &fakeEngine{}
	packages(t, "A")
	require.NoError(t, os.WriteFile(filepath.Join("A", "mkspace.yaml"), []byte("window: [unclosed\n"), 0o644))
	r := execValidate(t, e.validate, false, "A")
	assert.Equal(t, ExitNoRun, r.code)
	assert.Contains(t, r.errOut, filepath.Join("A", "mkspace.yaml")+" 第 1 行：YAML 格式有误")
}

func TestValidateReportsInOneRun(t *testing.T) {
	e := &fakeEngine{findings: map[string][]finding.Finding{"A": {errAt("A7", 7), warnAt("D12", 12)}}}
	dir := packages(t, "A")
	require.NoError(t, os.Mkdir("out", 0o755))
	require.NoError(t, os.WriteFile("out/old.json", []byte("stale"), 0o644))
	r := execValidate(t, e.validate, false, "A",
		"--report", "json=out/old.json", "--report", "SARIF=out/r.sarif", "--report", "junit=out/r.xml",
		"--report", "github=out/gh.txt")
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.out, "共 1 个错误，1 个警告", "text on standard output")
	for _, f := range []string{"out/old.json", "out/r.sarif", "out/r.xml", "out/gh.txt"} {
		assert.Contains(t, r.errOut, "报告已写入 "+f)
	}

	var j map[string]any
	data, err := os.ReadFile("out/old.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &j), "the old file is replaced")
	assert.Equal(t, map[string]any{"errors": 1.0, "warnings": 1.0}, j["summary"])
	assert.Equal(t, []any{"申报数据.xlsx"}, j["files"], "files relative to the package")

	var s struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	data, err = os.ReadFile("out/r.sarif")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &s))
	assert.Equal(t, "2.1.0", s.Version)
	require.Len(t, s.Runs[0].Results, 2)
	assert.Equal(t, "A/%E7%94%B3%E6%8A%A5%E6%95%B0%E6%8D%AE.xlsx", s.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI,
		"relative to the working folder")

	data, err = os.ReadFile("out/r.xml")
	require.NoError(t, err)
	var ju struct {
		XMLName xml.Name `xml:"testsuites"`
	}
	require.NoError(t, xml.Unmarshal(data, &ju))

	data, err = os.ReadFile("out/gh.txt")
	require.NoError(t, err)
	assert.Contains(t, string(data), "::error file=A/申报数据.xlsx,line=7,title=CELL-REQUIRED::")

	entries, err := os.ReadDir(filepath.Join(dir, "out"))
	require.NoError(t, err)
	assert.Len(t, entries, 4, "no temporary file left behind")
}

func TestValidateOutputFile(t *testing.T) {
	e := &fakeEngine{findings: map[string][]finding.Finding{"A": {errAt("A7", 7)}}}
	packages(t, "A")
	r := execValidate(t, e.validate, false, "A", "-f", "json", "-o", "r.json", "--quiet")
	assert.Equal(t, ExitFindings, r.code)
	assert.Empty(t, r.out, "the report goes to the file")
	assert.Empty(t, r.errOut, "--quiet")
	data, err := os.ReadFile("r.json")
	require.NoError(t, err)
	assert.True(t, json.Valid(data))
	st, err := os.Stat("r.json")
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())

	r = execValidate(t, e.validate, false, "A", "-o", "-")
	assert.Contains(t, r.out, "共 1 个错误", "-o - is standard output")
}

func TestValidateMaxFindings(t *testing.T) {
	var fs []finding.Finding
	for i := 2; i < 30; i++ {
		fs = append(fs, errAt(fmt.Sprintf("A%d", i), i))
	}
	e := &fakeEngine{findings: map[string][]finding.Finding{"A": fs}}
	packages(t, "A")
	r := execValidate(t, e.validate, false, "A", "--max-findings", "5")
	assert.Equal(t, ExitFindings, r.code)
	assert.Equal(t, 5, strings.Count(r.out, "CELL-REQUIRED"))
	assert.Contains(t, r.out, "…另有 23 条未列出")
	assert.Contains(t, r.out, "共 28 个错误，0 个警告")

	r = execValidate(t, e.validate, false, "A", "--max-findings", "5", "-f", "json")
	var j struct {
		Summary  map[string]int `json:"summary"`
		Findings []any          `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &j))
	assert.Len(t, j.Findings, 5)
	assert.Equal(t, 28, j.Summary["errors"])
}

func TestValidateTargets(t *testing.T) {
	dir := packages(t, "A", "B")
	require.NoError(t, os.WriteFile(filepath.Join("A", "人员.xlsx"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile("top.xlsx", []byte("x"), 0o644))
	require.NoError(t, os.WriteFile("pkg.zip", []byte("x"), 0o644))

	tests := []struct {
		args []string
		want []validateTarget
	}{
		{nil, []validateTarget{{".", ".", []string{"."}}}},
		{[]string{"A/", "B", "./A"}, []validateTarget{{"A", "A", []string{"A"}}, {"B", "B", []string{"B"}}}},
		{[]string{"A/申报数据.xlsx", "B/申报数据.xlsx", "A/人员.xlsx", "A/人员.xlsx"}, []validateTarget{
			{"A", "A", []string{"A/申报数据.xlsx", "A/人员.xlsx"}},
			{"B", "B", []string{"B/申报数据.xlsx"}},
		}},
		{[]string{"top.xlsx", "pkg.zip", "A"}, []validateTarget{
			{".", ".", []string{"top.xlsx"}},
			{"pkg.zip", "pkg.zip", []string{"pkg.zip"}},
			{"A", "A", []string{"A"}},
		}},
		{[]string{filepath.Join(dir, "B")}, []validateTarget{{filepath.Join(dir, "B"), filepath.Join(dir, "B"), []string{filepath.Join(dir, "B")}}}},
	}
	for _, tt := range tests {
		got, err := validateTargets(tt.args)
		require.NoError(t, err, tt.args)
		for i := range tt.want {
			for j := range tt.want[i].Paths {
				tt.want[i].Paths[j] = filepath.FromSlash(tt.want[i].Paths[j])
			}
		}
		assert.Equal(t, tt.want, got, "%v", tt.args)
	}
	_, err := validateTargets([]string{"A", "missing.xlsx"})
	var ue *UserError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, "validate.no-such-path", ue.Key)
}

func TestValidateSeveralParallelSameAsOneByOne(t *testing.T) {
	names := []string{"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"}
	fs := map[string][]finding.Finding{}
	for i, n := range names {
		for k := 0; k <= i%3; k++ {
			fs[n] = append(fs[n], errAt(fmt.Sprintf("A%d", k+2), k+2))
		}
		if i%2 == 0 {
			fs[n] = append(fs[n], warnAt("D9", 9))
		}
	}
	// Earlier packages take longer, so they finish out of order.
	e := &fakeEngine{findings: fs, delay: func(dir string) time.Duration {
		return time.Duration(10-int(filepath.Base(dir)[1]-'0')) * time.Millisecond
	}}
	packages(t, names...)

	r := execValidate(t, e.validate, false, append([]string{"-f", "json"}, names...)...)
	assert.Equal(t, ExitFindings, r.code)
	var all struct {
		Packages []map[string]any `json:"packages"`
		Summary  map[string]int   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &all))
	require.Len(t, all.Packages, len(names))
	errs, warns := 0, 0
	for i, n := range names {
		one := execValidate(t, e.validate, false, "-f", "json", n)
		var single map[string]any
		require.NoError(t, json.Unmarshal([]byte(one.out), &single))
		got := all.Packages[i]
		assert.Equal(t, n, got["package"])
		delete(got, "package")
		delete(got, "dir")
		assert.Equal(t, single, got, n)
		s := single["summary"].(map[string]any)
		errs += int(s["errors"].(float64))
		warns += int(s["warnings"].(float64))
	}
	assert.Equal(t, map[string]int{"errors": errs, "warnings": warns, "packages": len(names)}, all.Summary)

	text := execValidate(t, e.validate, false, names...).out
	for i := 1; i < len(names); i++ {
		assert.Less(t, strings.Index(text, "【"+names[i-1]+"】"), strings.Index(text, "【"+names[i]+"】"), "argument order")
	}
	assert.Contains(t, text, fmt.Sprintf("合计 9 个申报材料包：共 %d 个错误，%d 个警告", errs, warns))
}

func TestValidateProgressBar(t *testing.T) {
	e := &fakeEngine{}
	names := []string{"a", "b", "c", "d", "e"}
	packages(t, names...)
	r := execValidate(t, e.validate, true, names...)
	assert.Equal(t, ExitOK, r.code)
	assert.Contains(t, r.errOut, "检查中", "a terminal and many packages: a bar on stderr")
	assert.NotContains(t, r.out, "检查中")

	r = execValidate(t, e.validate, false, names...)
	assert.Empty(t, r.errOut, "piped or CI: no bar")
	r = execValidate(t, e.validate, true, "a", "b")
	assert.Empty(t, r.errOut, "few packages: no bar")
	r = execValidate(t, e.validate, true, append([]string{"-q"}, names...)...)
	assert.Empty(t, r.errOut, "--quiet: no bar")
}

func TestValidateHelp(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	root, _ := NewRoot(&IO{Out: &out, Err: &out})
	root.SetArgs([]string{"validate", "--help"})
	require.NoError(t, root.Execute())
	for _, s := range []string{"text", "json", "sarif", "junit", "github", "退出码", "Exit status",
		"0  没有错误", "1  发现错误", "2  无法运行", "--report", "--max-findings", "--strict"} {
		assert.Contains(t, out.String(), s)
	}
}

func TestRelToPackage(t *testing.T) {
	dir := packages(t, "A")
	tests := []struct{ dir, file, want string }{
		{"A", "申报数据.xlsx", "申报数据.xlsx"},
		{"A", "A/申报数据.xlsx", "申报数据.xlsx"},
		{"A", filepath.Join(dir, "A", "申报数据.xlsx"), "申报数据.xlsx"},
		{"A", filepath.Join(dir, "elsewhere.xlsx"), filepath.Join(dir, "elsewhere.xlsx")},
		{"A", "", ""},
		{".", "x/../y.xlsx", "y.xlsx"},
	}
	for _, tt := range tests {
		assert.Equal(t, filepath.FromSlash(tt.want), relToPackage(tt.dir, filepath.FromSlash(tt.file)), "%s in %s", tt.file, tt.dir)
	}
}

func TestStageReportFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "r.txt")
	require.NoError(t, os.WriteFile(p, []byte("old"), 0o644))
	g := &Globals{}
	st, err := g.stageReportFile(p, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	require.NoError(t, err)
	data, _ := os.ReadFile(p)
	assert.Equal(t, "old", string(data), "untouched until renamed")
	require.NoError(t, st.Commit(true))
	data, _ = os.ReadFile(p)
	assert.Equal(t, "new", string(data))

	_, err = g.stageReportFile(p, func(w io.Writer) error { return errors.New("render failed") })
	assert.Error(t, err)
	_, err = g.stageReportFile(filepath.Join(dir, "missing", "r.txt"), func(io.Writer) error { return nil })
	assert.Error(t, err)
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file left behind")
}

// An office validates many package folders and gets one row per package.
func TestValidateSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sum := filepath.Join(dir, "汇总.csv")
	code, _, errOut := runCLI(t, "validate", exampleDir("good"), exampleDir("broken"), "--summary", sum, "--format", "json", "-o", filepath.Join(dir, "r.json"))
	assert.Equal(t, ExitFindings, code, errOut)
	data, err := os.ReadFile(sum)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(data), "\ufeff"), "a byte order mark for Excel")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, exampleDir("good"), rows[1][0])
	assert.Contains(t, rows[1], "星火创客空间")
	assert.Contains(t, rows[1], "青澜市科学技术局")
	assert.Contains(t, strings.Join(rows[2], "|"), "38", "the broken package's error count")
	assert.Contains(t, strings.Join(rows[2], "|"), "基础信息!B11", "its first problem")

	code, _, errOut = runCLI(t, "validate", exampleDir("good"), "--summary", filepath.Join(dir, "汇总.txt"))
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, ".csv")
}
