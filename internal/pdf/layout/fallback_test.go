package layout

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

const hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"

// withHanaB is the shipped font with HanaMinB as its fallback.
func withHanaB(t *testing.T) font.Chain {
	t.Helper()
	if _, err := os.Stat(hanaB); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI (.ci/run installs fonts-hanazono)", hanaB)
		}
		t.Skip("fonts-hanazono not installed")
	}
	c, err := font.Load([]string{"", hanaB})
	require.NoError(t, err)
	return c
}

// A character the first font lacks is set in the first fallback that has
// it: a line is split into runs of one font each, measured by the font
// that sets them.
func TestFallbackRuns(t *testing.T) {
	t.Parallel()
	m, err := loadMetrics(withHanaB(t))
	require.NoError(t, err)
	rs := m.runs("生僻𠀀𪚥字A")
	require.Len(t, rs, 3)
	assert.Equal(t, []string{"生僻", "𠀀𪚥", "字A"}, []string{rs[0].s, rs[1].s, rs[2].s})
	assert.Equal(t, []uint8{0, 1, 0}, []uint8{rs[0].face, rs[1].face, rs[2].face})
	assert.Equal(t, 2, rs[1].n)
	assert.InDelta(t, m.em('𠀀')+m.em('𪚥'), rs[1].em, 1e-9)
	assert.Positive(t, rs[1].em, "measured by the fallback, not as blanks")
	assert.Equal(t, []textRun{{s: "全部常用字", face: 0, em: m.textWidth("全部常用字", 1), n: 5}}, m.runs("全部常用字"))
	assert.Empty(t, m.missingRunes())
}

// With the fallback nothing is missing, and only the used fallback is
// embedded; without it, the characters are reported missing.
func TestRenderWithFallback(t *testing.T) {
	t.Parallel()
	in := Input{Header: Header{Left: "申报书", Right: "𠀀𪚥生僻字团队"},
		Sections: []Section{{Title: "一", Blocks: []Block{Paragraphs{Text: "吉𠮷和𠀀，两端对齐的一段较长的文字，" +
			"使得这一行被拉伸：𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥𪚥。"}}}}}
	var buf bytes.Buffer
	lay, err := Render(&buf, in)
	require.NoError(t, err)
	assert.Equal(t, []rune{'𠀀', '𠮷', '𪚥'}, lay.Missing)

	in.Fonts = withHanaB(t)
	path, lay := renderFile(t, in)
	assert.Empty(t, lay.Missing)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(b), "+EmbeddedFont2", "the fallback is embedded as a subset")
}
