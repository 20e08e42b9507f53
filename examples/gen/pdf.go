package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/signintech/gopdf"
)

// Page sizes in points.
var (
	a4          = gopdf.Rect{W: 595.28, H: 841.89}
	a4Landscape = gopdf.Rect{W: 841.89, H: 595.28}
	a5          = gopdf.Rect{W: 419.53, H: 595.28}
	receipt     = gopdf.Rect{W: 164.41, H: 255.12} // 58 × 90 mm, a till receipt
)

// page is one page of an attachment: a title, a few lines, and optionally a
// red seal with the issuer's name, as on a stamped document.
type page struct {
	Size  gopdf.Rect
	Title string
	Lines []string
	Seal  string // the issuer printed inside the seal; "" = no seal
}

// doc is an attachment PDF.
type doc struct {
	Pages  []page
	Rotate []int // 1-based pages to rotate by 90° (/Rotate 90), as a scanner saves a sideways sheet
}

// onePage returns a one-page A4 document.
func onePage(title, seal string, lines ...string) doc {
	return doc{Pages: []page{{Size: a4, Title: title, Lines: lines, Seal: seal}}}
}

// render writes d as PDF bytes with the shipped font (embedded subset).
func (d doc) render(k *fontKit) ([]byte, error) {
	used := map[rune]bool{}
	d.runes(used)
	font, err := k.forRunes(used)
	if err != nil {
		return nil, err
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: a4, Unit: gopdf.UnitPT})
	if err := pdf.AddTTFFontData("cjk", font); err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	for _, p := range d.Pages {
		size := p.Size
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &size})
		margin := size.W / 10
		if err := pdf.SetFont("cjk", "", 18); err != nil {
			return nil, err
		}
		pdf.SetXY(margin, size.H/10)
		if err := pdf.CellWithOption(&gopdf.Rect{W: size.W - 2*margin, H: 30}, p.Title, gopdf.CellOption{Align: gopdf.Center}); err != nil {
			return nil, err
		}
		if err := pdf.SetFont("cjk", "", 11); err != nil {
			return nil, err
		}
		y := size.H/10 + 50
		for _, l := range p.Lines {
			pdf.SetXY(margin, y)
			lines, err := pdf.SplitText(l, size.W-2*margin)
			if err != nil {
				return nil, err
			}
			for _, s := range lines {
				pdf.SetXY(margin, y)
				if err := pdf.Text(s); err != nil {
					return nil, err
				}
				y += 18
			}
			y += 6
		}
		if p.Seal != "" {
			if err := seal(pdf, size.W-margin-60, y+40, p.Seal); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if len(d.Rotate) > 0 {
		var err error
		if out, err = rotate(out, d.Rotate); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func pdfcpuConf() *model.Configuration {
	model.ConfigPath = "disable" // never write a configuration folder into the user's home
	return model.NewDefaultConfiguration()
}

var (
	pageObj   = regexp.MustCompile(`\n\d+ 0 obj\n<<\n\s*/Type /Page\n`)
	xrefStart = regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n?$`)
)

// rotate sets /Rotate 90 on the given pages of a PDF written by gopdf (whose
// layout is known: one page object per page, in page order, and a classic
// cross-reference table), shifting the cross-reference offsets by the bytes
// inserted. (pdfcpu could do it, but writes its objects in a different order
// at each run.)
func rotate(in []byte, pages []int) ([]byte, error) {
	found := pageObj.FindAllIndex(in, -1)
	const entry = "  /Rotate 90\n"
	var out []byte
	var at []int // positions, in in, after which entry was inserted
	last := 0
	for _, p := range pages {
		if p < 1 || p > len(found) {
			return nil, fmt.Errorf("rotate: no page %d of %d", p, len(found))
		}
		end := found[p-1][1]
		if end < last {
			return nil, fmt.Errorf("rotate: pages out of order")
		}
		out = append(append(out, in[last:end]...), entry...)
		at = append(at, end)
		last = end
	}
	out = append(out, in[last:]...)
	shift := func(off int) int {
		n := 0
		for _, a := range at {
			if off >= a {
				n += len(entry)
			}
		}
		return off + n
	}
	m := xrefStart.FindSubmatchIndex(out)
	if m == nil {
		return nil, fmt.Errorf("rotate: no startxref")
	}
	xref, _ := strconv.Atoi(string(out[m[2]:m[3]]))
	xref = shift(xref)
	if !bytes.HasPrefix(out[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("rotate: no cross-reference table at %d", xref)
	}
	// "xref\n0 N\n" then N entries of 20 bytes: "oooooooooo ggggg n \n"
	head := bytes.SplitN(out[xref:], []byte("\n"), 3)
	var first, count int
	if _, err := fmt.Sscanf(string(head[1]), "%d %d", &first, &count); err != nil {
		return nil, fmt.Errorf("rotate: cross-reference header: %w", err)
	}
	table := xref + len(head[0]) + len(head[1]) + 2
	for i := 0; i < count; i++ {
		e := out[table+20*i : table+20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, fmt.Errorf("rotate: cross-reference entry %d: %w", i, err)
		}
		copy(e[:10], fmt.Sprintf("%010d", shift(off)))
	}
	return append(out[:m[2]:m[2]], fmt.Sprintf("%d\n%%%%EOF\n", xref)...), nil
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// seal draws a red round stamp with the issuer's name across it.
func seal(pdf *gopdf.GoPdf, cx, cy float64, name string) error {
	const r = 52.0
	pdf.SetStrokeColor(200, 30, 30)
	pdf.SetLineWidth(2)
	pdf.Oval(cx-r, cy-r, cx+r, cy+r)
	pdf.SetTextColor(200, 30, 30)
	size := 10.0
	for ; size > 5; size -= 0.5 {
		if err := pdf.SetFont("cjk", "", size); err != nil {
			return err
		}
		w, err := pdf.MeasureTextWidth(name)
		if err != nil {
			return err
		}
		if w <= 1.7*r {
			break
		}
	}
	pdf.SetXY(cx-r, cy-size/2)
	err := pdf.CellWithOption(&gopdf.Rect{W: 2 * r, H: size}, name, gopdf.CellOption{Align: gopdf.Center})
	pdf.SetTextColor(0, 0, 0)
	pdf.SetStrokeColor(0, 0, 0)
	pdf.SetLineWidth(1)
	return err
}
