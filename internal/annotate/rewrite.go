package annotate

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// plan is what rewrite puts into the package excelize saved.
type plan struct {
	marks        *markSet
	rows         []row
	styles       listStyles
	dxf          [2]int // the conditional formats of marks: error, warning
	lang         msg.Lang
	placeholders map[string]string // sheet → the cell of the note excelize was asked to add
	// cellStyles are the styles of the marked cells, by sheet and cell,
	// when they are set here, not through excelize (fast): then the list,
	// excelize's last sheet (index last), is moved first and selected here
	// too.
	cellStyles map[string]map[string]int
	fast       bool
	last       int
}

const (
	relComments   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relVML        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
	nsMain        = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRelDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// rewrite copies the package data to w, with the comments and VML parts of
// the marked sheets and the 检查结果 sheet's part written anew. The other
// parts are copied as they are (compressed bytes and all).
func rewrite(ctx context.Context, data []byte, w io.Writer, p *plan) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[f.Name] = f
	}
	sheetParts, err := sheetPaths(files)
	if err != nil {
		return err
	}
	listPart := sheetParts[SheetName]
	if listPart == "" {
		return fmt.Errorf("annotate: no part for sheet %s", SheetName)
	}
	type notes struct {
		sm            *sheetMarks
		comments, vml string
	}
	replace := map[string]func(io.Writer) error{}
	block := maxVMLBlock(files) + 1
	for _, sm := range p.marks.sheets {
		part := sheetParts[sm.name]
		rels, err := readRels(files, path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"), path.Dir(part))
		if err != nil {
			return err
		}
		n := notes{sm: sm, comments: rels[relComments], vml: rels[relVML]}
		if n.comments == "" || n.vml == "" || files[n.comments] == nil || files[n.vml] == nil {
			return fmt.Errorf("annotate: sheet %s has no comments part", sm.name)
		}
		placeholder := p.placeholders[sm.name]
		replace[part] = func(w io.Writer) error {
			return writeSheet(files[part], w, n.sm, p.dxf, p.cellStyles[n.sm.name])
		}
		replace[n.comments] = func(w io.Writer) error {
			return writeComments(files[n.comments], w, n.sm, placeholder)
		}
		first := block
		block += (len(sm.cells)+1022)/1023 + 1
		replace[n.vml] = func(w io.Writer) error {
			return writeVML(files[n.vml], w, n.sm, first)
		}
	}
	replace[listPart] = func(w io.Writer) error { return writeList(w, p) }
	if p.fast {
		b, err := readPart(files["xl/workbook.xml"])
		if err != nil {
			return err
		}
		wb, err := patchWorkbook(b, p.last)
		if err != nil {
			return err
		}
		replace["xl/workbook.xml"] = func(w io.Writer) error {
			_, err := w.Write(wb)
			return err
		}
		// The sheet selected before is selected no more.
		for name, part := range sheetParts {
			if replace[part] != nil || name == SheetName || files[part] == nil {
				continue
			}
			h, err := readHead(files[part], 64<<10)
			if err != nil {
				return err
			}
			if tabSelectedRE.Match(h[:headEnd(h)]) {
				f := files[part]
				replace[part] = func(w io.Writer) error {
					b, err := readPart(f)
					if err != nil {
						return err
					}
					return copyUnselected(w, b)
				}
			}
		}
	}

	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return err
		}
		if write := replace[f.Name]; write != nil {
			out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
			if err != nil {
				return err
			}
			bw := bufio.NewWriterSize(out, 64<<10)
			if err := write(bw); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			continue
		}
		out, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			return err
		}
		r, err := f.OpenRaw()
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, r); err != nil {
			return err
		}
	}
	return zw.Close()
}

var (
	cfPriorityRE = regexp.MustCompile(`(<(?:x14:)?cfRule\b[^>]*?\bpriority=")(\d+)(")`)
	cfStart      = []byte("<conditionalFormatting")
)

// writeSheet copies a marked sheet's part. With styles (the cells'
// styles were not set through excelize) the cells get them here and the
// sheet is unselected (the list is). When the sheet has conditional
// formats, the marks' own come first (priorities 1 and 2, the others'
// moved down), so that the fill of a marked cell shows whatever the
// sheet's formats say.
func writeSheet(f *zip.File, w io.Writer, sm *sheetMarks, dxf [2]int, styles map[string]int) error {
	b, err := readPart(f)
	if err != nil {
		return err
	}
	cf := func(t []byte) []byte { return withMarkFormats(t, sm, dxf) }
	bw := bufio.NewWriterSize(w, 64<<10)
	if styles == nil {
		bw.Write(cf(b))
		return bw.Flush()
	}
	if err := patchCells(bw, b, styles, unselect, cf); err != nil {
		return err
	}
	return bw.Flush()
}

// withMarkFormats returns the sheet XML b (or its part after the data)
// with the marks' conditional formats before the sheet's own, if it has
// any.
func withMarkFormats(b []byte, sm *sheetMarks, dxf [2]int) []byte {
	at := bytes.Index(b, cfStart)
	if at < 0 {
		return b
	}
	var refs [2][]string
	for _, ref := range sm.order {
		m := sm.cells[ref]
		if !m.fill {
			continue
		}
		i := 0
		if m.sev != finding.Error {
			i = 1
		}
		refs[i] = append(refs[i], m.fillRefs...)
	}
	var out bytes.Buffer
	out.Grow(len(b) + 256)
	out.Write(b[:at])
	for i, rs := range refs {
		if len(rs) == 0 {
			continue
		}
		out.WriteString(`<conditionalFormatting sqref="` + strings.Join(rs, " ") + `"><cfRule type="expression" dxfId="` +
			strconv.Itoa(dxf[i]) + `" priority="` + strconv.Itoa(i+1) + `" stopIfTrue="1"><formula>TRUE</formula></cfRule></conditionalFormatting>`)
	}
	out.Write(cfPriorityRE.ReplaceAllFunc(b[at:], func(m []byte) []byte {
		sub := cfPriorityRE.FindSubmatch(m)
		n, _ := strconv.Atoi(string(sub[2]))
		return []byte(string(sub[1]) + strconv.Itoa(n+2) + string(sub[3]))
	}))
	return out.Bytes()
}

// sheetPaths maps each sheet's name to its part, from the workbook and its
// relationships.
func sheetPaths(files map[string]*zip.File) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXML(files, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	rels, err := readRelIDs(files, "xl/_rels/workbook.xml.rels", "xl")
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(wb.Sheets))
	for _, s := range wb.Sheets {
		out[s.Name] = rels[s.RID]
	}
	return out, nil
}

type relsXML struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// readRels maps relationship types to their targets (as part names) in the
// relationships part name of a part in folder dir; a missing part: none.
func readRels(files map[string]*zip.File, name, dir string) (map[string]string, error) {
	var rs relsXML
	if files[name] == nil {
		return map[string]string{}, nil
	}
	if err := readXML(files, name, &rs); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rs.Rels {
		if r.Mode != "External" {
			out[r.Type] = partName(dir, r.Target)
		}
	}
	return out, nil
}

// readRelIDs maps relationship ids to their targets.
func readRelIDs(files map[string]*zip.File, name, dir string) (map[string]string, error) {
	var rs relsXML
	if err := readXML(files, name, &rs); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rs.Rels {
		out[r.ID] = partName(dir, r.Target)
	}
	return out, nil
}

func partName(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

func readXML(files map[string]*zip.File, name string, v any) error {
	b, err := readPart(files[name])
	if err != nil {
		return fmt.Errorf("annotate: %s: %w", name, err)
	}
	return xml.Unmarshal(b, v)
}

func readPart(f *zip.File) ([]byte, error) {
	if f == nil {
		return nil, fmt.Errorf("missing part")
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// readHead reads the first n bytes of a part (all of a shorter one).
func readHead(f *zip.File, n int) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b := make([]byte, n)
	k, err := io.ReadFull(r, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return b[:k], err
}

// commentsXML is a comments part as read: each comment's text kept as
// written (its runs and their formatting).
type commentsXML struct {
	Authors  []string `xml:"authors>author"`
	Comments []struct {
		Ref      string `xml:"ref,attr"`
		AuthorID int    `xml:"authorId,attr"`
		Text     struct {
			Inner string `xml:",innerxml"`
		} `xml:"text"`
	} `xml:"commentList>comment"`
}

// writeComments writes the comments part of a marked sheet: the earlier
// notes as they were, the findings' texts below the earlier text of a
// marked cell, a new note on every other marked cell.
func writeComments(f *zip.File, w io.Writer, sm *sheetMarks, placeholder string) error {
	b, err := readPart(f)
	if err != nil {
		return err
	}
	var in commentsXML
	if err := xml.Unmarshal(b, &in); err != nil {
		return err
	}
	authors := slices.Clone(in.Authors)
	me := slices.Index(authors, noteAuthor)
	if me < 0 {
		authors = append(authors, noteAuthor)
		me = len(authors) - 1
	}
	type out struct {
		ref      string
		col, row int
		author   int
		inner    string
	}
	list := make([]out, 0, len(in.Comments)+len(sm.cells))
	seen := make(map[string]bool, len(in.Comments))
	for _, c := range in.Comments {
		if c.Ref == placeholder || seen[c.Ref] {
			continue
		}
		seen[c.Ref] = true
		col, row, _ := excelize.CellNameToCoordinates(c.Ref)
		inner := c.Text.Inner
		if m := sm.cells[c.Ref]; m != nil {
			inner = appendRuns(runsOnly(inner), "\n\n"+noteText(m), m.sev)
		}
		list = append(list, out{c.Ref, col, row, c.AuthorID, inner})
	}
	for _, ref := range sm.order {
		if seen[ref] {
			continue
		}
		m := sm.cells[ref]
		col, row, _ := excelize.CellNameToCoordinates(ref)
		list = append(list, out{ref, col, row, me, appendRuns("", noteText(m), m.sev)})
	}
	slices.SortFunc(list, func(a, b out) int { return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col)) })

	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<comments xmlns="` + nsMain + `"><authors>`)
	for _, a := range authors {
		bw.WriteString("<author>")
		escape(bw, a)
		bw.WriteString("</author>")
	}
	bw.WriteString("</authors><commentList>")
	for _, c := range list {
		bw.WriteString(`<comment ref="` + c.ref + `" authorId="` + strconv.Itoa(c.author) + `"><text>`)
		bw.WriteString(c.inner)
		bw.WriteString("</text></comment>")
	}
	bw.WriteString("</commentList></comments>")
	return bw.Flush()
}

// noteText is the text a mark adds to its cell's note: one line per
// finding, at most maxNoteChars characters.
func noteText(m *mark) string {
	s := strings.Join(m.texts, "\n")
	if r := []rune(s); len(r) > maxNoteChars-200 {
		s = string(r[:maxNoteChars-201]) + "…"
	}
	return s
}

// runsOnly turns a text of one plain <t> into a run, so that runs can
// follow it (a comment's text is either one <t> or runs).
func runsOnly(inner string) string {
	t := strings.TrimSpace(inner)
	if !strings.HasPrefix(t, "<t>") && !strings.HasPrefix(t, "<t ") {
		return inner
	}
	end := strings.Index(t, "</t>")
	if end < 0 {
		return inner
	}
	end += len("</t>")
	return "<r>" + t[:end] + "</r>" + t[end:]
}

// appendRuns adds text as a run (dark red for errors, dark amber for
// warnings) after the runs of inner, before its phonetic runs.
func appendRuns(inner, text string, sev finding.Severity) string {
	color := "FF9C0006"
	if sev != finding.Error {
		color = "FF9C5700"
	}
	var b strings.Builder
	b.WriteString(`<r><rPr><sz val="9"/><color rgb="` + color + `"/></rPr><t xml:space="preserve">`)
	escape(&b, text)
	b.WriteString("</t></r>")
	i := len(inner)
	for _, tag := range []string{"<rPh", "<phoneticPr"} {
		if j := strings.Index(inner, tag); j >= 0 && j < i {
			i = j
		}
	}
	return inner[:i] + b.String() + inner[i:]
}

var (
	shapeRE   = regexp.MustCompile(`(?s)<v:shape\s.*?</v:shape>`)
	typeRE    = regexp.MustCompile(`(?s)<v:shapetype\s.*?</v:shapetype>`)
	rowRE     = regexp.MustCompile(`<x:Row>\s*(\d+)\s*</x:Row>`)
	colRE     = regexp.MustCompile(`<x:Column>\s*(\d+)\s*</x:Column>`)
	idmapRE   = regexp.MustCompile(`<o:idmap[^>]*\sdata="([0-9,\s]*)"`)
	noteObjRE = regexp.MustCompile(`ObjectType="Note"`)
)

// maxVMLBlock is the highest block of shape ids (o:idmap) any VML part
// of the package uses.
func maxVMLBlock(files map[string]*zip.File) int {
	top := 1
	for name, f := range files {
		if !strings.HasSuffix(strings.ToLower(name), ".vml") {
			continue
		}
		b, err := readPart(f)
		if err != nil {
			continue
		}
		for _, m := range idmapRE.FindAllSubmatch(b, -1) {
			for _, s := range strings.Split(string(m[1]), ",") {
				if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					top = max(top, n)
				}
			}
		}
	}
	return top
}

// writeVML writes the VML part of a marked sheet: every shape kept but the
// notes of marked cells, which get a larger box; new notes numbered from
// shape-id block first on.
func writeVML(f *zip.File, w io.Writer, sm *sheetMarks, first int) error {
	b, err := readPart(f)
	if err != nil {
		return err
	}
	src := string(b)
	var blocks []string
	if m := idmapRE.FindStringSubmatch(src); m != nil {
		for _, s := range strings.Split(m[1], ",") {
			if s = strings.TrimSpace(s); s != "" {
				blocks = append(blocks, s)
			}
		}
	}
	types := typeRE.FindAllString(src, -1)
	has202 := false
	for _, t := range types {
		if strings.Contains(t, `id="_x0000_t202"`) {
			has202 = true
		}
	}
	var kept []string
	for _, s := range shapeRE.FindAllString(src, -1) {
		if noteObjRE.MatchString(s) {
			r, c := rowRE.FindStringSubmatch(s), colRE.FindStringSubmatch(s)
			if r != nil && c != nil {
				row, _ := strconv.Atoi(r[1])
				col, _ := strconv.Atoi(c[1])
				ref, _ := excelize.CoordinatesToCellName(col+1, row+1)
				if sm.cells[ref] != nil {
					continue // replaced below
				}
			}
		}
		kept = append(kept, s)
	}
	n := (len(sm.cells) + 1022) / 1023
	for i := 0; i < n; i++ {
		blocks = append(blocks, strconv.Itoa(first+i))
	}

	bw := bufio.NewWriter(w)
	bw.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`)
	bw.WriteString(`<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` + strings.Join(blocks, ",") + `"/></o:shapelayout>`)
	for _, t := range types {
		bw.WriteString(t)
	}
	if !has202 {
		bw.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	}
	for _, s := range kept {
		bw.WriteString(s)
	}
	for i, ref := range sm.order {
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return err
		}
		c, r := col-1, row-1
		id := (first+i/1023)*1024 + i%1023 + 1
		fmt.Fprintf(bw, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:%d;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`, id, i+1)
		bw.WriteString(`<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`)
		fmt.Fprintf(bw, `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>%d, 15, %d, 2, %d, 15, %d, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			min(c+1, maxCol), max(r-1, 0), min(c+4, maxCol), min(max(r-1, 0)+5, maxRow), r, c)
	}
	bw.WriteString("</xml>")
	return bw.Flush()
}

// The last column and row (0-based) a note's box may reach.
const (
	maxCol = excelize.MaxColumns - 1
	maxRow = excelize.TotalRows - 1
)

// escape writes s as XML character data.
func escape(w io.Writer, s string) {
	_ = xml.EscapeText(w, []byte(s))
}
