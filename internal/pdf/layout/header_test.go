package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The running header holds the title on the left and the space's name on
// the right: a long name is shortened with an ellipsis to the room the
// title leaves, measured with the font's widths, on portrait and landscape
// pages alike; a name that fits is shown whole.
func TestRunningHeaderFits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, space string
		// cut on portrait pages, on landscape pages (their text block is
		// wider: about 47 and 81 Chinese characters fit beside the title)
		portrait, landscape bool
	}{
		{"short", "星火创客空间", false, false},
		{"40 characters", strings.Repeat("星火创客空间众创", 5), false, false},
		{"50 characters", strings.Repeat("众创空间服务平台", 6) + "中心", true, false},
		{"80 characters", strings.Repeat("杭州市余杭区未来科技城", 7) + "众创空", true, false},
		{"90 characters", strings.Repeat("杭州市余杭区未来科技城", 8) + "众创空间运营中心有限", true, true},
		{"Latin and Chinese", strings.Repeat("Hangzhou Maker 空间 ", 12), true, true},
		{"narrow letters", strings.Repeat("il", 150), true, false},
		{"a line break", "星火创客空间\n第二行", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture(40, 25, 20)
			in.Header.Right = tt.space
			l, _, err := layOut(&in)
			require.NoError(t, err)
			const slack = 0.01
			orientations := map[bool]int{}
			for i, p := range l.pages[1:] {
				g := p.geometry()
				base := g.top - 10
				var title, name *op
				for j := range p.ops {
					o := &p.ops[j]
					if o.kind != opText || o.y != base || o.size != sizeRunning {
						continue
					}
					if o.x == g.left && o.s == in.Header.Left {
						title = o
					} else {
						name = o
					}
				}
				require.NotNil(t, title, "page %d: title", i+2)
				require.NotNil(t, name, "page %d: name", i+2)
				orientations[p.landscape]++
				titleEnd := title.x + l.m.textWidth(title.s, sizeRunning)
				nameEnd := name.x + l.m.textWidth(name.s, sizeRunning)
				assert.GreaterOrEqual(t, name.x, titleEnd+2*sizeRunning-slack, "page %d: the name %q overprints the title", i+2, name.s)
				assert.InDelta(t, g.w-g.right, nameEnd, slack, "page %d: the name ends at the right margin", i+2)
				whole := strings.ReplaceAll(tt.space, "\n", " ")
				cut := tt.portrait
				if p.landscape {
					cut = tt.landscape
				}
				if !cut {
					assert.Equal(t, whole, name.s, "page %d", i+2)
					continue
				}
				require.True(t, strings.HasSuffix(name.s, ellipsis), "page %d: %q ends with an ellipsis", i+2, name.s)
				kept := strings.TrimSuffix(name.s, ellipsis)
				assert.True(t, strings.HasPrefix(whole, kept), "page %d: %q is the start of the name", i+2, kept)
				// The longest start that fits: one character more would not.
				next, _ := utf8.DecodeRuneInString(whole[len(kept):])
				room := g.width() - l.m.textWidth(in.Header.Left, sizeRunning) - 2*sizeRunning
				if next != ' ' {
					assert.Greater(t, l.m.textWidth(kept+string(next)+ellipsis, sizeRunning), room, "page %d: %q is cut too short", i+2, kept)
				}
			}
			assert.Positive(t, orientations[false], "portrait pages")
			assert.Positive(t, orientations[true], "landscape pages")
		})
	}
}
