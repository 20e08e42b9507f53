package rules

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// Real .xlsx files for the tests that go through Validate: written with
// excelize, sheets laid out as the template lays them out (a title row, the
// header row, a 序号 column first).

// dateCell is a real Excel date cell (a serial number with a date format).
type dateCell time.Time

func day(s string) dateCell {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return dateCell(t)
}

// sheetSpec is one sheet to write: its rows of values by column key.
type sheetSpec struct {
	key  string
	rows []rowVals
	// title adds a title row above the header (the header is then row 2).
	title bool
	// serial adds the 序号 column A.
	serial bool
	// skip leaves these columns out of the header.
	skip []string
}

// writeBook writes the sheets into path.
func writeBook(t testing.TB, path string, sheets ...sheetSpec) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	require.NoError(t, err)
	first := true
	for _, sp := range sheets {
		s := schema.ByKey(sp.key)
		require.NotNil(t, s, sp.key)
		if first {
			require.NoError(t, f.SetSheetName("Sheet1", s.Name))
			first = false
		} else {
			_, err := f.NewSheet(s.Name)
			require.NoError(t, err)
		}
		put := func(col, row int, v any) {
			ref, err := excelize.CoordinatesToCellName(col, row)
			require.NoError(t, err)
			switch x := v.(type) {
			case nil:
			case string:
				require.NoError(t, f.SetCellStr(s.Name, ref, x))
			case num:
				require.NoError(t, f.SetCellValue(s.Name, ref, mustFloat(string(x))))
			case formula:
				require.NoError(t, f.SetCellFormula(s.Name, ref, string(x)))
			case boolean:
				require.NoError(t, f.SetCellBool(s.Name, ref, x == "1"))
			case dateCell:
				require.NoError(t, f.SetCellValue(s.Name, ref, time.Time(x)))
				require.NoError(t, f.SetCellStyle(s.Name, ref, ref, dateStyle))
			case int:
				require.NoError(t, f.SetCellInt(s.Name, ref, int64(x)))
			default:
				t.Fatalf("bad value %T", v)
			}
		}
		row := 1
		if sp.title {
			put(1, row, s.Title)
			row++
		}
		if s.Kind == schema.Form {
			put(1, row, s.FormHeaders[0])
			put(2, row, s.FormHeaders[1])
			row++
			var vals rowVals
			if len(sp.rows) > 0 {
				vals = sp.rows[0]
			}
			for _, c := range s.Columns {
				v, ok := vals[c.Key]
				if v == absent {
					continue
				}
				put(1, row, c.Header)
				if ok {
					put(2, row, typedFixture(&c, v))
				}
				row++
			}
			continue
		}
		var keys []string
		col := 1
		if sp.serial {
			put(col, row, "序号")
			col++
		}
		for _, c := range s.Columns {
			if slices.Contains(sp.skip, c.Key) {
				continue
			}
			put(col, row, c.Header)
			keys = append(keys, c.Key)
			col++
		}
		row++
		for n, vals := range sp.rows {
			col := 1
			if sp.serial {
				put(col, row, n+1)
				col++
			}
			for _, k := range keys {
				put(col, row, typedFixture(s.Column(k), vals[k]))
				col++
			}
			row++
		}
	}
	require.NoError(t, f.SaveAs(path))
}

// typedFixture writes the plain numbers ("120", "1000.5") and ISO dates
// ("2021-03-01") the fixtures hold as text in number and date columns as
// the typed cells a user's spreadsheet holds; other texts ("1,000",
// "2021.3.15", "860平方米") stay text, as typed.
func typedFixture(c *schema.Column, v any) any {
	str, ok := v.(string)
	if !ok || c == nil {
		return v
	}
	switch c.Type {
	case schema.Int, schema.Decimal:
		if plainNumber.MatchString(str) {
			return num(str)
		}
	case schema.Date:
		if t, err := time.Parse("2006-01-02", str); err == nil {
			return dateCell(t)
		}
	}
	return v
}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}

// goodSheets is a complete valid package's data, with real date cells in
// some places and text dates in others.
func goodSheets() []sheetSpec {
	return []sheetSpec{
		{key: "basic", rows: []rowVals{with(basicOK, "operating_since", day("2019-03-01"))}},
		{key: "media", rows: []rowVals{mediaOK}, serial: true},
		{key: "honors", rows: []rowVals{with(honorsOK, "date", day("2021-05-01"))}},
		{key: "venues", rows: []rowVals{with(venueOK, "area", num("1000"), "workstations", num("120"))}, title: true, serial: true},
		{key: "staff", rows: []rowVals{with(staffOK, "age", num("35"))}},
		{key: "mentors", rows: []rowVals{mentorOK}},
		{key: "teams", rows: []rowVals{
			with(teamIn, "joined_on", day("2021-01-05"), "members", num("5")),
			teamConverted, teamMovedOut, with(teamFinanced, "amount", num("50")),
		}, title: true, serial: true},
		{key: "enterprises", rows: []rowVals{entDirect, entFromB}, title: true, serial: true},
		{key: "activities", rows: []rowVals{with(activityOK, "date", day("2021-03-01"))}},
		{key: "narrative", rows: []rowVals{narrOK}},
	}
}

// replace returns sheets with the spec of key changed by fn.
func replace(sheets []sheetSpec, key string, fn func(*sheetSpec)) []sheetSpec {
	out := make([]sheetSpec, len(sheets))
	copy(out, sheets)
	for i := range out {
		if out[i].key == key {
			fn(&out[i])
		}
	}
	return out
}

// writePackage writes a package folder: the workbook and the attachment.
func writePackage(t testing.TB, sheets []sheetSpec) string {
	t.Helper()
	dir := pkgDir(t)
	writeBook(t, filepath.Join(dir, "申报数据.xlsx"), sheets...)
	return dir
}
