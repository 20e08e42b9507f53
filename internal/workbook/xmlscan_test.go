package workbook

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
)

// readCells streams a hand-written worksheet and returns its cells by
// reference, as "kind:value".
func readCells(t *testing.T, sheetXML, sst string, date1904 bool) map[string]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.xlsx")
	attrs := ""
	if date1904 {
		attrs = `date1904="1"`
	}
	writeRawXLSX(t, path, attrs, sst, []rawPart{{"Sheet1", sheetXML}})
	b, err := openBook(path, "a.xlsx", config.Default().Limits)
	require.NoError(t, err)
	defer b.close()
	require.Len(t, b.sheets, 1)
	rr, err := b.rows(b.sheets[0].part, nil)
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

var kindName = map[Kind]string{KindEmpty: "empty", KindString: "str", KindNumber: "num", KindBool: "bool", KindFormula: "f", KindError: "err"}

func TestSheetCells(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		sheet    string
		sst      string
		date1904 bool
		want     map[string]string
	}{
		{
			name:  "shared, inline and formula strings",
			sheet: `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>行内</t></is></c><c r="C1" t="str"><f>A1</f><v>乙</v></c></row>`,
			sst:   `<si><t>甲</t></si><si><t xml:space="preserve"> 乙 </t></si>`,
			want:  map[string]string{"A1": "str: 乙 ", "B1": "str:行内", "C1": "f:乙"},
		},
		{
			name:  "rich text runs; phonetic runs left out",
			sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>创</t></r><r><rPr><b/></rPr><t>业</t></r></is></c></row>`,
			sst:   `<si><r><t>东</t></r><r><t>京</t></r><rPh sb="0" eb="1"><t>トウ</t></rPh><phoneticPr fontId="1"/></si>`,
			want:  map[string]string{"A1": "str:东京", "B1": "str:创业"},
		},
		{
			name:  "numbers, booleans, errors, empty cells",
			sheet: `<row r="2"><c r="A2"><v>44500</v></c><c r="B2" t="n"><v> 1.5E-3 </v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" s="3"/><c r="F2" t="b"><f>FALSE()</f><v>0</v></c><c r="G2" t="b"><f>A1=1</f><v>0</v></c></row>`,
			want:  map[string]string{"A2": "num:44500", "B2": "num:1.5E-3", "C2": "bool:1", "D2": "err:#N/A", "E2": "empty:", "F2": "bool:0", "G2": "f:0"},
		},
		{
			name:  "formulas: with and without cached value, shared",
			sheet: `<row r="1"><c r="A1"><f>1+2</f><v>3</v></c><c r="B1"><f>TODAY()</f></c><c r="C1"><f t="shared" si="0"/><v>4</v></c></row>`,
			want:  map[string]string{"A1": "f:3", "B1": "f:", "C1": "f:4"},
		},
		{
			name:  "ISO date cells become serials",
			sheet: `<row r="1"><c r="A1" t="d"><v>2021-10-31T00:00:00</v></c><c r="B1" t="d"><v>2021-10-31</v></c><c r="C1" t="d"><v>1900-01-01</v></c><c r="D1" t="d"><v>not a date</v></c><c r="E1" t="d"><v>2021-10-31T12:00:00Z</v></c></row>`,
			want:  map[string]string{"A1": "num:44500", "B1": "num:44500", "C1": "num:1", "D1": "str:not a date", "E1": "num:44500.5"},
		},
		{
			name:     "ISO date cells in the 1904 system",
			sheet:    `<row r="1"><c r="A1" t="d"><v>2021-10-31</v></c></row>`,
			date1904: true,
			want:     map[string]string{"A1": "num:43038"},
		},
		{
			name:  "rows and cells without references follow their predecessors",
			sheet: `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>`,
			want:  map[string]string{"A1": "str:a", "B1": "num:1", "C5": "num:2", "D5": "num:3", "A6": "num:4"},
		},
		{
			name:  "entities, CDATA, comments, processing instructions, escapes, line ends",
			sheet: `<!-- a comment --><?pi x?><row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b&lt;c&gt;&quot;&apos;&#x4E2D;&#25991;</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[x<y&z]]]]></t></is></c><c r="C1" t="inlineStr"><is><t>l1_x000D_` + "\r\n" + `l2` + "\r" + `l3_x005F_x000D_</t></is></c></row>`,
			want:  map[string]string{"A1": `str:a&b<c>"'中文`, "B1": "str:x<y&z]]", "C1": "str:l1\r\nl2\nl3_x000D_"},
		},
		{
			name: "namespace prefixes (strict OOXML writers), odd attribute quoting",
			sheet: `<?xml version="1.0"?><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData>` +
				`<x:row r='1'><x:c r = "A1" t='inlineStr' x:foo="a>b"><x:is><x:t>甲</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
			want: map[string]string{"A1": "str:甲"},
		},
		{
			name:  "what follows sheetData is not read",
			sheet: `<?xml version="1.0"?><worksheet><sheetPr><tabColor rgb="FF0000"/></sheetPr><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><row r="9"><c r="A9"><v>9</v></c></row></worksheet>`,
			want:  map[string]string{"A1": "num:1"},
		},
		{
			name:  "lower-case references; unusable ones follow their predecessor",
			sheet: `<row r="1"><c r="b1"><v>1</v></c><c r="XFE1"><v>2</v></c><c r="1A"><v>3</v></c></row>`,
			want:  map[string]string{"B1": "num:1", "C1": "num:2", "D1": "num:3"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, readCells(t, tc.sheet, tc.sst, tc.date1904))
		})
	}
}

func TestScannerMalformed(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`<row r="1`,
		`<row r=1>`,
		`<row <c>`,
		`<!-- never closed`,
		`<![CDATA[ never closed`,
		`<` + strings.Repeat("n", 300) + `>`,
		`<c a="` + strings.Repeat("v", maxTag+10) + `">`,
		`<`,
		`</`,
	} {
		s := newScanner(strings.NewReader(in), 100)
		for s.next() != tokEOF {
		}
		assert.ErrorIs(t, s.err(), errMalformed, "%.40q", in)
	}
}

func TestScannerSmallReads(t *testing.T) {
	t.Parallel()
	// Tokens split across reads of one byte still scan alike.
	in := `<?xml version="1.0"?><a x="1" y='2'><b>t&amp;x</b><c/><![CDATA[<>]]><!-- c --></a>`
	var kinds []string
	s := newScanner(iotest.OneByteReader(strings.NewReader(in)), 100)
	for {
		k := s.next()
		if k == tokEOF {
			break
		}
		if k == tokStart && s.is("b") {
			txt, cut := s.elementText()
			kinds = append(kinds, "b="+txt)
			assert.Zero(t, cut)
			continue
		}
		kinds = append(kinds, map[tokKind]string{tokStart: "<", tokEnd: "</"}[k]+string(s.name))
	}
	require.NoError(t, s.err())
	assert.Equal(t, []string{"<a", "b=t&x", "<c", "</c", "</a"}, kinds)
}

func TestTextBound(t *testing.T) {
	t.Parallel()
	s := newScanner(strings.NewReader(`<v>`+strings.Repeat("x", 1000)+`</v><w>ok</w>`), 10)
	require.Equal(t, tokStart, s.next())
	txt, cut := s.elementText()
	assert.Equal(t, "xxxxxxxxxx", txt)
	assert.Equal(t, 990, cut, "the characters past the bound are counted")
	require.Equal(t, tokStart, s.next())
	txt, cut = s.elementText()
	assert.Equal(t, "ok", txt)
	assert.Zero(t, cut)
}

func TestColumnNames(t *testing.T) {
	t.Parallel()
	for col, name := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		assert.Equal(t, name, columnName(col))
		assert.Equal(t, col, refColumn([]byte(name+"12")))
	}
	assert.Equal(t, -1, refColumn([]byte("12")))
	assert.Equal(t, -1, refColumn([]byte("XFE1")))
}

// FuzzTextBound: text cut at the scanner's bound keeps a prefix of the
// decoded text, and the characters past the bound are counted exactly,
// however the text and the reads are split.
func FuzzTextBound(f *testing.F) {
	f.Add("团&amp;_xD83D__xDE80_a\r\nb\r_x000D_&#x1F680;&lt;", uint8(7), uint8(3))
	f.Add(strings.Repeat("_xD801__xDC05_", 5), uint8(15), uint8(1))
	f.Add("&amp&amp;&#12345678;_x12_x0041_\xff\xe4\xb8", uint8(2), uint8(5))
	f.Add("<![CDATA[a&b<c_x0041_]]>", uint8(4), uint8(2))
	f.Fuzz(func(t *testing.T, text string, bound, chunk uint8) {
		if strings.ContainsAny(text, "<>") && !strings.HasPrefix(text, "<![CDATA[") {
			return
		}
		if strings.HasPrefix(text, "<![CDATA[") && (strings.Count(text, "]]>") != 1 || !strings.HasSuffix(text, "]]>")) {
			return
		}
		want := decodeText([]byte(text))
		if strings.HasPrefix(text, "<![CDATA[") {
			inner := strings.TrimSuffix(strings.TrimPrefix(text, "<![CDATA["), "]]>")
			want = decodeText([]byte(strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(inner)))
		}
		in := "<v>" + text + "</v>"
		s := newScanner(iotest.HalfReader(&chunkReader{s: in, n: int(chunk)%9 + 1}), int(bound))
		require.Equal(t, tokStart, s.next())
		got, over := s.elementText()
		require.NoError(t, s.err())
		assert.True(t, strings.HasPrefix(want, got), "kept %q of %q", got, want)
		assert.Equal(t, utf8.RuneCountInString(want), utf8.RuneCountInString(got)+over, "%q", text)
		assert.LessOrEqual(t, len(got), 4*max(int(bound), 1), "the bound holds")
	})
}

// chunkReader returns its string n bytes at a time.
type chunkReader struct {
	s string
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}
