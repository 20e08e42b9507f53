// Package annotate writes a marked-up copy of a checked workbook: every
// cell with a finding filled (errors red, warnings amber) and given a note
// with the finding's message and rule id, and a first sheet 检查结果 that
// lists every finding with a link to its cell. The copy keeps the
// original's formatting, dropdowns, validations, conditional formats,
// formulas and notes (an earlier note stays above the finding's text); the
// original is only read.
//
// excelize makes the derived styles, the new sheet and its autofilter;
// the rest is written here directly into the package excelize saved: the
// notes (comments and their VML shapes) and the links, which excelize adds
// one at a time in quadratic time (100,000 notes would take minutes); the
// fills, set in the sheets' XML in one pass, since through excelize every
// sheet would be parsed and written again (fast.go; a sheet of an unusual
// form takes that way still); the order of the sheets and the selected one.
package annotate

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// SheetName is the name of the first sheet of the copy, the list of
// findings. The reader treats it as an auxiliary sheet, so that a copy
// validates like its original.
const SheetName = schema.ResultsSheet

// Fill colours of a marked cell (Excel's light red and light amber).
const (
	ErrorFill   = "FFC7CE"
	WarningFill = "FFEB9C"
)

// maxRangeCells bounds the cells of one finding's range that are filled.
const maxRangeCells = 10000

// maxLinks is the number of hyperlinks a sheet can hold in Excel.
const maxLinks = 65530

// maxNoteChars bounds a note's text (Excel's limit of a cell's text).
const maxNoteChars = 32767

// WriteFile writes the marked-up copy of the workbook src to dst, replacing
// dst, through a temporary file (no half-written copy is ever seen). dst
// must not be src.
func WriteFile(ctx context.Context, src string, fs []finding.Finding, lang msg.Lang, dst string) error {
	if same(src, dst) {
		return fmt.Errorf("annotate: %s is the workbook itself", dst)
	}
	return atomicfile.Write(dst, true, func(w io.Writer) error { return Write(ctx, src, fs, lang, w) })
}

func same(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// Write writes the marked-up copy of the workbook src to w. fs are the
// findings of that workbook (findings without a file, of the whole package,
// are listed and noted on the first sheet's A1; those of a sheet without a
// cell are marked on the sheet's A1).
func Write(ctx context.Context, src string, fs []finding.Finding, lang msg.Lang, w io.Writer) error {
	f, err := excelize.OpenFile(src)
	if err != nil {
		return err
	}
	defer f.Close()
	if i, _ := f.GetSheetIndex(SheetName); i >= 0 {
		// A copy annotated again: its old list goes.
		if err := f.DeleteSheet(SheetName); err != nil {
			return err
		}
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return errors.New("annotate: the workbook has no sheet")
	}
	fs = slices.Clone(fs)
	finding.Sort(fs, sheetOrder())
	first := sheets[0]
	for _, s := range sheets {
		if v, err := f.GetSheetVisible(s); err == nil && v {
			first = s
			break
		}
	}
	marks, rows := place(fs, sheets, first, lang)

	// Fills: a new style per (style, severity), derived from the cell's
	// own; set in the sheets' XML directly (fast) when it has the usual
	// form, else through excelize.
	derived := map[styleKey]int{}
	cellStyles, err := fastStyles(f, src, marks, derived)
	if err != nil {
		return err
	}
	fast := cellStyles != nil
	n := 0
	for _, sm := range marks.sheets {
		if fast {
			break
		}
		for _, m := range sm.cells {
			if !m.fill {
				continue
			}
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			for _, ref := range m.fillRefs {
				if err := fillCell(f, sm.name, ref, m.sev, derived); err != nil {
					return err
				}
			}
		}
	}
	// A sheet given notes needs a comments part: excelize makes one (and
	// its relationships and VML part) when the sheet has none; its note is
	// replaced below.
	placeholders := map[string]string{}
	for _, sm := range marks.sheets {
		cs, err := f.GetComments(sm.name)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			if err := f.AddComment(sm.name, excelize.Comment{Cell: sm.order[0], Author: noteAuthor, Text: " "}); err != nil {
				return err
			}
			placeholders[sm.name] = sm.order[0]
		}
	}
	st, err := newListStyles(f)
	if err != nil {
		return err
	}
	dxf, err := markFormats(f)
	if err != nil {
		return err
	}
	if fast {
		if _, err := f.NewSheet(SheetName); err != nil {
			return err
		}
		if err := f.AutoFilter(SheetName, fmt.Sprintf("A1:%s%d", lastCol, max(len(rows), 1)+1), nil); err != nil {
			return err
		}
	} else if err := addListSheet(f, len(rows)); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	_ = f.Close()
	return rewrite(ctx, buf.Bytes(), w, &plan{marks: marks, rows: rows, styles: st, dxf: dxf, lang: lang, placeholders: placeholders,
		cellStyles: cellStyles, fast: fast, last: len(sheets)})
}

// sheetOrder is the order of the data sheets, for sorting findings as the
// reports do.
func sheetOrder() []string {
	var names []string
	for _, s := range schema.Sheets() {
		names = append(names, s.Name)
	}
	return names
}

// fastStyles reads the styles of the cells to fill from the sheets' XML in
// src and derives the styles with the fills; nil when a sheet's XML is not
// of the usual form (the caller then sets them through excelize).
func fastStyles(f *excelize.File, src string, marks *markSet, derived map[styleKey]int) (map[string]map[string]int, error) {
	if slowOnly {
		return nil, nil
	}
	zr, err := zip.OpenReader(src)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	files := make(map[string]*zip.File, len(zr.File))
	for _, zf := range zr.File {
		files[zf.Name] = zf
	}
	parts, err := sheetPaths(files)
	if err != nil {
		return nil, nil
	}
	out := map[string]map[string]int{}
	for _, sm := range marks.sheets {
		want := map[string]bool{}
		for _, m := range sm.cells {
			for _, ref := range m.fillRefs {
				want[ref] = true
			}
		}
		if len(want) == 0 {
			continue
		}
		b, err := readPart(files[parts[sm.name]])
		if err != nil {
			return nil, nil
		}
		ids, err := cellStyles(b, want)
		if err != nil {
			return nil, nil
		}
		b = nil
		styles := make(map[string]int, len(want))
		for _, m := range sm.cells {
			for _, ref := range m.fillRefs {
				k := styleKey{ids[ref], m.sev}
				nid, ok := derived[k]
				if !ok {
					if nid, err = derivedStyle(f, k); err != nil {
						return nil, err
					}
					derived[k] = nid
				}
				styles[ref] = nid
			}
		}
		out[sm.name] = styles
	}
	return out, nil
}

// derivedStyle makes the style k.style with the fill of k.sev.
func derivedStyle(f *excelize.File, k styleKey) (int, error) {
	s, err := f.GetStyle(k.style)
	if err != nil {
		return 0, err
	}
	color := ErrorFill
	if k.sev != finding.Error {
		color = WarningFill
	}
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	return f.NewStyle(s)
}

// slowOnly makes every copy take the way through excelize (tests).
var slowOnly bool

type styleKey struct {
	style int
	sev   finding.Severity
}

// fillCell gives the cell ref a style derived from its own with the fill of
// sev; the number format, font, borders, alignment and protection stay.
func fillCell(f *excelize.File, sheet, ref string, sev finding.Severity, derived map[styleKey]int) error {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	k := styleKey{id, sev}
	nid, ok := derived[k]
	if !ok {
		if nid, err = derivedStyle(f, k); err != nil {
			return err
		}
		derived[k] = nid
	}
	return f.SetCellStyle(sheet, ref, ref, nid)
}

// markFormats adds the conditional formats (fills) of marked cells, for
// error and warning: a sheet's own conditional formats (the grey of a
// 不可填 cell, the yellow of a required empty one) would hide the fill of
// the cell's style, so the marks are a conditional format too, before all
// others.
func markFormats(f *excelize.File) ([2]int, error) {
	var ids [2]int
	for i, c := range []string{ErrorFill, WarningFill} {
		id, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}})
		if err != nil {
			return ids, err
		}
		ids[i] = id
	}
	return ids, nil
}

// addListSheet adds the 检查结果 sheet as the first sheet, active, with an
// autofilter over n rows of findings (its content is written in rewrite).
// Names defined for one sheet keep their sheet: excelize's MoveSheet does
// not renumber them, so they are taken out and put back.
func addListSheet(f *excelize.File, n int) error {
	var local []excelize.DefinedName
	for _, d := range f.GetDefinedName() {
		if d.Scope != "" && d.Scope != "Workbook" {
			local = append(local, d)
		}
	}
	for _, d := range local {
		if err := f.DeleteDefinedName(&excelize.DefinedName{Name: d.Name, Scope: d.Scope}); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(SheetName); err != nil {
		return err
	}
	first := f.GetSheetList()[0]
	if err := f.MoveSheet(SheetName, first); err != nil {
		return err
	}
	for _, d := range local {
		d := d
		if err := f.SetDefinedName(&d); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.AutoFilter(SheetName, fmt.Sprintf("A1:%s%d", lastCol, max(n, 1)+1), nil)
}

// lastCol is the last column of the 检查结果 sheet.
const lastCol = "F"

// noteAuthor is the author of the notes mkspace adds.
const noteAuthor = "mkspace"

// refSheet quotes a sheet name for a reference: 'name' with ' doubled.
func refSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
