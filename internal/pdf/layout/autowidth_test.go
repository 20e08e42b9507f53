package layout

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testLayouter(t *testing.T) *layouter {
	t.Helper()
	m, err := loadMetrics(nil)
	require.NoError(t, err)
	return &layouter{m: m}
}

// Headers break at their break points, else between characters, and never
// leave one character alone on a line at the least width or wider.
func TestHeaderLines(t *testing.T) {
	t.Parallel()
	l := testLayouter(t)
	const z = "\u200B"
	tests := []struct {
		header string
		chars  float64
		want   []string
	}{
		{"是否迁出", 3, []string{"是否", "迁出"}},
		{"是否迁出", 4, []string{"是否迁出"}},
		{"是否" + z + "迁出", 3.5, []string{"是否", "迁出"}},
		{"入驻协议", 3, []string{"入驻", "协议"}},
		{"投融资" + z + "证明材料", 6, []string{"投融资", "证明材料"}},
		{"投融资证明材料", 6, []string{"投融资证", "明材料"}},
		{"是否由" + z + "创业" + z + "团队" + z + "转化为" + z + "企业", 3, []string{"是否由", "创业", "团队", "转化为", "企业"}},
		{"绿芽农业物联网团队", 8, []string{"绿芽农业物", "联网团队"}},
	}
	for _, tt := range tests {
		got := l.headerLines(tt.header, tt.chars*sizeCell, sizeCell)
		assert.Equal(t, tt.want, got, "%q in %v characters", tt.header, tt.chars)
	}
	for _, h := range []string{"是否迁出", "投融资证明材料", "投融资金额(万元)", "创业团队人员数量", "是否由创业团队转化为企业",
		"转化为企业注册时间", "企业人员数量", "营业执照", "是否获得" + z + "投融资", "创业、投融资、" + z + "企业管理等经验" + z + "或创业服务相关培训情况"} {
		least := l.headerWidth(h, sizeCell, maxHeaderLines)
		for w := least; w < l.m.textWidth(h, sizeCell)+sizeCell; w += sizeCell / 4 {
			ls := l.headerLines(h, w, sizeCell)
			assert.False(t, loneLine(ls), "%q at %.1f: %q", h, w, ls)
			assert.LessOrEqual(t, len(ls), maxHeaderLines, "%q at %.1f: %q", h, w, ls)
		}
	}
}

// A wide table by content: dates, codes and 附件 N stay on one line,
// names of up to 16 characters take at most two, and the name column is
// the widest of the short-text ones.
func TestAutoColumns(t *testing.T) {
	t.Parallel()
	l := testLayouter(t)
	in := fixture(2, 30, 2)
	var ent Table
	for _, sec := range in.Sections {
		for _, b := range sec.Blocks {
			if tb, ok := b.(Table); ok && len(tb.Columns) > 14 {
				ent = tb
			}
		}
	}
	require.NotEmpty(t, ent.Columns, "the fixture's enterprise table")
	header := make([]string, len(ent.Columns))
	rel := make([]float64, len(ent.Columns))
	for i, c := range ent.Columns {
		header[i], rel[i] = c.Header, 1
	}
	g := &grid{header: header, rows: ent.Rows, size: sizeCell}
	g.cols = l.autoCols(landscape.left, landscape.width(), sizeCell, header, nil, ent.Rows, rel)
	total := 0.0
	for _, c := range g.cols {
		total += c.w
	}
	assert.InDelta(t, landscape.width(), total, 0.01, "the columns fill the text block")
	short := regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}|[0-9A-Z]{18}|附件 \d+|[0-9.]+)$`)
	for _, row := range ent.Rows {
		lines := l.cellLines(g, row)
		for i, s := range row {
			switch {
			case short.MatchString(s):
				assert.Len(t, lines[i], 1, "%q (%s) on one line", s, header[i])
			case s != "" && utf8.RuneCountInString(s) <= 16:
				assert.LessOrEqual(t, len(lines[i]), 2, "%q (%s) in at most two lines: %q", s, header[i], lines[i])
			}
		}
	}
}

// Titles and headers are filled and stroked (rendering mode 2) and the
// mode is back to fill before the other text and at the end of every page;
// the contents are compressed, the file is sound and the text extracts
// once.
func TestBoldTitlesAndHeaders(t *testing.T) {
	t.Parallel()
	in := Input{Sections: []Section{{Title: "一、基础信息", Blocks: []Block{
		Table{Title: "宣传报道", Columns: []Column{{Header: "序号"}, {Header: "报道标题"}}, Rows: [][]string{{"1", "创客空间里的硬科技"}}},
		Paragraphs{Text: strings.Repeat("正文，", 60)},
	}}}}
	var buf bytes.Buffer
	_, err := Render(&buf, in)
	require.NoError(t, err)
	pdf := buf.Bytes()
	assert.NotContains(t, string(pdf), "-0.777 Tc", "no mark left")
	assert.NotContains(t, string(pdf), "-0.776 Tc", "no mark left")

	// the page's content, inflated
	m := regexp.MustCompile(`(?s)<<\n/Filter/FlateDecode\n/Length (\d+)\n>>\nstream\n`).FindAllSubmatchIndex(pdf, -1)
	require.NotEmpty(t, m, "compressed contents")
	var content string
	for _, ix := range m {
		n := atoiBytes(pdf[ix[2]:ix[3]])
		r, err := zlib.NewReader(bytes.NewReader(pdf[ix[1] : ix[1]+n]))
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		content += string(b)
	}
	bold := strings.Count(content, " 2 Tr")
	assert.GreaterOrEqual(t, bold, 4, "heading, title and two headers")
	assert.GreaterOrEqual(t, strings.Count(content, " 0 Tr"), 1)
	assert.True(t, strings.LastIndex(content, " 0 Tr") > strings.LastIndex(content, " 2 Tr"), "the page ends in the fill mode")

	path := filepath.Join(t.TempDir(), "bold.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	run(t, "qpdf", "--check", path)
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	assert.Equal(t, 1, strings.Count(text, "报道标题"), "a bold header extracts once")
	assert.Equal(t, 1, strings.Count(text, "宣传报道"))
}

func atoiBytes(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// A file of another shape than gopdf's is left as it is.
func TestDeflateOtherShapes(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "%PDF-1.4\n", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "%PDF-1.4\n2 0 obj\n<<>>\nendobj\nxref\n"} {
		assert.Equal(t, in, string(deflate([]byte(in))))
	}
}
