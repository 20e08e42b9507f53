package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
	"github.com/mkspace/mkspace/internal/version"
)

// WriteTotals prints the totals and the self-check of the packages of in
// (`mkspace totals`) as text (Text) or JSON (JSON): each package's
// Totals (a *totals.Totals) and Eligibility, with the counts of its
// findings.
func WriteTotals(w io.Writer, format string, in Input) error {
	switch format {
	case Text, "":
		return writeTotalsText(w, in)
	case JSON:
		return writeTotalsJSON(w, in)
	}
	return &UnknownFormatError{Format: format}
}

func windowOf(p Package, in Input) config.Window {
	if p.Window.Start.IsZero() && p.Window.End.IsZero() {
		return in.Window
	}
	return p.Window
}

func writeTotalsText(w io.Writer, in Input) error {
	l := in.Lang
	for i, p := range in.Packages {
		if len(in.Packages) > 1 {
			fmt.Fprintf(w, "== %s ==\n", msg.Escape(p.Name))
		}
		t, _ := p.Totals.(*totals.Totals)
		if t == nil {
			continue
		}
		if err := totals.WriteText(w, t, windowOf(p, in), l); err != nil {
			return err
		}
		if e, _ := p.Counts(); e > 0 {
			fmt.Fprintln(w, "\n"+l.T("totals.has-errors", "n", fmt.Sprint(e)))
		}
		if i < len(in.Packages)-1 {
			fmt.Fprintln(w)
		}
	}
	return nil
}

// totalsJSON is the json of one package: the totals and the self-check as
// in `validate --format json`, with the counts of findings.
type totalsJSON struct {
	Package     string            `json:"package,omitempty"`
	Tool        string            `json:"tool,omitempty"`
	ToolVersion string            `json:"tool_version,omitempty"`
	Window      map[string]string `json:"window"`
	Files       []string          `json:"files"`
	Summary     map[string]int    `json:"summary"`
	Totals      any               `json:"totals"`
	Eligibility any               `json:"eligibility"`
}

func writeTotalsJSON(w io.Writer, in Input) error {
	objs := make([]totalsJSON, len(in.Packages))
	for i, p := range in.Packages {
		e, wn := finding.Counts(p.Findings)
		win := windowOf(p, in)
		objs[i] = totalsJSON{
			Window: map[string]string{
				"start": win.Start.Format(config.DateLayout),
				"end":   win.End.Format(config.DateLayout)},
			Files:       p.Files,
			Summary:     map[string]int{"errors": e, "warnings": wn},
			Totals:      p.Totals,
			Eligibility: p.Eligibility,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if len(objs) == 1 {
		objs[0].Tool, objs[0].ToolVersion = "mkspace", version.Tool
		return enc.Encode(objs[0])
	}
	for i := range objs {
		objs[i].Package = in.Packages[i].Name
	}
	return enc.Encode(map[string]any{"tool": "mkspace", "tool_version": version.Tool, "packages": objs})
}
