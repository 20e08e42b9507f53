package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// BenchmarkWrite prints 100,000 findings (a broken 100,000-row sheet) in
// every format.
func BenchmarkWrite(b *testing.B) {
	const n = 100_000
	fs := make([]finding.Finding, n)
	for i := range fs {
		fs[i] = finding.Finding{Rule: finding.CellNotFillable, Severity: finding.Error, File: "申报数据.xlsx",
			Sheet: "创业团队", Row: n + 1 - i, Column: "迁出时间", Cell: fmt.Sprintf("G%d", n+1-i), Value: "2021-05-01",
			Message: fmt.Sprintf("创业团队!G%d：已转化为企业的创业团队，\"迁出时间\"为不可填项目，请清空该单元格。", n+1-i)}
	}
	in := Input{Lang: msg.ZH, Window: window, ToolVersion: "bench",
		Packages: []Package{{Name: "p", Dir: "p", Files: []string{"申报数据.xlsx"}, Findings: fs}}}
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "findings/s")
		})
	}
}
