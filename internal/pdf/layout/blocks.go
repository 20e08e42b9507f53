package layout

import (
	"fmt"
	"strings"

	"github.com/mkspace/mkspace/internal/msg"
)

// Texts the document sets itself (the 申报书 is set in Chinese).
var (
	textNone       = msg.ZH.T("doc.none")
	textContinued  = msg.ZH.T("doc.continued")
	textContents   = msg.ZH.T("doc.contents")
	textContentsBM = msg.ZH.T("doc.contents-mark")
	textAttach     = msg.ZH.T("doc.attachments")
)

// value returns b as a value, whether it was given as one or as a
// pointer; ok is false for nil or an unknown kind.
func value(b Block) (Block, bool) {
	switch b := b.(type) {
	case KeyValues, Table, Paragraphs, Fields, Space, Notice:
		return b, true
	case *KeyValues:
		if b != nil {
			return *b, true
		}
	case *Table:
		if b != nil {
			return *b, true
		}
	case *Paragraphs:
		if b != nil {
			return *b, true
		}
	case *Fields:
		if b != nil {
			return *b, true
		}
	case *Space:
		if b != nil {
			return *b, true
		}
	case *Notice:
		if b != nil {
			return *b, true
		}
	}
	return nil, false
}

func wantsLandscape(b Block) bool {
	t, ok := b.(Table)
	return ok && t.Landscape
}

// check reports what in the input cannot be set, and returns the cover
// and the sections with every block as a value (the input is not
// changed).
func check(in *Input) (cover []Block, sections []Section, err error) {
	for _, r := range append(append([]AttachmentRef{}, in.Front...), in.Attachments...) {
		if r.Pages < 1 {
			return nil, nil, fmt.Errorf("%q: a bound document has at least one page, not %d", r.Title, r.Pages)
		}
	}
	if cover, err = checkBlocks("cover", in.Cover); err != nil {
		return nil, nil, err
	}
	sections = make([]Section, len(in.Sections))
	for si, sec := range in.Sections {
		blocks, err := checkBlocks(fmt.Sprintf("section %q", sec.Title), sec.Blocks)
		if err != nil {
			return nil, nil, err
		}
		sections[si] = Section{Title: sec.Title, Blocks: blocks}
	}
	return cover, sections, nil
}

// checkBlocks checks the blocks of a part of the document (where names it)
// and returns them as values.
func checkBlocks(where string, blocks []Block) ([]Block, error) {
	if blocks == nil {
		return nil, nil
	}
	out := make([]Block, len(blocks))
	for bi, b := range blocks {
		v, ok := value(b)
		if !ok {
			return nil, fmt.Errorf("%s, block %d: not a KeyValues, Table, Paragraphs, Fields, Space or Notice (%T)", where, bi+1, b)
		}
		out[bi] = v
		switch v := v.(type) {
		case Table:
			if len(v.Columns) == 0 {
				return nil, fmt.Errorf("%s, table %q: no columns", where, v.Title)
			}
			for ri, r := range v.Rows {
				if len(r) > len(v.Columns) {
					return nil, fmt.Errorf("%s, table %q, row %d: %d cells for %d columns", where, v.Title, ri+1, len(r), len(v.Columns))
				}
			}
		case KeyValues:
			if v.LabelShare < 0 || v.LabelShare >= 1 {
				return nil, fmt.Errorf("%s, form %q: label share %v is not between 0 and 1", where, v.Title, v.LabelShare)
			}
		case Paragraphs:
			if v.Style.Size < 0 || v.Style.Leading < 0 || v.Style.Indent < 0 {
				return nil, fmt.Errorf("%s, block %d: a negative size, line height or indent", where, bi+1)
			}
		case Fields:
			if v.Size < 0 || v.MinSize < 0 || v.Leading < 0 || v.Gap < 0 || v.Width < 0 {
				return nil, fmt.Errorf("%s, block %d: a negative size, line height, gap or width", where, bi+1)
			}
			if v.Stamp != nil && (v.Stamp.Field < 0 || v.Stamp.Field >= len(v.Items)) {
				return nil, fmt.Errorf("%s, block %d: a stamp beside field %d of %d", where, bi+1, v.Stamp.Field+1, len(v.Items))
			}
		case Space:
			if v.Height < 0 || v.Top < 0 {
				return nil, fmt.Errorf("%s, block %d: a negative space", where, bi+1)
			}
		}
	}
	return out, nil
}

// section sets a section on new pages: its heading (if it has a title),
// then its blocks.
func (l *layouter) section(sec Section) {
	l.addPage(len(sec.Blocks) > 0 && wantsLandscape(sec.Blocks[0]))
	l.sectionStarts = append(l.sectionStarts, len(l.pages)-1)
	if sec.Title != "" {
		l.heading(sec.Title)
	}
	l.blocks(sec.Blocks)
}

// blocks sets blocks at the cursor, each on a page of the orientation it
// wants, a gap between two of them unless either is a Space.
func (l *layouter) blocks(bs []Block) {
	for i, b := range bs {
		l.orient(wantsLandscape(b))
		if _, space := b.(Space); i > 0 && !space && !l.atTop() {
			if _, after := bs[i-1].(Space); !after {
				l.y += gapBlock
			}
		}
		switch b := b.(type) {
		case KeyValues:
			l.keyValues(b)
		case Table:
			l.table(b)
		case Paragraphs:
			l.paragraphs(b)
		case Fields:
			l.fields(b)
		case Space:
			l.y = max(l.y+b.Height, b.Top)
		case Notice:
			l.notice(b)
		}
	}
}

// heading sets a level-1 heading at the cursor and makes it an entry of
// the contents and the outline.
func (l *layouter) heading(title string) {
	l.entries = append(l.entries, entry{title: title, level: 1, page: len(l.pages) - 1})
	l.p.marks = append(l.p.marks, mark{title: title, y: l.y})
	l.titleLines(title, sizeHeading, Left)
	l.y += gapAfterHeading
	l.afterHeading = l.y
}

// listed makes a block's title an entry of the contents on the page it
// landed on.
func (l *layouter) listed(title string, page int) {
	if title != "" {
		l.entries = append(l.entries, entry{title: title, level: 2, page: page})
	}
}

func (l *layouter) table(t Table) {
	rel := make([]float64, len(t.Columns))
	header := make([]string, len(t.Columns))
	var groups []span
	for i, c := range t.Columns {
		rel[i] = c.Width
		if rel[i] <= 0 {
			rel[i] = 1
		}
		header[i] = c.Header
		switch {
		case c.Group == "":
		case len(groups) > 0 && groups[len(groups)-1].to == i && groups[len(groups)-1].text == c.Group:
			groups[len(groups)-1].to++
		default:
			groups = append(groups, span{from: i, to: i + 1, text: c.Group})
		}
	}
	cols := l.autoCols(l.g.left, l.g.width(), sizeCell, header, groups, t.Rows, rel)
	for i, c := range t.Columns {
		cols[i].align = c.Align
	}
	g := &grid{title: t.Title, subtitle: t.Subtitle, cols: cols, header: header, groups: groups, rows: t.Rows, size: sizeCell, merged: textNone}
	if len(t.Totals) == 0 {
		l.listed(t.Title, l.setGrid(g, 0))
		return
	}
	perRow := 2
	if l.p.landscape {
		perRow = 3
	}
	totals := l.formGrid(KeyValues{Items: t.Totals, PerRow: perRow})
	l.listed(t.Title, l.setGrid(g, gapTotals+l.gridHeight(totals)))
	l.y += gapTotals
	l.setGrid(totals, 0)
}

func (l *layouter) keyValues(kv KeyValues) {
	l.listed(kv.Title, l.setGrid(l.formGrid(kv), 0))
}

// formGrid makes a form of label and value cells, PerRow pairs a row.
func (l *layouter) formGrid(kv KeyValues) *grid {
	n := max(kv.PerRow, 1)
	share := kv.LabelShare
	if share == 0 {
		share = 0.32
		numbers := len(kv.Items) > 0
		for _, it := range kv.Items {
			numbers = numbers && isNumber(it[1])
		}
		if numbers {
			share = 0.7
		}
	}
	rel := make([]float64, 0, 2*n)
	for range n {
		rel = append(rel, share, 1-share)
	}
	cols := placeCols(l.g.left, l.g.width(), rel, nil)
	for i := range cols {
		if i%2 == 0 {
			cols[i].shade = true
		} else {
			cols[i].auto = true
		}
	}
	var rows [][]string
	for i := 0; i < len(kv.Items); i += n {
		row := make([]string, 0, 2*n)
		for _, it := range kv.Items[i:min(i+n, len(kv.Items))] {
			row = append(row, it[0], it[1])
		}
		rows = append(rows, row)
	}
	return &grid{title: kv.Title, cols: cols, rows: rows, size: sizeCell + 1, merged: textNone}
}

// paragraphs sets text: an optional subheading, then each line of the
// text as a paragraph, in its style (by default indented by two
// characters, justified).
func (l *layouter) paragraphs(p Paragraphs) {
	st := p.Style
	if st.Size == 0 {
		st = Style{Size: sizeBody, Indent: 2, Align: Justify}
	}
	if st.Leading == 0 {
		st.Leading = leadingBody
	}
	lh := st.Size * st.Leading
	indent := st.Indent * st.Size
	width := l.g.width()
	var paras [][]string
	for _, para := range strings.Split(strings.ReplaceAll(p.Text, "\r", ""), "\n") {
		if para = strings.TrimSpace(para); para != "" {
			paras = append(paras, l.wrap(para, width-indent, width, st.Size))
		}
	}
	if p.Title != "" {
		first := 0.0
		if len(paras) > 0 {
			first = float64(min(len(paras[0]), 2)) * lh
		}
		l.ensure(l.titleHeight(p.Title, sizeSubheading, width) + 4 + first)
		l.listed(p.Title, len(l.pages)-1)
		l.titleLines(p.Title, sizeSubheading, Left)
		l.y += 4
	}
	l.bold = st.Bold
	defer func() { l.bold = false }()
	for _, lines := range paras {
		// no paragraph's first line alone at the foot of a page
		if len(lines) > 1 {
			l.ensure(2 * lh)
		}
		for i, s := range lines {
			l.ensure(lh)
			x, w := l.g.left, width
			if i == 0 {
				x, w = x+indent, w-indent
			}
			l.lineAt(s, x, w, baseline(l.y, lh, st.Size), st.Size, st.Align, st.Align == Justify && i < len(lines)-1, black)
			l.y += lh
		}
	}
}
