package layout

import (
	"fmt"
	"io"
)

// Render lays out the document and writes it as a PDF to w. It writes the
// cover, the contents, the sections and (when there are attachments) the
// page listing them; the documents of Front and Attachments are bound in
// later where Layout.Slots says. The input is not changed. A font that
// cannot be used is a *font.Error.
func Render(w io.Writer, in Input) (*Layout, error) {
	l, lay, err := layOut(&in)
	if err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	if err := paint(w, l.pages, l.m, &in); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	lay.Missing = l.m.missingRunes()
	return lay, nil
}

// layOut places everything on pages.
func layOut(in *Input) (*layouter, *Layout, error) {
	cover, sections, err := check(in)
	if err != nil {
		return nil, nil, err
	}
	m, err := loadMetrics(in.Fonts)
	if err != nil {
		return nil, nil, err
	}
	l := &layouter{m: m, in: in, portrait: portraitWith(in.Margins)}
	planned := plan(in, sections)

	if cover != nil {
		l.addPage(false)
		l.blocks(cover)
	}
	l.running = in.Header != (Header{})
	var toc []tocLine
	tocFirst := len(l.pages) // the first page of the contents
	if in.Contents {
		var tocPages int
		toc, tocPages = l.planContents(planned)
		for range tocPages {
			l.addPage(false)
		}
		l.pages[tocFirst].marks = []mark{{title: textContentsBM, y: l.portrait.top}}
	}
	tocEnd := len(l.pages) // written pages before the documents of Front
	front := 0
	for _, f := range in.Front {
		front += f.Pages
	}

	for _, s := range sections {
		l.section(s)
	}
	if len(in.Attachments) > 0 {
		// The list shows the attachments' pages, which follow it: guess
		// its length, and set it again if the guess was wrong.
		n0, e0 := len(l.pages), len(l.entries)
		for guess := 1; ; {
			l.attachmentList(in.Attachments, n0+guess+front+1)
			got := len(l.pages) - n0
			if got == guess {
				break
			}
			l.pages, l.entries, guess = l.pages[:n0], l.entries[:e0], got
		}
	}
	written := len(l.pages)
	bound := func(i int) int { // written page index → page of the bound document
		if i < tocEnd {
			return i + 1
		}
		return i + 1 + front
	}

	lay := &Layout{Pages: written, SectionPages: map[string]int{}}
	for _, p := range l.pages {
		lay.Landscape = append(lay.Landscape, p.landscape)
	}
	if in.Contents {
		lay.Bookmarks = append(lay.Bookmarks, Bookmark{Title: textContentsBM, Level: 1, Page: tocFirst + 1})
	}
	next := tocEnd + 1
	for _, f := range in.Front {
		lay.Slots = append(lay.Slots, Slot{Title: f.Title, After: tocEnd, Page: next, Pages: f.Pages})
		lay.Bookmarks = append(lay.Bookmarks, Bookmark{Title: f.Title, Level: 1, Page: next})
		next += f.Pages
	}
	for _, e := range l.entries {
		lay.Bookmarks = append(lay.Bookmarks, Bookmark{Title: e.title, Level: e.level, Page: bound(e.page)})
	}
	for i, s := range sections {
		if _, ok := lay.SectionPages[s.Title]; !ok && s.Title != "" {
			lay.SectionPages[s.Title] = bound(l.sectionStarts[i])
		}
	}
	next = written + front + 1
	for _, a := range in.Attachments {
		lay.Slots = append(lay.Slots, Slot{Title: a.Title, After: written, Page: next, Pages: a.Pages, Attachment: true})
		lay.Bookmarks = append(lay.Bookmarks, Bookmark{Title: a.Title, Level: 2, Page: next})
		next += a.Pages
	}
	lay.TotalPages = next - 1
	if len(lay.Bookmarks) != len(planned) {
		return nil, nil, fmt.Errorf("%d entries laid out for %d planned", len(lay.Bookmarks), len(planned))
	}
	if in.Contents {
		l.fillContents(tocFirst, toc, lay.Bookmarks)
	}
	return l, lay, nil
}

// plan lists the entries of the contents from the input alone, in the
// order the layout meets them.
func plan(in *Input, sections []Section) []entry {
	var out []entry
	if in.Contents {
		out = append(out, entry{title: textContentsBM, level: 1})
	}
	for _, f := range in.Front {
		out = append(out, entry{title: f.Title, level: 1})
	}
	for _, s := range sections {
		if s.Title != "" {
			out = append(out, entry{title: s.Title, level: 1})
		}
		for _, b := range s.Blocks {
			var t string
			switch b := b.(type) {
			case KeyValues:
				t = b.Title
			case Table:
				t = b.Title
			case Paragraphs:
				t = b.Title
			}
			if t != "" {
				out = append(out, entry{title: t, level: 2})
			}
		}
	}
	if len(in.Attachments) > 0 {
		out = append(out, entry{title: textAttach, level: 1})
		for _, a := range in.Attachments {
			out = append(out, entry{title: a.Title, level: 2, attachment: true})
		}
	}
	return out
}
