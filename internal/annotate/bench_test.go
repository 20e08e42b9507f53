package annotate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// badRows is the number of rows of the bad package: two findings each
// (an impossible date, a member count that is not a number).
const badRows = 50_000

// badPackage copies examples/good and appends badRows bad rows to its
// 创业团队 sheet.
func badPackage(tb testing.TB, rows int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "bad")
	require.NoError(tb, os.CopyFS(dir, os.DirFS(examplePath("good"))))
	path := filepath.Join(dir, workbookName)
	f, err := excelize.OpenFile(path)
	require.NoError(tb, err)
	defer f.Close()
	const sheet = "创业团队"
	have, err := f.GetRows(sheet)
	require.NoError(tb, err)
	proof := have[1][7]
	for i := 0; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, len(have)+1+i)
		require.NoError(tb, f.SetSheetRow(sheet, cell, &[]any{
			fmt.Sprintf("批量团队%06d", i+1), "2021-02-30", "abc", "否", nil, "否", nil, proof, "否"}))
	}
	require.NoError(tb, f.Save())
	return dir
}

// peakHeap samples the heap in use until stop is called and returns its
// peak.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

// BenchmarkAnnotate100k writes the marked-up copy of a package with
// 100,000 findings (50,000 bad rows): every finding a filled cell with a
// note and a row of the list.
func BenchmarkAnnotate100k(b *testing.B) {
	dir := badPackage(b, badRows)
	fs := check(b, dir)
	errs, _ := finding.Counts(fs)
	if errs < 2*badRows {
		b.Fatalf("%d errors, want at least %d", errs, 2*badRows)
	}
	src := filepath.Join(dir, workbookName)
	out := filepath.Join(b.TempDir(), "检查结果-"+workbookName)
	runtime.GC()
	stop := peakHeap()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteFile(context.Background(), src, fs, msg.ZH, out); err != nil {
			b.Fatal(err)
		}
	}
	peak := stop()
	b.StopTimer()
	st, err := os.Stat(out)
	require.NoError(b, err)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(fs))/float64(b.N), "ns/finding")
	b.ReportMetric(float64(len(fs)), "findings")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
}

// BenchmarkExcelizeAddComment is what notes would cost through excelize's
// AddComment, one call per note (each call scans every note of the sheet
// before it): the reason the comments and VML parts are written here.
func BenchmarkExcelizeAddComment(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				f := excelize.NewFile()
				for i := 0; i < n; i++ {
					cell, _ := excelize.CoordinatesToCellName(2, i+1)
					if err := f.AddComment("Sheet1", excelize.Comment{Cell: cell, Author: noteAuthor, Text: "问题"}); err != nil {
						b.Fatal(err)
					}
				}
				_ = f.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/float64(b.N), "ns/note")
		})
	}
}
