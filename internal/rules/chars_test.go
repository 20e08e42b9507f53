package rules

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

func TestControlChars(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "ESC in a team name", tables: teams(with(teamIn, "name", "\x1b[2J团队甲")),
			want: []string{"CELL-CONTROL-CHAR@创业团队!A2"}},
		{name: "BEL in a form field", tables: []memTable{table("basic", with(basicOK, "name", "星火\x07众创空间"))},
			want: []string{"CELL-CONTROL-CHAR@基础信息!B2"}},
		{name: "C1 in narrative text", tables: []memTable{table("narrative", with(narrOK, "brand", "品牌\u0085建设"))},
			want: []string{"CELL-CONTROL-CHAR@文字材料!B4"}},
		{name: "DEL", tables: []memTable{table("media", with(mediaOK, "outlet", "人民\x7f日报"))},
			want: []string{"CELL-CONTROL-CHAR@宣传报道!B2"}},
		{name: "in an option: one finding, not CELL-ENUM too", tables: []memTable{table("venues", with(venueOK, "tenure", "租赁\x07"))},
			want: []string{"CELL-CONTROL-CHAR@服务场地!H2"}},
		{name: "in a yes/no: unknown, no state rules follow", tables: teams(with(teamIn, "converted", "否\x1b", "members", "")),
			want: []string{"CELL-CONTROL-CHAR@创业团队!D2"}},
		{name: "in a date", tables: []memTable{table("media", with(mediaOK, "date", "2021-05-01\x00"))},
			want: []string{"CELL-CONTROL-CHAR@宣传报道!C2"}},
		{name: "tab, line breaks and CR LF are text", tables: []memTable{
			table("narrative", with(narrOK, "brand", "第一段\r\n第二段\n\t第三段\r第四段")),
			table("media", with(mediaOK, "title", "标题\t副标题"))}},
		{name: "trimmed away: nothing left", tables: teams(with(teamIn, "name", "团队甲\u0085"))},
	})
}

func TestControlCharMessage(t *testing.T) {
	t.Parallel()
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		cfg := config.Default()
		cfg.Lang = l
		fs := check(t, cfg, pkgDir(t), teams(with(teamIn, "name", "\x1b[2J团队\x07甲\x1b"))...)
		require.Len(t, fs, 1, dump(fs))
		f := fs[0]
		assert.Equal(t, finding.Error, f.Severity)
		assert.Equal(t, "\x1b[2J团队\x07甲\x1b", f.Value, "the finding's value is the cell's text")
		assert.NotContains(t, f.Message, "\x1b")
		assert.NotContains(t, f.Message, "\x07")
		assert.Contains(t, f.Message, `\x1b`+l.Pick("、", ", ")+`\x07`, "names each character once")
		assert.Contains(t, f.Message, l.Pick("请删除", "delete"))
		assert.Contains(t, f.Message, "CLEAN")
	}
}

func TestGlyphMissing(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "Extension B in a team name", tables: teams(with(teamIn, "name", "𠀀𪚥生僻字团队")),
			want: []string{"CELL-GLYPH-MISSING@创业团队!A2"}},
		{name: "emoji in a form field", tables: []memTable{table("basic", with(basicOK, "name", "极客🚀咖啡"))},
			want: []string{"CELL-GLYPH-MISSING@基础信息!B2"}},
		{name: "in narrative text", tables: []memTable{table("narrative", with(narrOK, "plan", "吉𠮷"))},
			want: []string{"CELL-GLYPH-MISSING@文字材料!B5"}},
		{name: "in an attachment path", tables: []memTable{table("media", with(mediaOK, "proof", "附件/𠀀.pdf"))},
			want: []string{"ATTACHMENT-MISSING@宣传报道!E2", "CELL-GLYPH-MISSING@宣传报道!E2"}},
		{name: "common Chinese, full-width punctuation, Latin", tables: teams(with(teamIn, "name", "星火（北京）Team-1，第二期"))},
		{name: "not printed: zero-width space", tables: teams(with(teamIn, "name", "团队\u200b甲"))},
		{name: "a cell that does not read: its own finding only", tables: []memTable{table("staff", with(staffOK, "age", "𠀀"))},
			want: []string{"CELL-TYPE@专业服务人员!B2"}},
	})
}

func TestGlyphMissingMessage(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), teams(with(teamIn, "name", "𠀀𪚥生僻字团队"))...)
	require.Len(t, fs, 1, dump(fs))
	f := fs[0]
	assert.Equal(t, finding.Warning, f.Severity)
	for _, want := range []string{`"𠀀"（U+20000）`, `"𪚥"（U+2A6A5）`, "文泉驿微米黑", "pdf.font", "HanaMinB.ttf", "simsunb.ttf"} {
		assert.Contains(t, f.Message, want)
	}

	fs = check(t, nil, pkgDir(t), teams(with(teamIn, "name", "极客🚀咖啡团队"))...)
	require.Len(t, fs, 1, dump(fs))
	assert.Contains(t, fs[0].Message, `"🚀"（U+1F680）`)
	assert.Contains(t, fs[0].Message, "表情符号")
	assert.Contains(t, fs[0].Message, "请删除")

	fs = check(t, nil, pkgDir(t), teams(with(teamIn, "name", "𠀀极客🚀"))...)
	require.Len(t, fs, 2, "one finding per advice: %s", dump(fs))
	assert.Contains(t, fs[0].Message+fs[1].Message, "HanaMinB.ttf")
	assert.Contains(t, fs[0].Message+fs[1].Message, "表情符号")
	for _, f := range fs {
		assert.False(t, strings.Contains(f.Message, "𠀀") && strings.Contains(f.Message, "🚀"), "each character under its own advice: %s", f.Message)
	}

	many := "𠀀𠀁𠀂𠀃𠀄𠀅𠀆"
	fs = check(t, nil, pkgDir(t), teams(with(teamIn, "name", many))...)
	require.Len(t, fs, 1, dump(fs))
	assert.Contains(t, fs[0].Message, "等 7 个字符")
	assert.NotContains(t, fs[0].Message, "𠀅", "five characters named at most")
}

// A configured font that has the characters silences the warning; one
// that cannot be read leaves the check to build-pdf (which says why).
func TestGlyphMissingConfiguredFont(t *testing.T) {
	t.Parallel()
	const hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
	tables := teams(with(teamIn, "name", "𠀀𪚥生僻字团队"))
	if _, err := os.Stat(hanaB); err == nil {
		cfg := config.Default()
		cfg.Fonts = []string{"builtin", hanaB}
		fs := check(t, cfg, pkgDir(t), tables...)
		assert.Empty(t, fs, dump(fs))
	} else if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing: .ci/run installs fonts-hanazono", hanaB)
	}
	cfg := config.Default()
	cfg.Fonts = []string{"no-such-font.ttf"}
	fs := check(t, cfg, pkgDir(t), tables...)
	assert.Empty(t, fs, dump(fs))
}

// A value quoted in a message is shortened; the finding's value is whole.
func TestLongValueInMessage(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("团", 40000)
	fs := check(t, nil, pkgDir(t),
		table("venues", with(venueOK, "tenure", long)),
		table("enterprises", with(entFromB, "team", long)),
		table("media", with(mediaOK, "proof", "附件/"+long+".doc"), with(mediaOK, "proof", "../"+long+".pdf")),
	)
	require.NotEmpty(t, fs)
	for _, f := range fs {
		assert.Less(t, utf8.RuneCountInString(f.Message), 2*msg.ValueRunes+msg.PathRunes+200, "%s: %d characters", f.Rule, utf8.RuneCountInString(f.Message))
	}
	assert.Contains(t, brief(fs), "CELL-ENUM@服务场地!H2")
	assert.Contains(t, brief(fs), "ATTACHMENT-OUTSIDE@宣传报道!E3", "its message names the file twice")
	for _, f := range fs {
		if f.Rule == finding.CellEnum {
			assert.Equal(t, 40000, utf8.RuneCountInString(f.Value))
			assert.Contains(t, f.Message, strings.Repeat("团", msg.ValueRunes)+"…\"")
		}
	}
}
