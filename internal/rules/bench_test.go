package rules

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// benchFiles is how many distinct attachment files the benchmark rows name.
const benchFiles = 1000

func benchAttachment(i int) string { return fmt.Sprintf("附件/%04d.pdf", i%benchFiles) }

// benchTeam returns the values of team i: a third each in the space,
// converted, moved out; a quarter financed.
func benchTeam(i int) rowVals {
	joined := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1800)
	d := func(t time.Time) any {
		return num(strconv.Itoa(int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)))
	}
	r := rowVals{"name": fmt.Sprintf("第%06d号创业团队（智能硬件方向）", i+1), "joined_on": d(joined), "agreement": benchAttachment(i), "financed": "否"}
	switch i % 3 {
	case 0:
		r["members"], r["converted"], r["moved_out"] = num(strconv.Itoa(3+i%7)), "否", "否"
	case 1:
		r["converted"], r["registered_on"], r["moved_out"] = "是", d(joined.AddDate(0, 3, 0)), "否"
	default:
		r["converted"], r["moved_out"], r["moved_out_on"] = "否", "是", d(joined.AddDate(0, 6, 0))
	}
	if i%4 == 0 {
		r["financed"], r["financed_on"], r["amount"], r["financing_proof"] = "是", d(joined.AddDate(0, 2, 0)), num("50.25"), benchAttachment(i+7)
	}
	return r
}

// benchTeams is the number of team rows of the large benchmark; every
// converted team among them has its enterprise.
var benchTeams = 100_000

func benchTeamsFor(int) int { return (benchTeams + 1) / 3 }

func benchEnterprise(i int) rowVals {
	reg := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1800)
	d := func(t time.Time) any {
		return num(strconv.Itoa(int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)))
	}
	r := rowVals{"name": fmt.Sprintf("某某%06d科技有限公司", i+1), "uscc": usccFor(i + 1), "from_team": "否",
		"registered_on": d(reg), "joined_on": d(reg.AddDate(0, 1, 0)), "moved_out": "否", "staff": num("12"),
		"agreement": benchAttachment(i), "license": benchAttachment(i + 3), "financed": "否"}
	// The first third come from the converted teams (team 3i+1), one each.
	if t := benchTeam(3*i + 1); i < benchTeamsFor(i) {
		r["from_team"], r["team"], r["registered_on"], r["joined_on"] = "是", t["name"], t["registered_on"], nil
	}
	return r
}

// usccFor returns a valid code built from n.
func usccFor(n int) string {
	body := fmt.Sprintf("913101%011d", n)
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	weights := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * weights[i]
	}
	return body + string(alphabet[(31-sum%31)%31])
}

func benchDir(b *testing.B) string {
	dir := b.TempDir()
	for i := 0; i < benchFiles; i++ {
		writeFile(b, dir, benchAttachment(i), minimalPDF(strconv.Itoa(i)))
	}
	return dir
}

// BenchmarkTeamRows runs every rule over 100,000 创业团队 rows built in
// memory (typing included, reading excluded).
func BenchmarkTeamRows(b *testing.B) {
	const n = 100_000
	rows := make([]rowVals, n)
	for i := range rows {
		rows[i] = benchTeam(i)
	}
	mt := table("teams", rows...)
	dir := benchDir(b)
	cfg := config.Default()
	b.ResetTimer()
	for b.Loop() {
		ck := newChecker(nil, dir, cfg)
		mt.feed(cfg, ck)
		ck.End()
		if fs := withoutTextValues(ck.Findings()); len(fs) != 0 {
			b.Fatalf("findings on valid rows:\n%s", dump(fs[:min(5, len(fs))]))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/float64(b.N), "ns/row")
}

// BenchmarkConditionsPerRow is the cost of the row-state conditions for
// one team row.
func BenchmarkConditionsPerRow(b *testing.B) {
	T := schema.Teams
	s := T.Sheet
	targets, holds := conditionTargets(s), make([]bool, len(s.Conditions))
	conv, moved, fin := T.Converted.Index(), T.MovedOut.Index(), T.Financed.Index()
	match := func(i int) yesNo {
		switch i {
		case conv, moved, fin:
			return no
		}
		return unknownYesNo
	}
	filled := func(i int) bool { return i == T.Members.Index() }
	var out []condViolation
	for b.Loop() {
		out = evalConditions(s, targets, match, filled, holds, out[:0])
		if len(out) != 0 {
			b.Fatal(out)
		}
	}
}

// writeBigWorkbook writes teams and enterprises rows with StreamWriter, as
// the template lays them out (title row, header, 序号), and returns the
// package folder.
func writeBigWorkbook(b *testing.B, teams, enterprises int) string {
	return writeBigWorkbookTo(b, benchDir(b), teams, enterprises)
}

func writeBigWorkbookTo(b testing.TB, dir string, teams, enterprises int) string {
	f := excelize.NewFile()
	defer f.Close()
	write := func(key string, n int, row func(int) rowVals) {
		s := schema.ByKey(key)
		_, err := f.NewSheet(s.Name)
		require.NoError(b, err)
		sw, err := f.NewStreamWriter(s.Name)
		require.NoError(b, err)
		require.NoError(b, sw.SetRow("A1", []any{s.Title}))
		hdr := []any{"序号"}
		for _, c := range s.Columns {
			hdr = append(hdr, c.Header)
		}
		require.NoError(b, sw.SetRow("A2", hdr))
		vals := make([]any, len(s.Columns)+1)
		for i := 0; i < n; i++ {
			r := row(i)
			vals[0] = i + 1
			for k, c := range s.Columns {
				switch x := r[c.Key].(type) {
				case nil:
					vals[k+1] = nil
				case string:
					vals[k+1] = x
				case num:
					vals[k+1] = mustFloat(string(x))
				}
			}
			require.NoError(b, sw.SetRow("A"+strconv.Itoa(i+3), vals))
		}
		require.NoError(b, sw.Flush())
	}
	write("teams", teams, benchTeam)
	write("enterprises", enterprises, benchEnterprise)
	require.NoError(b, f.DeleteSheet("Sheet1"))
	require.NoError(b, f.SaveAs(filepath.Join(dir, "申报数据.xlsx")))
	return dir
}

// BenchmarkValidateLarge validates a workbook of 100,000 创业团队 rows and
// 50,000 入驻企业 rows (other sheets missing: a few structural findings),
// beside the reader alone (read-only) and a bare excelize Rows() pass with
// raw values over the same file.
// Set MKSPACE_BENCH_ROWS to scale the team count (enterprises are half).
func BenchmarkValidateLarge(b *testing.B) {
	teams := 100_000
	if v, err := strconv.Atoi(os.Getenv("MKSPACE_BENCH_ROWS")); err == nil && v > 0 {
		teams = v
	}
	benchTeams = teams
	dir := writeBigWorkbook(b, teams, max(teams/2, (teams+1)/3))
	cfg := config.Default()
	b.Run("validate", func(b *testing.B) {
		var peak uint64
		for b.Loop() {
			stop := sampleHeap(&peak)
			res, err := Validate([]string{dir}, cfg)
			stop()
			require.NoError(b, err)
			for _, f := range res.Findings {
				if f.Row != 0 {
					b.Fatalf("row finding on valid rows: %s", dump(res.Findings[:min(5, len(res.Findings))]))
				}
			}
		}
		b.ReportMetric(float64(teams+teams/2)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	})
	b.Run("read-only", func(b *testing.B) {
		var peak uint64
		for b.Loop() {
			stop := sampleHeap(&peak)
			p, err := workbook.Open([]string{dir}, cfg)
			require.NoError(b, err)
			for _, t := range p.Tables {
				require.NoError(b, p.Each(t, func(workbook.Row) error { return nil }))
			}
			require.NoError(b, p.Close())
			stop()
		}
		b.ReportMetric(float64(teams+teams/2)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	})
	b.Run("excelize-raw", func(b *testing.B) {
		var peak uint64
		for b.Loop() {
			stop := sampleHeap(&peak)
			f, err := excelize.OpenFile(filepath.Join(dir, "申报数据.xlsx"), excelize.Options{RawCellValue: true})
			require.NoError(b, err)
			for _, name := range []string{"创业团队", "入驻企业"} {
				rows, err := f.Rows(name)
				require.NoError(b, err)
				for rows.Next() {
					if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
						b.Fatal(err)
					}
				}
				require.NoError(b, rows.Close())
			}
			require.NoError(b, f.Close())
			stop()
		}
		b.ReportMetric(float64(teams+teams/2)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	})
}

// BenchmarkValidateMillion is the memory of a large clean package: 1,000,000
// 创业团队 rows and an enterprise for each converted team (333,334 入驻企业
// rows, all matched against their teams). It reports the peak resident set
// of a fresh process that validates it (rules and totals, as `mkspace
// validate`), the peak live heap of the same run in this process, and the
// rows per second. Set MKSPACE_BENCH_ROWS to scale the team count.
func BenchmarkValidateMillion(b *testing.B) {
	teams := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("MKSPACE_BENCH_ROWS")); err == nil && v > 0 {
		teams = v
	}
	benchTeams = teams
	enterprises := benchTeamsFor(0)
	rows := float64(teams + enterprises)
	dir := writeBigWorkbook(b, teams, enterprises)
	cfg := config.Default()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MKSPACE_RULES_CHILD=validate", "MKSPACE_RULES_DIR="+dir)
	out, err := cmd.Output()
	require.NoError(b, err, "child: %s", out)
	var rss float64
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "row-findings:" && f[1] != "0":
			b.Fatalf("the child found problems in valid rows: %s", out)
		case len(f) == 3 && f[0] == "VmHWM:":
			kb, _ := strconv.ParseFloat(f[1], 64)
			rss = kb / 1024
		}
	}

	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		stop := sampleHeap(&peak)
		res, err := Validate([]string{dir}, cfg)
		stop()
		require.NoError(b, err)
		for _, f := range res.Findings {
			if f.Row != 0 {
				b.Fatalf("row finding on valid rows: %s", dump(res.Findings[:min(5, len(res.Findings))]))
			}
		}
	}
	b.ReportMetric(rows*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(rss, "child-peak-rss-MB")
	b.ReportMetric(rows, "rows")
}

// sampleHeap records the largest live heap seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	runtime.GC()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > *peak {
				*peak = m.HeapInuse
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
