package workbook

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// sheetSpec is one sheet of a test workbook: rows from A1 down (nil rows
// stay empty).
type sheetSpec struct {
	name string
	rows [][]any
}

// headerRow returns the template header row of a sheet (without 序号).
func headerRow(key string) []any {
	sh := schema.ByKey(key)
	if sh.Kind == schema.Form {
		return []any{sh.FormHeaders[0], sh.FormHeaders[1]}
	}
	out := make([]any, len(sh.Columns))
	for i, c := range sh.Columns {
		out[i] = c.Header
	}
	return out
}

// goodSheets returns every data sheet with its header and one or two rows.
func goodSheets() []sheetSpec {
	var out []sheetSpec
	for _, sh := range schema.Sheets() {
		spec := sheetSpec{name: sh.Name, rows: [][]any{headerRow(sh.Key)}}
		switch sh.Kind {
		case schema.Form:
			for _, c := range sh.Columns {
				spec.rows = append(spec.rows, []any{c.Header, "值：" + c.Header})
			}
		default:
			for r := 1; r <= 2; r++ {
				row := make([]any, len(sh.Columns))
				for i, c := range sh.Columns {
					row[i] = fmt.Sprintf("%s-%d", c.Key, r)
				}
				spec.rows = append(spec.rows, row)
			}
		}
		out = append(out, spec)
	}
	return out
}

// withSheet replaces (or adds) a sheet of specs.
func withSheet(specs []sheetSpec, s sheetSpec) []sheetSpec {
	out := make([]sheetSpec, 0, len(specs)+1)
	done := false
	for _, x := range specs {
		if x.name == s.name {
			out = append(out, s)
			done = true
		} else {
			out = append(out, x)
		}
	}
	if !done {
		out = append(out, s)
	}
	return out
}

// without drops sheets by name.
func without(specs []sheetSpec, names ...string) []sheetSpec {
	var out []sheetSpec
	for _, x := range specs {
		drop := false
		for _, n := range names {
			drop = drop || x.name == n
		}
		if !drop {
			out = append(out, x)
		}
	}
	return out
}

// writeBook writes sheets into dir/name with excelize and returns the path.
func writeBook(t testing.TB, dir, name string, sheets []sheetSpec, opts ...func(*excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for r, row := range s.rows {
			if row == nil {
				continue
			}
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				if fv, ok := v.(formula); ok {
					require.NoError(t, f.SetCellFormula(s.name, ref, string(fv)))
					continue
				}
				require.NoError(t, f.SetCellValue(s.name, ref, v))
			}
		}
	}
	if len(sheets) == 0 {
		_, err := f.NewSheet("Sheet2") // keep Sheet1: a workbook needs a sheet
		require.NoError(t, err)
	}
	for _, o := range opts {
		o(f)
	}
	path := filepath.Join(dir, name)
	require.NoError(t, f.SaveAs(path))
	return path
}

// formula is a cell value written as a formula.
type formula string

// openPkg opens paths with the default config (or cfg) and closes at the end.
func openPkg(t testing.TB, cfg *config.Config, paths ...string) *Package {
	t.Helper()
	p, err := Open(paths, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { p.Close() })
	return p
}

// rowsOf reads every row of a table.
func rowsOf(t testing.TB, p *Package, key string) []Row {
	t.Helper()
	tb := p.Table(key)
	require.NotNil(t, tb, "table %s missing; findings: %v", key, p.Findings)
	var out []Row
	require.NoError(t, p.Each(tb, func(r Row) error { out = append(out, r); return nil }))
	return out
}

// rules lists the rule ids of findings, for compact assertions.
func rules(fs []finding.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Rule
	}
	return out
}

// only returns the findings of one rule.
func only(fs []finding.Finding, rule string) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// describe renders findings one per line for failure messages.
func describe(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s %s %s!%s [%s] %s", f.Rule, f.File, f.Sheet, f.Cell, f.Column, f.Message)
	}
	return b.String()
}

// rawPart is one part of a hand-made .xlsx.
type rawPart struct{ name, body string }

// writeRawXLSX writes a hand-made .xlsx: sheets is name → worksheet XML
// (the <sheetData> content, or a whole document when it starts with "<?xml"
// or "<worksheet"); extra parts are added as given.
func writeRawXLSX(t testing.TB, path string, wbAttrs string, sst string, sheets []rawPart, extra ...rawPart) {
	t.Helper()
	var wb, rels, ct strings.Builder
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if wbAttrs != "" {
		wb.WriteString(`<workbookPr ` + wbAttrs + `/>`)
	}
	wb.WriteString(`<sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	parts := []rawPart{}
	for i, s := range sheets {
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		body := s.body
		if !strings.HasPrefix(body, "<?xml") && !strings.HasPrefix(body, "<worksheet") {
			body = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + body + `</sheetData></worksheet>`
		}
		parts = append(parts, rawPart{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), body})
	}
	if sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		parts = append(parts, rawPart{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`})
	}
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	ct.WriteString(`</Types>`)
	all := append([]rawPart{
		{"[Content_Types].xml", ct.String()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", wb.String()},
		{"xl/_rels/workbook.xml.rels", rels.String()},
	}, parts...)
	all = append(all, extra...)
	writeZip(t, path, all)
}

// writeZip writes parts into a zip; a later part with the same name
// replaces an earlier one.
func writeZip(t testing.TB, path string, parts []rawPart) {
	t.Helper()
	out, err := os.Create(path)
	require.NoError(t, err)
	defer out.Close()
	zw := zip.NewWriter(out)
	idx := map[string]int{}
	var order []rawPart
	for _, p := range parts {
		if i, ok := idx[p.name]; ok {
			order[i] = p
			continue
		}
		idx[p.name] = len(order)
		order = append(order, p)
	}
	for _, p := range order {
		w, err := zw.Create(p.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(p.body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// inlineRow renders a <row> of inline-string cells starting at column A.
func inlineRow(num int, vals ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, num)
	for i, v := range vals {
		if v == "" {
			continue
		}
		fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cellRef(i, num), xmlEscape(v))
	}
	b.WriteString(`</row>`)
	return b.String()
}

// headerStrings returns the header of a sheet as strings.
func headerStrings(key string) []string {
	var out []string
	for _, v := range headerRow(key) {
		out = append(out, v.(string))
	}
	return out
}
