package report

import (
	"bufio"
	"io"

	"github.com/mkspace/mkspace/internal/config"
)

type jsonWindow struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type jsonSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// NotListed is the number of findings left out of "findings" by
	// --max-findings; absent when every finding is listed.
	NotListed int `json:"not_listed,omitempty"`
	Packages  int `json:"packages,omitempty"` // several packages only
	// Intake is the number of findings across the packages.
	Intake int `json:"intake,omitempty"`
}

func windowJSON(w config.Window) jsonWindow {
	var out jsonWindow
	if !w.Start.IsZero() {
		out.Start = w.Start.Format(config.DateLayout)
	}
	if !w.End.IsZero() {
		out.End = w.End.Format(config.DateLayout)
	}
	return out
}

// writeJSON prints the object of SPEC §2 for one package; for several,
// {"tool", "tool_version", "packages": [object + "package", "dir"], "summary"}.
// Findings are encoded one at a time.
func writeJSON(w io.Writer, v *view) error {
	j := newJSONWriter(bufio.NewWriter(w))
	switch {
	case v.several():
		j.open('{')
		j.member("tool", "mkspace")
		j.member("tool_version", v.ToolVersion)
		j.key("packages")
		j.open('[')
		for i := range v.pkgs {
			j.sep()
			v.jsonPackage(j, &v.pkgs[i])
		}
		j.close(']')
		if len(v.Intake) > 0 {
			j.member("intake", IntakeJSON(v.Intake, v.Lang))
		}
		j.member("summary", jsonSummary{Errors: v.errors, Warnings: v.warnings,
			NotListed: v.notListed, Packages: len(v.pkgs), Intake: len(v.Intake)})
		j.close('}')
	case len(v.pkgs) == 1:
		v.jsonPackage(j, &v.pkgs[0])
	default:
		v.jsonPackage(j, &pkgView{Package: &Package{}, window: v.Window})
	}
	return j.finish()
}

func (v *view) jsonPackage(j *jsonWriter, p *pkgView) {
	j.open('{')
	if v.several() {
		j.member("package", p.Name)
		j.member("dir", p.Dir)
	}
	j.member("tool", "mkspace")
	j.member("tool_version", v.ToolVersion)
	j.member("window", windowJSON(p.window))
	j.member("files", append([]string{}, p.Files...))
	j.member("summary", jsonSummary{Errors: p.errors, Warnings: p.warnings,
		NotListed: len(p.sorted) - len(p.listed)})
	j.key("findings")
	j.open('[')
	for i := range p.listed {
		f := p.listed[i]
		if f.Message == "" {
			f.Message = message(v.Lang, &f)
		}
		j.item(&f)
	}
	j.close(']')
	if p.Totals != nil {
		j.member("totals", p.Totals)
	}
	if p.Eligibility != nil {
		j.member("eligibility", p.Eligibility)
	}
	j.close('}')
}
