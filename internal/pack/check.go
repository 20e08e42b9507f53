package pack

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/totals"
)

// Kind is what a checked path is.
type Kind string

const (
	KindZip      Kind = "zip"      // a packed package
	KindUnpacked Kind = "unpacked" // a folder unpacked from one (it holds manifest.json)
	KindFolder   Kind = "folder"   // a package folder: its newest 申报书 in the output folder
	KindPDF      Kind = "pdf"      // a 申报书 and its package
)

// Problem codes beyond the archive's (archive.go).
const (
	CodeManifestMissing = "MANIFEST-MISSING"
	CodeManifestInvalid = "MANIFEST-INVALID"
	CodeFileMissing     = "FILE-MISSING"
	CodeFileChanged     = "FILE-CHANGED"
	CodeFileExtra       = "FILE-EXTRA"
	CodeConfig          = "CONFIG"
	CodeDataError       = "DATA-ERROR"
	CodeDataMore        = "DATA-ERRORS-MORE"
	CodeNoPDF           = "PDF-NONE"
	CodePDFUnreadable   = "PDF-UNREADABLE"
	CodePDFMismatch     = "PDF-MISMATCH" // a statement of dossier.Verdict: version stamps, data changed
	CodePDFDraft        = "PDF-DRAFT"
	CodePDFIncomplete   = "PDF-INCOMPLETE"
	CodeVersionMismatch = "VERSION-MISMATCH"
	CodeDigestMismatch  = "DIGEST-MISMATCH"
	// CodeOutside: a name of the manifest or of the configuration leads
	// outside the package (through "..", an absolute path or a link); it
	// is not read.
	CodeOutside = "PATH-OUTSIDE"
	// CodeTooLarge: a file of the package is larger than the limit of
	// what is read.
	CodeTooLarge = "FILE-TOO-LARGE"
	// CodeNotPackage: the file is something else than a package (a
	// workbook, a Word document, an image…); the message names it and
	// the command that fits.
	CodeNotPackage = "NOT-PACKAGE"
	// CodeEmpty: the archive holds no file.
	CodeEmpty = "ZIP-EMPTY"
	// CodeNoWorkbook: the package holds no workbook.
	CodeNoWorkbook = "WORKBOOK-NONE"
)

// Problem is one reason a package fails, as a catalogue message.
type Problem struct {
	Code string   `json:"code"`
	Key  string   `json:"-"`
	Args []string `json:"-"`
	// verdict and line: the problem is line `line` of verdict.Lines.
	verdict *dossier.Verdict
	line    int
	// err, when set, is rendered in the reader's language as {err}.
	err error
}

// Text renders the problem in l.
func (p Problem) Text(l msg.Lang) string {
	if p.verdict != nil {
		if lines := p.verdict.Lines(l); p.line < len(lines) {
			return lines[p.line]
		}
	}
	if p.err != nil {
		return l.T(p.Key, append(slices.Clone(p.Args), "err", l.Cause(p.err))...)
	}
	return l.T(p.Key, p.Args...)
}

// ShownDataErrors is how many of a package's data errors are listed one by
// one; the rest are counted.
const ShownDataErrors = 5

// Report is what Check finds out about one package.
type Report struct {
	Path     string // as given
	Kind     Kind
	Manifest *Manifest // nil when none could be read
	// Data is the package's data as read (nil when it could not be
	// read: an archive refused, a configuration that does not load).
	Data *dossier.Data
	// Verdict is the 申报书's (nil when none was checked).
	Verdict *dossier.Verdict
	// PDF is the 申报书 checked, relative to the package where it lies
	// inside it.
	PDF string
	// Files is the number of files checked against the manifest.
	Files    int
	Problems []Problem

	more []rows.Consumer // CheckOptions.Rows
}

// OK reports whether the package passed every check.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Lines renders the problems in l, one a line.
func (r *Report) Lines(l msg.Lang) []string {
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.Text(l)
	}
	return out
}

// Codes are the problems' codes, in the order of Lines.
func (r *Report) Codes() []string {
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.Code
	}
	return out
}

// Version is the 版本号 of the 申报书 checked, else the manifest's.
func (r *Report) Version() string {
	if r.Verdict != nil && r.Verdict.Version != "" {
		return r.Verdict.Version
	}
	if r.Manifest != nil {
		return r.Manifest.Version
	}
	return ""
}

// Identity returns 众创空间名称, 运营主体名称 and 受理机构, from the data when
// it was read, else from the manifest.
func (r *Report) Identity() (name, operator, agency string) {
	if r.Data != nil {
		name, operator, agency = r.Data.Field(schema.Basic.Name), r.Data.Field(schema.Basic.Operator), r.Data.Field(schema.Basic.Agency)
	}
	if r.Manifest != nil {
		name = cmpOr(name, r.Manifest.SpaceName)
		operator = cmpOr(operator, r.Manifest.Operator)
		agency = cmpOr(agency, r.Manifest.Agency)
	}
	return name, operator, agency
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Counts returns the numbers of errors and warnings of the data; ok is
// false when the data was not read.
func (r *Report) Counts() (errs, warns int, ok bool) {
	if r.Data == nil {
		return 0, 0, false
	}
	errs, warns = r.Data.Counts()
	return errs, warns, true
}

// Eligibility is the self-check of the data (nil when it was not read).
func (r *Report) Eligibility() []totals.Check {
	if r.Data == nil || r.Data.Totals == nil {
		return nil
	}
	return r.Data.Totals.Eligibility
}

// Reads are the files of a package folder or 申报书 that the check read
// in place (its workbooks, attachments, 申报书, manifest): no output of
// the run may replace one. A zip's are none: they were read from a
// temporary folder.
func (r *Report) Reads() []string {
	if r.Kind == KindZip {
		return nil
	}
	var out []string
	if r.Data != nil {
		out = append(out, r.Data.Files...)
		for _, a := range r.Data.Attachments {
			out = append(out, a.Abs)
		}
	}
	if r.Kind == KindFolder || r.Kind == KindUnpacked {
		out = append(out, filepath.Join(r.Path, ManifestName))
		if r.Manifest != nil {
			for _, f := range r.Manifest.Files {
				out = append(out, filepath.Join(r.Path, filepath.FromSlash(f.Name)))
			}
		}
		if r.PDF != "" && !filepath.IsAbs(r.PDF) {
			out = append(out, filepath.Join(r.Path, filepath.FromSlash(r.PDF)))
		}
	}
	if r.PDF != "" && (r.Kind == KindPDF || filepath.IsAbs(r.PDF)) {
		out = append(out, r.PDF)
	}
	return out
}

// ShownPerKind is how many problems of one kind (one message, such as a
// file not in the manifest) are listed one by one; the rest are counted
// in one line.
const ShownPerKind = 10

// capLists keeps the first ShownPerKind problems of each kind and puts
// one line counting the rest after them: 10,000 extra files make eleven
// lines, not 10,000.
func (r *Report) capLists() {
	count := map[string]int{}
	for _, p := range r.Problems {
		if p.verdict == nil {
			count[p.Key]++
		}
	}
	capped := false
	for _, n := range count {
		capped = capped || n > ShownPerKind
	}
	if !capped {
		return
	}
	shown := map[string]int{}
	out := make([]Problem, 0, len(r.Problems))
	for _, p := range r.Problems {
		if p.verdict != nil || count[p.Key] <= ShownPerKind {
			out = append(out, p)
			continue
		}
		shown[p.Key]++
		switch {
		case shown[p.Key] <= ShownPerKind:
			out = append(out, p)
		case shown[p.Key] == ShownPerKind+1:
			out = append(out, Problem{Code: p.Code, Key: "pkgcheck.more", Args: []string{"n", strconv.Itoa(count[p.Key] - ShownPerKind)}})
		}
	}
	r.Problems = out
}

func (r *Report) add(code, key string, kv ...string) {
	r.Problems = append(r.Problems, Problem{Code: code, Key: key, Args: kv})
}

// CheckOptions control Check.
type CheckOptions struct {
	// Config returns the configuration of a package folder (an unpacked
	// archive's included). Nil means config.Load of the folder.
	Config func(dir string) (*config.Config, error)
	// Limits bound unpacking; zero fields take DefaultLimits.
	Limits Limits
	// TempDir is where an archive is unpacked; "" is the system's.
	TempDir string
	// Context, when cancelled, stops the check between its steps, the
	// temporary folder removed; the error is then context.Cause. Nil:
	// never cancelled.
	Context context.Context
	// Rows, when set, gets the typed rows of the package's data as they
	// are read (the keys of an intake).
	Rows rows.Consumer
}

// stopped returns the reason the check is cancelled, or nil.
func (o CheckOptions) stopped() error {
	if o.Context == nil || o.Context.Err() == nil {
		return nil
	}
	return context.Cause(o.Context)
}

func (o CheckOptions) more() []rows.Consumer {
	if o.Rows == nil {
		return nil
	}
	return []rows.Consumer{o.Rows}
}

func (o CheckOptions) config(dir string) (*config.Config, error) {
	if o.Config != nil {
		return o.Config(dir)
	}
	return config.Load(config.Source{Dir: dir})
}

// Check verifies the package at path: a zip written by Pack, a folder
// unpacked from one (it holds manifest.json), or a package folder (its
// newest 申报书 in the output folder). Problems of the package are in the
// Report; the error is for when the check could not run (the path does
// not exist, no temporary folder can be made).
func Check(path string, opts CheckOptions) (r *Report, err error) {
	defer func() {
		if r != nil {
			r.capLists()
		}
	}()
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		if mf, err := os.Lstat(filepath.Join(path, ManifestName)); err == nil && mf.Mode().IsRegular() {
			return checkUnpacked(path, opts)
		}
		return checkFolder(path, opts)
	}
	return checkZip(path, opts)
}

// CheckPDF verifies the 申报书 pdf against the package made of pkg, as
// read with cfg: the data without errors, the 申报书 of one version
// matching the data (SPEC §4; a draft or a 申报书 built without its
// attachments passes, unlike in a submitted package).
func CheckPDF(pdf string, pkg []string, cfg *config.Config) (*Report, error) {
	r := &Report{Path: pdf, Kind: KindPDF, PDF: pdf}
	data, err := safefile.ReadFile(pdf, bind.MaxPDFBytes)
	if err != nil {
		if !r.addReadProblem(pdf, err, bind.MaxPDFBytes) {
			var pe *fs.PathError
			if !errors.As(err, &pe) {
				return nil, err
			}
			r.add(CodePDFUnreadable, "pkgcheck.pdf-unreadable", "file", pdf, "err", err.Error())
		}
		return r, r.checkData(pkg, cfg)
	}
	return r, r.checkPackage(pkg, cfg, pdf, data)
}

func checkZip(path string, opts CheckOptions) (r *Report, err error) {
	r = &Report{Path: path, Kind: KindZip, more: opts.more()}
	u, err := unpack(path, opts, r)
	if err != nil || u == nil {
		return r, err
	}
	// Removed whatever happens, a panic included.
	defer func() {
		if rerr := u.Remove(); rerr != nil && err == nil {
			r, err = nil, rerr
		}
	}()
	if err := opts.stopped(); err != nil {
		return nil, err
	}
	if err := r.checkContents(u.Dir, u.files, opts); err != nil {
		return nil, err
	}
	return r, nil
}

// Unpacked is a packed package unpacked into a temporary folder.
type Unpacked struct {
	Dir   string // the temporary folder
	files map[string]unpacked
}

// Remove removes the temporary folder.
func (u *Unpacked) Remove() error { return os.RemoveAll(u.Dir) }

// ArchiveError says why an archive was not unpacked: it is no zip, or an
// entry is unsafe (see Check). Its problems render for a person.
type ArchiveError struct {
	Path     string
	Problems []Problem
}

func (e *ArchiveError) Error() string { return e.Path + ": " + e.Localized(msg.EN) }

// Localized renders the problems in l.
func (e *ArchiveError) Localized(l msg.Lang) string {
	var parts []string
	for _, p := range e.Problems {
		parts = append(parts, p.Text(l))
	}
	return strings.Join(parts, " ")
}

// Unpack unpacks the zip at path into a new temporary folder, refusing what
// Check refuses (entries with ".." or absolute paths, links, duplicate
// names, encryption, zip bombs; a file that is no zip): those come back as
// an *ArchiveError. The caller removes the folder (Unpacked.Remove).
func Unpack(path string, opts CheckOptions) (*Unpacked, error) {
	r := &Report{Path: path, Kind: KindZip}
	u, err := unpack(path, opts, r)
	if err != nil {
		return nil, err
	}
	if u == nil {
		r.capLists()
		return nil, &ArchiveError{Path: path, Problems: r.Problems}
	}
	return u, nil
}

// unpack opens and checks the archive at path and unpacks it into a new
// temporary folder. Problems of the archive go into r (and no folder is
// left: nil Unpacked); the error is for what stops the check.
func unpack(path string, opts CheckOptions, r *Report) (*Unpacked, error) {
	lim := opts.Limits.orDefault()
	f, err := safefile.Open(path)
	if errors.Is(err, safefile.ErrNotRegular) { // a pipe, a device: never read
		r.add(CodeNotZip, "pkgcheck.not-zip.special", "file", filepath.Base(path))
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		key := "pkgcheck.not-zip"
		if k := sniff(path); k != "" {
			key += "." + k
		}
		r.add(CodeNotZip, key, "file", filepath.Base(path))
		return nil, nil
	}
	if r.notPackage(zr, filepath.Base(path)) {
		return nil, nil
	}
	if probs := inspectArchive(zr, lim); len(probs) > 0 {
		for _, p := range probs {
			r.addArchive(p, lim)
		}
		r.Manifest = peekManifest(zr)
		return nil, nil
	}
	if err := opts.stopped(); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(opts.TempDir, "mkspace-verify-*")
	if err != nil {
		return nil, err
	}
	u := &Unpacked{Dir: tmp}
	ok := false
	defer func() {
		if !ok { // a problem, an error or a panic: nothing is left
			u.Remove()
		}
	}()
	files, p, err := extract(zr, tmp, lim)
	if err == nil {
		err = opts.stopped()
	}
	if err != nil {
		return nil, err
	}
	if p != nil {
		r.addArchive(*p, lim)
		r.Manifest = peekManifest(zr)
		return nil, nil
	}
	u.files, ok = files, true
	return u, nil
}

func (r *Report) addArchive(p archiveProblem, lim Limits) {
	name := p.Name
	if !utf8Valid(name) {
		name = strconv.QuoteToASCII(name)
	}
	switch p.Code {
	case CodeLegacyNames:
		r.add(p.Code, "pkgcheck.legacy-names", "file", filepath.Base(r.Path), "n", strconv.Itoa(p.Count), "example", p.Name)
	case CodeBomb:
		if name == "" {
			r.add(p.Code, "pkgcheck.bomb-total", "limit", msg.Bytes(lim.MaxTotalBytes))
			return
		}
		r.add(p.Code, "pkgcheck.bomb", "name", name, "limit", msg.Bytes(lim.MaxEntryBytes), "ratio", strconv.FormatInt(lim.MaxRatio, 10))
	case CodeTooManyRefs:
		r.add(p.Code, "pkgcheck.too-many", "limit", strconv.Itoa(lim.MaxEntries))
	default:
		r.add(p.Code, "pkgcheck."+strings.ToLower(strings.TrimPrefix(p.Code, "ZIP-")), "name", name)
	}
}

// peekManifest reads the manifest of an archive that is not unpacked (to
// name the package in a report), if it is there and readable.
func peekManifest(zr *zip.Reader) *Manifest {
	for _, f := range zr.File {
		if f.Name != ManifestName || f.Flags&0x1 != 0 || f.UncompressedSize64 > maxManifestBytes {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		m, err := ParseManifest(rc)
		if err != nil {
			return nil
		}
		return m
	}
	return nil
}

// checkUnpacked verifies a folder unpacked from a packed package.
func checkUnpacked(dir string, opts CheckOptions) (*Report, error) {
	r := &Report{Path: dir, Kind: KindUnpacked, more: opts.more()}
	lim := opts.Limits.orDefault()
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	files := map[string]unpacked{}
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if junk(name) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := e.Type(); {
		case t.IsDir():
			return nil
		case t&fs.ModeSymlink != 0:
			r.add(CodeSymlink, "pkgcheck.symlink-file", "name", name)
			return nil
		case !t.IsRegular():
			r.add(CodeSpecial, "pkgcheck.special", "name", name)
			return nil
		}
		// Opened inside the folder as a regular file: a file swapped for a
		// link or a pipe since the walk saw it is refused, not followed.
		u, err := hashFile(root, name, lim.MaxEntryBytes)
		if err != nil {
			if r.addReadProblem(name, err, lim.MaxEntryBytes) {
				return nil
			}
			return err
		}
		files[name] = u
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(r.Problems) > 0 {
		// A link could lead the checks out of the folder: stop here.
		if f, err := safefile.OpenIn(root, ManifestName); err == nil {
			r.Manifest, _ = ParseManifest(f)
			f.Close()
		}
		return r, nil
	}
	return r, r.checkContents(dir, files, opts)
}

// hashFile reads the regular file name inside root, at most limit bytes.
func hashFile(root *os.Root, name string, limit int64) (unpacked, error) {
	f, err := safefile.OpenIn(root, name)
	if err != nil {
		return unpacked{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, &safefile.LimitedReader{R: f, N: limit})
	if err != nil {
		return unpacked{}, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return unpacked{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// addReadProblem adds the problem of a file of the package (name, as the
// package names it) that safefile refused to read: it leads outside, it
// is no regular file, it is too large. It reports whether err was one of
// those.
func (r *Report) addReadProblem(name string, err error, limit int64) bool {
	switch {
	case errors.Is(err, safefile.ErrOutside):
		r.add(CodeOutside, "pkgcheck.outside", "name", name)
	case errors.Is(err, safefile.ErrNotRegular):
		r.add(CodeSpecial, "pkgcheck.special", "name", name)
	case errors.Is(err, safefile.ErrTooLarge):
		r.add(CodeTooLarge, "pkgcheck.too-large", "name", name, "limit", msg.Bytes(limit))
	default:
		return false
	}
	return true
}

// checkContents checks the files of an unpacked package against its
// manifest, then its data and its 申报书. Every name the manifest gives
// is opened inside root only, as a regular file, under the size limit.
func (r *Report) checkContents(root string, files map[string]unpacked, opts CheckOptions) error {
	lim := opts.Limits.orDefault()
	if r.noFiles(files) {
		return nil
	}
	rt, err := os.OpenRoot(root)
	if err != nil {
		return err
	}
	defer rt.Close()
	if _, ok := files[ManifestName]; !ok {
		r.add(CodeManifestMissing, "pkgcheck.no-manifest")
		return r.checkFolderData(root, files, opts)
	}
	f, err := safefile.OpenIn(rt, ManifestName)
	if err != nil {
		if r.addReadProblem(ManifestName, err, maxManifestBytes) {
			return nil
		}
		return err
	}
	m, err := ParseManifest(f)
	f.Close()
	if err != nil {
		r.Problems = append(r.Problems, Problem{Code: CodeManifestInvalid, Key: "pkgcheck.bad-manifest", err: manifestReason{err}})
		return r.checkFolderData(root, files, opts)
	}
	r.Manifest = m
	listed := map[string]bool{ManifestName: true}
	for _, mf := range m.Files {
		listed[mf.Name] = true
		if n, code := entryName(mf.Name); code != "" || n != mf.Name {
			r.add(CodeManifestInvalid, "pkgcheck.manifest-name", "name", mf.Name)
			continue
		}
		got, ok := files[mf.Name]
		switch {
		case !ok:
			r.add(CodeFileMissing, "pkgcheck.file-missing", "name", mf.Name)
		case got.Size != mf.Size:
			r.add(CodeFileChanged, "pkgcheck.file-size", "name", mf.Name,
				"size", strconv.FormatInt(got.Size, 10), "want", strconv.FormatInt(mf.Size, 10))
		case got.SHA256 != mf.SHA256:
			r.add(CodeFileChanged, "pkgcheck.file-changed", "name", mf.Name)
		}
	}
	var extra []string
	for name := range files {
		if !listed[name] && !junk(name) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range extra {
		r.add(CodeFileExtra, "pkgcheck.file-extra", "name", name)
	}
	r.Files = len(m.Files)

	cfg, err := opts.config(root)
	if err != nil {
		r.Problems = append(r.Problems, Problem{Code: CodeConfig, Key: "pkgcheck.config", err: err})
		return nil
	}
	r.PDF = m.PDF
	if r.noWorkbook(files) {
		return nil
	}
	if n, code := entryName(m.PDF); code != "" || n != m.PDF {
		// Named invalid with the files above (the 申报书 is one of them):
		// never opened. The data is still worth checking.
		return r.checkData([]string{root}, cfg)
	}
	if _, ok := files[m.PDF]; !ok {
		// Reported as missing.
		return r.checkData([]string{root}, cfg)
	}
	data, err := safefile.ReadFileIn(rt, m.PDF, lim.MaxEntryBytes)
	if err != nil {
		if !r.addReadProblem(m.PDF, err, lim.MaxEntryBytes) {
			return err
		}
		return r.checkData([]string{root}, cfg)
	}
	if err := r.checkPackage([]string{root}, cfg, m.PDF, data); err != nil {
		return err
	}
	if r.Verdict != nil {
		if v := r.Verdict.Version; v != "" && v != m.Version {
			r.add(CodeVersionMismatch, "pkgcheck.version-mismatch", "pdf", v, "manifest", m.Version)
		}
		if r.Verdict.RecordedErr == nil && r.Verdict.Recorded.SHA256 != m.Digest {
			r.add(CodeDigestMismatch, "pkgcheck.digest-mismatch")
		}
	}
	return nil
}

// noFiles reports (and says) that an archive holds no file but the
// folders and the files systems add on their own.
func (r *Report) noFiles(files map[string]unpacked) bool {
	if r.Kind != KindZip {
		return false
	}
	for name := range files {
		if !junk(name) {
			return false
		}
	}
	r.add(CodeEmpty, "pkgcheck.empty-zip", "file", filepath.Base(r.Path))
	return true
}

// noWorkbook reports (and says) that an archive holds no workbook in its
// top folder, naming the archive rather than the temporary folder it was
// unpacked into.
func (r *Report) noWorkbook(files map[string]unpacked) bool {
	if r.Kind != KindZip {
		return false
	}
	var top []string
	for name := range files {
		if strings.EqualFold(path.Ext(name), ".xlsx") && !strings.Contains(name, "/") {
			return false
		}
		if !junk(name) {
			top = append(top, name)
		}
	}
	slices.Sort(top)
	key := "pkgcheck.no-workbook"
	args := []string{"file", filepath.Base(r.Path)}
	for _, n := range top {
		if strings.EqualFold(path.Ext(n), ".xlsx") { // in a subfolder
			key, args = "pkgcheck.no-workbook.nested", append(args, "name", n)
			break
		}
	}
	r.add(CodeNoWorkbook, key, args...)
	return true
}

// checkFolder verifies a package folder and its newest 申报书.
func checkFolder(dir string, opts CheckOptions) (*Report, error) {
	r := &Report{Path: dir, Kind: KindFolder, more: opts.more()}
	cfg, err := opts.config(dir)
	if err != nil {
		return nil, err
	}
	if err := r.checkNewest(dir, cfg, opts.Limits.orDefault().MaxEntryBytes); err != nil {
		return nil, err
	}
	return r, nil
}

// checkFolderData checks what an unpacked archive without a usable
// manifest still allows: its data and its newest 申报书.
func (r *Report) checkFolderData(root string, files map[string]unpacked, opts CheckOptions) error {
	cfg, err := opts.config(root)
	if err != nil {
		r.Problems = append(r.Problems, Problem{Code: CodeConfig, Key: "pkgcheck.config", err: err})
		return nil
	}
	if r.noWorkbook(files) {
		return nil
	}
	return r.checkNewest(root, cfg, opts.Limits.orDefault().MaxEntryBytes)
}

// checkNewest checks the data of the package folder dir and its newest
// 申报书, looked for in the output folder inside dir only (the
// configuration of a received package could name any folder).
func (r *Report) checkNewest(dir string, cfg *config.Config, limit int64) error {
	cs, err := candidates(dir, cfg)
	if errors.Is(err, safefile.ErrOutside) {
		r.add(CodeOutside, "pkgcheck.output-outside", "dir", cfg.OutputDir)
		return r.checkData([]string{dir}, cfg)
	}
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		r.add(CodeNoPDF, "pkgcheck.no-pdf", "dir", filepath.ToSlash(cfg.OutputDir))
		return r.checkData([]string{dir}, cfg)
	}
	r.PDF = cs[0].Name
	data, err := readCandidate(dir, cs[0], limit)
	if err != nil {
		if !r.addReadProblem(cs[0].Name, err, limit) {
			return err
		}
		return r.checkData([]string{dir}, cfg)
	}
	return r.checkPackage([]string{dir}, cfg, cs[0].Path, data)
}

// checkPackage verifies the 申报书 pdf (its bytes: data) against the
// package pkg: the data without errors, the 申报书 of one version matching
// the data; for a submission (any kind but KindPDF) also not a draft and
// binding every attachment.
func (r *Report) checkPackage(pkg []string, cfg *config.Config, pdf string, data []byte) error {
	v, err := dossier.VerifyData(pdf, data, pkg, cfg, r.more...)
	if err != nil {
		var de *bind.DocumentError
		if !errors.As(err, &de) {
			return err
		}
		r.Problems = append(r.Problems, Problem{Code: CodePDFUnreadable, Key: "pkgcheck.pdf-unreadable",
			Args: []string{"file", displayName(r.PDF, pdf)}, err: bind.Reason{Err: err}})
		return r.checkData(pkg, cfg)
	}
	r.Verdict, r.Data = v, v.Data
	r.dataProblems()
	for i := range v.Lines(msg.ZH) {
		r.Problems = append(r.Problems, Problem{Code: CodePDFMismatch, verdict: v, line: i})
	}
	if r.Kind == KindPDF {
		return nil
	}
	if v.Info != nil && v.Info.Draft {
		r.add(CodePDFDraft, "pkgcheck.draft", "file", displayName(r.PDF, pdf), "version", v.Version)
	}
	if v.OK() && (v.Info == nil || !v.Info.Draft) {
		if missing, err := unbound(data, v.Data); err == nil && len(missing) > 0 {
			r.add(CodePDFIncomplete, "pkgcheck.unbound", "n", strconv.Itoa(len(missing)), "first", missing[0])
		}
	}
	return nil
}

func displayName(rel, abs string) string {
	if rel != "" {
		return rel
	}
	return abs
}

// checkData reads the package's data when no 申报书 can be checked.
func (r *Report) checkData(pkg []string, cfg *config.Config) error {
	d, err := dossier.Read(pkg, cfg, r.more...)
	if err != nil {
		return err
	}
	r.Data = d
	r.dataProblems()
	return nil
}

// dataProblems lists the first data errors and counts the rest.
func (r *Report) dataProblems() {
	errs, _ := r.Data.Counts()
	shown := 0
	for _, f := range r.Data.Findings {
		if f.Severity != finding.Error {
			continue
		}
		if shown == ShownDataErrors {
			break
		}
		m := f.Message
		if r.Kind == KindZip && r.Data.Dir != "" {
			// The temporary folder is gone when the user reads this.
			m = strings.ReplaceAll(m, r.Data.Dir, filepath.Base(r.Path))
		}
		r.add(CodeDataError, "pkgcheck.data-error", "message", m)
		shown++
	}
	if errs > shown {
		r.add(CodeDataMore, "pkgcheck.data-more", "n", strconv.Itoa(errs), "shown", strconv.Itoa(shown))
	}
}

// manifestReason is why a manifest cannot be used, in plain words: its
// JSON, or else that it is not one that Pack wrote (the details are for
// a bug report, not for the office).
type manifestReason struct{ err error }

func (m manifestReason) Error() string { return m.err.Error() }
func (m manifestReason) Unwrap() error { return m.err }

func (m manifestReason) Localized(l msg.Lang) string {
	var js *json.SyntaxError
	var jt *json.UnmarshalTypeError
	if errors.As(m.err, &js) || errors.As(m.err, &jt) || msg.IsOS(m.err) {
		return l.Cause(m.err)
	}
	return l.T("cause.manifest")
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }
