package rules

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// The cross-table rules between 创业团队 and 入驻企业 (SPEC §1). The pass
// keeps only what they need — per team its name, state and registration
// date, per enterprise naming a team the name and date — with row numbers
// instead of cells, never whole rows.

// Sheet and column keys the cross-table rules read (schema keys).
const (
	teamsKey       = "teams"
	enterprisesKey = "enterprises"

	colName      = "name"
	colConverted = "converted"
	colRegOn     = "registered_on"
	colFromTeam  = "from_team"
	colTeam      = "team"
)

// Tri-state of a team's 是否转化为企业.
const (
	unknownState int8 = iota - 1
	stateNo
	stateYes
)

// Dates are kept as days since 1970-01-01; noDate when unknown.
type days int32

const noDate days = -1 << 31

func toDays(t time.Time) days { return days(t.Unix() / 86400) }

func (d days) String() string {
	return time.Unix(int64(d)*86400, 0).UTC().Format(config.DateLayout)
}

type teamFact struct {
	row       int32
	reg       days
	converted int8
	conflict  bool
}

type entFact struct {
	key     string // the team name's comparison form
	display string // as written (shares key's memory when they are equal)
	row     int32
	reg     days
}

// xrefTable remembers one side's table and where its columns are.
type xrefTable struct {
	run     *tableRun
	cols    map[string]int    // key → column index
	letters map[string]string // key → column letters in the file, from the first cell seen
}

func (x *xrefTable) present(key string) bool {
	i, ok := x.cols[key]
	return x.run != nil && ok && i >= 0 && x.run.present[i]
}

func (x *xrefTable) cell(key string, row int32) workbook.Cell {
	l := x.letters[key]
	if l == "" {
		return workbook.Cell{Row: int(row)}
	}
	return workbook.Cell{Row: int(row), Ref: l + strconv.Itoa(int(row))}
}

func (x *xrefTable) note(key string, c workbook.Cell) {
	if _, ok := x.letters[key]; !ok && c.Ref != "" {
		x.letters[key] = letters(c.Ref)
	}
}

type xrefs struct {
	teams, ents xrefTable
	teamFacts   map[string]teamFact
	entFacts    []entFact
	named       map[string]struct{} // team names any enterprise writes
}

func newXrefs() *xrefs {
	return &xrefs{teamFacts: map[string]teamFact{}, named: map[string]struct{}{}}
}

// begin notes a table of one of the two sheets.
func (x *xrefs) begin(tr *tableRun) {
	var side *xrefTable
	var keys []string
	switch tr.sheet.Key {
	case teamsKey:
		side, keys = &x.teams, []string{colName, colConverted, colRegOn}
	case enterprisesKey:
		side, keys = &x.ents, []string{colTeam, colFromTeam, colRegOn}
	default:
		return
	}
	*side = xrefTable{run: tr, cols: map[string]int{}, letters: map[string]string{}}
	for _, k := range keys {
		side.cols[k] = tr.sheet.ColumnIndex(k)
	}
}

// row collects the facts of one row.
func (x *xrefs) row(tr *tableRun, cellAt func(int) workbook.Cell, conflict bool) {
	switch {
	case x.teams.run == tr:
		x.teamRow(tr, cellAt, conflict)
	case x.ents.run == tr:
		x.entRow(tr, cellAt)
	}
}

func (x *xrefs) teamRow(tr *tableRun, cellAt func(int) workbook.Cell, conflict bool) {
	side := &x.teams
	ni, ci, ri := side.cols[colName], side.cols[colConverted], side.cols[colRegOn]
	if ni < 0 || !tr.known(ni) {
		return
	}
	key := tr.key(ni)
	if _, dup := x.teamFacts[key]; dup {
		return // DUPLICATE-VALUE already; the first row counts
	}
	nc := cellAt(ni)
	f := teamFact{row: int32(nc.Row), converted: unknownState, conflict: conflict, reg: noDate}
	for _, k := range []string{colName, colConverted, colRegOn} {
		if i := side.cols[k]; i >= 0 {
			side.note(k, cellAt(i))
		}
	}
	if ci >= 0 && tr.states[ci] == Valid {
		f.converted = stateNo
		if tr.vals[ci].Bool {
			f.converted = stateYes
		}
	}
	if ri >= 0 && tr.known(ri) {
		f.reg = toDays(tr.vals[ri].Date)
	}
	x.teamFacts[key] = f
}

func (x *xrefs) entRow(tr *tableRun, cellAt func(int) workbook.Cell) {
	side := &x.ents
	ti, fi, ri := side.cols[colTeam], side.cols[colFromTeam], side.cols[colRegOn]
	if ti < 0 || tr.states[ti] != Valid {
		return
	}
	key := tr.key(ti)
	x.named[key] = struct{}{}
	// Only an enterprise known to come from a team is matched; otherwise the
	// team cell is 不可填 (reported) or the state is unknown.
	if fi < 0 || tr.states[fi] != Valid || !tr.vals[fi].Bool || tr.done[ti] {
		return
	}
	for _, k := range []string{colTeam, colRegOn} {
		if i := side.cols[k]; i >= 0 {
			side.note(k, cellAt(i))
		}
	}
	tc := cellAt(ti)
	e := entFact{key: key, display: tr.vals[ti].Text, row: int32(tc.Row), reg: noDate}
	if ri >= 0 && tr.known(ri) {
		e.reg = toDays(tr.vals[ri].Date)
	}
	x.entFacts = append(x.entFacts, e)
}

// resolve emits the cross-table findings once every sheet is read. A team
// without enterprise is named as compared (trimmed, width-folded): the
// finding sits in its own row.
func (x *xrefs) resolve(ck *checker) {
	teamsOK := x.teams.present(colName)
	if x.ents.run != nil && x.ents.present(colTeam) {
		et := x.ents.run
		ti, ri := x.ents.cols[colTeam], x.ents.cols[colRegOn]
		first := map[string]int32{}
		for _, e := range x.entFacts {
			tc := x.ents.cell(colTeam, e.row)
			t, found := x.teamFacts[e.key]
			switch {
			case teamsOK && !found:
				et.emit(finding.XrefTeamUnknown, "", ti, tc, e.display)
				continue
			case found && t.converted == stateNo:
				et.emit(finding.XrefTeamNotConverted, "", ti, tc, e.display,
					"team_loc", x.teams.run.loc(x.teams.cell(colConverted, t.row)))
				continue
			}
			if r, dup := first[e.key]; dup {
				et.emit(finding.XrefTeamMultiEnterprise, "", ti, tc, e.display, "first", et.loc(x.ents.cell(colTeam, r)))
			} else {
				first[e.key] = e.row
			}
			if found && t.converted == stateYes && t.reg != noDate && e.reg != noDate && t.reg != e.reg && ri >= 0 {
				rc := x.ents.cell(colRegOn, e.row)
				et.emit(finding.XrefRegdateMismatch, "", ri, rc, e.reg.String(),
					"team", e.display, "team_date", t.reg.String(),
					"team_loc", x.teams.run.loc(x.teams.cell(colRegOn, t.row)))
			}
		}
	}
	if teamsOK && x.teams.present(colConverted) && x.ents.run != nil && x.ents.present(colTeam) {
		tt := x.teams.run
		ci := x.teams.cols[colConverted]
		for k, t := range x.teamFacts {
			if t.converted != stateYes || t.conflict {
				continue
			}
			if _, ok := x.named[k]; ok {
				continue
			}
			tt.emit(finding.XrefTeamNoEnterprise, "", ci, x.teams.cell(colConverted, t.row), schema.Yes, "team", k)
		}
	}
}

// letters returns the column letters of an A1 reference.
func letters(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	return ref[:i]
}

func errorf(format string, args ...any) error { return fmt.Errorf("rules: "+format, args...) }
