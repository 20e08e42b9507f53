package report

import (
	"io"
	"strconv"

	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/version"
)

// htmlSummary is the office's table of many packages as an HTML page, in
// the style of the HTML report: the columns of the CSV summary, sortable.
type htmlSummary struct {
	Counts string
	Head   []string
	Rows   []htmlSummaryRow
}

type htmlSummaryRow struct {
	Class string // ok, failed
	Cells []htmlCell
}

type htmlCell struct {
	Text  string
	Class string // num for the counts
	Key   string // the sort key when it is not the text
	State string // met, not-met, manual: the self-check's cells
}

// writeSummaryHTML writes the rows as one self-contained HTML page.
func writeSummaryHTML(w io.Writer, rows []SummaryRow, cross []intake.Finding, l msg.Lang) error {
	keys := eligibilityKeys()
	s := &htmlSummary{Head: []string{l.T("summary.file"), l.T("summary.name"), l.T("summary.operator"),
		l.T("summary.agency"), l.T("summary.version"), l.T("summary.errors"), l.T("summary.warnings")}}
	for _, k := range keys {
		s.Head = append(s.Head, l.T("summary.elig."+k))
	}
	s.Head = append(s.Head, l.T("summary.verified"), l.T("summary.problem"), l.T("summary.settings"))
	count := func(n *int) htmlCell {
		if n == nil {
			return htmlCell{Text: "—", Class: "num", Key: "-1"}
		}
		return htmlCell{Text: strconv.Itoa(*n), Class: "num"}
	}
	ok := 0
	for _, r := range rows {
		row := htmlSummaryRow{Class: "failed", Cells: []htmlCell{{Text: r.File, Class: "file"}, {Text: r.SpaceName},
			{Text: r.Operator}, {Text: r.Agency}, {Text: r.Version}, count(r.Errors), count(r.Warnings)}}
		for _, k := range keys {
			met, has := r.Eligibility[k]
			switch {
			case !has:
				row.Cells = append(row.Cells, htmlCell{Text: "—"})
			case met == nil:
				row.Cells = append(row.Cells, htmlCell{Text: l.T("html.manual"), State: "manual", Key: "1"})
			case *met:
				row.Cells = append(row.Cells, htmlCell{Text: l.T("html.met"), State: "met", Key: "2"})
			default:
				row.Cells = append(row.Cells, htmlCell{Text: l.T("html.not-met"), State: "not-met", Key: "0"})
			}
		}
		verified := htmlCell{Text: l.T("summary.no"), State: "not-met", Key: "0"}
		if r.Verified {
			ok++
			row.Class = "ok"
			verified = htmlCell{Text: l.T("summary.yes"), State: "met", Key: "1"}
		}
		row.Cells = append(row.Cells, verified, htmlCell{Text: r.FirstProblem, Class: "problem"}, htmlCell{Text: SettingsText(r.Settings, l)})
		s.Rows = append(s.Rows, row)
	}
	s.Counts = l.T("html.summary.counts", "n", strconv.Itoa(len(rows)), "ok", strconv.Itoa(ok),
		"failed", strconv.Itoa(len(rows)-ok))
	p := &htmlPage{l: l, Lang: htmlLang(l), Title: l.T("html.summary.title"), Version: version.Tool, Summary: s,
		Intake: htmlIntakeOf(cross, l)}
	return htmlTmpl.Execute(w, p)
}
