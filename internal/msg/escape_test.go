package msg

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestEscape(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                           "",
		"极客咖啡团队":                     "极客咖啡团队",
		"a\tb":                       "a\tb",
		"\x1b[2J清屏":                  `\x1b[2J清屏`,
		"响铃\x07":                     `响铃\x07`,
		"两行\n第二行\r\n":                `两行\n第二行\r\n`,
		"del\x7f nul\x00":            `del\x7f nul\x00`,
		"c1\u0085\u009b31m":          `c1\u0085\u009b31m`,
		"申报书\u202efdp.exe":           `申报书\u202efdp.exe`,
		"\u2066x\u2069 \u200e\u061c": `\u2066x\u2069 \u200e\u061c`,
		"\u2028\u2029":               `\u2028\u2029`,
		`已转义 \x1b`:                   `已转义 \x1b`,
		"é ü ﬁ \u00a0 \u3000 🚀":      "é ü ﬁ \u00a0 \u3000 🚀",
	} {
		got := Escape(in)
		assert.Equal(t, want, got, "%q", in)
		assert.Equal(t, got, Escape(got), "escaping twice changes nothing: %q", in)
		for _, r := range got {
			assert.False(t, escaped(r), "%q left %U", in, r)
		}
	}
}

func TestClip(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("团", 40000)
	got := Clip(long, ValueRunes)
	assert.Equal(t, ValueRunes+1, utf8.RuneCountInString(got))
	assert.True(t, strings.HasSuffix(got, "团…"), got)
	assert.Equal(t, "短", Clip("短", ValueRunes))
	assert.Equal(t, strings.Repeat("a", 60), Clip(strings.Repeat("a", 60), 60), "at the limit: whole")

	p := strings.Repeat("目录/", 20000) + "承诺书.pdf"
	got = ClipMiddle(p, PathRunes)
	assert.Equal(t, PathRunes, utf8.RuneCountInString(got))
	assert.True(t, strings.HasPrefix(got, "目录/目录/"), got)
	assert.True(t, strings.HasSuffix(got, "/承诺书.pdf"), got)
	assert.Contains(t, got, "…")
	assert.Equal(t, "a/b.pdf", ClipMiddle("a/b.pdf", PathRunes))
}

// Every placeholder of the catalogue says what it carries: a value from
// the package (shortened to ValueRunes), a path or name (PathRunes), or
// text mkspace composed (never shortened).
func TestPlaceholdersClassified(t *testing.T) {
	t.Parallel()
	for _, k := range Keys() {
		for p := range placeholders(catalogue[k].ZH + catalogue[k].EN) {
			n := 0
			for _, set := range []map[string]bool{valueHolders, pathHolders, composedHolders} {
				if set[p] {
					n++
				}
			}
			assert.Equal(t, 1, n, "%s: placeholder {%s} must be in exactly one of valueHolders, pathHolders, composedHolders", k, p)
		}
	}
}

// T escapes and shortens what it embeds: a 40,000-character cell quoted in
// a message takes about 60 characters, and an escape sequence in it cannot
// reach the terminal.
func TestRenderEmbedsSafely(t *testing.T) {
	t.Parallel()
	cellText := "\x1b[2J" + strings.Repeat("很长的团队名称", 40000/7)
	m := ZH.T("CELL-ENUM", "loc", "创业团队!B2", "column", "团队名称", "value", cellText, "options", "是、否")
	assert.NotContains(t, m, "\x1b")
	assert.Contains(t, m, `"\x1b[2J很长的团队名称`)
	assert.Less(t, utf8.RuneCountInString(m), 200, m)

	m = EN.T("verify.check-failed", "name", strings.Repeat("x", 40000)+".zip", "err", "bad\x07")
	assert.Less(t, utf8.RuneCountInString(m), PathRunes+100, m)
	assert.Contains(t, m, `.zip`)
	assert.Contains(t, m, `bad\x07`)

	opts := strings.Repeat("创业沙龙、", 30)
	m = ZH.T("CELL-ENUM", "loc", "L", "column", "C", "value", "v", "options", opts)
	assert.Contains(t, m, opts, "composed text is never shortened")
}
