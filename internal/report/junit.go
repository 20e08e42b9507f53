package report

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// junitSuites is the decoded shape of the report (tests decode into it).
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	XMLName   xml.Name       `xml:"testcase"`
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"` // line breaks kept as they are
}

// planSuite and planCase are the layout of the report before any failure
// text is rendered.
type planSuite struct {
	name  string
	cases []planCase
}

type planCase struct {
	name     string
	pkg      *pkgView
	findings []*finding.Finding
	extra    *junitFailure // the "not listed" case
}

// writeJUnit prints a test suite per sheet (plus one for findings about
// whole files or the package), a test case per rule × cell with a failure
// per finding, and one passing case for a clean sheet. A sheet whose
// findings were all left out by MaxFindings gets no suite; a last suite then
// says how many were left out. Cases are encoded one at a time.
func writeJUnit(w io.Writer, v *view) error {
	l := v.Lang
	var suites []planSuite
	for pi := range v.pkgs {
		suites = append(suites, junitPlan(v, &v.pkgs[pi])...)
	}
	suites = append(suites, junitIntake(v)...)
	if v.notListed > 0 {
		more := l.T("report.more", "n", strconv.Itoa(v.notListed))
		suites = append(suites, planSuite{name: "mkspace", cases: []planCase{{
			name: l.T("report.not-listed-case"),
			extra: &junitFailure{Message: more, Type: "not-listed",
				Text: xmlSafe(more + "\n" + countLine(l, v.errors, v.warnings))},
		}}})
	}
	tests, failures := 0, 0
	for _, s := range suites {
		t, f := s.counts()
		tests, failures = tests+t, failures+f
	}

	b := bufio.NewWriter(w)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	counts := func(name string, t, f int) []xml.Attr {
		return []xml.Attr{
			{Name: xml.Name{Local: "name"}, Value: name},
			{Name: xml.Name{Local: "tests"}, Value: strconv.Itoa(t)},
			{Name: xml.Name{Local: "failures"}, Value: strconv.Itoa(f)},
			{Name: xml.Name{Local: "errors"}, Value: "0"},
			{Name: xml.Name{Local: "skipped"}, Value: "0"},
		}
	}
	root := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: counts("mkspace", tests, failures)}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	for _, s := range suites {
		t, f := s.counts()
		start := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: counts(s.name, t, f)}
		if err := enc.EncodeToken(start); err != nil {
			return err
		}
		for _, c := range s.cases {
			jc := junitCase{Name: c.name, Classname: s.name}
			for _, f := range c.findings {
				jc.Failures = append(jc.Failures, junitFailureOf(v, c.pkg, f))
			}
			if c.extra != nil {
				jc.Failures = append(jc.Failures, *c.extra)
			}
			if err := enc.Encode(jc); err != nil {
				return err
			}
		}
		if err := enc.EncodeToken(start.End()); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	return b.Flush()
}

func (s planSuite) counts() (tests, failures int) {
	for _, c := range s.cases {
		if len(c.findings) > 0 || c.extra != nil {
			failures++
		}
	}
	return len(s.cases), failures
}

// junitPlan lays out the suites of one package: files, the data sheets of
// the form, then any other sheet named by a finding.
func junitPlan(v *view, p *pkgView) []planSuite {
	l := v.Lang
	prefix := ""
	if v.several() {
		prefix = p.Name + ": "
	}
	names := []string{""}
	for _, s := range schema.Sheets() {
		names = append(names, s.Name)
	}
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	all := map[string]int{}                  // sheet → findings
	shown := map[string][]*finding.Finding{} // sheet → listed findings
	for i := range p.sorted {
		s := p.sorted[i].Sheet
		all[s]++
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for i := range p.listed {
		shown[p.listed[i].Sheet] = append(shown[p.listed[i].Sheet], &p.listed[i])
	}
	var out []planSuite
	for _, sheet := range names {
		title := sheet
		if sheet == "" {
			title = l.T("report.file-level")
		}
		suite := planSuite{name: msg.Escape(prefix + title)}
		switch {
		case all[sheet] == 0:
			suite.cases = []planCase{{name: l.T("report.passed")}}
		case len(shown[sheet]) == 0:
			continue
		default:
			suite.cases = junitCases(p, shown[sheet])
		}
		out = append(out, suite)
	}
	return out
}

// junitCases groups findings by rule and place, each case uniquely named.
func junitCases(p *pkgView, fs []*finding.Finding) []planCase {
	type key struct{ rule, file, sheet, place string }
	var cases []planCase
	byKey := map[key]int{}
	names := map[string]bool{}
	for _, f := range fs {
		place := f.Cell
		if place == "" {
			place = f.Column
		}
		k := key{f.Rule, f.File, f.Sheet, place}
		ci, ok := byKey[k]
		if !ok {
			name := msg.Escape(caseName(f))
			if names[name] && f.File != "" {
				name += " (" + msg.Escape(f.File) + ")"
			}
			for n := 2; names[name]; n++ {
				name = msg.Escape(caseName(f)) + " #" + strconv.Itoa(n)
			}
			names[name] = true
			ci = len(cases)
			byKey[k] = ci
			cases = append(cases, planCase{name: name, pkg: p})
		}
		cases[ci].findings = append(cases[ci].findings, f)
	}
	return cases
}

func junitFailureOf(v *view, p *pkgView, f *finding.Finding) junitFailure {
	l := v.Lang
	return junitFailure{
		Message: msg.Escape(oneLine(message(l, f))),
		Type:    msg.Escape(f.Rule),
		Text: xmlSafe(msg.EscapeLines(l.T("report.detail",
			"rule", f.Rule,
			"severity", severityWord(l, f.Severity),
			"location", textLocation(f),
			"file", v.anchorFile(p, f),
			"column", f.Column,
			"value", f.Value,
			"message", message(l, f)))),
	}
}

// caseName is "RULE 创业团队!H7", or "RULE 创业团队 迁出时间" for a finding about
// a column or field.
func caseName(f *finding.Finding) string {
	parts := []string{f.Rule, textLocation(f)}
	if f.Cell == "" && f.Column != "" {
		parts = append(parts, f.Column)
	}
	return strings.Join(parts, " ")
}

// xmlSafe replaces the characters XML 1.0 cannot hold (control characters
// other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) by U+FFFD:
// CDATA sections are written as they are. The texts of a package are
// escaped first (msg.Escape), so that a control character shows as \x1b
// rather than as U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
