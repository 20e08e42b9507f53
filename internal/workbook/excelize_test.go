package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/mkspace/mkspace/internal/config"
)

var updateCompat = flag.Bool("update", false, "rewrite the workbooks in testdata/compat")

// compatDir holds small hand-made workbooks of the odd shapes real files
// take (written by compatWorkbooks; `go test -run TestCompatTestdata
// -update` rewrites them).
const compatDir = "testdata/compat"

// TestAgainstExcelize reads every .xlsx and .xlsm under the folder named by
// MKSPACE_XLSX_CORPUS (without it: testdata/compat) with mkspace's reader
// and with excelize (raw values), and fails listing every file and cell
// where they differ after representational normalisation only: numbers
// compared as numbers, booleans as true/false, an ISO date cell (t="d") as
// the date its serial stands for.
//
// Differences explained by a known error of excelize v2.11 are counted and
// logged, not failed; each holds on that version, as testdata/compat shows
// (the workbook named beside each):
//
//   - excelizeStrEscapes: a formula's string result (t="str") keeps its
//     _xHHHH_ escapes ("a_x000D_b" is "a\rb") — str-escapes.xlsx.
//   - excelizeSurrogates: an escaped surrogate pair ("_xD83D__xDE80_", 🚀)
//     is dropped whole — surrogates.xlsx.
//   - excelizeEmptyStyle: a cell with an empty style attribute (s="", as
//     some exporters write) is read as empty — empty-style.xlsx.
//   - excelizeUTF16: the cells of a sheet in UTF-16 read as empty —
//     utf16-*.xlsx.
//   - excelizeLatin1: a part declared ISO-8859-1 is decoded as windows-1252
//     (bytes 0x80–0x9F become € ‚ ƒ … instead of the C1 controls) —
//     latin1.xlsx.
//
// (An <x15:workbookPr> after the main <workbookPr date1904="1"> does not
// reset excelize's 1904 flag, nested in <extLst> or not: date1904-*.xlsx
// are compared like the others.)
//
// mkspace's own decisions, also not failed: an escaped NUL (_x0000_) is
// dropped; a workbook with two parts whose names differ only in case, or a
// part in an encoding that cannot be read, is refused (FILE-UNREADABLE)
// where excelize reads one of them; a macro, dialog or chart sheet is not
// read.
func TestAgainstExcelize(t *testing.T) {
	t.Parallel()
	root := os.Getenv("MKSPACE_XLSX_CORPUS")
	if root == "" {
		root = compatDir
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && IsWorkbookName(d.Name()) && !strings.HasPrefix(d.Name(), "~$") {
			files = append(files, path)
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, files, "no workbook under %s", root)
	var diffs []string
	known := map[string]int{}
	for _, f := range files {
		diffs = append(diffs, compareWithExcelize(t, root, f, known)...)
	}
	keys := make([]string, 0, len(known))
	for k := range known {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-24s %d", k, known[k])
	}
	if len(diffs) > 0 {
		t.Errorf("%d of %d workbooks: mkspace and excelize differ in %d places:\n%s", countFiles(diffs), len(files), len(diffs), strings.Join(diffs, "\n"))
	}
}

func countFiles(diffs []string) int {
	seen := map[string]bool{}
	for _, d := range diffs {
		f, _, _ := strings.Cut(d, ": ")
		f, _, _ = strings.Cut(f, "!")
		seen[f] = true
	}
	return len(seen)
}

// compareLimits reads everything: no cell is cut, no part is too large.
func compareLimits() config.Limits {
	l := config.Default().Limits
	l.CellChars = 1 << 22
	l.SheetXMLBytes = 1 << 32
	l.UnzipBytes = 1 << 34
	return l
}

// compareWithExcelize returns the differences of one workbook, as lines
// "file!sheet!cell: mkspace … excelize …"; known counts the differences
// explained by a known excelize error or a decision of mkspace.
func compareWithExcelize(t *testing.T, root, path string, known map[string]int) []string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = path
	}
	var diffs []string
	diff := func(where, format string, args ...any) {
		diffs = append(diffs, rel+where+": "+fmt.Sprintf(format, args...))
	}
	xf, xerr := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 34, UnzipXMLSizeLimit: 1 << 30})
	if xerr == nil {
		defer xf.Close()
	}
	b, err := openBook(path, rel, compareLimits())
	if err != nil {
		var u *unreadable
		switch {
		case errors.As(err, &u) && (u.key == "workbook.duplicate-part" || u.key == "workbook.encoding"):
			known["mkspace-refuses"]++
		case xerr != nil:
			known["both-refuse"]++ // not a workbook, encrypted…
		default:
			diff("", "mkspace cannot read it (%v), excelize can", err)
		}
		return diffs
	}
	defer b.close()
	if xerr != nil {
		diff("", "excelize cannot read it (%v), mkspace can", xerr)
		return diffs
	}
	props, err := xf.GetWorkbookProps()
	if x1904 := err == nil && props.Date1904 != nil && *props.Date1904; x1904 != b.date1904 {
		diff("", "date system: mkspace 1904=%v, excelize 1904=%v", b.date1904, x1904)
	}
	for _, bs := range b.sheets {
		if bs.part == "" {
			continue
		}
		ours, err := readAllCells(b, bs.part)
		var nw *notWorksheet
		var u *unreadable
		switch {
		case errors.As(err, &nw):
			known["mkspace-not-worksheet"]++
			continue
		case errors.As(err, &u) && u.key == "workbook.encoding":
			known["mkspace-refuses"]++
			continue
		}
		if err != nil {
			diff("!"+bs.name, "mkspace cannot read the sheet: %v", err)
			continue
		}
		theirs, err := excelizeCells(xf, bs.name)
		if err != nil {
			diff("!"+bs.name, "excelize cannot read the sheet: %v", err)
			continue
		}
		refs := map[string]bool{}
		for r := range ours {
			refs[r] = true
		}
		for r := range theirs {
			refs[r] = true
		}
		sorted := make([]string, 0, len(refs))
		for r := range refs {
			sorted = append(sorted, r)
		}
		sort.Strings(sorted)
		for _, ref := range sorted {
			c, tv := ours[ref], theirs[ref]
			if sameValue(c, tv, func() excelize.CellType {
				ct, _ := xf.GetCellType(bs.name, ref)
				return ct
			}, b.date1904) {
				continue
			}
			if k := knownDifference(b, bs.part, c, tv); k != "" {
				known[k]++
				continue
			}
			diff("!"+bs.name+"!"+ref, "mkspace %s %q, excelize %q", kindName[c.kind], c.value, tv)
		}
	}
	return diffs
}

// readAllCells reads every non-empty cell of a sheet part by reference.
func readAllCells(b *book, part string) (map[string]rawCell, error) {
	rr, err := b.rows(part, nil)
	if err != nil {
		return nil, err
	}
	defer rr.close()
	out := map[string]rawCell{}
	for rr.next() {
		for _, c := range rr.row.cells {
			if c.kind != KindEmpty && c.value != "" {
				out[cellRef(c.col, rr.row.num)] = c
			}
		}
	}
	return out, rr.err()
}

// excelizeCells reads every non-empty cell of a sheet with excelize's row
// iterator, raw values.
func excelizeCells(xf *excelize.File, sheet string) (map[string]string, error) {
	rows, err := xf.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		for i, v := range cols {
			if v != "" {
				out[cellRef(i, n)] = v
			}
		}
	}
	return out, rows.Error()
}

// sameValue compares a cell as read by mkspace and by excelize, after
// representational normalisation. cellType is asked only when needed.
func sameValue(c rawCell, theirs string, cellType func() excelize.CellType, date1904 bool) bool {
	ours := c.value
	if c.kind == KindEmpty {
		ours = ""
	}
	if ours == theirs {
		return true
	}
	if c.kind == KindBool {
		return ours == map[string]string{"1": "1", "TRUE": "1", "true": "1", "0": "0", "FALSE": "0", "false": "0"}[theirs]
	}
	if c.kind != KindNumber && c.kind != KindFormula {
		return false
	}
	a, err1 := strconv.ParseFloat(strings.TrimSpace(ours), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(theirs), 64)
	if err1 == nil && err2 == nil {
		return a == b
	}
	if err1 != nil || cellType() != excelize.CellTypeDate {
		return false
	}
	// t="d": mkspace gives the serial, excelize the ISO text.
	iso, ok := parseISO(theirs)
	if !ok {
		return false
	}
	got, err := excelize.ExcelDateToTime(a, date1904)
	if err != nil {
		return false
	}
	if iso.timeOnly {
		return a < 1 && math.Abs(got.Sub(got.Truncate(24*time.Hour)).Seconds()-iso.t.Sub(iso.t.Truncate(24*time.Hour)).Seconds()) < 0.001
	}
	return math.Abs(got.Sub(iso.t).Seconds()) < 0.001
}

type isoValue struct {
	t        time.Time
	timeOnly bool
}

// parseISO reads an ISO 8601 date, date-time or time of a t="d" cell.
func parseISO(v string) (isoValue, bool) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "T")
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return isoValue{t: time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)}, true
		}
	}
	for _, layout := range []string{"15:04:05.999999999", "15:04"} {
		if t, err := time.Parse(layout, v); err == nil {
			return isoValue{t: t, timeOnly: true}, true
		}
	}
	return isoValue{}, false
}

// knownDifference names the known excelize error (or mkspace decision)
// that explains a difference, "" when none does.
func knownDifference(b *book, part string, c rawCell, theirs string) string {
	ours := c.value
	switch {
	case strings.Contains(theirs, "_x") && decodeText([]byte(theirs)) == ours:
		return "excelizeStrEscapes"
	case strings.Contains(theirs, "\x00") && strings.ReplaceAll(theirs, "\x00", "") == ours:
		return "mkspace-drops-NUL"
	case theirs == stripAstral(ours) && ours != theirs:
		return "excelizeSurrogates"
	case theirs == "" && emptyStyleCells(b, part):
		return "excelizeEmptyStyle"
	case latin1Part(b, part) && windows1252(ours) == theirs:
		return "excelizeLatin1"
	case theirs == "" && (utf16Part(b, part) || (c.kind == KindString && utf16Part(b, b.sstPart))):
		return "excelizeUTF16"
	}
	return ""
}

// stripAstral drops the characters beyond the Basic Multilingual Plane and
// U+FFFD (what excelize makes of escaped surrogates).
func stripAstral(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}

// windows1252 reads the C1 controls of a Latin-1 text as windows-1252 does.
func windows1252(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r >= 0x80 && r <= 0x9F {
			d, _ := charmap.Windows1252.NewDecoder().Bytes([]byte{byte(r)})
			b.Write(d)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// partHead returns the first bytes of a part.
func partHead(b *book, part string) []byte {
	zf := b.part(part)
	if zf == nil {
		return nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	head := make([]byte, declHead)
	n, _ := rc.Read(head)
	return head[:n]
}

func utf16Part(b *book, part string) bool {
	e, _ := partEncoding(partHead(b, part))
	return e != nil && strings.Contains(fmt.Sprint(e), "UTF-16")
}

func latin1Part(b *book, part string) bool {
	return normName(declaredEncoding(partHead(b, part))) == "iso88591"
}

// emptyStyleCells reports whether a sheet part has cells with s="".
func emptyStyleCells(b *book, part string) bool {
	zf := b.part(part)
	if zf == nil {
		return false
	}
	rc, err := zf.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(rc)
	return bytes.Contains(buf.Bytes(), []byte(` s=""`))
}

// compatWorkbook is one hand-made workbook of testdata/compat.
type compatWorkbook struct {
	name  string
	parts func(t testing.TB) []rawPart
}

// sheetDoc wraps sheet data in a worksheet part.
func sheetDoc(data string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="` + nsMain + `"><sheetData>` + data + `</sheetData></worksheet>`
}

// compatParts returns the parts of a one-sheet workbook (plus extra parts
// replacing or adding to them).
func compatParts(t testing.TB, wbPr, sheetData, sst string, extra ...rawPart) []rawPart {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "x.xlsx")
	writeRawXLSX(t, path, wbPr, sst, []rawPart{{"Sheet1", sheetDoc(sheetData)}}, extra...)
	zb, err := os.ReadFile(path)
	require.NoError(t, err)
	return unzipParts(t, zb)
}

func unzipParts(t testing.TB, zb []byte) []rawPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	require.NoError(t, err)
	var out []rawPart
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		require.NoError(t, err)
		rc.Close()
		out = append(out, rawPart{f.Name, b.String()})
	}
	return out
}

// encodedParts writes the sheet and the shared strings of a workbook in enc
// (bom first, decl as the XML declaration).
func encodedParts(t testing.TB, enc encoding.Encoding, bom, decl, text string) []rawPart {
	t.Helper()
	conv := func(s string) string {
		out, err := enc.NewEncoder().String(decl + s)
		require.NoError(t, err)
		return bom + out
	}
	sheet := `<worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + xmlEscape(text) + `</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>12.5</v></c></row></sheetData></worksheet>`
	sst := `<sst xmlns="` + nsMain + `" count="1" uniqueCount="1"><si><t>` + xmlEscape(text) + `</t></si></sst>`
	return compatParts(t, "", "", "<si><t>x</t></si>",
		rawPart{"xl/worksheets/sheet1.xml", conv(sheet)}, rawPart{"xl/sharedStrings.xml", conv(sst)})
}

func compatWorkbooks() []compatWorkbook {
	ext := `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="` + nsX15 + `"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`
	dates := `<row r="1"><c r="A1" t="d"><v>2021-10-31</v></c><c r="B1"><v>43038</v></c><c r="C1" t="d"><v>2021-10-31T12:00:00</v></c></row>`
	return []compatWorkbook{
		{"date1904-extlst.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", dates, "", rawPart{"xl/workbook.xml", workbookXML(`<workbookPr date1904="1"/>`, ext)})
		}},
		{"date1904-x15.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", dates, "", rawPart{"xl/workbook.xml", workbookXML(`<workbookPr date1904="1"/><x15:workbookPr chartTrackingRefBase="1"/>`, "")})
		}},
		{"shared-empty-index.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v></v></c><c r="D1" t="s"/><c r="E1" t="s"><v>1</v></c></row>`,
				`<si><t>团队名称</t></si><si><t>甲队</t></si>`)
		}},
		{"time-only.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="d"><v>23:44:51.894</v></c><c r="B1" t="d"><v>T23:44:51</v></c><c r="C1" t="d"><v>12:00</v></c><c r="D1" t="d"><v>2021-10-31T08:30:00</v></c></row>`, "")
		}},
		{"gbk.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, simplifiedchinese.GBK, "", `<?xml version="1.0" encoding="GBK"?>`, "星火众创空间")
		}},
		{"gb2312.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, simplifiedchinese.GBK, "", `<?xml version="1.0" encoding="GB2312"?>`, "创业团队")
		}},
		{"gb18030.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, simplifiedchinese.GB18030, "", `<?xml version="1.0" encoding="GB18030"?>`, "吉𠮷团队")
		}},
		{"big5.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, traditionalchinese.Big5, "", `<?xml version="1.0" encoding="Big5"?>`, "創業團隊")
		}},
		{"latin1.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, charmap.ISO8859_1, "", `<?xml version="1.0" encoding="ISO-8859-1"?>`, "Café \u0080")
		}},
		{"windows-1252.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, charmap.Windows1252, "", `<?xml version="1.0" encoding="windows-1252"?>`, "€ “Café”")
		}},
		{"utf16-le-bom.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "\xFF\xFE", `<?xml version="1.0" encoding="UTF-16"?>`, "创业团队")
		}},
		{"utf16-be.xlsx", func(t testing.TB) []rawPart {
			return encodedParts(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "", `<?xml version="1.0" encoding="UTF-16BE"?>`, "创业团队")
		}},
		{"unknown-encoding.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", "", "", rawPart{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="x-klingon"?>` + sheetDoc(`<row r="1"><c r="A1"><v>1</v></c></row>`)[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):]})
		}},
		{"surrogates.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="inlineStr"><is><t>吉_xD842__xDFB7_</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><f>B1</f><v>_xD83D__xDE80_</v></c><c r="D1" t="inlineStr"><is><t>🚀 as UTF-8</t></is></c></row>`,
				`<si><t>极客_xD83D__xDE80_咖啡</t></si>`)
		}},
		{"str-escapes.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="str"><f>"a"&amp;CHAR(13)</f><v>a_x000D_b</v></c><c r="B1" t="inlineStr"><is><t>c_x000D_d</t></is></c><c r="C1" t="s"><v>0</v></c></row>`,
				`<si><t>e_x0009_f</t></si>`)
		}},
		{"nul-escape.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="inlineStr"><is><t>a_x0000_b</t></is></c></row>`, "")
		}},
		{"empty-style.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" s=""><v>1</v></c><c r="B1" s="" t="inlineStr"><is><t>甲</t></is></c><c r="C1"><v>3</v></c></row>`, "")
		}},
		{"macrosheet.xlsm", func(t testing.TB) []rawPart {
			macro := `<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet xmlns="` + nsMain + `" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>HALT()</f><v>x</v></c></row></sheetData></xm:macrosheet>`
			return compatParts(t, "", `<row r="1"><c r="A1"><v>1</v></c></row>`, "", rawPart{"xl/worksheets/sheet1.xml", macro})
		}},
		{"case-duplicate.xlsx", func(t testing.TB) []rawPart {
			return append(compatParts(t, "", `<row r="1"><c r="A1"><v>1</v></c></row>`, ""),
				rawPart{"xl/Worksheets/sheet1.xml", sheetDoc(`<row r="1"><c r="A1"><v>2</v></c></row>`)})
		}},
		{"merged.xlsx", func(t testing.TB) []rawPart {
			return compatParts(t, "", `<row r="1"><c r="A1" t="inlineStr"><is><t>否</t></is></c></row><row r="2"><c r="A2"/></row>`, "",
				rawPart{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>否</t></is></c></row><row r="2"><c r="A2"/></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>`})
		}},
	}
}

// zipBytes writes parts into a zip held in memory, entries as given (a
// name may repeat in another case).
func zipBytes(t testing.TB, parts []rawPart) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "z.zip")
	writeZipEntries(t, path, parts)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// TestCompatTestdata: the committed workbooks are those compatWorkbooks
// writes (-update rewrites them).
func TestCompatTestdata(t *testing.T) {
	t.Parallel()
	for _, w := range compatWorkbooks() {
		want := zipBytes(t, w.parts(t))
		path := filepath.Join(compatDir, w.name)
		if *updateCompat {
			require.NoError(t, os.MkdirAll(compatDir, 0o755))
			require.NoError(t, os.WriteFile(path, want, 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -run TestCompatTestdata -update")
		assert.Equal(t, unzipParts(t, want), unzipParts(t, got), "%s is out of date: run go test -run TestCompatTestdata -update", path)
	}
}
