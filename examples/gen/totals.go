package main

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/schema"
)

// totals computes the figures of SPEC §3 from the generator's own values (an
// implementation independent of the totals command, for comparing with it).
// The result maps each key to its displayed form: counts as integers, areas
// and money with 2 decimals, the ratio with 1 decimal.
func totals(p *pkg, w config.Window) map[string]any {
	out := map[string]any{}
	count := func(k string, n int) { out[k] = n }
	money := func(k string, d decimal.Decimal) { out[k] = json.Number(d.StringFixed(2)) }
	num := func(v any) decimal.Decimal {
		switch v := v.(type) {
		case dec:
			return decimal.RequireFromString(string(v))
		case int:
			return decimal.NewFromInt(int64(v))
		}
		return decimal.Zero
	}
	flag := func(r row, k string) bool { b, _ := r[k].(bool); return b }
	date := func(r row, k string) (time.Time, bool) { return dateOf(r[k]) }
	inWindow := func(r row, k string) bool { d, ok := date(r, k); return ok && w.Contains(d) }
	// in the space at some time in the window: joined ≤ end and not moved out before start
	served := func(r row, joinKey string) bool {
		j, ok := date(r, joinKey)
		if !ok || j.After(w.End) {
			return false
		}
		if m, ok := date(r, "moved_out_on"); ok && flag(r, "moved_out") && m.Before(w.Start) {
			return false
		}
		return true
	}

	t := p.tables
	count("media_reports", len(t["media"]))
	count("honors", len(t["honors"]))

	var area, teamArea, public, self, other decimal.Decimal
	ws := 0
	for _, r := range t["venues"] {
		area = area.Add(num(r["area"]))
		teamArea = teamArea.Add(num(r["team_enterprise_area"]))
		public = public.Add(num(r["public_service_area"]))
		self = self.Add(num(r["self_use_area"]))
		other = other.Add(num(r["other_area"]))
		ws += r["workstations"].(int)
	}
	money("total_area", area)
	money("team_enterprise_area", teamArea)
	money("public_service_area", public)
	money("self_use_area", self)
	money("other_area", other)
	count("workstations", ws)
	if area.IsZero() {
		out["service_area_ratio"] = nil
	} else {
		out["service_area_ratio"] = json.Number(teamArea.Add(public).Mul(decimal.NewFromInt(100)).Div(area).Round(1).StringFixed(1))
	}

	staff, mentors := len(t["staff"]), len(t["mentors"])
	count("professional_staff", staff)
	count("mentors", mentors)
	count("management_staff", staff+mentors)
	full := 0
	for _, r := range t["mentors"] {
		if r["employment"] == "专职" {
			full++
		}
	}
	count("mentors_full_time", full)
	count("mentors_part_time", mentors-full)

	var inSpace, converted, moved, financed, joined, conversions, financedIn, servedN int
	var amount decimal.Decimal
	for _, r := range t["teams"] {
		c, m := flag(r, "converted"), flag(r, "moved_out")
		switch {
		case c && !m:
			converted++
		case !c && m:
			moved++
		case !c && !m:
			inSpace++
		}
		if flag(r, "financed") {
			financed++
			amount = amount.Add(num(r["amount"]))
		}
		if inWindow(r, "joined_on") {
			joined++
		}
		if c && inWindow(r, "registered_on") {
			conversions++
		}
		if flag(r, "financed") && inWindow(r, "financed_on") {
			financedIn++
		}
		if !c && served(r, "joined_on") {
			servedN++
		}
	}
	count("teams_total", len(t["teams"]))
	count("teams_in_space", inSpace)
	count("teams_converted", converted)
	count("teams_moved_out", moved)
	count("teams_financed", financed)
	money("teams_financing_amount", amount)
	count("teams_joined_in_window", joined)

	var fromTeams, eInSpace, eMoved, eFinanced, eJoined, eStaff int
	amount = decimal.Zero
	for _, r := range t["enterprises"] {
		join := "joined_on"
		if flag(r, "from_team") {
			fromTeams++
			join = "registered_on"
		}
		if flag(r, "moved_out") {
			eMoved++
		} else {
			eInSpace++
			eStaff += r["staff"].(int)
		}
		if flag(r, "financed") {
			eFinanced++
			amount = amount.Add(num(r["amount"]))
			if inWindow(r, "financed_on") {
				financedIn++
			}
		}
		if inWindow(r, join) {
			eJoined++
		}
		if served(r, join) {
			servedN++
		}
	}
	count("enterprises_total", len(t["enterprises"]))
	count("enterprises_from_teams", fromTeams)
	count("enterprises_in_space", eInSpace)
	count("enterprises_moved_out", eMoved)
	count("enterprises_financed", eFinanced)
	money("enterprises_financing_amount", amount)
	count("enterprises_joined_in_window", eJoined)
	count("enterprise_staff_in_space", eStaff)

	byType := map[string]int{}
	for _, k := range schema.DefaultLists()[schema.ListActivityKind] {
		byType[k] = 0
	}
	acts := 0
	for _, r := range t["activities"] {
		if inWindow(r, "date") {
			acts++
			byType[r["kind"].(string)]++
		}
	}
	count("activities", acts)
	out["activities_by_type"] = byType

	count("served_in_window", servedN)
	count("conversions_in_window", conversions)
	count("financed_in_window", financedIn)
	since, _ := dateOf(p.forms["basic"]["operating_since"])
	count("operating_months", wholeMonths(since, w.End))
	return out
}

// wholeMonths counts the whole months from a to b.
func wholeMonths(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return n
}
