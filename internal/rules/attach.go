package rules

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/mkspace/mkspace/internal/pdfconf"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/mkspace/mkspace/internal/bind"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/workbook"
)

// attachVerdict is the outcome of checking one attachment path: no rule when
// the file is fine, otherwise the rule id, the message variant and the
// placeholders of the message.
type attachVerdict struct {
	Rule    string
	Variant string // message key suffix, "" for the rule's main text
	Args    []string
	// Path is the file, resolved inside the package, when it exists.
	Path string
}

// attachments checks attachment cells. Each distinct file is examined once:
// the verdict is cached by its resolved path, so a file named in 300 cells is
// opened once, and every cell naming a bad file gets the finding.
//
// Path checks (cheap: a few system calls) run in the caller's goroutine;
// the examination of a file (reading and parsing it with pdfcpu, 1–80 ms for
// a real scan) runs on a few worker goroutines while the rows stream on.
// Cells whose file is being examined wait in a list that only holds the
// in-flight files' cells.
type attachments struct {
	dir      string // the package folder as given
	root     string // the package folder, absolute, symbolic links resolved
	rootErr  error
	maxBytes int64
	byPath   map[string]attachVerdict
	byValue  map[string]valueEntry
	opened   atomic.Int64

	// Asynchronous examination.
	report   func(pendingCell, attachVerdict)
	workers  int
	jobs     chan attachJob
	results  chan attachResult
	waiting  map[string][]pendingCell // resolved path → cells awaiting its verdict
	inflight int
	wg       sync.WaitGroup
}

// valueEntry caches what a written value resolves to: a final verdict, or
// the file to examine.
type valueEntry struct {
	v        attachVerdict
	resolved string // set when the verdict depends on examining this file
}

type attachJob struct{ resolved string }

type attachResult struct {
	resolved string
	v        attachVerdict
}

// pendingCell is an attachment cell whose verdict is awaited.
type pendingCell struct {
	tr    *tableRun
	col   int
	cell  workbook.Cell
	value string
}

// maxAttachWorkers bounds the examining goroutines (each may hold a file of
// up to max_bytes and pdfcpu's model of it).
const maxAttachWorkers = 4

func newAttachments(dir string, maxBytes int64) *attachments {
	a := &attachments{dir: dir, maxBytes: maxBytes, byPath: map[string]attachVerdict{}, byValue: map[string]valueEntry{},
		waiting: map[string][]pendingCell{}, workers: min(runtime.GOMAXPROCS(0), maxAttachWorkers)}
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	a.root, a.rootErr = abs, err
	return a
}

// Opened is the number of files read so far.
func (a *attachments) Opened() int { return int(a.opened.Load()) }

// Check returns the verdict for the attachment path written in a cell,
// examining the file in the caller's goroutine.
func (a *attachments) Check(value string) attachVerdict {
	e := a.lookup(value)
	if e.resolved == "" {
		return e.v
	}
	if v, ok := a.byPath[e.resolved]; ok {
		return v
	}
	v := a.examine(e.resolved)
	a.byPath[e.resolved] = v
	return v
}

// Cell checks the attachment of a cell and calls a.report with the verdict,
// now or — when its file must be examined — once a worker has examined it
// (at the latest in Wait).
func (a *attachments) Cell(p pendingCell) {
	e := a.lookup(p.value)
	if e.resolved == "" {
		a.report(p, e.v)
		return
	}
	if v, ok := a.byPath[e.resolved]; ok {
		a.report(p, v)
		return
	}
	if cells, busy := a.waiting[e.resolved]; busy {
		a.waiting[e.resolved] = append(cells, p)
		return
	}
	a.waiting[e.resolved] = []pendingCell{p}
	if a.jobs == nil {
		a.jobs = make(chan attachJob, 2*a.workers)
		a.results = make(chan attachResult, 2*a.workers)
		for range a.workers {
			a.wg.Add(1)
			go func() {
				defer a.wg.Done()
				for j := range a.jobs {
					a.results <- attachResult{j.resolved, a.examine(j.resolved)}
				}
			}()
		}
	}
	for a.inflight >= 2*a.workers {
		a.deliver(<-a.results)
	}
	a.jobs <- attachJob{e.resolved}
	a.inflight++
	for {
		select {
		case r := <-a.results:
			a.deliver(r)
			continue
		default:
		}
		break
	}
}

func (a *attachments) deliver(r attachResult) {
	a.inflight--
	a.byPath[r.resolved] = r.v
	for _, p := range a.waiting[r.resolved] {
		a.report(p, r.v)
	}
	delete(a.waiting, r.resolved)
}

// Wait delivers every awaited verdict and stops the workers.
func (a *attachments) Wait() {
	for a.inflight > 0 {
		a.deliver(<-a.results)
	}
	if a.jobs != nil {
		close(a.jobs)
		a.wg.Wait()
		a.jobs = nil
	}
}

// lookup resolves a written value, cached.
func (a *attachments) lookup(value string) valueEntry {
	if e, ok := a.byValue[value]; ok {
		return e
	}
	e := a.resolve(value)
	// The cache by written value saves the path resolution for the next
	// cell; bound it so that a sheet of 100,000 distinct names stays small.
	if len(a.byValue) < 100_000 {
		a.byValue[value] = e
	}
	return e
}

// resolve runs the checks of a written path that need no reading: where it
// leads, whether it is there, its name.
func (a *attachments) resolve(value string) valueEntry {
	final := func(rule, variant string, args ...string) valueEntry {
		return valueEntry{v: attachVerdict{Rule: rule, Variant: variant, Args: args}}
	}
	p := strings.ReplaceAll(strings.TrimSpace(value), `\`, "/")
	if isAbsolute(p) {
		return final(finding.AttachmentOutside, "absolute")
	}
	clean := path.Clean(p)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return final(finding.AttachmentOutside, "")
	}
	if clean == "." || a.rootErr != nil {
		return final(finding.AttachmentMissing, "")
	}
	full := filepath.Join(a.root, filepath.FromSlash(clean))
	resolved, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return final(finding.AttachmentUnreadable, "permission")
		}
		// Not there (or a component is not a folder, or a dangling link):
		// nothing was opened.
		return valueEntry{v: a.missing(full)}
	}
	if !within(a.root, resolved) {
		return final(finding.AttachmentOutside, "link")
	}
	st, err := os.Stat(resolved)
	switch {
	case err != nil:
		return final(finding.AttachmentMissing, "")
	case st.IsDir():
		return final(finding.AttachmentMissing, "folder")
	case !strings.EqualFold(path.Ext(clean), ".pdf"):
		return final(finding.AttachmentNotPDF, "name")
	}
	return valueEntry{resolved: resolved}
}

// missing is the verdict for a file that is not there. When the folder holds
// a file whose name differs only in upper/lower case (it opens on Windows,
// not on other systems), the message names it.
func (a *attachments) missing(full string) attachVerdict {
	dir, base := filepath.Split(full)
	if entries, err := os.ReadDir(dir); err == nil && within(a.root, filepath.Clean(dir)) {
		for _, e := range entries {
			if e.Name() != base && strings.EqualFold(e.Name(), base) {
				return attachVerdict{Rule: finding.AttachmentMissing, Variant: "case", Args: []string{"actual", e.Name()}}
			}
		}
	}
	return attachVerdict{Rule: finding.AttachmentMissing}
}

// isAbsolute reports whether p (with / separators) names a place outside
// any folder: /x, //server/share (\\server\share), C:/x, C:x.
func isAbsolute(p string) bool {
	if strings.HasPrefix(p, "/") || filepath.IsAbs(p) {
		return true
	}
	if len(p) >= 2 && p[1] == ':' && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) {
		return true
	}
	// A URL such as file:///… or http://… is no path in the package either.
	if i := strings.Index(p, "://"); i > 0 && !strings.ContainsAny(p[:i], "/.") {
		return true
	}
	return false
}

// within reports whether target is root or below it.
func within(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// examine looks at a file known to be inside the package (safe to call from
// several goroutines).
func (a *attachments) examine(resolved string) (v attachVerdict) {
	defer func() { v.Path = resolved }()
	st, err := os.Stat(resolved)
	if err != nil {
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	if !st.Mode().IsRegular() {
		// A device or a pipe: never opened (reading it could block).
		return attachVerdict{Rule: finding.AttachmentNotPDF, Variant: "content"}
	}
	if st.Size() > a.maxBytes {
		return a.tooLarge(st.Size())
	}
	f, err := a.open(resolved) // swapped for a pipe or a link out since: refused, not followed
	if errors.Is(err, safefile.ErrNotRegular) {
		return attachVerdict{Rule: finding.AttachmentNotPDF, Variant: "content"}
	}
	if errors.Is(err, safefile.ErrOutside) {
		return attachVerdict{Rule: finding.AttachmentOutside, Variant: "link"}
	}
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "permission"}
		}
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	defer f.Close()
	a.opened.Add(1)
	data, err := io.ReadAll(io.LimitReader(f, a.maxBytes+1))
	if err != nil {
		return attachVerdict{Rule: finding.AttachmentUnreadable, Args: []string{"err", shortErr(err)}}
	}
	if int64(len(data)) > a.maxBytes { // grew since Stat
		return a.tooLarge(int64(len(data)))
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return attachVerdict{Rule: finding.AttachmentNotPDF, Variant: "content"}
	}
	if !hasEOFMarker(data) {
		// Readers rebuild a cut file from what is left; the pages lost with
		// the end of the file would be missing from the 申报书.
		return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "truncated"}
	}
	ctx, err := parsePDF(data)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "password"}
		}
		return attachVerdict{Rule: finding.AttachmentUnreadable, Args: []string{"err", shortErr(err)}}
	}
	if sp := bind.SmallPages(ctx); sp.Count > 0 {
		v := attachVerdict{Rule: finding.AttachmentPageTooSmall, Args: []string{"page", strconv.Itoa(sp.First),
			"size", sp.Size(), "count", strconv.Itoa(sp.Count)}}
		if sp.Count > 1 {
			v.Variant = "many"
		}
		return v
	}
	return attachVerdict{}
}

// open opens a resolved attachment inside the package folder only (through
// os.Root: no link swapped in since it was resolved leads out), as a
// regular file, without waiting on a pipe.
func (a *attachments) open(resolved string) (*os.File, error) {
	rel, err := filepath.Rel(a.root, resolved)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(a.root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return safefile.OpenIn(root, filepath.ToSlash(rel))
}

// hasEOFMarker reports whether the last KiB of a PDF holds the %%EOF marker
// every complete PDF ends with (a download or copy cut short lacks it).
func hasEOFMarker(data []byte) bool {
	tail := data
	if len(tail) > 1024 {
		tail = tail[len(tail)-1024:]
	}
	return bytes.Contains(tail, []byte("%%EOF"))
}

// parsePDF reads and validates a PDF as the 申报书 binding will: a file that
// passes opens without a password and can be merged.
func parsePDF(data []byte) (ctx *model.Context, err error) {
	defer func() {
		// pdfcpu recovers its own faults only; a malformed file must never
		// crash the validator.
		if r := recover(); r != nil {
			ctx, err = nil, fmt.Errorf("%v", r)
		}
	}()
	ctx, err = api.ReadContext(bytes.NewReader(data), pdfconf.New())
	if err != nil {
		return nil, err
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, err
	}
	if ctx.PageCount < 1 {
		return nil, errors.New("no pages")
	}
	return ctx, nil
}

// shortErr keeps a library error readable in a message.
func shortErr(err error) string {
	s := err.Error()
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}

// tooLarge is the verdict for a file of size bytes. Sizes that read the same
// rounded ("3.0 MB" both) are given in bytes.
func (a *attachments) tooLarge(size int64) attachVerdict {
	s, m := formatBytes(size), formatBytes(a.maxBytes)
	if s == m {
		s, m = groupDigits(size)+" B", groupDigits(a.maxBytes)+" B"
	}
	return attachVerdict{Rule: finding.AttachmentTooLarge, Args: []string{"size", s, "max", m}}
}

// groupDigits writes n with thousands separators: 3,145,728.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// formatBytes writes a size as users see it in Explorer: "3.2 MB" (MiB).
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
