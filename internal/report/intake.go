package report

import (
	"bufio"
	"encoding/json"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/version"
)

// The findings of an intake (Input.Intake) belong to no one package: every
// format lists them after the packages' own, each naming every package,
// sheet and cell. They are warnings (or information) for the office: they
// are not in the counts of errors and warnings of any package, and they
// never change the exit code.
//
//   - text: a section after the packages, before the total line;
//   - json: "intake": [finding + "message"] and "summary"."intake";
//   - sarif: one result each, located at its first place, the others as
//     relatedLocations; information is level "note";
//   - junit: a suite of its own, a case per finding;
//   - github: ::warning (information: ::notice) on the first place.

// intakeCounts returns the number of warnings and of information among fs.
func intakeCounts(fs []intake.Finding) (warnings, infos int) {
	for _, f := range fs {
		if f.Severity == finding.Info {
			infos++
		} else {
			warnings++
		}
	}
	return
}

// intakeCountLine is the closing line about an intake's findings.
func intakeCountLine(l msg.Lang, fs []intake.Finding) string {
	w, i := intakeCounts(fs)
	return l.T("intake.count", "n", strconv.Itoa(len(fs)), "warnings", strconv.Itoa(w), "ok", strconv.Itoa(i))
}

// placePath is the file of a place as a path from the working folder: the
// workbook inside a package folder, the archive itself for a zip.
func (v *view) placePath(p *intake.Place) string {
	pkg := p.Package
	if filepath.IsAbs(pkg) && v.BaseDir != "" {
		if r, err := filepath.Rel(v.BaseDir, pkg); err == nil {
			pkg = r
		}
	}
	pkg = filepath.ToSlash(pkg)
	if p.File == "" || strings.EqualFold(path.Ext(pkg), ".zip") || strings.EqualFold(path.Ext(pkg), ".pdf") {
		return pkg
	}
	return path.Join(pkg, filepath.ToSlash(p.File))
}

// writeTextIntake prints the section of the intake's findings, if any.
func writeTextIntake(b *bufio.Writer, v *view) {
	if len(v.Intake) == 0 {
		return // a clean intake adds nothing: the goldens of batches stay
	}
	b.WriteString("\n")
	WriteIntakeText(b, v.Intake, v.Lang)
}

// WriteIntakeText prints the findings across packages for people: a
// heading, one line each, a count line.
func WriteIntakeText(w io.StringWriter, fs []intake.Finding, l msg.Lang) {
	n := map[string]bool{}
	for i := range fs {
		for _, p := range fs[i].Packages() {
			n[p] = true
		}
	}
	_, _ = w.WriteString(l.T("intake.heading", "n", strconv.Itoa(len(n))) + "\n")
	for i := range fs {
		f := &fs[i]
		_, _ = w.WriteString("  " + severityWord(l, f.Severity) + "  " + f.Rule + "  " + msg.Escape(oneLine(f.Message(l))) + "\n")
	}
	_, _ = w.WriteString(intakeCountLine(l, fs) + "\n")
}

// jsonIntake is a finding of the intake as json carries it.
type jsonIntake struct {
	intake.Finding
	Message string `json:"message"`
}

// IntakeJSON is fs as json carries them: each with its message in l.
func IntakeJSON(fs []intake.Finding, l msg.Lang) []jsonIntake {
	out := make([]jsonIntake, len(fs))
	for i, f := range fs {
		out[i] = jsonIntake{Finding: f, Message: f.Message(l)}
	}
	return out
}

// sarifIntake is the result of a finding of the intake.
func (v *view) sarifIntake(f *intake.Finding, index map[string]int) sarifResult {
	loc := func(p *intake.Place) sarifLocation {
		uri := v.placePath(p)
		return sarifLocation{
			PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: encodeURIPath(uri)},
				Region: sarifRegion{StartLine: max(p.Row(), 1)}},
			LogicalLocations: []sarifLogical{{Name: p.Cell, FullyQualifiedName: p.Location()}},
		}
	}
	r := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: "warning",
		Message: sarifText{f.Message(v.Lang)}, Locations: []sarifLocation{loc(&f.Places[0])}}
	if f.Severity == finding.Info {
		r.Level = "note"
	}
	for i := 1; i < len(f.Places); i++ {
		r.RelatedLocations = append(r.RelatedLocations, loc(&f.Places[i]))
	}
	fp := &finding.Finding{Rule: f.Rule, Value: f.Key, Sheet: f.Places[0].Sheet, Cell: f.Places[0].Cell}
	r.PartialFingerprints = map[string]string{FingerprintKey: fingerprint(strings.Join(f.Packages(), "\x00"), fp)}
	return r
}

// junitIntake is the suite of the intake's findings.
func junitIntake(v *view) []planSuite {
	if len(v.Intake) == 0 {
		return nil
	}
	l := v.Lang
	s := planSuite{name: l.T("intake.package")}
	for i := range v.Intake {
		f := &v.Intake[i]
		m := f.Message(l)
		s.cases = append(s.cases, planCase{
			name:  f.Rule + " " + strconv.Itoa(i+1) + " " + f.Places[0].Package + " " + f.Places[0].Location(),
			extra: &junitFailure{Message: xmlSafe(msg.Escape(oneLine(m))), Type: f.Rule, Text: xmlSafe(msg.EscapeLines(m))},
		})
	}
	return []planSuite{s}
}

// githubIntake prints the annotations of the intake's findings.
func githubIntake(b *bufio.Writer, v *view) {
	for i := range v.Intake {
		f := &v.Intake[i]
		cmd := "warning"
		if f.Severity == finding.Info {
			cmd = "notice"
		}
		p := &f.Places[0]
		props := []string{"file=" + escapeProperty(msg.Escape(v.placePath(p)))}
		if p.Row() > 0 {
			props = append(props, "line="+strconv.Itoa(p.Row()))
		}
		props = append(props, "title="+escapeProperty(f.Rule))
		b.WriteString(workflowCommand(cmd, props, msg.EscapeLines(f.Message(v.Lang))))
	}
}

// intakeByPackage maps each package to the findings across packages that
// name it.
func intakeByPackage(fs []intake.Finding) map[string][]*intake.Finding {
	out := map[string][]*intake.Finding{}
	for i := range fs {
		for _, p := range fs[i].Packages() {
			out[p] = append(out[p], &fs[i])
		}
	}
	return out
}

// intakeRules names the rules of fs with their numbers: INTAKE-DUP-TEAM×2；….
func intakeRules(fs []*intake.Finding, l msg.Lang) string {
	var order []string
	n := map[string]int{}
	for _, f := range fs {
		if n[f.Rule] == 0 {
			order = append(order, f.Rule)
		}
		n[f.Rule]++
	}
	parts := make([]string, len(order))
	for i, r := range order {
		parts[i] = r + "×" + strconv.Itoa(n[r])
	}
	return strings.Join(parts, l.Pick("；", "; "))
}

// writeSummaryJSON writes the JSON summary: tool, tool_version, packages,
// summary, intake (an object whose keys are in that order), encoding one
// package and one finding at a time.
func writeSummaryJSON(w io.Writer, rows []SummaryRow, cross []intake.Finding, ok int, l msg.Lang) error {
	b := bufio.NewWriter(w)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	put := func(s string) { _, _ = b.WriteString(s) }
	value := enc.Encode // (its line feeds are white space between values)
	put(`{"tool":"mkspace","tool_version":`)
	if err := value(version.Tool); err != nil {
		return err
	}
	put(`,"packages":[`)
	for i := range rows {
		if i > 0 {
			put(",")
		}
		if err := value(&rows[i]); err != nil {
			return err
		}
	}
	put(`],"summary":`)
	if err := value(map[string]int{"packages": len(rows), "verified": ok, "failed": len(rows) - ok, "intake": len(cross)}); err != nil {
		return err
	}
	put(`,"intake":[`)
	for i := range cross {
		if i > 0 {
			put(",")
		}
		if err := value(jsonIntake{Finding: cross[i], Message: cross[i].Message(l)}); err != nil {
			return err
		}
	}
	put("]}\n")
	return b.Flush()
}
