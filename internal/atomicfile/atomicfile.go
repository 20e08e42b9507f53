// Package atomicfile writes files so that a reader (or a crash) never sees
// half of one: the content goes to a temporary file in the target's folder,
// which is synced and then put in place in one step.
package atomicfile

import (
	"bufio"
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
func Write(path string, replace bool, write func(io.Writer) error) error {
	if !replace {
		if _, serr := os.Lstat(path); serr == nil {
			return exists(path)
		}
	}
	s, err := Stage(path, write)
	if err != nil {
		return err
	}
	defer s.Discard()
	return s.Commit(replace)
}

// WriteReader writes the content of r to path (see Write).
func WriteReader(path string, replace bool, r io.Reader) error {
	return Write(path, replace, func(w io.Writer) error {
		_, err := io.Copy(w, r)
		return err
	})
}

// Staged is the whole content of a file, written and synced into a
// temporary file beside its place, not yet in place: the caller commits
// it (when whatever must go with it has succeeded) or discards it.
type Staged struct {
	tmp, path string
}

// Stage writes path's content through write (buffered) into a temporary
// file in path's folder. On error nothing is left behind.
func Stage(path string, write func(io.Writer) error) (s *Staged, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	name := tmp.Name()
	defer func() {
		if tmp != nil {
			_ = tmp.Close()
		}
		if err != nil {
			_ = os.Remove(name)
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return nil, err
	}
	if err = bw.Flush(); err != nil {
		return nil, err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return nil, err
	}
	if err = tmp.Sync(); err != nil {
		return nil, err
	}
	err = tmp.Close()
	tmp = nil
	if err != nil {
		return nil, err
	}
	return &Staged{tmp: name, path: path}, nil
}

// Path is where the file goes.
func (s *Staged) Path() string { return s.path }

// Commit puts the file in place: renamed over path (replace), or linked
// there, failing with an error wrapping fs.ErrExist when path exists
// (see Write). After Commit, Discard does nothing.
func (s *Staged) Commit(replace bool) error {
	if s.tmp == "" {
		return errors.New("atomicfile: committed or discarded already")
	}
	name := s.tmp
	if replace {
		if err := os.Rename(name, s.path); err != nil {
			return err
		}
		s.tmp = ""
		return nil
	}
	lerr := os.Link(name, s.path)
	if lerr == nil {
		s.Discard() // the extra name
		return nil
	}
	if errors.Is(lerr, fs.ErrExist) {
		return exists(s.path)
	}
	if _, serr := os.Lstat(s.path); serr == nil {
		return exists(s.path)
	}
	if err := os.Rename(name, s.path); err != nil {
		return err
	}
	s.tmp = ""
	return nil
}

// Discard removes the temporary file unless it was committed. It may be
// called on a nil *Staged and more than once (defer it).
func (s *Staged) Discard() {
	if s == nil || s.tmp == "" {
		return
	}
	_ = os.Remove(s.tmp)
	s.tmp = ""
}

func exists(path string) error {
	return &fs.PathError{Op: "write", Path: path, Err: fs.ErrExist}
}
