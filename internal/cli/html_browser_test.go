package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The HTML report and summary are loaded in a real browser (Chromium,
// headless, through the DevTools protocol): the DOM is checked against the
// findings, the sorting script is clicked, the page is read with scripts
// off, and a screenshot and an A4 print of each page are kept in out/ as
// artefacts. Without Chromium the tests skip, except in CI, where they
// fail (.ci/run installs it).

// chromiumPath is the browser to run, or skips t (fails it in CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser tests are left out in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is required in CI (.ci/run installs it)")
	}
	t.Skip("chromium is not installed")
	return ""
}

// browser is one headless Chromium tab that records what the page
// reports as an error (console errors and warnings, uncaught exceptions,
// browser log entries such as a refused resource).
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// chromium is the one browser the tests share (each test has a tab of
// its own); stopBrowser, called by TestMain, ends it.
var chromium struct {
	once   sync.Once
	ctx    context.Context
	cancel []context.CancelFunc
	err    error
}

func stopBrowser() {
	for i := len(chromium.cancel) - 1; i >= 0; i-- {
		chromium.cancel[i]()
	}
}

func newBrowser(t *testing.T, scripts bool) *browser {
	t.Helper()
	path := chromiumPath(t)
	chromium.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1100, 900))
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelB := chromedp.NewContext(actx)
		chromium.ctx, chromium.cancel = bctx, []context.CancelFunc{cancelA, cancelB}
		chromium.err = chromedp.Do(bctx) // starts the browser (no timeout on this first call)
	})
	require.NoError(t, chromium.err)
	ctx, cancel := chromedp.NewContext(chromium.ctx) // a new tab
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Do(ctx))
	b := &browser{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
				b.mu.Lock()
				b.errors = append(b.errors, m.String())
				b.mu.Unlock()
			}
		}
	}()
	_, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !scripts})
	require.NoError(t, err)
	return b
}

// open loads the page file.
func (b *browser) open(t *testing.T, file string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(abs)),
		chromedp.WaitReady("footer")))
}

// eval returns the value of the script js in the page.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

func (b *browser) noErrors(t *testing.T) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // the console's queue is read on its own goroutine
	b.mu.Lock()
	defer b.mu.Unlock()
	assert.Empty(t, b.errors, "the page reported errors")
}

// keep writes a screenshot and an A4 print of the page to out/html (not
// committed: the artefacts of the run).
func (b *browser) keep(t *testing.T, name string) {
	t.Helper()
	dir := filepath.Join("..", "..", "out", "html")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644))
	t.Logf("kept %s.png (%d bytes) and %s.pdf (%d bytes) in %s", name, len(png), name, len(pdf), dir)
}

// domFinding is one row of the findings as the page shows it.
type domFinding struct {
	Sheet, Cell, Rule, Sev, Problem string
}

const findingsJS = `Array.from(document.querySelectorAll("tr.finding")).map(function (tr) {
  var h = tr.closest("table").previousElementSibling.textContent;
  return {Sheet: h.split(" › ").pop(), Cell: tr.cells[0].textContent, Sev: tr.className.replace("finding ", ""),
          Problem: tr.cells[2].textContent, Rule: tr.cells[4].textContent};
})`

const checksJS = `Array.from(document.querySelectorAll("tr.check")).map(function (tr) {
  return {Key: tr.dataset.key, State: tr.dataset.state, Bars: tr.querySelectorAll(".bar").length};
})`

type domCheck struct {
	Key, State string
	Bars       int
}

// expectedFinding is an entry of examples/expected/broken-findings.json.
type expectedFinding struct {
	Rule, Severity, Sheet, Cell string
}

func TestHTMLReportInBrowserBroken(t *testing.T) {
	b := newBrowser(t, true)
	file := filepath.Join(t.TempDir(), "报告.html")
	code, _, stderr := runCLI(t, "validate", exampleDir("broken"), "--format", "html", "-o", file)
	require.Equal(t, ExitFindings, code, stderr)
	b.open(t, file)

	var want []expectedFinding
	data, err := os.ReadFile(filepath.Join(exampleDir("expected"), "broken-findings.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &want))

	got := eval[[]domFinding](t, b, findingsJS)
	assert.Len(t, got, len(want), "one row per finding")
	index := map[string]bool{}
	for _, f := range got {
		index[f.Sheet+"!"+f.Cell+" "+f.Rule+" "+f.Sev] = true
	}
	errs, warns := 0, 0
	for _, w := range want {
		cell := w.Cell
		assert.True(t, index[w.Sheet+"!"+cell+" "+w.Rule+" "+w.Severity], "planted finding %s at %s!%s not on the page", w.Rule, w.Sheet, cell)
		if w.Severity == "error" {
			errs++
		} else {
			warns++
		}
	}
	counts := eval[struct{ Errors, Warnings string }](t, b, `({Errors: document.querySelector("[data-errors]").dataset.errors, Warnings: document.querySelector("[data-warnings]").dataset.warnings})`)
	assert.Equal(t, fmt.Sprint(errs), counts.Errors)
	assert.Equal(t, fmt.Sprint(warns), counts.Warnings)

	checks := eval[[]domCheck](t, b, checksJS)
	require.Len(t, checks, 13, "nine conditions from the data, four to confirm by hand")
	for _, c := range checks {
		if strings.HasPrefix(c.Key, "manual_") {
			assert.Equal(t, "manual", c.State, c.Key)
			assert.Zero(t, c.Bars, c.Key)
		} else {
			assert.Contains(t, []string{"met", "not-met"}, c.State, c.Key)
			assert.Positive(t, c.Bars, c.Key)
		}
	}

	// The script sorts: the first click on a table's cell heading sorts
	// ascending, the second descending.
	order := eval[struct{ Before, Asc, Desc []string }](t, b, `(function () {
  var t = Array.from(document.querySelectorAll("table.findings")).find(function (t) { return t.tBodies[0].rows.length > 2; });
  var cells = function () { return Array.from(t.tBodies[0].rows).map(function (r) { return r.cells[0].textContent + "/" + r.cells[4].textContent; }); };
  var before = cells();
  var button = t.tHead.rows[0].cells[0].querySelector("button");
  button.click(); var asc = cells();
  button.click(); var desc = cells();
  return {Before: before, Asc: asc, Desc: desc};
})()`)
	require.NotEmpty(t, order.Before)
	assert.ElementsMatch(t, order.Before, order.Asc)
	assert.Equal(t, order.Asc[0], order.Desc[len(order.Desc)-1], "descending is ascending reversed")
	assert.NotEqual(t, order.Asc, order.Desc)

	external := eval[int](t, b, `document.querySelectorAll("[src], link[href], a[href^='http']").length`)
	assert.Zero(t, external, "the page loads nothing from elsewhere")
	b.keep(t, "validate-broken")
	b.noErrors(t)
}

func TestHTMLReportInBrowserGood(t *testing.T) {
	b := newBrowser(t, true)
	file := filepath.Join(t.TempDir(), "report.html")
	code, _, stderr := runCLI(t, "validate", exampleDir("good"), "--format", "html", "-o", file, "--lang", "en")
	require.Equal(t, ExitOK, code, stderr)
	b.open(t, file)
	got := eval[[]domFinding](t, b, findingsJS)
	checks := eval[[]domCheck](t, b, checksJS)
	lang := eval[string](t, b, `document.documentElement.lang`)
	warnings := eval[int](t, b, `Number(document.querySelector("[data-warnings]").dataset.warnings)`)
	assert.Len(t, got, warnings, "only warnings, if any, one row each") // the good example is clean of errors
	assert.Equal(t, "en", lang)
	if warnings == 0 {
		assert.Equal(t, "No problems found.", eval[string](t, b, `document.querySelector("p.none").textContent`))
	}
	require.Len(t, checks, 13)
	for _, c := range checks {
		want := "met"
		if strings.HasPrefix(c.Key, "manual_") {
			want = "manual"
		}
		assert.Equal(t, want, c.State, c.Key)
	}
	groups := eval[int](t, b, `document.querySelectorAll("table.totals").length`)
	assert.Positive(t, groups, "the totals in the form's groups")
	b.keep(t, "validate-good")
	b.noErrors(t)
}

// Without scripts the findings are a plain table: every row, in the
// report's order, no sort buttons.
func TestHTMLReportWithoutScripts(t *testing.T) {
	b := newBrowser(t, false)
	file := filepath.Join(t.TempDir(), "报告.html")
	code, _, stderr := runCLI(t, "validate", exampleDir("broken"), "--format", "html", "-o", file)
	require.Equal(t, ExitFindings, code, stderr)
	b.open(t, file)
	// Evaluate runs through the protocol even when the page's scripts are off.
	rows := eval[int](t, b, `document.querySelectorAll("tr.finding").length`)
	buttons := eval[int](t, b, `document.querySelectorAll("th button").length`)
	hints := eval[int](t, b, `Array.from(document.querySelectorAll(".hint")).filter(function (e) { return e.offsetParent !== null; }).length`)
	errs, warns := brokenCounts(t)
	assert.Equal(t, errs+warns, rows)
	assert.Zero(t, buttons)
	assert.Zero(t, hints, "no sorting hint when nothing sorts")
	b.keep(t, "validate-broken-noscript")
	b.noErrors(t)
}

func TestHTMLSummaryInBrowser(t *testing.T) {
	b := newBrowser(t, true)
	file := filepath.Join(t.TempDir(), "汇总.html")
	code, _, stderr := runCLI(t, "validate", exampleDir("good"), exampleDir("broken"), "--summary", file)
	require.Equal(t, ExitFindings, code, stderr)
	b.open(t, file)
	got := eval[struct {
		Rows, Head int
		Classes    []string
		Counts     string
	}](t, b, `({Rows: document.querySelectorAll("#summary tbody tr").length,
  Head: document.querySelectorAll("#summary thead th").length,
  Classes: Array.from(document.querySelectorAll("#summary tbody tr")).map(function (r) { return r.className; }),
  Counts: document.getElementById("summary-counts").textContent})`)
	assert.Equal(t, 2, got.Rows)
	assert.Equal(t, 7+9+3, got.Head, "the columns of the CSV summary")
	assert.Equal(t, []string{"ok", "failed"}, got.Classes)
	assert.Equal(t, "共 2 个申报材料包：1 个通过，1 个未通过。", got.Counts)
	// The two examples are one space's data: the findings across them are
	// listed below the table, as many as the JSON report counts.
	_, js, _ := runCLI(t, "validate", exampleDir("good"), exampleDir("broken"), "--format", "json")
	var rep struct {
		Intake []json.RawMessage `json:"intake"`
	}
	require.NoError(t, json.Unmarshal([]byte(js), &rep))
	require.NotEmpty(t, rep.Intake)
	assert.Equal(t, len(rep.Intake), eval[int](t, b, `document.querySelectorAll("#intake tbody tr").length`))
	b.keep(t, "summary")
	b.noErrors(t)
}
