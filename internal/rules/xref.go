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
// instead of cells, never whole rows. The names are the tables' own value
// indexes (keyset.go): a team's name is stored once, for uniqueness and for
// these rules alike; the facts are small numbers indexed by its id.

// The columns the cross-table rules read.
var (
	teamNameCol      = schema.Teams.Name
	teamConvertedCol = schema.Teams.Converted
	teamRegOnCol     = schema.Teams.RegisteredOn
	entTeamCol       = schema.Enterprises.Team
	entFromTeamCol   = schema.Enterprises.FromTeam
	entRegOnCol      = schema.Enterprises.RegisteredOn
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

// teamFact is what the rules need of a team, by the id of its name in the
// team sheet's index (its row is the index's first row).
type teamFact struct {
	reg       days
	converted int8
	recorded  bool // false: no fact for this id
	conflict  bool
	named     bool // an enterprise writes its name (enterprises matched as read)
}

// entFact is an enterprise that names the team it was converted from, kept
// until every sheet is read (when the enterprises come before the teams).
type entFact struct {
	team    int32  // the id of the name in the enterprise sheet's index of 团队名称
	row     int32  // Excel row
	reg     days   // 注册时间
	display uint64 // the name as written, in xrefs.displays, +1; 0 when it is the key
}

// xrefTable remembers one side's table and where its columns are.
type xrefTable struct {
	run     *tableRun
	letters map[schema.Col]string // column letters in the file, from the first cell seen
}

func (x *xrefTable) present(c schema.Col) bool {
	return x.run != nil && x.run.present[c.Index()]
}

func (x *xrefTable) cell(c schema.Col, row int32) workbook.Cell {
	l := x.letters[c]
	if l == "" {
		return workbook.Cell{Row: int(row)}
	}
	return workbook.Cell{Row: int(row), Ref: l + strconv.Itoa(int(row))}
}

func (x *xrefTable) note(c schema.Col, cl workbook.Cell) {
	if _, ok := x.letters[c]; !ok && cl.Ref != "" {
		x.letters[c] = letters(cl.Ref)
	}
}

type xrefs struct {
	teams, ents xrefTable
	teamFacts   []teamFact // by the id of the team's name in the team sheet's index

	// When the teams are read first (as the package's tables come, in the
	// form's order), each enterprise is matched as it is read and nothing of
	// it is kept but, per team, the row of its first enterprise. Otherwise
	// the enterprises' facts wait for resolve.
	stream   bool
	firstEnt []int32 // stream: by team id, the row of its first enterprise; 0 before it
	entFacts []entFact
	displays arena // team names as enterprises write them, where that is not their key
}

func newXrefs() *xrefs {
	return &xrefs{displays: arena{cur: -1}}
}

// index returns the value index of the side's column c, or nil.
func (x *xrefTable) index(c schema.Col) *valueIndex {
	if x.run == nil {
		return nil
	}
	return x.run.index[c.Index()]
}

// begin notes a table of one of the two sheets.
func (x *xrefs) begin(tr *tableRun) {
	switch tr.sheet {
	case teamNameCol.Sheet():
		x.teams = xrefTable{run: tr, letters: map[schema.Col]string{}}
		x.teamFacts, x.stream = nil, false // facts of an earlier table name ids of its index
		tr.keep(teamNameCol.Index())
	case entTeamCol.Sheet():
		x.ents = xrefTable{run: tr, letters: map[schema.Col]string{}}
		// The tables are read one after the other: a team table begun
		// before is complete.
		x.stream = x.teams.present(teamNameCol)
		x.entFacts, x.firstEnt = nil, nil
		if x.stream {
			x.firstEnt = make([]int32, len(x.teamFacts))
		} else {
			tr.keep(entTeamCol.Index()) // the set of team names written, matched in resolve
		}
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
	ni, ci, ri := teamNameCol.Index(), teamConvertedCol.Index(), teamRegOnCol.Index()
	if !tr.known(ni) {
		return
	}
	nc := cellAt(ni)
	id, added := tr.intern(ni, nc)
	if !added {
		return // DUPLICATE-VALUE already; the first row counts
	}
	f := teamFact{recorded: true, converted: unknownState, conflict: conflict, reg: noDate}
	for _, c := range []schema.Col{teamNameCol, teamConvertedCol, teamRegOnCol} {
		side.note(c, cellAt(c.Index()))
	}
	if tr.states[ci] == Valid {
		f.converted = stateNo
		if tr.vals[ci].Bool {
			f.converted = stateYes
		}
	}
	if tr.known(ri) {
		f.reg = toDays(tr.vals[ri].Date)
	}
	for int(id) >= len(x.teamFacts) {
		x.teamFacts = append(x.teamFacts, teamFact{})
	}
	x.teamFacts[id] = f
}

// team returns the id and fact of the team named key (a comparison key).
func (x *xrefs) team(key []byte) (int32, teamFact, bool) {
	idx := x.teams.index(teamNameCol)
	if idx == nil {
		return -1, teamFact{}, false
	}
	id := idx.keys.find(key)
	if id < 0 || int(id) >= len(x.teamFacts) || !x.teamFacts[id].recorded {
		return -1, teamFact{}, false
	}
	return id, x.teamFacts[id], true
}

func (x *xrefs) entRow(tr *tableRun, cellAt func(int) workbook.Cell) {
	side := &x.ents
	ti, fi, ri := entTeamCol.Index(), entFromTeamCol.Index(), entRegOnCol.Index()
	if tr.states[ti] != Valid {
		return
	}
	tc := cellAt(ti)
	var id int32
	if x.stream {
		tr.kbuf = appendUniqueKey(tr.kbuf[:0], &tr.sheet.Columns[ti], tr.vals[ti])
		var ok bool
		if id, _, ok = x.team(tr.kbuf); ok {
			x.teamFacts[id].named = true
		}
	} else {
		id, _ = tr.intern(ti, tc) // the index of 团队名称 is the set of names written
	}
	// Only an enterprise known to come from a team is matched; otherwise the
	// team cell is 不可填 (reported) or the state is unknown.
	if tr.states[fi] != Valid || !tr.vals[fi].Bool || tr.done[ti] {
		return
	}
	for _, c := range []schema.Col{entTeamCol, entRegOnCol} {
		side.note(c, cellAt(c.Index()))
	}
	reg := noDate
	if tr.known(ri) {
		reg = toDays(tr.vals[ri].Date)
	}
	if x.stream {
		var first *int32
		if id >= 0 && int(id) < len(x.firstEnt) {
			first = &x.firstEnt[id]
		}
		t := teamFact{}
		if id >= 0 {
			t = x.teamFacts[id]
		}
		x.enterprise(int32(tc.Row), reg, tr.vals[ti].Text, t, id, first)
		return
	}
	e := entFact{team: id, row: int32(tc.Row), reg: reg}
	if d := tr.vals[ti].Text; d != string(tr.index[ti].keys.key(id)) {
		e.display = x.displays.add([]byte(d)) + 1
	}
	x.entFacts = append(x.entFacts, e)
}

// enterprise applies the rules to one enterprise converted from a team: row
// and reg are its row and 注册时间, display the team's name as it writes it,
// t the team of that name (recorded false: none) with its id, and first
// where the row of the first enterprise of that name is kept.
func (x *xrefs) enterprise(row int32, reg days, display string, t teamFact, teamID int32, first *int32) {
	et := x.ents.run
	ti, ri := entTeamCol.Index(), entRegOnCol.Index()
	tc := x.ents.cell(entTeamCol, row)
	found := t.recorded
	var teamRow int32
	if found {
		teamRow = x.teams.index(teamNameCol).first[teamID]
	}
	switch {
	case x.teams.present(teamNameCol) && !found:
		et.emit(finding.XrefTeamUnknown, "", ti, tc, display)
		return
	case found && t.converted == stateNo:
		et.emit(finding.XrefTeamNotConverted, "", ti, tc, display,
			"team_loc", x.teams.run.loc(x.teams.cell(teamConvertedCol, teamRow)))
		return
	}
	switch {
	case first == nil: // only for a team not found: reported above
	case *first != 0:
		et.emit(finding.XrefTeamMultiEnterprise, "", ti, tc, display, "first", et.loc(x.ents.cell(entTeamCol, *first)))
	default:
		*first = row
	}
	if found && t.converted == stateYes && t.reg != noDate && reg != noDate && t.reg != reg {
		rc := x.ents.cell(entRegOnCol, row)
		et.emit(finding.XrefRegdateMismatch, "", ri, rc, reg.String(),
			"team", display, "team_date", t.reg.String(),
			"team_loc", x.teams.run.loc(x.teams.cell(teamRegOnCol, teamRow)))
	}
}

// resolve emits the cross-table findings once every sheet is read. A team
// without enterprise is named as compared (trimmed, width-folded): the
// finding sits in its own row.
func (x *xrefs) resolve(ck *checker) {
	entsOK := x.ents.present(entTeamCol)
	if entsOK && !x.stream {
		named := x.ents.index(entTeamCol)
		first := make([]int32, named.keys.Len()) // by name id
		for _, e := range x.entFacts {
			key := named.keys.key(e.team)
			display := string(key)
			if e.display != 0 {
				display = string(x.displays.get(e.display - 1))
			}
			id, t, _ := x.team(key)
			x.enterprise(e.row, e.reg, display, t, id, &first[e.team])
		}
	}
	teamIdx := x.teams.index(teamNameCol)
	if x.teams.present(teamNameCol) && x.teams.present(teamConvertedCol) && entsOK && teamIdx != nil {
		tt := x.teams.run
		ci := teamConvertedCol.Index()
		var named *valueIndex
		if !x.stream {
			named = x.ents.index(entTeamCol)
		}
		for id, t := range x.teamFacts {
			if !t.recorded || t.converted != stateYes || t.conflict {
				continue
			}
			key := teamIdx.keys.key(int32(id))
			if t.named || (named != nil && named.keys.find(key) >= 0) {
				continue
			}
			tt.emit(finding.XrefTeamNoEnterprise, "", ci, x.teams.cell(teamConvertedCol, teamIdx.first[id]), schema.Yes, "team", string(key))
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
