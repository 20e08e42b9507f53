package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/safefile"
)

// book is one opened .xlsx file: its zip directory, its sheets and, once
// needed, its shared strings. It reads parts straight from the zip, one at a
// time and as streams, never the whole package into memory.
type book struct {
	path     string // as in Package.Files
	rel      string // as findings name it
	f        *os.File
	zr       *zip.Reader
	parts    map[string]*zip.File // lower-cased part name → entry
	sheets   []bookSheet          // in workbook order
	date1904 bool
	sstPart  string
	sstOnce  sync.Once
	sst      *sharedStrings
	sstErr   error
	limits   config.Limits
}

type bookSheet struct {
	name string // as written
	part string // zip part of its XML, "" when the relationship is missing
}

// unreadable is why a file cannot be read: a message key of the catalogue
// and its placeholders (besides {file}).
type unreadable struct {
	key  string
	args []string
	err  error
}

func (u *unreadable) Error() string {
	if u.err != nil {
		return u.key + ": " + u.err.Error()
	}
	return u.key
}

func newUnreadable(key string, err error, kv ...string) *unreadable {
	return &unreadable{key: key, args: kv, err: err}
}

// Magic numbers of the formats people rename to .xlsx.
var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Bounds of the small parts read whole (workbook.xml, relationships).
const maxSmallPart = 32 << 20

// openBook opens and classifies one file. A problem of the file is an
// *unreadable error.
func openBook(filePath, rel string, lim config.Limits) (*book, error) {
	f, err := safefile.Open(filePath) // a pipe or a device is not read
	if errors.Is(err, safefile.ErrNotRegular) {
		return nil, newUnreadable("workbook.not-workbook", nil, "kind", "workbook.kind.not-plain")
	}
	if err != nil {
		return nil, newUnreadable("workbook.file-unopenable", err, "err", "")
	}
	b := &book{path: filePath, rel: rel, f: f, limits: lim}
	if err := b.open(); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

func (b *book) close() error {
	if b.f == nil {
		return nil
	}
	err := b.f.Close()
	b.f = nil
	return err
}

func (b *book) open() error {
	fi, err := b.f.Stat()
	if err != nil {
		return newUnreadable("workbook.file-unopenable", err, "err", "")
	}
	if fi.IsDir() {
		return newUnreadable("workbook.not-workbook", nil, "kind", "workbook.kind.folder")
	}
	size := fi.Size()
	if size == 0 {
		return newUnreadable("workbook.empty", nil)
	}
	head := make([]byte, 512)
	n, _ := b.f.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, magicOLE):
		return classifyOLE(b.f)
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return newUnreadable("workbook.pdf", nil)
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("\x89PNG\r\n")):
		return newUnreadable("workbook.image", nil)
	case bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return newUnreadable("workbook.corrupt", nil, "err", "workbook.reason.empty-zip")
	case !bytes.HasPrefix(head, magicZip):
		return classifyText(head)
	}
	zr, err := zip.NewReader(b.f, size)
	if err != nil {
		return newUnreadable("workbook.corrupt", err, "err", err.Error())
	}
	b.zr = zr
	b.parts = make(map[string]*zip.File, len(zr.File))
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		key := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/"))
		if prev, dup := b.parts[key]; dup && !strings.HasSuffix(key, "/") {
			// Part names are case-insensitive: which of the two a reader
			// takes is arbitrary, so neither is trusted.
			return newUnreadable("workbook.duplicate-part", nil, "a", prev.Name, "b", zf.Name)
		}
		b.parts[key] = zf
	}
	if b.limits.UnzipBytes > 0 && total > uint64(b.limits.UnzipBytes) {
		return newUnreadable("workbook.too-large", nil,
			"size", msg.Bytes(int64(total)), "limit", msg.Bytes(b.limits.UnzipBytes), "key", "limits.unzip_bytes")
	}
	return b.readWorkbook()
}

// readWorkbook finds the workbook part and reads its sheet list.
func (b *book) readWorkbook() error {
	wbPart := "xl/workbook.xml"
	if rels, err := b.readRels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPart = r.target
				break
			}
		}
	}
	if strings.HasSuffix(strings.ToLower(wbPart), ".bin") {
		return newUnreadable("workbook.xlsb", nil)
	}
	if b.part(wbPart) == nil {
		return classifyZip(b)
	}
	rels, err := b.readRels(relsOf(wbPart), path.Dir(wbPart))
	if err != nil && !errors.Is(err, errNoPart) {
		return b.corrupt(err)
	}
	relByID := make(map[string]relationship, len(rels))
	for _, r := range rels {
		relByID[r.id] = r
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			b.sstPart = r.target
		}
	}
	if b.sstPart == "" && b.part("xl/sharedStrings.xml") != nil {
		b.sstPart = "xl/sharedStrings.xml"
	}
	s, closeFn, err := b.openPart(wbPart, maxSmallPart, "")
	if err != nil {
		return b.corrupt(err)
	}
	defer closeFn()
	sawWorkbook := false
	var ns nsStack
	for {
		tok := s.next()
		if tok == tokEOF {
			break
		}
		if tok == tokEnd {
			ns.pop()
			continue
		}
		ns.push(s)
		switch {
		case s.is("workbook"):
			sawWorkbook = true
		case s.is("workbookPr"):
			// Only the workbook's own properties: Excel 2013+ adds an
			// x15:workbookPr of another namespace after them.
			if v, ok := s.attr("date1904"); ok && ns.isMain(s.prefix) {
				d := decodeText(v)
				b.date1904 = d == "1" || strings.EqualFold(d, "true")
			}
		case s.is("sheet"):
			bs := bookSheet{name: s.attrString("name")}
			if r, ok := relByID[s.attrString("id")]; ok && b.part(r.target) != nil {
				bs.part = r.target
			}
			b.sheets = append(b.sheets, bs)
		}
	}
	if err := s.err(); err != nil {
		return b.corrupt(err)
	}
	if !sawWorkbook {
		return b.corrupt(errMalformed)
	}
	return nil
}

func (b *book) corrupt(err error) error {
	if u := limitError(err); u != nil {
		return u
	}
	var u *unreadable
	if errors.As(err, &u) {
		return u
	}
	return newUnreadable("workbook.corrupt", err, "err", err.Error())
}

// part returns the zip entry of a part name (matched case-insensitively).
func (b *book) part(name string) *zip.File {
	return b.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
}

var errNoPart = errors.New("missing part")

// errTooLarge is returned when a part inflates beyond its limit.
type errTooLarge struct {
	size, limit uint64
	key         string
}

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("part larger than %d bytes", e.limit)
}

func limitError(err error) *unreadable {
	var tl *errTooLarge
	if errors.As(err, &tl) {
		if tl.key == "" {
			return newUnreadable("workbook.corrupt", err, "err", err.Error())
		}
		return newUnreadable("workbook.too-large", nil, "size", msg.Bytes(int64(tl.size)), "limit", msg.Bytes(int64(tl.limit)), "key", tl.key)
	}
	return nil
}

// openPart opens a part as an XML scanner, bounded to limit bytes inflated
// (the size the zip declares is checked first; the zip reader itself fails
// when an entry inflates beyond what it declares). key names the config
// setting of the limit, "" for the fixed bound of small parts.
func (b *book) openPart(name string, limit int64, key string) (*xmlScanner, func(), error) {
	zf := b.part(name)
	if zf == nil {
		return nil, nil, fmt.Errorf("%w: %s", errNoPart, name)
	}
	if limit > 0 && zf.UncompressedSize64 > uint64(limit) {
		return nil, nil, &errTooLarge{size: zf.UncompressedSize64, limit: uint64(limit), key: key}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, nil, err
	}
	var r io.Reader = rc
	if limit > 0 {
		r = &limitedReader{r: rc, n: limit, limit: limit, key: key}
	}
	if r, err = decodedReader(r); err != nil {
		rc.Close()
		return nil, nil, err
	}
	// Room for cell_chars characters in their longest raw form, an escaped
	// surrogate pair ("_xD83D__xDE80_", 14 bytes).
	maxText := 2 * bstrLen * max(b.limits.CellChars, 1024)
	return newScanner(r, maxText), func() { rc.Close() }, nil
}

// rootOf returns the local name of the root element of a part ("worksheet",
// "macrosheet", …), "" when it cannot be read.
func (b *book) rootOf(part string) string {
	s, closeFn, err := b.openPart(part, b.limits.SheetXMLBytes, "limits.sheet_xml_bytes")
	if err != nil {
		return ""
	}
	defer closeFn()
	if s.next() != tokStart {
		return ""
	}
	return string(s.name)
}

// limitedReader fails (rather than stopping quietly) past its limit.
type limitedReader struct {
	r        io.Reader
	n, limit int64
	key      string
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, &errTooLarge{size: uint64(l.limit) + 1, limit: uint64(l.limit), key: l.key}
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

type relationship struct{ id, typ, target string }

// relsOf returns the relationship part of a part: xl/workbook.xml →
// xl/_rels/workbook.xml.rels.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// readRels reads a relationship part; targets are resolved against base.
func (b *book) readRels(name, base string) ([]relationship, error) {
	s, closeFn, err := b.openPart(name, maxSmallPart, "")
	if err != nil {
		return nil, err
	}
	defer closeFn()
	var out []relationship
	for {
		tok := s.next()
		if tok == tokEOF {
			break
		}
		if tok == tokStart && s.is("Relationship") {
			if strings.EqualFold(s.attrString("TargetMode"), "External") {
				continue
			}
			t := strings.ReplaceAll(s.attrString("Target"), `\`, "/")
			if strings.HasPrefix(t, "/") {
				t = path.Clean(t)[1:]
			} else {
				t = path.Clean(path.Join(base, t))
			}
			out = append(out, relationship{id: s.attrString("Id"), typ: s.attrString("Type"), target: t})
		}
	}
	return out, s.err()
}

// sharedStrings is the shared string table. The strings live in chunks of
// about 1 MB (each item a substring of its chunk): no growth by doubling and
// no allocation per item, whatever the table's size.
type sharedStrings struct {
	items []string
	cut   map[int]int // item → characters past limits.cell_chars, counted but not kept
}

func (t *sharedStrings) get(i int) (string, bool) {
	if i < 0 || i >= len(t.items) {
		return "", false
	}
	return t.items[i], true
}

// cutOf returns the number of characters of item i that were not kept.
func (t *sharedStrings) cutOf(i int) int {
	if t.cut == nil {
		return 0
	}
	return t.cut[i]
}

// strings loads the shared strings once (safe for concurrent use).
func (b *book) strings() (*sharedStrings, error) {
	b.sstOnce.Do(func() { b.sst, b.sstErr = b.loadStrings() })
	return b.sst, b.sstErr
}

const sstChunk = 1 << 20

func (b *book) loadStrings() (*sharedStrings, error) {
	t := &sharedStrings{}
	if b.sstPart == "" {
		return t, nil
	}
	s, closeFn, err := b.openPart(b.sstPart, b.limits.SheetXMLBytes, "limits.sheet_xml_bytes")
	if err != nil {
		if errors.Is(err, errNoPart) {
			return t, nil
		}
		return nil, err
	}
	defer closeFn()
	chunk := make([]byte, 0, sstChunk)
	var ends []int // end offsets in chunk of the items not yet flushed
	flush := func() {
		str := string(chunk)
		start := 0
		for _, e := range ends {
			t.items = append(t.items, str[start:e])
			start = e
		}
		chunk, ends = chunk[:0], ends[:0]
	}
	for {
		tok := s.next()
		if tok == tokEOF {
			break
		}
		if tok != tokStart {
			continue
		}
		if s.is("sst") {
			if n, err := strconv.Atoi(s.attrString("uniqueCount")); err == nil && n > 0 {
				t.items = make([]string, 0, min(n, 1<<20))
			}
			continue
		}
		if s.is("si") {
			start := len(chunk)
			raw, over := s.richTextRaw()
			chunk = appendDecoded(chunk, raw)
			keep := runePrefix(chunk[start:], b.limits.CellChars)
			if over += utf8.RuneCount(chunk[start+keep:]); over > 0 {
				if t.cut == nil {
					t.cut = map[int]int{}
				}
				t.cut[len(t.items)+len(ends)] = over
			}
			chunk = chunk[:start+keep]
			ends = append(ends, len(chunk))
			if len(chunk) >= sstChunk {
				flush()
			}
		}
	}
	if err := s.err(); err != nil {
		return nil, err
	}
	flush()
	return t, nil
}

// runePrefix returns the length in bytes of the first n characters of b
// (all of b when n ≤ 0).
func runePrefix(b []byte, n int) int {
	if n <= 0 || len(b) <= n {
		return len(b)
	}
	i := 0
	for k := 0; k < n && i < len(b); k++ {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

// truncateRunes cuts s to at most n characters (n ≤ 0: no bound).
func truncateRunes(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// classifyText names what a non-zip, non-OLE file most likely is.
func classifyText(head []byte) error {
	h := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	h = bytes.TrimLeft(h, " \t\r\n")
	lower := bytes.ToLower(h)
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")),
		bytes.HasPrefix(lower, []byte("<workbook")):
		return newUnreadable("workbook.xml2003", nil)
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		bytes.HasPrefix(lower, []byte("<table")), bytes.Contains(lower, []byte("<html")):
		return newUnreadable("workbook.html", nil)
	case looksLikeText(head):
		return newUnreadable("workbook.csv", nil)
	}
	return newUnreadable("workbook.not-workbook", nil, "kind", "workbook.kind.unknown")
}

// looksLikeText reports whether head is plain text (UTF-8, UTF-16 or a
// legacy Chinese code page): no NUL bytes, few control characters.
func looksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			ctrl++
		}
	}
	return ctrl*20 < len(head)+1
}

// classifyZip names what a zip that holds no workbook is.
func classifyZip(b *book) error {
	switch {
	case b.part("mimetype") != nil && b.part("content.xml") != nil:
		return newUnreadable("workbook.ods", nil)
	case b.part("word/document.xml") != nil:
		return newUnreadable("workbook.not-workbook", nil, "kind", "Word (.docx)")
	case b.part("ppt/presentation.xml") != nil:
		return newUnreadable("workbook.not-workbook", nil, "kind", "PowerPoint (.pptx)")
	}
	return newUnreadable("workbook.not-workbook", nil, "kind", "zip")
}

// excelEpoch returns day 0 of the date system.
func excelEpoch(date1904 bool) time.Time {
	if date1904 {
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
}

// isoToSerial converts the ISO 8601 value of a t="d" cell to an Excel serial
// number in the workbook's date system.
func isoToSerial(v string, date1904 bool) (string, bool) {
	v = strings.TrimSpace(v)
	if len(v) > 1 && v[0] == 'T' {
		v = v[1:] // "T23:44:51": a time only, in ISO 8601's basic form
	}
	var t time.Time
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "15:04:05.999999999", "15:04"} {
		if t, err = time.Parse(layout, v); err == nil {
			break
		}
	}
	if err != nil {
		return "", false
	}
	if t.Year() == 0 { // a time only: the fraction of a day
		d := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
			time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond())
		return strconv.FormatFloat(float64(d)/float64(24*time.Hour), 'f', -1, 64), true
	}
	t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	d := t.Sub(excelEpoch(date1904))
	days := d.Hours() / 24
	if !date1904 && t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		days-- // Excel counts a 29 February 1900 that never was
	}
	if !date1904 && days < 0 && days >= -1 {
		days++ // 1899-12-30T…, day 0 of OLE dates: a time only
	}
	if days < 0 {
		return "", false
	}
	return strconv.FormatFloat(days, 'f', -1, 64), true
}
