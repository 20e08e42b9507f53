package workbook

import (
	"strconv"
	"strings"
)

// maxColumns is Excel's column count (A … XFD).
const maxColumns = 16384

// rawCell is one cell of a row as the sheet XML holds it.
type rawCell struct {
	col   int // 0-based
	value string
	kind  Kind
	// noCache: a formula without a cached result (never calculated, as
	// files written by libraries are): its value is unknown, not blank.
	noCache bool
}

// rawRow is one <row> of the sheet XML.
type rawRow struct {
	num   int // 1-based Excel row
	cells []rawCell
}

// rowReader streams the rows of one worksheet part.
type rowReader struct {
	s        *xmlScanner
	close    func()
	sst      *sharedStrings
	date1904 bool
	cellMax  int
	// want tells which 0-based columns to keep; nil keeps all.
	want func(col int) bool

	row      rawRow
	lastRow  int
	badIndex bool // a shared string index out of range was met
	inData   bool
	done     bool
}

func (b *book) rows(part string, want func(int) bool) (*rowReader, error) {
	sst, err := b.strings()
	if err != nil {
		return nil, err
	}
	s, closeFn, err := b.openPart(part, b.limits.SheetXMLBytes, "limits.sheet_xml_bytes")
	if err != nil {
		return nil, err
	}
	return &rowReader{s: s, close: closeFn, sst: sst, date1904: b.date1904, cellMax: b.limits.CellChars, want: want}, nil
}

// next reads the next row; false at the end of the sheet data or on error
// (see err).
func (r *rowReader) next() bool {
	if r.done {
		return false
	}
	s := r.s
	for {
		switch s.next() {
		case tokEOF:
			r.done = true
			return false
		case tokEnd:
			if s.is("sheetData") {
				r.done = true // what follows (merged cells, validations…) is not data
				return false
			}
		case tokStart:
			switch {
			case s.is("sheetData"):
				r.inData = true
			case s.is("row") && r.inData:
				r.readRow()
				return true
			case !r.inData && !s.is("worksheet") && !s.is("sheetData"):
				s.skipElement() // sheet properties, columns…: not needed
			}
		}
	}
}

func (r *rowReader) err() error { return r.s.err() }

// readRow reads the cells of the <row> whose start tag was just read.
func (r *rowReader) readRow() {
	s := r.s
	num := r.lastRow + 1
	if v, ok := s.attr("r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			num = n
		}
	}
	r.lastRow = num
	r.row.num = num
	r.row.cells = r.row.cells[:0]
	lastCol := -1
	for {
		switch s.next() {
		case tokEOF:
			return
		case tokEnd:
			if s.is("row") {
				return
			}
		case tokStart:
			if !s.is("c") {
				s.skipElement()
				continue
			}
			col := lastCol + 1
			if v, ok := s.attr("r"); ok {
				if c := refColumn(v); c >= 0 {
					col = c
				}
			}
			lastCol = col
			if col >= maxColumns || (r.want != nil && !r.want(col)) {
				s.skipElement()
				continue
			}
			r.readCell(col)
		}
	}
}

// readCell reads the <c> element whose start tag was just read.
func (r *rowReader) readCell(col int) {
	s := r.s
	typ, _ := s.attr("t")
	t := string(typ) // small, compared only
	var (
		v, inline   string
		hasV, hasIS bool
		formula     bool
		ftext       string
	)
	for done := false; !done; {
		switch s.next() {
		case tokEOF:
			done = true
		case tokEnd:
			if s.is("c") {
				done = true
			}
		case tokStart:
			switch {
			case s.is("v"):
				v, _ = s.elementText()
				hasV = true
			case s.is("f"):
				formula = true
				ftext, _ = s.elementText()
			case s.is("is"):
				inline, _ = s.richText()
				hasIS = true
			default:
				s.skipElement()
			}
		}
	}
	cell := rawCell{col: col}
	switch t {
	case "s":
		if hasV {
			idx, err := strconv.Atoi(strings.TrimSpace(v))
			str, ok := r.sst.get(idx)
			if err != nil || !ok {
				r.badIndex = true
			}
			cell.value, cell.kind = str, KindString
		}
	case "inlineStr":
		cell.value, cell.kind = inline, KindString
		if !hasIS && hasV {
			cell.value = v
		}
		if !hasIS && !hasV {
			cell.kind = KindEmpty
		}
	case "str":
		cell.value, cell.kind = v, KindString
	case "b":
		if hasV {
			cell.kind = KindBool
			switch strings.TrimSpace(v) {
			case "1", "true", "TRUE":
				cell.value = "1"
			default:
				cell.value = "0"
			}
		}
	case "e":
		if hasV {
			cell.value, cell.kind = strings.TrimSpace(v), KindError
		}
	case "d":
		if hasV {
			if serial, ok := isoToSerial(v, r.date1904); ok {
				cell.value, cell.kind = serial, KindNumber
			} else {
				cell.value, cell.kind = v, KindString
			}
		}
	default: // "n" or absent
		if hasV && strings.TrimSpace(v) != "" {
			cell.value, cell.kind = strings.TrimSpace(v), KindNumber
		} else if hasIS { // some writers omit t="inlineStr"
			cell.value, cell.kind = inline, KindString
		}
	}
	if formula && t == "b" && hasV && constantBool(ftext) {
		formula = false // LibreOffice stores a typed TRUE as the formula TRUE()
	}
	if formula {
		cell.kind = KindFormula
		cell.noCache = !hasV && !hasIS
	}
	// Text beyond the scanner's bound was never stored; cut what remains
	// to the character limit.
	cell.value = truncateRunes(cell.value, r.cellMax)
	r.row.cells = append(r.row.cells, cell)
}

// constantBool reports whether a formula is the constant TRUE() or FALSE().
func constantBool(f string) bool {
	f = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(f), "="))
	switch f {
	case "TRUE()", "FALSE()", "TRUE", "FALSE":
		return true
	}
	return false
}

// refColumn returns the 0-based column of an A1 reference ("H7" → 7), or -1.
func refColumn(ref []byte) int {
	col := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			goto done
		}
		if col > maxColumns {
			return -1
		}
	}
done:
	if i == 0 {
		return -1
	}
	return col - 1
}

// columnName returns the letters of a 0-based column: 0 → "A", 27 → "AB".
func columnName(col int) string {
	var b [4]byte
	i := len(b)
	for col++; col > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

// cellRef returns the A1 reference of a 0-based column and 1-based row.
func cellRef(col, row int) string {
	return columnName(col) + strconv.Itoa(row)
}
