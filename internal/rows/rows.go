// Package rows is the stage between the reader and everything that uses the
// data of a package:
//
//	workbook.Package ──read──▶ rows.Run ──typed rows──▶ consumers
//	                                                    ├─ rules   (findings)
//	                                                    ├─ totals  (figures, self-check)
//	                                                    └─ dossier (the 申报书's data, the digest)
//
// Run streams every data row of every table once, types each cell once
// (package cell) and hands the typed row to each consumer in turn. Nothing
// downstream parses a cell again, and nothing keeps rows unless it chooses
// to (a consumer copies what it keeps: the slices of a Row are reused for
// the next row).
package rows

import (
	"strings"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// State tells what a typed cell holds.
type State uint8

const (
	// Absent: the column is not in the sheet (or a form's field row is
	// missing). The reader reports it once; no cell rule runs.
	Absent State = iota
	// Empty: nothing in the cell.
	Empty
	// Valid: the cell reads as its column's type (a USCC with a wrong check
	// character included: it has the shape of a code).
	Valid
	// Invalid: the cell does not read, or holds a formula never calculated;
	// its value is unknown to every rule but the one that reports it.
	Invalid
)

// Row is one data row after typing. Its slices are indexed like the sheet's
// Columns, and reused for the next row.
type Row struct {
	Table  *workbook.Table
	Sheet  *schema.Sheet
	Number int // Excel row (a form sheet: its header row; each field's cell has its own row)
	Cells  []workbook.Cell
	Values []cell.Value
	States []State
	// Problems[i] says why cell i does not read (nil when it reads, is
	// empty or absent, and for a formula: see Formula). A USCC with a wrong
	// check character is Valid with a USCC-CHECK-DIGIT problem.
	Problems []*cell.Problem
}

// Cell returns the raw cell of column c.
func (r *Row) Cell(c schema.Col) workbook.Cell { return r.CellAt(c.Index()) }

// CellAt returns the raw cell of column i (the zero Cell past the row's end).
func (r *Row) CellAt(i int) workbook.Cell {
	if i < len(r.Cells) {
		return r.Cells[i]
	}
	return workbook.Cell{}
}

// Value returns the value of column c and whether it is known: empty or
// read. An absent column or a cell that does not read is unknown.
func (r *Row) Value(c schema.Col) (cell.Value, bool) {
	i := c.Index()
	if !r.Known(i) {
		return cell.Value{}, false
	}
	return r.Values[i], true
}

// Known reports whether cell i is empty or reads.
func (r *Row) Known(i int) bool {
	return i < len(r.States) && (r.States[i] == Empty || r.States[i] == Valid)
}

// Formula reports whether cell i holds a formula without a cached value
// (written by a program, never calculated: its value is unknown). A
// formula with a cached value is that value.
func (r *Row) Formula(i int) bool {
	c := r.CellAt(i)
	return r.States[i] == Invalid && r.Problems[i] == nil && c.Kind == workbook.KindFormula && c.Uncached
}

// Consumer takes the typed rows of a run. Begin and EndTable frame each
// table (a table without data rows included); End follows the last table.
type Consumer interface {
	Begin(t *workbook.Table)
	Row(r *Row)
	// EndTable ends table t; err is the failure that cut its reading short,
	// if any.
	EndTable(t *workbook.Table, err error)
	End()
}

// RowFunc is a consumer of rows alone.
type RowFunc func(r *Row)

func (f RowFunc) Begin(*workbook.Table)           {}
func (f RowFunc) Row(r *Row)                      { f(r) }
func (f RowFunc) EndTable(*workbook.Table, error) {}
func (f RowFunc) End()                            {}

// Run reads every data table of p once, in the package's order, types each
// row and hands it to every consumer, in the order given. lists are the
// option lists enum cells are read against.
func Run(p *workbook.Package, lists schema.Lists, cs ...Consumer) {
	for _, t := range p.Tables {
		if t == nil || t.Sheet == nil {
			continue
		}
		ty := NewTyper(t, lists)
		for _, c := range cs {
			c.Begin(t)
		}
		err := p.Each(t, func(wr workbook.Row) error {
			r := ty.Type(wr)
			for _, c := range cs {
				c.Row(r)
			}
			return nil
		})
		for _, c := range cs {
			c.EndTable(t, err)
		}
	}
	for _, c := range cs {
		c.End()
	}
}

// Typer types the rows of one table, reusing one Row.
type Typer struct {
	t       *workbook.Table
	lists   schema.Lists
	present []bool
	row     Row
}

// NewTyper returns a typer for the rows of t.
func NewTyper(t *workbook.Table, lists schema.Lists) *Typer {
	n := len(t.Sheet.Columns)
	ty := &Typer{t: t, lists: lists, present: make([]bool, n)}
	for i := range ty.present {
		ty.present[i] = t.Present == nil || (i < len(t.Present) && t.Present[i])
	}
	ty.row = Row{Table: t, Sheet: t.Sheet,
		Values: make([]cell.Value, n), States: make([]State, n), Problems: make([]*cell.Problem, n)}
	return ty
}

// Type types one raw row. The result is valid until the next call.
//
//   - An absent column, or a form field without its row: Absent.
//   - A formula without a cached value: Invalid, its trimmed text as the
//     value. A formula with one is typed from it (Excel, WPS and
//     LibreOffice store the result they computed with every formula).
//   - A control character (C0 but tab, line feed and carriage return; DEL;
//     C1) anywhere in the cell: Invalid with a CELL-CONTROL-CHAR problem,
//     whatever else the cell holds (是 followed by an unseen BEL is not a
//     wrong option: the character is the cause).
//   - Otherwise the column's type decides (cell.Parse).
func (ty *Typer) Type(wr workbook.Row) *Row {
	s := ty.t.Sheet
	r := &ty.row
	r.Number, r.Cells = wr.Number, wr.Cells
	for i := range s.Columns {
		r.Problems[i] = nil
		var c workbook.Cell
		if i < len(wr.Cells) {
			c = wr.Cells[i]
		}
		if !ty.present[i] || c.Ref == "" {
			r.Values[i], r.States[i] = cell.Value{Empty: true}, Absent
			continue
		}
		if c.Kind == workbook.KindFormula && c.Uncached {
			r.Values[i], r.States[i] = cell.Value{Text: cell.TrimText(c.Value)}, Invalid
			continue
		}
		v, p := cell.Parse(&s.Columns[i], c, ty.t.Date1904, ty.lists)
		if text := cell.TrimText(c.Value); strings.IndexFunc(text, ControlChar) >= 0 {
			v, p = cell.Value{Text: text}, &cell.Problem{Rule: finding.CellControlChar}
		}
		r.Values[i], r.Problems[i] = v, p
		switch {
		case p != nil && p.Rule == finding.USCCCheckDigit:
			r.States[i] = Valid // the code has its shape; only its check character is off
		case p != nil:
			r.States[i] = Invalid
		case v.Empty:
			r.States[i] = Empty
		default:
			r.States[i] = Valid
		}
	}
	return r
}

// ControlChar reports a character no cell should hold: C0 but tab, line
// feed and carriage return (the line break of text pasted from Windows
// programs, which the 申报书 prints as one), DEL and C1.
func ControlChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7F && r <= 0x9F
}
