package pack

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/workbook"
)

// IsPDF reports whether a file is a PDF: by its extension, else by its
// first bytes.
func IsPDF(path string) bool {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return true
	}
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		return false
	}
	f, err := safefile.Open(path) // a pipe or a device is not read
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 5)
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], []byte("%PDF-"))
}

// PackageOfPDF guesses the package of a 申报书 when none is given: the
// current folder when it holds a workbook, else the PDF's own folder when
// it does, else the folder above it (build-pdf writes into
// <package>/output/, and a user may run verify from inside output/).
// The folder is relative to the working folder where it lies inside it.
func PackageOfPDF(pdf string) string {
	if holdsWorkbook(".") {
		return "."
	}
	dir := filepath.Dir(pdf)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	if holdsWorkbook(abs) {
		return dir
	}
	if parent := filepath.Dir(abs); parent != abs {
		if holdsWorkbook(parent) {
			if wd, err := os.Getwd(); err == nil {
				if rel, err := filepath.Rel(wd, parent); err == nil && !strings.HasPrefix(rel, "..") {
					return rel
				}
			}
			return parent
		}
	}
	return dir
}

// holdsWorkbook reports whether a folder holds a workbook (.xlsx, .xlsm).
func holdsWorkbook(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && workbook.IsWorkbookName(e.Name()) && !strings.HasPrefix(e.Name(), "~$") {
			return true
		}
	}
	return false
}
