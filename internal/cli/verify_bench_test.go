package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/schema"
)

// smallPackage makes a small valid package from the good example: the first
// row of every table sheet but the teams and enterprises (whose rows refer
// to each other), none of those two; the attachments it no longer names are
// left out of its zip by pack.
func smallPackage(tb testing.TB, dir string) {
	tb.Helper()
	require.NoError(tb, os.CopyFS(dir, os.DirFS(exampleDir("good"))))
	path := filepath.Join(dir, "申报数据.xlsx")
	f, err := excelize.OpenFile(path)
	require.NoError(tb, err)
	for _, s := range schema.Sheets() {
		if s.Kind != schema.Table {
			continue
		}
		keep := 1
		if s.Key == "teams" || s.Key == "enterprises" {
			keep = 0
		}
		rows, err := f.GetRows(s.Name)
		require.NoError(tb, err)
		for r := len(rows); r > 1+keep; r-- {
			require.NoError(tb, f.RemoveRow(s.Name, r))
		}
	}
	require.NoError(tb, f.Save())
	require.NoError(tb, f.Close())
}

// A small package is valid (warnings only: it meets few conditions), so
// that it packs and verifies.
func TestSmallPackageIsValid(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "small")
	smallPackage(t, dir)
	z := filepath.Join(t.TempDir(), "small.zip")
	code, out, errOut := runCLI(t, "pack", dir, "-o", z)
	require.Equal(t, ExitOK, code, out+errOut)
	r, err := pack.Check(z, pack.CheckOptions{Config: func(string) (*config.Config, error) { return config.Default(), nil }})
	require.NoError(t, err)
	require.True(t, r.OK(), "%v", r.Lines("zh"))
	require.Less(t, r.Files, 10)
}

// Batch verify of 200 small packages (zips of about 150 KB, 8 files), one
// at a time and on two workers: packages per second of each and the
// speed-up.
func BenchmarkVerifyBatch(b *testing.B) {
	root := b.TempDir()
	src := filepath.Join(root, "small")
	smallPackage(b, src)
	z := filepath.Join(root, "small.zip")
	var out, errb discard
	if code := Run(&IO{Out: &out, Err: &errb}, []string{"pack", src, "-o", z}); code != ExitOK {
		b.Fatalf("pack: exit %d", code)
	}
	const n = 200
	args := make([]string, n)
	for i := range args {
		args[i] = filepath.Join(root, fmt.Sprintf("%03d.zip", i))
		copyTo(b, z, args[i])
	}
	run := func(workers int) time.Duration {
		start := time.Now()
		r := verifyRun(b, workers, false, args...)
		if r.code != ExitOK {
			b.Fatalf("verify: exit %d: %s", r.code, r.out)
		}
		return time.Since(start)
	}
	run(2) // warm the file cache
	var one, two time.Duration
	b.ResetTimer()
	for range b.N {
		one += run(1)
		two += run(2)
	}
	b.StopTimer()
	perSec := func(d time.Duration) float64 { return float64(n*b.N) / d.Seconds() }
	b.ReportMetric(perSec(one), "pkgs/s-1worker")
	b.ReportMetric(perSec(two), "pkgs/s-2workers")
	b.ReportMetric(one.Seconds()/two.Seconds(), "speedup")
	b.ReportMetric(0, "ns/op")
}

// discard is an io.Writer that keeps nothing.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
