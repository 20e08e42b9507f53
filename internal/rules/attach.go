package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/mkspace/mkspace/internal/finding"
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
type attachments struct {
	dir      string // the package folder as given
	root     string // the package folder, absolute, symbolic links resolved
	rootErr  error
	maxBytes int64
	byPath   map[string]attachVerdict
	byValue  map[string]attachVerdict
	// Opened counts files actually read (for tests and benchmarks).
	Opened int
}

func newAttachments(dir string, maxBytes int64) *attachments {
	a := &attachments{dir: dir, maxBytes: maxBytes, byPath: map[string]attachVerdict{}, byValue: map[string]attachVerdict{}}
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	a.root, a.rootErr = abs, err
	return a
}

// Check returns the verdict for the attachment path written in a cell.
func (a *attachments) Check(value string) attachVerdict {
	if v, ok := a.byValue[value]; ok {
		return v
	}
	v := a.check(value)
	// The cache by written value saves the path resolution for the next
	// cell; bound it so that a sheet of 100,000 distinct names stays small.
	if len(a.byValue) < 100_000 {
		a.byValue[value] = v
	}
	return v
}

func (a *attachments) check(value string) attachVerdict {
	p := strings.ReplaceAll(strings.TrimSpace(value), `\`, "/")
	if isAbsolute(p) {
		return attachVerdict{Rule: finding.AttachmentOutside, Variant: "absolute"}
	}
	clean := path.Clean(p)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return attachVerdict{Rule: finding.AttachmentOutside}
	}
	if clean == "." {
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	if a.rootErr != nil {
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	full := filepath.Join(a.root, filepath.FromSlash(clean))
	resolved, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "permission"}
		}
		// Not there (or a component is not a folder, or a dangling link):
		// nothing was opened.
		return a.missing(full)
	}
	if !within(a.root, resolved) {
		return attachVerdict{Rule: finding.AttachmentOutside, Variant: "link"}
	}
	if v, ok := a.byPath[resolved]; ok {
		return v
	}
	v := a.examine(resolved, clean)
	v.Path = resolved
	a.byPath[resolved] = v
	return v
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

// examine looks at a file known to be inside the package.
func (a *attachments) examine(resolved, written string) attachVerdict {
	st, err := os.Stat(resolved)
	if err != nil {
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	if st.IsDir() {
		return attachVerdict{Rule: finding.AttachmentMissing, Variant: "folder"}
	}
	if !strings.EqualFold(path.Ext(written), ".pdf") {
		return attachVerdict{Rule: finding.AttachmentNotPDF, Variant: "name"}
	}
	if !st.Mode().IsRegular() {
		// A device or a pipe: never opened (reading it could block).
		return attachVerdict{Rule: finding.AttachmentNotPDF, Variant: "content"}
	}
	if st.Size() > a.maxBytes {
		return a.tooLarge(st.Size())
	}
	f, err := os.Open(resolved)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "permission"}
		}
		return attachVerdict{Rule: finding.AttachmentMissing}
	}
	defer f.Close()
	a.Opened++
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
	if err := parsePDF(data); err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return attachVerdict{Rule: finding.AttachmentUnreadable, Variant: "password"}
		}
		return attachVerdict{Rule: finding.AttachmentUnreadable, Args: []string{"err", shortErr(err)}}
	}
	return attachVerdict{}
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

// pdfConfiguration returns pdfcpu's settings for reading an attachment,
// built in memory. model.NewDefaultConfiguration would create (or read)
// pdfcpu's configuration folder under the user's home; api.DisableConfigDir
// would change a process-wide setting that the PDF renderer may rely on.
// A Configuration value handed to the reader is used as is, so nothing is
// written anywhere.
func pdfConfiguration() *model.Configuration {
	return &model.Configuration{
		CreationDate:              "",
		Version:                   model.VersionStr,
		CheckFileNameExt:          false,
		Reader15:                  true,
		DecodeAllStreams:          false,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		ValidateLinks:             false,
		Eol:                       types.EolLF,
		WriteObjectStream:         true,
		WriteXRefStream:           true,
		EncryptUsingAES:           true,
		EncryptKeyLength:          256,
		Permissions:               model.PermissionsPrint,
		TimestampFormat:           "2006-01-02 15:04",
		DateFormat:                "2006-01-02",
		Offline:                   true,
		Timeout:                   5,
		Limits:                    model.DefaultResourceLimits(),
		Cmd:                       model.VALIDATE,
	}
}

// parsePDF reads and validates a PDF as the 申报书 binding will: a file that
// passes opens without a password and can be merged.
func parsePDF(data []byte) (err error) {
	defer func() {
		// pdfcpu recovers its own faults only; a malformed file must never
		// crash the validator.
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	ctx, err := api.ReadContext(bytes.NewReader(data), pdfConfiguration())
	if err != nil {
		return err
	}
	if err := api.ValidateContext(ctx); err != nil {
		return err
	}
	if ctx.PageCount < 1 {
		return errors.New("no pages")
	}
	return nil
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
