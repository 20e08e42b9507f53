package rules

import (
	"strconv"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// table is the run of the rules over one table: what the rules see of the
// current row, and what they remember across rows.
type tableRun struct {
	ck      *Checker
	t       *workbook.Table
	sheet   *schema.Sheet
	name    string // the sheet's name in findings
	file    string
	form    bool
	present []bool
	plan    []step        // the registry's rules that apply to this sheet
	index   []*valueIndex // per column: its distinct values (unique columns, team names), nil when not kept
	attach  []int         // the attachment columns

	// The current row.
	r *rows.Row
	// done[i]: cell i has its finding; no later rule looks at it.
	done []bool
	// forbidden[i]: CELL-NOT-FILLABLE; whatever cell i holds does not count.
	forbidden []bool
	// unknownMatch[i]: a yes/no that a conflict switched off.
	unknownMatch []bool
	conflict     bool
	// The row-state conditions: the columns they require or forbid, and
	// their verdict on the current row once asked for.
	condTargets []condTarget
	condHolds   []bool
	viol        []condViolation
	violKnown   bool

	// The row's values in the column indexes.
	ids   []int32 // cell i's id in index[i]; -1 until interned in this row
	added []bool  // this row added ids[i]
	kbuf  []byte
}

// step is a rule and the columns its cell check looks at.
type step struct {
	rule *Rule
	cols []int
}

func newTable(ck *Checker, t *workbook.Table) *tableRun {
	s := t.Sheet
	n := len(s.Columns)
	file := t.RelFile
	if file == "" {
		file = relFile(ck.dir, t.File)
	}
	tr := &tableRun{
		ck: ck, t: t, sheet: s, name: sheetName(t), file: file, form: s.Kind == schema.Form,
		present: make([]bool, n), index: make([]*valueIndex, n),
		done: make([]bool, n), forbidden: make([]bool, n), unknownMatch: make([]bool, n),
		ids: make([]int32, n), added: make([]bool, n),
	}
	for i := range s.Columns {
		tr.present[i] = t.Present == nil || (i < len(t.Present) && t.Present[i])
		if s.Columns[i].Unique {
			tr.keep(i)
		}
		if s.Columns[i].Type == schema.Attachment {
			tr.attach = append(tr.attach, i)
		}
	}
	tr.condTargets, tr.condHolds = conditionTargets(s), make([]bool, len(s.Conditions))
	for _, r := range registry {
		st := step{rule: r}
		if r.Cell != nil {
			for i := range s.Columns {
				if r.Columns == nil || r.Columns(s, &s.Columns[i]) {
					st.cols = append(st.cols, i)
				}
			}
		}
		if len(st.cols) > 0 || r.Row != nil {
			tr.plan = append(tr.plan, st)
		}
	}
	return tr
}

// row runs every rule on one typed row, then hands the attachments to their
// examination and the row's facts to the cross-table rules.
func (tr *tableRun) row(r *rows.Row) {
	tr.r = r
	for i := range tr.done {
		tr.done[i], tr.forbidden[i], tr.unknownMatch[i] = false, false, false
		tr.ids[i] = -1
	}
	tr.conflict, tr.violKnown = false, false
	for _, st := range tr.plan {
		for _, i := range st.cols {
			st.rule.Cell(st.rule, tr, i)
		}
		if st.rule.Row != nil {
			st.rule.Row(st.rule, tr)
		}
	}
	for _, i := range tr.attach {
		if tr.readable(i) {
			tr.ck.att.Cell(pendingCell{tr: tr, col: i, cell: r.CellAt(i), value: r.Values[i].Text})
		}
	}
	tr.ck.xr.row(tr)
}

// state is the state of cell i of the current row.
func (tr *tableRun) state(i int) rows.State { return tr.r.States[i] }

// val is the typed value of cell i of the current row.
func (tr *tableRun) val(i int) cell.Value { return tr.r.Values[i] }

// cellAt is the raw cell of column i of the current row.
func (tr *tableRun) cellAt(i int) workbook.Cell { return tr.r.CellAt(i) }

// filled reports whether cell i holds anything (readable or not).
func (tr *tableRun) filled(i int) bool {
	s := tr.state(i)
	return s == rows.Valid || s == rows.Invalid
}

// readable reports whether cell i holds a value that reads and that no
// earlier rule settled: the cell the value rules look at.
func (tr *tableRun) readable(i int) bool {
	return i >= 0 && tr.state(i) == rows.Valid && !tr.done[i]
}

// keep makes the table remember the distinct values of column i.
func (tr *tableRun) keep(i int) *valueIndex {
	if tr.index[i] == nil {
		tr.index[i] = newValueIndex()
	}
	return tr.index[i]
}

// intern returns the id of cell c's value in column i's index (see keep),
// adding it — with c's row as the row it first appeared in — when new. It
// is computed once per row: uniqueness and the cross-table rules share it.
func (tr *tableRun) intern(i int, c workbook.Cell) (id int32, added bool) {
	if tr.ids[i] >= 0 {
		return tr.ids[i], tr.added[i]
	}
	x := tr.keep(i)
	tr.kbuf = appendUniqueKey(tr.kbuf[:0], &tr.sheet.Columns[i], tr.val(i))
	id, added = x.keys.add(tr.kbuf)
	if added {
		x.first = append(x.first, int32(c.Row))
	}
	tr.ids[i], tr.added[i] = id, added
	return id, added
}

// appendUniqueKey appends the comparison form of a value: trimmed (cell did
// it), full-width folded; USCCs are upper case already.
func appendUniqueKey(buf []byte, col *schema.Column, v cell.Value) []byte {
	switch col.Type {
	case schema.Int:
		return strconv.AppendInt(buf, v.Int, 10)
	case schema.Decimal:
		return append(buf, v.Dec.String()...)
	case schema.Date:
		return v.Date.AppendFormat(buf, config.DateLayout)
	}
	return appendFold(buf, cell.TrimText(v.Text))
}

// display is the value of cell i as the user reads it.
func (tr *tableRun) display(i int, c workbook.Cell) string {
	v := tr.val(i)
	if tr.state(i) != rows.Valid {
		if v.Text != "" {
			return v.Text
		}
		return cell.TrimText(c.Value)
	}
	switch tr.sheet.Columns[i].Type {
	case schema.Date:
		return v.Date.Format(config.DateLayout)
	case schema.YesNo:
		if v.Bool {
			return schema.Yes
		}
		return schema.No
	case schema.Int:
		return strconv.FormatInt(v.Int, 10)
	case schema.Decimal:
		return v.Dec.String()
	}
	return v.Text
}

// columnName is the header as messages show it.
func (tr *tableRun) columnName(i int) string {
	c := &tr.sheet.Columns[i]
	if tr.ck.lang == msg.EN && c.HeaderEN != "" {
		return c.Header + " (" + c.HeaderEN + ")"
	}
	return c.Header
}

// loc is the Excel-style place of a cell: 创业团队!H7.
func (tr *tableRun) loc(c workbook.Cell) string {
	if c.Ref == "" {
		return tr.name
	}
	return tr.name + "!" + c.Ref
}

// emit records a finding of rule on cell c of column i.
func (tr *tableRun) emit(r *Rule, variant string, i int, c workbook.Cell, value string, args ...string) {
	tr.emitAs(r, r.Severity, variant, i, c, value, args...)
}

// emitAs is emit with another severity than the rule's default (a setting
// of the configuration).
func (tr *tableRun) emitAs(r *Rule, sev finding.Severity, variant string, i int, c workbook.Cell, value string, args ...string) {
	key := r.Message
	if variant != "" {
		key += "." + variant
	}
	kv := append([]string{"loc", tr.loc(c), "column", tr.columnName(i), "value", value}, args...)
	row := c.Row
	if c.Ref == "" {
		row = 0
	}
	tr.ck.out = append(tr.ck.out, finding.Finding{
		Rule: r.ID, Severity: sev, File: tr.file, Sheet: tr.name, Row: row,
		Column: tr.sheet.Columns[i].Header, Cell: c.Ref, Value: value,
		Message: tr.ck.lang.T(key, kv...),
	})
}
