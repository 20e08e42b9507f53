package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/report"
)

// Every command records the files it reads in g.inputs (readsPackage, the
// configuration in LoadConfig, the attachments once the workbooks are read)
// and passes every file it is about to write through checkOutput or
// outputErr: no output ever replaces a file of the package being read,
// --force or not.

// readsPackage records the files of a package that are known before it is
// read: the workbooks given, or those of a folder; the zip or PDF itself.
func (g *Globals) readsPackage(paths ...string) {
	for _, p := range paths {
		if p == "" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			g.inputs.Add(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			continue
		}
		for _, e := range entries {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".xlsx", ".xlsm":
				g.inputs.Add(filepath.Join(p, e.Name()))
			}
		}
	}
}

// checkOutput refuses, before any work, a file the command would write:
// a folder of that name, or a file the run reads. example is a good name
// to suggest for a folder (e.g. the command's default file name), "" for
// none.
func (g *Globals) checkOutput(path, example string) error {
	if path == "" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		if example == "" {
			example = "结果.txt"
		}
		return userErr(nil, "cli.output-is-folder", "file", path, "example", filepath.Join(path, example))
	}
	if err := g.inputs.Check(path); err != nil {
		return outputErr(err, path)
	}
	return nil
}

// checkOutputName refuses an -o that names a folder (suggesting dflt in it)
// or a file without the extension ext (badKey, suggesting the name with
// it); "" is the default name, fine.
func (g *Globals) checkOutputName(path, ext, dflt, badKey string) error {
	if path == "" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return g.checkOutput(path, dflt)
	}
	if !strings.EqualFold(filepath.Ext(path), ext) {
		return userErr(nil, badKey, "file", path, "example", strings.TrimSuffix(path, filepath.Ext(path))+ext)
	}
	return nil
}

// outputErr turns the error of writing file into the message for the
// user: an output that is an input is refused in so many words.
func outputErr(err error, file string) error {
	var ie *inputs.Error
	if errors.As(err, &ie) {
		if ie.Output == ie.Input || filepath.Clean(ie.Output) == filepath.Clean(ie.Input) {
			return userErr(err, "cli.output-is-input", "file", ie.Output)
		}
		return userErr(err, "cli.output-is-input-as", "file", ie.Output, "input", ie.Input)
	}
	return userErr(err, "cli.write-failed", "file", file, "err", err.Error())
}

// stageReportFile writes a report through write into a temporary file in the
// folder of path; the caller commits it (no reader ever sees half a
// report) or discards it. A path that is a file the run reads is refused.
// The error is for the user.
func (g *Globals) stageReportFile(path string, write func(io.Writer) error) (*atomicfile.Staged, error) {
	if err := g.inputs.Check(path); err != nil {
		return nil, outputErr(err, path)
	}
	st, err := atomicfile.Stage(path, write)
	if err != nil {
		return nil, outputErr(err, path)
	}
	return st, nil
}

// checkSummaryPath refuses, before any work, a summary file that cannot be
// written: a wrong extension, a missing folder, a folder of that name, a
// file the run reads.
func checkSummaryPath(g *Globals, file string) error {
	if file == "" {
		return nil
	}
	if !report.IsSummaryFile(file) {
		return userErr(nil, "verify.bad-summary", "file", file)
	}
	if err := g.checkOutput(file, "summary"+strings.ToLower(filepath.Ext(file))); err != nil {
		return err
	}
	dir := filepath.Dir(file)
	st, err := os.Stat(dir)
	if err == nil && !st.IsDir() {
		err = &fs.PathError{Op: "stat", Path: dir, Err: syscall.ENOTDIR}
	}
	if err != nil {
		return userErr(err, "cli.write-failed", "file", file, "err", err.Error())
	}
	return nil
}
