package workbook

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Character encodings of the XML parts. Excel, WPS and LibreOffice write
// UTF-8; home-made exporters also write GBK, ISO-8859-1 or UTF-16 and say so
// in the XML declaration (<?xml … encoding="GBK"?>) or with a byte order
// mark. A UTF-8 part (or one that declares nothing) is read as it comes; any
// other is decoded on the fly with golang.org/x/text.

// declHead bounds the bytes looked at for a byte order mark and the XML
// declaration.
const declHead = 512

// decodedReader returns r decoding the part's declared encoding into UTF-8.
// An encoding it does not know is an *unreadable error naming it.
func decodedReader(r io.Reader) (io.Reader, error) {
	head := make([]byte, declHead)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	var rest io.Reader = r
	switch {
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		rest = eofReader{}
	case err != nil:
		rest = errReader{err}
	}
	enc, err := partEncoding(head)
	if err != nil {
		return nil, err
	}
	all := io.MultiReader(bytes.NewReader(head), rest)
	if enc == nil {
		return all, nil
	}
	return transform.NewReader(all, enc.NewDecoder()), nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

var (
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

// partEncoding tells the encoding of a part from its first bytes: nil for
// UTF-8 (and ASCII).
func partEncoding(head []byte) (encoding.Encoding, error) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return nil, nil // UTF-8 with a byte order mark: it wins over any declaration
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), nil
	case bytes.HasPrefix(head, []byte{'<', 0}):
		return utf16LE, nil // UTF-16 without a byte order mark
	case bytes.HasPrefix(head, []byte{0, '<'}):
		return utf16BE, nil
	}
	name := declaredEncoding(head)
	if name == "" || isUTF8Name(name) || isWideName(name) {
		// A declared UTF-16 or UTF-32 in bytes that read as ASCII is wrong:
		// the bytes tell the truth.
		return nil, nil
	}
	enc, err := lookupEncoding(name)
	if err != nil {
		return nil, newUnreadable("workbook.encoding", err, "encoding", truncateRunes(name, 40))
	}
	if enc == unicode.UTF8 {
		return nil, nil
	}
	return enc, nil
}

// lookupEncoding finds an encoding by its IANA name or alias (ISO-8859-1 is
// Latin-1 proper), else by its web label (gb2312 is read as GBK, its
// superset).
func lookupEncoding(name string) (encoding.Encoding, error) {
	if enc, err := ianaindex.IANA.Encoding(name); err == nil && enc != nil {
		return enc, nil
	}
	return htmlindex.Get(name)
}

// declaredEncoding returns the encoding="…" of the XML declaration at the
// start of head, "" when there is none.
func declaredEncoding(head []byte) string {
	h := bytes.TrimLeft(head, " \t\r\n")
	if !bytes.HasPrefix(h, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(h, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := h[len("<?xml"):end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n")
	if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
		return ""
	}
	q := v[0]
	j := bytes.IndexByte(v[1:], q)
	if j < 0 {
		return ""
	}
	return strings.TrimSpace(string(v[1 : 1+j]))
}

// normName folds an encoding name for comparison: lower case, without
// '-', '_' and spaces.
func normName(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}

func isUTF8Name(name string) bool {
	switch normName(name) {
	case "utf8", "usascii", "ascii":
		return true
	}
	return false
}

// isWideName reports whether name is a UTF-16 or UTF-32 encoding.
func isWideName(name string) bool {
	n := normName(name)
	for _, p := range []string{"utf16", "utf32", "ucs2", "ucs4", "iso10646ucs", "unicode"} {
		if strings.HasPrefix(n, p) {
			return n != "unicode11utf8"
		}
	}
	return false
}

// SpreadsheetML main namespaces (transitional and strict).
const (
	nsMainTransitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict       = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// nsStack follows the namespace declarations in scope while a part is
// scanned (push on every start tag, pop on every end tag).
type nsStack struct {
	depth int
	decls []nsDecl
}

type nsDecl struct {
	depth  int
	prefix string
	uri    string
}

func (n *nsStack) push(s *xmlScanner) {
	n.depth++
	for _, a := range s.attrs {
		if !a.xmlns {
			continue
		}
		prefix := string(a.key)
		if prefix == "xmlns" {
			prefix = ""
		}
		n.decls = append(n.decls, nsDecl{depth: n.depth, prefix: prefix, uri: decodeText(a.val)})
	}
}

func (n *nsStack) pop() {
	for len(n.decls) > 0 && n.decls[len(n.decls)-1].depth >= n.depth {
		n.decls = n.decls[:len(n.decls)-1]
	}
	n.depth--
}

// isMain reports whether an element with this prefix is in SpreadsheetML's
// main namespace. An unprefixed element where no default namespace is
// declared counts as main (hand-made parts often declare none).
func (n *nsStack) isMain(prefix []byte) bool {
	for i := len(n.decls) - 1; i >= 0; i-- {
		if n.decls[i].prefix == string(prefix) {
			return n.decls[i].uri == nsMainTransitional || n.decls[i].uri == nsMainStrict
		}
	}
	return len(prefix) == 0
}
