package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// Seed corpora live in testdata/fuzz/<FuzzName>; run a target with e.g.
//
//	go test ./internal/workbook -run '^$' -fuzz FuzzMatchHeader -fuzztime 1m

// FuzzMatchHeader checks header matching as the reader applies it: the
// decorations SPEC §1 allows (white space anywhere, full-width forms, a
// leading or trailing '*') never change which column a text matches, and a
// header cell read from sheet XML maps exactly as schema.MatchHeader says.
func FuzzMatchHeader(f *testing.F) {
	for _, sh := range schema.Sheets() {
		for _, c := range sh.Columns {
			f.Add(c.Header)
		}
	}
	f.Add("序号")
	f.Add("投融资金额（万元）")
	f.Add("* 团 队\n名称 *")
	f.Fuzz(func(t *testing.T, h string) {
		n := schema.NormalizeHeader(h)
		assert.Equal(t, n, schema.NormalizeHeader(n), "normalising is idempotent")
		decorated := "\u3000*" + spread(toFullWidth(h)) + "*\u00a0\n"
		for _, sh := range schema.Sheets() {
			assert.Equal(t, sh.MatchHeader(h), sh.MatchHeader(decorated), "%s: %q vs %q", sh.Name, h, decorated)
		}
		if !utf8.ValidString(h) || strings.ContainsAny(h, "\r\x00") || strings.Contains(h, "_x") || len(h) > 1000 {
			return // not representable in a sheet as is
		}
		checkHeaderRow(t, h)
	})
}

// toFullWidth maps printable ASCII to its full-width form.
func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// spread puts a space between every character.
func spread(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		b.WriteByte(' ')
	}
	return b.String()
}

// checkHeaderRow reads a 创业团队 header row whose first cell is h and whose
// other cells are the template headers 2–12, and checks the mapping and
// findings against schema.MatchHeader.
func checkHeaderRow(t *testing.T, h string) {
	sh := schema.ByKey("teams")
	cells := append([]string{h}, headerStrings("teams")[1:]...)
	var xml strings.Builder
	xml.WriteString(`<worksheet><sheetData><row r="1">`)
	for i, v := range cells {
		xml.WriteString(`<c r="` + cellRef(i, 1) + `" t="inlineStr"><is><t xml:space="preserve">` + xmlEscape(v) + `</t></is></c>`)
	}
	xml.WriteString(`</row></sheetData></worksheet>`)

	p := &Package{cfg: config.Default()}
	tb := &Table{Sheet: sh, Name: sh.Name, Present: make([]bool, len(sh.Columns)), cols: make([]int, len(sh.Columns))}
	for i := range tb.cols {
		tb.cols[i] = -1
	}
	rr := &rowReader{s: newScanner(strings.NewReader(xml.String()), 1<<20), sst: &sharedStrings{}, cellMax: 32767}
	p.findHeader(tb, rr)
	require.NoError(t, rr.err())
	require.Equal(t, 1, tb.HeaderRow, "11 of 12 headers always make a header row")

	k := sh.MatchHeader(h)
	got := rules(p.Findings)
	slices.Sort(got)
	want := []string{}
	switch {
	case k == 0:
		assert.Equal(t, 0, tb.cols[0])
	case k > 0:
		assert.Equal(t, 0, tb.cols[k], "the first cell maps to column %d", k)
		want = []string{finding.ColumnDuplicate, finding.ColumnMissing}
	case isBlank(h) || schema.NormalizeHeader(h) == serialHeader:
		want = []string{finding.ColumnMissing}
	default:
		want = []string{finding.ColumnMissing, finding.ColumnUnknown}
	}
	assert.Equal(t, want, got, "header %q%s", h, describe(p.Findings))
}

// FuzzSheetXML feeds arbitrary bytes to the worksheet reader: it must end
// without panicking, keep every value within the cell bound and every
// column within Excel's.
func FuzzSheetXML(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><row><c><f>1+1</f><v>2</v></c><c t="d"><v>2021-10-31</v></c><c t="b"><v>1</v></c></row></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="ZZ2" t="e"><v>#N/A</v></c></row><!-- x --><![CDATA[a]]></sheetData><mergeCells><mergeCell ref="A1:B3"/><mergeCell ref="$c$9:A1"/></mergeCells></worksheet>`))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"GBK\"?><worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>\xcd\xc5</t></is></c></row></sheetData></worksheet>"))
	f.Add([]byte("\xff\xfe<\x00w\x00o\x00r\x00k\x00s\x00h\x00e\x00e\x00t\x00/\x00>\x00"))
	f.Add([]byte(`<xm:macrosheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></xm:macrosheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const cellMax = 50
		r, err := decodedReader(bytes.NewReader(data))
		if err != nil {
			var u *unreadable
			require.ErrorAs(t, err, &u, "an encoding that cannot be read is a finding")
			return
		}
		rr := &rowReader{s: newScanner(r, 2*bstrLen*cellMax), sst: &sharedStrings{items: []string{"甲"}}, cellMax: cellMax}
		rows := 0
		for rr.next() {
			rows++
			for _, c := range rr.row.cells {
				assert.LessOrEqual(t, utf8.RuneCountInString(c.value), cellMax)
				assert.GreaterOrEqual(t, c.cut, 0)
				assert.True(t, c.col >= 0 && c.col < maxColumns, "column %d", c.col)
			}
			require.Less(t, rows, 2*len(data)+1, "no more rows than bytes")
		}
		for _, m := range rr.merges() {
			assert.True(t, m.row1 < m.row2 && m.col1 <= m.col2 && m.col2 < maxColumns, "%+v", m)
		}
	})
}

// FuzzOpen feeds arbitrary bytes as a package's only workbook: Open and
// Each must end without panicking and report problems as findings.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	good := writeBook(f, dir, "seed.xlsx", goodSheets()[6:8])
	b, err := os.ReadFile(good)
	require.NoError(f, err)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add(append(append([]byte{}, magicOLE...), make([]byte, 600)...))
	f.Add([]byte("a,b\n1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "a.xlsx"), data, 0o644))
		p, err := Open([]string{dir}, nil)
		require.NoError(t, err)
		defer p.Close()
		for _, tb := range p.Tables {
			require.NoError(t, p.Each(tb, func(Row) error { return nil }))
		}
		for _, fd := range p.Findings {
			assert.NotEmpty(t, fd.Message)
		}
	})
}
