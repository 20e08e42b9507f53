package layout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// laidOut lays out blocks as the one section of a document and returns its
// layouter.
func laidOut(t *testing.T, blocks ...Block) *layouter {
	t.Helper()
	in := Input{Sections: []Section{{Blocks: blocks}}}
	l, _, err := layOut(&in)
	require.NoError(t, err)
	return l
}

// texts are the text operations of a page, by their text.
func texts(p *page) map[string]op {
	out := map[string]op{}
	for _, o := range p.ops {
		if o.kind == opText {
			out[o.s] = o
		}
	}
	return out
}

func ops(p *page, kind opKind) []op {
	var out []op
	for _, o := range p.ops {
		if o.kind == kind {
			out = append(out, o)
		}
	}
	return out
}

// Labels end on one edge; values sit on underlines (blank fields only),
// centred; a long value shrinks, then wraps onto more underlined lines; the
// stamp box stands at the right margin, beside its field.
func TestFields(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("杭州星火科技企业孵化器有限公司", 4)
	f := Fields{MinSize: 11, Gap: 20, Align: Center, Stamp: &Stamp{Field: 1, Label: "（盖章）"},
		Items: []Field{
			{Label: "众创空间名称：", Value: "星火创客空间", Blank: true},
			{Label: "运营主体：", Value: long, Blank: true},
			{Label: "日期：", Value: "2025年3月18日"},
			{Label: "版本号：", Blank: true},
		}}
	l := laidOut(t, f)
	require.Len(t, l.pages, 1)
	p := l.pages[0]
	g := p.geometry()
	tx := texts(p)
	labelEnd := func(s string) float64 { o := tx[s]; return o.x + l.m.textWidth(s, o.size) }
	for _, s := range []string{"运营主体：", "日期：", "版本号："} {
		assert.InDelta(t, labelEnd("众创空间名称："), labelEnd(s), 0.01, "%s ends where the others do", s)
	}
	assert.InDelta(t, g.left+l.m.textWidth("众创空间名称：", sizeField), labelEnd("众创空间名称："), 0.01, "the widest label starts at the margin")

	name := tx["星火创客空间"]
	assert.Equal(t, float64(sizeField), name.size, "a value that fits keeps the size")
	valueX := labelEnd("众创空间名称：") + labelGap
	valueW := g.w - g.right - stampSide - stampGap - valueX
	assert.InDelta(t, valueX+(valueW-l.m.textWidth("星火创客空间", sizeField))/2, name.x, 0.01, "centred on its line")

	var longLines int
	var bottom float64 // the baseline of the long value's last line
	for s, o := range tx {
		if strings.Contains(long, s) {
			longLines++
			bottom = max(bottom, o.y)
			assert.Equal(t, 11.0, o.size, "%q shrank to the least size", s)
		}
	}
	assert.Greater(t, longLines, 1, "the long value wraps")

	var underlines int
	for _, o := range ops(p, opLine) {
		if o.y == o.y2 && o.x == valueX {
			underlines++
		}
	}
	assert.Equal(t, 1+longLines+1, underlines, "an underline under each line of a blank field, none under the date")

	rects := ops(p, opRect)
	require.Len(t, rects, 1, "the stamp box")
	box := rects[0]
	assert.InDelta(t, g.w-g.right-stampSide, box.x, 0.01)
	assert.True(t, box.dash, "dashed")
	assert.Contains(t, tx, "（盖章）")
	assert.Less(t, box.y, bottom, "the box is beside the operator's lines")
	assert.Greater(t, box.y+box.y2, tx["运营主体："].y, "the box is beside the operator's lines")
}

// A Width puts the values in a column of that width at the right margin,
// flush left as asked, the labels ending just before it (the signature
// block of the commitment letter).
func TestFieldsColumn(t *testing.T) {
	t.Parallel()
	l := laidOut(t, Fields{Width: 210, Align: Left, Items: []Field{{Label: "法定代表人（签字）：", Blank: true}, {Label: "名称：", Value: "星火", Blank: true}}})
	p := l.pages[0]
	g := p.geometry()
	tx := texts(p)
	col := g.w - g.right - 210
	assert.InDelta(t, col, tx["星火"].x, 0.01)
	o := tx["法定代表人（签字）："]
	assert.InDelta(t, col-labelGap, o.x+l.m.textWidth(o.s, o.size), 0.01)
	for _, ln := range ops(p, opLine) {
		assert.InDelta(t, col, ln.x, 0.01)
		assert.InDelta(t, g.w-g.right, ln.x2, 0.01)
	}
}

// Blocks are set 14 points apart, except next to a Space; a Space moves
// down, and to a place on the page.
func TestSpaces(t *testing.T) {
	t.Parallel()
	top := func(l *layouter, s string) float64 { return texts(l.pages[0])[s].y }
	a, b := Paragraphs{Text: "甲"}, Paragraphs{Text: "乙"}
	lh := sizeBody * leadingBody
	l := laidOut(t, a, b)
	assert.InDelta(t, lh+gapBlock, top(l, "乙")-top(l, "甲"), 0.01, "the gap between blocks")
	l = laidOut(t, a, Space{}, b)
	assert.InDelta(t, lh, top(l, "乙")-top(l, "甲"), 0.01, "no gap beside a Space")
	l = laidOut(t, a, Space{Height: 30}, b)
	assert.InDelta(t, lh+30, top(l, "乙")-top(l, "甲"), 0.01)
	l = laidOut(t, Space{Top: 300}, a, Space{Height: 10, Top: 200}, b)
	assert.InDelta(t, 300, top(l, "甲")-baseline(0, lh, sizeBody), 0.01, "to 300 points from the top")
	assert.InDelta(t, lh+10, top(l, "乙")-top(l, "甲"), 0.01, "a Top above the cursor does not move it back")
}

// A Notice is red text in a red frame, centred on the page.
func TestNotice(t *testing.T) {
	t.Parallel()
	l := laidOut(t, Notice{Text: "草稿 — 不可用于申报"})
	p := l.pages[0]
	rects := ops(p, opRect)
	require.Len(t, rects, 1)
	assert.Equal(t, red, rects[0].col)
	assert.InDelta(t, p.geometry().w/2, rects[0].x+rects[0].x2/2, 0.01, "centred")
	o := texts(p)["草稿 — 不可用于申报"]
	assert.Equal(t, red, o.col)
	assert.Equal(t, float64(sizeNotice), o.size)
}

// Paragraphs in a style of their own: centred, flush left without an
// indent, or the narrative default.
func TestParagraphStyles(t *testing.T) {
	t.Parallel()
	l := laidOut(t,
		Paragraphs{Text: "标题", Style: Style{Size: 22, Leading: 1.5, Align: Center}},
		Paragraphs{Text: "致：某单位", Style: Style{Size: 15, Align: Left}},
		Paragraphs{Text: "正文"})
	p := l.pages[0]
	g := p.geometry()
	tx := texts(p)
	assert.InDelta(t, g.left+(g.width()-l.m.textWidth("标题", 22))/2, tx["标题"].x, 0.01)
	assert.Equal(t, 22.0, tx["标题"].size)
	assert.InDelta(t, g.left, tx["致：某单位"].x, 0.01, "no indent")
	assert.InDelta(t, g.left+2*sizeBody, tx["正文"].x, 0.01, "two characters of indent")
}

func TestBlockErrors(t *testing.T) {
	t.Parallel()
	for name, b := range map[string]Block{
		"stamp beside no field": Fields{Items: []Field{{Label: "甲"}}, Stamp: &Stamp{Field: 1}},
		"negative space":        Space{Height: -1},
		"negative size":         Paragraphs{Text: "甲", Style: Style{Size: -1}},
		"nil fields":            (*Fields)(nil),
	} {
		var buf bytes.Buffer
		_, err := Render(&buf, Input{Cover: []Block{b}})
		assert.Error(t, err, name)
		assert.Zero(t, buf.Len(), name)
	}
}
