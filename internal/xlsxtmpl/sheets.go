package xlsxtmpl

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
)

// ListName returns the defined name under which option list name sits on
// the hidden 选项 sheet (e.g. "opt_tenure").
func ListName(name string) string { return "opt_" + name }

// TeamNames is the defined name of the team names filled in 创业团队: a
// dynamic range (OFFSET over COUNTA) that grows with the filled rows, the
// list of 入驻企业's 团队名称 dropdown.
const TeamNames = "team_names"

// writeTeamNames defines TeamNames over the 团队名称 column of 创业团队.
func (b *builder) writeTeamNames() error {
	if !b.has(schema.Teams.Sheet) || !b.has(schema.Enterprises.Sheet) {
		return nil
	}
	col := colName(schema.Teams.Name.Index() + 1)
	sh := schema.Teams.Sheet.Name
	ref := fmt.Sprintf("OFFSET('%[1]s'!$%[2]s$%[3]d,0,0,MAX(1,COUNTA('%[1]s'!$%[2]s$%[3]d:$%[2]s$%[4]d)),1)",
		sh, col, FirstDataRow, b.lastRow())
	return b.f.SetDefinedName(&excelize.DefinedName{Name: TeamNames, RefersTo: ref})
}

// writeLists puts every option list the included sheets use on the hidden
// 选项 sheet, one column per list, each named by a workbook-level defined
// name. All lists go there, short or long: an inline list over 255
// characters breaks Excel, and one way for every list keeps it simple.
func (b *builder) writeLists() error {
	var names []string
	seen := map[string]bool{}
	for _, s := range b.sheets {
		for i := range s.Columns {
			c := &s.Columns[i]
			name := ""
			switch c.Type {
			case schema.YesNo:
				name = schema.ListYesNo
			case schema.Enum:
				name = c.Options
			}
			if name != "" && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	f := b.f
	sh := schema.ListsSheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	for i, name := range names {
		opts := b.lists[name]
		if len(opts) == 0 {
			return fmt.Errorf("option list %q is empty", name)
		}
		col := colName(i + 1)
		if err := f.SetCellStr(sh, col+"1", name); err != nil {
			return err
		}
		for j, o := range opts {
			if err := f.SetCellStr(sh, fmt.Sprintf("%s%d", col, j+2), o); err != nil {
				return err
			}
		}
		ref := fmt.Sprintf("'%s'!$%s$2:$%s$%d", sh, col, col, len(opts)+1)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: ListName(name), RefersTo: ref}); err != nil {
			return err
		}
		b.listNames[name] = ListName(name)
		w := 10.0
		for _, o := range opts {
			w = max(w, dispWidth(o)+2)
		}
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(sh, false)
}

// columnWidth is the template width of c: the schema's, or one that fits
// the header and the kind of value.
func (b *builder) columnWidth(c *schema.Column) float64 {
	if c.Width > 0 {
		return c.Width
	}
	w := 12.0
	switch c.Type {
	case schema.Attachment:
		w = 28
	case schema.USCC:
		w = 22
	case schema.Text:
		w = 16
		if c.MaxLen > 100 {
			w = 30
		}
	case schema.Enum:
		for _, o := range b.lists.Options(c) {
			w = max(w, dispWidth(o)+4)
		}
	}
	// the header on one line when short, else on two
	h := dispWidth("*"+c.Header) + 3
	if h > 22 {
		h = dispWidth(c.Header)/2 + 4
	}
	return min(max(w, h, 10), 40)
}

// headerRuns writes the header text, a red * in front when the column is
// always required (the reader drops a leading *).
func headerRuns(text string, required bool) []excelize.RichTextRun {
	bold := &excelize.Font{Bold: true, Color: "000000"}
	if !required {
		return []excelize.RichTextRun{{Text: text, Font: bold}}
	}
	return []excelize.RichTextRun{
		{Text: "*", Font: &excelize.Font{Bold: true, Color: colorRequired}},
		{Text: text, Font: bold},
	}
}

func (b *builder) writeTable(s *schema.Sheet) error {
	f, sh := b.f, s.Name
	last := b.lastRow()
	headerLines := 1
	for i := range s.Columns {
		c := &s.Columns[i]
		col := colName(i + 1)
		w := b.columnWidth(c)
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
		if err := f.SetColStyle(sh, col, b.valueStyle(c)); err != nil {
			return err
		}
		headerLines = max(headerLines, lineCount(c.Header+" *", w))
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		cell := colName(i+1) + "1"
		if err := f.SetCellRichText(sh, cell, headerRuns(c.Header, c.Required)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell, cell, b.st.header); err != nil {
			return err
		}
		if err := b.addNote(sh, cell, c.Header, b.headerNote(s, c)); err != nil {
			return err
		}
		ref := fmt.Sprintf("%s%d:%s%d", colName(i+1), FirstDataRow, colName(i+1), last)
		if err := b.addValidation(sh, ref, s, c); err != nil {
			return err
		}
		if err := b.addTableFormats(s, i, ref); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, HeaderRow, float64(headerLines)*15+6); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: HeaderRow, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return b.pageSetup(sh, true)
}

func (b *builder) writeForm(s *schema.Sheet) error {
	f, sh := b.f, s.Name
	long := s == schema.Narrative.Sheet || s.Columns[0].MaxLen >= 1000
	wA, wB := 30.0, 60.0
	if long {
		wA, wB = 24, 100
	}
	for i := range s.Columns {
		wA = max(wA, dispWidth(s.Columns[i].Header)+4)
	}
	if err := f.SetColWidth(sh, "A", "A", wA); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", wB); err != nil {
		return err
	}
	for j, h := range s.FormHeaders {
		cell := colName(j+1) + "1"
		if err := f.SetCellStr(sh, cell, h); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell, cell, b.st.header); err != nil {
			return err
		}
		key := "tmpl.note.field-col"
		if j == 1 {
			key = "tmpl.note.value-col"
		}
		if err := b.addNote(sh, cell, h, b.l.T(key)); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, HeaderRow, 22); err != nil {
		return err
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		row := FirstDataRow + i
		a, v := fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row)
		if err := f.SetCellRichText(sh, a, headerRuns(c.Header, c.Required)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, a, a, b.st.field); err != nil {
			return err
		}
		style := b.formValueStyle(c)
		if err := f.SetCellStyle(sh, v, v, style); err != nil {
			return err
		}
		if s == schema.Basic.Sheet && c.Key == schema.Basic.Name.Key() && b.spaceName != "" {
			if err := f.SetCellStr(sh, v, b.spaceName); err != nil {
				return err
			}
		}
		if err := b.addNote(sh, v, c.Header, b.headerNote(s, c)); err != nil {
			return err
		}
		if err := b.addValidation(sh, v, s, c); err != nil {
			return err
		}
		if c.Required {
			if err := b.cf(sh, v, fmt.Sprintf(`LEN(%s)=0`, v), b.st.cfMissing, false); err != nil {
				return err
			}
		}
		height := 22.0
		if long {
			height = 300
		}
		if err := f.SetRowHeight(sh, row, height); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: HeaderRow, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return b.pageSetup(sh, false)
}

// valueStyle is the column style of a table column's data cells.
func (b *builder) valueStyle(c *schema.Column) int {
	switch c.Type {
	case schema.Text, schema.Attachment, schema.USCC:
		return b.st.text
	case schema.Date:
		return b.st.date
	case schema.Int:
		return b.st.integer
	case schema.YesNo, schema.Enum:
		return b.st.choice
	}
	return b.st.gen
}

// formValueStyle is the style of a form field's value cell (bordered).
func (b *builder) formValueStyle(c *schema.Column) int {
	if c.Type == schema.Date {
		return b.st.dateValue
	}
	if c.MaxLen >= 1000 {
		return b.st.longValue
	}
	return b.st.value
}

func (b *builder) pageSetup(sh string, landscape bool) error {
	o := "portrait"
	if landscape {
		o = "landscape"
	}
	size := 9 // A4
	one := 1
	zero := 0
	if err := b.f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &o, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	return b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// addNote attaches a note to a header or field cell.
func (b *builder) addNote(sh, cell, title, body string) error {
	lines := 1 + lineCount(body, 38)
	return b.f.AddComment(sh, excelize.Comment{
		Cell:   cell,
		Author: "mkspace",
		Paragraph: []excelize.RichTextRun{
			{Text: title + "\n", Font: &excelize.Font{Bold: true, Size: 9}},
			{Text: body, Font: &excelize.Font{Size: 9}},
		},
		Width:  300,
		Height: uint(16*lines + 12),
	})
}

// serial is the Excel serial number of day d (1900 date system).
func serial(d time.Time) int {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return int(d.Sub(base).Hours() / 24)
}

// clip bounds Excel's alert texts: a title of 32 and a message of 255
// characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// addValidation adds the data validation of column c over ref.
func (b *builder) addValidation(sh, ref string, s *schema.Sheet, c *schema.Column) error {
	l := b.l
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	first := strings.SplitN(ref, ":", 2)[0]
	if s == schema.Enterprises.Sheet && c.Key == schema.Enterprises.Team.Key() && b.has(schema.Teams.Sheet) {
		// A dropdown of the team names filled in 创业团队; a warning only,
		// so that an enterprise can be entered before its team.
		dv.SetSqrefDropList(TeamNames)
		dv.SetError(excelize.DataValidationErrorStyleWarning, clip(l.T("tmpl.dv.title"), 32), clip(l.T("tmpl.dv.team"), 255))
		return b.f.AddDataValidation(sh, dv)
	}
	var text string
	var err error
	switch c.Type {
	case schema.YesNo, schema.Enum:
		name := schema.ListYesNo
		if c.Type == schema.Enum {
			name = c.Options
		}
		dv.SetSqrefDropList(b.listNames[name])
		text = l.T("tmpl.dv.list", "options", strings.Join(b.lists[name], l.T("tmpl.list-sep")))
	case schema.Date:
		start, end := b.window.Start.Format(config.DateLayout), b.window.End.Format(config.DateLayout)
		switch c.Dates {
		case schema.NotAfterWindowEnd:
			err = dv.SetRange(1, serial(b.window.End), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
			text = l.T("tmpl.dv.date-end", "end", end)
		case schema.InsideWindow:
			err = dv.SetRange(serial(b.window.Start), serial(b.window.End), excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
			text = l.T("tmpl.dv.date-inside", "start", start, "end", end)
		default:
			err = dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
			text = l.T("tmpl.dv.date")
		}
	case schema.Int, schema.Decimal:
		text, err = b.numberValidation(dv, c, first)
	case schema.USCC:
		err = dv.SetRange(18, "", excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorEqual)
		text = l.T("tmpl.dv.uscc")
	case schema.Attachment:
		custom(dv, fmt.Sprintf(`LOWER(RIGHT(TRIM(%s),4))=".pdf"`, first))
		text = l.T("tmpl.dv.attachment")
	case schema.Text:
		var conds []string
		switch c.Format {
		case schema.URL:
			conds = append(conds, fmt.Sprintf(`OR(LEFT(LOWER(TRIM(%[1]s)),7)="http://",LEFT(LOWER(TRIM(%[1]s)),8)="https://")`, first))
			text = l.T("tmpl.dv.url")
		case schema.Phone:
			// digits and dashes only; the validator checks the exact forms
			conds = append(conds, fmt.Sprintf(`AND(LEN(TRIM(%[1]s))>=7,LEN(TRIM(%[1]s))<=20,ISNUMBER(VALUE(SUBSTITUTE(TRIM(%[1]s),"-",""))))`, first))
			text = l.T("tmpl.dv.phone")
		case schema.Email:
			conds = append(conds, fmt.Sprintf(`ISNUMBER(FIND("@",%s))`, first))
			text = l.T("tmpl.dv.email")
		}
		if c.MaxLen > 0 {
			if len(conds) == 0 {
				err = dv.SetRange(c.MaxLen, "", excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorLessThanOrEqual)
			} else {
				conds = append(conds, fmt.Sprintf("LEN(%s)<=%d", first, c.MaxLen))
			}
			if text == "" {
				text = l.T("tmpl.dv.length", "n", fmt.Sprint(c.MaxLen))
			}
		}
		switch len(conds) {
		case 0:
		case 1:
			custom(dv, conds[0])
		default:
			custom(dv, "AND("+strings.Join(conds, ",")+")")
		}
		if dv.Type == "" {
			return nil // free text: nothing to check in the cell
		}
	default:
		return nil
	}
	if err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, clip(l.T("tmpl.dv.title"), 32), clip(text, 255))
	return b.f.AddDataValidation(sh, dv)
}

// custom sets a custom-formula validation. excelize writes Formula1 into
// the XML as it is, so the formula is escaped here (as SetDropList does).
func custom(dv *excelize.DataValidation, formula string) {
	dv.Type = "custom"
	dv.Formula1 = xmlEscaper.Replace(formula)
	dv.Formula2 = ""
	dv.Operator = ""
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// numberValidation sets a whole-number or decimal validation from the
// column's limits. Excel's "between" is inclusive, so an exclusive bound on
// both sides becomes a custom formula.
func (b *builder) numberValidation(dv *excelize.DataValidation, c *schema.Column, first string) (string, error) {
	l := b.l
	t := excelize.DataValidationTypeDecimal
	msgKey, anyKey := "tmpl.dv.decimal", "tmpl.dv.decimal-any"
	if c.Type == schema.Int {
		t = excelize.DataValidationTypeWhole
		msgKey, anyKey = "tmpl.dv.int", "tmpl.dv.int-any"
	}
	r := b.rangeText(c)
	text := l.T(msgKey, "range", r)
	var err error
	switch {
	case c.Min != nil && c.Max != nil && (c.Min.Exclusive || c.Max.Exclusive):
		lo, hi := ">=", "<="
		if c.Min.Exclusive {
			lo = ">"
		}
		if c.Max.Exclusive {
			hi = "<"
		}
		cond := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s%[2]s%[3]s,%[1]s%[4]s%[5]s)", first, lo, c.Min.Value, hi, c.Max.Value)
		if c.Type == schema.Int {
			cond = fmt.Sprintf("AND(%s,INT(%s)=%s)", cond, first, first)
		}
		custom(dv, cond)
	case c.Min != nil && c.Max != nil:
		err = dv.SetRange(c.Min.Value, c.Max.Value, t, excelize.DataValidationOperatorBetween)
	case c.Min != nil:
		op := excelize.DataValidationOperatorGreaterThanOrEqual
		if c.Min.Exclusive {
			op = excelize.DataValidationOperatorGreaterThan
		}
		err = dv.SetRange(c.Min.Value, "", t, op)
	case c.Max != nil:
		op := excelize.DataValidationOperatorLessThanOrEqual
		if c.Max.Exclusive {
			op = excelize.DataValidationOperatorLessThan
		}
		err = dv.SetRange(c.Max.Value, "", t, op)
	default:
		err = dv.SetRange("-1E+15", "1E+15", t, excelize.DataValidationOperatorBetween)
		text = l.T(anyKey)
	}
	return text, err
}

// stateExpr renders the row state "when" of a condition as an Excel
// expression over row 2 of its sheet (relative rows, absolute columns).
func stateExpr(when []schema.Match) string {
	var parts []string
	for _, m := range when {
		v := schema.No
		if m.Value {
			v = schema.Yes
		}
		parts = append(parts, fmt.Sprintf(`$%s%d="%s"`, ColumnLetter(m.Col), FirstDataRow, v))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "AND(" + strings.Join(parts, ",") + ")"
}

func anyOf(exprs []string) string {
	if len(exprs) == 1 {
		return exprs[0]
	}
	return "OR(" + strings.Join(exprs, ",") + ")"
}

// addTableFormats adds the conditional formats of column i over ref, all
// derived from the sheet's Conditions and Conflicts: red when a value sits
// where the row's state says 不可填 (or the state itself is a conflict),
// grey while it is 不可填, yellow when a required value is still missing in
// a row that has data.
func (b *builder) addTableFormats(s *schema.Sheet, i int, ref string) error {
	c := &s.Columns[i]
	sh := s.Name
	cell := fmt.Sprintf("%s%d", colName(i+1), FirstDataRow)
	var forbid, require []string
	for _, cond := range s.Conditions {
		for _, k := range cond.ForbidCols {
			if k.Index() == i {
				forbid = append(forbid, stateExpr(cond.When))
			}
		}
		for _, k := range cond.RequireCols {
			if k.Index() == i {
				require = append(require, stateExpr(cond.When))
			}
		}
	}
	for _, cf := range s.Conflicts {
		if cf.AtCol.Index() == i {
			if err := b.cf(sh, ref, stateExpr(cf.When), b.st.cfWrong, true); err != nil {
				return err
			}
		}
	}
	if len(forbid) > 0 {
		state := anyOf(forbid)
		if err := b.cf(sh, ref, fmt.Sprintf("AND(%s,LEN(%s)>0)", state, cell), b.st.cfWrong, true); err != nil {
			return err
		}
		if err := b.cf(sh, ref, state, b.st.cfGrey, true); err != nil {
			return err
		}
	}
	switch {
	case c.Required:
		row := fmt.Sprintf("$A%d:$%s%d", FirstDataRow, colName(len(s.Columns)), FirstDataRow)
		return b.cf(sh, ref, fmt.Sprintf("AND(LEN(%s)=0,COUNTA(%s)>0)", cell, row), b.st.cfMissing, false)
	case len(require) > 0:
		return b.cf(sh, ref, fmt.Sprintf("AND(%s,LEN(%s)=0)", anyOf(require), cell), b.st.cfMissing, false)
	}
	return nil
}

func (b *builder) cf(sh, ref, formula string, style int, stop bool) error {
	return b.f.SetConditionalFormat(sh, ref, []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: formula, Format: &style, StopIfTrue: stop},
	})
}
