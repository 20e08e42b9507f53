// Package digest computes the SHA-256 digest of a package's content: the
// normalised data of every sheet and the bytes of every attachment. It is
// not a digest of the .xlsx files, so saving a workbook again unchanged (in
// Excel, WPS or LibreOffice) keeps it; generated files (the 申报书, the
// version log) are not part of it.
//
// Besides the overall digest, a Digest holds a short digest of every sheet
// and every attachment, so that comparing two digests says what changed
// (Diff): which sheet's data, which attachment changed, appeared or went.
//
// The encoding is canonical: every field is length-prefixed, so that
// ("ab", "c") and ("a", "bc") differ; texts are put in Unicode NFC; a
// row's trailing empty cells and rows with no text at all are left out (a
// blank row or an extra empty column is not data); sheets and attachments
// are combined in sorted order, so the order they are fed in does not
// matter — the order of rows within a sheet does.
package digest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Version is the version of the encoding; a Digest of another version
// cannot be compared part by part.
const Version = 1

// PartLen is the number of hex digits kept of each sheet's and
// attachment's digest (64 bits: enough to tell what changed; the overall
// digest is the full SHA-256).
const PartLen = 16

// domain separates this digest from any other SHA-256 of the same bytes.
const domain = "mkspace package digest v1\x00"

// Builder accumulates a package's content. The zero value is not usable:
// call New.
type Builder struct {
	sheets map[string]hash.Hash
	cur    hash.Hash
	files  map[string][]byte
	buf    []byte
}

// New returns an empty Builder.
func New() *Builder {
	return &Builder{sheets: map[string]hash.Hash{}, files: map[string][]byte{}}
}

// Sheet starts the rows of the named sheet; the following Row calls belong
// to it. Naming a sheet again continues it. A sheet without rows still
// counts (as present and empty).
func (b *Builder) Sheet(name string) {
	name = norm.NFC.String(name)
	h, ok := b.sheets[name]
	if !ok {
		h = sha256.New()
		b.sheets[name] = h
	}
	b.cur = h
}

// Row adds a row of the current sheet: the normalised text of each cell,
// in column order (the caller formats dates, numbers and choices one
// way, whatever the cell's formatting in the workbook). Trailing empty
// cells are ignored, and so is a row with no text. A Row before any Sheet
// belongs to the sheet named "".
func (b *Builder) Row(cells []string) {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	if n == 0 {
		return
	}
	if b.cur == nil {
		b.Sheet("")
	}
	buf := append(b.buf[:0], 'R')
	buf = binary.AppendUvarint(buf, uint64(n))
	for _, c := range cells[:n] {
		c = norm.NFC.String(c)
		buf = binary.AppendUvarint(buf, uint64(len(c)))
		buf = append(buf, c...)
	}
	b.cur.Write(buf)
	b.buf = buf[:0]
}

// Attachment adds the bytes of an attachment file, named by its path
// relative to the package folder (either slash; cleaned: "./a/../b.pdf"
// is "b.pdf"). Adding the same path again replaces its content.
func (b *Builder) Attachment(relPath string, r io.Reader) error {
	p := CleanPath(relPath)
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return fmt.Errorf("digest of %s: %w", p, err)
	}
	b.files[p] = h.Sum(nil)
	return nil
}

// CleanPath is the form of an attachment path the digest records:
// forward slashes, cleaned, Unicode NFC.
func CleanPath(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	p = path.Clean(p)
	p = strings.TrimPrefix(p, "./")
	return norm.NFC.String(p)
}

// Sum returns the digest of everything added so far. The Builder stays
// usable.
func (b *Builder) Sum() Digest {
	d := Digest{V: Version, Sheets: map[string]string{}, Files: map[string]string{}}
	all := sha256.New()
	all.Write([]byte(domain))
	var buf []byte
	part := func(tag byte, name string, sum []byte) {
		buf = append(buf[:0], tag)
		buf = binary.AppendUvarint(buf, uint64(len(name)))
		buf = append(buf, name...)
		buf = append(buf, sum...)
		all.Write(buf)
	}
	for _, name := range sortedKeys(b.sheets) {
		sum := b.sheets[name].Sum(nil)
		part('S', name, sum)
		d.Sheets[name] = hex.EncodeToString(sum)[:PartLen]
	}
	for _, p := range sortedKeys(b.files) {
		sum := b.files[p]
		part('F', p, sum)
		d.Files[p] = hex.EncodeToString(sum)[:PartLen]
	}
	d.SHA256 = hex.EncodeToString(all.Sum(nil))
	return d
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Digest is the digest of a package's content: the overall SHA-256 and a
// short digest of every sheet and attachment.
type Digest struct {
	// V is the version of the encoding (Version).
	V int `json:"v"`
	// SHA256 is the overall digest, 64 hex digits.
	SHA256 string `json:"sha256"`
	// Sheets maps each sheet's name to the first PartLen hex digits of
	// its data's digest.
	Sheets map[string]string `json:"sheets,omitempty"`
	// Files maps each attachment's path (CleanPath) to the first PartLen
	// hex digits of its bytes' SHA-256.
	Files map[string]string `json:"files,omitempty"`
}

// String returns the compact JSON form of d, e.g.
// {"v":1,"sha256":"…","sheets":{"创业团队":"…"},"files":{"附件/a.pdf":"…"}},
// with its keys sorted and non-ASCII text as is.
func (d Digest) String() string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return "" // a Digest of strings always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ErrMalformed is wrapped by Parse's errors.
var ErrMalformed = errors.New("malformed package digest")

// Parse reads the JSON form written by String.
func Parse(s string) (Digest, error) {
	var d Digest
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Digest{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if d.V < 1 {
		return Digest{}, fmt.Errorf("%w: no version", ErrMalformed)
	}
	if d.V == Version {
		if !isHex(d.SHA256, 64) {
			return Digest{}, fmt.Errorf("%w: sha256 %q", ErrMalformed, d.SHA256)
		}
		for _, m := range []map[string]string{d.Sheets, d.Files} {
			for k, v := range m {
				if !isHex(v, PartLen) {
					return Digest{}, fmt.Errorf("%w: digest of %q is %q", ErrMalformed, k, v)
				}
			}
		}
	}
	return d, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// Equal reports whether d and o are digests of the same content.
func (d Digest) Equal(o Digest) bool {
	return d.V == o.V && d.SHA256 == o.SHA256
}

// What kind of part a Change is about.
type Kind string

const (
	KindSheet Kind = "sheet"
	KindFile  Kind = "file"
	// KindPackage: the digests differ but not in any part they both
	// describe (another encoding version, or a damaged digest).
	KindPackage Kind = "package"
)

// Op is what happened to a part.
type Op string

const (
	Changed Op = "changed"
	Added   Op = "added"
	Removed Op = "removed"
)

// Change is one difference between two digests.
type Change struct {
	Kind Kind `json:"kind"`
	// Name is the sheet's name or the attachment's path; "" for
	// KindPackage.
	Name string `json:"name,omitempty"`
	Op   Op     `json:"op"`
}

func (c Change) String() string {
	if c.Kind == KindPackage {
		return "package content " + string(c.Op)
	}
	return fmt.Sprintf("%s %s %s", c.Kind, c.Name, c.Op)
}

// Diff lists what changed from old to new: sheets first, then
// attachments, each sorted by name. Equal digests give none; digests that
// differ in no part they describe (or of different versions) give a
// single KindPackage change.
func Diff(old, new Digest) []Change {
	if old.Equal(new) {
		return nil
	}
	var out []Change
	if old.V == new.V {
		out = append(out, diffParts(KindSheet, old.Sheets, new.Sheets)...)
		out = append(out, diffParts(KindFile, old.Files, new.Files)...)
	}
	if len(out) == 0 {
		out = append(out, Change{Kind: KindPackage, Op: Changed})
	}
	return out
}

func diffParts(k Kind, old, new map[string]string) []Change {
	names := map[string]bool{}
	for n := range old {
		names[n] = true
	}
	for n := range new {
		names[n] = true
	}
	var out []Change
	for _, n := range sortedKeys(names) {
		o, inOld := old[n]
		w, inNew := new[n]
		switch {
		case !inOld:
			out = append(out, Change{Kind: k, Name: n, Op: Added})
		case !inNew:
			out = append(out, Change{Kind: k, Name: n, Op: Removed})
		case o != w:
			out = append(out, Change{Kind: k, Name: n, Op: Changed})
		}
	}
	return out
}
