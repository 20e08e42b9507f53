// Command gen writes the example packages of examples/: good/ (a complete,
// valid package of a made-up maker space) and broken/ (a copy with typical
// mistakes), and the figures and findings they must give (expected/).
//
//	go run ./examples/gen [-dir DIR]   (DIR defaults to examples/ of the module)
//
// Running it again gives the same files: dates, ids and document properties
// are fixed; only the encrypted attachment of broken/ would differ (its
// encryption is salted), so an existing one that still opens with the
// password is kept.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/mkspace/mkspace/internal/config"
)

// WorkbookName is the workbook file of each package.
const WorkbookName = "申报数据.xlsx"

func main() {
	dir := flag.String("dir", "", "the examples folder to write into (default: examples/ of the module)")
	flag.Parse()
	if *dir == "" {
		root, err := moduleRoot()
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		*dir = filepath.Join(root, "examples")
	}
	if err := generate(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// moduleRoot finds the folder of the module's go.mod, from the working
// folder up, so that the generator writes into examples/ wherever it runs.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(b, []byte("module github.com/mkspace/mkspace\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the mkspace module: give -dir")
		}
		dir = parent
	}
}

// generate writes everything under dir.
func generate(dir string) error {
	g := good()
	br, exp := broken(g)

	font, err := newFontKit()
	if err != nil {
		return err
	}

	w := &writer{written: map[string]bool{}}
	goodDir, brokenDir := filepath.Join(dir, "good"), filepath.Join(dir, "broken")
	if err := w.pkg(goodDir, g, font); err != nil {
		return err
	}
	if err := w.pkg(brokenDir, br, font); err != nil {
		return err
	}
	unlinkedDir := filepath.Join(dir, "unlinked")
	if err := w.pkg(unlinkedDir, unlinked(g), font); err != nil {
		return err
	}
	if err := w.file(filepath.Join(unlinkedDir, "README.md"), []byte(unlinkedReadme)); err != nil {
		return err
	}
	if err := w.file(filepath.Join(brokenDir, "README.md"), brokenReadme(exp)); err != nil {
		return err
	}
	t, err := json.MarshalIndent(totals(g, config.Default().Window), "", "  ")
	if err != nil {
		return err
	}
	if err := w.file(filepath.Join(dir, "expected", "good-totals.json"), append(t, '\n')); err != nil {
		return err
	}
	e, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		return err
	}
	if err := w.file(filepath.Join(dir, "expected", "broken-findings.json"), append(e, '\n')); err != nil {
		return err
	}
	for _, d := range []string{goodDir, brokenDir, unlinkedDir} {
		if err := w.removeStale(d); err != nil {
			return err
		}
	}
	return nil
}

// runes adds every character d prints to set.
func (d doc) runes(set map[rune]bool) {
	for _, p := range d.Pages {
		for _, s := range append([]string{p.Title, p.Seal}, p.Lines...) {
			for _, r := range s {
				set[r] = true
			}
		}
	}
}

// writer writes files, leaving unchanged ones untouched, and remembers what
// it wrote so that files of an earlier run can be removed.
type writer struct {
	written map[string]bool
}

func (w *writer) file(path string, b []byte) error {
	w.written[filepath.Clean(path)] = true
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return writeFile(path, b)
}

func (w *writer) pkg(dir string, p *pkg, font *fontKit) error {
	book := filepath.Join(dir, WorkbookName)
	w.written[filepath.Clean(book)] = true
	if err := writeWorkbook(book, p); err != nil {
		return fmt.Errorf("%s: %w", book, err)
	}
	paths := make([]string, 0, len(p.files))
	for path := range p.files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, rel := range paths {
		f := p.files[rel]
		path := filepath.Join(dir, filepath.FromSlash(rel))
		var b []byte
		switch {
		case f.raw != nil:
			b = f.raw
		case f.userPass != "":
			if keepEncrypted(path, f) {
				w.written[filepath.Clean(path)] = true
				continue
			}
			plain, err := f.doc.render(font)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if b, err = encrypt(plain, f.userPass); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		default:
			var err error
			if b, err = f.doc.render(font); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		if err := w.file(path, b); err != nil {
			return err
		}
	}
	return nil
}

// removeStale deletes the files under dir this run did not write, and the
// folders left empty.
func (w *writer) removeStale(dir string) error {
	var stale, dirs []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, path)
		} else if !w.written[filepath.Clean(path)] {
			stale = append(stale, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if entries, err := os.ReadDir(dirs[i]); err == nil && len(entries) == 0 {
			_ = os.Remove(dirs[i])
		}
	}
	return nil
}

// encrypt protects a PDF with a user password (AES): it cannot be opened
// without it.
func encrypt(plain []byte, userPass string) ([]byte, error) {
	conf := pdfcpuConf()
	conf.UserPW = userPass
	conf.OwnerPW = userPass + "-owner"
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(plain), &out, conf); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return out.Bytes(), nil
}

// keepEncrypted reports whether the encrypted file at path, from an earlier
// run, still opens with the password and has the pages of f.
func keepEncrypted(path string, f file) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	if _, err := api.PageCount(bytes.NewReader(b), pdfcpuConf()); err == nil {
		return false // opens without a password: not what is wanted
	}
	conf := pdfcpuConf()
	conf.UserPW = f.userPass
	n, err := api.PageCount(bytes.NewReader(b), conf)
	return err == nil && n == len(f.doc.Pages)
}
