package totals

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

// Groups lists the figures as the online form groups them.
var Groups = []struct {
	Key     string
	Figures []string
}{
	{"basic", []string{KeyMediaReports, KeyHonors}},
	{"venues", []string{KeyTotalArea, KeyTeamEnterpriseArea, KeyPublicServiceArea, KeySelfUseArea, KeyOtherArea, KeyWorkstations, KeyServiceAreaRatio}},
	{"people", []string{KeyManagementStaff, KeyProfessionalStaff, KeyMentors, KeyMentorsFullTime, KeyMentorsPartTime}},
	{"incubation", []string{
		KeyTeamsTotal, KeyTeamsInSpace, KeyTeamsConverted, KeyTeamsMovedOut, KeyTeamsFinanced, KeyTeamsFinancingAmount,
		KeyEnterprisesTotal, KeyEnterprisesFromTeams, KeyEnterprisesInSpace, KeyEnterprisesMovedOut,
		KeyEnterprisesFinanced, KeyEnterprisesFinancingAmount, KeyEnterpriseStaffInSpace}},
	{"window", []string{KeyOperatingMonths, KeyTeamsJoinedInWindow, KeyEnterprisesJoinedInWindow, KeyServedInWindow,
		KeyConversionsInWindow, KeyFinancedInWindow, KeyActivities}},
}

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
// form groups them, then the self-check.
func WriteText(w io.Writer, t *Totals, win config.Window, l msg.Lang) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, g := range Groups {
		title := l.T("totals.group."+g.Key,
			"start", win.Start.Format(config.DateLayout), "end", win.End.Format(config.DateLayout))
		fmt.Fprintf(tw, "【%s】\n", title)
		for _, k := range g.Figures {
			fmt.Fprintf(tw, "  %s\t%s\n", l.T("total."+k), FigureText(t.Get(k), l))
		}
		if g.Key == "window" {
			kinds := make([]string, 0, len(t.ActivitiesByType))
			for k := range t.ActivitiesByType {
				kinds = append(kinds, k)
			}
			slices.Sort(kinds)
			for _, k := range kinds {
				fmt.Fprintf(tw, "    %s\t%d\n", k, t.ActivitiesByType[k])
			}
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "【%s】\n", l.T("totals.group.elig"))
	fmt.Fprintf(tw, "  %s\n", l.T("totals.header.elig"))
	for _, c := range t.Eligibility {
		result := l.T("totals.manual")
		if c.Met != nil && *c.Met {
			result = l.T("totals.met")
		} else if c.Met != nil {
			result = l.T("totals.unmet")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", l.T("elig."+c.Key), RequiredText(c, l), ActualText(c, l), result)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var notes []string
	for _, k := range t.LeftOutKeys() {
		notes = append(notes, l.T("totals.left-out", "total", l.T("total."+k), "n", fmt.Sprint(t.LeftOut[k])))
	}
	if len(notes) > 0 {
		_, err := fmt.Fprintln(w, "\n"+strings.Join(notes, "\n"))
		return err
	}
	return nil
}
