package layout

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// unitWidth is a measure for tests: a Chinese character is 1 wide, an
// ASCII character (letters, digits, spaces) 0.5.
func unitWidth(r rune) float64 {
	if r < 128 {
		return 0.5
	}
	return 1
}

func TestWrap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		text        string
		first, rest float64
		want        []string
	}{
		{"breaks between any two characters", "一二三四五六", 4, 4, []string{"一二三四", "五六"}},
		{"fits exactly", "一二三四", 4, 4, []string{"一二三四"}},
		{"empty text is one empty line", "", 4, 4, []string{""}},
		{"comma does not start a line", "一二三四，五六", 4, 4, []string{"一二三", "四，五六"}},
		{"full stop does not start a line", "一二三四。", 4, 4, []string{"一二三", "四。"}},
		{"closing punctuation that fits stays", "一二三四。", 5, 5, []string{"一二三四。"}},
		{"run of closing punctuation", "一二三四。」五", 4, 4, []string{"一二三", "四。」五"}},
		{"enumeration comma", "一二三四、五", 4, 4, []string{"一二三", "四、五"}},
		{"closing bracket", "一二三四）五", 4, 4, []string{"一二三", "四）五"}},
		{"closing book title mark", "一二三《四》", 4, 4, []string{"一二三", "《四》"}},
		{"opening bracket does not end a line", "一二三（四五）", 4, 4, []string{"一二三", "（四五）"}},
		{"opening quote does not end a line", "一二三“四”", 4, 4, []string{"一二三", "“四”"}},
		{"ellipsis is not split nor starts a line", "一二三……四", 4, 4, []string{"一二", "三……四"}},
		{"dash is not split", "一二三——四五", 4, 4, []string{"一二三", "——四五"}},
		{"Latin word kept whole", "填写Excel表格", 4, 4, []string{"填写", "Excel表", "格"}},
		{"number kept whole", "面积123.45平方米", 4, 4, []string{"面积", "123.45平", "方米"}},
		{"word wider than a line is broken", "见https://a.cn/xyz", 4, 4, []string{"见", "https://", "a.cn/xyz"}},
		{"spaces vanish at a break", "ab cd ef", 2.5, 2.5, []string{"ab cd", "ef"}},
		{"leading spaces of a paragraph are dropped", "  一二", 4, 4, []string{"一二"}},
		{"line feeds end lines", "一二\n\n三", 4, 4, []string{"一二", "", "三"}},
		{"CRLF line feeds", "一二\r\n三", 4, 4, []string{"一二", "三"}},
		{"first line indented", "一二三四五六", 2, 4, []string{"一二", "三四五六"}},
		{"indent only on the first line of the text", "一二三\n四五六", 2, 4, []string{"一二", "三", "四五六"}},
		{"punctuation after a Latin word", "用Excel，二", 4, 4, []string{"用", "Excel，", "二"}},
		{"middle dot of a foreign name", "一二三·四", 3, 3, []string{"一二", "三·四"}},
		{"a line narrower than one character", "一二", 0.5, 0.5, []string{"一", "二"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.first, tt.rest, unitWidth)
			assert.Equal(t, tt.want, got, "Wrap(%q, %v, %v)", tt.text, tt.first, tt.rest)
		})
	}
}

// checkWrap asserts the invariants of Wrap on one paragraph without spaces:
// no text lost or added, no line starting with closing punctuation or
// ending with opening punctuation, no line over the width unless it is one
// piece that cannot be broken.
func checkWrap(t *testing.T, text string, width float64) {
	t.Helper()
	lines := Wrap(text, width, width, unitWidth)
	assert.Equal(t, text, strings.Join(lines, ""), "lines %q lose or add text", lines)
	for i, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(lines[i-1])
			assert.True(t, canBreak(prev, first) || overfull(lines[i-1], width),
				"line %d of %q starts with %q after %q", i, lines, first, prev)
		}
		if i < len(lines)-1 {
			assert.False(t, in(noEnd, last) && !overfull(l, width) && len([]rune(l)) > 1,
				"line %d of %q ends with %q", i, lines, last)
		}
	}
}

// overfull reports whether line fills the width (a forced break).
func overfull(line string, width float64) bool {
	w := 0.0
	for _, r := range line {
		w += unitWidth(r)
	}
	return w+1 > width
}

func TestWrapInvariants(t *testing.T) {
	t.Parallel()
	text := "本单位自愿申报国家备案众创空间，已认真阅读《申报通知》和“填报说明”的各项要求……" +
		"一、所填报的信息（含附件）真实、准确、完整——不存在虚假记载。二、面积为1,234.56平方米；" +
		"工位30个！“好。”（完）"
	for w := 1.0; w <= 12; w++ {
		checkWrap(t, text, w)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("一二三四，五六（七八）……九——十。", 4.0)
	f.Add("填写Excel表格“好的。”", 3.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || strings.ContainsFunc(text, unicode.IsSpace) {
			t.Skip() // spaces vanish at breaks: the join check needs text without them
		}
		if width < 1 || width > 100 {
			t.Skip()
		}
		checkWrap(t, text, width)
	})
}

func BenchmarkWrap(b *testing.B) {
	text := strings.Repeat("本单位自愿申报国家备案众创空间，已认真阅读申报通知和填报说明的各项要求（见附件）。", 100)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Wrap(text, 28, 30, unitWidth)
	}
	b.ReportMetric(float64(utf8.RuneCountInString(text)), "runes/op")
}
