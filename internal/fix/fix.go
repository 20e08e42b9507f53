// Package fix does the hand work on a package that can be done safely:
// it plans a list of changes, each reported, then applies them to the
// workbook through a temporary file in the same folder, the original kept
// as a byte-identical backup (申报数据.xlsx.bak-<time>).
//
//	Load(dir) ──▶ Package ──Plan(actions)──▶ []Change ──Apply──▶ workbook(s) rewritten
//
// Each action (Action) looks at the package as read before any change and
// returns its changes; the actions run in the order of Actions, and no two
// of them touch the same cell (each looks at cells in a state the others
// leave alone: blank attachment cells, text dates and numbers, formulas,
// blank 注册时间, attachment cells naming a missing file).
//
// Cells are edited with excelize on the opened file: a value is set in
// place, the cell's style kept (its number format adapted where the value's
// type needs it), so formatting, data validations, notes, conditional
// formats, defined names and the other sheets (the 汇总 formulas) stay.
// Excel, WPS and LibreOffice recalculate the 汇总 sheet on opening.
package fix

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/attachname"
	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Action is one kind of fix. Plan looks at the package (never changing
// it) and returns the changes the action would make, those it declines to
// guess (Change.Skipped) included.
//
// The actions of Actions run in order. Those on files (image: an image
// to an A4 PDF; shrink: an oversize scanned PDF made smaller, see scan.go)
// do their file work in Change.Files, before the workbook is written.
type Action interface {
	// Name is the action's id (ActionLink…), its message key prefix.
	Name() string
	Plan(p *Package) ([]Change, error)
}

// Ids of the actions.
const (
	ActionLink     = "link"
	ActionType     = "type"
	ActionFormula  = "formula"
	ActionRegdate  = "regdate"
	ActionNearName = "near-name"
)

// Actions returns the actions in the order they run. values adds the
// replacement of formulas by their cached values (otherwise only offered).
// ctx stops the conversions and the shrinking, which are done while
// planning.
func Actions(ctx context.Context, values bool) []Action {
	return []Action{linkAction{}, imageAction{ctx}, shrinkAction{ctx}, typeAction{},
		formulaAction{apply: values}, regdateAction{}, nearNameAction{}}
}

// Change is one change to a cell (or a file), as reported.
type Change struct {
	Action string // the action's id
	// Variant of the report's text ("" the change itself; "ambiguous",
	// "offer"…: listed, not made).
	Variant string
	File    string // the workbook, as given to Load
	Sheet   string // the sheet name as written
	Ref     string // A1 reference
	Column  string // the column header (or form field)
	Old     string // the cell as read ("" blank)
	New     string // the value written, as shown
	// Candidates lists the files an ambiguous link could mean.
	Candidates []string
	// Skipped: listed only, never made.
	Skipped bool
	// Msg, when set, is the message key of the report's text instead of
	// fix.<action>[.<variant>], with Args its own placeholders.
	Msg  string
	Args []string

	// Files does the change's work on files before the workbook is
	// written (nil: none).
	Files func(ctx context.Context) error
	// Set writes the change into the opened workbook (nil: nothing to set).
	Set func(e *Editor) error
}

// Loc is the Excel-style place of the change.
func (c *Change) Loc() string { return c.Sheet + "!" + c.Ref }

// Package is a package as the actions see it: its typed rows, as read
// before any change, and the files under attachments/.
type Package struct {
	Dir    string
	Cfg    *config.Config
	Files  []string // the workbooks
	Tables []*Table
	// Attachments lists every file under attachments/ (package-relative,
	// "/" separators, sorted).
	Attachments []string
}

// Table is one data sheet with its rows.
type Table struct {
	*workbook.Table
	Rows []Row
}

// Row is one typed row, kept.
type Row struct {
	Number int
	Cells  []workbook.Cell
	Values []cell.Value
	States []rows.State
}

// Table returns the table of the sheet with key, or nil.
func (p *Package) Table(key string) *Table {
	for _, t := range p.Tables {
		if t.Sheet.Key == key {
			return t
		}
	}
	return nil
}

// Load reads the package in dir.
func Load(dir string, cfg *config.Config) (*Package, error) {
	wp, err := workbook.Open([]string{dir}, cfg)
	if err != nil {
		return nil, err
	}
	defer wp.Close()
	p := &Package{Dir: wp.Dir, Cfg: cfg, Files: slices.Clone(wp.Files)}
	var cur *Table
	rows.Run(wp, cfg.Lists, &collector{begin: func(t *workbook.Table) {
		cur = &Table{Table: t}
		p.Tables = append(p.Tables, cur)
	}, row: func(r *rows.Row) {
		cur.Rows = append(cur.Rows, Row{Number: r.Number, Cells: slices.Clone(r.Cells),
			Values: slices.Clone(r.Values), States: slices.Clone(r.States)})
	}})
	root := filepath.Join(p.Dir, attachname.Folder)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return fs.SkipDir // no attachments folder
			}
			return nil
		}
		if d.Type().IsRegular() {
			rel, rerr := filepath.Rel(p.Dir, path)
			if rerr == nil {
				p.Attachments = append(p.Attachments, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(p.Attachments)
	return p, nil
}

type collector struct {
	begin func(*workbook.Table)
	row   func(*rows.Row)
}

func (c *collector) Begin(t *workbook.Table)         { c.begin(t) }
func (c *collector) Row(r *rows.Row)                 { c.row(r) }
func (c *collector) EndTable(*workbook.Table, error) {}
func (c *collector) End()                            {}

// Plan runs the actions over p and returns their changes, in order.
func Plan(p *Package, actions []Action) ([]Change, error) {
	var out []Change
	for _, a := range actions {
		cs, err := a.Plan(p)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// Options of Apply.
type Options struct {
	// NoBackup leaves no backup of the workbook.
	NoBackup bool
	// Now is the clock of the backup's name (nil: time.Now).
	Now func() time.Time
	// Write writes the changed workbook (nil: excelize's Write); tests
	// replace it with a writer that fails.
	Write func(f *excelize.File, w io.Writer) error
}

// Result is what Apply did.
type Result struct {
	Written []string // the workbooks rewritten
	Backups []string // their backups
}

// Apply makes the changes that are not Skipped: their file work first,
// then, per workbook, the cells set on the opened file, written to a
// temporary file beside it; the original is copied to its backup and the
// temporary file renamed over it. On any error before the rename the
// workbook is untouched and no temporary file is left.
func Apply(ctx context.Context, p *Package, changes []Change, o Options) (Result, error) {
	var res Result
	now := o.Now
	if now == nil {
		now = time.Now
	}
	write := o.Write
	if write == nil {
		write = func(f *excelize.File, w io.Writer) error { return f.Write(w) }
	}
	byFile := map[string][]*Change{}
	for i := range changes {
		c := &changes[i]
		if c.Skipped {
			continue
		}
		if c.Files != nil {
			if err := c.Files(ctx); err != nil {
				return res, err
			}
		}
		if c.Set != nil {
			byFile[c.File] = append(byFile[c.File], c)
		}
	}
	for _, file := range p.Files {
		cs := byFile[file]
		if len(cs) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return res, err
		}
		backup, err := rewrite(file, cs, o.NoBackup, now(), write)
		if err != nil {
			return res, err
		}
		res.Written = append(res.Written, file)
		if backup != "" {
			res.Backups = append(res.Backups, backup)
		}
	}
	return res, nil
}

// rewrite applies cs to the workbook file and puts it in place.
func rewrite(file string, cs []*Change, noBackup bool, now time.Time, write func(*excelize.File, io.Writer) error) (backup string, err error) {
	f, err := excelize.OpenFile(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	e := &Editor{F: f, styles: map[styleKey]int{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		e.date1904 = *props.Date1904
	}
	for _, c := range cs {
		if err := c.Set(e); err != nil {
			return "", fmt.Errorf("%s: %w", c.Loc(), err)
		}
	}
	// The 汇总 formulas' cached results are stale now: every program
	// recalculates on opening.
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return "", err
	}
	staged, err := atomicfile.Stage(file, func(w io.Writer) error { return write(f, w) })
	if err != nil {
		return "", err
	}
	defer staged.Discard()
	if !noBackup {
		backup = fmt.Sprintf("%s.bak-%s", file, now.Format("20060102-150405"))
		in, err := os.Open(file)
		if err != nil {
			return "", err
		}
		err = atomicfile.WriteReader(backup, false, in)
		in.Close()
		if err != nil {
			return "", err
		}
	}
	if err := staged.Commit(true); err != nil {
		if backup != "" {
			_ = os.Remove(backup)
		}
		return "", err
	}
	return backup, nil
}

// Editor edits the cells of one opened workbook.
type Editor struct {
	F        *excelize.File
	styles   map[styleKey]int
	date1904 bool
}

type styleKey struct {
	from int
	typ  schema.Type
}

// SetText writes a text cell, its style kept.
func (e *Editor) SetText(sheet, ref, s string) error {
	return e.F.SetCellStr(sheet, ref, s)
}

// SetValue writes a typed value of column col: a date as a date cell, a
// number as a number cell, with a number format that shows it as such
// (the cell's own when it fits, else the column's, else a copy of the
// cell's style with a date or general format).
func (e *Editor) SetValue(sheet, ref string, col *schema.Column, v cell.Value) error {
	f := e.F
	switch col.Type {
	case schema.Date:
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if e.date1904 {
			base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		serial := float64(v.Date.Sub(base).Hours() / 24)
		if err := f.SetCellFloat(sheet, ref, serial, -1, 64); err != nil {
			return err
		}
	case schema.Int:
		if err := f.SetCellInt(sheet, ref, v.Int); err != nil {
			return err
		}
	case schema.Decimal:
		x, _ := v.Dec.Float64()
		if err := f.SetCellFloat(sheet, ref, x, -1, 64); err != nil {
			return err
		}
	default:
		return e.SetText(sheet, ref, v.Text)
	}
	return e.fitStyle(sheet, ref, col.Type)
}

func (e *Editor) fitStyle(sheet, ref string, typ schema.Type) error {
	f := e.F
	cur, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(cur)
	if err != nil {
		return err
	}
	if fits(st, typ) {
		return nil
	}
	if id, ok := e.styles[styleKey{cur, typ}]; ok {
		return f.SetCellStyle(sheet, ref, ref, id)
	}
	col, _, err := excelize.SplitCellName(ref)
	if err != nil {
		return err
	}
	id := -1
	if cs, err := f.GetColStyle(sheet, col); err == nil && cs != cur {
		if cst, err := f.GetStyle(cs); err == nil && fits(cst, typ) {
			id = cs
		}
	}
	if id < 0 {
		ns := *st
		ns.NumFmt, ns.CustomNumFmt = 0, nil
		if typ == schema.Date {
			layout := "yyyy-mm-dd"
			ns.CustomNumFmt = &layout
		}
		if id, err = f.NewStyle(&ns); err != nil {
			return err
		}
	}
	e.styles[styleKey{cur, typ}] = id
	return f.SetCellStyle(sheet, ref, ref, id)
}

// fits reports whether a style shows a value of type typ as such: a date
// format for dates, anything but text ("@") for numbers.
func fits(st *excelize.Style, typ schema.Type) bool {
	if typ != schema.Date {
		return st.NumFmt != 49 && (st.CustomNumFmt == nil || *st.CustomNumFmt != "@")
	}
	if st.CustomNumFmt != nil {
		s := strings.ToLower(*st.CustomNumFmt)
		return strings.Contains(s, "y") || strings.Contains(s, "d") && !strings.Contains(s, "0")
	}
	return st.NumFmt >= 14 && st.NumFmt <= 22 || st.NumFmt >= 27 && st.NumFmt <= 36 || st.NumFmt >= 50 && st.NumFmt <= 58
}

// fileExists reports whether the package-relative path names a file.
func fileExists(dir, rel string) bool {
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil && !st.IsDir()
}
