package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// fixedTime is written as the workbook's creation and modification time, so
// that regenerating gives the same document properties.
var fixedTime = time.Date(2021, 11, 5, 9, 0, 0, 0, time.UTC)

// cellRef returns the A1 reference of key in record n (1-based) of a table
// sheet, or of the value cell of field key in a form sheet.
func cellRef(s *schema.Sheet, key string, n int) string {
	return templateCell(s, key, n)
}

// writeWorkbook fills the template with the values of p and saves it.
func writeWorkbook(path string, p *pkg) error {
	f, err := newTemplate()
	if err != nil {
		return err
	}
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	for _, s := range schema.Sheets() {
		if s.Kind == schema.Form {
			for _, c := range s.Columns {
				v, ok := p.forms[s.Key][c.Key]
				if !ok {
					continue
				}
				if err := setValue(f, s.Name, cellRef(s, c.Key, 0), v, dateStyle); err != nil {
					return fmt.Errorf("%s %s: %w", s.Name, c.Header, err)
				}
			}
			continue
		}
		for i, r := range p.tables[s.Key] {
			for _, c := range s.Columns {
				v, ok := r[c.Key]
				if !ok {
					continue
				}
				if err := setValue(f, s.Name, cellRef(s, c.Key, i+1), v, dateStyle); err != nil {
					return fmt.Errorf("%s row %d %s: %w", s.Name, i+1, c.Header, err)
				}
			}
		}
	}
	for _, m := range p.merges {
		s := schema.ByKey(m.sheet)
		if err := f.MergeCell(s.Name, cellRef(s, m.key, m.first), cellRef(s, m.key, m.last)); err != nil {
			return fmt.Errorf("%s merge %s: %w", s.Name, m.key, err)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		return err
	}
	props.Created = fixedTime.Format(time.RFC3339)
	props.Modified = props.Created
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	return saveWorkbook(f, path)
}

func ptr[T any](v T) *T { return &v }

// setValue writes one value in the way its type asks for.
func setValue(f *excelize.File, sheet, cell string, v any, dateStyle int) error {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return f.SetCellStr(sheet, cell, v)
	case raw:
		return f.SetCellStr(sheet, cell, string(v))
	case bool:
		if v {
			return f.SetCellStr(sheet, cell, schema.Yes)
		}
		return f.SetCellStr(sheet, cell, schema.No)
	case int:
		return f.SetCellInt(sheet, cell, int64(v))
	case dec:
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return err
		}
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	case time.Time:
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, dateStyle)
	case textDate:
		return f.SetCellStr(sheet, cell, v.T.Format(v.Layout))
	}
	return fmt.Errorf("value %v of type %T", v, v)
}
