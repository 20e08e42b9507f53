package fix

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// cellv is one cell to fill: sheet key, 1-based data record, column key,
// value (string: text; float64: number; time.Time: date; formula: with
// cached value).
type cellv struct {
	sheet, key string
	n          int
	v          any
}

type formulaCell struct {
	f      string
	cached float64
}

// newPackage writes the template into a new folder, fills the cells and
// creates the files (package-relative paths).
func newPackage(t *testing.T, cells []cellv, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	book := filepath.Join(dir, xlsxtmpl.DefaultFile)
	require.NoError(t, xlsxtmpl.Write(book, xlsxtmpl.Options{Rows: 50}, false))
	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	for _, c := range cells {
		s := schema.ByKey(c.sheet)
		i := s.ColumnIndex(c.key)
		require.GreaterOrEqual(t, i, 0, c.key)
		ref := cellRef(s, i, c.n)
		switch v := c.v.(type) {
		case string:
			require.NoError(t, f.SetCellStr(s.Name, ref, v))
		case formulaCell:
			require.NoError(t, f.SetCellFormula(s.Name, ref, v.f))
			require.NoError(t, f.SetCellValue(s.Name, ref, v.cached))
			require.NoError(t, f.SetCellFormula(s.Name, ref, v.f))
		default:
			require.NoError(t, f.SetCellValue(s.Name, ref, v))
		}
	}
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	for _, p := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte("%PDF-1.4\n%%EOF\n"), 0o644))
	}
	return dir
}

// cellRef is the cell of column i of record n (a form: field i's value).
func cellRef(s *schema.Sheet, i, n int) string {
	col, _ := excelize.ColumnNumberToName(i + 1)
	if s.Kind == schema.Form {
		return "B" + strconv.Itoa(xlsxtmpl.HeaderRow+1+i)
	}
	return col + strconv.Itoa(xlsxtmpl.FirstDataRow+n-1)
}

func plan(t *testing.T, dir string, actions ...Action) (*Package, []Change) {
	t.Helper()
	p, err := Load(dir, config.Default())
	require.NoError(t, err)
	cs, err := Plan(p, actions)
	require.NoError(t, err)
	return p, cs
}

// brief is "action[.variant]@Sheet!Ref=new".
func brief(cs []Change) []string {
	out := []string{}
	for _, c := range cs {
		a := c.Action
		if c.Variant != "" {
			a += "." + c.Variant
		}
		out = append(out, a+"@"+c.Loc()+"="+c.New)
	}
	return out
}

func TestActions(t *testing.T) {
	t.Parallel()
	team := func(n int, name string) cellv { return cellv{"teams", "name", n, name} }
	for _, tc := range []struct {
		name   string
		action Action
		cells  []cellv
		files  []string
		want   []string
	}{
		{name: "link by convention", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队")},
			files: []string{"attachments/创业团队/绿芽团队-入驻协议.pdf"},
			want:  []string{"link@创业团队!H2=attachments/创业团队/绿芽团队-入驻协议.pdf"}},
		{name: "link: spaces, full-width and a synonym, another folder", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队")},
			files: []string{"attachments/扫描件/绿芽团队 入驻合同（盖章）.pdf"},
			want:  []string{"link@创业团队!H2=attachments/扫描件/绿芽团队 入驻合同（盖章）.pdf"}},
		{name: "link: ambiguous is listed", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队")},
			files: []string{"attachments/a/绿芽团队-合同.pdf", "attachments/b/绿芽团队-协议.pdf"},
			want:  []string{"link.ambiguous@创业团队!H2="}},
		{name: "link: a filled cell is never changed", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队"), {"teams", "agreement", 1, "attachments/x.pdf"}},
			files: []string{"attachments/创业团队/绿芽团队-入驻协议.pdf"},
			want:  []string{}},
		{name: "link: the financing proof goes to its column, not the agreement", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队")},
			files: []string{"attachments/创业团队/绿芽团队-投融资证明.pdf"},
			want:  []string{"link@创业团队!L2=attachments/创业团队/绿芽团队-投融资证明.pdf"}},
		{name: "link: not into a 不可填 cell", action: linkAction{},
			cells: []cellv{team(1, "绿芽团队"), {"teams", "financed", 1, "否"}},
			files: []string{"attachments/创业团队/绿芽团队-投融资证明.pdf"},
			want:  []string{}},
		{name: "typed cells", action: typeAction{},
			cells: []cellv{{"venues", "area", 1, "860平方米"}, {"activities", "date", 1, "2021.3.15"},
				{"venues", "workstations", 1, "１２０"}, {"venues", "other_area", 1, 10.0}, {"activities", "date", 2, "2021-03"}},
			want: []string{"type@服务场地!B2=860", "type@服务场地!G2=120", "type@创新创业活动!C2=2021-03-15"}},
		{name: "formulas with a cached value: offered", action: formulaAction{},
			cells: []cellv{{"venues", "area", 1, formulaCell{"C2+D2", 860}}},
			want:  []string{"formula.offer@服务场地!B2=860"}},
		{name: "注册时间 from the team", action: regdateAction{},
			cells: []cellv{team(1, "绿芽团队"), {"teams", "converted", 1, "是"}, {"teams", "registered_on", 1, time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)},
				{"enterprises", "from_team", 1, "是"}, {"enterprises", "team", 1, "绿芽团队"},
				{"enterprises", "from_team", 2, "是"}, {"enterprises", "team", 2, "别的团队"}},
			want: []string{"regdate@入驻企业!E2=2021-03-01"}},
		{name: "near name: one character off", action: nearNameAction{},
			cells: []cellv{{"teams", "agreement", 1, "attachments/创业团队/绿芽-入驻协议书.pdf"}},
			files: []string{"attachments/创业团队/绿芽-入驻协议.pdf", "attachments/创业团队/橙子-入驻协议.pdf"},
			want:  []string{"near-name@创业团队!H2=attachments/创业团队/绿芽-入驻协议.pdf"}},
		{name: "near name: attachments/ missing", action: nearNameAction{},
			cells: []cellv{{"teams", "agreement", 1, "创业团队/绿芽-入驻协议.pdf"}},
			files: []string{"attachments/创业团队/绿芽-入驻协议.pdf"},
			want:  []string{"near-name@创业团队!H2=attachments/创业团队/绿芽-入驻协议.pdf"}},
		{name: "near name: two candidates, no change", action: nearNameAction{},
			cells: []cellv{{"teams", "agreement", 1, "attachments/创业团队/绿芽-入驻协议书.pdf"}},
			files: []string{"attachments/创业团队/绿芽-入驻协议.pdf", "attachments/创业团队/绿芽-入驻协议2.pdf"},
			want:  []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := newPackage(t, tc.cells, tc.files...)
			_, cs := plan(t, dir, tc.action)
			assert.Equal(t, tc.want, brief(cs))
		})
	}
}

// A package with blank attachment cells, a text area and a text date.
func sample(t *testing.T) string {
	return newPackage(t, []cellv{
		{"teams", "name", 1, "绿芽团队"},
		{"venues", "area", 1, "860平方米"},
		{"activities", "date", 1, "2021.3.15"},
	}, "attachments/创业团队/绿芽团队-入驻协议.pdf")
}

func fixAll(t *testing.T, dir string, o Options) (Result, []Change) {
	t.Helper()
	p, cs := plan(t, dir, Actions(context.Background(), false)...)
	res, err := Apply(context.Background(), p, cs, o)
	require.NoError(t, err)
	return res, cs
}

func TestApplyBackupAndIdempotence(t *testing.T) {
	t.Parallel()
	dir := sample(t)
	book := filepath.Join(dir, xlsxtmpl.DefaultFile)
	orig, err := os.ReadFile(book)
	require.NoError(t, err)
	at := time.Date(2026, 12, 2, 15, 4, 5, 0, time.UTC)
	res, cs := fixAll(t, dir, Options{Now: func() time.Time { return at }})
	assert.Len(t, cs, 3)
	require.Equal(t, []string{book + ".bak-20261202-150405"}, res.Backups)
	backup, err := os.ReadFile(res.Backups[0])
	require.NoError(t, err)
	assert.Equal(t, orig, backup, "the backup is byte-identical to the original")

	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	defer f.Close()
	v, err := f.GetCellValue("创业团队", "H2")
	require.NoError(t, err)
	assert.Equal(t, "attachments/创业团队/绿芽团队-入驻协议.pdf", v)
	typ, err := f.GetCellType("服务场地", "B2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeSharedString, typ)
	raw, err := f.GetCellValue("服务场地", "B2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "860", raw)
	raw, err = f.GetCellValue("创新创业活动", "C2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "44270", raw, "2021-03-15 as a serial")
	shown, err := f.GetCellValue("创新创业活动", "C2")
	require.NoError(t, err)
	assert.Equal(t, "2021-03-15", shown, "with a date format")
	dvs, err := f.GetDataValidations("创业团队")
	require.NoError(t, err)
	assert.NotEmpty(t, dvs, "the dropdowns are kept")

	// Twice: nothing more to do.
	_, again := plan(t, dir, Actions(context.Background(), false)...)
	assert.Empty(t, again, "fix twice changes nothing the second time")
}

func TestApplyFailureLeavesWorkbook(t *testing.T) {
	t.Parallel()
	full := errors.New("no space left on device")
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) Options
	}{
		{name: "a writer that fails", setup: func(t *testing.T, dir string) Options {
			return Options{Write: func(f *excelize.File, w io.Writer) error {
				if _, err := w.Write([]byte("PK")); err != nil {
					return err
				}
				return full
			}}
		}},
		{name: "an unwritable folder", setup: func(t *testing.T, dir string) Options {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("permissions do not bind here")
			}
			require.NoError(t, os.Chmod(dir, 0o555))
			t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
			return Options{}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := sample(t)
			book := filepath.Join(dir, xlsxtmpl.DefaultFile)
			orig, err := os.ReadFile(book)
			require.NoError(t, err)
			before, err := os.ReadDir(dir)
			require.NoError(t, err)
			p, cs := plan(t, dir, Actions(context.Background(), false)...)
			o := tc.setup(t, dir)
			_, err = Apply(context.Background(), p, cs, o)
			require.Error(t, err)
			now, rerr := os.ReadFile(book)
			require.NoError(t, rerr)
			assert.Equal(t, orig, now, "the workbook is untouched")
			after, rerr := os.ReadDir(dir)
			require.NoError(t, rerr)
			assert.Equal(t, len(before), len(after), "no temporary file or backup left")
		})
	}
}

// --values: a formula with a cached value becomes that value; the 注册时间
// taken from the team is a date cell.
func TestApplyValuesAndRegdate(t *testing.T) {
	t.Parallel()
	dir := newPackage(t, []cellv{
		{"venues", "area", 1, formulaCell{"C2+D2", 860}},
		{"teams", "name", 1, "绿芽团队"}, {"teams", "converted", 1, "是"},
		{"teams", "registered_on", 1, time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"enterprises", "from_team", 1, "是"}, {"enterprises", "team", 1, "绿芽团队"},
	})
	p, cs := plan(t, dir, formulaAction{apply: true}, regdateAction{})
	assert.Equal(t, []string{"formula@服务场地!B2=860", "regdate@入驻企业!E2=2021-03-01"}, brief(cs))
	_, err := Apply(context.Background(), p, cs, Options{NoBackup: true})
	require.NoError(t, err)
	f, err := excelize.OpenFile(filepath.Join(dir, xlsxtmpl.DefaultFile))
	require.NoError(t, err)
	defer f.Close()
	fm, err := f.GetCellFormula("服务场地", "B2")
	require.NoError(t, err)
	assert.Empty(t, fm, "the formula is gone")
	v, err := f.GetCellValue("服务场地", "B2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "860", v)
	d, err := f.GetCellValue("入驻企业", "E2")
	require.NoError(t, err)
	assert.Equal(t, "2021-03-01", d)
	_, again := plan(t, dir, formulaAction{apply: true}, regdateAction{})
	assert.Empty(t, again)
}
