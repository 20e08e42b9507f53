// Package testpdf makes small, valid PDF files for tests and benchmarks:
// written by hand with a correct cross-reference table, so that every PDF
// reader (pdfcpu, poppler, qpdf) accepts them.
package testpdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// OnePage returns a one-page A4 PDF showing text (ASCII) in Helvetica; the
// text also makes files distinct.
func OnePage(text string) []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	return assemble(objs)
}

// Page is the size of a page in points (its media box) and its /Rotate.
type Page struct {
	W, H   float64
	Rotate int
}

// A4 is an upright A4 page.
var A4 = Page{W: 595, H: 842}

// MM is one millimetre in points.
const MM = 72 / 25.4

// Pages returns a PDF of the given pages, each showing text (ASCII) in
// Helvetica.
func Pages(text string, pages ...Page) []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 10 10 Td (%s) Tj ET", text)
	// 1 catalog, 2 pages, 3 font, 4 content, then one object a page.
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	for _, p := range pages {
		rot := ""
		if p.Rotate != 0 {
			rot = fmt.Sprintf(" /Rotate %d", p.Rotate)
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]%s /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>", p.W, p.H, rot))
	}
	return assemble(objs)
}

// assemble writes objs as objects 1…n of a PDF whose catalog is object 1,
// with a cross-reference table.
func assemble(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// EdgeWords are the words Edges sets on each page, before the page's
// number: at the four corners, the middle of each edge and the centre.
var EdgeWords = []string{"TOPLEFT", "TOPMID", "TOPRIGHT", "MIDLEFT", "CENTRE", "MIDRIGHT", "BOTLEFT", "BOTMID", "BOTRIGHT"}

// Edges returns a PDF whose pages are printed to the edge: a grey ground
// over the whole page (a full-bleed scan) and, in Helvetica 10, the words
// of EdgeWords followed by the page's number (TOPLEFT1 …), each touching
// its edges of the page as viewed, set upright as viewed whatever the
// page's /Rotate.
func Edges(pages ...Page) []byte {
	// 1 catalog, 2 pages, 3 font, then a page and its content each.
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	for i, p := range pages {
		w, h := p.W, p.H // the media box
		vw, vh := w, h   // as viewed
		// The matrix from the page as viewed to its user space.
		m := [6]float64{1, 0, 0, 1, 0, 0}
		switch p.Rotate {
		case 90:
			vw, vh = h, w
			m = [6]float64{0, 1, -1, 0, w, 0}
		case 180:
			m = [6]float64{-1, 0, 0, -1, w, h}
		case 270:
			vw, vh = h, w
			m = [6]float64{0, -1, 1, 0, 0, h}
		}
		var c strings.Builder
		fmt.Fprintf(&c, "q %g %g %g %g %g %g cm\n0.85 g 0 0 %.2f %.2f re f\n0 g BT /F1 10 Tf\n", m[0], m[1], m[2], m[3], m[4], m[5], vw, vh)
		// Helvetica capitals and digits are at most 0.78 em wide; the
		// ascent is 0.72 em, the descent 0.21.
		for j, word := range EdgeWords {
			word += strconv.Itoa(i + 1)
			ww := 7.8 * float64(len(word))
			var x, y float64
			switch j % 3 {
			case 0:
				x = 0
			case 1:
				x = (vw - ww) / 2
			case 2:
				x = vw - ww
			}
			switch j / 3 {
			case 0:
				y = vh - 7.3
			case 1:
				y = vh / 2
			case 2:
				y = 2.2
			}
			fmt.Fprintf(&c, "1 0 0 1 %.2f %.2f Tm (%s) Tj\n", x, y, word)
		}
		c.WriteString("ET Q")
		rot := ""
		if p.Rotate != 0 {
			rot = fmt.Sprintf(" /Rotate %d", p.Rotate)
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]%s /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", w, h, rot, 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()))
	}
	return assemble(objs)
}

// SplitContent returns a one-page A4 PDF showing text (ASCII) whose content
// is two streams, the second one marked as Flate-compressed but not (a
// damaged file that readers still show, without that stream).
func SplitContent(text string) []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	bad := "not deflated"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R 6 0 R] >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(bad), bad),
	}
	return assemble(objs)
}
