package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecideLaunch(t *testing.T) {
	t.Parallel()
	dirs := map[string]bool{`C:\申报\星火`: true}
	isDir := func(p string) bool { return dirs[p] }
	exe := `C:\申报\星火`
	cases := []struct {
		name  string
		facts launchFacts
		want  launchDecision
	}{
		{"double-click on the exe", launchFacts{ConsoleProcesses: 1, ExeDir: exe, StdinTerminal: true},
			launchDecision{Click: true, Dir: exe, Pause: true}},
		{"a folder dropped on the exe", launchFacts{Args: []string{`C:\申报\星火`}, ConsoleProcesses: 1, ExeDir: `C:\下载`, StdinTerminal: true},
			launchDecision{Click: true, Dir: `C:\申报\星火`, Pause: true}},
		{"a file dropped on the exe: as usual, then pause", launchFacts{Args: []string{`C:\申报\申报数据.xlsx`}, ConsoleProcesses: 1, ExeDir: exe, StdinTerminal: true},
			launchDecision{Pause: true}},
		{"two folders dropped: as usual, then pause", launchFacts{Args: []string{`C:\申报\星火`, `C:\申报\星火`}, ConsoleProcesses: 1, ExeDir: exe, StdinTerminal: true},
			launchDecision{Pause: true}},
		{"own console, input redirected: no pause", launchFacts{ConsoleProcesses: 1, ExeDir: exe},
			launchDecision{Click: true, Dir: exe}},
		{"from cmd, no arguments: as today", launchFacts{ConsoleProcesses: 2, ExeDir: exe, StdinTerminal: true},
			launchDecision{}},
		{"from cmd with a folder: as today", launchFacts{Args: []string{`C:\申报\星火`}, ConsoleProcesses: 3, ExeDir: exe, StdinTerminal: true},
			launchDecision{}},
		{"not Windows (or no console)", launchFacts{ConsoleProcesses: 0, ExeDir: exe, StdinTerminal: true},
			launchDecision{}},
		{"exe folder unknown", launchFacts{ConsoleProcesses: 1, StdinTerminal: true},
			launchDecision{Pause: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.facts.IsDir = isDir
			assert.Equal(t, c.want, decideLaunch(c.facts))
		})
	}
}

// This platform is not Windows (the tests run on Linux): the launch is
// always as usual.
func TestCurrentLaunchOffWindows(t *testing.T) {
	f := currentLaunch(nil)
	assert.Zero(t, f.ConsoleProcesses)
	assert.NotEmpty(t, f.ExeDir)
	assert.Equal(t, launchDecision{}, decideLaunch(f))
}

func TestRunClick(t *testing.T) {
	if testing.Short() {
		t.Skip("checks the examples")
	}
	errs, warns := brokenCounts(t)
	cases := []struct {
		example string
		code    int
		count   string
	}{
		{"broken", ExitFindings, fmt.Sprintf("检查完成：共 %d 个错误，%d 个警告。", errs, warns)},
		{"good", ExitOK, "检查完成：共 0 个错误，"},
	}
	for _, c := range cases {
		t.Run(c.example, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "星火")
			require.NoError(t, os.CopyFS(dir, os.DirFS(exampleDir(c.example))))
			var out, errb bytes.Buffer
			var opened []string
			code := runClick(context.Background(), &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, dir,
				func(p string) error { opened = append(opened, p); return nil })
			assert.Equal(t, c.code, code, errb.String())
			report := filepath.Join(dir, "output", clickReportName)
			assert.Equal(t, []string{report}, opened)
			page, err := os.ReadFile(report)
			require.NoError(t, err)
			assert.Contains(t, string(page), "<!DOCTYPE html>")
			assert.FileExists(t, filepath.Join(dir, "output", "检查结果-申报数据.xlsx"), "the marked-up copy beside the report")
			assert.Contains(t, out.String(), "正在检查文件夹："+dir)
			assert.Contains(t, out.String(), c.count)
			assert.Contains(t, out.String(), "检查报告已保存到："+report+"（已在浏览器中打开）")

			// A second double-click, after a fix, replaces the report.
			out.Reset()
			code = runClick(context.Background(), &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, dir,
				func(p string) error { opened = append(opened, p); return nil })
			assert.Equal(t, c.code, code, errb.String())
			assert.Len(t, opened, 2)
			assert.Contains(t, out.String(), c.count, "the copy of the first run adds no findings")
		})
	}
}

func TestRunClickBrowserFails(t *testing.T) {
	if testing.Short() {
		t.Skip("checks an example")
	}
	dir := filepath.Join(t.TempDir(), "星火")
	require.NoError(t, os.CopyFS(dir, os.DirFS(exampleDir("good"))))
	var out, errb bytes.Buffer
	code := runClick(context.Background(), &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, dir,
		func(string) error { return errors.New("no browser") })
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out.String(), "无法自动打开浏览器，请双击打开："+filepath.Join(dir, "output", clickReportName))
}

// An empty folder gets a report that says where the workbook goes.
func TestRunClickEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := runClick(context.Background(), &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, dir,
		func(string) error { return nil })
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out.String(), "检查完成：共 1 个错误，0 个警告。")
	page, err := os.ReadFile(filepath.Join(dir, "output", clickReportName))
	require.NoError(t, err)
	assert.Contains(t, string(page), "文件夹中没有 .xlsx 工作簿")
}

// A check that cannot run (a broken mkspace.yaml) says why, writes and
// opens nothing.
func TestRunClickCannotRun(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mkspace.yaml"), []byte("window: [\n"), 0o644))
	var out, errb bytes.Buffer
	opened := false
	code := runClick(context.Background(), &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, dir,
		func(string) error { opened = true; return nil })
	assert.Equal(t, ExitNoRun, code)
	assert.False(t, opened)
	assert.NotEmpty(t, errb.String(), "says why")
	assert.NoFileExists(t, filepath.Join(dir, "output", clickReportName))
}

func TestWaitForEnter(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	waitForEnter(&IO{In: strings.NewReader("\n"), Out: &out}, clickLang())
	assert.Contains(t, out.String(), "按回车键关闭此窗口。")
	waitForEnter(&IO{In: strings.NewReader(""), Out: &out}, clickLang()) // the end of input ends the wait too
}

// verify --summary FILE.html writes the office's table as a page.
func TestVerifySummaryHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("packs the good example")
	}
	zip := goodZip(t)
	file := filepath.Join(t.TempDir(), "汇总.html")
	code, _, stderr := runCLI(t, "verify", zip, "--summary", file)
	require.Equal(t, ExitOK, code, stderr)
	page, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(page), "<title>批量核验汇总</title>")
	assert.Equal(t, 1, strings.Count(string(page), `<tr data-i="0" class="ok">`))
	assert.Contains(t, string(page), "共 1 个申报材料包：1 个通过，0 个未通过。")
}

// --report html=FILE writes the page beside the main report.
func TestValidateReportHTML(t *testing.T) {
	if testing.Short() {
		t.Skip("checks an example")
	}
	file := filepath.Join(t.TempDir(), "报告.html")
	code, out, stderr := runCLI(t, "validate", exampleDir("broken"), "--report", "html="+file, "--max-findings", "3")
	require.Equal(t, ExitFindings, code, stderr)
	errs, warns := brokenCounts(t)
	assert.Contains(t, out, fmt.Sprintf("共 %d 个错误，%d 个警告", errs, warns))
	page, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, 3, strings.Count(string(page), `<tr class="finding `))
	assert.Contains(t, string(page), fmt.Sprintf("另有 %d 条问题未列出", errs+warns-3))
}

// brokenCounts are the errors and warnings planted in examples/broken, from
// examples/expected/broken-findings.json.
func brokenCounts(t *testing.T) (errs, warns int) {
	t.Helper()
	var want []expectedFinding
	data, err := os.ReadFile(filepath.Join(exampleDir("expected"), "broken-findings.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &want))
	for _, w := range want {
		if w.Severity == "error" {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}
