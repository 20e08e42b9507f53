package layout

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	closing = "，。、；：？！）」』》”’"
	opening = "（「『《“‘"
)

// cellWrap wraps text as a table cell of the given width in Chinese
// characters (plus the cell's padding) wraps it.
func cellWrap(t *testing.T, l *layouter, text string, chars float64) []string {
	t.Helper()
	g := &grid{cols: []gridCol{{w: chars*sizeCell + 2*padX}}, size: sizeCell}
	return l.cellLines(g, []string{text})[0]
}

func TestCellWrap(t *testing.T) {
	t.Parallel()
	m, err := loadMetrics(nil)
	require.NoError(t, err)
	require.InDelta(t, 1.0, m.em('中'), 0.001, "a Chinese character is one em")
	l := &layouter{m: m}
	tests := []struct {
		name  string
		text  string
		chars float64
		want  []string
	}{
		{"breaks between any two characters", "杭州星火科技企业孵化器", 4, []string{"杭州星火", "科技企业", "孵化器"}},
		{"comma does not start a line", "一二三四，五六", 4, []string{"一二三", "四，五六"}},
		{"full stop does not start a line, lines balanced", "团队共五人。", 5, []string{"团队共", "五人。"}},
		{"enumeration comma does not start a line", "甲乙丙丁、戊", 4, []string{"甲乙丙", "丁、戊"}},
		{"colon does not start a line", "营业执照：副本", 4, []string{"营业执", "照：副本"}},
		{"closing bracket does not start a line", "孵化器（众创）空间", 6, []string{"孵化器（众", "创）空间"}},
		{"closing quote does not start a line", "入选“雏鹰计划”名单", 6, []string{"入选“雏鹰计", "划”名单"}},
		{"opening bracket does not end a line", "一二三（四五）", 4, []string{"一二三", "（四五）"}},
		{"opening book title mark does not end a line", "甲乙丙《创业》", 4, []string{"甲乙丙", "《创业》"}},
		{"a date is kept whole", "入驻于2022-03-01", 8, []string{"入驻于", "2022-03-01"}},
		{"an amount is kept whole, no character alone", "金额1,234.56万元", 5, []string{"金额", "1,234.56", "万元"}},
		{"text that fits is one line", "否", 2, []string{"否"}},
		{"line feeds in a cell are kept", "第一行\n第二行", 6, []string{"第一行", "第二行"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, cellWrap(t, l, tt.text, tt.chars), "%q in %v characters", tt.text, tt.chars)
		})
	}
}

// TestCellWrapRules wraps every cell of the fixture at many widths and
// checks the rules of line breaking on every line.
func TestCellWrapRules(t *testing.T) {
	t.Parallel()
	m, err := loadMetrics(nil)
	require.NoError(t, err)
	l := &layouter{m: m}
	in := fixture(40, 25, 20)
	var texts []string
	for _, s := range in.Sections {
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case Table:
				for _, r := range b.Rows {
					texts = append(texts, r...)
				}
			case Paragraphs:
				texts = append(texts, strings.Split(b.Text, "\n")...)
			}
		}
	}
	for chars := 3.0; chars <= 12; chars++ {
		for _, text := range texts {
			lines := cellWrap(t, l, text, chars)
			require.Equal(t, squeeze(text), squeeze(strings.Join(lines, "")), "no text lost")
			for i, ln := range lines {
				first, _ := utf8.DecodeRuneInString(ln)
				last, _ := utf8.DecodeLastRuneInString(ln)
				if i > 0 {
					assert.NotContains(t, closing, string(first), "%q at %v: line %q starts with closing punctuation", text, chars, ln)
				}
				if i < len(lines)-1 {
					assert.NotContains(t, opening, string(last), "%q at %v: line %q ends with opening punctuation", text, chars, ln)
				}
			}
		}
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"营业执照", "营业执照"},
		{"甲\t乙", "甲 乙"},
		{"第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"},
		{"零\u200b宽\ufeff字符", "零宽字符"},
		{"响铃\a", "响铃 "},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, clean(tt.in), "clean(%q)", tt.in)
	}
}

func TestControlCharactersAreNotMissingGlyphs(t *testing.T) {
	t.Parallel()
	in := Input{Header: Header{Left: "申报书\t"}, Cover: []Block{Paragraphs{Text: "申报书\t"}}, Sections: []Section{{Title: "一", Blocks: []Block{
		Table{Columns: []Column{{Header: "甲"}}, Rows: [][]string{{"第一行\r\n第二行\t完"}}},
		Paragraphs{Text: "段落\u200b文字\x0b。"},
	}}}}
	var buf bytes.Buffer
	lay, err := Render(&buf, in)
	require.NoError(t, err)
	assert.Empty(t, lay.Missing)
}
