package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	figures "github.com/mkspace/mkspace/internal/totals"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
	"github.com/mkspace/mkspace/templates"
)

// committed is the examples folder of the repository (the test runs in
// examples/gen).
const committed = ".."

var (
	genOnce sync.Once
	genDir  string
	genErr  error
)

// generated runs the generator once into a temporary folder and returns it.
func generated(t *testing.T) string {
	t.Helper()
	genOnce.Do(func() {
		genDir, genErr = os.MkdirTemp("", "mkspace-examples-")
		if genErr == nil {
			genErr = generate(genDir)
		}
	})
	require.NoError(t, genErr)
	return genDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	lotest.Cleanup()
	if genDir != "" {
		_ = os.RemoveAll(genDir)
	}
	os.Exit(code)
}

func TestUSCCCheckDigit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		code string
		ok   bool
	}{
		{"91350100M000100Y43", true},
		{"91310110666007217T", true},
		{"914403001922038216", true},
		{"91512081MA62K0260E", true},
		{"91350100M000100Y4Z", false}, // the standard's negative example (Z not allowed)
		{"914403001922038217", false},
		{"91350211M0000XUF46", false}, // a legal pilot-region code that fails the check
		{"9135010M000100Y43", false},  // 17 characters
		{"913501OOM000100Y43", false}, // letters where the division code has digits
	} {
		assert.Equal(t, tc.ok, usccValid(tc.code), tc.code)
	}
	// A body whose weighted sum is a multiple of 31 gets '0'.
	found := false
	for n := 0; n < 1000 && !found; n++ {
		body := fmt.Sprintf("9133990100000%04d", n)
		c, err := usccCheck(body)
		require.NoError(t, err)
		if c == '0' {
			found = true
			assert.True(t, usccValid(body+"0"), body)
		}
	}
	assert.True(t, found, "no body with check character 0 among 1000")
	wrong := usccWrongCheck("91350100M000100Y4")
	assert.NotEqual(t, "91350100M000100Y43", wrong)
	assert.False(t, usccValid(wrong))
}

// TestWorkbookLayout opens the generated workbooks and finds every sheet and
// header of package schema, as the schema spells them.
func TestWorkbookLayout(t *testing.T) {
	t.Parallel()
	dir := generated(t)
	for _, name := range []string{"good", "broken"} {
		f, err := excelize.OpenFile(filepath.Join(dir, name, WorkbookName))
		require.NoError(t, err)
		defer f.Close()
		for _, s := range schema.Sheets() {
			rows, err := f.GetRows(s.Name)
			require.NoError(t, err, "%s: sheet %s", name, s.Name)
			require.NotEmpty(t, rows, "%s: sheet %s is empty", name, s.Name)
			norm := func(cells []string) []string {
				out := make([]string, len(cells))
				for i, c := range cells {
					out[i] = schema.NormalizeHeader(c)
				}
				return out
			}
			header := norm(rows[0])
			if s.Kind == schema.Form {
				assert.Equal(t, []string{schema.NormalizeHeader(s.FormHeaders[0]), schema.NormalizeHeader(s.FormHeaders[1])}, header[:2], "%s: %s header", name, s.Name)
				for _, c := range s.Columns {
					r := fieldRow(s, c.Key)
					require.Less(t, r-1, len(rows), "%s: %s field %s", name, s.Name, c.Header)
					assert.Equal(t, schema.NormalizeHeader(c.Header), schema.NormalizeHeader(rows[r-1][0]), "%s: %s row %d", name, s.Name, r)
				}
				continue
			}
			for i, c := range s.Columns {
				require.Less(t, i, len(header), "%s: %s lacks column %s", name, s.Name, c.Header)
				assert.Equal(t, schema.NormalizeHeader(c.Header), header[i], "%s: %s column %d", name, s.Name, i+1)
			}
			assert.Greater(t, len(rows), 1, "%s: %s has no records", name, s.Name)
		}
	}
}

// TestUSCCsInWorkbook reads every code of the good workbook back and checks
// it with the check-digit function; codes are unique.
func TestUSCCsInWorkbook(t *testing.T) {
	t.Parallel()
	f, err := excelize.OpenFile(filepath.Join(generated(t), "good", WorkbookName))
	require.NoError(t, err)
	defer f.Close()
	basic, ents := schema.ByKey("basic"), schema.ByKey("enterprises")
	op, err := f.GetCellValue(basic.Name, cellRef(basic, "operator_uscc", 0))
	require.NoError(t, err)
	codes := []string{op}
	for n := 1; n <= len(good().tables["enterprises"]); n++ {
		v, err := f.GetCellValue(ents.Name, cellRef(ents, "uscc", n))
		require.NoError(t, err)
		codes = append(codes, v)
	}
	seen := map[string]bool{}
	for _, c := range codes {
		assert.True(t, usccValid(c), "code %q", c)
		assert.False(t, seen[c], "code %q twice", c)
		seen[c] = true
	}
	assert.Len(t, seen, 23)
}

// TestDateCells: dates are Excel date cells (a serial with a date format).
func TestDateCells(t *testing.T) {
	t.Parallel()
	f, err := excelize.OpenFile(filepath.Join(generated(t), "good", WorkbookName))
	require.NoError(t, err)
	defer f.Close()
	teams, ents := schema.ByKey("teams"), schema.ByKey("enterprises")
	for _, tc := range []struct {
		sheet      *schema.Sheet
		key        string
		n          int
		raw, shown string
	}{
		{teams, "joined_on", 1, "43718", "2019-09-10"},
		{teams, "registered_on", 1, "43997", "2020-06-15"},
		{ents, "registered_on", 1, "43997", "2020-06-15"},
		{ents, "registered_on", 2, "44155", "2020-11-20"},
		{ents, "registered_on", 19, "44228", "2021-02-01"},
	} {
		ref := cellRef(tc.sheet, tc.key, tc.n)
		raw, err := f.GetCellValue(tc.sheet.Name, ref, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		shown, err := f.GetCellValue(tc.sheet.Name, ref)
		require.NoError(t, err)
		assert.Equal(t, tc.raw, raw, "%s!%s raw", tc.sheet.Name, ref)
		assert.Equal(t, tc.shown, shown, "%s!%s shown", tc.sheet.Name, ref)
	}
}

// TestCommittedMatchesGenerator: the files in examples/ are what the
// generator writes now. Workbooks are compared by their cell values, other
// files byte for byte; the encrypted PDF must still need its password.
func TestCommittedMatchesGenerator(t *testing.T) {
	t.Parallel()
	dir := generated(t)
	const hint = "examples/ is out of date: run `go run ./examples/gen` from the repository root"
	list := func(root string) []string {
		var out []string
		for _, sub := range []string{"good", "broken", "unlinked", "expected"} {
			_ = filepath.WalkDir(filepath.Join(root, sub), func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(root, p)
					out = append(out, filepath.ToSlash(rel))
				}
				return nil
			})
		}
		slices.Sort(out)
		return out
	}
	want, got := list(dir), list(committed)
	var missing, extra []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	require.Empty(t, missing, "files the generator writes but examples/ lacks; %s", hint)
	require.Empty(t, extra, "files in examples/ the generator does not write; %s", hint)
	for _, rel := range want {
		a, b := filepath.Join(dir, rel), filepath.Join(committed, rel)
		switch {
		case strings.HasSuffix(rel, ".xlsx"):
			assert.Equal(t, workbookValues(t, a), workbookValues(t, b), "%s: %s", rel, hint)
		case rel == "broken/"+att+"入驻企业/青澜微澜储能科技有限公司-投融资证明.pdf":
			f := file{doc: &doc{Pages: []page{{}}}, userPass: brokenPassword}
			assert.True(t, keepEncrypted(b, f), "%s must need the password %q", rel, brokenPassword)
		default:
			x, err := os.ReadFile(a)
			require.NoError(t, err)
			y, err := os.ReadFile(b)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(x, y), "%s differs: %s", rel, hint)
		}
	}
}

// workbookValues returns every sheet's cell values.
func workbookValues(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		require.NoError(t, err)
		out[s] = rows
	}
	return out
}

// plannedTotals are the figures planned for the good package (README.md).
var plannedTotals = map[string]string{
	"media_reports": "3", "honors": "2",
	"total_area": "1200.50", "team_enterprise_area": "730.50", "public_service_area": "270.00",
	"self_use_area": "125.00", "other_area": "75.00", "workstations": "136", "service_area_ratio": "83.3",
	"management_staff": "10", "professional_staff": "5", "mentors": "5", "mentors_full_time": "2", "mentors_part_time": "3",
	"teams_total": "24", "teams_in_space": "7", "teams_converted": "13", "teams_moved_out": "4",
	"teams_financed": "3", "teams_financing_amount": "160.00", "teams_joined_in_window": "11",
	"enterprises_total": "22", "enterprises_from_teams": "13", "enterprises_in_space": "19", "enterprises_moved_out": "3",
	"enterprises_financed": "7", "enterprises_financing_amount": "2530.00", "enterprises_joined_in_window": "16",
	"enterprise_staff_in_space": "145", "activities": "14",
	"activities_by_type.创业沙龙": "3", "activities_by_type.项目路演": "3", "activities_by_type.创业大赛": "1",
	"activities_by_type.创业教育培训": "2", "activities_by_type.投融资对接": "2", "activities_by_type.论坛讲座": "1",
	"activities_by_type.导师辅导": "1", "activities_by_type.交流合作": "1", "activities_by_type.其他": "0",
	"served_in_window": "29", "conversions_in_window": "12", "financed_in_window": "8", "operating_months": "28",
}

// flatTotals renders totals as key → displayed text, activities_by_type
// flattened.
func flatTotals(p *pkg) map[string]string {
	out := map[string]string{}
	for k, v := range totals(p, config.Default().Window) {
		if m, ok := v.(map[string]int); ok {
			for kind, n := range m {
				out[k+"."+kind] = fmt.Sprint(n)
			}
			continue
		}
		out[k] = fmt.Sprint(v)
	}
	return out
}

func TestPlannedTotals(t *testing.T) {
	t.Parallel()
	assert.Equal(t, plannedTotals, flatTotals(good()))

	readme, err := os.ReadFile(filepath.Join(committed, "README.md"))
	require.NoError(t, err)
	rows := map[string]string{}
	for _, line := range strings.Split(string(readme), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		key := strings.Trim(strings.TrimSpace(cells[1]), "`")
		rows[key] = strings.TrimSpace(cells[len(cells)-2])
	}
	for k, v := range plannedTotals {
		assert.Equal(t, v, rows[k], "README.md row of %s", k)
	}
}

// TestEligibility: the good package meets every registration condition with
// the default thresholds.
func TestEligibility(t *testing.T) {
	t.Parallel()
	e := config.Default().Eligibility
	tot := totals(good(), config.Default().Window)
	num := func(k string) float64 {
		var f float64
		_, err := fmt.Sscan(fmt.Sprint(tot[k]), &f)
		require.NoError(t, err, k)
		return f
	}
	assert.GreaterOrEqual(t, num("operating_months"), float64(e.OperatingMonths))
	assert.True(t, num("total_area") >= e.TotalArea || num("workstations") >= float64(e.Workstations))
	assert.GreaterOrEqual(t, num("service_area_ratio"), e.ServiceAreaRatio)
	assert.Greater(t, num("public_service_area"), e.PublicServiceArea)
	assert.GreaterOrEqual(t, num("served_in_window"), float64(e.Served))
	assert.True(t, num("conversions_in_window") >= float64(e.Conversions) || num("financed_in_window") >= float64(e.Financed))
	assert.GreaterOrEqual(t, num("professional_staff"), float64(e.ProfessionalStaff))
	assert.GreaterOrEqual(t, num("mentors"), float64(e.Mentors))
	assert.GreaterOrEqual(t, num("activities"), float64(e.Activities))
}

// filled reports whether a row holds a value for key.
func filled(r row, key string) bool {
	v, ok := r[key]
	if !ok || v == nil {
		return false
	}
	s, isStr := v.(string)
	return !isStr || s != ""
}

// TestGoodInvariants checks the good data against the schema's own rules
// (state tables, required columns, dates, uniqueness, cross references),
// without the validator.
func TestGoodInvariants(t *testing.T) {
	t.Parallel()
	p := good()
	w := config.Default().Window
	for _, s := range schema.Sheets() {
		rows := p.tables[s.Key]
		if s.Kind == schema.Form {
			rows = []row{p.forms[s.Key]}
		}
		seen := map[string]map[any]int{}
		for i, r := range rows {
			at := fmt.Sprintf("%s record %d", s.Name, i+1)
			for _, c := range s.Columns {
				if c.Required {
					assert.True(t, filled(r, c.Key), "%s: %s required", at, c.Header)
				}
				if d, ok := dateOf(r[c.Key]); ok {
					assert.False(t, d.After(w.End), "%s: %s after the window", at, c.Header)
					if c.Dates == schema.InsideWindow {
						assert.True(t, w.Contains(d), "%s: %s outside the window", at, c.Header)
					}
					for _, k := range c.NotBefore {
						if e, ok := dateOf(r[k]); ok {
							assert.False(t, d.Before(e), "%s: %s before %s", at, c.Header, k)
							break
						}
					}
				}
				if v, ok := r[c.Key].(string); ok && c.MaxLen > 0 {
					assert.LessOrEqual(t, len([]rune(v)), c.MaxLen, "%s: %s too long", at, c.Header)
				}
				if c.Type == schema.Enum && filled(r, c.Key) {
					assert.Contains(t, schema.DefaultLists()[c.Options], r[c.Key], "%s: %s", at, c.Header)
				}
				if c.Unique {
					if seen[c.Key] == nil {
						seen[c.Key] = map[any]int{}
					}
					_, dup := seen[c.Key][r[c.Key]]
					assert.False(t, dup, "%s: %s %v repeated", at, c.Header, r[c.Key])
					seen[c.Key][r[c.Key]] = i
				}
			}
			for _, cond := range s.Conditions {
				if !matches(r, cond.When) {
					continue
				}
				for _, k := range cond.Require {
					assert.True(t, filled(r, k), "%s (%s): %s must be filled", at, cond.Label, k)
				}
				for _, k := range cond.Forbid {
					assert.False(t, filled(r, k), "%s (%s): %s must stay empty", at, cond.Label, k)
				}
			}
			for _, cf := range s.Conflicts {
				assert.False(t, matches(r, cf.When), "%s: %s", at, cf.Rule)
			}
		}
	}

	// venue parts add up
	for i, r := range p.tables["venues"] {
		sum := 0.0
		for _, k := range []string{"team_enterprise_area", "public_service_area", "self_use_area", "other_area"} {
			sum += decFloat(t, r[k])
		}
		assert.InDelta(t, decFloat(t, r["area"]), sum, 0.001, "venue %d", i+1)
	}

	// every enterprise converted from a team names a converted team, with the
	// same registration date; every converted team is named exactly once
	teams := map[string]row{}
	for _, r := range p.tables["teams"] {
		teams[r["name"].(string)] = r
	}
	named := map[string]int{}
	for _, e := range p.tables["enterprises"] {
		if e["from_team"] != true {
			continue
		}
		name := e["team"].(string)
		named[name]++
		tr, ok := teams[name]
		require.True(t, ok, "enterprise %s names unknown team %s", e["name"], name)
		assert.Equal(t, true, tr["converted"], "team %s", name)
		td, _ := dateOf(tr["registered_on"])
		ed, _ := dateOf(e["registered_on"])
		assert.Equal(t, td, ed, "registration date of %s", e["name"])
	}
	for name, tr := range teams {
		if tr["converted"] == true {
			assert.Equal(t, 1, named[name], "converted team %s", name)
		}
	}

	// activities of several types
	kinds := map[any]bool{}
	for _, r := range p.tables["activities"] {
		kinds[r["kind"]] = true
	}
	assert.GreaterOrEqual(t, len(kinds), 5)

	// narrative: multi-paragraph, within the limit
	for k, v := range p.forms["narrative"] {
		s := v.(string)
		assert.Contains(t, s, "\n", "narrative %s has one paragraph", k)
		assert.LessOrEqual(t, len([]rune(s)), 5000, "narrative %s", k)
	}
}

func matches(r row, when []schema.Match) bool {
	for _, m := range when {
		if b, ok := r[m.Key].(bool); !ok || b != m.Value {
			return false
		}
	}
	return true
}

func decFloat(t *testing.T, v any) float64 {
	var f float64
	_, err := fmt.Sscan(fmt.Sprint(v), &f)
	require.NoError(t, err)
	return f
}

// TestBrokenExpectations: the list of planted mistakes is well formed and
// the generated README and JSON agree with it.
func TestBrokenExpectations(t *testing.T) {
	t.Parallel()
	_, exp := broken(good())
	rules := finding.Rules()
	seen := map[string]bool{}
	errors, warnings := 0, 0
	for _, e := range exp {
		assert.Contains(t, rules, e.Rule)
		require.NotNil(t, schema.ByName(e.Sheet), e.Sheet)
		assert.NotEmpty(t, e.Cell, "%s", e.Rule)
		assert.NotEmpty(t, e.Mistake, "%s %s", e.Rule, e.Cell)
		assert.NotEmpty(t, e.MistakeE, "%s %s", e.Rule, e.Cell)
		key := e.Sheet + "!" + e.Cell + " " + e.Rule
		assert.False(t, seen[key], "%s twice", key)
		seen[key] = true
		if e.Severity == "warning" {
			warnings++
		} else {
			errors++
		}
	}
	assert.Equal(t, 38, errors)
	assert.Equal(t, 5, warnings)

	dir := generated(t)
	var got []expectation
	b, err := os.ReadFile(filepath.Join(dir, "expected", "broken-findings.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, exp, got)
	readme, err := os.ReadFile(filepath.Join(dir, "broken", "README.md"))
	require.NoError(t, err)
	for _, e := range exp {
		assert.Contains(t, string(readme), e.Sheet+"!"+e.Cell)
	}
}

// TestAttachments: every attachment of the good package is a PDF that opens
// without a password and is small; the page shapes the binder must keep are
// there; the broken package's special files are what they pretend.
func TestAttachments(t *testing.T) {
	t.Parallel()
	dir := generated(t)
	conf := pdfcpuConf()
	total := int64(0)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			total += info.Size()
		}
		return err
	})
	require.NoError(t, err)
	// good, broken and unlinked (good with its cells unlinked) are ~1.4 MB each.
	assert.Less(t, total, int64(4_500_000), "examples/ should stay under ~4.5 MB")

	good := filepath.Join(dir, "good")
	for path := range good0().files {
		b, err := os.ReadFile(filepath.Join(good, filepath.FromSlash(path)))
		require.NoError(t, err, path)
		assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")), path)
		assert.Less(t, len(b), 3<<20, path)
		n, err := api.PageCount(bytes.NewReader(b), conf)
		if assert.NoError(t, err, path) {
			assert.GreaterOrEqual(t, n, 1, path)
		}
	}

	boundaries := func(rel string) []struct {
		w, h float64
		rot  int
	} {
		b, err := os.ReadFile(filepath.Join(good, filepath.FromSlash(rel)))
		require.NoError(t, err)
		ctx, err := api.ReadContext(bytes.NewReader(b), conf)
		require.NoError(t, err)
		require.NoError(t, ctx.EnsurePageCount())
		all := types.IntSet{}
		for i := 1; i <= ctx.PageCount; i++ {
			all[i] = true
		}
		pbs, err := ctx.PageBoundaries(all)
		require.NoError(t, err)
		var out []struct {
			w, h float64
			rot  int
		}
		for _, pb := range pbs {
			r := pb.MediaBox()
			out = append(out, struct {
				w, h float64
				rot  int
			}{r.Width(), r.Height(), pb.Rot})
		}
		return out
	}
	lease := boundaries(att + "服务场地/星火大厦3-4层房屋租赁合同.pdf")
	require.Len(t, lease, 2)
	assert.InDelta(t, 595.28, lease[0].w, 0.1)
	assert.InDelta(t, 841.89, lease[1].w, 0.1, "page 2 is A4 landscape")
	licence := boundaries(att + "入驻企业/青澜博远电子有限公司-营业执照.pdf")
	require.Len(t, licence, 1)
	assert.Equal(t, 90, licence[0].rot)
	letter := boundaries(att + "创业导师/何雪-聘书.pdf")
	assert.InDelta(t, 419.53, letter[0].w, 0.1, "A5")

	brk := filepath.Join(dir, "broken")
	enc, err := os.ReadFile(filepath.Join(brk, att+"入驻企业/青澜微澜储能科技有限公司-投融资证明.pdf"))
	require.NoError(t, err)
	_, err = api.PageCount(bytes.NewReader(enc), pdfcpuConf())
	assert.Error(t, err, "the encrypted PDF must not open without a password")
	withPW := pdfcpuConf()
	withPW.UserPW = brokenPassword
	_, err = api.PageCount(bytes.NewReader(enc), withPW)
	assert.NoError(t, err)

	img, err := os.ReadFile(filepath.Join(brk, att+"入驻企业/青澜极光软件有限公司-营业执照.pdf"))
	require.NoError(t, err)
	_, err = png.Decode(bytes.NewReader(img))
	assert.NoError(t, err, "the fake .pdf is a PNG image")
	word, err := os.ReadFile(filepath.Join(brk, att+"创业团队/山海户外装备团队-入驻协议.docx"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(word, []byte("PK")), "the .docx is a zip")
}

// good0 is the good package, built once.
var good0 = sync.OnceValue(good)

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s not installed (required in CI)", name)
	}
	return p
}

// TestCompactFontLooksTheSame renders a page with the shipped font and with
// the compacted copy and compares the pixels.
func TestCompactFontLooksTheSame(t *testing.T) {
	t.Parallel()
	pdftoppm := needTool(t, "pdftoppm")
	k, err := newFontKit()
	require.NoError(t, err)
	d := commitmentLetter()
	d.Pages = append(d.Pages, page{Size: a4, Title: "Latin 0123456789 ABCxyz", Lines: []string{"营业执照 91339901MA2H7K3X5 ——（）《》“”，。、：；"}})
	compact, err := d.render(k)
	require.NoError(t, err)
	whole := &fontKit{sf: k.sf, orig: templates.Font, base: templates.Font, t: k.t}
	orig, err := d.render(whole)
	require.NoError(t, err)
	assert.Less(t, len(compact)*2, len(orig), "the compacted font embeds smaller")

	tmp := t.TempDir()
	raster := func(name string, b []byte) [][]byte {
		in := filepath.Join(tmp, name+".pdf")
		require.NoError(t, os.WriteFile(in, b, 0o644))
		out, err := exec.Command(pdftoppm, "-r", "72", "-gray", "-png", in, filepath.Join(tmp, name)).CombinedOutput()
		require.NoError(t, err, string(out))
		var pages [][]byte
		for i := 1; i <= len(d.Pages); i++ {
			f, err := os.Open(filepath.Join(tmp, fmt.Sprintf("%s-%d.png", name, i)))
			require.NoError(t, err)
			img, err := png.Decode(f)
			f.Close()
			require.NoError(t, err)
			var buf bytes.Buffer
			bnd := img.Bounds()
			for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
				for x := bnd.Min.X; x < bnd.Max.X; x++ {
					r, _, _, _ := img.At(x, y).RGBA()
					buf.WriteByte(byte(r >> 8))
				}
			}
			pages = append(pages, buf.Bytes())
		}
		return pages
	}
	a, b := raster("orig", orig), raster("compact", compact)
	for i := range a {
		assert.True(t, bytes.Equal(a[i], b[i]), "page %d renders differently with the compacted font", i+1)
	}
}

// TestDeterministic: two runs give the same bytes (the encrypted PDF aside,
// which a second run into the same folder keeps).
func TestDeterministic(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("generates the examples again")
	}
	first := generated(t)
	second := t.TempDir()
	require.NoError(t, copyTree(first, second))
	require.NoError(t, generate(second))
	err := filepath.WalkDir(first, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(first, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(second, rel))
		if assert.NoError(t, err, rel) {
			assert.True(t, bytes.Equal(a, b), "%s differs between runs", rel)
		}
		return nil
	})
	require.NoError(t, err)
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// TestRotate: rotating pages of a gopdf file keeps it a valid PDF, with the
// rotation on the pages asked for only.
func TestRotate(t *testing.T) {
	t.Parallel()
	k, err := newFontKit()
	require.NoError(t, err)
	d := doc{Pages: []page{{Size: a4, Title: "一"}, {Size: a4Landscape, Title: "二"}, {Size: a5, Title: "三"}}, Rotate: []int{2, 3}}
	b, err := d.render(k)
	require.NoError(t, err)
	ctx, err := api.ReadAndValidate(bytes.NewReader(b), pdfcpuConf())
	require.NoError(t, err)
	require.NoError(t, ctx.EnsurePageCount())
	require.Equal(t, 3, ctx.PageCount)
	pbs, err := ctx.PageBoundaries(types.IntSet{1: true, 2: true, 3: true})
	require.NoError(t, err)
	var rots []int
	for _, pb := range pbs {
		rots = append(rots, pb.Rot)
	}
	assert.Equal(t, []int{0, 90, 90}, rots)

	_, err = doc{Pages: []page{{Size: a4, Title: "一"}}, Rotate: []int{2}}.render(k)
	assert.Error(t, err, "a page that does not exist")
}

// TestSummaryFormulas: LibreOffice recalculates the template's 汇总 sheet
// of the good workbook; every figure of the table of figures (package
// totals) has its live formula there, and its value equals the figure the
// totals compute from the same workbook and the planned figure (text dates
// are placed where no formula needs them) — but a figure marked Go-only,
// with its reason, which must not be there. The activities by type and the
// self-check's verdicts agree too.
func TestSummaryFormulas(t *testing.T) {
	t.Parallel()
	lotest.Require(t)
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in.xlsx")
	b, err := os.ReadFile(filepath.Join(generated(t), "good", WorkbookName))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in, b, 0o644))
	f, err := excelize.OpenFile(lotest.Convert(t, "xlsx", filepath.Join(tmp, "out"), in)[0])
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(schema.SummarySheet)
	require.NoError(t, err)
	keyCol, err := excelize.ColumnNameToNumber(xlsxtmpl.SummaryKeyCol)
	require.NoError(t, err)
	valCol, err := excelize.ColumnNameToNumber(xlsxtmpl.SummaryValueCol)
	require.NoError(t, err)
	got := map[string]string{}
	for _, r := range rows {
		if len(r) >= keyCol && len(r) >= valCol && r[keyCol-1] != "" {
			got[r[keyCol-1]] = strings.TrimSpace(strings.TrimSuffix(r[valCol-1], "%"))
		}
	}

	o, err := analysis.Run([]string{filepath.Join(generated(t), "good")}, config.Default())
	require.NoError(t, err)
	for _, d := range figures.Defs() {
		g, onSheet := got[d.Key]
		if d.GoOnly() != "" {
			assert.False(t, onSheet, "汇总 %s: marked Go-only (%s)", d.Key, d.GoOnly())
			continue
		}
		if !assert.True(t, onSheet, "汇总 %s: no formula, and not marked Go-only with a reason", d.Key) {
			continue
		}
		fig := o.Totals.Get(d.Key)
		want := fig.Display()
		if fig.Null {
			want = ""
		}
		assert.Equal(t, want, g, "汇总 %s: the formula and the totals", d.Key)
		assert.Equal(t, plannedTotals[d.Key], g, "汇总 %s: the formula and the plan", d.Key)
		for _, kind := range d.BreakdownOptions(config.Default().Lists) {
			k := d.Key + "_by_type." + kind
			assert.Equal(t, fmt.Sprint(o.Totals.ActivitiesByType[kind]), got[k], "汇总 %s", k)
			assert.Equal(t, plannedTotals[k], got[k], "汇总 %s: the plan", k)
		}
	}
	for _, c := range o.Totals.Eligibility {
		if c.Manual() {
			continue
		}
		want := "不满足"
		if *c.Met {
			want = "满足"
		}
		assert.Equal(t, want, got["elig."+c.Key], "汇总 elig.%s", c.Key)
	}
}
