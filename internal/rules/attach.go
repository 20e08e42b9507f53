package rules

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/mkspace/mkspace/internal/attachname"
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

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
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

	// The walk through the package's folders (replaced by tests that play
	// a case-insensitive file system).
	lstat     func(string) (fs.FileInfo, error)
	readDir   func(string) ([]fs.DirEntry, error)
	sensitive map[string]bool     // folder → whether its names are case-sensitive
	listings  map[string][]string // folder → its names (bounded)
	listed    int                 // names in listings

	// The files under attachments/, listed on the first missing file, for
	// its "did you mean" (bounded, as the suggestions asked for).
	nearFiles []string
	nearDone  bool
	nearAsked int

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
		waiting: map[string][]pendingCell{}, workers: min(runtime.GOMAXPROCS(0), maxAttachWorkers),
		lstat: os.Lstat, readDir: os.ReadDir, sensitive: map[string]bool{}, listings: map[string][]string{}}
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
	w := a.walk(clean)
	switch {
	case w.permission:
		return final(finding.AttachmentUnreadable, "permission")
	case w.outside:
		return final(finding.AttachmentOutside, "link")
	case w.actual != "":
		// Not there as written (or there only because this file system
		// ignores case): the office's checks will not find it.
		return final(finding.AttachmentMissing, "case", "actual", spelled(value, w.actual))
	case w.resolved == "":
		if near := a.near(value); near != "" {
			return final(finding.AttachmentMissing, "near", "near", near)
		}
		return final(finding.AttachmentMissing, "")
	}
	resolved := w.resolved
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

// Bounds of the "did you mean" of missing attachments: the files listed
// under attachments/, and the missing values given a suggestion.
const (
	maxNearFiles = 20_000
	maxNearAsked = 2_000
)

// near returns the existing file under attachments/ that the missing path
// value most likely means (attachname.Suggest), or "".
func (a *attachments) near(value string) string {
	if a.nearAsked >= maxNearAsked {
		return ""
	}
	a.nearAsked++
	if !a.nearDone {
		a.nearDone = true
		root := filepath.Join(a.dir, attachname.Folder)
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			switch {
			case len(a.nearFiles) >= maxNearFiles:
				return fs.SkipAll
			case err != nil && d != nil && d.IsDir():
				return fs.SkipDir
			case err != nil:
				return nil
			}
			if d.Type().IsRegular() {
				if rel, err := filepath.Rel(a.dir, p); err == nil {
					a.nearFiles = append(a.nearFiles, filepath.ToSlash(rel))
				}
			}
			return nil
		})
	}
	if s := attachname.Suggest(value, a.nearFiles); len(s) > 0 {
		return s[0]
	}
	return ""
}

// walked is where a written path leads inside the package.
type walked struct {
	resolved   string // the file or folder reached, symbolic links resolved; "" when it is not there
	outside    bool   // a symbolic link on the way leads outside the package
	permission bool   // a folder on the way cannot be read
	// actual is the path as the package's folders spell it ("/"
	// separators), when the written one differs from it only in upper/lower
	// case in some part: a file or folder name.
	actual string
}

// walk follows clean (a relative path, "/" separators, no ".." step) from
// the package folder one name at a time, resolving each symbolic link as it
// comes: a link that leads outside the package — to a file or a folder,
// existing or not — ends the walk, so that no folder outside is ever
// listed. A name that is not there as written, or that a case-insensitive
// file system (Windows, macOS) found under another case, is looked up
// ignoring case in its folder.
func (a *attachments) walk(clean string) walked {
	parts := strings.Split(clean, "/")
	cur := a.root
	actual := make([]string, 0, len(parts))
	mismatch := false
	for _, c := range parts {
		next := filepath.Join(cur, c)
		name := c
		fi, err := a.lstat(next)
		switch {
		case errors.Is(err, fs.ErrPermission):
			return walked{permission: true}
		case err != nil:
			other, ok := a.caseVariant(cur, c)
			if !ok {
				return walked{}
			}
			name, next = other, filepath.Join(cur, other)
			if fi, err = a.lstat(next); err != nil {
				return walked{permission: errors.Is(err, fs.ErrPermission)}
			}
		default:
			if stored := a.storedName(cur, c, fi); stored != c {
				name, next = stored, filepath.Join(cur, stored)
			}
		}
		mismatch = mismatch || name != c
		actual = append(actual, name)
		if fi.Mode()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(next)
			if err != nil {
				// A dangling link (or a loop): outside if it points outside.
				if a.pointsOutside(next, 0) {
					return walked{outside: true}
				}
				return walked{permission: errors.Is(err, fs.ErrPermission)}
			}
			if !within(a.root, target) {
				return walked{outside: true}
			}
			next = target
		}
		cur = next
	}
	w := walked{resolved: cur}
	if mismatch {
		w.actual = strings.Join(actual, "/")
	}
	return w
}

// pointsOutside reports whether the symbolic link or path p, which need not
// exist, leads outside the package: the nearest part of it that exists,
// links resolved, is outside.
func (a *attachments) pointsOutside(p string, depth int) bool {
	if depth > 40 {
		return false // a loop of links: nothing is reached at all
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return !within(a.root, r)
	}
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		t, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(t) {
			dir := filepath.Dir(p)
			if r, err := filepath.EvalSymlinks(dir); err == nil {
				dir = r
			}
			t = filepath.Join(dir, t)
		}
		return a.pointsOutside(t, depth+1)
	}
	parent := filepath.Dir(p)
	if parent == p {
		return false
	}
	return a.pointsOutside(parent, depth+1)
}

// caseVariant returns the name in folder dir that differs from name only in
// upper/lower case.
func (a *attachments) caseVariant(dir, name string) (string, bool) {
	for _, n := range a.names(dir) {
		if n != name && strings.EqualFold(n, name) {
			return n, true
		}
	}
	return "", false
}

// storedName returns the name under which folder dir stores the entry
// found (fi) for name: name itself, unless the folder ignores case (Windows,
// macOS) and the entry is spelled otherwise.
func (a *attachments) storedName(dir, name string, fi fs.FileInfo) string {
	sensitive, known := a.sensitive[dir]
	if !known {
		other := strings.ToUpper(name)
		if other == name {
			other = strings.ToLower(name)
		}
		if other == name {
			return name // no letter with a case: nothing to tell
		}
		ofi, err := a.lstat(filepath.Join(dir, other))
		sensitive = err != nil || !os.SameFile(fi, ofi)
		a.sensitive[dir] = sensitive
	}
	if sensitive {
		return name
	}
	found := name
	for _, n := range a.names(dir) {
		if n == name {
			return name
		}
		if found == name && strings.EqualFold(n, name) {
			found = n
		}
	}
	return found
}

// maxListed bounds the folder names kept for the case checks.
const maxListed = 100_000

// names lists folder dir (sorted; nothing when it cannot be read), cached
// while the cache holds fewer than maxListed names.
func (a *attachments) names(dir string) []string {
	if ns, ok := a.listings[dir]; ok {
		return ns
	}
	entries, err := a.readDir(dir)
	if err != nil {
		return nil
	}
	ns := make([]string, len(entries))
	for i, e := range entries {
		ns[i] = e.Name()
	}
	if a.listed+len(ns) <= maxListed {
		a.listings[dir] = ns
		a.listed += len(ns)
	}
	return ns
}

// spelled writes the package's spelling of a path as the cell wrote it:
// with backslashes when the cell used only those.
func spelled(value, actual string) string {
	if strings.Contains(value, `\`) && !strings.Contains(value, "/") {
		return strings.ReplaceAll(actual, "/", `\`)
	}
	return actual
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
		return attachVerdict{Rule: finding.AttachmentUnreadable}
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
		// The parser's own words (an object number, a cross-reference
		// table) tell a person nothing to do: the message says what to do.
		return attachVerdict{Rule: finding.AttachmentUnreadable}
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
	ctx, err = api.ReadContext(bytes.NewReader(data), bind.Config())
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

// shortText keeps a library error readable in a message.
func shortText(s string) string {
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}

// tooLarge is the verdict for a file of size bytes. A size within 5 % of
// the limit is given in bytes with the limit ("3.1 MB" over "3 MB" would
// not say by how little).
func (a *attachments) tooLarge(size int64) attachVerdict {
	s, m := msg.Bytes(size), msg.Bytes(a.maxBytes)
	if size-a.maxBytes < a.maxBytes/20 {
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
