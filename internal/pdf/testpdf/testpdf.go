// Package testpdf makes small, valid PDF files for tests and benchmarks:
// written by hand with a correct cross-reference table, so that every PDF
// reader (pdfcpu, poppler, qpdf) accepts them.
package testpdf

import (
	"bytes"
	"fmt"
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
