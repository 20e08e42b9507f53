package report

import (
	"encoding/json"
	"io"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
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
}

// jsonPackage is the object of SPEC §2.
type jsonPackage struct {
	Package     string            `json:"package,omitempty"` // several packages only
	Dir         string            `json:"dir,omitempty"`     // several packages only
	Tool        string            `json:"tool"`
	ToolVersion string            `json:"tool_version"`
	Window      jsonWindow        `json:"window"`
	Files       []string          `json:"files"`
	Summary     jsonSummary       `json:"summary"`
	Findings    []finding.Finding `json:"findings"`
	Totals      any               `json:"totals,omitempty"`
	Eligibility any               `json:"eligibility,omitempty"`
}

type jsonSeveral struct {
	Tool        string        `json:"tool"`
	ToolVersion string        `json:"tool_version"`
	Packages    []jsonPackage `json:"packages"`
	Summary     jsonSummary   `json:"summary"`
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

func (v *view) jsonPackage(p *pkgView) jsonPackage {
	o := jsonPackage{
		Tool:        "mkspace",
		ToolVersion: v.ToolVersion,
		Window:      windowJSON(p.window),
		Files:       append([]string{}, p.Files...),
		Summary: jsonSummary{Errors: p.errors, Warnings: p.warnings,
			NotListed: len(p.sorted) - len(p.listed)},
		Findings:    append([]finding.Finding{}, p.listed...),
		Totals:      p.Totals,
		Eligibility: p.Eligibility,
	}
	for i := range o.Findings {
		if o.Findings[i].Message == "" {
			o.Findings[i].Message = message(v.Lang, &o.Findings[i])
		}
	}
	if v.several() {
		o.Package, o.Dir = p.Name, p.Dir
	}
	return o
}

func writeJSON(w io.Writer, v *view) error {
	var doc any
	if v.several() {
		s := jsonSeveral{Tool: "mkspace", ToolVersion: v.ToolVersion,
			Summary: jsonSummary{Errors: v.errors, Warnings: v.warnings,
				NotListed: v.notListed, Packages: len(v.pkgs)}}
		for i := range v.pkgs {
			s.Packages = append(s.Packages, v.jsonPackage(&v.pkgs[i]))
		}
		doc = s
	} else if len(v.pkgs) == 1 {
		doc = v.jsonPackage(&v.pkgs[0])
	} else {
		doc = jsonPackage{Tool: "mkspace", ToolVersion: v.ToolVersion, Window: windowJSON(v.Window),
			Files: []string{}, Findings: []finding.Finding{}}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
