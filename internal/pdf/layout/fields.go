package layout

// Fields and notices: a cover's or a form's labels with values on
// underlines, the box for a seal, and the draft mark.

const (
	leadingField = 1.7 // line height of Fields, × size
	stampSide    = 120 // side of the stamp box (≈ 42 mm, an official seal)
	stampGap     = 18  // between the values' lines and the stamp box
	stampSize    = 10.5
	labelGap     = 6 // between a label and its value's line
)

// fields sets labels and values at the cursor: the labels right-aligned,
// each value on its lines (centred or aligned as asked) over an underline
// when the field is blank to write on, the box for a seal beside a field.
func (l *layouter) fields(f Fields) {
	size := f.Size
	if size == 0 {
		size = sizeField
	}
	minSize := f.MinSize
	if minSize == 0 || minSize > size {
		minSize = size
	}
	leading := f.Leading
	if leading == 0 {
		leading = leadingField
	}
	g := l.g
	right := g.w - g.right
	stampX := right - stampSide
	var labelRight, valueX, valueW float64
	if f.Width > 0 {
		valueX, valueW = right-f.Width, f.Width
		labelRight = valueX - labelGap
	} else {
		for _, it := range f.Items {
			labelRight = max(labelRight, l.m.textWidth(it.Label, size))
		}
		labelRight += g.left
		valueX = labelRight + labelGap
		valueW = right - valueX
		if f.Stamp != nil {
			valueW = stampX - stampGap - valueX
		}
	}
	lh := size * leading
	for i, it := range f.Items {
		top := l.y
		vsize, lines := l.fit(it.Value, valueW, size, minSize)
		vlh := lh * vsize / size
		for j, s := range lines {
			if j == 0 {
				l.text(it.Label, labelRight-l.m.textWidth(it.Label, size), baseline(l.y, vlh, size), size, black, 0)
			}
			l.lineAt(s, valueX, valueW, baseline(l.y, vlh, vsize), vsize, f.Align, false, black)
			if it.Blank {
				l.line(valueX, l.y+vlh, valueX+valueW, l.y+vlh, 0.6, black, false)
			}
			l.y += vlh
		}
		if f.Stamp != nil && f.Stamp.Field == i {
			// the box, centred on the field's line(s)
			y := (top+l.y)/2 - stampSide/2
			l.strokeRect(stampX, y, stampSide, stampSide, 0.8, grey, true)
			l.lineAt(f.Stamp.Label, stampX, stampSide, y+stampSide-stampSize*1.2, stampSize, Center, false, grey)
		}
		l.y += f.Gap
	}
}

// fit returns the size at which s fits on one line of width w, shrinking
// from size down to minSize, and the lines to set (wrapped at the
// smallest size if it still does not fit). An empty value is one empty
// line, to leave the underline to write on.
func (l *layouter) fit(s string, w, size, minSize float64) (float64, []string) {
	for sz := size; sz >= minSize; sz-- {
		if l.m.textWidth(s, sz) <= w {
			return sz, []string{s}
		}
	}
	return minSize, l.wrap(s, w, w, minSize)
}

// notice sets a line of red text in a red frame, centred on the page.
func (l *layouter) notice(n Notice) {
	const size = sizeNotice
	w := l.m.textWidth(n.Text, size) + 2*size
	h := size * 2.2
	x := (l.g.w - w) / 2
	l.strokeRect(x, l.y, w, h, 1.5, red, false)
	l.lineAt(n.Text, x, w, baseline(l.y, h, size), size, Center, false, red)
	l.y += h
}
