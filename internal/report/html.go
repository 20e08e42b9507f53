package report

import (
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
	"github.com/mkspace/mkspace/internal/version"
)

// HTMLMaxFindings is the number of findings the HTML report lists when
// Input.MaxFindings is 0 and AllFindings is not set: a page of 100,000 rows
// is too slow for a browser and no help to a person (the counts still cover
// every finding, and the page says how many are not listed).
const HTMLMaxFindings = 2000

// The HTML page is one self-contained file: the style and the sorting
// script are inline, a Content-Security-Policy forbids every other
// resource, and the page reads the same without its script (the tables are
// then in the report's order). It prints on A4.
//
//go:embed html.tmpl
var htmlSource string

var htmlTmpl = template.Must(template.New("page").Parse(htmlSource))

// htmlPage is what the template renders.
type htmlPage struct {
	l         msg.Lang
	Lang      string // the page's lang attribute
	Title     string
	Several   bool
	Packages  []htmlPackage
	Errors    int
	Warnings  int
	NotListed int
	Version   string
	Summary   *htmlSummary // verify --summary: the office's table instead of packages
	// Intake lists the findings across the packages (two or more).
	Intake []htmlIntake
}

// htmlIntake is a finding across packages as the page lists it.
type htmlIntake struct {
	SevClass, Severity, Rule, Message string
}

// htmlIntakeOf turns the intake's findings into the page's rows.
func htmlIntakeOf(fs []intake.Finding, l msg.Lang) []htmlIntake {
	out := make([]htmlIntake, len(fs))
	for i := range fs {
		f := &fs[i]
		c := "warning"
		if f.Severity == finding.Info {
			c = "info"
		}
		out[i] = htmlIntake{SevClass: c, Severity: severityWord(l, f.Severity), Rule: f.Rule, Message: f.Message(l)}
	}
	return out
}

// T is the text of key in the page's language.
func (p *htmlPage) T(key string, kv ...string) string { return p.l.T(key, kv...) }

// More is the line on the findings not listed.
func (p *htmlPage) More() string { return p.l.T("html.more", "n", strconv.Itoa(p.NotListed)) }

// Footer is the page's last line.
func (p *htmlPage) Footer() string { return p.l.T("html.footer", "version", p.Version) }

type htmlPackage struct {
	Name                        string
	SpaceName, Operator, Agency string
	Window                      string
	Errors, Warnings            int
	Checks                      []htmlCheck
	Groups                      []htmlGroup
	Sheets                      []htmlSheet
	Findings                    int // listed
}

type htmlCheck struct {
	Key, Label string
	State      string // met, not-met, manual (CSS class and data-state)
	Result     string
	Parts      []htmlPart
}

type htmlPart struct {
	Required, Actual string
	Percent          int // the bar: actual against required, 0–100
}

type htmlGroup struct {
	Title string
	Rows  [][2]string
}

type htmlSheet struct {
	Title string // "申报数据.xlsx › 创业团队"
	Rows  []htmlRow
}

// Body is the rows of the sheet's table, written here rather than by the
// template: a page may list 100,000 findings, and the template's
// reflection and contextual escaping cost ten times as much per row. Every
// text is escaped with template.HTMLEscapeString; the classes and keys
// are mkspace's own.
func (s htmlSheet) Body() template.HTML {
	var b strings.Builder
	n := 0
	for _, r := range s.Rows {
		n += 220 + len(r.Cell) + len(r.Severity) + len(r.Problem) + len(r.Advice) + len(r.RuleDesc) + len(r.Rule)
	}
	b.Grow(n + n/8) // once: the page of 100,000 rows is 30 MiB
	esc := template.HTMLEscapeString
	for i, r := range s.Rows {
		sevKey := "0"
		if r.SevClass == "warning" {
			sevKey = "1"
		}
		b.WriteString(`<tr class="finding ` + r.SevClass + `" data-i="` + strconv.Itoa(i) + `"><td class="cell" data-key="` +
			strconv.Itoa(r.CellKey) + `">` + esc(r.Cell) + `</td><td class="sev" data-key="` + sevKey + `">` + esc(r.Severity) +
			`</td><td>` + esc(r.Problem) + `</td><td>` + esc(r.Advice) + `</td><td class="rule" title="` + esc(r.RuleDesc) + `">` +
			esc(r.Rule) + "</td></tr>\n")
	}
	return template.HTML(b.String())
}

type htmlRow struct {
	Cell     string
	CellKey  int // sort key of the cell: row, then column
	Severity string
	SevClass string // error, warning
	Rule     string
	RuleDesc string
	Problem  string
	Advice   string
}

func writeHTML(w io.Writer, v *view) error {
	l := v.Lang
	p := &htmlPage{l: l, Lang: htmlLang(l), Several: v.several(), Errors: v.errors, Warnings: v.warnings,
		NotListed: v.notListed, Version: v.ToolVersion, Intake: htmlIntakeOf(v.Intake, l)}
	if p.Version == "" {
		p.Version = version.Tool
	}
	for i := range v.pkgs {
		p.Packages = append(p.Packages, v.htmlPackage(&v.pkgs[i]))
	}
	switch {
	case p.Several:
		p.Title = l.T("html.title-several", "n", strconv.Itoa(len(p.Packages)))
	case p.Packages[0].SpaceName != "":
		p.Title = l.T("html.title", "name", p.Packages[0].SpaceName)
	default:
		p.Title = l.T("html.title", "name", p.Packages[0].Name)
	}
	return htmlTmpl.Execute(w, p)
}

func htmlLang(l msg.Lang) string {
	if l == msg.EN {
		return "en"
	}
	return "zh-CN"
}

func (v *view) htmlPackage(pv *pkgView) htmlPackage {
	l := v.Lang
	hp := htmlPackage{Name: pv.Name, SpaceName: pv.SpaceName, Operator: pv.Operator, Agency: pv.Agency,
		Errors: pv.errors, Warnings: pv.warnings, Findings: len(pv.listed),
		Window: l.T("html.window-value", "start", pv.window.Start.Format(config.DateLayout),
			"end", pv.window.End.Format(config.DateLayout))}
	if hp.Name == "" {
		hp.Name = v.path(pv, ".")
	}
	checks, _ := pv.Eligibility.([]totals.Check)
	for _, c := range checks {
		hp.Checks = append(hp.Checks, htmlCheckOf(c, l))
	}
	if t, _ := pv.Totals.(*totals.Totals); t != nil {
		hp.Groups = htmlGroups(t, pv.window, l)
	}
	var cur *htmlSheet
	for i := range pv.listed {
		f := &pv.listed[i]
		title := htmlSheetTitle(l, f)
		if cur == nil || cur.Title != title {
			hp.Sheets = append(hp.Sheets, htmlSheet{Title: title})
			cur = &hp.Sheets[len(hp.Sheets)-1]
		}
		problem, advice := msg.SplitAdvice(l, unlocated(l, f))
		cell := f.Cell
		if cell == "" {
			cell = f.Column
		}
		cur.Rows = append(cur.Rows, htmlRow{Cell: cell, CellKey: cellKey(f), Severity: severityWord(l, f.Severity),
			SevClass: sevClass(f.Severity), Rule: f.Rule, RuleDesc: ruleDescription(l, f.Rule),
			Problem: problem, Advice: advice})
	}
	return hp
}

func sevClass(s finding.Severity) string {
	if s == finding.Warning {
		return "warning"
	}
	return "error"
}

// htmlSheetTitle heads the findings of one sheet: the workbook and the
// sheet, or the package for findings on no workbook.
func htmlSheetTitle(l msg.Lang, f *finding.Finding) string {
	var parts []string
	if f.File != "" {
		parts = append(parts, f.File)
	}
	if f.Sheet != "" {
		parts = append(parts, f.Sheet)
	}
	if len(parts) == 0 {
		return l.T("html.package-level")
	}
	return strings.Join(parts, " › ")
}

// cellKey orders cells by row, then by column (A < Z < AA).
func cellKey(f *finding.Finding) int {
	col := 0
	for _, r := range strings.ToUpper(f.Cell) {
		if r < 'A' || r > 'Z' {
			break
		}
		col = col*26 + int(r-'A'+1)
	}
	return f.Row*20000 + col
}

func htmlCheckOf(c totals.Check, l msg.Lang) htmlCheck {
	hc := htmlCheck{Key: c.Key, Label: l.T("elig." + c.Key)}
	switch {
	case c.Manual():
		hc.State, hc.Result = "manual", l.T("html.manual")
		return hc
	case *c.Met:
		hc.State, hc.Result = "met", l.T("html.met")
	default:
		hc.State, hc.Result = "not-met", l.T("html.not-met")
	}
	for _, part := range c.Parts {
		one := totals.Check{Key: c.Key, Parts: []totals.Part{part}, Met: c.Met}
		hc.Parts = append(hc.Parts, htmlPart{Required: totals.RequiredText(one, l), Actual: totals.ActualText(one, l),
			Percent: barPercent(part)})
	}
	return hc
}

// barPercent is how far the actual figure goes towards the required one:
// 100 when it reaches it (or, for "> 0", when it is above zero).
func barPercent(p totals.Part) int {
	if p.Actual.Null || p.Actual.Value.Sign() <= 0 {
		return 0
	}
	if p.Required.Sign() <= 0 || p.Actual.Value.GreaterThanOrEqual(p.Required) {
		return 100
	}
	return int(p.Actual.Value.Mul(decimal.NewFromInt(100)).Div(p.Required).IntPart())
}

func htmlGroups(t *totals.Totals, win config.Window, l msg.Lang) []htmlGroup {
	var out []htmlGroup
	for _, g := range totals.FormGroups() {
		hg := htmlGroup{Title: l.T("totals.group."+g.Key,
			"start", win.Start.Format(config.DateLayout), "end", win.End.Format(config.DateLayout))}
		for _, k := range g.Figures {
			hg.Rows = append(hg.Rows, [2]string{l.T("total." + k), totals.FigureText(t.Get(k), l)})
		}
		out = append(out, hg)
	}
	return out
}
