package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// headerRows is how far down the header row is looked for (SPEC §1).
const headerRows = 10

// headerColumns bounds the columns read while looking for the header: the
// template has at most a few dozen; a hostile row of 16,384 long texts is
// not held in memory.
const headerColumns = 256

// serialHeader is the numbering column every sheet may have; it is ignored.
const serialHeader = "序号"

// prepare locates the header row of a table and maps its columns, or reads
// a form sheet whole. Problems become findings; a panic becomes
// FILE-UNREADABLE.
func (p *Package) prepare(t *Table) {
	defer func() {
		if r := recover(); r != nil {
			t.HeaderRow = 0
			t.failed = true
			p.unreadable(t.RelFile, t.Name, newUnreadable("workbook.internal", nil, "err", fmt.Sprint(r)))
		}
	}()
	t.cols = make([]int, len(t.Sheet.Columns))
	for i := range t.cols {
		t.cols[i] = -1
	}
	if t.part == "" {
		t.failed = true
		p.add(finding.Finding{Rule: finding.FileUnreadable, File: t.RelFile, Sheet: t.Name},
			"workbook.sheet-no-data", "file", t.RelFile, "sheet", t.Name)
		return
	}
	rr, err := t.book.rows(t.part, func(col int) bool { return col < headerColumns })
	if err != nil {
		t.failed = true
		p.unreadable(t.RelFile, t.Name, err)
		return
	}
	defer rr.close()
	if t.Sheet.Kind == schema.Form {
		fieldRows := p.readForm(t, rr)
		p.afterRead(t, rr)
		if t.HeaderRow > 0 && rr.err() == nil {
			p.reportMerges(t, rr.merges(), fieldRows)
		}
		return
	}
	p.findHeader(t, rr)
	p.afterRead(t, rr)
}

// afterRead turns a row reader's problems into findings (once per table).
// failOnce reports a table that could not be read, once however often it
// fails (Each may be called again, on several goroutines).
func (p *Package) failOnce(t *Table, err error) {
	p.mu.Lock()
	already := t.failed
	t.failed = true
	p.mu.Unlock()
	if !already {
		p.unreadable(t.RelFile, t.Name, err)
	}
}

func (p *Package) afterRead(t *Table, rr *rowReader) {
	if err := rr.err(); err != nil {
		p.failOnce(t, err)
	}
	if rr.badIndex {
		p.mu.Lock()
		already := t.badIndex
		t.badIndex = true
		p.mu.Unlock()
		if !already {
			p.add(finding.Finding{Rule: finding.FileUnreadable, File: t.RelFile, Sheet: t.Name},
				"workbook.bad-string-index", "file", t.RelFile, "sheet", t.Name)
		}
	}
}

// findHeader finds the first row among rows 1–10 holding at least half of
// the sheet's headers and maps its columns.
func (p *Package) findHeader(t *Table, rr *rowReader) {
	sh := t.Sheet
	for rr.next() {
		row := rr.row
		if row.num > headerRows {
			break
		}
		seen := make([]bool, len(sh.Columns))
		n := 0
		for _, c := range row.cells {
			if i := sh.MatchHeader(c.value); i >= 0 && !seen[i] {
				seen[i] = true
				n++
			}
		}
		if n == 0 || 2*n < len(sh.Columns) {
			continue
		}
		t.HeaderRow = row.num
		p.mapColumns(t, row)
		return
	}
	if rr.err() != nil {
		return // reported as FILE-UNREADABLE
	}
	examples := make([]string, 0, 3)
	for i := 0; i < len(sh.Columns) && i < 3; i++ {
		examples = append(examples, sh.Columns[i].Header)
	}
	p.add(finding.Finding{Rule: finding.HeaderNotFound, File: t.RelFile, Sheet: t.Name},
		"workbook.header-not-found", "sheet", t.Name, "examples", p.join(examples, "”“", "”, “"))
}

// mapColumns maps the header row's cells to schema columns and reports
// unknown, duplicate and missing columns.
func (p *Package) mapColumns(t *Table, row rawRow) {
	sh := t.Sheet
	for _, c := range row.cells {
		if isBlank(c.value) {
			continue
		}
		if schema.NormalizeHeader(c.value) == serialHeader {
			continue
		}
		ref := cellRef(c.col, row.num)
		i := sh.MatchHeader(c.value)
		switch {
		case i < 0:
			text := strings.TrimSpace(c.value)
			p.add(finding.Finding{Rule: finding.ColumnUnknown, File: t.RelFile, Sheet: t.Name, Row: row.num,
				Column: text, Cell: ref, Value: text},
				"workbook.column-unknown", "sheet", t.Name, "cell", ref, "column", text)
		case t.cols[i] >= 0:
			p.add(finding.Finding{Rule: finding.ColumnDuplicate, File: t.RelFile, Sheet: t.Name, Row: row.num,
				Column: sh.Columns[i].Header, Cell: ref, Value: strings.TrimSpace(c.value)},
				"workbook.column-duplicate", "sheet", t.Name, "cell", ref, "column", sh.Columns[i].Header,
				"first", columnName(t.cols[i]))
		default:
			t.cols[i] = c.col
			t.Present[i] = true
		}
	}
	for i := range sh.Columns {
		if t.Present[i] || !columnNeeded(sh, i) {
			continue
		}
		p.add(finding.Finding{Rule: finding.ColumnMissing, File: t.RelFile, Sheet: t.Name, Column: sh.Columns[i].Header},
			"workbook.column-missing", "sheet", t.Name, "column", sh.Columns[i].Header, "row", strconv.Itoa(row.num))
	}
	t.colIndex = make([]int, 0, 16)
	t.letters = make([]string, len(t.cols))
	for i, col := range t.cols {
		if col < 0 {
			continue
		}
		t.letters[i] = columnName(col)
		for len(t.colIndex) <= col {
			t.colIndex = append(t.colIndex, -1)
		}
		t.colIndex[col] = i
	}
}

// columnNeeded tells whether a missing column is COLUMN-MISSING: a required
// column, or one that some row state requires (the conditional columns of
// teams and enterprises). A missing optional column (报道链接) is not: every
// row reads it as empty, which is a valid value.
func columnNeeded(sh *schema.Sheet, i int) bool {
	c := &sh.Columns[i]
	return c.Required || sh.Conditional(c.Key)
}

// readForm reads a form sheet: the header row (项目 | 内容, or 栏目 | 内容) in
// rows 1–10, then one field per row. It returns the rows of the fields.
func (p *Package) readForm(t *Table, rr *rowReader) *rowSet {
	sh := t.Sheet
	nameHdr := schema.NormalizeHeader(sh.FormHeaders[0])
	valHdr := schema.NormalizeHeader(sh.FormHeaders[1])
	nameCol, valCol := -1, -1
	for rr.next() {
		row := rr.row
		if row.num > headerRows {
			break
		}
		for _, c := range row.cells {
			switch schema.NormalizeHeader(c.value) {
			case nameHdr:
				if nameCol < 0 {
					nameCol = c.col
				}
			case valHdr:
				if valCol < 0 {
					valCol = c.col
				}
			}
		}
		if nameCol >= 0 || valCol >= 0 {
			t.HeaderRow = row.num
			break
		}
	}
	if t.HeaderRow == 0 {
		if rr.err() == nil {
			p.add(finding.Finding{Rule: finding.HeaderNotFound, File: t.RelFile, Sheet: t.Name},
				"workbook.form-header-not-found", "sheet", t.Name, "h1", sh.FormHeaders[0], "h2", sh.FormHeaders[1])
		}
		return nil
	}
	// One header of the two is enough: the field names are left of the
	// values, as in the template.
	switch {
	case nameCol < 0:
		nameCol = max(valCol-1, 0)
		if nameCol == valCol {
			valCol = nameCol + 1
		}
	case valCol < 0 || valCol == nameCol:
		valCol = nameCol + 1
	}
	rr.want = func(col int) bool { return col == nameCol || col == valCol }

	cells := make([]Cell, len(sh.Columns))
	firstRow := make([]int, len(sh.Columns))
	fieldRows := &rowSet{}
	t.formRows = map[int]int{}
	for rr.next() {
		row := rr.row
		var name, val *rawCell
		for k := range row.cells {
			switch row.cells[k].col {
			case nameCol:
				name = &row.cells[k]
			case valCol:
				val = &row.cells[k]
			}
		}
		if name == nil || isBlank(name.value) {
			continue
		}
		nameRef := cellRef(nameCol, row.num)
		i := sh.MatchHeader(name.value)
		if i < 0 {
			n := schema.NormalizeHeader(name.value)
			if n == nameHdr || n == serialHeader {
				continue // a repeated header
			}
			text := strings.TrimSpace(name.value)
			p.add(finding.Finding{Rule: finding.ColumnUnknown, File: t.RelFile, Sheet: t.Name, Row: row.num,
				Column: text, Cell: nameRef, Value: text},
				"workbook.field-unknown", "sheet", t.Name, "cell", nameRef, "column", text)
			continue
		}
		if t.Present[i] {
			p.add(finding.Finding{Rule: finding.ColumnDuplicate, File: t.RelFile, Sheet: t.Name, Row: row.num,
				Column: sh.Columns[i].Header, Cell: nameRef, Value: strings.TrimSpace(name.value)},
				"workbook.field-duplicate", "sheet", t.Name, "cell", nameRef, "column", sh.Columns[i].Header,
				"first", strconv.Itoa(firstRow[i]))
			continue
		}
		t.Present[i] = true
		firstRow[i] = row.num
		fieldRows.add(row.num)
		t.formRows[row.num] = i
		cells[i] = Cell{Row: row.num, Ref: cellRef(valCol, row.num), Kind: KindEmpty}
		if val != nil {
			cells[i].Value, cells[i].Kind, cells[i].Cut = val.value, val.kind, cut32(val.cut)
			cells[i].Uncached = val.noCache
		}
	}
	t.form = &Row{Number: t.HeaderRow, Cells: cells}
	t.formCol = valCol
	return fieldRows
}

// Each streams the data rows of a table to fn, in sheet order, skipping
// fully blank rows; for a form sheet it calls fn once with the fields. fn's
// error stops the reading and is returned. A table without a header row
// (HEADER-NOT-FOUND, or an unreadable sheet) has no rows. Problems met while
// reading become FILE-UNREADABLE findings in p.Findings; Each still returns
// nil for them.
//
// Row and its Cells belong to fn (they are not reused). Each may run
// concurrently for different tables; read p.Findings after every Each has
// returned.
func (p *Package) Each(t *Table, fn func(Row) error) error {
	if t == nil || t.HeaderRow == 0 {
		return nil
	}
	if t.Sheet.Kind == schema.Form {
		if t.form == nil {
			return nil
		}
		return fn(Row{Number: t.form.Number, Cells: append([]Cell(nil), t.form.Cells...)})
	}
	rr, err := p.openRows(t)
	if err != nil {
		p.failOnce(t, err)
		return nil
	}
	defer rr.close()
	n := len(t.Sheet.Columns)
	var refBuf []byte
	var offs []int
	var dataRows rowSet
	for {
		ok, perr := safeNext(rr)
		if perr != nil {
			p.failOnce(t, perr)
			return nil
		}
		if !ok {
			break
		}
		raw := &rr.row
		if raw.num <= t.HeaderRow || blankRow(raw) {
			continue
		}
		dataRows.add(raw.num)
		cells := make([]Cell, n)
		// All references of the row share one string.
		refBuf, offs = refBuf[:0], offs[:0]
		num := strconv.Itoa(raw.num)
		for i, col := range t.cols {
			if col >= 0 {
				refBuf = append(refBuf, t.letters[i]...)
				refBuf = append(refBuf, num...)
			}
			offs = append(offs, len(refBuf))
		}
		refs := string(refBuf)
		start := 0
		for i, col := range t.cols {
			if col >= 0 {
				cells[i] = Cell{Row: raw.num, Ref: refs[start:offs[i]], Kind: KindEmpty}
			}
			start = offs[i]
		}
		for _, c := range raw.cells {
			if c.col < len(t.colIndex) {
				if i := t.colIndex[c.col]; i >= 0 {
					cells[i].Value, cells[i].Kind, cells[i].Cut = c.value, c.kind, cut32(c.cut)
					cells[i].Uncached = c.noCache
				}
			}
		}
		if err := fn(Row{Number: raw.num, Cells: cells}); err != nil {
			return err
		}
	}
	p.afterRead(t, rr)
	if rr.err() == nil {
		p.reportMerges(t, rr.merges(), &dataRows)
	}
	return nil
}

func (p *Package) openRows(t *Table) (*rowReader, error) {
	colIndex := t.colIndex
	return t.book.rows(t.part, func(col int) bool { return col < len(colIndex) && colIndex[col] >= 0 })
}

// cut32 bounds a count of characters cut for Cell.Cut.
func cut32(n int) int32 {
	return int32(min(n, math.MaxInt32))
}

// safeNext advances a row reader, turning a panic into an error.
func safeNext(rr *rowReader) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			ok, err = false, newUnreadable("workbook.internal", nil, "err", fmt.Sprint(r))
		}
	}()
	return rr.next(), nil
}

// blankRow reports whether every kept cell is blank. A formula whose cached
// result is empty counts as blank (sheets often carry formulas far below the
// data); a formula never calculated does not (its value is unknown).
func blankRow(r *rawRow) bool {
	for i := range r.cells {
		if r.cells[i].noCache || !isBlank(r.cells[i].value) {
			return false
		}
	}
	return true
}
