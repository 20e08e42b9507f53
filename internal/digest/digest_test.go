package digest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

type sheet struct {
	name string
	rows [][]string
}

type file struct{ path, content string }

func sum(t *testing.T, sheets []sheet, files []file) Digest {
	t.Helper()
	b := New()
	for _, s := range sheets {
		b.Sheet(s.name)
		for _, r := range s.rows {
			b.Row(r)
		}
	}
	for _, f := range files {
		require.NoError(t, b.Attachment(f.path, strings.NewReader(f.content)))
	}
	return b.Sum()
}

var base = []sheet{
	{"基础信息", [][]string{{"众创空间名称", "星火空间"}, {"运营主体", "星火科技有限公司"}}},
	{"创业团队", [][]string{{"1", "团队甲", "2021-03-01"}, {"2", "团队乙", "2021-05-10"}}},
}
var baseFiles = []file{{"附件/营业执照.pdf", "%PDF-1.4 a"}, {"附件/聘书.pdf", "%PDF-1.4 b"}}

// The overall digest of a fixed input: pins the encoding, since digests
// recorded in PDFs already handed in must keep matching.
func TestPinnedDigest(t *testing.T) {
	t.Parallel()
	d := sum(t, base, baseFiles)
	assert.Equal(t, "8c142eea2a798bfe0ea38323b95977a791e582c684023f7ead8474b18bb53969", d.SHA256)
	assert.Equal(t, Version, d.V)
	assert.Len(t, d.Sheets, 2)
	assert.Len(t, d.Files, 2)
}

func TestSameDigest(t *testing.T) {
	t.Parallel()
	want := sum(t, base, baseFiles)
	cases := []struct {
		name   string
		sheets []sheet
		files  []file
	}{
		{"same input", base, baseFiles},
		{"sheets in another order", []sheet{base[1], base[0]}, baseFiles},
		{"files in another order", base, []file{baseFiles[1], baseFiles[0]}},
		{"trailing empty cells", []sheet{base[0], {"创业团队", [][]string{{"1", "团队甲", "2021-03-01", "", ""}, {"2", "团队乙", "2021-05-10", ""}}}}, baseFiles},
		{"blank rows", []sheet{base[0], {"创业团队", [][]string{{}, {"1", "团队甲", "2021-03-01"}, {"", ""}, {"2", "团队乙", "2021-05-10"}}}}, baseFiles},
		{"sheet split over two calls", []sheet{base[0], {"创业团队", base[1].rows[:1]}, {"创业团队", base[1].rows[1:]}}, baseFiles},
		{"backslash and dot path", base, []file{{`.\附件\营业执照.pdf`, "%PDF-1.4 a"}, {"附件/x/../聘书.pdf", "%PDF-1.4 b"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := sum(t, tc.sheets, tc.files)
			assert.True(t, want.Equal(got), "got %s\nwant %s", got, want)
			assert.Empty(t, Diff(want, got))
		})
	}
}

func TestUnicodeNormalisation(t *testing.T) {
	t.Parallel()
	composed := sum(t, []sheet{{"s", [][]string{{"caf\u00e9"}}}}, []file{{"r\u00e9sum\u00e9.pdf", "x"}})
	decomposed := sum(t, []sheet{{"s", [][]string{{"cafe\u0301"}}}}, []file{{"re\u0301sume\u0301.pdf", "x"}})
	assert.Equal(t, composed, decomposed)
}

func TestDifferentDigest(t *testing.T) {
	t.Parallel()
	want := sum(t, base, baseFiles)
	teams := func(rows ...[]string) []sheet { return []sheet{base[0], {"创业团队", rows}} }
	cases := []struct {
		name    string
		sheets  []sheet
		files   []file
		changes []Change
	}{
		{"cell changed", teams([]string{"1", "团队甲", "2021-03-02"}, []string{"2", "团队乙", "2021-05-10"}), baseFiles,
			[]Change{{KindSheet, "创业团队", Changed}}},
		{"rows swapped", teams([]string{"2", "团队乙", "2021-05-10"}, []string{"1", "团队甲", "2021-03-01"}), baseFiles,
			[]Change{{KindSheet, "创业团队", Changed}}},
		{"cell boundary moved", teams([]string{"1", "团队", "甲2021-03-01"}, []string{"2", "团队乙", "2021-05-10"}), baseFiles,
			[]Change{{KindSheet, "创业团队", Changed}}},
		{"cells merged into one row", teams([]string{"1", "团队甲", "2021-03-01", "2", "团队乙", "2021-05-10"}), baseFiles,
			[]Change{{KindSheet, "创业团队", Changed}}},
		{"inner empty cell", teams([]string{"1", "", "团队甲", "2021-03-01"}, []string{"2", "团队乙", "2021-05-10"}), baseFiles,
			[]Change{{KindSheet, "创业团队", Changed}}},
		{"sheet removed", base[:1], baseFiles,
			[]Change{{KindSheet, "创业团队", Removed}}},
		{"empty sheet added", append(append([]sheet{}, base...), sheet{name: "获得荣誉"}), baseFiles,
			[]Change{{KindSheet, "获得荣誉", Added}}},
		{"attachment changed", base, []file{{"附件/营业执照.pdf", "%PDF-1.4 A"}, baseFiles[1]},
			[]Change{{KindFile, "附件/营业执照.pdf", Changed}}},
		{"attachment removed", base, baseFiles[:1],
			[]Change{{KindFile, "附件/聘书.pdf", Removed}}},
		{"attachment renamed", base, []file{baseFiles[0], {"附件/聘书2.pdf", "%PDF-1.4 b"}},
			[]Change{{KindFile, "附件/聘书.pdf", Removed}, {KindFile, "附件/聘书2.pdf", Added}}},
		{"sheet and attachment", teams([]string{"1", "团队甲", "2021-03-01"}), []file{baseFiles[0], baseFiles[1], {"附件/新.pdf", "n"}},
			[]Change{{KindSheet, "创业团队", Changed}, {KindFile, "附件/新.pdf", Added}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := sum(t, tc.sheets, tc.files)
			assert.False(t, want.Equal(got))
			assert.NotEqual(t, want.SHA256, got.SHA256)
			assert.Equal(t, tc.changes, Diff(want, got))
		})
	}
}

// Row boundaries are part of the encoding: ("ab","c") differs from
// ("a","bc"), and one row of two cells from two rows of one.
func TestLengthPrefixed(t *testing.T) {
	t.Parallel()
	one := func(rows ...[]string) string { return sum(t, []sheet{{"s", rows}}, nil).SHA256 }
	assert.NotEqual(t, one([]string{"ab", "c"}), one([]string{"a", "bc"}))
	assert.NotEqual(t, one([]string{"a", "b"}), one([]string{"a"}, []string{"b"}))
	assert.NotEqual(t, one([]string{"a\x00b"}), one([]string{"a", "b"}))
	// A sheet's name is not confused with its data or with a file's.
	assert.NotEqual(t, sum(t, []sheet{{"a", nil}}, nil).SHA256, sum(t, nil, []file{{"a", ""}}).SHA256)
	assert.NotEqual(t, sum(t, []sheet{{"ab", nil}}, nil).SHA256, sum(t, []sheet{{"a", [][]string{{"b"}}}}, nil).SHA256)
}

func TestEmpty(t *testing.T) {
	t.Parallel()
	d := New().Sum()
	assert.Len(t, d.SHA256, 64)
	assert.Empty(t, d.Sheets)
	assert.Equal(t, `{"v":1,"sha256":"`+d.SHA256+`"}`, d.String())
}

func TestRowBeforeSheet(t *testing.T) {
	t.Parallel()
	b := New()
	b.Row([]string{"x"})
	d := b.Sum()
	assert.Contains(t, d.Sheets, "")
}

func TestAttachmentReadError(t *testing.T) {
	t.Parallel()
	b := New()
	err := b.Attachment("附件/a.pdf", iotest.ErrReader(errors.New("disk gone")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "附件/a.pdf")
	assert.Empty(t, b.Sum().Files)
}

func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	d := sum(t, base, baseFiles)
	s := d.String()
	assert.Contains(t, s, `"创业团队":"`, "Chinese kept as is")
	assert.NotContains(t, s, "\n")
	assert.Less(t, len(s), 300)
	back, err := Parse(s)
	require.NoError(t, err)
	assert.Equal(t, d, back)
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	d := sum(t, base, baseFiles)
	for name, s := range map[string]string{
		"not json":      "版本号",
		"no version":    `{"sha256":"` + d.SHA256 + `"}`,
		"short sum":     `{"v":1,"sha256":"abc"}`,
		"upper hex":     `{"v":1,"sha256":"` + strings.ToUpper(d.SHA256) + `"}`,
		"bad part":      `{"v":1,"sha256":"` + d.SHA256 + `","files":{"a.pdf":"xyz"}}`,
		"unknown field": `{"v":1,"sha256":"` + d.SHA256 + `","extra":1}`,
	} {
		_, err := Parse(s)
		assert.ErrorIs(t, err, ErrMalformed, name)
	}
}

func TestDiffOtherVersion(t *testing.T) {
	t.Parallel()
	d := sum(t, base, baseFiles)
	future := d
	future.V = 2
	future.SHA256 = strings.Repeat("0", 64)
	assert.Equal(t, []Change{{Kind: KindPackage, Op: Changed}}, Diff(d, future))
	// Same parts, different overall sum: a damaged digest.
	damaged := d
	damaged.SHA256 = strings.Repeat("1", 64)
	assert.Equal(t, []Change{{Kind: KindPackage, Op: Changed}}, Diff(d, damaged))
}

func FuzzParse(f *testing.F) {
	f.Add(New().Sum().String())
	f.Add(`{"v":1,"sha256":"` + strings.Repeat("a", 64) + `","sheets":{"s":"` + strings.Repeat("b", 16) + `"}}`)
	f.Add(`{"v":2}`)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, d.String(), err)
		}
		if !back.Equal(d) {
			t.Fatalf("round trip changed %v into %v", d, back)
		}
	})
}

// Saving a workbook again in LibreOffice changes its bytes but not the
// digest of its cells' values.
func TestResavedWorkbookKeepsDigest(t *testing.T) {
	t.Parallel()
	lotest.Require(t)
	dir := t.TempDir()
	orig := filepath.Join(dir, "in", "book.xlsx")
	require.NoError(t, os.MkdirAll(filepath.Dir(orig), 0o755))
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "创业团队"))
	rows := [][]any{{"序号", "团队名称", "入驻时间", "人数"}, {1, "团队甲", 44256, 5}, {2, "团队乙", 44326, 12.5}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("创业团队", cell, &r))
	}
	require.NoError(t, f.SaveAs(orig))
	require.NoError(t, f.Close())

	resaved := lotest.Convert(t, "xlsx", filepath.Join(dir, "out"), orig)[0]
	a, _ := os.ReadFile(orig)
	b, _ := os.ReadFile(resaved)
	require.False(t, bytes.Equal(a, b), "LibreOffice wrote the same bytes")

	assert.Equal(t, workbookDigest(t, orig), workbookDigest(t, resaved))
}

// workbookDigest feeds the raw cell values of every sheet.
func workbookDigest(t *testing.T, path string) Digest {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	b := New()
	for _, name := range f.GetSheetList() {
		b.Sheet(name)
		rows, err := f.Rows(name)
		require.NoError(t, err)
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			b.Row(cells)
		}
		require.NoError(t, rows.Close())
	}
	require.NoError(t, b.Attachment("附件/a.pdf", io.LimitReader(strings.NewReader("%PDF-1.4"), 8)))
	return b.Sum()
}

func TestMain(m *testing.M) { os.Exit(lotest.Main(m)) }
