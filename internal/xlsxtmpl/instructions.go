package xlsxtmpl

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
	"github.com/mkspace/mkspace/templates"
)

// lineKind is how a line of the 填报说明 sheet looks.
type lineKind int

const (
	lineTitle lineKind = iota
	lineHeading
	lineSheet
	linePara
	lineBullet
)

type insLine struct {
	kind lineKind
	text string
}

// instructionsWidth is the width of column A of the 填报说明 sheet.
const instructionsWidth = 72

// instructionLines renders the 填报说明 sheet: the static prose of
// templates/text/instructions.<lang>.txt with the requirements of every
// included sheet generated from package schema in place of "@sheets".
func (b *builder) instructionLines() ([]insLine, error) {
	l := b.l
	name := "text/instructions." + string(l) + ".txt"
	raw, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		return nil, fmt.Errorf("instructions text: %w", err)
	}
	start, end := b.window.Start.Format(config.DateLayout), b.window.End.Format(config.DateLayout)
	fill := strings.NewReplacer("{start}", start, "{end}", end, "{size}", msg.Bytes(b.maxBytes),
		"{first}", fmt.Sprint(FirstDataRow), "{last}", fmt.Sprint(b.lastRow())).Replace
	intros := map[string]string{}
	var body []insLine
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	for sc.Scan() {
		t := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case t == "":
		case strings.HasPrefix(t, "## "):
			body = append(body, insLine{lineHeading, fill(t[3:])})
		case strings.HasPrefix(t, "# "):
		case strings.HasPrefix(t, "- "):
			body = append(body, insLine{lineBullet, "• " + fill(t[2:])})
		case t == "@sheets":
			body = append(body, insLine{kind: -1})
		case strings.HasPrefix(t, "@sheet:"):
			k, v, _ := strings.Cut(t[len("@sheet:"):], " ")
			intros[k] = fill(v)
		default:
			body = append(body, insLine{linePara, fill(t)})
		}
	}
	out := []insLine{
		{lineTitle, l.T("tmpl.ins.title")},
		{linePara, l.T("tmpl.ins.subtitle", "version", version.Template, "start", start, "end", end)},
	}
	for _, x := range body {
		if x.kind == -1 {
			out = append(out, b.sheetLines(intros)...)
			continue
		}
		out = append(out, x)
	}
	return out, nil
}

// sheetLines describes every included sheet: its columns (or fields), the
// row states of its Conditions and its Conflicts.
func (b *builder) sheetLines(intros map[string]string) []insLine {
	l := b.l
	var out []insLine
	q := func(x string) string { return l.T("tmpl.ins.quote", "x", x) }
	header := func(s *schema.Sheet, key string) string {
		if c := s.Column(key); c != nil {
			return c.Header
		}
		return key
	}
	whenText := func(s *schema.Sheet, when []schema.Match) string {
		var parts []string
		for _, m := range when {
			v := schema.No
			if m.Value {
				v = schema.Yes
			}
			parts = append(parts, l.T("tmpl.ins.when", "col", q(header(s, m.Key)), "value", v))
		}
		return strings.Join(parts, l.T("tmpl.ins.when-sep"))
	}
	cols := func(s *schema.Sheet, keys []string) string {
		var parts []string
		for _, k := range keys {
			parts = append(parts, q(header(s, k)))
		}
		return strings.Join(parts, l.T("tmpl.ins.cols-sep"))
	}
	for _, s := range b.sheets {
		title := s.Title
		if title == s.Name {
			title = ""
		}
		out = append(out, insLine{lineSheet, strings.TrimSpace(l.T("tmpl.ins.sheet", "sheet", s.Name, "title", title))})
		if in := intros[s.Key]; in != "" {
			out = append(out, insLine{linePara, in})
		}
		if s.Kind == schema.Form {
			out = append(out, insLine{linePara, l.T("tmpl.ins.form")})
		}
		for i := range s.Columns {
			c := &s.Columns[i]
			h := c.Header
			if c.Required {
				h = "*" + h
			}
			out = append(out, insLine{lineBullet, "• " + l.T("tmpl.ins.column", "col", h,
				"desc", strings.Join(b.describe(s, c, false), l.T("tmpl.ins.what-sep")))})
		}
		if len(s.Conditions) == 0 && len(s.Conflicts) == 0 {
			continue
		}
		out = append(out, insLine{linePara, l.T("tmpl.ins.states")})
		for _, cond := range s.Conditions {
			var what []string
			if len(cond.Require) > 0 {
				what = append(what, l.T("tmpl.ins.require", "cols", cols(s, cond.Require)))
			}
			if len(cond.Forbid) > 0 {
				what = append(what, l.T("tmpl.ins.forbid", "cols", cols(s, cond.Forbid)))
			}
			out = append(out, insLine{lineBullet, "• " + l.T("tmpl.ins.state", "label", l.Pick(cond.Label, cond.LabelEN),
				"when", whenText(s, cond.When), "what", strings.Join(what, l.T("tmpl.ins.what-sep")))})
		}
		for _, cf := range s.Conflicts {
			out = append(out, insLine{lineBullet, "• " + l.T("tmpl.ins.conflict", "when", whenText(s, cf.When), "rule", cf.Rule)})
		}
	}
	return out
}

func (b *builder) writeInstructions() error {
	f, sh := b.f, schema.InstructionsSheet
	lines, err := b.instructionLines()
	if err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "A", "A", instructionsWidth); err != nil {
		return err
	}
	for i, x := range lines {
		row := i + 1
		cell := fmt.Sprintf("A%d", row)
		if err := f.SetCellStr(sh, cell, x.text); err != nil {
			return err
		}
		style, perLine, pad := b.st.para, 15.0, 4.0
		switch x.kind {
		case lineTitle:
			style, perLine, pad = b.st.title, 24, 10
		case lineHeading:
			style, perLine, pad = b.st.heading, 19, 8
		case lineSheet:
			style, perLine, pad = b.st.sub, 16, 10
		case lineBullet:
			style = b.st.bullet
		}
		if err := f.SetCellStyle(sh, cell, cell, style); err != nil {
			return err
		}
		w := float64(instructionsWidth)
		if x.kind == lineBullet {
			w -= 4
		}
		if err := f.SetRowHeight(sh, row, float64(lineCount(x.text, w))*perLine+pad); err != nil {
			return err
		}
	}
	if err := f.SetSheetView(sh, 0, &excelize.ViewOptions{ShowGridLines: ptr(false)}); err != nil {
		return err
	}
	return b.pageSetup(sh, false)
}

func ptr[T any](v T) *T { return &v }
