package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

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
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"` // line breaks kept as they are
}

// writeJUnit prints a test suite per sheet (plus one for findings about
// whole files or the package), a test case per rule × cell with a failure
// per finding, and one passing case for a clean sheet. A sheet whose
// findings were all left out by MaxFindings gets no suite; a last suite then
// says how many were left out.
func writeJUnit(w io.Writer, v *view) error {
	l := v.Lang
	root := junitSuites{Name: "mkspace"}
	for pi := range v.pkgs {
		p := &v.pkgs[pi]
		prefix := ""
		if v.several() {
			prefix = p.Name + ": "
		}
		// Suites in a fixed order: files, the data sheets of the form, then
		// any other sheet named by a finding.
		names := []string{""}
		for _, s := range schema.Sheets() {
			names = append(names, s.Name)
		}
		seen := map[string]bool{}
		for _, n := range names {
			seen[n] = true
		}
		all := map[string]int{}     // sheet → findings
		shown := map[string][]int{} // sheet → indexes into p.listed
		for i := range p.sorted {
			s := p.sorted[i].Sheet
			all[s]++
			if !seen[s] {
				seen[s] = true
				names = append(names, s)
			}
		}
		for i := range p.listed {
			shown[p.listed[i].Sheet] = append(shown[p.listed[i].Sheet], i)
		}
		for _, sheet := range names {
			title := sheet
			if sheet == "" {
				title = l.T("report.file-level")
			}
			suite := junitSuite{Name: prefix + title}
			switch {
			case all[sheet] == 0:
				suite.Cases = []junitCase{{Name: l.T("report.passed"), Classname: suite.Name}}
			case len(shown[sheet]) == 0:
				continue
			default:
				suite.Cases = junitCases(v, p, suite.Name, shown[sheet])
			}
			root.add(suite)
		}
	}
	if v.notListed > 0 {
		more := l.T("report.more", "n", strconv.Itoa(v.notListed))
		root.add(junitSuite{Name: "mkspace", Cases: []junitCase{{
			Name: l.T("report.not-listed-case"), Classname: "mkspace",
			Failures: []junitFailure{{Message: more, Type: "not-listed",
				Text: xmlSafe(more + "\n" + countLine(l, v.errors, v.warnings))}},
		}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (r *junitSuites) add(s junitSuite) {
	s.Tests = len(s.Cases)
	for _, c := range s.Cases {
		if len(c.Failures) > 0 {
			s.Failures++
		}
	}
	r.Tests += s.Tests
	r.Failures += s.Failures
	r.Suites = append(r.Suites, s)
}

// junitCases groups findings (indexes into p.listed) by rule and place.
func junitCases(v *view, p *pkgView, classname string, idx []int) []junitCase {
	l := v.Lang
	type key struct{ rule, file, sheet, place string }
	var cases []junitCase
	byKey := map[key]int{}
	names := map[string]bool{}
	for _, i := range idx {
		f := &p.listed[i]
		place := f.Cell
		if place == "" {
			place = f.Column
		}
		k := key{f.Rule, f.File, f.Sheet, place}
		ci, ok := byKey[k]
		if !ok {
			name := caseName(f)
			if names[name] && f.File != "" {
				name += " (" + f.File + ")"
			}
			for n := 2; names[name]; n++ {
				name = caseName(f) + " #" + strconv.Itoa(n)
			}
			names[name] = true
			ci = len(cases)
			byKey[k] = ci
			cases = append(cases, junitCase{Name: name, Classname: classname})
		}
		cases[ci].Failures = append(cases[ci].Failures, junitFailure{
			Message: oneLine(message(l, f)),
			Type:    f.Rule,
			Text: xmlSafe(l.T("report.detail",
				"rule", f.Rule,
				"severity", severityWord(l, f.Severity),
				"location", textLocation(f),
				"file", v.anchorFile(p, f),
				"column", f.Column,
				"value", f.Value,
				"message", message(l, f))),
		})
	}
	return cases
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
// CDATA sections are written as they are.
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
