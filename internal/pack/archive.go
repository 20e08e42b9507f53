package pack

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/safefile"
)

// Limits bound what reading a packed package may unpack: a zip of a few
// megabytes can expand to gigabytes (a zip bomb).
type Limits struct {
	// MaxEntries is the most entries an archive may hold.
	MaxEntries int
	// MaxEntryBytes bounds one file, unpacked; MaxTotalBytes all of them.
	MaxEntryBytes, MaxTotalBytes int64
	// MaxRatio bounds how much an entry larger than RatioFloor bytes may
	// expand (unpacked / packed): PDFs and workbooks are compressed
	// already, so a large entry of a thousand times its packed size is a
	// bomb.
	MaxRatio   int64
	RatioFloor int64
}

// DefaultLimits fit the largest real packages (hundreds of attachments of
// at most a few megabytes, a 申报书 binding them all) with room to spare.
func DefaultLimits() Limits {
	return Limits{
		MaxEntries:    20000,
		MaxEntryBytes: 1 << 30,
		MaxTotalBytes: 4 << 30,
		MaxRatio:      200,
		RatioFloor:    32 << 20,
	}
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = d.MaxEntryBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = d.MaxTotalBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.RatioFloor <= 0 {
		l.RatioFloor = d.RatioFloor
	}
	return l
}

// member is a file to pack.
type member struct {
	Name string // inside the archive, '/' separators
	Role string
	Path string // on disk
	// Want, when set, is the start of the SHA-256 the file must have (the
	// part of the package digest that names it): a file changed between
	// reading the package and packing it is not packed.
	Want string
}

// ErrChanged: a file changed while it was being packed.
var ErrChanged = errors.New("a file changed while the package was being packed")

// ErrExists: the output exists and overwriting was not allowed.
var ErrExists = fs.ErrExist

// writeArchive writes the members, sorted by name, and the manifest m
// (its Files filled from what was written) into the zip out, atomically
// (atomicfile: a temporary file in the same folder put in place whole; an
// existing out is replaced only with force). Entry names are UTF-8 with
// the UTF-8 flag set (archive/zip sets it for every name that is not
// plain ASCII).
func writeArchive(out string, members []member, m *Manifest, created time.Time, force bool) (size int64, err error) {
	members = slices.Clone(members)
	slices.SortFunc(members, func(a, b member) int { return strings.Compare(a.Name, b.Name) })
	seen := map[string]string{}
	for _, mb := range members {
		k := foldName(mb.Name)
		if prev, dup := seen[k]; dup || k == foldName(ManifestName) {
			return 0, fmt.Errorf("two files would have the same name in the archive: %s and %s", prev, mb.Name)
		}
		seen[k] = mb.Name
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return 0, err
	}
	err = atomicfile.Write(out, force, func(w io.Writer) error {
		cw := &countingWriter{w: w}
		zw := zip.NewWriter(cw)
		m.Files = m.Files[:0]
		for _, mb := range members {
			f, err := addFile(zw, mb)
			if err != nil {
				return err
			}
			m.Files = append(m.Files, f)
		}
		data, err := m.encode()
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: created}
		hdr.SetMode(0o644)
		mw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := mw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		size = cw.n
		return nil
	})
	if err != nil {
		return 0, err
	}
	return size, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// addFile writes one member and returns its manifest entry.
func addFile(zw *zip.Writer, mb member) (File, error) {
	f, err := safefile.Open(mb.Path)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return File{}, err
	}
	if !st.Mode().IsRegular() {
		return File{}, fmt.Errorf("%s is not a regular file", mb.Path)
	}
	hdr := &zip.FileHeader{Name: mb.Name, Method: zip.Deflate, Modified: st.ModTime()}
	hdr.SetMode(0o644)
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return File{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), f)
	if err != nil {
		return File{}, fmt.Errorf("pack %s: %w", mb.Path, err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if mb.Want != "" && !strings.HasPrefix(sum, mb.Want) {
		return File{}, fmt.Errorf("%w: %s", ErrChanged, mb.Name)
	}
	return File{Name: mb.Name, Role: mb.Role, Size: n, SHA256: sum}, nil
}

// foldName is the form under which two names are the same file on a
// case-insensitive file system (Windows, macOS).
func foldName(name string) string {
	return strings.ToLower(norm.NFC.String(name))
}

// Unsafe-entry codes of an archive (Problem.Code).
const (
	CodeNotZip      = "NOT-ZIP"
	CodeUnsafePath  = "ZIP-UNSAFE-PATH" // ".." or an absolute path: would land outside the folder
	CodeBadName     = "ZIP-BAD-NAME"    // not UTF-8, control or reserved characters
	CodeSymlink     = "ZIP-SYMLINK"
	CodeSpecial     = "ZIP-SPECIAL" // a device, pipe or socket
	CodeDuplicate   = "ZIP-DUPLICATE"
	CodeBomb        = "ZIP-BOMB"
	CodeEncrypted   = "ZIP-ENCRYPTED"
	CodeCorrupt     = "ZIP-CORRUPT"
	CodeTooManyRefs = "ZIP-TOO-MANY-ENTRIES"
	// CodeLegacyNames: entry names in a legacy code page (GBK, as
	// Windows' own "send to compressed folder" writes them) without the
	// UTF-8 flag; one problem for all of them.
	CodeLegacyNames = "ZIP-LEGACY-NAMES"
)

// entryName checks an entry's name and returns it cleaned ('/'
// separators, no trailing slash), or the code of what is wrong with it.
// Backslashes are read as separators, as Windows tools write them, so
// that "..\x" is caught as leaving the folder.
func entryName(raw string) (string, string) {
	if !utf8.ValidString(raw) {
		return "", CodeBadName
	}
	n := strings.ReplaceAll(raw, `\`, "/")
	if strings.HasPrefix(n, "/") || (len(n) >= 2 && n[1] == ':' && n[0] < utf8.RuneSelf && unicode.IsLetter(rune(n[0]))) {
		return "", CodeUnsafePath
	}
	n = strings.TrimSuffix(n, "/")
	if n == "" {
		return "", CodeBadName
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return "", CodeUnsafePath
		}
	}
	for _, part := range strings.Split(n, "/") {
		if part == "" || part == "." || !portable(part) {
			return "", CodeBadName
		}
	}
	if path.Clean(n) != n {
		return "", CodeBadName
	}
	return n, ""
}

// portable reports whether a path element can be written as it is on
// every file system applicants and offices use: no control characters,
// none of Windows' reserved characters (a ':' would write an NTFS stream),
// no trailing dot or space, no reserved device name.
func portable(part string) bool {
	for _, r := range part {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"|?*`, r) {
			return false
		}
	}
	if strings.HasSuffix(part, ".") || strings.HasSuffix(part, " ") {
		return false
	}
	base := strings.ToUpper(part)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return false
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return false
	}
	return true
}

// junk reports whether a name is a file that operating systems add to
// folders and archives on their own (Finder's .DS_Store and __MACOSX
// forks, Explorer's Thumbs.db and desktop.ini): not part of a package,
// neither missing nor extra.
func junk(name string) bool {
	if strings.HasPrefix(name, "__MACOSX/") || name == "__MACOSX" {
		return true
	}
	switch strings.ToLower(path.Base(name)) {
	case ".ds_store", "thumbs.db", "desktop.ini":
		return true
	}
	return false
}

// unpacked is one file written by extract.
type unpacked struct {
	Size   int64
	SHA256 string
}

// archiveProblem is a problem found while reading an archive.
type archiveProblem struct {
	Code string
	Name string // the entry concerned, as stored
	// Count is the number of entries concerned (CodeLegacyNames: Name
	// is then the first, decoded).
	Count int
}

// sniff names what a file that is not a zip most likely is.
func sniff(file string) string {
	f, err := safefile.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case n == 0:
		return "empty"
	case bytes.HasPrefix(head, []byte("Rar!")):
		return "rar"
	case bytes.HasPrefix(head, []byte{'7', 'z', 0xBC, 0xAF}):
		return "7z"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return "gz"
	case bytes.HasPrefix(head, []byte{0xff, 0xd8, 0xff}):
		return "jpg"
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "png"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "ole"
	}
	return ""
}

// inspectArchive checks every entry of r before anything is unpacked:
// names, kinds, duplicates, encryption and the sizes the headers claim.
func inspectArchive(r *zip.Reader, lim Limits) []archiveProblem {
	var out []archiveProblem
	if len(r.File) > lim.MaxEntries {
		return []archiveProblem{{Code: CodeTooManyRefs}}
	}
	seen := map[string]bool{}
	var total uint64
	var legacy *archiveProblem
	for _, f := range r.File {
		if legacyName(f) {
			if legacy == nil {
				legacy = &archiveProblem{Code: CodeLegacyNames, Name: decodeLegacy(f.Name)}
			}
			legacy.Count++
			continue
		}
		name, code := entryName(f.Name)
		if code != "" {
			out = append(out, archiveProblem{Code: code, Name: f.Name})
			continue
		}
		mode := f.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			out = append(out, archiveProblem{Code: CodeSymlink, Name: f.Name})
			continue
		case mode&(fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket|fs.ModeCharDevice|fs.ModeIrregular) != 0:
			out = append(out, archiveProblem{Code: CodeSpecial, Name: f.Name})
			continue
		}
		k := foldName(name)
		if seen[k] {
			out = append(out, archiveProblem{Code: CodeDuplicate, Name: f.Name})
			continue
		}
		seen[k] = true
		if mode.IsDir() {
			continue
		}
		if f.Flags&0x1 != 0 {
			out = append(out, archiveProblem{Code: CodeEncrypted, Name: f.Name})
			continue
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			out = append(out, archiveProblem{Code: CodeCorrupt, Name: f.Name})
			continue
		}
		size := f.UncompressedSize64
		total += size
		switch {
		case size > uint64(lim.MaxEntryBytes),
			size > uint64(lim.RatioFloor) && size/max(f.CompressedSize64, 1) > uint64(lim.MaxRatio):
			out = append(out, archiveProblem{Code: CodeBomb, Name: f.Name})
		}
	}
	if total > uint64(lim.MaxTotalBytes) && !slices.ContainsFunc(out, func(p archiveProblem) bool { return p.Code == CodeBomb }) {
		out = append(out, archiveProblem{Code: CodeBomb})
	}
	if legacy != nil {
		out = append([]archiveProblem{*legacy}, out...)
	}
	return out
}

// legacyName reports whether an entry's name is in a legacy code page: not
// valid UTF-8, and without the flag that says it is UTF-8 (bit 11).
// Windows' built-in "send to compressed folder" and old archivers write
// names so, in the system's code page (GBK on Chinese Windows).
func legacyName(f *zip.File) bool {
	return f.Flags&0x800 == 0 && !utf8.ValidString(f.Name)
}

// decodeLegacy shows a legacy name as GB18030 (a superset of GBK) reads
// it, or escaped when it is not that either.
func decodeLegacy(name string) string {
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil && utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strconv.QuoteToASCII(name)
}

// officeParts name the documents that are zips too, by a part each holds.
var officeParts = []struct{ part, kind string }{
	{"xl/workbook.xml", "xlsx"},
	{"xl/workbook.bin", "xlsx"},
	{"word/document.xml", "docx"},
	{"ppt/presentation.xml", "pptx"},
	{"content.xml", "odf"},
}

// notPackage reports (and says) that the zip zr, named file, is no
// package: it holds no file at all, or it is a workbook or another
// document that is a zip inside.
func (r *Report) notPackage(zr *zip.Reader, file string) bool {
	if len(zr.File) == 0 {
		r.add(CodeEmpty, "pkgcheck.empty-zip", "file", file)
		return true
	}
	if len(zr.File) > 10000 { // no document holds this many parts
		return false
	}
	parts := map[string]bool{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = true
	}
	if !parts["[content_types].xml"] && !parts["mimetype"] {
		return false
	}
	for _, o := range officeParts {
		if parts[o.part] {
			r.add(CodeNotPackage, "pkgcheck.not-package."+o.kind, "file", file)
			return true
		}
	}
	return false
}

// extract unpacks the entries of r into the folder dest (which must be
// new and empty), counting the bytes actually unpacked against the limits
// whatever the headers claim. It returns every file written with its size
// and SHA-256, keyed by its cleaned name. It stops at the first problem.
func extract(r *zip.Reader, dest string, lim Limits) (map[string]unpacked, *archiveProblem, error) {
	root, err := filepath.Abs(dest)
	if err != nil {
		return nil, nil, err
	}
	files := map[string]unpacked{}
	made := map[string]bool{root: true} // folders made already
	mkdir := func(dir string) error {
		if made[dir] {
			return nil
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		made[dir] = true
		return nil
	}
	buf := copyBuffers.Get().(*[]byte)
	defer copyBuffers.Put(buf)
	var total int64
	for _, f := range r.File {
		name, code := entryName(f.Name)
		if code != "" { // inspectArchive has refused it already
			return nil, &archiveProblem{Code: code, Name: f.Name}, nil
		}
		target := filepath.Join(root, filepath.FromSlash(name))
		if rel, err := filepath.Rel(root, target); err != nil || !filepath.IsLocal(rel) {
			return nil, &archiveProblem{Code: CodeUnsafePath, Name: f.Name}, nil
		}
		if f.Mode().IsDir() {
			if err := mkdir(target); err != nil {
				return nil, &archiveProblem{Code: CodeDuplicate, Name: f.Name}, nil
			}
			continue
		}
		if err := mkdir(filepath.Dir(target)); err != nil {
			// A file of the same name as a folder ("a" and "a/b").
			return nil, &archiveProblem{Code: CodeDuplicate, Name: f.Name}, nil
		}
		remaining := min(lim.MaxEntryBytes, lim.MaxTotalBytes-total)
		n, sum, p, err := extractOne(f, target, remaining, *buf)
		if err != nil || p != nil {
			return nil, p, err
		}
		total += n
		files[name] = unpacked{Size: n, SHA256: sum}
	}
	return files, nil, nil
}

// copyBuffers hold the buffers files are unpacked through.
var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 256<<10); return &b }}

// extractOne writes one entry into target through buf, reading at most
// limit bytes.
func extractOne(f *zip.File, target string, limit int64, buf []byte) (int64, string, *archiveProblem, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, "", &archiveProblem{Code: CodeCorrupt, Name: f.Name}, nil
	}
	defer rc.Close()
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return 0, "", &archiveProblem{Code: CodeDuplicate, Name: f.Name}, nil
		}
		return 0, "", nil, err
	}
	h := sha256.New()
	// One byte more than allowed tells a file at the limit from a larger
	// one; archive/zip also refuses to read past the size the header
	// claims.
	n, cerr := io.CopyBuffer(io.MultiWriter(out, h), io.LimitReader(rc, limit+1), buf)
	ferr := out.Close()
	switch {
	case n > limit:
		return n, "", &archiveProblem{Code: CodeBomb, Name: f.Name}, nil
	case cerr != nil:
		var pe *fs.PathError
		if errors.As(cerr, &pe) { // writing failed: the disk, not the archive
			return n, "", nil, cerr
		}
		return n, "", &archiveProblem{Code: CodeCorrupt, Name: f.Name}, nil
	case ferr != nil:
		return n, "", nil, ferr
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil, nil
}
