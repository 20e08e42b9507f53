package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// writeText prints the findings grouped by file and sheet, one per line:
//
//	申报数据.xlsx
//	  创业团队
//	    创业团队!H7  错误  CELL-NOT-FILLABLE  已转化为企业的创业团队，……
//
//	共 1 个错误，0 个警告
//
// Several packages each get a heading and a count line, then a total line.
func writeText(w io.Writer, v *view) error {
	b := bufio.NewWriter(w)
	l := v.Lang
	for i := range v.pkgs {
		p := &v.pkgs[i]
		if v.several() {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(l.T("report.package-heading", "name", p.Name) + "\n")
		}
		if len(p.sorted) == 0 {
			b.WriteString(l.T("report.no-findings") + "\n")
		}
		writeTextFindings(b, l, p.listed)
		if v.several() {
			b.WriteString(l.T("report.package-count", "name", p.Name, "count", countLine(l, p.errors, p.warnings)) + "\n")
		}
	}
	if v.notListed > 0 {
		b.WriteString(l.T("report.more", "n", strconv.Itoa(v.notListed)) + "\n")
	}
	writeTextIntake(b, v)
	b.WriteString("\n")
	if v.several() {
		b.WriteString(l.T("report.total", "n", strconv.Itoa(len(v.pkgs)), "count", countLine(l, v.errors, v.warnings)) + "\n")
	} else {
		b.WriteString(countLine(l, v.errors, v.warnings) + "\n")
	}
	return b.Flush()
}

// writeTextFindings prints sorted findings under file and sheet headings,
// their columns aligned over the whole listing.
func writeTextFindings(b *bufio.Writer, l msg.Lang, fs []finding.Finding) {
	var w textWidths
	for i := range fs {
		f := &fs[i]
		w.loc = max(w.loc, runewidth.StringWidth(textIndent(f)+msg.Escape(textLocation(f))))
		w.sev = max(w.sev, runewidth.StringWidth(severityWord(l, f.Severity)))
		w.rule = max(w.rule, len(f.Rule))
	}
	for i := range fs {
		f := &fs[i]
		if i == 0 || f.File != fs[i-1].File {
			if f.File == "" {
				b.WriteString(l.T("report.package-level") + "\n")
			} else {
				b.WriteString(msg.Escape(f.File) + "\n")
			}
		}
		if f.Sheet != "" && (i == 0 || f.File != fs[i-1].File || f.Sheet != fs[i-1].Sheet) {
			b.WriteString("  " + msg.Escape(f.Sheet) + "\n")
		}
		line := pad(textIndent(f)+msg.Escape(textLocation(f)), w.loc) + "  " +
			pad(severityWord(l, f.Severity), w.sev) + "  " +
			pad(msg.Escape(f.Rule), w.rule) + "  " +
			msg.Escape(oneLine(unlocated(l, f)))
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

type textWidths struct{ loc, sev, rule int }

// textIndent is the indent of a finding's line: under its sheet heading, or
// under its file heading when it has no sheet.
func textIndent(f *finding.Finding) string {
	if f.Sheet != "" {
		return "    "
	}
	return "  "
}

func textLocation(f *finding.Finding) string {
	if loc := f.Location(); loc != "" {
		return loc
	}
	return "—"
}

// pad fills s with spaces to the display width w (CJK characters count 2).
func pad(s string, w int) string {
	if n := w - runewidth.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// oneLine keeps a multi-line message on its line: line breaks become " / ".
// What comes from a package is escaped besides (msg.Escape): the text
// report is read on a terminal.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", " / ")
}
