package report

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// hostileInput is a run over two packages whose names, files, sheets and
// cells carry ESC, BEL, C1 and bidi controls, and a 40,000-character value.
func hostileInput() Input {
	long := "\x1b[2J" + strings.Repeat("团", 40000)
	fs := []finding.Finding{
		{Rule: finding.CellControlChar, Severity: finding.Error, File: "申报\x07数据.xlsx", Sheet: "创业团队\x1b[31m",
			Row: 2, Column: "团队名称\u009b", Cell: "A2", Value: long,
			Message: msg.ZH.T("CELL-CONTROL-CHAR", "loc", "创业团队\x1b[31m!A2", "column", "团队名称", "value", long, "chars", "\x1b")},
		// A message made elsewhere, raw: the report still escapes it.
		{Rule: finding.CellType, Severity: finding.Error, File: "申报\x07数据.xlsx", Sheet: "创业团队\x1b[31m",
			Row: 3, Column: "入驻时间", Cell: "B3", Value: "\u0085",
			Message: "raw \x1b]0;pwned\x07 \u202etxt.exe\nsecond line\r overwrite"},
		{Rule: finding.FileUnreadable, Severity: finding.Error, File: "坏\x1b[2K.xlsx", Message: "无法读取 \x1b[1A"},
	}
	return Input{
		Lang: msg.ZH, Window: window, ToolVersion: "1.2.3",
		Packages: []Package{
			{Name: "空间\x1b]0;title\x07", Dir: "a", Files: []string{"申报\x07数据.xlsx"}, Findings: fs},
			{Name: "空间B\u0085", Dir: "b", Files: []string{"x.xlsx"}},
		},
	}
}

// terminalSafe fails on any character that acts on a terminal: C0 but tab
// and line feed, DEL, C1, bidi controls.
func terminalSafe(t *testing.T, format, out string) {
	t.Helper()
	for i, r := range out {
		bad := r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F ||
			r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
		if bad {
			t.Errorf("%s: %U at byte %d: %q", format, r, i, out[max(0, i-30):min(len(out), i+30)])
			return
		}
	}
}

func TestReportsEscapeControlCharacters(t *testing.T) {
	t.Parallel()
	in := hostileInput()
	for _, format := range []string{Text, GitHub} {
		out := render(t, format, in)
		terminalSafe(t, format, out)
		assert.Contains(t, out, `创业团队\x1b[31m`, format)
		assert.Contains(t, out, `\x1b]0;pwned\x07 \u202etxt.exe`, format)
		assert.Contains(t, out, `空间\x1b]0;title\x07`, format)
		assert.Contains(t, out, `空间B\u0085`, format)
		assert.Contains(t, out, `坏\x1b[2K.xlsx`, format)
		assert.Less(t, utf8.RuneCountInString(out), 4000, "%s: the 40,000-character value is not printed whole", format)
		assert.Equal(t, 1, strings.Count(out, `创业团队\x1b[31m!A2`), "%s: the location once, though the message shows it escaped: %s", format, out)
	}

	// JSON and SARIF keep the raw text in JSON escaping, the value bounded.
	for _, format := range []string{JSON, SARIF} {
		out := render(t, format, in)
		terminalSafe(t, format, out)
		require.True(t, json.Valid([]byte(out)), format)
		assert.Contains(t, out, `\u001b[2J`, format)
		assert.Less(t, utf8.RuneCountInString(out), 30000, "%s: the 40,000-character value is not kept whole (the rest is the rules' descriptions)", format)
	}
	var doc struct {
		Packages []struct {
			Findings []finding.Finding `json:"findings"`
		} `json:"packages"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &doc))
	var f finding.Finding
	for _, x := range doc.Packages[0].Findings {
		if x.Rule == finding.CellControlChar {
			f = x
		}
	}
	assert.True(t, strings.HasPrefix(f.Value, "\x1b[2J团"), "the raw value: %.10q", f.Value)
	assert.Equal(t, MaxValueRunes+1, utf8.RuneCountInString(f.Value), "200 characters and …")
	assert.Equal(t, "团队名称\u009b", f.Column, "raw in the data, escaped in the JSON text")
	assert.Contains(t, f.Message, `\x1b`, "messages are human text: escaped")

	// JUnit: well-formed XML 1.0 (which cannot carry most C0 characters
	// at all), the characters shown escaped rather than lost.
	out := render(t, JUnit, in)
	terminalSafe(t, JUnit, out)
	r := parseJUnit(t, out)
	var all strings.Builder
	for _, s := range r.Suites {
		all.WriteString(s.Name + "\n")
		for _, c := range s.Cases {
			all.WriteString(c.Name + "\n")
			for _, f := range c.Failures {
				all.WriteString(f.Message + "\n" + f.Text + "\n")
			}
		}
	}
	got := all.String()
	assert.Contains(t, got, `空间\x1b]0;title\x07: 创业团队\x1b[31m`)
	assert.Contains(t, got, `CELL-CONTROL-CHAR 创业团队\x1b[31m!A2`)
	assert.Contains(t, got, `raw \x1b]0;pwned\x07`)
	assert.NotContains(t, got, "\uFFFD")
}
