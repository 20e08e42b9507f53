package dossier

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/mkspace/mkspace/internal/lotest"
	"github.com/mkspace/mkspace/internal/pdf/testpdf"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// minimalPDF is a valid one-page PDF showing text.
func minimalPDF(text string) []byte { return testpdf.OnePage(text) }

// usccFor returns a valid unified social credit code for n.
func usccFor(n int) string {
	first := fmt.Sprintf("91330100MA%07d", n)
	return first + string(cell.USCCCheckChar(first))
}

// bigPackage writes a valid package of teams, enterprises and activities
// with attachments one-page PDFs shared by the rows.
func bigPackage(tb testing.TB, dir string, teams, enterprises, activities, attachments int) {
	tb.Helper()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	att := filepath.Join(dir, "attachments")
	must(os.MkdirAll(att, 0o755))
	for i := range attachments {
		must(os.WriteFile(filepath.Join(att, fmt.Sprintf("a%02d.pdf", i)), minimalPDF(fmt.Sprintf("Attachment %d", i)), 0o644))
	}
	pdf := func(i int) string { return fmt.Sprintf("attachments/a%02d.pdf", i%attachments) }

	f, err := xlsxtmpl.New(xlsxtmpl.Options{Rows: 10})
	must(err)
	set := func(sheetKey, key string, row int, v any) {
		s := schema.ByKey(sheetKey)
		c, ok := s.Lookup(key)
		if !ok {
			panic("no column " + key)
		}
		must(f.SetCellValue(s.Name, xlsxtmpl.Cell(c, row+1), v))
	}
	for k, v := range map[string]any{"name": "基准众创空间", "operator": "基准科技服务有限公司", "operator_uscc": usccFor(1),
		"legal_representative": "张三", "region": "北京市海淀区", "address": "北京市海淀区中关村大街1号", "operating_since": "2019-01-01",
		"contact": "李四", "phone": "13800138000", "email": "contact@example.com", "agency": "北京市科学技术委员会", "commitment": pdf(0)} {
		set("basic", k, 0, v)
	}
	for _, k := range []string{"capability", "performance", "brand", "plan"} {
		set("narrative", k, 0, "本空间提供创业辅导、投融资对接和公共技术服务。\n第二段文字。")
	}
	for r := range 2 {
		for k, v := range map[string]any{"address": fmt.Sprintf("中关村大街%d号", r+1), "area": 500, "team_enterprise_area": 300,
			"public_service_area": 100, "self_use_area": 50, "other_area": 50, "workstations": 40, "tenure": "租赁", "proof": pdf(r)} {
			set("venues", k, r, v)
		}
	}
	for r := range 3 {
		for k, v := range map[string]any{"name": fmt.Sprintf("服务人员%d", r), "age": 30, "title": "经理", "education": "大学本科",
			"major": "管理", "experience": "十年创业服务经验", "proof": pdf(r)} {
			set("staff", k, r, v)
		}
		for k, v := range map[string]any{"name": fmt.Sprintf("导师%d", r), "employer": "某大学", "title": "教授", "field": "投融资",
			"employment": "兼职", "proof": pdf(r)} {
			set("mentors", k, r, v)
		}
	}
	for r := range teams {
		v := map[string]any{"name": fmt.Sprintf("创业团队%05d", r), "joined_on": "2020-01-01", "agreement": pdf(r), "financed": "否"}
		switch r % 3 {
		case 0:
			v["converted"], v["moved_out"], v["members"] = "否", "否", 3
		case 1:
			v["converted"], v["moved_out"], v["registered_on"] = "是", "否", "2021-05-01"
		case 2:
			v["converted"], v["moved_out"], v["moved_out_on"] = "否", "是", "2021-03-01"
		}
		for k, x := range v {
			set("teams", k, r, x)
		}
	}
	for r := range enterprises {
		v := map[string]any{"name": fmt.Sprintf("基准企业%05d有限公司", r), "uscc": usccFor(1000 + r), "registered_on": "2019-06-01",
			"agreement": pdf(r), "license": pdf(r + 1), "financed": "否", "moved_out": "否", "staff": 5}
		if t := 3*r + 1; r%2 == 0 && t < teams {
			v["from_team"], v["team"], v["registered_on"] = "是", fmt.Sprintf("创业团队%05d", t), "2021-05-01"
		} else {
			v["from_team"], v["joined_on"] = "否", "2020-06-01"
		}
		for k, x := range v {
			set("enterprises", k, r, x)
		}
	}
	kinds := schema.DefaultLists()[schema.ListActivityKind]
	for r := range activities {
		for k, v := range map[string]any{"name": fmt.Sprintf("活动%04d", r), "kind": kinds[r%len(kinds)], "date": "2021-03-15",
			"summary": "围绕创业融资开展交流，邀请投资人点评项目。", "proof": pdf(r)} {
			set("activities", k, r, v)
		}
	}
	must(f.SaveAs(filepath.Join(dir, "申报数据.xlsx")))
	must(f.Close())
}

var bigOnce sync.Once
var bigDir string

// bigFixture is the package of the benchmark: 2,000 teams, 1,000
// enterprises, 500 activities and 50 one-page attachments.
func bigFixture(b *testing.B) string {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "mkspace-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bigPackage(b, dir, 2000, 1000, 500, 50)
		bigDir = dir
	})
	return bigDir
}

// peakHeap samples the heap while f runs and returns the highest HeapInuse+
// StackInuse seen, in MB.
func peakHeap(f func()) float64 {
	var peak uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse+m.StackInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	return float64(peak) / (1 << 20)
}

// BenchmarkBuildLarge: the whole build-pdf on the large package, with the
// attachments bound, and without them (the size per 1,000 table rows).
func BenchmarkBuildLarge(b *testing.B) {
	dir := bigFixture(b)
	for _, noAtt := range []bool{false, true} {
		name := "with-attachments"
		if noAtt {
			name = "no-attachments"
		}
		b.Run(name, func(b *testing.B) {
			var built *Built
			var peak float64
			out := filepath.Join(b.TempDir(), "out.pdf")
			for b.Loop() {
				runtime.GC()
				peak = max(peak, peakHeap(func() {
					var err error
					built, err = Build([]string{dir}, config.Default(), Options{Output: out, Force: true, NoAttachments: noAtt})
					if err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/build")
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(float64(built.Size)/(1<<20), "PDF-MB")
			b.ReportMetric(float64(built.Pages), "pages")
			rows := 2000 + 1000 + 500
			b.ReportMetric(float64(built.Size)/(1<<20)/(float64(rows)/1000), "MB/1000rows")
		})
	}
}

// BenchmarkLibreOfficePDF is the user's alternative: LibreOffice printing
// the same workbook to PDF (it prints far less: no cover, contents,
// attachments or version). Skipped without soffice.
func BenchmarkLibreOfficePDF(b *testing.B) {
	lotest.Require(b)
	dir := bigFixture(b)
	out := b.TempDir()
	lotest.Convert(b, "pdf", out, filepath.Join(dir, "申报数据.xlsx")) // the profile, made once
	b.ResetTimer()
	for b.Loop() {
		lotest.Convert(b, "pdf", out, filepath.Join(dir, "申报数据.xlsx"))
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/convert")
}

// writeLarge is where TestWriteLargePackage writes the package that
// scripts/bench-vs-libreoffice.sh times: go test -run TestWriteLargePackage
// ./internal/dossier/ -args -write-large DIR.
var writeLarge = flag.String("write-large", "", "write the 5,000-row package with 90 attachments into this folder")

// Large package sizes: 5,000 table rows (3,000 teams, 1,500 enterprises,
// 500 activities) naming 90 attachments.
const largeTeams, largeEnterprises, largeActivities, largeAttachments = 3000, 1500, 500, 90

// TestWriteLargePackage writes the large package where -write-large says
// (skipped without it).
func TestWriteLargePackage(t *testing.T) {
	if *writeLarge == "" {
		t.Skip("-write-large not given")
	}
	if err := os.MkdirAll(*writeLarge, 0o755); err != nil {
		t.Fatal(err)
	}
	bigPackage(t, *writeLarge, largeTeams, largeEnterprises, largeActivities, largeAttachments)
}

// The large fixture is valid: the benchmark measures a real build.
func TestBigPackageIsValid(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("large fixture")
	}
	dir := t.TempDir()
	bigPackage(t, dir, 30, 12, 10, 5)
	d, err := Read([]string{dir}, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	errs, _ := d.Counts()
	for _, f := range d.Findings {
		if f.Severity == "error" {
			t.Errorf("%s %s!%s %s", f.Rule, f.Sheet, f.Cell, f.Message)
		}
	}
	if errs > 0 {
		t.FailNow()
	}
}

// BenchmarkBuildExample: the whole build-pdf of examples/good, as a user
// runs it (the binary reads the font and every file afresh; within one
// process the font is read once, so the first build is the one a user
// waits for: "first-ms").
func BenchmarkBuildExample(b *testing.B) {
	src := filepath.Join("..", "..", "examples", "good")
	dir := filepath.Join(b.TempDir(), "good")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out.pdf")
	var built *Built
	first := time.Duration(-1)
	for b.Loop() {
		start := time.Now()
		var err error
		built, err = Build([]string{dir}, config.Default(), Options{Output: out, Force: true})
		if err != nil {
			b.Fatal(err)
		}
		if first < 0 {
			first = time.Since(start)
		}
	}
	b.ReportMetric(float64(first.Milliseconds()), "first-ms")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/build")
	b.ReportMetric(float64(built.Size)/(1<<20), "PDF-MB")
	b.ReportMetric(float64(built.Pages), "pages")
}
