package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// writeGitHub prints one GitHub Actions workflow command per finding,
//
//	::error file=申报数据.xlsx,line=7,title=CELL-NOT-FILLABLE::创业团队!H7：……
//
// and, since a step shows only its first 10 annotations, a closing ::notice
// with the counts.
func writeGitHub(w io.Writer, v *view) error {
	l := v.Lang
	b := bufio.NewWriter(w)
	for pi := range v.pkgs {
		p := &v.pkgs[pi]
		for i := range p.listed {
			f := &p.listed[i]
			cmd := "error"
			if f.Severity == finding.Warning {
				cmd = "warning"
			}
			var props []string
			if file := v.anchorFile(p, f); file != "" {
				props = append(props, "file="+escapeProperty(msg.Escape(file)))
				if f.Row > 0 {
					props = append(props, "line="+strconv.Itoa(f.Row))
				}
			}
			props = append(props, "title="+escapeProperty(msg.Escape(f.Rule)))
			b.WriteString(workflowCommand(cmd, props, msg.EscapeLines(located(l, f))))
		}
	}
	githubIntake(b, v)
	summary := countLine(l, v.errors, v.warnings)
	if v.several() {
		summary = l.T("report.total", "n", strconv.Itoa(len(v.pkgs)), "count", countLine(l, v.errors, v.warnings))
		for _, p := range v.pkgs {
			summary += "\n" + l.T("report.package-count", "name", p.Name, "count", countLine(l, p.errors, p.warnings))
		}
	}
	if v.notListed > 0 {
		summary += "\n" + l.T("report.more", "n", strconv.Itoa(v.notListed))
	}
	if len(v.Intake) > 0 {
		summary += "\n" + intakeCountLine(l, v.Intake)
	}
	b.WriteString(workflowCommand("notice", []string{"title=mkspace"}, summary))
	return b.Flush()
}

// workflowCommand renders "::cmd k=v,k=v::message\n" as @actions/core's
// issueCommand does (properties already escaped).
func workflowCommand(cmd string, props []string, message string) string {
	s := "::" + cmd
	if len(props) > 0 {
		s += " " + strings.Join(props, ",")
	}
	return s + "::" + escapeData(message) + "\n"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a command's message as @actions/core does ("%" first,
// so that an escape is never escaped again: a single-pass replacer).
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value as @actions/core does.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
