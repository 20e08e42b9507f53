package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/annotate"
	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/finding"
)

// annotateAuto is the value of a bare --annotate: each copy goes to the
// output folder of its package.
const annotateAuto = "auto"

// annotateDir is the folder, in a package folder, of the marked-up copies
// written by default.
const annotateDir = "output"

// annotatePrefix starts the name of a marked-up copy: 检查结果-申报数据.xlsx.
const annotatePrefix = "检查结果-"

// checkAnnotateFlag refuses, before any work, an --annotate file that is
// not an .xlsx (or .xlsm, for a macro-enabled workbook).
func (o *validateOptions) checkAnnotateFlag() error {
	a := o.Annotate
	if a == "" || a == annotateAuto || isDirArg(a) {
		return nil
	}
	if ext := strings.ToLower(filepath.Ext(a)); ext != ".xlsx" && ext != ".xlsm" {
		return userErr(nil, "annotate.not-xlsx", "example", strings.TrimSuffix(a, filepath.Ext(a))+".xlsx")
	}
	return nil
}

// isDirArg reports whether an --annotate value names a folder: one that
// exists, or a name ending in a separator.
func isDirArg(a string) bool {
	if strings.HasSuffix(a, "/") || strings.HasSuffix(a, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(a)
	return err == nil && st.IsDir()
}

// annotateJob is one marked-up copy to write.
type annotateJob struct {
	src, dst string
	findings []finding.Finding
}

// annotateJobs lists the copies --annotate asks for: one per workbook
// read, each with the findings of its file and those of the whole package.
// The copies of a package go by default into the folder output of the
// package folder (made when missing), where the clerk who double-clicked
// in that folder or named it looks for them; a folder given instead takes
// every copy; a file name is for a check of one workbook.
func (o *validateOptions) annotateJobs(pkgs []validateTarget, results []*validateResult) ([]annotateJob, error) {
	var jobs []annotateJob
	for i, p := range pkgs {
		if strings.EqualFold(filepath.Ext(p.Dir), ".zip") {
			o.g.Infof("%s", o.lang.T("annotate.zip-skipped", "file", p.Dir))
			continue
		}
		for _, file := range results[i].Files {
			src := file
			if !filepath.IsAbs(src) {
				src = filepath.Join(p.Dir, file)
			}
			var fs []finding.Finding
			for _, f := range results[i].Findings {
				if f.File == "" || filepath.Clean(f.File) == filepath.Clean(file) {
					fs = append(fs, f)
				}
			}
			// The copy of an .xlsm stays an .xlsm: its content type says
			// macro-enabled, which Excel refuses under the name .xlsx.
			name := annotatePrefix + filepath.Base(file)
			var dst string
			switch a := o.Annotate; {
			case a == annotateAuto:
				dst = filepath.Join(p.Dir, annotateDir, name)
			case isDirArg(a):
				dst = filepath.Join(a, name)
			default:
				dst = a
			}
			jobs = append(jobs, annotateJob{src: src, dst: dst, findings: fs})
		}
	}
	if len(jobs) > 1 && o.Annotate != annotateAuto && !isDirArg(o.Annotate) {
		return nil, userErr(nil, "annotate.one-file", "n", strconv.Itoa(len(jobs)))
	}
	return jobs, nil
}

// stageAnnotated writes the marked-up copies into temporary files beside
// their places; the caller commits them with the reports. A workbook that
// cannot be read again gets no copy, and a message says so.
func (o *validateOptions) stageAnnotated(pkgs []validateTarget, results []*validateResult) ([]*atomicfile.Staged, error) {
	if o.Annotate == "" {
		return nil, nil
	}
	jobs, err := o.annotateJobs(pkgs, results)
	if err != nil {
		return nil, err
	}
	g := o.g
	var staged []*atomicfile.Staged
	var made []string // output folders made here: removed again when left empty
	defer func() {
		for _, d := range made {
			_ = os.Remove(d) // only when empty
		}
	}()
	fail := func(err error) ([]*atomicfile.Staged, error) {
		for _, st := range staged {
			st.Discard()
		}
		return nil, err
	}
	for _, j := range jobs {
		if err := g.checkOutput(j.dst, ""); err != nil {
			return fail(err)
		}
		if o.Annotate == annotateAuto {
			d := filepath.Dir(j.dst)
			if _, err := os.Stat(d); err != nil {
				made = append(made, d)
			}
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fail(userErr(err, "cli.write-failed", "file", j.dst, "err", o.lang.Cause(err)))
			}
		}
		st, err := atomicfile.Stage(j.dst, func(w io.Writer) error {
			return annotate.Write(g.Context(), j.src, j.findings, o.lang, w)
		})
		if err != nil {
			if serr := stopped(g.Context()); serr != nil {
				return fail(serr)
			}
			// A workbook that cannot be read has its finding already
			// (FILE-UNREADABLE): the run goes on without its copy.
			fmt.Fprintln(g.IO.Err, o.lang.T("annotate.failed", "file", j.src, "err", o.lang.Cause(err)))
			continue
		}
		staged = append(staged, st)
	}
	return staged, nil
}
