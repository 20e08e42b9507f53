package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/mkspace/mkspace/templates"
)

// CommitmentFile is the text of the commitment letter in templates.FS.
const CommitmentFile = "text/commitment_zh.txt"

// CommitmentOptions configure the commitment letter.
type CommitmentOptions struct {
	FontPath  string // pdf.font, resolved (see FontPath); "" = shipped font
	SpaceName string // 众创空间名称 to pre-fill; "" leaves the blank
	Creator   string // recorded as the PDF's creator, e.g. "mkspace 0.1.0"
}

// letter is the parsed text of the commitment letter.
type letter struct {
	Title string
	To    []string
	Body  []string
	Sign  []signField
}

// signField is one line of the signature block: a label ("日期："), the
// text after it, and whether a blank line is drawn to write on.
type signField struct {
	Label, Value string
	Blank        bool
}

// parseLetter reads the format described at the top of commitment_zh.txt.
func parseLetter(src string) (letter, error) {
	var l letter
	section := ""
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.Trim(line, "[]")
			continue
		}
		switch section {
		case "title":
			if l.Title != "" {
				return l, fmt.Errorf("line %d: the title is one line", n)
			}
			l.Title = line
		case "to":
			l.To = append(l.To, line)
		case "body":
			l.Body = append(l.Body, line)
		case "sign":
			f := signField{}
			if strings.HasSuffix(line, "_") {
				f.Blank, line = true, strings.TrimSuffix(line, "_")
			}
			i := strings.Index(line, "：")
			if i < 0 {
				return l, fmt.Errorf("line %d: a signature field needs a label ending in \"：\"", n)
			}
			f.Label, f.Value = line[:i+len("：")], line[i+len("："):]
			l.Sign = append(l.Sign, f)
		default:
			return l, fmt.Errorf("line %d: text outside [title], [to], [body] or [sign]", n)
		}
	}
	if l.Title == "" || len(l.Body) == 0 || len(l.Sign) == 0 {
		return l, fmt.Errorf("needs [title], [body] and [sign]")
	}
	return l, sc.Err()
}

// Sizes of the commitment letter, in points.
const (
	letterTitleSize = 22  // 二号
	letterBodySize  = 15  // between 三号 and 四号
	letterLeading   = 2.0 // body line height, × size
	signLeading     = 2.6 // signature lines leave room to sign
	signBlankWidth  = 210 // the blank after each signature label
	signMinSize     = 10  // a long pre-filled name shrinks down to this
)

// CommitmentLetter writes the commitment letter (承诺书) to print, sign and
// stamp: one A4 page in the configured font.
func CommitmentLetter(w io.Writer, opts CommitmentOptions) error {
	src, err := templates.FS.ReadFile(CommitmentFile)
	if err != nil {
		return err
	}
	l, err := parseLetter(string(src))
	if err != nil {
		return fmt.Errorf("%s: %w", CommitmentFile, err)
	}
	d, err := New(Options{FontPath: opts.FontPath, Info: gopdf.PdfInfo{
		Title: l.Title, Subject: l.Title, Creator: opts.Creator, Producer: opts.Creator,
	}})
	if err != nil {
		return err
	}
	d.AddPage()

	d.Skip(24)
	if err := d.Paragraph(l.Title, Style{Size: letterTitleSize, Leading: 1.5, Align: AlignCenter}); err != nil {
		return err
	}
	d.Skip(letterBodySize)
	body := Style{Size: letterBodySize, Leading: letterLeading, Align: AlignLeft}
	for _, p := range l.To {
		if err := d.Paragraph(p, body); err != nil {
			return err
		}
	}
	body.Indent, body.Align = 2, AlignJustify
	for _, p := range l.Body {
		if err := d.Paragraph(p, body); err != nil {
			return err
		}
	}
	d.Skip(3 * letterBodySize)
	if err := d.signBlock(l.Sign, opts.SpaceName); err != nil {
		return err
	}
	if n := d.Pages(); n != 1 {
		return fmt.Errorf("the commitment letter takes %d pages, not one", n)
	}
	_, err = d.WriteTo(w)
	return err
}

// signBlock sets the signature fields in the lower right: labels aligned
// on their right edge, a blank to write on after each.
func (d *Doc) signBlock(fields []signField, name string) error {
	if err := d.SetFontSize(letterBodySize); err != nil {
		return err
	}
	lh := letterBodySize * signLeading
	xBlank := PageWidth - d.M.Right - signBlankWidth
	for _, f := range fields {
		if err := d.SetFontSize(letterBodySize); err != nil {
			return err
		}
		base := d.y + d.baseline(lh)
		if err := d.TextAt(f.Label, xBlank-d.TextWidth(f.Label), base, 0); err != nil {
			return err
		}
		value := strings.ReplaceAll(f.Value, "{name}", name)
		lines, err := d.fitValue(value)
		if err != nil {
			return err
		}
		step := d.size * 1.4
		for i, s := range lines {
			y := base + float64(i)*step
			if err := d.TextAt(s, xBlank+4, y, 0); err != nil {
				return err
			}
			if f.Blank {
				d.Rule(xBlank, PageWidth-d.M.Right, y+4, 0.6)
			}
		}
		if len(lines) == 0 && f.Blank {
			d.Rule(xBlank, PageWidth-d.M.Right, base+4, 0.6)
		}
		d.y += lh + float64(max(len(lines)-1, 0))*step
	}
	return nil
}

// fitValue shrinks a pre-filled value until it fits on the blank, and
// wraps it at the smallest size if it still does not.
func (d *Doc) fitValue(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	avail := float64(signBlankWidth - 8)
	for size := float64(letterBodySize); size >= signMinSize; size-- {
		if err := d.SetFontSize(size); err != nil {
			return nil, err
		}
		if d.TextWidth(s) <= avail {
			return []string{s}, nil
		}
	}
	return Wrap(s, avail, avail, d.RuneWidth), nil
}
