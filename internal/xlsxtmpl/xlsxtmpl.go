// Package xlsxtmpl writes the fill-in workbook (申报数据.xlsx): every data
// sheet of package schema with its header, notes, dropdowns, validations and
// conditional formats, the 填报说明 instructions, the 汇总 sheet of live
// totals and the hidden 选项 sheet holding the dropdown lists.
//
// Everything about a table comes from package schema; this package only
// decides how it looks in Excel.
package xlsxtmpl

import (
	"fmt"
	"github.com/mkspace/mkspace/internal/atomicfile"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
)

// Layout of every table sheet; form sheets (基础信息, 文字材料) have their
// header in HeaderRow too and one field per row below it (see FieldRow).
const (
	HeaderRow    = 1
	FirstDataRow = 2
	DefaultRows  = 2000
	DefaultFile  = "申报数据.xlsx"
)

// Options says what to put in the workbook. The zero value gives the default
// workbook.
type Options struct {
	Lists  schema.Lists  // option lists (config.Lists); nil = schema.DefaultLists()
	Window config.Window // zero = config.Default().Window
	Sheets []string      // sheet names (or keys) to include; empty = all data sheets
	Rows   int           // rows with validation and formatting; 0 = DefaultRows
	// Lang of the notes, messages, instructions and totals labels; "" =
	// Chinese. Sheet names, headers and field names are always Chinese.
	Lang msg.Lang
	// MaxBytes is the attachment size limit the notes and instructions
	// name; 0 = config.Default().MaxBytes.
	MaxBytes int64
	// Eligibility holds the thresholds of the self-check on the 汇总 sheet
	// (config.Eligibility); nil = config.Default().Eligibility.
	Eligibility *config.Eligibility
	// SpaceName, when set, is written as 基础信息's 众创空间名称.
	SpaceName string
}

// UnknownSheetError is returned for a name in Options.Sheets that is no data
// sheet.
type UnknownSheetError struct{ Name string }

func (e *UnknownSheetError) Error() string { return fmt.Sprintf("unknown sheet %q", e.Name) }

// SheetNames returns the names of every data sheet, in workbook order.
func SheetNames() []string {
	var out []string
	for _, s := range schema.Sheets() {
		out = append(out, s.Name)
	}
	return out
}

// ColumnLetter returns the column (e.g. "D") that holds column c in a table
// sheet, or "B" (the value column) for a field of a form sheet.
func ColumnLetter(c schema.Col) string {
	if c.Sheet().Kind == schema.Form {
		return "B"
	}
	return colName(c.Index() + 1)
}

// FieldRow returns the row of field c of a form sheet (基础信息, 文字材料),
// 0 when the sheet is no form.
func FieldRow(c schema.Col) int {
	if c.Sheet().Kind != schema.Form {
		return 0
	}
	return FirstDataRow + c.Index()
}

// Cell returns the A1 reference of column c's cell in data row n (1 = the
// first record) of a table sheet, or of the field's value cell in a form
// sheet (n ignored).
func Cell(c schema.Col, n int) string {
	if c.Sheet().Kind == schema.Form {
		return fmt.Sprintf("B%d", FieldRow(c))
	}
	return fmt.Sprintf("%s%d", ColumnLetter(c), FirstDataRow+n-1)
}

// New builds the workbook in memory; the caller may fill cells, then save.
func New(opts Options) (*excelize.File, error) {
	b, err := newBuilder(opts)
	if err != nil {
		return nil, err
	}
	if err := b.build(); err != nil {
		_ = b.f.Close()
		return nil, err
	}
	return b.f, nil
}

// Write builds the workbook and writes it to path atomically (a temporary
// file in the same folder, then renamed). An existing file is an error
// wrapping fs.ErrExist unless force.
func Write(path string, opts Options, force bool) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
		}
	}
	f, err := New(opts)
	if err != nil {
		return err
	}
	defer f.Close()
	return Save(f, path, force)
}

// Save writes f to path atomically; without force an existing path is an
// error wrapping fs.ErrExist and is left unchanged.
func Save(f *excelize.File, path string, force bool) error {
	return atomicfile.Write(path, force, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

// builder holds the state of one workbook being built.
type builder struct {
	f         *excelize.File
	l         msg.Lang
	lists     schema.Lists
	window    config.Window
	maxBytes  int64
	rows      int
	sheets    []*schema.Sheet
	listNames map[string]string // option-list name → defined name
	elig      config.Eligibility
	st        styles
	spaceName string
}

func newBuilder(opts Options) (*builder, error) {
	def := config.Default()
	b := &builder{
		l:         opts.Lang,
		lists:     schema.DefaultLists().With(opts.Lists),
		window:    opts.Window,
		maxBytes:  opts.MaxBytes,
		rows:      opts.Rows,
		listNames: map[string]string{},
		spaceName: strings.TrimSpace(opts.SpaceName),
	}
	if b.l == "" {
		b.l = msg.ZH
	}
	if b.window.Start.IsZero() && b.window.End.IsZero() {
		b.window = def.Window
	}
	if b.window.End.Before(b.window.Start) {
		return nil, fmt.Errorf("window end %s before start %s", b.window.End.Format(config.DateLayout), b.window.Start.Format(config.DateLayout))
	}
	if b.maxBytes <= 0 {
		b.maxBytes = def.MaxBytes
	}
	b.elig = def.Eligibility
	if opts.Eligibility != nil {
		b.elig = *opts.Eligibility
	}
	if b.rows <= 0 {
		b.rows = DefaultRows
	}
	if len(opts.Sheets) == 0 {
		b.sheets = schema.Sheets()
	} else {
		want := map[*schema.Sheet]bool{}
		for _, n := range opts.Sheets {
			s := schema.ByName(n)
			if s == nil {
				s = schema.ByKey(strings.TrimSpace(n))
			}
			if s == nil {
				return nil, &UnknownSheetError{Name: n}
			}
			want[s] = true
		}
		for _, s := range schema.Sheets() {
			if want[s] {
				b.sheets = append(b.sheets, s)
			}
		}
	}
	return b, nil
}

// lastRow is the last row with validation and formatting.
func (b *builder) lastRow() int { return FirstDataRow + b.rows - 1 }

func (b *builder) has(s *schema.Sheet) bool { return slices.Contains(b.sheets, s) }

func (b *builder) build() error {
	b.f = excelize.NewFile()
	f := b.f
	var err error
	if b.st, err = newStyles(f); err != nil {
		return err
	}
	if err = f.SetSheetName("Sheet1", schema.InstructionsSheet); err != nil {
		return err
	}
	for _, s := range b.sheets {
		if _, err = f.NewSheet(s.Name); err != nil {
			return err
		}
	}
	totals := b.totals()
	if len(totals) > 0 {
		if _, err = f.NewSheet(schema.SummarySheet); err != nil {
			return err
		}
	}
	if err = b.writeLists(); err != nil {
		return err
	}
	if err = b.writeTeamNames(); err != nil {
		return err
	}
	for _, s := range b.sheets {
		if s.Kind == schema.Form {
			err = b.writeForm(s)
		} else {
			err = b.writeTable(s)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	if len(totals) > 0 {
		if err = b.writeSummary(totals); err != nil {
			return fmt.Errorf("sheet %s: %w", schema.SummarySheet, err)
		}
	}
	if err = b.writeInstructions(); err != nil {
		return fmt.Errorf("sheet %s: %w", schema.InstructionsSheet, err)
	}
	f.SetActiveSheet(0)
	if err = b.setProps(); err != nil {
		return err
	}
	full := true
	return f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full})
}

// setProps records the template version in the document properties: the
// validator and `mkspace verify` can tell which layout they read.
func (b *builder) setProps() error {
	now := time.Now().UTC().Format(time.RFC3339)
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:       "国家备案众创空间申报数据",
		Subject:     "mkspace 填报工作簿 / fill-in workbook, template " + version.Template,
		Creator:     "mkspace",
		Keywords:    "mkspace; template " + version.Template,
		Description: "Generated by mkspace " + version.Tool + ". Template version " + version.Template + ".",
		Category:    "mkspace-template",
		Version:     version.Template,
		Created:     now,
		Modified:    now,
		Language:    "zh-CN",
	})
	if err != nil {
		return err
	}
	return b.f.SetCustomProps(excelize.CustomProperty{Name: PropTemplateVersion, Value: version.Template})
}

// PropTemplateVersion is the custom document property holding the template
// version.
const PropTemplateVersion = version.TemplateProperty

// colName returns the letters of 1-based column n.
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// dispWidth estimates the width of s in Excel character units: CJK and
// full-width characters count two.
func dispWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == '\n':
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
			(r >= 0xffe0 && r <= 0xffe6) || r >= 0x20000):
			w += 2
		default:
			w++
		}
	}
	return w
}

// lineCount estimates how many lines text takes in a column of width w.
func lineCount(text string, w float64) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		k := int(dispWidth(line)/(w*0.92)) + 1
		n += k
	}
	return n
}
