package layout

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEverythingInsideTheTextBlock checks every drawing operation of the
// fixture: nothing crosses the margins, and the footer zone at the bottom
// of every page stays empty.
func TestEverythingInsideTheTextBlock(t *testing.T) {
	t.Parallel()
	in := fixture(40, 25, 20)
	in.Cover = testCover(in.Info.Title, true, [][2]string{{"众创空间名称：", "星火创客空间"}, {"运营主体：", "杭州星火科技企业孵化器有限公司"}})
	l, _, err := layOut(&in)
	require.NoError(t, err)
	const slack = 0.5
	for i, p := range l.pages {
		g := p.geometry()
		require.LessOrEqual(t, g.limit(), g.h-FooterZone, "page %d: the text block ends above the footer zone", i+1)
		for _, o := range p.ops {
			var x0, x1, y0, y1 float64
			switch o.kind {
			case opText:
				w := l.m.textWidth(o.s, o.size) + o.spacing*float64(utf8.RuneCountInString(o.s)-1)
				x0, x1, y0, y1 = o.x, o.x+w, o.y-0.88*o.size, o.y+0.12*o.size
			case opLine:
				x0, x1, y0, y1 = min(o.x, o.x2), max(o.x, o.x2), min(o.y, o.y2), max(o.y, o.y2)
			case opRect:
				x0, x1, y0, y1 = o.x, o.x+o.x2, o.y, o.y+o.y2
			}
			ok := x0 >= g.left-slack && x1 <= g.w-g.right+slack && y0 >= 0 && y1 <= g.limit()+slack
			if !assert.True(t, ok, "page %d: %+v at [%.1f, %.1f]×[%.1f, %.1f] leaves the text block [%.1f, %.1f]×[0, %.1f]",
				i+1, o, x0, x1, y0, y1, g.left, g.w-g.right, g.limit()) {
				return
			}
		}
	}
}
