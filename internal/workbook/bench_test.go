package workbook

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
)

// The benchmark workbook: 100,000 创业团队 rows + 50,000 入驻企业 rows,
// generated once per test binary run. MKSPACE_BENCH_XLSX names another
// workbook with the same sheets instead (e.g. one saved by Excel or
// LibreOffice, which use shared strings where excelize's StreamWriter writes
// inline strings).
const (
	benchTeams       = 100_000
	benchEnterprises = 50_000
)

var (
	benchOnce sync.Once
	benchPath string
	benchDir  string
	benchErr  error
)

func benchWorkbook(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("MKSPACE_BENCH_XLSX"); p != "" {
		return p
	}
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "mkspace-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "申报数据.xlsx")
		benchErr = writeLargeWorkbook(benchPath, benchTeams, benchEnterprises)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func TestMain(m *testing.M) {
	if pass, path := os.Getenv("MKSPACE_BENCH_CHILD"), os.Getenv("MKSPACE_BENCH_FILE"); pass != "" {
		os.Exit(childPass(pass, path))
	}
	code := m.Run()
	lotest.Cleanup()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// peakMemory samples runtime.MemStats while running fn and returns the peak
// HeapInuse (live heap spans) and the peak Sys (memory obtained from the OS).
func peakMemory(fn func()) (heapInuse, sys uint64) {
	var peakHeap, peakSys atomic.Uint64
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > peakHeap.Load() {
			peakHeap.Store(ms.HeapInuse)
		}
		if ms.Sys > peakSys.Load() {
			peakSys.Store(ms.Sys)
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	sample()
	return peakHeap.Load(), peakSys.Load()
}

// runBench runs pass b.N times and reports rows/s, the peak HeapInuse over
// all iterations (MB, sampled every 5 ms) and bytes allocated per row. (Sys
// is not reported: it never shrinks, so it would show the generator's peak.)
func runBench(b *testing.B, pass func() int) {
	runtime.GC()
	var rows int
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	start := time.Now()
	heap, _ := peakMemory(func() {
		for i := 0; i < b.N; i++ {
			rows += pass()
		}
	})
	elapsed := time.Since(start)
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows), "alloc-B/row")
}

// childPass runs one pass in a fresh process and prints its peak resident
// set size (VmHWM of /proc/self/status: the high-water mark of this process
// image; ru_maxrss would include the parent's size at fork).
func childPass(pass, path string) int {
	var fn func(string) (int, error)
	switch pass {
	case "bare":
		fn = bareRows
	case "each":
		fn = eachRows
	default:
		return 3
	}
	if _, err := fn(path); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 1
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0 // not Linux: no figure
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			fmt.Println(line)
		}
	}
	return 0
}

// childPeakRSS runs one pass in a fresh process of this test binary and
// returns its peak resident set size in MB (0 where /proc is missing): the
// true peak memory of one run, Go runtime and binary included.
func childPeakRSS(b *testing.B, pass, path string) float64 {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MKSPACE_BENCH_CHILD="+pass, "MKSPACE_BENCH_FILE="+path)
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("child pass %s: %v\n%s", pass, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// bareRows is excelize's Rows() iterator over both sheets with raw cell
// values, doing nothing with them.
func bareRows(path string) (int, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, sheet := range []string{"创业团队", "入驻企业"} {
		rows, err := f.Rows(sheet)
		if err != nil {
			return n, err
		}
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				return n, err
			}
			n++
		}
		if err := rows.Close(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// eachRows is the reader: Open (sheet list, header rows) and Each over every
// row of both tables, touching every cell. It counts the header rows too,
// as bareRows does.
func eachRows(path string) (int, error) {
	p, err := Open([]string{path}, config.Default())
	if err != nil {
		return 0, err
	}
	defer p.Close()
	n := 0
	for _, key := range []string{"teams", "enterprises"} {
		t := p.Table(key)
		if t == nil {
			return n, fmt.Errorf("no table %s: %v", key, p.Findings)
		}
		n++
		var chars int
		if err := p.Each(t, func(r Row) error {
			for _, c := range r.Cells {
				chars += len(c.Value) + len(c.Ref)
			}
			n++
			return nil
		}); err != nil {
			return n, err
		}
	}
	return n, nil
}

// BenchmarkBareRows is the floor to compare with: excelize's Rows()
// iterator over both sheets with raw cell values, doing nothing with them.
func BenchmarkBareRows(b *testing.B) {
	path := benchWorkbook(b)
	rss := childPeakRSS(b, "bare", path)
	runBench(b, func() int {
		n, err := bareRows(path)
		if err != nil {
			b.Fatal(err)
		}
		return n
	})
	b.ReportMetric(rss, "child-peak-rss-MB")
}

// BenchmarkEach is the reader: Open and Each over every row of both tables.
func BenchmarkEach(b *testing.B) {
	path := benchWorkbook(b)
	rss := childPeakRSS(b, "each", path)
	runBench(b, func() int {
		n, err := eachRows(path)
		if err != nil {
			b.Fatal(err)
		}
		return n
	})
	b.ReportMetric(rss, "child-peak-rss-MB")
}
