package rules

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// checker runs the rules over the sheets of one package.
type checker struct {
	cfg  *config.Config
	lang msg.Lang
	dir  string
	obs  []Observer
	att  *attachments
	xr   *xrefs
	out  []finding.Finding
	glyphsState
}

func newChecker(dir string, cfg *config.Config, obs []Observer) *checker {
	ck := &checker{
		cfg: cfg, lang: cfg.Lang, dir: dir, obs: obs,
		att: newAttachments(dir, cfg.MaxBytes),
		xr:  newXrefs(),
	}
	ck.att.report = ck.reportAttachment
	return ck
}

// reportAttachment turns an attachment verdict into the cell's finding.
func (ck *checker) reportAttachment(p pendingCell, v attachVerdict) {
	if v.Rule == "" {
		return
	}
	name := path.Base(strings.ReplaceAll(p.value, `\`, "/"))
	args := append([]string{"name", name}, v.Args...)
	p.tr.emit(v.Rule, v.Variant, p.col, p.cell, p.value, args...)
}

// finish runs the rules that need every sheet and returns the findings.
func (ck *checker) finish() []finding.Finding {
	ck.att.Wait()
	ck.xr.resolve(ck)
	return sortFindings(ck.out)
}

// bound is a compiled numeric limit.
type bound struct {
	d    decimal.Decimal
	excl bool
	text string
}

// colRule is what the rules need of one column, compiled once per table.
type colRule struct {
	col       *schema.Column
	min, max  *bound
	notBefore []int // column indexes
}

// tableRun checks one table.
type tableRun struct {
	ck      *checker
	t       *workbook.Table
	sheet   *schema.Sheet
	name    string // the sheet's name in findings
	file    string
	form    bool
	cols    []colRule
	present []bool
	cond    *condRow
	confl   [][]int       // per conflict: the columns of its When
	index   []*valueIndex // per column: its distinct values (unique columns, team names), nil when not kept
	sum     *sumRule

	// Per-row buffers.
	vals         []cell.Value
	states       []State
	probs        []*cell.Problem
	formula      []bool
	done         []bool // the cell has its finding; no further rule looks at it
	forbidden    []bool // CELL-NOT-FILLABLE: whatever it holds does not count
	unknownMatch []bool // a yes/no switched off by a conflict
	viol         []condViolation
	tr           TypedRow

	// Per-row: the row's values in the column indexes.
	ids   []int32 // cell i's id in index[i]; -1 until interned in this row
	added []bool  // this row added ids[i]
	kbuf  []byte
}

func (ck *checker) table(t *workbook.Table, file string, each func(func(workbook.Row) error) error) error {
	s := t.Sheet
	n := len(s.Columns)
	tr := &tableRun{
		ck: ck, t: t, sheet: s, name: sheetName(t), file: file, form: s.Kind == schema.Form,
		cols: make([]colRule, n), present: make([]bool, n),
		index: make([]*valueIndex, n),
		vals:  make([]cell.Value, n), states: make([]State, n),
		probs: make([]*cell.Problem, n), formula: make([]bool, n),
		done: make([]bool, n), forbidden: make([]bool, n), unknownMatch: make([]bool, n),
		ids: make([]int32, n), added: make([]bool, n),
	}
	tr.tr = TypedRow{Values: tr.vals, States: tr.states, OK: make([]bool, n)}
	for i := range s.Columns {
		c := &s.Columns[i]
		cr := colRule{col: c}
		var err error
		if cr.min, err = compileBound(c.Min); err != nil {
			return &compileError{err}
		}
		if cr.max, err = compileBound(c.Max); err != nil {
			return &compileError{err}
		}
		for _, b := range c.NotBeforeCols {
			cr.notBefore = append(cr.notBefore, b.Index())
		}
		if c.Unique {
			tr.keep(i)
		}
		tr.cols[i] = cr
		tr.present[i] = t.Present == nil || (i < len(t.Present) && t.Present[i])
	}
	e, err := conditionsOf(s)
	if err != nil {
		return &compileError{err}
	}
	if e != nil {
		tr.cond = e.newRow()
	}
	for _, cf := range s.Conflicts {
		var idx []int
		for _, m := range cf.When {
			idx = append(idx, m.Col.Index())
		}
		tr.confl = append(tr.confl, idx)
	}
	if tr.sum, err = sumRuleOf(s); err != nil {
		return &compileError{err}
	}
	ck.xr.begin(tr)
	return each(tr.row)
}

func compileBound(l *schema.Limit) (*bound, error) {
	if l == nil {
		return nil, nil
	}
	d, err := decimal.NewFromString(l.Value)
	if err != nil {
		return nil, errorf("bad limit %q: %v", l.Value, err)
	}
	return &bound{d: d, excl: l.Exclusive, text: d.String()}, nil
}

// row runs every row rule on one data row.
func (tr *tableRun) row(r workbook.Row) error {
	s := tr.sheet
	n := len(s.Columns)
	for i := 0; i < n; i++ {
		tr.probs[i], tr.formula[i], tr.done[i], tr.forbidden[i], tr.unknownMatch[i] = nil, false, false, false, false
		tr.ids[i] = -1
		var c workbook.Cell
		if i < len(r.Cells) {
			c = r.Cells[i]
		}
		if !tr.present[i] || c.Ref == "" {
			tr.vals[i], tr.states[i] = cell.Value{Empty: true}, Absent
			continue
		}
		if c.Kind == workbook.KindFormula {
			tr.vals[i], tr.states[i], tr.formula[i] = cell.Value{Text: cell.TrimText(c.Value)}, Invalid, true
			continue
		}
		v, p := cell.Parse(&s.Columns[i], c, tr.t.Date1904, tr.ck.cfg.Lists)
		v, p = tr.checkChars(i, c, v, p)
		tr.vals[i], tr.probs[i] = v, p
		switch {
		case p != nil && p.Rule == finding.USCCCheckDigit:
			tr.states[i] = Valid // the code has its shape; only its check character is off
		case p != nil:
			tr.states[i] = Invalid
		case v.Empty:
			tr.states[i] = Empty
		default:
			tr.states[i] = Valid
		}
	}
	cellAt := func(i int) workbook.Cell {
		if i < len(r.Cells) {
			return r.Cells[i]
		}
		return workbook.Cell{}
	}

	// 2. Required columns.
	for i := 0; i < n; i++ {
		col := &s.Columns[i]
		if !col.Required {
			continue
		}
		switch {
		case tr.states[i] == Absent && tr.form && !tr.present[i]:
			tr.emitNoCell(finding.CellRequired, "field-missing", i)
			tr.done[i] = true
		case tr.states[i] == Empty:
			tr.emit(finding.CellRequired, "", i, cellAt(i), "")
			tr.done[i] = true
		}
	}

	// 3. Conflicts.
	conflict := false
	for k, cf := range s.Conflicts {
		all := true
		for mi, j := range tr.confl[k] {
			if tr.states[j] != Valid || tr.vals[j].Bool != cf.When[mi].Value {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		conflict = true
		at := cf.AtCol.Index()
		tr.emit(cf.Rule, "", at, cellAt(at), tr.display(at, cellAt(at)))
		for _, j := range tr.confl[k] {
			tr.unknownMatch[j] = true
		}
	}

	// 4. Row-state conditions.
	if tr.cond != nil {
		var err error
		tr.viol, err = tr.cond.check(tr.matchValue, tr.filled, tr.viol[:0])
		if err != nil {
			return &compileError{err}
		}
		for _, v := range tr.viol {
			if tr.states[v.Col] == Absent || tr.done[v.Col] {
				continue
			}
			c := s.Conditions[v.Cond]
			label := tr.ck.lang.Pick(c.Label, c.LabelEN)
			at := cellAt(v.Col)
			if v.Rule == finding.CellRequired {
				tr.emit(finding.CellRequired, "condition", v.Col, at, "", "label", label)
			} else {
				tr.emit(finding.CellNotFillable, "", v.Col, at, tr.display(v.Col, at), "label", label)
				tr.forbidden[v.Col] = true
			}
			tr.done[v.Col] = true
		}
	}

	// 5. Cells that do not read.
	for i := 0; i < n; i++ {
		if tr.done[i] {
			continue
		}
		c := cellAt(i)
		switch {
		case tr.formula[i]:
			tr.emit(finding.CellType, "formula", i, c, cell.TrimText(c.Value), "expected", tr.ck.lang.T(cell.ExpectKey(&s.Columns[i])))
			tr.done[i] = true
		case tr.probs[i] != nil:
			tr.emitProblem(i, c, tr.probs[i])
			if tr.states[i] == Invalid {
				tr.done[i] = true
			}
		}
	}

	// 6. Value rules.
	for i := 0; i < n; i++ {
		if tr.done[i] || tr.states[i] != Valid {
			continue
		}
		tr.valueRules(i, cellAt(i), cellAt)
	}

	// 7. Row rules and cross-table facts.
	if tr.sum != nil {
		tr.sum.check(tr, cellAt)
	}
	tr.ck.xr.row(tr, cellAt, conflict)

	if len(tr.ck.obs) > 0 {
		tr.tr.Number = r.Number
		tr.tr.Cells = r.Cells
		for i := 0; i < n; i++ {
			tr.tr.OK[i] = tr.states[i] == Empty || tr.states[i] == Valid
		}
		for _, o := range tr.ck.obs {
			o.Row(s, &tr.tr)
		}
	}
	return nil
}

// matchValue is the condition value of yes/no column i.
func (tr *tableRun) matchValue(i int) string {
	if tr.states[i] != Valid || tr.unknownMatch[i] {
		return condUnknown
	}
	if tr.vals[i].Bool {
		return condYes
	}
	return condNo
}

// filled reports whether column i holds anything (readable or not).
func (tr *tableRun) filled(i int) bool {
	return tr.states[i] == Valid || tr.states[i] == Invalid
}

// known reports whether column i holds a value the rules may use.
func (tr *tableRun) known(i int) bool {
	return i >= 0 && tr.states[i] == Valid && !tr.done[i]
}

// valueRules checks a cell that reads.
func (tr *tableRun) valueRules(i int, c workbook.Cell, cellAt func(int) workbook.Cell) {
	cr := &tr.cols[i]
	col := cr.col
	v := tr.vals[i]
	cfg := tr.ck.cfg
	switch col.Type {
	case schema.Text:
		if col.MaxLen > 0 {
			// c.Cut: characters past limits.cell_chars, counted by the reader.
			if n := utf8.RuneCountInString(v.Text) + int(c.Cut); n > col.MaxLen {
				tr.emit(finding.CellTooLong, "", i, c, v.Text, "len", strconv.Itoa(n), "max", strconv.Itoa(col.MaxLen))
			}
		}
	case schema.Int, schema.Decimal:
		d := v.Dec
		if col.Type == schema.Int {
			d = decimal.NewFromInt(v.Int)
		}
		if !inRange(d, cr.min, cr.max) {
			tr.emit(finding.CellRange, "", i, c, d.String(), "bound", tr.boundText(cr.min, cr.max))
		}
	case schema.Date:
		val := v.Date.Format(config.DateLayout)
		switch col.Dates {
		case schema.NotAfterWindowEnd:
			if v.Date.After(cfg.Window.End) {
				tr.emit(finding.DateAfterWindow, "", i, c, val, "end", cfg.Window.End.Format(config.DateLayout))
			}
		case schema.InsideWindow:
			if !cfg.Window.Contains(v.Date) {
				tr.emit(finding.DateOutside, "", i, c, val,
					"start", cfg.Window.Start.Format(config.DateLayout), "end", cfg.Window.End.Format(config.DateLayout))
			}
		}
		for _, j := range cr.notBefore {
			if tr.forbidden[j] || tr.states[j] == Empty || tr.states[j] == Absent {
				continue // no value there (or one that must go): the next listed date applies
			}
			if !tr.known(j) {
				break // unknown: no order to check
			}
			if v.Date.Before(tr.vals[j].Date) {
				oc := cellAt(j)
				tr.emit(finding.DateOrder, "", i, c, val,
					"other", tr.columnName(j), "other_value", tr.vals[j].Date.Format(config.DateLayout),
					"other_loc", tr.loc(oc))
			}
			break
		}
	case schema.Attachment:
		tr.ck.att.Cell(pendingCell{tr: tr, col: i, cell: c, value: v.Text})
	}
	if col.Unique {
		if id, added := tr.intern(i, c); !added {
			first := tr.index[i].first[id]
			fc := workbook.Cell{Row: int(first), Ref: letters(c.Ref) + strconv.Itoa(int(first))}
			tr.emit(finding.DuplicateValue, "", i, c, tr.display(i, c), "first", tr.loc(fc))
		}
	}
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
	tr.kbuf = appendUniqueKey(tr.kbuf[:0], &tr.sheet.Columns[i], tr.vals[i])
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

func inRange(d decimal.Decimal, min, max *bound) bool {
	if min != nil {
		if c := d.Cmp(min.d); c < 0 || (c == 0 && min.excl) {
			return false
		}
	}
	if max != nil {
		if c := d.Cmp(max.d); c > 0 || (c == 0 && max.excl) {
			return false
		}
	}
	return true
}

func (tr *tableRun) boundText(min, max *bound) string {
	l := tr.ck.lang
	one := func(b *bound, lower bool) string {
		switch {
		case lower && b.excl:
			return l.T("rules.bound.gt", "n", b.text)
		case lower:
			return l.T("rules.bound.ge", "n", b.text)
		case b.excl:
			return l.T("rules.bound.lt", "n", b.text)
		}
		return l.T("rules.bound.le", "n", b.text)
	}
	switch {
	case min != nil && max != nil && !min.excl && !max.excl:
		return l.T("rules.bound.between", "min", min.text, "max", max.text)
	case min != nil && max != nil:
		return l.T("rules.bound.and", "a", one(min, true), "b", one(max, false))
	case min != nil:
		return one(min, true)
	case max != nil:
		return one(max, false)
	}
	return ""
}

// emitProblem reports a parse problem of cell i.
func (tr *tableRun) emitProblem(i int, c workbook.Cell, p *cell.Problem) {
	l := tr.ck.lang
	col := &tr.sheet.Columns[i]
	val := tr.vals[i].Text
	if val == "" {
		val = cell.TrimText(c.Value)
	}
	switch p.Rule {
	case finding.CellControlChar:
		tr.emit(p.Rule, "", i, c, val, "chars", controlChars(l, val))
	case finding.CellEnum:
		sep := "、"
		if l == msg.EN {
			sep = ", "
		}
		tr.emit(p.Rule, "", i, c, val, "options", strings.Join(tr.ck.cfg.Lists.Options(col), sep))
	case finding.USCCCheckDigit:
		check := ""
		if len(val) == 18 {
			if b := cell.USCCCheckChar(val[:17]); b != 0 {
				check = string(b)
			}
		}
		variant := ""
		if tr.ck.cfg.CheckDigit == "warning" {
			variant = "warning"
		}
		tr.emit(p.Rule, variant, i, c, val, "check", check)
	default:
		tr.emit(p.Rule, "", i, c, val, "expected", l.T(p.Expected))
	}
}

// display is the value of cell i as the user reads it.
func (tr *tableRun) display(i int, c workbook.Cell) string {
	v := tr.vals[i]
	if tr.states[i] != Valid {
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

// emit records a finding on cell c of column i.
func (tr *tableRun) emit(rule, variant string, i int, c workbook.Cell, value string, args ...string) {
	tr.ck.emit(tr.file, tr.name, rule, variant, &tr.sheet.Columns[i], tr.columnName(i), c, tr.loc(c), value, args...)
}

// emitNoCell records a finding on column i with no cell (a missing form
// field).
func (tr *tableRun) emitNoCell(rule, variant string, i int) {
	tr.ck.emit(tr.file, tr.name, rule, variant, &tr.sheet.Columns[i], tr.columnName(i), workbook.Cell{}, tr.name, "")
}

func (ck *checker) emit(file, sheet string, rule, variant string, col *schema.Column, colName string,
	c workbook.Cell, loc, value string, args ...string) {
	sev := finding.DefaultSeverity(rule)
	if rule == finding.USCCCheckDigit && ck.cfg.CheckDigit == "warning" {
		sev = finding.Warning
	}
	key := rule
	if variant != "" {
		key += "." + variant
	}
	kv := append([]string{"loc", loc, "column", colName, "value", value}, args...)
	row := c.Row
	if c.Ref == "" {
		row = 0
	}
	ck.out = append(ck.out, finding.Finding{
		Rule: rule, Severity: sev, File: file, Sheet: sheet, Row: row,
		Column: col.Header, Cell: c.Ref, Value: value,
		Message: ck.lang.T(key, kv...),
	})
}
