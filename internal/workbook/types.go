// Package workbook reads filled workbooks: it finds the data sheets of a
// package (one or several .xlsx files), locates each sheet's header row,
// matches headers to the schema and streams the data rows as raw cells with
// their Excel positions. It reports structural problems (FILE-UNREADABLE,
// SHEET-*, HEADER-NOT-FOUND, COLUMN-*) as findings; typing and rules are the
// business of packages cell and rules.
//
// The reader works on the .xlsx zip directly: it streams each worksheet's
// XML with a small tokenizer (no cell formatting, no whole sheet in memory,
// cell types and formulas kept), reads only the parts it needs, and never
// writes to the user's files. It decodes the encoding each part declares
// (encoding.go), reports sheets that are not worksheets (macro, dialog and
// chart sheets) and merged ranges across data rows (merged.go), refuses a
// zip whose part names differ only in case, and reads an .xlsm like an
// .xlsx (macros are neither read nor run).
package workbook

import (
	"github.com/mkspace/mkspace/internal/schema"
)

// Cell is one raw cell as stored in the file.
type Cell struct {
	Value string // raw value: shared/inline string resolved, numbers as stored (no number format applied), "" when empty
	Kind  Kind   // what the file says the cell holds
	// Cut is the number of characters past limits.cell_chars that were
	// counted but not kept: the cell's real length is that of Value plus Cut.
	Cut int32
	// Uncached: a formula without a cached result (written by a program and
	// never calculated): its value is unknown, not blank.
	Uncached bool
	Row      int    // 1-based Excel row
	Ref      string // A1 reference, e.g. "H7"; set even when the cell is empty, "" when the column is missing
}

// Kind is the stored type of a cell.
type Kind uint8

const (
	KindEmpty   Kind = iota
	KindString       // shared or inline string
	KindNumber       // a number (dates are numbers: serial days; an ISO date cell, t="d", is converted to its serial)
	KindBool         // "1" / "0"
	KindFormula      // a formula (Value holds the result Excel, WPS or LibreOffice cached with it, if any; see Cell.Uncached)
	KindError        // an Excel error such as #N/A
)

// Row is one data row of a table sheet, its cells indexed like the schema
// sheet's Columns. For a form sheet (基础信息, 文字材料) there is exactly one
// Row whose cells are the fields' value cells (each with its own Row and Ref).
type Row struct {
	Number int // Excel row (for a form: the header row)
	Cells  []Cell
}

// Table is one data sheet found in a package.
type Table struct {
	Sheet     *schema.Sheet
	File      string // the .xlsx path holding it, as in Package.Files
	RelFile   string // File as findings name it: relative to the package folder ("/" separators) where possible, else as given
	Name      string // the sheet name as written in the file
	HeaderRow int    // 1-based; 0 when not found (or the sheet is unreadable): Each then yields no rows
	// Present[i] tells whether schema column i was found in the header (for
	// a form sheet: whether field i has a row).
	Present  []bool
	Date1904 bool

	book     *book
	part     string // zip part of the sheet XML
	cols     []int  // per schema column: its 0-based column in the sheet, -1 when missing
	colIndex []int  // per sheet column: the schema column, -1 when not read
	letters  []string
	form     *Row        // form sheets: the fields, read by Open
	formCol  int         // form sheets: the 0-based column of the values
	formRows map[int]int // form sheets: row → field
	failed   bool        // FILE-UNREADABLE reported for this sheet
	badIndex bool        // bad shared-string index reported

	// Merged ranges across data rows (CELL-MERGED), known once the whole
	// sheet was read (<mergeCells> follows the data), sorted by first row;
	// mergedMax[i] is the largest last row of merged[:i+1].
	merged     []mergeRange
	mergedMax  []int
	mergedDone bool
}
