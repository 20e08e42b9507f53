package rules

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// Consumers beside the rules see every data row once, typed, in the same
// pass.
func TestConsumersSeeTypedRows(t *testing.T) {
	t.Parallel()
	type seen struct {
		sheet, name string
		members     int64
		membersOK   bool
		state       rows.State
	}
	var got []seen
	obs := rows.RowFunc(func(r *rows.Row) {
		if r.Sheet != schema.Teams.Sheet {
			got = append(got, seen{sheet: r.Sheet.Key})
			return
		}
		name, _ := r.Value(schema.Teams.Name)
		m, ok := r.Value(schema.Teams.Members)
		got = append(got, seen{sheet: r.Sheet.Key, name: name.Text, members: m.Int, membersOK: ok, state: r.States[schema.Teams.Members.Index()]})
	})
	ck := newChecker(nil, pkgDir(t), config.Default())
	for _, mt := range []memTable{
		table("basic", basicOK),
		table("teams", teamIn, with(teamIn, "name", "团队X", "members", "很多"), teamConverted),
	} {
		mt.feed(ck.cfg, ck, obs)
	}
	ck.End()
	fs := withoutTextValues(ck.Findings())
	assert.Equal(t, []string{"CELL-TYPE@创业团队!C3"}, brief(fs), dump(fs))
	assert.Equal(t, []seen{
		{sheet: "basic"},
		{sheet: "teams", name: "团队甲", members: 5, membersOK: true, state: rows.Valid},
		{sheet: "teams", name: "团队X", membersOK: false, state: rows.Invalid},
		{sheet: "teams", name: "团队乙", membersOK: true, state: rows.Empty},
	}, got)
}

// A Validate with another consumer reads every table once.
func TestValidateConsumer(t *testing.T) {
	t.Parallel()
	counts := map[string]int{}
	obs := rows.RowFunc(func(r *rows.Row) { counts[r.Sheet.Key]++ })
	res, err := Validate([]string{writePackage(t, goodSheets())}, config.Default(), obs)
	require.NoError(t, err)
	assert.Empty(t, res.Findings, dump(res.Findings))
	assert.Equal(t, map[string]int{"basic": 1, "media": 1, "honors": 1, "venues": 1, "staff": 1, "mentors": 1,
		"teams": 4, "enterprises": 2, "activities": 1, "narrative": 1}, counts)
}

// Attachment rules at the cell: every cell naming a bad file gets the
// finding, the file is read once; a 不可填 attachment is not looked at.
func TestAttachmentCells(t *testing.T) {
	t.Parallel()
	dir := pkgDir(t)
	writeFile(t, dir, "附件/bad.pdf", []byte("not a pdf"))
	var rows []rowVals
	for i := 0; i < 300; i++ {
		rows = append(rows, with(teamIn, "name", fmt.Sprintf("团队%03d", i), "agreement", "附件/bad.pdf"))
	}
	rows = append(rows, with(teamIn, "name", "团队乙", "financing_proof", "../../etc/passwd"))
	ck := newChecker(nil, dir, config.Default())
	mt := table("teams", rows...)
	mt.feed(ck.cfg, ck)
	ck.End()
	fs := withoutTextValues(ck.Findings())
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Rule]++
	}
	assert.Equal(t, map[string]int{"ATTACHMENT-NOT-PDF": 300, "CELL-NOT-FILLABLE": 1}, counts)
	assert.Equal(t, 2, ck.att.Opened(), "bad.pdf and a.pdf, each read once")
}

// Many distinct files, examined by the workers while rows stream on: every
// cell gets its file's verdict, each file is read once.
func TestAttachmentCellsMany(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const files = 50
	for i := 0; i < files; i++ {
		data := minimalPDF(fmt.Sprint(i))
		if i%2 == 1 {
			data = data[:len(data)/2] // truncated
		}
		writeFile(t, dir, fmt.Sprintf("附件/%02d.pdf", i), data)
	}
	var rows []rowVals
	for k := 0; k < 3; k++ {
		for i := 0; i < files; i++ {
			rows = append(rows, with(teamIn, "name", fmt.Sprintf("团队%d-%d", k, i), "agreement", fmt.Sprintf("附件/%02d.pdf", i)))
		}
	}
	ck := newChecker(nil, dir, config.Default())
	mt := table("teams", rows...)
	mt.feed(ck.cfg, ck)
	ck.End()
	fs := withoutTextValues(ck.Findings())
	var want []string
	for n, r := range mt.rows {
		if (n%files)%2 == 1 {
			want = append(want, "ATTACHMENT-UNREADABLE@创业团队!"+r.Cells[7].Ref)
		}
	}
	assert.ElementsMatch(t, want, brief(fs))
	assert.Equal(t, files, ck.att.Opened())
}
