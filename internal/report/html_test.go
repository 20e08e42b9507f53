package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
)

// htmlInput is the sample with an identity, the totals of an empty
// package and its self-check (every condition from the data unmet).
func htmlInput() Input {
	in := sampleInput()
	t := totals.New(config.Default()).Result(totals.ThresholdsOf(config.Default()))
	p := &in.Packages[0]
	p.Totals, p.Eligibility = t, t.Eligibility
	p.SpaceName, p.Operator, p.Agency = "星火创客空间", "青澜星火众创科技服务有限公司", "青澜市科学技术局"
	return in
}

func TestHTMLGolden(t *testing.T) {
	t.Parallel()
	in := htmlInput()
	golden(t, "html_zh.golden", render(t, HTML, in))
	in.Lang = msg.EN
	golden(t, "html_en.golden", render(t, HTML, in))
}

func TestHTMLPage(t *testing.T) {
	t.Parallel()
	out := render(t, HTML, htmlInput())
	assert.Equal(t, 7, strings.Count(out, `<tr class="finding `), "one row per finding")
	assert.Equal(t, 13, strings.Count(out, `<tr class="check `), "nine conditions and four to confirm by hand")
	assert.Equal(t, 4, strings.Count(out, `data-state="manual"`))
	assert.Contains(t, out, `data-errors="5"`)
	assert.Contains(t, out, `data-warnings="2"`)
	assert.Contains(t, out, "<title>星火创客空间 检查报告</title>")
	assert.Contains(t, out, `<html lang="zh-CN">`)
	assert.Contains(t, out, "@media print")
	assert.Contains(t, out, "size:A4")
	// Sheets in the order of the form, the cell in its own column.
	assert.Less(t, strings.Index(out, "申报数据.xlsx › 基础信息"), strings.Index(out, "申报数据.xlsx › 创业团队"))
	assert.Contains(t, out, `<td class="cell" data-key="140008">H7</td>`)
	// The message's location is not repeated; the advice has its column.
	assert.Contains(t, out, "<td>已转化为企业的创业团队，&#34;迁出时间&#34;为不可填项目。</td><td>请清空该单元格。</td>")
}

// The page loads nothing: no source, no stylesheet, no import, and a
// Content-Security-Policy that forbids every other resource.
func TestHTMLSelfContained(t *testing.T) {
	t.Parallel()
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		in := htmlInput()
		in.Lang = l
		out := render(t, HTML, in)
		for _, bad := range []string{" src=", "<link", "@import", "url(", "http://", "https://"} {
			assert.NotContains(t, out, bad, l)
		}
		assert.Contains(t, out, `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`)
	}
}

// What comes from a package is text on the page, never markup.
func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	in := htmlInput()
	p := &in.Packages[0]
	p.SpaceName = `"><img src=x onerror=alert(1)>`
	p.Findings = append(p.Findings, finding.Finding{Rule: finding.CellRequired, Severity: finding.Error,
		File: "申报数据.xlsx", Sheet: "<b>表</b>", Row: 2, Cell: "A2",
		Message: `<script>alert(1)</script>，请填写。`})
	out := render(t, HTML, in)
	assert.NotContains(t, out, "<img src=x")
	assert.NotContains(t, out, "<script>alert")
	assert.NotContains(t, out, "<b>表</b>")
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Contains(t, out, "&lt;b&gt;表&lt;/b&gt;")
}

func manyFindings(n int) []finding.Finding {
	fs := make([]finding.Finding, n)
	for i := range fs {
		row := n + 1 - i
		fs[i] = finding.Finding{Rule: finding.CellNotFillable, Severity: finding.Error, File: "申报数据.xlsx",
			Sheet: "创业团队", Row: row, Column: "迁出时间", Cell: fmt.Sprintf("G%d", row), Value: "2021-05-01",
			Message: fmt.Sprintf("创业团队!G%d：已转化为企业的创业团队，\"迁出时间\"为不可填项目，请清空该单元格。", row)}
	}
	return fs
}

func TestHTMLMaxFindings(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		max    int
		all    bool
		rows   int
		more   string
		counts string
	}{
		{"default cap", 0, false, HTMLMaxFindings, "另有 500 条问题未列出", `data-errors="2500"`},
		{"given", 10, false, 10, "另有 2490 条问题未列出", `data-errors="2500"`},
		{"all on purpose", 0, true, 2500, "", `data-errors="2500"`},
		{"more than there are", 5000, false, 2500, "", `data-errors="2500"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := htmlInput()
			in.Packages[0].Findings = manyFindings(2500)
			in.MaxFindings, in.AllFindings = c.max, c.all
			out := render(t, HTML, in)
			assert.Equal(t, c.rows, strings.Count(out, `<tr class="finding `))
			assert.Contains(t, out, c.counts)
			if c.more == "" {
				assert.NotContains(t, out, `id="more"`)
			} else {
				assert.Contains(t, out, c.more)
			}
		})
	}
}

func TestHTMLSeveralPackages(t *testing.T) {
	t.Parallel()
	in := htmlInput()
	in.Packages = append(in.Packages, Package{Name: "空间B", Dir: "空间B"})
	out := render(t, HTML, in)
	assert.Contains(t, out, "<title>检查报告（2 个申报材料包）</title>")
	assert.Equal(t, 2, strings.Count(out, `<section class="pkg"`))
	assert.Contains(t, out, `<p class="none">未发现问题。</p>`)
	assert.Contains(t, out, `（未填写）`)
}

func TestSummaryHTML(t *testing.T) {
	t.Parallel()
	assert.True(t, IsSummaryFile("汇总.html"))
	assert.True(t, IsSummaryFile("x.HTM"))
	e, w := 2, 1
	met, unmet := true, false
	rows := []SummaryRow{
		{File: "a.zip", SpaceName: "=cmd()", Errors: &e, Warnings: &w, Verified: false, FirstProblem: "<问题>",
			Eligibility: map[string]*bool{totals.EligMentors: &unmet, totals.EligActivities: &met, totals.EligServed: nil}},
		FailedRow("b.zip", "zip", "无法读取", config.Default()),
	}
	var b bytes.Buffer
	require.NoError(t, WriteSummary(&b, "汇总.html", rows, msg.ZH))
	out := b.String()
	assert.Equal(t, 2, strings.Count(out, "<tr data-i="))
	assert.Contains(t, out, "共 2 个申报材料包：0 个通过，2 个未通过。")
	assert.Contains(t, out, "=cmd()", "a page needs no spreadsheet escaping")
	assert.Contains(t, out, "&lt;问题&gt;")
	assert.Contains(t, out, `<span class="state not-met">不满足</span>`)
	assert.Contains(t, out, `<span class="state manual">请人工确认</span>`)
	assert.Contains(t, out, "CHECK-FAILED"[0:0]+"无法读取")
}

// BenchmarkWriteHTML writes the HTML page of 100,000 findings: capped at
// HTMLMaxFindings (the default) and with every finding listed.
func BenchmarkWriteHTML(b *testing.B) {
	const n = 100_000
	for _, c := range []struct {
		name string
		all  bool
	}{{"capped", false}, {"all", true}} {
		b.Run(c.name, func(b *testing.B) {
			in := htmlInput()
			in.Packages[0].Findings = manyFindings(n)
			in.AllFindings = c.all
			var size countWriter
			b.ReportAllocs()
			for b.Loop() {
				size = 0
				if err := Write(&size, HTML, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "findings/s")
			b.ReportMetric(float64(size)/(1<<20), "page-MiB")
		})
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
