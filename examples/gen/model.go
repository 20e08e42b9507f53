package main

import (
	"maps"
	"time"
)

// A package as the generator builds it before writing: the values of every
// sheet, keyed by the schema's column keys, and the attachment files.

// Cell values of a row. Each type is written to the workbook in its own way
// (see write.go).
type (
	// dec is a decimal number, written as a numeric cell.
	dec string
	// textDate is a date written as text in the given layout instead of as
	// an Excel date cell, to show that the text forms are accepted.
	textDate struct {
		T      time.Time
		Layout string
	}
	// raw is text written exactly as given: a mistake of the broken package
	// ("abc" in a number column, "2021-02-30", …).
	raw string
)

// row is one record of a table sheet, or the fields of a form sheet.
type row map[string]any

// file is an attachment: a rendered PDF or raw bytes.
type file struct {
	doc      *doc
	raw      []byte
	userPass string // encrypt the rendered PDF with this user password
}

// pkg is one example package.
type pkg struct {
	forms  map[string]row   // form sheets by schema key: basic, narrative
	tables map[string][]row // table sheets by schema key
	files  map[string]file  // attachments by slash path relative to the package
	merges []merge          // cells merged as a filler merges equal values
}

// merge is column key of records first..last (1-based) of a table sheet,
// merged into one cell: only the first record keeps its value, as Excel
// keeps only the top-left value of a merged range.
type merge struct {
	sheet, key  string
	first, last int
}

func newPkg() *pkg {
	return &pkg{forms: map[string]row{}, tables: map[string][]row{}, files: map[string]file{}}
}

// attach registers an attachment rendered from d and returns its path.
func (p *pkg) attach(path string, d doc) string {
	if _, ok := p.files[path]; !ok {
		p.files[path] = file{doc: &d}
	}
	return path
}

// add appends a row to a table sheet and returns its 1-based record number.
func (p *pkg) add(sheet string, r row) int {
	p.tables[sheet] = append(p.tables[sheet], r)
	return len(p.tables[sheet])
}

// clone returns a deep copy of p (rows are copied; documents are shared,
// they are never changed after creation).
func (p *pkg) clone() *pkg {
	c := newPkg()
	for k, r := range p.forms {
		c.forms[k] = maps.Clone(r)
	}
	for k, rows := range p.tables {
		for _, r := range rows {
			c.tables[k] = append(c.tables[k], maps.Clone(r))
		}
	}
	maps.Copy(c.files, p.files)
	c.merges = append(c.merges, p.merges...)
	return c
}

// day returns the calendar date y-m-d.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dateOf returns the date of a date value (time.Time or textDate) and
// whether v is one.
func dateOf(v any) (time.Time, bool) {
	switch t := v.(type) {
	case time.Time:
		return t, true
	case textDate:
		return t.T, true
	}
	return time.Time{}, false
}
