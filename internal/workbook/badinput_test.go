package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// fileState fingerprints a file so a test can show it was not changed.
func fileState(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fmt.Sprintf("%x %v %v", sha256.Sum256(b), fi.ModTime().UnixNano(), fi.Mode())
}

// goodXLSX writes a complete valid workbook and returns its bytes.
func goodXLSX(t testing.TB) []byte {
	t.Helper()
	path := writeBook(t, t.TempDir(), "good.xlsx", goodSheets())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func TestBadInputIsFileUnreadable(t *testing.T) {
	t.Parallel()
	good := goodXLSX(t)
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		cfg  func(*config.Config)
		key  string // the message key expected
		text string // a fragment of the Chinese message
	}{
		{
			name: "CSV renamed .xlsx",
			make: writeBytes([]byte("团队名称,入驻时间\n甲队,2021-01-01\n")),
			key:  "workbook.csv", text: "CSV",
		},
		{
			name: "CSV in GBK with a BOM-less header",
			make: writeBytes([]byte{0xCD, 0xC5, 0xB6, 0xD3, ',', 0xC8, 0xEB, '\r', '\n', '1', ',', '2', '\r', '\n'}),
			key:  "workbook.csv", text: "CSV",
		},
		{
			name: "UTF-16 text export",
			make: writeBytes(append([]byte{0xFF, 0xFE}, utf16le("团队名称\t入驻时间\r\n")...)),
			key:  "workbook.csv", text: "CSV",
		},
		{
			name: "empty file",
			make: writeBytes(nil),
			key:  "workbook.empty", text: "0 字节",
		},
		{
			name: "HTML table exported as .xls, renamed",
			make: writeBytes([]byte("<html><body><table><tr><td>团队名称</td></tr></table></body></html>")),
			key:  "workbook.html", text: "HTML",
		},
		{
			name: "XML Spreadsheet 2003",
			make: writeBytes([]byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`)),
			key:  "workbook.xml2003", text: "XML 电子表格 2003",
		},
		{
			name: "OLE2 file whose directory cannot be parsed but names a Workbook stream (.xls, .et)",
			make: writeBytes(append(append(append([]byte{}, magicOLE...), make([]byte, 600)...), utf16le("Workbook")...)),
			key:  "workbook.xls", text: "97-2003",
		},
		{
			name: "OLE2 file naming an encrypted package",
			make: writeBytes(append(append(append([]byte{}, magicOLE...), make([]byte, 600)...), utf16le("EncryptedPackage")...)),
			key:  "workbook.encrypted", text: "取消工作簿密码后另存",
		},
		{
			name: "encrypted workbook (excelize, password)",
			make: func(t *testing.T, path string) {
				f := excelize.NewFile()
				defer f.Close()
				require.NoError(t, f.SaveAs(path, excelize.Options{Password: "secret"}))
				b, err := os.ReadFile(path)
				require.NoError(t, err)
				require.True(t, bytes.HasPrefix(b, magicOLE), "excelize writes an OLE2 container")
			},
			key: "workbook.encrypted", text: "取消工作簿密码后另存",
		},
		{
			name: "truncated zip",
			make: writeBytes(good[:len(good)/2]),
			key:  "workbook.corrupt", text: "损坏或不完整",
		},
		{
			name: "empty zip archive",
			make: func(t *testing.T, path string) { writeZip(t, path, nil) },
			key:  "workbook.corrupt", text: "损坏或不完整",
		},
		{
			name: "OpenDocument spreadsheet",
			make: func(t *testing.T, path string) {
				writeZip(t, path, []rawPart{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<office:document-content/>"}})
			},
			key: "workbook.ods", text: ".ods",
		},
		{
			name: "Word document",
			make: func(t *testing.T, path string) {
				writeZip(t, path, []rawPart{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}})
			},
			key: "workbook.not-workbook", text: "Word",
		},
		{
			name: "a zip of something else",
			make: func(t *testing.T, path string) { writeZip(t, path, []rawPart{{"a.txt", "x"}}) },
			key:  "workbook.not-workbook", text: "不是 Excel 工作簿",
		},
		{
			name: "binary workbook (.xlsb) renamed",
			make: func(t *testing.T, path string) {
				writeZip(t, path, []rawPart{{"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`}, {"xl/workbook.bin", "\x83\x01"}})
			},
			key: "workbook.xlsb", text: ".xlsb",
		},
		{
			name: "workbook.xml cut short",
			make: func(t *testing.T, path string) {
				writeZip(t, path, []rawPart{{"xl/workbook.xml", `<workbook><sheets><sheet name="创业团队" r:id="rId1"`}})
			},
			key: "workbook.corrupt", text: "损坏或不完整",
		},
		{
			name: "zip bomb: unpacked size over limits.unzip_bytes",
			make: func(t *testing.T, path string) {
				writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", inlineRow(1, strings.Repeat("团", 1<<20))}})
			},
			cfg: func(c *config.Config) { c.Limits.UnzipBytes = 1 << 20 },
			key: "workbook.too-large", text: "压缩炸弹",
		},
		{
			name: "random bytes",
			make: func(t *testing.T, path string) {
				r := rand.New(rand.NewPCG(1, 2))
				b := make([]byte, 4096)
				for i := range b {
					b[i] = byte(r.UintN(256))
				}
				writeBytes(b)(t, path)
			},
			key: "workbook.not-workbook", text: "不是 Excel 工作簿",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "申报数据.xlsx")
			tc.make(t, path)
			before := fileState(t, path)
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			p := openPkg(t, cfg, dir)
			require.Len(t, p.Findings, 1, "exactly one finding (no SHEET-MISSING after an unreadable file): %s", describe(p.Findings))
			f := p.Findings[0]
			assert.Equal(t, finding.FileUnreadable, f.Rule)
			assert.Equal(t, finding.Error, f.Severity)
			assert.Equal(t, "申报数据.xlsx", f.File)
			assert.Contains(t, f.Message, tc.text)
			assert.True(t, strings.HasPrefix(f.Message, "申报数据.xlsx："), f.Message)
			want := msg.ZH.T(tc.key, "file", "申报数据.xlsx")
			if i := strings.IndexByte(want, '{'); i >= 0 {
				want = want[:i]
			}
			assert.True(t, strings.HasPrefix(f.Message, want), "message of %s expected, got %s", tc.key, f.Message)
			assert.Empty(t, p.Tables)
			assert.Equal(t, before, fileState(t, path), "the input file is unchanged")
		})
	}
}

func writeBytes(b []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
}

func utf16le(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestSheetTooLarge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	big := inlineRow(1, headerStrings("teams")...) + inlineRow(2, strings.Repeat("团", 300_000))
	writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", big}})
	cfg := config.Default()
	cfg.Limits.SheetXMLBytes = 512 << 10
	p := openPkg(t, cfg, path)
	unread := only(p.Findings, finding.FileUnreadable)
	require.Len(t, unread, 1, describe(p.Findings))
	assert.Equal(t, "创业团队", unread[0].Sheet)
	assert.Contains(t, unread[0].Message, "limits.sheet_xml_bytes")
	assert.Empty(t, only(p.Findings, finding.HeaderNotFound), "no second finding for the same sheet")
	tb := p.Table("teams")
	require.NotNil(t, tb, "the sheet is there (no SHEET-MISSING)")
	assert.Zero(t, tb.HeaderRow)
	assert.Empty(t, rowsOf(t, p, "teams"))
}

// TestSizeThatLies: an entry that inflates beyond the size its zip header
// declares is refused while reading, not trusted.
func TestSizeThatLies(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", inlineRow(1, headerStrings("teams")...)}})
	// Rewrite the sheet entry: 4 MB of data declared as 100 bytes.
	sheet := `<worksheet><sheetData>` + inlineRow(1, headerStrings("teams")...) +
		strings.Repeat(inlineRow(2, "甲队"), 40_000) + `</sheetData></worksheet>`
	rewriteEntry(t, path, "xl/worksheets/sheet1.xml", []byte(sheet), 100)
	p := openPkg(t, nil, path)
	_ = rowsOf(t, p, "teams")
	unread := only(p.Findings, finding.FileUnreadable)
	require.Len(t, unread, 1, describe(p.Findings))
	assert.Equal(t, "创业团队", unread[0].Sheet)
}

// rewriteEntry replaces one entry of a zip with data whose header declares
// declared bytes.
func rewriteEntry(t *testing.T, path, name string, data []byte, declared uint64) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			var comp bytes.Buffer
			fw, err := flate.NewWriter(&comp, flate.BestSpeed)
			require.NoError(t, err)
			_, err = fw.Write(data)
			require.NoError(t, err)
			require.NoError(t, fw.Close())
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(data),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
			require.NoError(t, err)
			_, err = w.Write(comp.Bytes())
			require.NoError(t, err)
			continue
		}
		require.NoError(t, zw.Copy(f))
	}
	require.NoError(t, zr.Close())
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

func TestHugeCellIsBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	huge := strings.Repeat("团&amp;", 2<<20) // 8 MB of XML text in one cell
	sheet := inlineRow(1, headerStrings("teams")...) +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>` + huge + `</t></is></c><c r="B2"><v>44197</v></c></row>`
	sst := `<si><t>` + huge + `</t></si>`
	sheet += `<row r="3"><c r="A3" t="s"><v>0</v></c></row>`
	writeRawXLSX(t, path, "", sst, []rawPart{{"创业团队", sheet}})
	cfg := config.Default()
	cfg.Limits.CellChars = 1000
	p := openPkg(t, cfg, path)
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 2, describe(p.Findings))
	for _, r := range rows {
		assert.Equal(t, 1000, utf8.RuneCountInString(r.Cells[0].Value), "row %d: cut at limits.cell_chars", r.Number)
		assert.True(t, strings.HasPrefix(r.Cells[0].Value, "团&团&"))
	}
	assert.Equal(t, "44197", rows[0].Cells[1].Value, "the rest of the row is read")
}

func TestBrokenSheets(t *testing.T) {
	t.Parallel()
	teams := headerStrings("teams")
	t.Run("malformed XML after the header", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.xlsx")
		writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", inlineRow(1, teams...) + inlineRow(2, "甲队") + `<row r="3"><c r="A3" t="inlineStr"><is><t>乙</t></is></c></row><row r="4"><c r=A4`}})
		p := openPkg(t, nil, path)
		rows := rowsOf(t, p, "teams")
		require.Len(t, rows, 2)
		_ = rowsOf(t, p, "teams") // twice: still one finding
		unread := only(p.Findings, finding.FileUnreadable)
		require.Len(t, unread, 1, describe(p.Findings))
		assert.Equal(t, "创业团队", unread[0].Sheet)
		assert.Contains(t, unread[0].Message, "已损坏")
	})
	t.Run("shared string index out of range", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.xlsx")
		writeRawXLSX(t, path, "", `<si><t>甲队</t></si>`, []rawPart{{"创业团队", inlineRow(1, teams...) +
			`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>`}})
		p := openPkg(t, nil, path)
		rows := rowsOf(t, p, "teams")
		require.Len(t, rows, 1)
		assert.Equal(t, "甲队", rows[0].Cells[0].Value)
		assert.Equal(t, "", rows[0].Cells[1].Value)
		require.Len(t, only(p.Findings, finding.FileUnreadable), 1, describe(p.Findings))
	})
	t.Run("sheet part missing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.xlsx")
		writeRawXLSX(t, path, "", "", []rawPart{{"创业团队", inlineRow(1, teams...)}},
			rawPart{"xl/_rels/workbook.xml.rels", `<Relationships/>`})
		p := openPkg(t, nil, path)
		unread := only(p.Findings, finding.FileUnreadable)
		require.Len(t, unread, 1, describe(p.Findings))
		assert.Equal(t, "创业团队", unread[0].Sheet)
		assert.NotNil(t, p.Table("teams"))
	})
}

func TestOneBadFileAmongGoodOnes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	all := goodSheets()
	writeBook(t, dir, "a.xlsx", all[:5])
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.xlsx"), []byte("a,b\n1,2\n"), 0o644))
	p := openPkg(t, nil, dir)
	assert.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings),
		"the sheets of the unreadable file are not also SHEET-MISSING: %s", describe(p.Findings))
	assert.Equal(t, "b.xlsx", p.Findings[0].File)
	assert.Len(t, p.Tables, 5)
}

func TestFolders(t *testing.T) {
	t.Parallel()
	t.Run("no workbook at all", func(t *testing.T) {
		dir := t.TempDir()
		p := openPkg(t, nil, dir)
		require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings))
		assert.Contains(t, p.Findings[0].Message, "没有 .xlsx 工作簿")
		assert.Equal(t, dir, p.Findings[0].File)
		assert.Empty(t, p.Files)
	})
	t.Run("only an old .xls and a CSV", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "申报数据.xls"), magicOLE, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "团队.csv"), []byte("a"), 0o644))
		p := openPkg(t, nil, dir)
		require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings))
		assert.Contains(t, p.Findings[0].Message, "申报数据.xls")
		assert.Contains(t, p.Findings[0].Message, "团队.csv")
		assert.Contains(t, p.Findings[0].Message, "另存为")
	})
}

func TestCommandErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := writeBook(t, dir, "a.xlsx", goodSheets())
	tests := []struct {
		name  string
		paths []string
		key   string
	}{
		{"no path", nil, "workbook.no-paths"},
		{"a folder that does not exist", []string{filepath.Join(dir, "nope")}, "workbook.path-missing"},
		{"a file that does not exist", []string{good, filepath.Join(dir, "nope.xlsx")}, "workbook.path-missing"},
		{"a folder among files", []string{good, dir}, "workbook.mixed-paths"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Open(tc.paths, nil)
			assert.Nil(t, p)
			var e *Error
			require.True(t, errors.As(err, &e), "an *Error, got %v", err)
			assert.Equal(t, tc.key, e.Key)
			assert.NotContains(t, e.Localized(msg.EN), "{")
		})
	}
}

func TestUnreadableFilePermissions(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	path := writeBook(t, dir, "a.xlsx", goodSheets())
	require.NoError(t, os.Chmod(path, 0))
	p := openPkg(t, nil, dir)
	require.Equal(t, []string{finding.FileUnreadable}, rules(p.Findings))
	assert.Contains(t, p.Findings[0].Message, "权限")
}

// TestMergedCells: a merged range holds its value in its top-left cell; the
// other cells of the range read as empty (the rules report them if they are
// required). The reader itself reports nothing.
func TestMergedCells(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	teams := headerStrings("teams")
	writeBook(t, dir, "a.xlsx", withSheet(goodSheets(), sheetSpec{name: "创业团队", rows: [][]any{
		{"累计创业团队情况汇总表"}, anys(teams), {"甲队", nil, nil, "否"}, {"乙队"},
	}}), func(f *excelize.File) {
		require.NoError(t, f.MergeCell("创业团队", "A1", "L1"))
		require.NoError(t, f.MergeCell("创业团队", "D3", "D4"))
	})
	p := openPkg(t, nil, dir)
	assert.Empty(t, p.Findings, describe(p.Findings))
	rows := rowsOf(t, p, "teams")
	require.Len(t, rows, 2)
	assert.Equal(t, "否", rows[0].Cells[3].Value)
	assert.Equal(t, Cell{Kind: KindEmpty, Row: 4, Ref: "D4"}, rows[1].Cells[3])
}

// TestMillionRows streams a sheet of a million rows (skipped with -short).
func TestMillionRows(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a million rows")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	var sb strings.Builder
	sb.WriteString(inlineRow(1, "活动名称", "活动类型", "活动日期", "简要概述", "证明材料"))
	const n = 1_000_000
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&sb, `<row r="%d"><c r="C%d"><v>%d</v></c></row>`, i, i, 44000+i%300)
	}
	writeRawXLSX(t, path, "", "", []rawPart{{"创新创业活动", sb.String()}})
	sb.Reset()
	p := openPkg(t, nil, path)
	count, last := 0, 0
	require.NoError(t, p.Each(p.Table("activities"), func(r Row) error {
		count++
		last = r.Number
		return nil
	}))
	assert.Equal(t, n, count)
	assert.Equal(t, n+1, last)
}
