package document

import (
	"fmt"
	"time"
)

// Cover geometry, in points from the page's top left.
const (
	coverTitleTop = 190 // top of the title
	coverFieldTop = 420 // top of the first field
	coverRowGap   = 20  // between two fields
	coverStamp    = 120 // side of the stamp box (≈ 42 mm, an official seal)
	coverMinSize  = 11  // a long value shrinks down to this, then wraps
)

// coverDate is the date of generation as a Chinese form writes it.
func coverDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// cover sets the cover page: the title, the draft mark, and the fields on
// underlines — 众创空间名称, 运营主体 with the box for its stamp beside it,
// 受理机构, 生成日期, 版本号.
func (l *layouter) cover() {
	l.addPage(false)
	in, g := l.in, l.g
	l.y = coverTitleTop
	l.titleLines(in.Title, sizeCoverTitle, Center)
	if in.Draft {
		const size = 18
		w := l.m.textWidth(textDraft, size) + 2*size
		h := size * 2.2
		x := (g.w - w) / 2
		l.y += 28
		l.strokeRect(x, l.y, w, h, 1.5, red, false)
		l.lineAt(textDraft, x, w, baseline(l.y, h, size), size, Center, false, red)
		l.y += h
	}

	fields := [][2]string{
		{"众创空间名称：", in.SpaceName},
		{"运营主体：", in.Operator},
		{"受理机构：", in.Agency},
		{"生成日期：", coverDate(in.GeneratedAt)},
		{"版本号：", in.Version},
	}
	const size = sizeCoverField
	labelRight := g.left + l.m.textWidth(fields[0][0], size)
	stampX := g.w - g.right - coverStamp
	valueX, valueW := labelRight+6, stampX-18-(labelRight+6)
	lh := size * 1.7
	l.y = max(l.y+60, coverFieldTop)
	for i, f := range fields {
		top := l.y
		vsize, lines := l.fit(f[1], valueW, size)
		vlh := lh * vsize / size
		for j, s := range lines {
			base := baseline(l.y, vlh, vsize)
			if j == 0 {
				lbase := baseline(l.y, vlh, size)
				l.text(f[0], labelRight-l.m.textWidth(f[0], size), lbase, size, black, 0)
			}
			l.lineAt(s, valueX, valueW, base, vsize, Center, false, black)
			l.line(valueX, l.y+vlh, valueX+valueW, l.y+vlh, 0.6, black, false)
			l.y += vlh
		}
		if i == 1 {
			// the stamp box, centred on the operator's line(s)
			mid := (top + l.y) / 2
			y := mid - coverStamp/2
			l.strokeRect(stampX, y, coverStamp, coverStamp, 0.8, grey, true)
			const ss = 10.5
			l.lineAt(textStamp, stampX, coverStamp, y+coverStamp-ss*1.2, ss, Center, false, grey)
		}
		l.y += coverRowGap
	}
}

// fit returns the size at which s fits on one line of width w, shrinking
// from size down to coverMinSize, and the lines to set (wrapped at the
// smallest size if it still does not fit). An empty value is one empty
// line, to leave the underline to write on.
func (l *layouter) fit(s string, w, size float64) (float64, []string) {
	for sz := size; sz >= coverMinSize; sz-- {
		if l.m.textWidth(s, sz) <= w {
			return sz, []string{s}
		}
	}
	return coverMinSize, l.wrap(s, w, w, coverMinSize)
}
