package annotate

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
)

// listStyles are the style ids of the 检查结果 sheet's cells.
type listStyles struct {
	header, text, wrap, err, warn, link int
}

func newListStyles(f *excelize.File) (listStyles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	specs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Border: border, Alignment: top},
		{Alignment: top},
		{Alignment: wrap},
		{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{ErrorFill}}, Alignment: top},
		{Font: &excelize.Font{Bold: true, Color: "9C5700"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{WarningFill}}, Alignment: top},
		{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := f.NewStyle(s)
		if err != nil {
			return listStyles{}, err
		}
		ids[i] = id
	}
	return listStyles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]}, nil
}

// Widths of the list's columns, in characters: at least the heading, at
// most these.
var maxWidths = [6]float64{10, 24, 24, 60, 60, 28}

// writeList writes the 检查结果 sheet: a frozen heading with an autofilter,
// one row per finding (its cell a link to the cell), or one row saying
// there is none.
func writeList(w io.Writer, p *plan) error {
	l := p.lang
	heads := [6]string{l.T("annotate.col.severity"), l.T("annotate.col.sheet"), l.T("annotate.col.cell"),
		l.T("annotate.col.problem"), l.T("annotate.col.fix"), l.T("annotate.col.rule")}
	var widths [6]float64
	fit := func(i int, s string) {
		if wd := float64(runewidth.StringWidth(s)) + 2; wd > widths[i] {
			widths[i] = min(wd, maxWidths[i])
		}
	}
	for i, h := range heads {
		fit(i, h)
		widths[i] = max(widths[i], 8)
	}
	sevWord := func(s finding.Severity) string {
		if s == finding.Error {
			return l.T("report.error")
		}
		return l.T("report.warning")
	}
	for i := range p.rows {
		r := &p.rows[i]
		fit(0, sevWord(r.sev))
		fit(1, r.sheet)
		fit(2, r.cell)
		fit(3, r.problem)
		fit(4, r.fix)
		fit(5, r.rule)
	}
	if len(p.rows) == 0 {
		fit(0, l.T("annotate.none"))
	}
	n := max(len(p.rows), 1) + 1
	tab := "FF00B050" // green: nothing to do
	if len(p.rows) > 0 {
		tab = "FFC00000"
	}

	b := bufio.NewWriterSize(w, 64<<10)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRelDocument + `">`)
	b.WriteString(`<sheetPr><tabColor rgb="` + tab + `"/><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.WriteString(`<dimension ref="A1:` + lastCol + strconv.Itoa(n) + `"/>`)
	b.WriteString(`<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, wd := range widths {
		c := strconv.Itoa(i + 1)
		b.WriteString(`<col min="` + c + `" max="` + c + `" width="` + strconv.FormatFloat(wd, 'f', 1, 64) + `" customWidth="1"/>`)
	}
	b.WriteString(`</cols><sheetData>`)
	s := p.styles
	cell := func(ref string, style int, text string) {
		b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `" t="inlineStr"><is><t xml:space="preserve">`)
		escape(b, text)
		b.WriteString(`</t></is></c>`)
	}
	b.WriteString(`<row r="1">`)
	for i, h := range heads {
		cell(string(rune('A'+i))+"1", s.header, h)
	}
	b.WriteString(`</row>`)
	if len(p.rows) == 0 {
		b.WriteString(`<row r="2">`)
		cell("A2", s.text, l.T("annotate.none"))
		b.WriteString(`</row>`)
	}
	for i := range p.rows {
		r := &p.rows[i]
		num := strconv.Itoa(i + 2)
		// Readers do not size rows to wrapped text on opening: the height
		// is given, from the lines the longer of the two texts takes.
		lines := max(linesOf(r.problem, widths[3]), linesOf(r.fix, widths[4]))
		if lines > 1 {
			b.WriteString(`<row r="` + num + `" ht="` + strconv.Itoa(15*lines) + `" customHeight="1">`)
		} else {
			b.WriteString(`<row r="` + num + `">`)
		}
		sev := s.err
		if r.sev != finding.Error {
			sev = s.warn
		}
		cell("A"+num, sev, sevWord(r.sev))
		cell("B"+num, s.text, r.sheet)
		link := s.text
		if r.link != "" && i < maxLinks {
			link = s.link
		}
		cell("C"+num, link, r.cell)
		cell("D"+num, s.wrap, r.problem)
		cell("E"+num, s.wrap, r.fix)
		cell("F"+num, s.text, r.rule)
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	b.WriteString(`<autoFilter ref="A1:` + lastCol + strconv.Itoa(n) + `"/>`)
	links := 0
	for i := range p.rows {
		if p.rows[i].link != "" && i < maxLinks {
			if links == 0 {
				b.WriteString(`<hyperlinks>`)
			}
			links++
			b.WriteString(`<hyperlink ref="C` + strconv.Itoa(i+2) + `" location="`)
			escapeAttr(b, p.rows[i].link)
			b.WriteString(`" display="`)
			escapeAttr(b, p.rows[i].cell)
			b.WriteString(`"/>`)
		}
	}
	if links > 0 {
		b.WriteString(`</hyperlinks>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup orientation="landscape" paperSize="9" fitToWidth="1" fitToHeight="0"/>`)
	b.WriteString(`</worksheet>`)
	return b.Flush()
}

// linesOf is the number of lines s takes wrapped in a column width
// characters wide (a Chinese character takes two).
func linesOf(s string, width float64) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		w := float64(runewidth.StringWidth(line)) * 1.1
		n += max(1, int(math.Ceil(w/max(width-2, 1))))
	}
	return n
}

// escapeAttr writes s as an XML attribute value (EscapeText escapes the
// quotes too).
func escapeAttr(w io.Writer, s string) { escape(w, s) }
