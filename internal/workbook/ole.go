package workbook

import (
	"bytes"
	"io"
	"os"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// classifyOLE names an OLE2 compound file (magic D0 CF 11 E0): an
// encrypted .xlsx (streams EncryptionInfo + EncryptedPackage), an old .xls
// or a WPS .et (stream Workbook or Book), or another Office 97-2003 file.
func classifyOLE(f *os.File) error {
	names := oleStreamNames(f)
	has := func(n string) bool { _, ok := names[n]; return ok }
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return newUnreadable("workbook.encrypted", nil)
	case has("Workbook") || has("Book") || has("WORKBOOK") || has("BOOK"):
		return newUnreadable("workbook.xls", nil)
	case has("WordDocument"):
		return newUnreadable("workbook.not-workbook", nil, "kind", "Word 97-2003 (.doc)")
	case has("PowerPoint Document"):
		return newUnreadable("workbook.not-workbook", nil, "kind", "PowerPoint 97-2003 (.ppt)")
	}
	return newUnreadable("workbook.xls", nil)
}

// oleStreamNames lists the stream names of a compound file. When the
// directory cannot be parsed it falls back to looking for the UTF-16 names
// this classification cares about anywhere in the file.
func oleStreamNames(f *os.File) (names map[string]struct{}) {
	names = map[string]struct{}{}
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		r, err := mscfb.New(f)
		if err != nil {
			return false
		}
		for _, e := range r.File {
			names[e.Name] = struct{}{}
		}
		return true
	}()
	if ok {
		return names
	}
	wanted := []string{"EncryptedPackage", "EncryptionInfo", "Workbook", "Book", "WordDocument", "PowerPoint Document"}
	patterns := make([][]byte, len(wanted))
	for i, w := range wanted {
		for _, u := range utf16.Encode([]rune(w)) {
			patterns[i] = append(patterns[i], byte(u), byte(u>>8))
		}
	}
	buf := make([]byte, 1<<20)
	var carry []byte
	var off int64
	for off < 64<<20 { // the directory is near the start or the end of small files; bound the scan
		n, err := f.ReadAt(buf, off)
		chunk := append(carry, buf[:n]...)
		for i, p := range patterns {
			if bytes.Contains(chunk, p) {
				names[wanted[i]] = struct{}{}
			}
		}
		if err == io.EOF || n == 0 {
			break
		}
		off += int64(n)
		carry = append(carry[:0], chunk[max(len(chunk)-64, 0):]...)
	}
	return names
}
