package annotate

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The marks are put into the sheets' XML directly, in one pass, when the
// sheets are written as Excel, WPS, LibreOffice and excelize write them
// (unprefixed elements, every row and cell with its reference): going
// through excelize would parse and write every sheet again, most of the
// time and memory of a large copy. Anything else takes the slower way
// (errUnusual).
var errUnusual = errors.New("annotate: sheet XML of an unusual form")

// tag is one start tag found in a sheet's XML: b[start:end] is "<name …>"
// or "<name …/>".
type tag struct {
	start, end int
	name       string
	empty      bool
}

// nextTag finds the next start or end tag at or after i; ok false at the
// end.
func nextTag(b []byte, i int) (t tag, ok bool) {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return tag{}, false
		}
		s := i + j
		k := bytes.IndexByte(b[s:], '>')
		if k < 0 {
			return tag{}, false
		}
		e := s + k + 1
		from := s + 1
		if b[from] == '/' {
			from++
		}
		n := from
		for n < e-1 && b[n] != ' ' && b[n] != '>' && b[n] != '/' && b[n] != '\t' && b[n] != '\n' && b[n] != '\r' {
			n++
		}
		if b[s+1] == '/' {
			return tag{start: s, end: e, name: "/" + string(b[from:n])}, true
		}
		if s+1 < len(b) && (b[s+1] == '?' || b[s+1] == '!') {
			i = e
			continue
		}
		return tag{start: s, end: e, name: string(b[s+1 : n]), empty: b[e-2] == '/'}, true
	}
}

var attrRE = regexp.MustCompile(`\s([A-Za-z:]+)\s*=\s*"([^"]*)"`)

// attr returns the value of attribute name of the tag text t (written
// name="value", as the writers of workbooks write it).
func attr(t []byte, name string) (string, bool) {
	for i := 0; ; {
		j := bytes.Index(t[i:], []byte(name))
		if j < 0 {
			return "", false
		}
		k := i + j
		e := k + len(name)
		if k > 0 && isSpace(t[k-1]) && e+1 < len(t) && t[e] == '=' && t[e+1] == '"' {
			v := t[e+2:]
			if q := bytes.IndexByte(v, '"'); q >= 0 {
				return string(v[:q]), true
			}
			return "", false
		}
		i = e
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// setAttr returns the tag text t with attribute name set to v.
func setAttr(t []byte, name, v string) []byte {
	for _, m := range attrRE.FindAllSubmatchIndex(t, -1) {
		if string(t[m[2]:m[3]]) == name {
			return slices.Concat(t[:m[4]], []byte(v), t[m[5]:])
		}
	}
	end := len(t) - 1
	if t[end-1] == '/' {
		end--
	}
	return slices.Concat(t[:end], []byte(` `+name+`="`+v+`"`), t[end:])
}

func isTrue(v string) bool { return v == "1" || v == "true" }

// cellStyles returns the style of each cell of want in the sheet XML b as
// Excel reads it: the cell's own; for a cell not written, its row's (when
// the row has a format) or its column's; else 0.
func cellStyles(b []byte, want map[string]bool) (map[string]int, error) {
	if !bytes.Contains(b[:min(len(b), 512)], []byte("<worksheet")) {
		return nil, errUnusual
	}
	type colStyle struct{ min, max, style int }
	var cols []colStyle
	rowStyle := map[int]int{}
	out := make(map[string]int, len(want))
	for i := 0; ; {
		t, ok := nextTag(b, i)
		if !ok {
			break
		}
		i = t.end
		text := b[t.start:t.end]
		switch t.name {
		case "col":
			lo, _ := attr(text, "min")
			hi, _ := attr(text, "max")
			st, _ := attr(text, "style")
			a, _ := strconv.Atoi(lo)
			z, _ := strconv.Atoi(hi)
			s, _ := strconv.Atoi(st)
			cols = append(cols, colStyle{a, z, s})
		case "row":
			r, ok := attr(text, "r")
			if !ok {
				return nil, errUnusual
			}
			if cf, _ := attr(text, "customFormat"); isTrue(cf) {
				n, _ := strconv.Atoi(r)
				s, _ := attr(text, "s")
				rowStyle[n], _ = strconv.Atoi(s)
			}
		case "c":
			r, ok := attr(text, "r")
			if !ok {
				return nil, errUnusual
			}
			if want[r] {
				s, _ := attr(text, "s")
				out[r], _ = strconv.Atoi(s)
			}
		}
	}
	for ref := range want {
		if _, ok := out[ref]; ok {
			continue
		}
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return nil, err
		}
		out[ref] = 0
		if s, ok := rowStyle[r]; ok {
			out[ref] = s
			continue
		}
		for _, cs := range cols {
			if c >= cs.min && c <= cs.max {
				out[ref] = cs.style
			}
		}
	}
	return out, nil
}

// styledCell is a cell to give a style, by position.
type styledCell struct {
	ref      string
	col, row int
	style    int
	placed   bool
}

// patchCells writes the sheet XML b with the cells of styles given their
// style: a cell written gets its s attribute set, a cell not written is
// added (empty, styled) in its row, a row not written is added.
// head and tail transform the XML before and after the sheet's data.
func patchCells(w *bufio.Writer, b []byte, styles map[string]int, head, tail func([]byte) []byte) error {
	cells := make([]*styledCell, 0, len(styles))
	for ref, s := range styles {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return err
		}
		cells = append(cells, &styledCell{ref: ref, col: c, row: r, style: s})
	}
	slices.SortFunc(cells, func(a, b *styledCell) int {
		if a.row != b.row {
			return a.row - b.row
		}
		return a.col - b.col
	})
	byRef := make(map[string]*styledCell, len(cells))
	for _, c := range cells {
		byRef[c.ref] = c
	}
	next := 0 // the first cell of cells not yet written
	emitCell := func(c *styledCell) {
		w.WriteString(`<c r="` + c.ref + `" s="` + strconv.Itoa(c.style) + `"/>`)
		c.placed = true
	}
	// emitRowsBefore writes the rows, with their cells, of the cells not
	// yet written that lie above row r.
	emitRowsBefore := func(r int) {
		for next < len(cells) && cells[next].row < r {
			row := cells[next].row
			w.WriteString(`<row r="` + strconv.Itoa(row) + `">`)
			for next < len(cells) && cells[next].row == row {
				if !cells[next].placed {
					emitCell(cells[next])
				}
				next++
			}
			w.WriteString(`</row>`)
		}
	}
	// emitCellsBefore writes the cells of row r left of column c (c 0: all).
	emitCellsBefore := func(r, c int) {
		for next < len(cells) && cells[next].row == r && (c == 0 || cells[next].col < c) {
			if !cells[next].placed {
				emitCell(cells[next])
			}
			next++
		}
	}

	sd, ok := nextNamed(b, 0, "sheetData")
	if !ok {
		return errUnusual
	}
	w.Write(head(b[:sd.start]))
	i := sd.end
	if sd.empty {
		// <sheetData/>: open it, write the rows, close it.
		w.Write(b[sd.start : sd.end-2])
		w.WriteString(">")
		emitRowsBefore(excelize.TotalRows + 1)
		w.WriteString("</sheetData>")
		_, err := w.Write(tail(b[i:]))
		return err
	}
	w.Write(b[sd.start:sd.end])
	curRow := 0
	for {
		t, ok := nextTag(b, i)
		if !ok {
			return errUnusual
		}
		w.Write(b[i:t.start])
		text := b[t.start:t.end]
		i = t.end
		switch {
		case t.name == "row":
			v, _ := attr(text, "r")
			r, err := strconv.Atoi(v)
			if err != nil {
				return errUnusual
			}
			emitRowsBefore(r)
			curRow = r
			if t.empty {
				if next < len(cells) && cells[next].row == r {
					w.Write(text[:len(text)-2])
					w.WriteString(">")
					emitCellsBefore(r, 0)
					w.WriteString("</row>")
					continue
				}
			}
			w.Write(text)
		case t.name == "/row":
			emitCellsBefore(curRow, 0)
			w.Write(text)
		case t.name == "c":
			v, _ := attr(text, "r")
			col, row, err := excelize.CellNameToCoordinates(v)
			if err != nil || row != curRow {
				return errUnusual
			}
			emitCellsBefore(row, col)
			if c := byRef[v]; c != nil && !c.placed {
				text = setAttr(text, "s", strconv.Itoa(c.style))
				c.placed = true
				if next < len(cells) && cells[next] == c {
					next++
				}
			}
			w.Write(text)
		case t.name == "/sheetData":
			emitRowsBefore(excelize.TotalRows + 1)
			w.Write(text)
			_, err := w.Write(tail(b[i:]))
			return err
		default:
			w.Write(text)
		}
	}
}

// nextNamed finds the next start tag called name at or after i.
func nextNamed(b []byte, i int, name string) (tag, bool) {
	for {
		t, ok := nextTag(b, i)
		if !ok {
			return tag{}, false
		}
		if t.name == name {
			return t, true
		}
		i = t.end
	}
}

var tabSelectedRE = regexp.MustCompile(`\stabSelected="(?:1|true)"`)

// unselect removes tabSelected from the sheet views at the head of a
// sheet's XML (before its data): the list is the selected sheet, and two
// selected sheets are a group in Excel.
func unselect(head []byte) []byte {
	return tabSelectedRE.ReplaceAll(head, nil)
}

// headEnd is where the sheet views of a sheet's XML end (its data starts).
func headEnd(b []byte) int {
	if i := bytes.Index(b, []byte("<sheetData")); i >= 0 {
		return i
	}
	return len(b)
}

var (
	listSheetRE  = regexp.MustCompile(`<sheet\s[^>]*name="` + regexp.QuoteMeta(SheetName) + `"[^>]*?(?:/>|>\s*</sheet>)`)
	sheetsOpenRE = regexp.MustCompile(`<sheets>`)
	localIDRE    = regexp.MustCompile(`localSheetId="(\d+)"`)
	activeTabRE  = regexp.MustCompile(`\s(?:activeTab|firstSheet)="\d+"`)
)

// patchWorkbook moves the list sheet, last of the workbook's sheets, to the
// first place, renumbers the names defined for one sheet (last), and makes
// the first sheet the active one.
func patchWorkbook(b []byte, last int) ([]byte, error) {
	s := string(b)
	loc := listSheetRE.FindStringIndex(s)
	open := sheetsOpenRE.FindStringIndex(s)
	if loc == nil || open == nil || open[1] > loc[0] {
		return nil, errUnusual
	}
	el := s[loc[0]:loc[1]]
	s = s[:loc[0]] + s[loc[1]:]
	s = s[:open[1]] + el + s[open[1]:]
	s = localIDRE.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(m, `localSheetId="`), `"`))
		if n == last {
			n = 0
		} else {
			n++
		}
		return `localSheetId="` + strconv.Itoa(n) + `"`
	})
	s = activeTabRE.ReplaceAllString(s, "")
	return []byte(s), nil
}

// copyUnselected writes the sheet part r with its head unselected.
func copyUnselected(w io.Writer, b []byte) error {
	h := headEnd(b)
	if _, err := w.Write(unselect(b[:h])); err != nil {
		return err
	}
	_, err := w.Write(b[h:])
	return err
}
