package totals

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

// FigureText renders one figure with its unit, e.g. "800.00 平方米", "81.3 %".
func FigureText(f Figure, l msg.Lang) string {
	if f.Null {
		if f.Kind == Ratio {
			return l.T("totals.null")
		}
		return "—"
	}
	return f.Display() + unitText(f.Kind, l)
}

// WriteText prints the totals as a readable table, grouped as the online
// form groups them, then the self-check, one condition per block. Columns
// are aligned by display width (a Chinese character takes two columns).
func WriteText(w io.Writer, t *Totals, win config.Window, l msg.Lang) error {
	var b strings.Builder
	for _, g := range FormGroups() {
		title := l.T("totals.group."+g.Key,
			"start", win.Start.Format(config.DateLayout), "end", win.End.Format(config.DateLayout))
		fmt.Fprintf(&b, "【%s】\n", title)
		var rows [][2]string
		for _, k := range g.Figures {
			rows = append(rows, [2]string{l.T("total." + k), FigureText(t.Get(k), l)})
			if Lookup(k).HasBreakdown() {
				kinds := make([]string, 0, len(t.ActivitiesByType))
				for k := range t.ActivitiesByType {
					kinds = append(kinds, k)
				}
				slices.Sort(kinds)
				for _, k := range kinds {
					rows = append(rows, [2]string{"  " + k, fmt.Sprint(t.ActivitiesByType[k])})
				}
			}
		}
		width := 0
		for _, r := range rows {
			width = max(width, runewidth.StringWidth(r[0]))
		}
		for _, r := range rows {
			fmt.Fprintf(&b, "  %s%s  %s\n", r[0], strings.Repeat(" ", width-runewidth.StringWidth(r[0])), r[1])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "【%s】\n", l.T("totals.group.elig"))
	for _, c := range t.Eligibility {
		result := l.T("totals.manual")
		if c.Met != nil && *c.Met {
			result = l.T("totals.met")
		} else if c.Met != nil {
			result = l.T("totals.unmet")
		}
		fmt.Fprintf(&b, "  [%s] %s\n", result, l.T("elig."+c.Key))
		if !c.Manual() {
			fmt.Fprintf(&b, "      %s\n", l.T("totals.elig-line", "required", RequiredText(c, l), "actual", ActualText(c, l)))
		}
	}
	for i, k := range t.LeftOutKeys() {
		if i == 0 {
			b.WriteString("\n")
		}
		b.WriteString(l.T("totals.left-out", "total", l.T("total."+k), "n", fmt.Sprint(t.LeftOut[k])) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
