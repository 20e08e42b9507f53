package font

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinCoverage(t *testing.T) {
	t.Parallel()
	c, err := Load(Paths("", nil))
	require.NoError(t, err)
	require.Len(t, c, 1)
	assert.Empty(t, c.Missing("生僻字团队 ABC abc 0123，。（）\n\t\x1b\u200b"), "control and zero-width characters are not printed")
	assert.Equal(t, []rune{'𠀀', '𪚥'}, c.Missing("𠀀𪚥生僻字团队𠀀"))
	assert.Equal(t, []rune{'🚀'}, c.Missing("极客🚀咖啡团队"))
	assert.Equal(t, []rune{'𠮷'}, c.Missing("吉𠮷"))
	assert.Equal(t, "WenQuanYi Micro Hei (文泉驿微米黑)", c[0].Name())
}

func TestHanazonoChain(t *testing.T) {
	t.Parallel()
	a, b := hanazono(t)
	c, err := Load(Paths("/pkg", []string{"builtin", a, b}))
	require.NoError(t, err)
	assert.Empty(t, c.Missing("𠀀𪚥生僻字团队吉𠮷㐀"), "Extension A from HanaMinA, B from HanaMinB")
	assert.Equal(t, []rune{'🚀'}, c.Missing("极客🚀咖啡团队"), "no CJK font has emoji")
	assert.Equal(t, 0, c.Index('生'), "the shipped font first")
	assert.Equal(t, 1, c.Index('㐀'))
	assert.Positive(t, c.Index('𪚥'), "from a Hanazono font")
	assert.Equal(t, "HanaMinB.ttf", c[2].Name())

	again, err := Load([]string{b})
	require.NoError(t, err)
	assert.Same(t, c[2], again[0], "read once per run")
}

func TestPaths(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{""}, Paths("/p", nil))
	assert.Equal(t, []string{"", "", filepath.Join("/p", "fonts/x.ttf"), "/abs/y.ttf"},
		Paths("/p", []string{"builtin", " ", "fonts/x.ttf", "/abs/y.ttf"}))
}

// The per-cell cost in validate: a typical text cell, all covered.
func BenchmarkMissing(b *testing.B) {
	c, err := Load([]string{""})
	if err != nil {
		b.Fatal(err)
	}
	cell := "北京星火创客空间科技有限公司（Xinghuo Makerspace）第 2 期"
	for b.Loop() {
		if len(c.Missing(cell)) != 0 {
			b.Fatal("missing")
		}
	}
	b.ReportMetric(float64(len([]rune(cell))), "chars/cell")
}
