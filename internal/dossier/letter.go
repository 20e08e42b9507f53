package dossier

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/pdf/layout"
	"github.com/mkspace/mkspace/templates"
)

// CommitmentFile is the text of the commitment letter in templates.FS.
const CommitmentFile = "text/commitment_zh.txt"

// CommitmentOptions configure the commitment letter.
type CommitmentOptions struct {
	// Dir is the package folder, Fonts its pdf.font (none: the shipped
	// font).
	Dir       string
	Fonts     []string
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
	letterMargin    = 71  // 25 mm all round
	letterTitleSize = 22  // 二号
	letterBodySize  = 15  // between 三号 and 四号
	letterLeading   = 2.0 // body line height, × size
	signWidth       = 210 // the blank after each signature label
	signMinSize     = 10  // a long pre-filled name shrinks down to this
	signGap         = 13.5
)

// CommitmentLetter writes the commitment letter (承诺书) to print, sign and
// stamp: one A4 page in the fonts of pdf.font. A font that cannot be used
// is a *font.Error; nothing is written then.
func CommitmentLetter(w io.Writer, opts CommitmentOptions) error {
	src, err := templates.FS.ReadFile(CommitmentFile)
	if err != nil {
		return err
	}
	l, err := parseLetter(string(src))
	if err != nil {
		return fmt.Errorf("%s: %w", CommitmentFile, err)
	}
	fonts, err := font.Open(opts.Dir, opts.Fonts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	lay, err := layout.Render(&buf, letterInput(l, opts.SpaceName, opts.Creator, fonts))
	if err != nil {
		return err
	}
	if lay.Pages != 1 {
		return fmt.Errorf("the commitment letter takes %d pages, not one", lay.Pages)
	}
	_, err = buf.WriteTo(w)
	return err
}

// letterInput lays the letter out as one untitled section: the title
// centred, the addressee flush left, the paragraphs indented and
// justified, and the signature fields at the lower right, each with a
// blank to write on.
func letterInput(l letter, name, creator string, fonts font.Chain) layout.Input {
	body := layout.Style{Size: letterBodySize, Leading: letterLeading, Align: layout.Left}
	blocks := []layout.Block{
		layout.Space{Height: 24},
		layout.Paragraphs{Text: l.Title, Style: layout.Style{Size: letterTitleSize, Leading: 1.5, Align: layout.Center}},
		layout.Space{Height: letterBodySize},
		layout.Paragraphs{Text: strings.Join(l.To, "\n"), Style: body},
		layout.Space{},
	}
	body.Indent, body.Align = 2, layout.Justify
	blocks = append(blocks, layout.Paragraphs{Text: strings.Join(l.Body, "\n"), Style: body}, layout.Space{Height: 3 * letterBodySize})
	sign := layout.Fields{Size: letterBodySize, MinSize: signMinSize, Gap: signGap, Width: signWidth, Align: layout.Left}
	for _, f := range l.Sign {
		sign.Items = append(sign.Items, layout.Field{Label: f.Label, Value: strings.ReplaceAll(f.Value, "{name}", name), Blank: f.Blank})
	}
	return layout.Input{
		Info:     layout.Info{Title: l.Title, Subject: l.Title, Creator: creator},
		Margins:  layout.Margins{Top: letterMargin, Right: letterMargin, Bottom: letterMargin, Left: letterMargin},
		Sections: []layout.Section{{Blocks: append(blocks, sign)}},
		Fonts:    fonts,
	}
}
