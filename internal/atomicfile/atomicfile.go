// Package atomicfile writes files so that a reader (or a crash) never sees
// half of one: the content goes to a temporary file in the target's folder,
// which is synced and then put in place in one step.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes path through write. With replace false an existing path is
// left unchanged and the error wraps fs.ErrExist; the temporary file is
// hard-linked into place, which never replaces a file, so there is no gap
// between a check and the write (file systems without links, such as FAT
// on a USB stick, fall back to check-then-rename). With replace true the
// temporary file is renamed over path. On any error nothing is left behind.
func Write(path string, replace bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if !replace {
		if _, serr := os.Lstat(path); serr == nil {
			return exists(path)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer func() {
		if tmp != nil {
			_ = tmp.Close()
		}
		_ = os.Remove(name) // after a rename: nothing; after a link: the extra name
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	err = tmp.Close()
	tmp = nil
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(name, path)
	}
	if lerr := os.Link(name, path); lerr == nil {
		return nil
	} else if errors.Is(lerr, fs.ErrExist) {
		return exists(path)
	}
	if _, serr := os.Lstat(path); serr == nil {
		return exists(path)
	}
	return os.Rename(name, path)
}

// WriteReader writes the content of r to path (see Write).
func WriteReader(path string, replace bool, r io.Reader) error {
	return Write(path, replace, func(w io.Writer) error {
		_, err := io.Copy(w, r)
		return err
	})
}

func exists(path string) error {
	return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
}
