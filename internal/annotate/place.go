package annotate

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// mark is what one cell of the copy gets: a fill (unless only a note) and
// a note with the texts of every finding placed there.
type mark struct {
	ref      string // the cell of the note
	sev      finding.Severity
	fill     bool
	fillRefs []string // the cells filled: ref, or every cell of a range
	texts    []string
}

// sheetMarks are the marks of one sheet, in the order first placed.
type sheetMarks struct {
	name  string
	cells map[string]*mark
	order []string
}

type markSet struct {
	sheets []*sheetMarks
	byName map[string]*sheetMarks
}

func (s *markSet) sheet(name string) *sheetMarks {
	if sm := s.byName[name]; sm != nil {
		return sm
	}
	sm := &sheetMarks{name: name, cells: map[string]*mark{}}
	s.byName[name] = sm
	s.sheets = append(s.sheets, sm)
	return sm
}

// add places a finding's note text at ref of sheet.
func (s *markSet) add(sheet, ref string, fillRefs []string, sev finding.Severity, text string) {
	sm := s.sheet(sheet)
	m := sm.cells[ref]
	if m == nil {
		m = &mark{ref: ref, sev: sev}
		sm.cells[ref] = m
		sm.order = append(sm.order, ref)
	}
	if sev == finding.Error {
		m.sev = finding.Error
	}
	if len(fillRefs) > 0 {
		if !m.fill {
			m.fillRefs = fillRefs
		} else if len(fillRefs) > len(m.fillRefs) {
			m.fillRefs = fillRefs
		}
		m.fill = true
	}
	m.texts = append(m.texts, text)
}

// row is one line of the 检查结果 sheet.
type row struct {
	sev     finding.Severity
	sheet   string // shown
	cell    string // shown
	link    string // the location the cell jumps to; "" none
	problem string
	fix     string
	rule    string
}

// place decides where each finding is marked: at its cell (a range: every
// cell filled, the note on its first); on A1 of its sheet when it has no
// cell (a missing column, a sheet-wide problem); in a note on A1 of the
// first visible sheet when its sheet is not in the workbook (a missing
// sheet) or it has none. Every finding is a row of the list.
func place(fs []finding.Finding, sheets []string, first string, lang msg.Lang) (*markSet, []row) {
	exists := make(map[string]bool, len(sheets))
	for _, s := range sheets {
		exists[s] = true
	}
	ms := &markSet{byName: map[string]*sheetMarks{}}
	rows := make([]row, 0, len(fs))
	for i := range fs {
		f := &fs[i]
		text := unlocated(f)
		note := text + lang.T("annotate.note-rule", "rule", f.Rule)
		r := row{sev: f.Severity, sheet: f.Sheet, rule: f.Rule}
		r.problem, r.fix = msg.SplitAdvice(lang, text)
		if r.sheet == "" {
			r.sheet = "—"
		}
		switch {
		case exists[f.Sheet] && f.Cell != "":
			top, refs, ok := cells(f.Cell)
			if ok {
				ms.add(f.Sheet, top, refs, f.Severity, note)
				r.cell, r.link = f.Cell, refSheet(f.Sheet)+"!"+f.Cell
				break
			}
			fallthrough
		case exists[f.Sheet]:
			ms.add(f.Sheet, "A1", []string{"A1"}, f.Severity, note)
			r.cell, r.link = f.Sheet, refSheet(f.Sheet)+"!A1"
			if f.Cell != "" {
				r.cell = f.Cell
			}
		default:
			ms.add(first, "A1", nil, f.Severity, note)
			r.cell, r.link = lang.T("annotate.workbook-level"), refSheet(first)+"!A1"
		}
		rows = append(rows, r)
	}
	return ms, rows
}

// cells parses "H16" or "F20:F21": the first cell and the cells filled
// (at most maxRangeCells).
func cells(ref string) (top string, refs []string, ok bool) {
	a, b, isRange := strings.Cut(ref, ":")
	c1, r1, err := excelize.CellNameToCoordinates(a)
	if err != nil {
		return "", nil, false
	}
	top, _ = excelize.CoordinatesToCellName(c1, r1)
	if !isRange {
		return top, []string{top}, true
	}
	c2, r2, err := excelize.CellNameToCoordinates(b)
	if err != nil {
		return "", nil, false
	}
	c1, c2 = min(c1, c2), max(c1, c2)
	r1, r2 = min(r1, r2), max(r1, r2)
	top, _ = excelize.CoordinatesToCellName(c1, r1)
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			if len(refs) == maxRangeCells {
				return top, refs, true
			}
			n, _ := excelize.CoordinatesToCellName(c, r)
			refs = append(refs, n)
		}
	}
	return top, refs, true
}

// unlocated is the finding's message without the location it starts
// with (the note sits on the cell; the list has a column for it), escaped
// so that no control character reaches the workbook.
func unlocated(f *finding.Finding) string {
	m := strings.TrimSpace(f.Message)
	if m == "" {
		return f.Rule
	}
	if loc := f.Location(); loc != "" {
		for _, l := range []string{loc, msg.Escape(loc)} {
			for _, sep := range []string{"：", ": ", ":"} {
				if rest, ok := strings.CutPrefix(m, l+sep); ok && strings.TrimSpace(rest) != "" {
					m = strings.TrimSpace(rest)
				}
			}
		}
	}
	return msg.EscapeLines(m)
}
