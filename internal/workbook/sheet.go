package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"
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
	cut     int // characters past the cell bound, counted but not kept
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
	rooted   bool // the root element was seen
	notSheet error
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
			if !r.rooted {
				r.rooted = true
				if !s.is("worksheet") {
					r.notSheet = &notWorksheet{root: string(s.name)}
					r.done = true
					return false
				}
				continue
			}
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

func (r *rowReader) err() error {
	if r.notSheet != nil {
		return r.notSheet
	}
	return r.s.err()
}

// notWorksheet is a sheet part whose root is not <worksheet>: an Excel 4.0
// macro sheet (<xm:macrosheet>), an Excel 5.0 dialog sheet, a chart sheet.
type notWorksheet struct{ root string }

func (e *notWorksheet) Error() string { return "sheet part is a " + e.root + ", not a worksheet" }

// kindKey is the message key naming the kind of sheet.
func sheetKindKey(root string) string {
	switch root {
	case "macrosheet", "dialogsheet", "chartsheet":
		return "workbook.kind." + root
	}
	return "workbook.kind.other"
}

// mergeRange is a merged range of a sheet (0-based columns, 1-based rows).
type mergeRange struct {
	ref        string // as written, e.g. "F2:F3"
	row1, row2 int
	col1, col2 int
}

// merges reads the rest of the part after the sheet data and returns its
// merged ranges that span more than one row (<mergeCells> follows
// <sheetData>).
func (r *rowReader) merges() []mergeRange {
	if !r.done || r.notSheet != nil {
		return nil
	}
	var out []mergeRange
	s := r.s
	for {
		switch s.next() {
		case tokEOF:
			return out
		case tokStart:
			if !s.is("mergeCell") {
				continue
			}
			ref := s.attrString("ref")
			if m, ok := parseRange(ref); ok && m.row2 > m.row1 {
				out = append(out, m)
			}
		}
	}
}

// parseRange reads an A1 range such as "F2:F3".
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(strings.ToUpper(strings.ReplaceAll(ref, "$", "")), ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1 := splitRef(a)
	c2, r2 := splitRef(b)
	if c1 < 0 || c2 < 0 || r1 <= 0 || r2 <= 0 {
		return mergeRange{}, false
	}
	return mergeRange{ref: a + ":" + b, row1: min(r1, r2), row2: max(r1, r2), col1: min(c1, c2), col2: max(c1, c2)}, true
}

// splitRef returns the 0-based column and 1-based row of an A1 reference,
// -1 and 0 when it is not one.
func splitRef(ref string) (col, row int) {
	col = refColumn([]byte(ref))
	if col < 0 {
		return -1, 0
	}
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return -1, 0
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n <= 0 || n > 1<<20 {
		return -1, 0
	}
	return col, n
}

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
		vCut, isCut int
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
				v, vCut = s.elementText()
				hasV = true
			case s.is("f"):
				formula = true
				ftext, _ = s.elementText()
			case s.is("is"):
				inline, isCut = s.richText()
				hasIS = true
			default:
				s.skipElement()
			}
		}
	}
	cell := rawCell{col: col}
	switch t {
	case "s":
		// An empty index (<v/>, as POI writes) is an empty cell.
		if idx := strings.TrimSpace(v); hasV && idx != "" {
			i, err := strconv.Atoi(idx)
			str, ok := r.sst.get(i)
			if err != nil || !ok {
				r.badIndex = true
			} else {
				cell.cut = r.sst.cutOf(i)
			}
			cell.value, cell.kind = str, KindString
		}
	case "inlineStr":
		cell.value, cell.kind, cell.cut = inline, KindString, isCut
		if !hasIS && hasV {
			cell.value, cell.cut = v, vCut
		}
		if !hasIS && !hasV {
			cell.kind = KindEmpty
		}
	case "str":
		cell.value, cell.kind, cell.cut = v, KindString, vCut
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
				cell.value, cell.kind, cell.cut = v, KindString, vCut
			}
		}
	default: // "n" or absent
		if hasV && strings.TrimSpace(v) != "" {
			cell.value, cell.kind = strings.TrimSpace(v), KindNumber
		} else if hasIS { // some writers omit t="inlineStr"
			cell.value, cell.kind, cell.cut = inline, KindString, isCut
		}
	}
	if formula && t == "b" && hasV && constantBool(ftext) {
		formula = false // LibreOffice stores a typed TRUE as the formula TRUE()
	}
	if formula {
		cell.kind = KindFormula
		cell.noCache = !hasV && !hasIS
	}
	// Text beyond the scanner's bound was never stored (only counted); cut
	// what remains to the character limit, counting what goes.
	if r.cellMax > 0 && len(cell.value) > r.cellMax {
		if n := utf8.RuneCountInString(cell.value); n > r.cellMax {
			cell.value = truncateRunes(cell.value, r.cellMax)
			cell.cut += n - r.cellMax
		}
	}
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
