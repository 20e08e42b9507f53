package workbook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Package is one application package as read: its workbooks, the data
// sheets found in them and the structural findings.
//
// Open reads every workbook's sheet list, locates each data sheet's header
// row and reads the form sheets (基础信息, 文字材料) whole; the rows of the
// table sheets are streamed by Each, never held in memory together.
type Package struct {
	Dir      string            // the package folder (attachments are relative to it)
	Files    []string          // the .xlsx files read, in order (paths as given/joined)
	Tables   []*Table          // data sheets found, in schema order
	Findings []finding.Finding // structural findings, messages rendered in the config's language

	cfg   *config.Config
	books []*book
	mu    sync.Mutex // guards Findings and Table.failed during Each
}

// Error is a problem that stops the command before any data is read (the
// command exits 2): a path that does not exist, a folder that cannot be
// listed. Problems of the files themselves are findings, not errors.
type Error struct {
	Key  string   // message key in the catalogue
	Args []string // placeholders
	Err  error
}

func (e *Error) Error() string { return e.Localized(msg.ZH) }

func (e *Error) Unwrap() error { return e.Err }

// Localized renders the error in lang.
func (e *Error) Localized(l msg.Lang) string {
	return l.T(e.Key, withCause(slices.Clone(e.Args), e.Err, l)...)
}

// withCause sets the {err} of the placeholders kv to the cause err in l:
// a refusal of the system or a damaged archive in plain words.
// A value naming a text of the catalogue (workbook.kind.*, the kind of a
// file that is not a workbook; workbook.reason.*) is rendered in l too.
func withCause(kv []string, err error, l msg.Lang) []string {
	for i := 1; i < len(kv); i += 2 {
		if (strings.HasPrefix(kv[i], "workbook.kind.") || strings.HasPrefix(kv[i], "workbook.reason.")) && msg.Has(kv[i]) {
			kv[i] = l.T(kv[i])
		}
	}
	for i := 1; err != nil && i < len(kv); i += 2 {
		if kv[i-1] == "err" {
			kv[i] = l.Cause(err)
		}
	}
	return kv
}

// Open reads one package: paths is either one folder (every *.xlsx and
// *.xlsm in it, not recursive, skipping hidden files and Office lock files
// "~$*"; the extension is matched without regard to case; an .xlsm is read
// like an .xlsx, its macros neither read nor run) or one or more .xlsx files
// (the package folder is then the folder of the first file). Problems in the
// data are findings; the error (an *Error) is only for when the command
// cannot run: no path, a path that does not exist, a folder that cannot be
// listed, a folder mixed with files.
//
// A nil cfg means config.Default(). Call Close when done.
func Open(paths []string, cfg *config.Config) (*Package, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	dir, files, others, err := resolve(paths)
	if err != nil {
		return nil, err
	}
	p := &Package{Dir: dir, Files: files, cfg: cfg}
	if len(files) == 0 {
		key, kv := "workbook.no-workbook", []string{"dir", dir}
		if len(others) > 0 {
			key, kv = "workbook.no-workbook-others", append(kv, "names", p.join(others, "、", ", "))
		}
		p.add(finding.Finding{Rule: finding.FileUnreadable, File: dir}, key, kv...)
		return p, nil
	}

	fileFailed := false
	for _, path := range files {
		rel := p.relPath(path)
		b, err := safeOpenBook(path, rel, cfg.Limits)
		if err != nil {
			fileFailed = true
			p.unreadable(rel, "", err)
			continue
		}
		p.books = append(p.books, b)
		p.checkTemplate(b)
	}

	found := map[*schema.Sheet]*Table{}
	for _, b := range p.books {
		for _, bs := range b.sheets {
			sh := schema.ByName(bs.name)
			if sh == nil {
				root := ""
				if bs.part != "" {
					root = b.rootOf(bs.part)
				}
				if root != "" && root != "worksheet" {
					// A macro, dialog or chart sheet: named for what it is
					// (its macros are never run).
					p.add(finding.Finding{Rule: finding.SheetUnknown, File: b.rel, Sheet: bs.name},
						"workbook.sheet-special-unknown", "file", b.rel, "sheet", bs.name, "kind", p.sheetKind(root))
				} else if !schema.IsAuxiliary(bs.name) {
					p.sheetUnknown(b.rel, bs.name)
				}
				continue
			}
			if first, dup := found[sh]; dup {
				p.add(finding.Finding{Rule: finding.SheetDuplicate, File: b.rel, Sheet: bs.name},
					"workbook.sheet-duplicate", "file", b.rel, "sheet", sh.Name, "first", first.RelFile)
				continue
			}
			found[sh] = &Table{Sheet: sh, File: b.path, RelFile: b.rel, Name: bs.name, Date1904: b.date1904,
				Present: make([]bool, len(sh.Columns)), book: b, part: bs.part}
		}
	}
	for _, sh := range schema.Sheets() {
		t := found[sh]
		if t == nil {
			if !fileFailed {
				p.add(finding.Finding{Rule: finding.SheetMissing, Sheet: sh.Name},
					"workbook.sheet-missing", "sheet", sh.Name, "sheet_en", sh.NameEN)
			}
			continue
		}
		p.Tables = append(p.Tables, t)
		p.prepare(t)
	}
	return p, nil
}

// Table returns the data sheet with the schema key (e.g. "teams"), or nil
// when the package has none.
func (p *Package) Table(key string) *Table {
	for _, t := range p.Tables {
		if t.Sheet.Key == key {
			return t
		}
	}
	return nil
}

// Close releases the files. The package's rows cannot be read after it.
func (p *Package) Close() error {
	var errs []error
	for _, b := range p.books {
		errs = append(errs, b.close())
	}
	return errors.Join(errs...)
}

// resolve turns the command's paths into the package folder and its .xlsx
// files; others lists spreadsheet-like files of a folder that are not read.
func resolve(paths []string) (dir string, files, others []string, err error) {
	if len(paths) == 0 {
		return "", nil, nil, &Error{Key: "workbook.no-paths"}
	}
	if len(paths) == 1 {
		fi, err := os.Stat(paths[0])
		if err != nil {
			return "", nil, nil, statError(paths[0], err)
		}
		if fi.IsDir() {
			files, others, err := listFolder(paths[0])
			return paths[0], files, others, err
		}
	}
	seen := map[string]bool{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return "", nil, nil, statError(p, err)
		}
		if fi.IsDir() {
			return "", nil, nil, &Error{Key: "workbook.mixed-paths", Args: []string{"path", p}}
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = filepath.Clean(p)
		}
		if seen[abs] {
			continue
		}
		seen[abs] = true
		files = append(files, p)
	}
	return filepath.Dir(paths[0]), files, nil, nil
}

func statError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Key: "workbook.path-missing", Args: []string{"path", path}, Err: err}
	}
	return &Error{Key: "workbook.dir-unreadable", Args: []string{"path", path, "err", ""}, Err: err}
}

// Spreadsheet-like extensions named when a folder holds no .xlsx.
var otherSheetExts = []string{".xls", ".et", ".ett", ".csv", ".ods", ".xlsb", ".xltx", ".numbers"}

// IsWorkbookName reports whether a file name is one a package folder's
// workbooks may have: .xlsx, or .xlsm (a macro-enabled workbook, read like
// an .xlsx; its macros are neither read nor run).
func IsWorkbookName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return true
	}
	return false
}

func listFolder(dir string) (files, others []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, &Error{Key: "workbook.dir-unreadable", Args: []string{"path", dir, "err", ""}, Err: err}
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue
		}
		full := filepath.Join(dir, name)
		fi, err := os.Stat(full) // follows symbolic links
		if err != nil || fi.IsDir() {
			continue
		}
		ext := strings.ToLower(filepath.Ext(name))
		if IsWorkbookName(name) {
			files = append(files, full)
		} else if slices.Contains(otherSheetExts, ext) {
			others = append(others, name)
		}
	}
	sort.Strings(files)
	return files, others, nil
}

// relPath names a file as findings do: relative to the package folder
// (with "/" separators, as attachment paths are written) where possible,
// else as given.
func (p *Package) relPath(path string) string {
	rel, err := filepath.Rel(p.Dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.ToSlash(rel)
}

// safeOpenBook opens a book, turning a panic into an error.
func safeOpenBook(path, rel string, lim config.Limits) (b *book, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, newUnreadable("workbook.internal", nil, "err", fmt.Sprint(r))
		}
	}()
	return openBook(path, rel, lim)
}

// add appends a finding with the rule's default severity and the message of
// key rendered in the configured language.
func (p *Package) add(f finding.Finding, key string, kv ...string) {
	if f.Severity == "" {
		f.Severity = finding.DefaultSeverity(f.Rule)
	}
	f.Message = p.cfg.Lang.T(key, kv...)
	p.mu.Lock()
	p.Findings = append(p.Findings, f)
	p.mu.Unlock()
}

// join joins items with the separator of the configured language.
func (p *Package) join(items []string, zh, en string) string {
	return strings.Join(items, p.cfg.Lang.Pick(zh, en))
}

// unreadable reports FILE-UNREADABLE for a file or one of its sheets.
func (p *Package) unreadable(rel, sheet string, err error) {
	var nw *notWorksheet
	if errors.As(err, &nw) {
		p.add(finding.Finding{Rule: finding.FileUnreadable, File: rel, Sheet: sheet},
			"workbook.sheet-special", "file", rel, "sheet", sheet, "kind", p.sheetKind(nw.root))
		return
	}
	var u *unreadable
	if !errors.As(err, &u) {
		if lu := limitError(err); lu != nil {
			u = lu
		} else {
			key := "workbook.corrupt"
			if sheet != "" {
				key = "workbook.sheet-corrupt"
			}
			u = newUnreadable(key, err, "err", err.Error())
		}
	}
	key := u.key
	if sheet != "" {
		switch key {
		case "workbook.too-large":
			key = "workbook.sheet-too-large"
		case "workbook.encoding":
			key = "workbook.sheet-encoding"
		}
	}
	kv := append([]string{"file", rel, "sheet", sheet}, u.args...)
	withCause(kv, u.err, p.cfg.Lang)
	p.add(finding.Finding{Rule: finding.FileUnreadable, File: rel, Sheet: sheet}, key, kv...)
}

// sheetKind names a kind of sheet part by its root element, in the
// configured language.
func (p *Package) sheetKind(root string) string {
	return p.cfg.Lang.T(sheetKindKey(root), "root", truncateRunes(root, 40))
}

func (p *Package) sheetUnknown(rel, name string) {
	f := finding.Finding{Rule: finding.SheetUnknown, File: rel, Sheet: name}
	if like := similarSheet(name); like != "" {
		p.add(f, "workbook.sheet-unknown-like", "file", rel, "sheet", name, "like", like)
		return
	}
	names := make([]string, 0, len(schema.Sheets()))
	for _, s := range schema.Sheets() {
		names = append(names, s.Name)
	}
	p.add(f, "workbook.sheet-unknown", "file", rel, "sheet", name, "names", p.join(names, "、", ", "))
}

// similarSheet returns the data sheet an unknown sheet name most likely
// means ("创业团队表", "创 业 团 队", "入驻企业（2021）"), or "".
func similarSheet(name string) string {
	n := schema.NormalizeHeader(name)
	if len([]rune(n)) < 2 {
		return ""
	}
	for _, s := range schema.Sheets() {
		if strings.Contains(n, s.Name) || strings.Contains(s.Name, n) {
			return s.Name
		}
	}
	return ""
}

// isBlank reports whether a cell value holds nothing but white space.
func isBlank(v string) bool {
	for _, r := range v {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}
