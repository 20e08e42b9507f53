// Package inputs knows the files one run of a command reads — the
// workbooks, the configuration, the attachments the workbooks name, the
// 申报书 or zip being verified — and refuses any output that would be
// written over one of them. Every writer asks the same Set before it
// writes; no flag (--force included) lifts the refusal.
package inputs

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// ErrInput is what a refusal wraps (errors.Is).
var ErrInput = errors.New("the output is a file the run reads")

// Error refuses an output that is one of the run's inputs.
type Error struct {
	Output string // the output as named
	Input  string // the input it is, as named (may differ: a link, another spelling)
}

func (e *Error) Error() string {
	if e.Output == e.Input {
		return e.Output + ": " + ErrInput.Error()
	}
	return e.Output + ": " + ErrInput.Error() + " (" + e.Input + ")"
}

func (e *Error) Is(target error) bool { return target == ErrInput }

// Set is the inputs of a run. The zero value is empty and ready; a nil
// *Set holds nothing and refuses nothing. It is safe for concurrent use.
type Set struct {
	mu    sync.Mutex
	names []string          // as given, in order
	seen  map[string]string // resolved path → name as given
}

// Add records paths the run reads (or looks for: a configuration file
// that does not exist yet is still a name the run reads, and a report
// written there would become the package's configuration). Empty names
// are ignored.
func (s *Set) Add(paths ...string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen == nil {
		s.seen = map[string]string{}
	}
	for _, p := range paths {
		if p == "" {
			continue
		}
		key := fold(resolve(p))
		if _, dup := s.seen[key]; dup {
			continue
		}
		s.seen[key] = p
		s.names = append(s.names, p)
	}
}

// Len is the number of inputs recorded.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.names)
}

// Check returns an *Error when writing out would replace an input: out is
// the same file as an input (compared by identity, so a hard link, a
// symbolic link or another spelling of the path is caught), or, when out
// does not exist, names the same place as an input that does not exist
// either (an attachment the workbook names that is still missing).
func (s *Set) Check(out string) error {
	if s == nil || out == "" {
		return nil
	}
	key := fold(resolve(out))
	s.mu.Lock()
	in, named := s.seen[key]
	names := append([]string(nil), s.names...)
	s.mu.Unlock()
	if named {
		return &Error{Output: out, Input: in}
	}
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil
	}
	for _, in := range names {
		if inInfo, err := os.Stat(in); err == nil && os.SameFile(outInfo, inInfo) {
			return &Error{Output: out, Input: in}
		}
	}
	return nil
}

// resolve makes p absolute with the symbolic links resolved: of the whole
// path when it exists, else of its folder.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// fold compares names as the usual file systems of the platform do:
// without regard to case on Windows and macOS.
func fold(p string) string {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.ToLower(p)
	}
	return p
}
