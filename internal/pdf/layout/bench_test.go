package layout

import (
	"io"
	"runtime"
	"testing"
)

// countingWriter counts the bytes of the PDF without keeping them.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkRender sets a large 申报书: 2,000 teams, 1,000 enterprises (on
// landscape pages) and 500 activities. Targets: well under 3 s, at most
// 1 MB of PDF per 1,000 table rows.
func BenchmarkRender(b *testing.B) {
	const teams, enterprises, activities = 2000, 1000, 500
	in := fixture(teams, enterprises, activities)
	var (
		out   countingWriter
		pages int
	)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	for b.Loop() {
		out.n = 0
		lay, err := Render(&out, in)
		if err != nil {
			b.Fatal(err)
		}
		pages = lay.Pages
	}
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&after)
	rows := float64(teams + enterprises + activities)
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(out.n)/1e6, "MB")
	b.ReportMetric(float64(out.n)/1e6/(rows/1000), "MB/1000rows")
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6/float64(b.N), "MBalloc/op")
}
