package rules

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/workbook"
)

// streamed is a table whose n rows gen makes as they are read: rows built
// in memory beforehand would outweigh what the rules keep.
type streamed struct {
	key string
	n   int
	gen func(i int) rowVals
}

// run feeds the table's rows to ck.
func (st streamed) run(ck *Checker) {
	mt := table(st.key) // no rows: every column present
	s := mt.t.Sheet
	cells := make([]workbook.Cell, len(s.Columns))
	feedRows(ck.cfg, mt.t, func(yield func(workbook.Row)) {
		for i := range st.n {
			vals, n := st.gen(i), i+2
			for c, col := range s.Columns {
				cells[c] = mkCell(typedMem(&s.Columns[c], vals[col.Key]), n, colLetters(c)+strconv.Itoa(n))
			}
			yield(workbook.Row{Number: n, Cells: cells})
		}
	}, ck)
}

func checkStreamed(dir string, tables ...streamed) []finding.Finding {
	ck := newChecker(nil, dir, config.Default())
	for _, st := range tables {
		st.run(ck)
	}
	ck.End()
	return withoutTextValues(ck.Findings())
}

// Duplicates and cross-table matches tens of thousands of rows apart
// are found as in a small sheet, after trimming and width folding, whichever
// of the two sheets is read first.
func TestDuplicatesFarApart(t *testing.T) {
	t.Parallel()
	nTeams, nEnts := 60_000, 30_000
	if testing.Short() {
		nTeams, nEnts = 6_000, 3_000
	}
	teamRows := streamed{key: "teams", n: nTeams, gen: func(i int) rowVals {
		switch i {
		case 0:
			return with(teamIn, "name", "远方团队（甲）")
		case 1:
			return with(teamConverted, "name", "转化团队")
		case nTeams - 1:
			return with(teamIn, "name", " 远方团队(甲) ")
		}
		return with(teamIn, "name", fmt.Sprintf("团队%06d", i))
	}}
	entRows := streamed{key: "enterprises", n: nEnts, gen: func(i int) rowVals {
		switch i {
		case 1, nEnts - 2:
			return with(entFromB, "name", fmt.Sprintf("企业%06d", i), "uscc", usccFor(i+1), "team", "转化团队")
		case nEnts / 2:
			return with(entFromB, "name", fmt.Sprintf("企业%06d", i), "uscc", usccFor(i+1), "team", "团队（戊）")
		case nEnts - 1:
			return with(entDirect, "name", fmt.Sprintf("企业%06d", i), "uscc", usccFor(1))
		}
		return with(entDirect, "name", fmt.Sprintf("企业%06d", i), "uscc", usccFor(i+1))
	}}
	dir := pkgDir(t)
	want := []string{
		"DUPLICATE-VALUE@入驻企业!B" + strconv.Itoa(nEnts+1),
		"DUPLICATE-VALUE@创业团队!A" + strconv.Itoa(nTeams+1),
		"XREF-TEAM-MULTI-ENTERPRISE@入驻企业!D" + strconv.Itoa(nEnts),
		"XREF-TEAM-UNKNOWN@入驻企业!D" + strconv.Itoa(nEnts/2+2),
	}
	teamsFirst := checkStreamed(dir, teamRows, entRows)
	assert.Equal(t, want, brief(teamsFirst), dump(teamsFirst))
	entsFirst := checkStreamed(dir, entRows, teamRows)
	assert.Equal(t, teamsFirst, entsFirst, "the order of the sheets changes nothing")
	for _, f := range teamsFirst {
		switch f.Cell {
		case "A" + strconv.Itoa(nTeams+1):
			assert.Contains(t, f.Message, "创业团队!A2", "names the first row")
		case "B" + strconv.Itoa(nEnts+1):
			assert.Contains(t, f.Message, "入驻企业!B2", "names the first row")
		case "D" + strconv.Itoa(nEnts):
			assert.Contains(t, f.Message, "入驻企业!D3", "names the first enterprise")
		case "D" + strconv.Itoa(nEnts/2+2):
			assert.Equal(t, "团队（戊）", f.Value, "the name as written")
		}
	}
}

// The cross-table findings, their values and messages included, are the
// same whichever of the two sheets the package holds first.
func TestCrossTableEitherOrder(t *testing.T) {
	t.Parallel()
	dir := pkgDir(t)
	for _, tc := range []struct {
		name  string
		teams []rowVals
		ents  []rowVals
	}{
		{"agree", []rowVals{teamIn, teamConverted}, []rowVals{entDirect, entFromB}},
		{"folded match", []rowVals{with(teamConverted, "name", "ABC")}, []rowVals{with(entFromB, "team", " ＡＢＣ ")}},
		{"unknown, as written", []rowVals{teamConverted}, []rowVals{entFromB, with(entFromB, "name", "企业三", "uscc", "91512081MA62K0260E", "team", "团队（戊）")}},
		{"not converted, as written", []rowVals{with(teamIn, "name", "团队(甲)")}, []rowVals{with(entFromB, "team", "团队（甲）")}},
		{"dates differ", []rowVals{with(teamConverted, "name", "ＸＹ")}, []rowVals{with(entFromB, "team", "ＸＹ", "registered_on", "2020-09-02")}},
		{"two enterprises", []rowVals{teamConverted}, []rowVals{entFromB, with(entFromB, "name", "企业三", "uscc", "91512081MA62K0260E", "team", "团队乙 ")}},
		{"no enterprise", []rowVals{teamIn, teamConverted, with(teamConverted, "name", "团队（己）")}, []rowVals{entDirect, with(entDirect, "name", "企业三", "uscc", "91512081MA62K0260E", "team", "团队乙")}},
		{"duplicate team: the first row counts", []rowVals{teamConverted, with(teamIn, "name", "团队乙")}, []rowVals{entFromB}},
		{"team names absent", []rowVals{with(teamConverted, "name", absent)}, []rowVals{entFromB, entFromB}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fwd := check(t, nil, dir, table("teams", tc.teams...), table("enterprises", tc.ents...))
			rev := check(t, nil, dir, table("enterprises", tc.ents...), table("teams", tc.teams...))
			assert.Equal(t, fwd, rev)
		})
	}
	fs := check(t, nil, dir, table("enterprises", with(entFromB, "team", "团队（戊）")), table("teams", teamConverted))
	i := slices.IndexFunc(fs, func(f finding.Finding) bool { return f.Rule == finding.XrefTeamUnknown })
	require.GreaterOrEqual(t, i, 0, dump(fs))
	assert.Equal(t, "团队（戊）", fs[i].Value)
}

// What the rules keep of a row is its keys and a few numbers — not the
// reader's strings, not a map entry per value: a team sheet costs a few tens
// of bytes per row beyond its names' bytes, however long it is.
func TestRetainedPerRow(t *testing.T) {
	const n = 100_000
	rows := streamed{key: "teams", n: n, gen: func(i int) rowVals {
		name := fmt.Sprintf("第%06d号创业团队", i) // 24 bytes, a new string per row as the reader's
		if i%2 == 0 {
			return with(teamIn, "name", name)
		}
		return with(teamConverted, "name", name)
	}}
	ck := newChecker(nil, pkgDir(t), config.Default())
	require.Empty(t, ck.att.Check(pdfPath).Rule) // examined now: no cell waits for it
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rows.run(ck)
	runtime.GC()
	runtime.ReadMemStats(&after)
	perRow := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / n
	runtime.KeepAlive(ck)
	t.Logf("%.1f bytes kept per team row", perRow)
	assert.Less(t, perRow, 24+60.0, "bytes kept per team row of a 24-byte name")
}
