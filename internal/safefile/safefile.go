// Package safefile opens files whose names come from data that is not to
// be trusted — a manifest, an archive, a workbook cell, a configuration of
// a received package — so that reading them can neither leave the folder
// they belong to, nor block (a named pipe), nor run without end (a device
// such as /dev/zero, a file that keeps growing).
//
// A file is opened without blocking, and only a regular file is kept: the
// check is made on the opened file, not on a name looked at before (which
// could be swapped between the look and the opening). Names are resolved
// inside a folder with os.Root: no "..", absolute path or symbolic link
// leads out of it.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var (
	// ErrOutside: the name leads outside the folder (an absolute path,
	// ".." steps or a symbolic link).
	ErrOutside = errors.New("the path leads outside the folder")
	// ErrNotRegular: the name is a folder, a device, a named pipe or a
	// socket, not a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file holds more bytes than the limit.
	ErrTooLarge = errors.New("the file is larger than the limit")
)

// Open opens path for reading when it is a regular file (following
// symbolic links, as os.Open does). A named pipe is opened without
// blocking and refused.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	return regular(f, path)
}

// OpenIn opens name inside root when it is a regular file there. Its
// separators are '/' or '\' (as Windows tools write them). A name that
// leads outside root is ErrOutside; one that is not there is
// fs.ErrNotExist.
func OpenIn(root *os.Root, name string) (*os.File, error) {
	if Outside(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrOutside}
	}
	f, err := openIn(root, name)
	if err != nil {
		return nil, err
	}
	return regular(f, name)
}

// local is name with the system's separators.
func local(name string) string {
	return filepath.FromSlash(strings.ReplaceAll(name, `\`, "/"))
}

// Outside reports whether name, read as a relative path with '/' or '\'
// separators, is empty, absolute or climbs above its folder.
func Outside(name string) bool {
	n := strings.ReplaceAll(name, `\`, "/")
	if n == "" || strings.HasPrefix(n, "/") || filepath.IsAbs(name) || filepath.VolumeName(name) != "" {
		return true
	}
	if len(n) >= 2 && n[1] == ':' {
		return true
	}
	return !filepath.IsLocal(filepath.FromSlash(n)) && n != "."
}

// regular keeps f when it is a regular file.
func regular(f *os.File, name string) (*os.File, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return f, nil
}

// ReadAll reads r to its end, refusing with ErrTooLarge more than limit
// bytes.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	return data, nil
}

// ReadFile reads the regular file path, at most limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := ReadAll(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return data, nil
}

// ReadFileIn reads the regular file name inside root, at most limit
// bytes.
func ReadFileIn(root *os.Root, name string, limit int64) ([]byte, error) {
	f, err := OpenIn(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := ReadAll(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

// LimitedReader reads at most N bytes of R and then fails with
// ErrTooLarge if more remain (unlike io.LimitReader, which ends quietly).
type LimitedReader struct {
	R io.Reader
	N int64
}

func (l *LimitedReader) Read(p []byte) (int, error) {
	if l.N <= 0 {
		var one [1]byte
		if n, _ := l.R.Read(one[:]); n > 0 {
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	n, err := l.R.Read(p)
	l.N -= int64(n)
	return n, err
}

// OpenDirIn opens the folder name inside root (for reading its entries),
// refusing one that leads outside root.
func OpenDirIn(root *os.Root, name string) (*os.File, error) {
	if name != "." && Outside(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrOutside}
	}
	f, err := openIn(root, name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f, nil
}

// openIn opens name inside root without blocking (a named pipe answers at
// once); what os.Root refuses because it escapes root, through ".." or a
// link, is ErrOutside.
func openIn(root *os.Root, name string) (*os.File, error) {
	f, err := root.OpenFile(local(name), os.O_RDONLY|nonblock, 0)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) && !isNotDir(pe.Err) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w: %w", ErrOutside, pe.Err)}
		}
		return nil, err
	}
	return f, nil
}
