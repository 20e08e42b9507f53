package rules

import (
	"strconv"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// The facts the cross-table rules between 创业团队 and 入驻企业 (SPEC §1)
// compare. The pass keeps only what they need — per team its name, state
// and registration date, per enterprise naming a team the name and date —
// with row numbers instead of cells, never whole rows. The names are the
// tables' own value indexes (keyset.go): a team's name is stored once, for
// uniqueness and for these rules alike; the facts are small numbers indexed
// by its id.
//
// Each enterprise converted from a team becomes an entMatch, handed to the
// rules' Match checks (xref_rules.go): as it is read when the teams were
// read before it (as the package's tables come, in the form's order),
// otherwise once every table was read.

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

// row collects the facts of one row, after its rules ran.
func (x *xrefs) row(tr *tableRun) {
	switch {
	case x.teams.run == tr:
		x.teamRow(tr)
	case x.ents.run == tr:
		x.entRow(tr)
	}
}

func (x *xrefs) teamRow(tr *tableRun) {
	side := &x.teams
	ni, ci, ri := teamNameCol.Index(), teamConvertedCol.Index(), teamRegOnCol.Index()
	if !tr.readable(ni) {
		return
	}
	nc := tr.cellAt(ni)
	id, added := tr.intern(ni, nc)
	if !added {
		return // DUPLICATE-VALUE already; the first row counts
	}
	f := teamFact{recorded: true, converted: unknownState, conflict: tr.conflict, reg: noDate}
	for _, c := range []schema.Col{teamNameCol, teamConvertedCol, teamRegOnCol} {
		side.note(c, tr.cellAt(c.Index()))
	}
	if tr.state(ci) == rows.Valid {
		f.converted = stateNo
		if tr.val(ci).Bool {
			f.converted = stateYes
		}
	}
	if tr.readable(ri) {
		f.reg = toDays(tr.val(ri).Date)
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

func (x *xrefs) entRow(tr *tableRun) {
	side := &x.ents
	ti, fi, ri := entTeamCol.Index(), entFromTeamCol.Index(), entRegOnCol.Index()
	if tr.state(ti) != rows.Valid {
		return
	}
	tc := tr.cellAt(ti)
	var id int32
	if x.stream {
		tr.kbuf = appendUniqueKey(tr.kbuf[:0], &tr.sheet.Columns[ti], tr.val(ti))
		var ok bool
		if id, _, ok = x.team(tr.kbuf); ok {
			x.teamFacts[id].named = true
		}
	} else {
		id, _ = tr.intern(ti, tc) // the index of 团队名称 is the set of names written
	}
	// Only an enterprise known to come from a team is matched; otherwise the
	// team cell is 不可填 (reported) or the state is unknown.
	if tr.state(fi) != rows.Valid || !tr.val(fi).Bool || tr.done[ti] {
		return
	}
	for _, c := range []schema.Col{entTeamCol, entRegOnCol} {
		side.note(c, tr.cellAt(c.Index()))
	}
	reg := noDate
	if tr.readable(ri) {
		reg = toDays(tr.val(ri).Date)
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
		x.enterprise(int32(tc.Row), reg, tr.val(ti).Text, t, id, first)
		return
	}
	e := entFact{team: id, row: int32(tc.Row), reg: reg}
	if d := tr.val(ti).Text; d != string(tr.index[ti].keys.key(id)) {
		e.display = x.displays.add([]byte(d)) + 1
	}
	x.entFacts = append(x.entFacts, e)
}

// entMatch is an enterprise converted from a team, matched with the team
// sheet: what the cross-table rules check.
type entMatch struct {
	row     int32  // the enterprise's Excel row
	reg     days   // its 注册时间
	display string // the team's name as it writes it
	// team is the team of that name (found false: none); teamRow its row.
	team    teamFact
	found   bool
	teamRow int32
	// teams: the team sheet was read, with its 团队名称 column.
	teams bool
	// earlier is the row of an earlier enterprise naming the same team
	// (matched, not unknown or unconverted), 0 when none.
	earlier int32
}

// unknown: the team sheet has no team of that name.
func (m *entMatch) unknown() bool { return m.teams && !m.found }

// unconverted: the team named is not marked converted.
func (m *entMatch) unconverted() bool { return m.found && m.team.converted == stateNo }

// enterprise matches one enterprise converted from a team and runs the
// Match checks on it: row and reg are its row and 注册时间, display the
// team's name as it writes it, t the team of that name (recorded false:
// none) with its id, and first where the row of the first enterprise of
// that name is kept.
func (x *xrefs) enterprise(row int32, reg days, display string, t teamFact, teamID int32, first *int32) {
	m := entMatch{row: row, reg: reg, display: display, team: t, found: t.recorded, teams: x.teams.present(teamNameCol)}
	if m.found {
		m.teamRow = x.teams.index(teamNameCol).first[teamID]
	}
	if !m.unknown() && !m.unconverted() && first != nil {
		if m.earlier = *first; m.earlier == 0 {
			*first = row
		}
	}
	for _, r := range registry {
		if r.Match != nil {
			r.Match(r, x, &m)
		}
	}
}

// resolve matches the enterprises kept until every sheet was read.
func (x *xrefs) resolve() {
	if !x.ents.present(entTeamCol) || x.stream {
		return
	}
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

// entCell is the cell of column c in the enterprise sheet's row.
func (x *xrefs) entCell(c schema.Col, row int32) workbook.Cell { return x.ents.cell(c, row) }

// teamCell is the cell of column c in the team sheet's row.
func (x *xrefs) teamCell(c schema.Col, row int32) workbook.Cell { return x.teams.cell(c, row) }

// letters returns the column letters of an A1 reference.
func letters(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	return ref[:i]
}
