package main

import (
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/xlsxtmpl"
)

// The example workbooks are the fill-in template (mkspace template) with the
// example's values typed in, as a maker space fills it.

const firstDataRow = xlsxtmpl.FirstDataRow

func templateCell(s *schema.Sheet, key string, n int) string {
	return xlsxtmpl.Cell(column(s, key), n)
}

// fieldRow is the row of a form sheet's field.
func fieldRow(s *schema.Sheet, key string) int { return xlsxtmpl.FieldRow(column(s, key)) }

// column is the handle of the column the generator's data name by key.
func column(s *schema.Sheet, key string) schema.Col {
	c, ok := s.Lookup(key)
	if !ok {
		panic("sheet " + s.Name + " has no column " + key)
	}
	return c
}

func newTemplate() (*excelize.File, error) { return xlsxtmpl.New(xlsxtmpl.Options{}) }

// saveWorkbook writes f to path atomically, replacing an older file.
func saveWorkbook(f *excelize.File, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return xlsxtmpl.Save(f, path, true)
}
