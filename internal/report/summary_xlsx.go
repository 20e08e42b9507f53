package report

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
)

// The summary as an Excel workbook (`--summary 汇总.xlsx`), three sheets:
//
//   - 汇总: one row per package, the columns of the CSV; a failed check
//     (核验通过 = 否) and a condition not met are filled by conditional
//     formats (they follow the office's own edits); the header frozen,
//     an autofilter, column widths that fit their text;
//   - 跨包重复: one row per finding across packages, each package a link
//     to its row in 汇总;
//   - 问题: every finding of every package, the package a link too.
//
// Text from the packages is set as text (never a formula) with its
// control characters shown escaped.

// xlsxCellMax is the most characters a cell holds (Excel's limit 32,767).
const xlsxCellMax = 32_000

// xlsxWidthMax caps a column's width (characters) so that a long message
// wraps rather than making a column screens wide.
const xlsxWidthMax = 80

// xlsxSheet writes a table into one sheet and keeps the widths its text
// needs.
type xlsxSheet struct {
	f      *excelize.File
	name   string
	widths []int
	row    int
	err    error
	linkID int // the style of a link
}

func (s *xlsxSheet) put(col int, v string) string {
	cell, _ := excelize.CoordinatesToCellName(col+1, s.row)
	v = msg.EscapeLines(v)
	if utf8.RuneCountInString(v) > xlsxCellMax {
		v = msg.Clip(v, xlsxCellMax)
	}
	if s.err == nil {
		s.err = s.f.SetCellStr(s.name, cell, v)
	}
	for len(s.widths) <= col {
		s.widths = append(s.widths, 0)
	}
	for _, line := range strings.Split(v, "\n") {
		s.widths[col] = max(s.widths[col], runewidth.StringWidth(line))
	}
	return cell
}

// add writes one row of values and returns the row number.
func (s *xlsxSheet) add(vals []string) int {
	s.row++
	for i, v := range vals {
		s.put(i, v)
	}
	return s.row
}

// link makes cell a link to the row of the 汇总 sheet where pkg is.
func (s *xlsxSheet) link(cell, main string, row int, l msg.Lang) {
	if s.err == nil && row > 0 {
		tip := l.T("summary.link-tip")
		s.err = s.f.SetCellHyperLink(s.name, cell, "'"+main+"'!A"+strconv.Itoa(row), "Location",
			excelize.HyperlinkOpts{Tooltip: &tip})
	}
	if s.err == nil && row > 0 {
		s.err = s.f.SetCellStyle(s.name, cell, cell, s.linkID)
	}
}

// finish freezes the header, sets an autofilter and the widths.
func (s *xlsxSheet) finish(wrap []int) {
	if s.err != nil {
		return
	}
	cols := len(s.widths)
	if cols == 0 {
		return
	}
	last, _ := excelize.CoordinatesToCellName(cols, max(s.row, 1))
	steps := []func() error{
		func() error {
			return s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		},
		func() error { return s.f.AutoFilter(s.name, "A1:"+last, nil) },
		func() error {
			style, err := s.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
				Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
				Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
			if err != nil {
				return err
			}
			end, _ := excelize.CoordinatesToCellName(cols, 1)
			return s.f.SetCellStyle(s.name, "A1", end, style)
		},
	}
	for _, step := range steps {
		if s.err = step(); s.err != nil {
			return
		}
	}
	for i, w := range s.widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		width := float64(min(max(w, 4), xlsxWidthMax)) + 2
		if s.err = s.f.SetColWidth(s.name, name, name, width); s.err != nil {
			return
		}
	}
	if len(wrap) > 0 && s.row > 1 {
		style, err := s.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
		if s.err = err; err != nil {
			return
		}
		for _, c := range wrap {
			name, _ := excelize.ColumnNumberToName(c + 1)
			if s.err = s.f.SetCellStyle(s.name, name+"2", name+strconv.Itoa(s.row), style); s.err != nil {
				return
			}
		}
	}
}

// writeSummaryXLSX writes the summary workbook to w.
func writeSummaryXLSX(w io.Writer, rows []SummaryRow, cross []intake.Finding, l msg.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	linkID, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	if err != nil {
		return err
	}
	mainName := l.T("summary.sheet.main")
	if err := f.SetSheetName("Sheet1", mainName); err != nil {
		return err
	}

	// 汇总
	keys := eligibilityKeys()
	crossOf := intakeByPackage(cross)
	main := &xlsxSheet{f: f, name: mainName}
	main.add(summaryHead(keys, l))
	rowOf := map[string]int{}
	for i := range rows {
		n := main.add(summaryValues(&rows[i], keys, crossOf, l))
		if _, ok := rowOf[rows[i].File]; !ok {
			rowOf[rows[i].File] = n
		}
	}
	problemCol := 7 + len(keys) + 1
	main.finish([]int{problemCol})
	if main.err != nil {
		return main.err
	}
	if len(rows) > 0 {
		if err := summaryFills(f, mainName, len(rows)+1, 7, len(keys), l); err != nil {
			return err
		}
	}

	// 跨包重复
	crossName := l.T("summary.sheet.intake")
	if _, err := f.NewSheet(crossName); err != nil {
		return err
	}
	cs := &xlsxSheet{f: f, name: crossName, linkID: linkID}
	most := 0
	for i := range cross {
		most = max(most, len(cross[i].Packages()))
	}
	chead := []string{l.T("summary.col.rule"), l.T("summary.col.severity"), l.T("summary.col.count"),
		l.T("summary.col.key"), l.T("summary.col.message"), l.T("summary.col.places")}
	for n := range most {
		chead = append(chead, l.T("summary.col.package-n", "n", strconv.Itoa(n+1)))
	}
	cs.add(chead)
	for i := range cross {
		c := &cross[i]
		var places []string
		for j := range c.Places {
			places = append(places, c.Places[j].Text(l))
		}
		pkgs := c.Packages()
		cs.add([]string{c.Rule, severityWord(l, c.Severity), strconv.Itoa(len(pkgs)), c.Key, c.Message(l),
			strings.Join(places, "\n")})
		for j, p := range pkgs {
			cs.link(cs.put(len(chead)-most+j, p), mainName, rowOf[p], l)
		}
	}
	cs.finish([]int{4, 5})
	if cs.err != nil {
		return cs.err
	}

	// 问题
	fname := l.T("summary.sheet.findings")
	if _, err := f.NewSheet(fname); err != nil {
		return err
	}
	fs := &xlsxSheet{f: f, name: fname, linkID: linkID}
	fs.add([]string{l.T("summary.col.package"), l.T("summary.col.rule"), l.T("summary.col.severity"),
		l.T("summary.col.workbook"), l.T("summary.col.location"), l.T("summary.col.message")})
	for i := range rows {
		r := &rows[i]
		list := r.Findings
		if len(list) == 0 {
			for _, p := range r.Problems {
				list = append(list, SummaryFinding{Rule: p.Code, Severity: string(finding.Error), Message: p.Message})
			}
		}
		for _, sf := range list {
			loc := sf.Sheet
			if sf.Cell != "" {
				loc += "!" + sf.Cell
			}
			n := fs.add([]string{r.File, sf.Rule, severityWord(l, finding.Severity(sf.Severity)), sf.File, loc, sf.Message})
			fs.link("A"+strconv.Itoa(n), mainName, rowOf[r.File], l)
		}
	}
	fs.finish([]int{5})
	if fs.err != nil {
		return fs.err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// summaryFills adds the conditional fills of 汇总 (rows 2..last): red where
// 核验通过 is 否, orange where a condition is not met.
func summaryFills(f *excelize.File, sheet string, last, eligFrom, nElig int, l msg.Lang) error {
	red, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	if err != nil {
		return err
	}
	orange, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C5700"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}})
	if err != nil {
		return err
	}
	col := func(i int) string { n, _ := excelize.ColumnNumberToName(i + 1); return n }
	rng := func(from, to int) string {
		return col(from) + "2:" + col(to) + strconv.Itoa(last)
	}
	quoted := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	verified := eligFrom + nElig
	if err := f.SetConditionalFormat(sheet, rng(verified, verified), []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Format: &red, Value: quoted(l.T("summary.no"))}}); err != nil {
		return err
	}
	if nElig > 0 {
		if err := f.SetConditionalFormat(sheet, rng(eligFrom, eligFrom+nElig-1), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Format: &orange, Value: quoted(l.T("summary.not-met"))}}); err != nil {
			return err
		}
	}
	// Errors above zero: red too.
	return f.SetConditionalFormat(sheet, rng(5, 5), []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: ">", Format: &red, Value: "0"}})
}
