package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// Odd but real .xlsx shapes: what Excel 2013+, POI, home-made exporters and
// hand-edited files write, read as Excel reads them.

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsX15  = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"
)

// workbookXML is a workbook part listing one sheet (rId1) with inner
// elements before <sheets> (workbookPr…) and after it (extLst…).
func workbookXML(before, after string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<workbook xmlns="` + nsMain + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="` + nsX15 + `">` +
		before + `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>` + after + `</workbook>`
}

func TestDate1904OnlyFromMainWorkbookPr(t *testing.T) {
	t.Parallel()
	ext := `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="` + nsX15 + `"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`
	tests := []struct {
		name   string
		wb     string
		want   bool
		serial string // what the ISO date 2021-10-31 reads as
	}{
		{"Excel 2013+: x15:workbookPr in extLst after the main one",
			workbookXML(`<workbookPr date1904="1" defaultThemeVersion="166925"/>`, ext), true, "43038"},
		{"x15:workbookPr right after the main one",
			workbookXML(`<workbookPr date1904="1"/><x15:workbookPr chartTrackingRefBase="1"/>`, ""), true, "43038"},
		{"x15:workbookPr before the main one",
			workbookXML(`<x15:workbookPr chartTrackingRefBase="1"/><workbookPr date1904="true"/>`, ""), true, "43038"},
		{"a workbookPr of another namespace redeclared as default",
			workbookXML(`<workbookPr date1904="1"/><workbookPr xmlns="`+nsX15+`" chartTrackingRefBase="1"/>`, ""), true, "43038"},
		{"date1904 only on the x15 element is not the workbook's",
			workbookXML(`<workbookPr/><x15:workbookPr date1904="1"/>`, ""), false, "44500"},
		{"main workbookPr without the attribute",
			workbookXML(`<workbookPr defaultThemeVersion="124226"/>`, ext), false, "44500"},
		{"strict OOXML, prefixed main namespace",
			`<?xml version="1.0"?><x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">` +
				`<x:workbookPr date1904="1"/><x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`, true, "43038"},
		{"date1904=\"0\"",
			workbookXML(`<workbookPr date1904="0"/>`, ext), false, "44500"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.xlsx")
			writeRawXLSX(t, path, "", "", []rawPart{{"Sheet1", `<row r="1"><c r="A1" t="d"><v>2021-10-31</v></c></row>`}},
				rawPart{"xl/workbook.xml", tc.wb})
			b, err := openBook(path, "a.xlsx", config.Default().Limits)
			require.NoError(t, err)
			defer b.close()
			assert.Equal(t, tc.want, b.date1904)
			require.Len(t, b.sheets, 1)
			assert.Equal(t, map[string]string{"A1": "num:" + tc.serial}, readPart(t, b, b.sheets[0].part))
		})
	}
}

// readPart reads every cell of a sheet part as "kind:value" by reference.
func readPart(t *testing.T, b *book, part string) map[string]string {
	t.Helper()
	rr, err := b.rows(part, nil)
	require.NoError(t, err)
	defer rr.close()
	out := map[string]string{}
	for rr.next() {
		for _, c := range rr.row.cells {
			out[cellRef(c.col, rr.row.num)] = kindName[c.kind] + ":" + c.value
		}
	}
	require.NoError(t, rr.err())
	return out
}

func TestEmptySharedStringIndexIsEmptyCell(t *testing.T) {
	t.Parallel()
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v></v></c><c r="D1" t="s"><v> </v></c><c r="E1" t="s"/><c r="F1" t="s" s="2"></c></row>`
	got := readCells(t, sheet, `<si><t>团队名称</t></si>`, false)
	assert.Equal(t, map[string]string{"A1": "str:团队名称", "B1": "empty:", "C1": "empty:", "D1": "empty:", "E1": "empty:", "F1": "empty:"}, got)

	// Through a package: no FILE-UNREADABLE, and the cell reads as empty.
	path := filepath.Join(t.TempDir(), "a.xlsx")
	teams := headerStrings("teams")
	writeRawXLSX(t, path, "", `<si><t>团队名称</t></si>`, []rawPart{{"创业团队", inlineRow(1, teams...) +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>甲队</t></is></c><c r="B2" t="s"><v/></c></row>`}})
	p := openPkg(t, nil, path)
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 1)
	assert.Equal(t, Cell{Kind: KindEmpty, Row: 2, Ref: "B2"}, rows[0].Cells[1])
	assert.Empty(t, only(p.Findings, finding.FileUnreadable), describe(p.Findings))
}

func TestTimeOnlyDateCells(t *testing.T) {
	t.Parallel()
	sheet := `<row r="1"><c r="A1" t="d"><v>23:44:51.894</v></c><c r="B1" t="d"><v>T23:44:51</v></c><c r="C1" t="d"><v>12:00</v></c>` +
		`<c r="D1" t="d"><v>00:00:00</v></c><c r="E1" t="d"><v>1899-12-31T12:00:00</v></c><c r="F1" t="d"><v>25:00:00</v></c>` +
		`<c r="G1" t="d"><v>1899-12-30T06:00:00</v></c></row>`
	want := map[string]string{
		"A1": "num:" + fmt.Sprint(85491894.0/86400000),
		"B1": "num:" + fmt.Sprint(85491.0/86400),
		"C1": "num:0.5",
		"D1": "num:0",
		"E1": "num:0.5", // Excel's day 0 (1900-01-00) at noon
		"F1": "str:25:00:00",
		"G1": "num:0.25", // day 0 of OLE dates, as .NET writers use it
	}
	assert.Equal(t, want, readCells(t, sheet, "", false))
	// A time is a fraction of a day in the 1904 system too.
	got := readCells(t, `<row r="1"><c r="A1" t="d"><v>06:00:00</v></c></row>`, "", true)
	assert.Equal(t, map[string]string{"A1": "num:0.25"}, got)
}

// encodedPart renders a worksheet (or shared strings) part in enc with the
// given declaration.
func encodedPart(t *testing.T, enc encoding.Encoding, decl, body string) string {
	t.Helper()
	out, err := enc.NewEncoder().String(decl + body)
	require.NoError(t, err)
	return out
}

func TestDeclaredEncodings(t *testing.T) {
	t.Parallel()
	const text = "团队名称"
	sheetBody := func(v string) string {
		return `<worksheet xmlns="` + nsMain + `"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + v + `</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`
	}
	sstBody := func(v string) string {
		return `<sst xmlns="` + nsMain + `"><si><t>` + v + `</t></si></sst>`
	}
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name  string
		enc   encoding.Encoding
		bom   string
		decl  string
		value string
	}{
		{"GBK", simplifiedchinese.GBK, "", `<?xml version="1.0" encoding="GBK"?>`, text},
		{"GB2312 (read as GBK)", simplifiedchinese.GBK, "", `<?xml version="1.0" encoding="gb2312" standalone="yes"?>`, text},
		{"GB18030 with a character outside GBK", simplifiedchinese.GB18030, "", `<?xml version='1.0' encoding='GB18030'?>`, "吉𠮷"},
		{"ISO-8859-1", charmap.ISO8859_1, "", `<?xml version="1.0" encoding="ISO-8859-1"?>`, "Café ñ ü"},
		{"windows-1252", charmap.Windows1252, "", `<?xml version="1.0" encoding="windows-1252"?>`, "€ “quoted”"},
		{"windows-1251", charmap.Windows1251, "", `<?xml version="1.0" encoding="Windows-1251"?>`, "Привет"},
		{"Big5", mustEncoding(t, "big5"), "", `<?xml version="1.0" encoding="Big5"?>`, "團隊名稱"},
		{"UTF-16LE with a BOM", utf16le, "\xFF\xFE", `<?xml version="1.0" encoding="UTF-16"?>`, text},
		{"UTF-16BE with a BOM", utf16be, "\xFE\xFF", `<?xml version="1.0" encoding="UTF-16"?>`, text},
		{"UTF-16LE declared, no BOM", utf16le, "", `<?xml version="1.0" encoding="UTF-16LE"?>`, text},
		{"UTF-16BE without a declaration or BOM", utf16be, "", ``, text},
		{"UTF-8 with a BOM", encoding.Nop, "\xEF\xBB\xBF", `<?xml version="1.0" encoding="UTF-8"?>`, text},
		{"UTF-8 declared in lower case, single quotes", encoding.Nop, "", `<?xml version='1.0' encoding='utf-8'?>`, text},
		{"US-ASCII declared, ASCII content", encoding.Nop, "", `<?xml version="1.0" encoding="US-ASCII"?>`, "ascii"},
		{"UTF-16 declared but written in UTF-8", encoding.Nop, "", `<?xml version="1.0" encoding="UTF-16"?>`, text},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.xlsx")
			sheet := tc.bom + encodedPart(t, tc.enc, tc.decl, sheetBody(xmlEscape(tc.value)))
			sst := tc.bom + encodedPart(t, tc.enc, tc.decl, sstBody(xmlEscape(tc.value)))
			wb := tc.bom + encodedPart(t, tc.enc, tc.decl, `<workbook xmlns="`+nsMain+`" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="`+tc.value+`" sheetId="1" r:id="rId1"/></sheets></workbook>`)
			writeRawXLSX(t, path, "", "x", []rawPart{{"Sheet1", "<worksheet/>"}},
				rawPart{"xl/worksheets/sheet1.xml", sheet}, rawPart{"xl/sharedStrings.xml", sst}, rawPart{"xl/workbook.xml", wb})
			b, err := openBook(path, "a.xlsx", config.Default().Limits)
			require.NoError(t, err)
			defer b.close()
			require.Len(t, b.sheets, 1)
			assert.Equal(t, tc.value, b.sheets[0].name, "workbook.xml")
			assert.Equal(t, map[string]string{"A1": "str:" + tc.value, "B1": "str:" + tc.value}, readPart(t, b, b.sheets[0].part), "sheet and shared strings")
		})
	}
}

func mustEncoding(t *testing.T, name string) encoding.Encoding {
	t.Helper()
	e, err := htmlindex.Get(name)
	require.NoError(t, err)
	return e
}

func TestUnknownEncodingIsFileUnreadable(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	t.Run("a sheet", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "申报数据.xlsx")
		writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", `<?xml version="1.0" encoding="x-mac-klingon"?><worksheet><sheetData>` + inlineRow(1, teams...) + `</sheetData></worksheet>`}})
		p := openPkg(t, nil, dir)
		un := only(p.Findings, finding.FileUnreadable)
		require.Len(t, un, 1, describe(p.Findings))
		assert.Equal(t, "创业团队", un[0].Sheet)
		assert.Contains(t, un[0].Message, "x-mac-klingon")
		assert.Contains(t, un[0].Message, "另存")
		assert.Empty(t, only(p.Findings, finding.HeaderNotFound), "no second finding from the unread sheet")
	})
	t.Run("the workbook part", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "申报数据.xlsx")
		writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", inlineRow(1, teams...)}},
			rawPart{"xl/workbook.xml", `<?xml version="1.0" encoding="EBCDIC-XYZ"?>` + workbookXML("", "")[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):]})
		p := openPkg(t, nil, dir)
		require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings), describe(p.Findings))
		assert.Contains(t, p.Findings[0].Message, "EBCDIC-XYZ")
		assert.Contains(t, p.Findings[0].Message, "另存")
		p = openPkg(t, enConfig(), dir)
		assert.Contains(t, p.Findings[0].Message, "Save As")
	})
}

func enConfig() *config.Config {
	c := config.Default()
	c.Lang = "en"
	return c
}

func TestEscapedSurrogatePair(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"_xD801__xDC05_":        "\U00010405",
		"a_xD83D__xDE80_b":      "a🚀b",
		"_xD801_":               "\uFFFD",
		"_xDC05_":               "\uFFFD",
		"_xD801_x":              "\uFFFDx",
		"_xD801__x0041_":        "\uFFFDA",
		"_xD801__xD801__xDC05_": "\uFFFD\U00010405",
	} {
		assert.Equal(t, want, decodeText([]byte(in)), "%q", in)
	}
	got := readCells(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>_xD842__xDFB7_</t></is></c></row>`, `<si><t>x</t></si>`, false)
	assert.Equal(t, map[string]string{"A1": "str:𠮷"}, got)
}

func TestSheetsThatAreNotWorksheets(t *testing.T) {
	t.Parallel()
	macro := `<?xml version="1.0" encoding="UTF-8"?><xm:macrosheet xmlns="` + nsMain + `" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>EXEC("calc")</f><v>x</v></c></row></sheetData></xm:macrosheet>`
	dialog := `<?xml version="1.0" encoding="UTF-8"?><dialogsheet xmlns="` + nsMain + `"><sheetData/></dialogsheet>`
	chart := `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="` + nsMain + `"><drawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></chartsheet>`
	teams := headerStrings("teams")
	tests := []struct {
		name     string
		sheet    string
		body     string
		rule     string
		severity finding.Severity
		text     string
	}{
		{"a data sheet that is a macro sheet", "创业团队", macro, finding.FileUnreadable, finding.Error, "宏表"},
		{"a data sheet that is a dialog sheet", "入驻企业", dialog, finding.FileUnreadable, finding.Error, "对话框表"},
		{"a data sheet that is a chart sheet", "创业导师", chart, finding.FileUnreadable, finding.Error, "图表"},
		{"another macro sheet", "Macro1", macro, finding.SheetUnknown, finding.Warning, "宏表"},
		{"a macro sheet named as an auxiliary sheet", "汇总", macro, finding.SheetUnknown, finding.Warning, "宏表"},
		{"a dialog sheet", "Dialog1", dialog, finding.SheetUnknown, finding.Warning, "对话框表"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "申报数据.xlsx")
			sheets := []rawPart{{"创业团队", inlineRow(1, teams...)}}
			if tc.sheet == "创业团队" {
				sheets = nil
			}
			writeRawXLSX(t, path, "", "", append(sheets, rawPart{tc.sheet, tc.body}))
			p := openPkg(t, nil, dir)
			for _, tb := range p.Tables {
				require.NoError(t, p.Each(tb, func(Row) error { return nil }))
			}
			var got []finding.Finding
			for _, f := range p.Findings {
				if f.Sheet == tc.sheet {
					got = append(got, f)
				}
			}
			require.Len(t, got, 1, describe(p.Findings))
			assert.Equal(t, tc.rule, got[0].Rule)
			assert.Equal(t, tc.severity, got[0].Severity)
			assert.Contains(t, got[0].Message, tc.text)
			assert.Contains(t, got[0].Message, tc.sheet)
		})
	}
	t.Run("a chart sheet that is not a data sheet keeps the plain warning", func(t *testing.T) {
		dir := t.TempDir()
		writeRawXLSX(t, filepath.Join(dir, "a.xlsx"), "", "", []rawPart{{"创业团队", inlineRow(1, teams...)}, {"图表1", chart}})
		p := openPkg(t, nil, dir)
		un := only(p.Findings, finding.SheetUnknown)
		require.Len(t, un, 1, describe(p.Findings))
		assert.Contains(t, un[0].Message, "图表")
	})
}

// writeZipEntries writes entries as given: names may repeat or differ only
// in case.
func writeZipEntries(t testing.TB, path string, parts []rawPart) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(p.body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

func TestPartNamesDifferingOnlyInCase(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	base := filepath.Join(t.TempDir(), "base.xlsx")
	writeRawXLSX(t, base, "", "", []rawPart{{"创业团队", inlineRow(1, teams...) + inlineRow(2, "甲队")}})
	zr, err := zip.OpenReader(base)
	require.NoError(t, err)
	var parts []rawPart
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		require.NoError(t, err)
		rc.Close()
		parts = append(parts, rawPart{f.Name, b.String()})
	}
	zr.Close()
	evil := `<worksheet><sheetData>` + inlineRow(1, teams...) + inlineRow(2, "乙队") + `</sheetData></worksheet>`
	for _, tc := range []struct{ name, entry string }{
		{"a second sheet part in another case", "xl/Worksheets/sheet1.xml"},
		{"the same name twice", "xl/worksheets/sheet1.xml"},
		{"a back-slashed name", `xl\worksheets\SHEET1.xml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeZipEntries(t, filepath.Join(dir, "申报数据.xlsx"), append(append([]rawPart{}, parts...), rawPart{tc.entry, evil}))
			p := openPkg(t, nil, dir)
			require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings), describe(p.Findings))
			assert.Contains(t, p.Findings[0].Message, "xl/worksheets/sheet1.xml")
			assert.Contains(t, p.Findings[0].Message, tc.entry)
			assert.Empty(t, p.Tables)
		})
	}
	t.Run("distinct names are fine", func(t *testing.T) {
		dir := t.TempDir()
		writeZipEntries(t, filepath.Join(dir, "申报数据.xlsx"), append(append([]rawPart{}, parts...), rawPart{"xl/worksheets/sheet2.xml", evil}))
		p := openPkg(t, nil, dir)
		assert.Empty(t, only(p.Findings, finding.FileUnreadable), describe(p.Findings))
	})
}

func TestXLSMIsReadLikeXLSX(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := writeBook(t, t.TempDir(), "申报数据.xlsx", goodSheets())
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	xlsm := filepath.Join(dir, "申报数据.xlsm")
	require.NoError(t, os.WriteFile(xlsm, data, 0o644))
	for name, paths := range map[string][]string{"the folder": {dir}, "the file": {xlsm}} {
		t.Run(name, func(t *testing.T) {
			p := openPkg(t, nil, paths...)
			assert.Equal(t, []string{xlsm}, p.Files)
			assert.Empty(t, p.Findings, describe(p.Findings))
			assert.Len(t, rowsOf(t, p, "teams"), 2)
		})
	}
}

// TestLongCellRealLength: a cell longer than limits.cell_chars keeps its
// first cell_chars characters and counts the rest, wherever its text lies
// (inline, shared, beyond the scanner's byte bound, with entities).
func TestLongCellRealLength(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	tests := []struct {
		name   string
		raw    string // the cell's XML text
		length int    // its real length in characters
		prefix string
	}{
		{"40,000 characters", strings.Repeat("字", 40000), 40000, "字字"},
		{"beyond the scanner's bound, with entities", strings.Repeat("团&amp;", 300000), 600000, "团&团&"},
		{"escapes and line ends", strings.Repeat("a_x000D_\r\n&#x1F680;", 50000), 200000, "a\r\n🚀a"},
		{"surrogate escapes", strings.Repeat("_xD83D__xDE80_", 50000), 50000, "🚀🚀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.xlsx")
			sheet := inlineRow(1, teams...) +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>` + tc.raw + `</t></is></c><c r="B2" t="str"><v>` + tc.raw + `</v></c></row>` +
				`<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="inlineStr"><is><r><t>` + tc.raw[:len(tc.raw)/2] + `</t></r><r><t>` + tc.raw[len(tc.raw)/2:] + `</t></r></is></c></row>`
			writeRawXLSX(t, path, "", `<si><t>`+tc.raw+`</t></si>`, []rawPart{{"创业团队", sheet}})
			cfg := config.Default()
			cfg.Limits.CellChars = 1000
			p := openPkg(t, cfg, path)
			rows := rowsOf(t, p, "teams")
			require.Len(t, rows, 2, describe(p.Findings))
			for _, r := range rows {
				for _, c := range r.Cells[:2] {
					assert.Equal(t, 1000, len([]rune(c.Value)), c.Ref)
					assert.True(t, strings.HasPrefix(c.Value, tc.prefix), c.Ref)
					assert.Equal(t, int32(tc.length-1000), c.Cut, "%s: the characters past the cut are counted", c.Ref)
				}
			}
		})
	}
	t.Run("within the limit nothing is cut", func(t *testing.T) {
		got := readCells(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>`+strings.Repeat("字", 100)+`</t></is></c></row>`, "", false)
		assert.Equal(t, "str:"+strings.Repeat("字", 100), got["A1"])
	})
}
