package workbook

import (
	"slices"
	"sort"
	"strconv"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// Merged cells. Excel keeps the value of a merged range in its top-left
// cell only: "否" merged over F2:F3 is a value in F2 and an empty F3, while
// the user sees 否 on both rows. A merged range that spans more than one
// data row is therefore one finding, CELL-MERGED, naming the range and
// asking to unmerge and fill each row; the CELL-REQUIRED findings of the
// cells it covers are dropped (CoveredByMerge). Ranges in the header area,
// within one row, or over columns that are not read are no finding.
//
// The ranges (<mergeCells>) follow the sheet data in the sheet XML, so the
// streaming reader learns of them only once the data is read: Each reads
// on to the end of the part after the last row, keeping meanwhile only the
// runs of data row numbers (a few integers for a sheet without blank rows).
// The rules, which report CELL-REQUIRED while rows stream by, drop the
// covered ones once every table is read.

// rowSet is a set of row numbers kept as runs of consecutive rows.
type rowSet struct {
	runs []rowRun
	cum  []int // cum[i]: the number of rows in runs[:i]
}

type rowRun struct{ first, last int }

// add adds row n (rows come in order as a rule; any order is accepted).
func (s *rowSet) add(n int) {
	if k := len(s.runs); k > 0 && s.runs[k-1].last+1 == n {
		s.runs[k-1].last = n
		return
	}
	s.runs = append(s.runs, rowRun{n, n})
}

// seal sorts and joins the runs for within.
func (s *rowSet) seal() {
	sorted := slices.IsSortedFunc(s.runs, func(a, b rowRun) int { return a.first - b.first })
	if !sorted {
		slices.SortFunc(s.runs, func(a, b rowRun) int { return a.first - b.first })
	}
	out := s.runs[:0]
	for _, r := range s.runs {
		if k := len(out); k > 0 && r.first <= out[k-1].last+1 {
			out[k-1].last = max(out[k-1].last, r.last)
			continue
		}
		out = append(out, r)
	}
	s.runs = out
	s.cum = make([]int, len(out)+1)
	for i, r := range out {
		s.cum[i+1] = s.cum[i] + r.last - r.first + 1
	}
}

// within returns the first and last rows of the set in [a, b] and how many
// there are (after seal).
func (s *rowSet) within(a, b int) (first, last, n int) {
	if a > b {
		return 0, 0, 0
	}
	i := sort.Search(len(s.runs), func(k int) bool { return s.runs[k].last >= a })
	j := sort.Search(len(s.runs), func(k int) bool { return s.runs[k].first > b }) - 1
	if i > j {
		return 0, 0, 0
	}
	first, last = max(a, s.runs[i].first), min(b, s.runs[j].last)
	n = s.cum[j+1] - s.cum[i] - (first - s.runs[i].first) - (s.runs[j].last - last)
	return first, last, n
}

// reportMerges reports the merged ranges of a table that span more than
// one of its data rows (once per table, however often it is read).
func (p *Package) reportMerges(t *Table, ms []mergeRange, rows *rowSet) {
	p.mu.Lock()
	done := t.mergedDone
	t.mergedDone = true
	p.mu.Unlock()
	if done || len(ms) == 0 || rows == nil {
		return
	}
	rows.seal()
	form := t.Sheet.Kind == schema.Form
	var kept []mergeRange
	for _, m := range ms {
		col := -1 // the schema column (for a form: the field) named in the finding
		first, last, n := rows.within(max(m.row1, t.HeaderRow+1), m.row2)
		if n < 2 {
			continue
		}
		if form {
			if t.formCol >= m.col1 && t.formCol <= m.col2 {
				col = t.formRows[first]
			}
		} else {
			for c := m.col1; c <= m.col2 && c < len(t.colIndex); c++ {
				if t.colIndex[c] >= 0 {
					col = t.colIndex[c]
					break
				}
			}
		}
		if col < 0 {
			continue // no column that is read
		}
		kept = append(kept, m)
		p.add(finding.Finding{Rule: finding.CellMerged, File: t.RelFile, Sheet: t.Name, Row: first,
			Column: t.Sheet.Columns[col].Header, Cell: m.ref},
			finding.CellMerged, "sheet", t.Name, "cell", m.ref, "rows", strconv.Itoa(n),
			"first", strconv.Itoa(first), "last", strconv.Itoa(last), "topleft", cellRef(m.col1, m.row1))
	}
	slices.SortFunc(kept, func(a, b mergeRange) int { return a.row1 - b.row1 })
	maxRow := make([]int, len(kept))
	for i, m := range kept {
		maxRow[i] = m.row2
		if i > 0 {
			maxRow[i] = max(maxRow[i], maxRow[i-1])
		}
	}
	p.mu.Lock()
	t.merged, t.mergedMax = kept, maxRow
	p.mu.Unlock()
}

// CoveredByMerge reports whether f is a CELL-REQUIRED finding on a cell
// that a merged range across data rows covers: that range is reported once,
// as CELL-MERGED, instead. It knows the ranges of a table once Each has read
// the table to its end.
func (p *Package) CoveredByMerge(f finding.Finding) bool {
	if f.Rule != finding.CellRequired || f.Cell == "" {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, t := range p.Tables {
		if len(t.merged) == 0 || t.Name != f.Sheet || t.RelFile != f.File {
			continue
		}
		col, row := splitRef(f.Cell)
		if col < 0 {
			return false
		}
		// The last range starting at or above the row, then back while
		// some earlier range still reaches down to it.
		i := sort.Search(len(t.merged), func(k int) bool { return t.merged[k].row1 > row }) - 1
		for ; i >= 0 && t.mergedMax[i] >= row; i-- {
			m := t.merged[i]
			if row <= m.row2 && col >= m.col1 && col <= m.col2 {
				return true
			}
		}
	}
	return false
}
