package cli

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// linkTree copies the folder src to dst with hard links (a copy of the
// same bytes without the disk space: 1,000 packages cost no more than one).
func linkTree(tb testing.TB, src, dst string) {
	tb.Helper()
	require.NoError(tb, filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		return os.Link(p, to)
	}))
}

// peakRSS is the process's peak resident set size in bytes (VmHWM), 0
// where /proc is not there.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb * 1024
		}
	}
	return 0
}

// An intake of MKSPACE_BENCH_PACKAGES (default 1,000) packages the size of
// examples/good (its copies: every key shared by every package, the worst
// case for the findings across packages) validated in one run with the
// JSON summary that carries every package's keys: packages per second and
// the peak memory of the process.
//
//	go test ./internal/cli -run '^$' -bench BenchmarkIntake -benchtime 1x
func BenchmarkIntake(b *testing.B) {
	n := 1000
	if s := os.Getenv("MKSPACE_BENCH_PACKAGES"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(b, err)
	}
	root := b.TempDir()
	args := []string{"validate", "--format", "json", "-o", filepath.Join(root, "report.json"),
		"--summary", filepath.Join(root, "summary.json")}
	for i := range n {
		dst := filepath.Join(root, fmt.Sprintf("p%04d", i))
		linkTree(b, exampleDir("good"), dst)
		args = append(args, dst)
	}
	var elapsed time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		var out, errb discard
		if code := Run(&IO{Out: &out, Err: &errb}, args); code == ExitNoRun {
			b.Fatalf("validate: exit %d", code)
		}
		elapsed += time.Since(start)
	}
	b.StopTimer()
	st, err := os.Stat(filepath.Join(root, "summary.json"))
	require.NoError(b, err)
	b.ReportMetric(float64(n*b.N)/elapsed.Seconds(), "pkgs/s")
	b.ReportMetric(peakRSS()/(1<<20), "peak-MiB")
	b.ReportMetric(float64(st.Size())/(1<<20), "summary-MiB")
	b.ReportMetric(0, "ns/op")
}
