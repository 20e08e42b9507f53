package workbook

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// A small streaming XML tokenizer for the parts of an .xlsx (SpreadsheetML is
// plain XML without DTD-defined entities). It exists instead of encoding/xml
// for two reasons: encoding/xml buffers a whole text node in memory, so one
// hostile cell of a gigabyte would take a gigabyte (here text beyond a bound
// is skipped, not stored), and it allocates for every token, which makes a
// 100,000-row sheet several times slower.
//
// Names are reported without their namespace prefix ("x:c" is "c"), so strict
// and transitional OOXML read alike.

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
)

type xmlAttr struct {
	key []byte // local name
	val []byte // raw, entities not yet decoded
}

// errMalformed is returned for input that is not well-formed enough to read.
var errMalformed = errors.New("malformed XML")

// maxTag bounds one tag (name and attributes), against hostile input.
const maxTag = 1 << 16

type xmlScanner struct {
	src      io.Reader
	buf      []byte
	pos, end int
	rerr     error // sticky error of src (io.EOF at the end)

	name    []byte // local name of the current tag
	attrs   []xmlAttr
	tag     []byte // backing store of name and attribute values
	pending bool   // a self-closing tag's end is due

	// Text collection: while keep is set, character data is appended to
	// text (raw, entities undecoded) up to maxText bytes; more sets cut.
	keep    bool
	text    []byte
	maxText int
	cut     bool
}

func newScanner(r io.Reader, maxText int) *xmlScanner {
	return &xmlScanner{src: r, buf: make([]byte, 64<<10), maxText: maxText}
}

// fill reads more input; false at the end or on error.
func (s *xmlScanner) fill() bool {
	if s.rerr != nil {
		return false
	}
	s.pos, s.end = 0, 0
	for s.end == 0 {
		n, err := s.src.Read(s.buf)
		s.end = n
		if err != nil {
			s.rerr = err
			return n > 0
		}
	}
	return true
}

// err returns the read error, nil at a clean end of input.
func (s *xmlScanner) err() error {
	if s.rerr == io.EOF {
		return nil
	}
	return s.rerr
}

func (s *xmlScanner) readByte() (byte, bool) {
	if s.pos == s.end && !s.fill() {
		return 0, false
	}
	c := s.buf[s.pos]
	s.pos++
	return c, true
}

// addText appends raw character data while collecting.
func (s *xmlScanner) addText(b []byte) {
	if !s.keep || len(b) == 0 {
		return
	}
	if room := s.maxText - len(s.text); len(b) > room {
		b = b[:max(room, 0)]
		s.cut = true
	}
	s.text = append(s.text, b...)
}

// startText begins collecting the character data that follows.
func (s *xmlScanner) startText() {
	s.keep, s.text, s.cut = true, s.text[:0], false
}

// next advances to the next start or end tag, skipping (or, while keep is
// set, collecting) the character data before it. At the end of the input it
// returns tokEOF; check err().
func (s *xmlScanner) next() tokKind {
	if s.pending {
		s.pending = false
		return tokEnd
	}
	for {
		// character data up to '<'
		for {
			if s.pos == s.end && !s.fill() {
				return tokEOF
			}
			chunk := s.buf[s.pos:s.end]
			i := bytes.IndexByte(chunk, '<')
			if i < 0 {
				s.addText(chunk)
				s.pos = s.end
				continue
			}
			s.addText(chunk[:i])
			s.pos += i + 1
			break
		}
		c, ok := s.readByte()
		if !ok {
			return s.fail()
		}
		switch c {
		case '/':
			if !s.readName() {
				return s.fail()
			}
			if !s.skipTo('>') {
				return s.fail()
			}
			return tokEnd
		case '?':
			if !s.skipPast("?>", false) {
				return s.fail()
			}
		case '!':
			if !s.special() {
				return s.fail()
			}
		default:
			s.pos-- // the name's first byte
			if !s.readStart() {
				return s.fail()
			}
			return tokStart
		}
	}
}

func (s *xmlScanner) fail() tokKind {
	if s.rerr == nil || s.rerr == io.EOF {
		s.rerr = errMalformed
	}
	return tokEOF
}

// special handles "<!": a comment, a CDATA section (its content is text) or
// a DOCTYPE (skipped; its entities are never expanded).
func (s *xmlScanner) special() bool {
	c, ok := s.readByte()
	if !ok {
		return false
	}
	switch c {
	case '-':
		if c, ok = s.readByte(); !ok || c != '-' {
			return false
		}
		return s.skipPast("-->", false)
	case '[':
		for _, want := range []byte("CDATA[") {
			if c, ok = s.readByte(); !ok || c != want {
				return false
			}
		}
		return s.skipPast("]]>", true)
	default:
		depth := 0 // a DOCTYPE with an internal subset: <!DOCTYPE x [ ... ]>
		for {
			c, ok = s.readByte()
			if !ok {
				return false
			}
			switch c {
			case '[':
				depth++
			case ']':
				depth--
			case '>':
				if depth <= 0 {
					return true
				}
			}
		}
	}
}

// skipPast consumes input through the terminator; with cdata the content is
// collected as text (escaped, so that decoding restores it).
func (s *xmlScanner) skipPast(term string, cdata bool) bool {
	var win [4]byte
	wn := 0
	collect := cdata && s.keep
	var content []byte
	full := false
	for {
		c, ok := s.readByte()
		if !ok {
			return false
		}
		if wn < len(term) {
			win[wn] = c
			wn++
		} else {
			copy(win[:], win[1:len(term)])
			win[len(term)-1] = c
		}
		if wn == len(term) && string(win[:wn]) == term {
			break
		}
		if collect {
			if len(content) < s.maxText+len(term) {
				content = append(content, c)
			} else {
				full = true
			}
		}
	}
	if collect {
		if !full {
			content = content[:max(len(content)-(len(term)-1), 0)]
		}
		for _, b := range content {
			switch b {
			case '&':
				s.addText([]byte("&amp;"))
			case '<':
				s.addText([]byte("&lt;"))
			default:
				s.addText([]byte{b})
			}
		}
		if full {
			s.cut = true
		}
	}
	return true
}

func (s *xmlScanner) skipTo(term byte) bool {
	for {
		if s.pos == s.end && !s.fill() {
			return false
		}
		if i := bytes.IndexByte(s.buf[s.pos:s.end], term); i >= 0 {
			s.pos += i + 1
			return true
		}
		s.pos = s.end
	}
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '='
}

// readName reads a tag name into s.name (prefix dropped).
func (s *xmlScanner) readName() bool {
	s.tag = s.tag[:0]
	for {
		if s.pos == s.end && !s.fill() {
			return false
		}
		c := s.buf[s.pos]
		if isNameEnd(c) {
			break
		}
		s.pos++
		if c == ':' {
			s.tag = s.tag[:0]
			continue
		}
		if len(s.tag) >= 256 {
			return false
		}
		s.tag = append(s.tag, c)
	}
	s.name = s.tag
	return len(s.name) > 0
}

// readStart reads a start tag's name and attributes.
func (s *xmlScanner) readStart() bool {
	if !s.readName() {
		return false
	}
	nameLen := len(s.tag)
	s.attrs = s.attrs[:0]
	var spans [16]attrSpan
	sp := spans[:0]
	for {
		c, ok := s.readByte()
		if !ok {
			return false
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '>':
			s.finishStart(nameLen, sp)
			return true
		case '/':
			if c, ok = s.readByte(); !ok || c != '>' {
				return false
			}
			s.finishStart(nameLen, sp)
			s.pending = true
			return true
		}
		// attribute name
		s.pos--
		k0 := len(s.tag)
		for {
			c, ok = s.readByte()
			if !ok {
				return false
			}
			if isNameEnd(c) {
				break
			}
			if c == ':' {
				s.tag = s.tag[:k0]
				continue
			}
			s.tag = append(s.tag, c)
		}
		k1 := len(s.tag)
		for c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if c, ok = s.readByte(); !ok {
				return false
			}
		}
		if c != '=' {
			return false
		}
		for {
			if c, ok = s.readByte(); !ok {
				return false
			}
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				break
			}
		}
		if c != '"' && c != '\'' {
			return false
		}
		quote := c
		v0 := len(s.tag)
		for {
			if s.pos == s.end && !s.fill() {
				return false
			}
			chunk := s.buf[s.pos:s.end]
			i := bytes.IndexByte(chunk, quote)
			if i < 0 {
				s.tag = append(s.tag, chunk...)
				s.pos = s.end
			} else {
				s.tag = append(s.tag, chunk[:i]...)
				s.pos += i + 1
			}
			if len(s.tag) > maxTag {
				return false
			}
			if i >= 0 {
				break
			}
		}
		sp = append(sp, attrSpan{k0, k1, v0, len(s.tag)})
	}
}

// attrSpan locates an attribute's name and value in xmlScanner.tag.
type attrSpan struct{ k0, k1, v0, v1 int }

func (s *xmlScanner) finishStart(nameLen int, sp []attrSpan) {
	s.name = s.tag[:nameLen]
	for _, a := range sp {
		s.attrs = append(s.attrs, xmlAttr{key: s.tag[a.k0:a.k1], val: s.tag[a.v0:a.v1]})
	}
}

// is reports whether the current tag's local name is n.
func (s *xmlScanner) is(n string) bool { return string(s.name) == n }

// attr returns the raw value of the attribute with local name key.
func (s *xmlScanner) attr(key string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.key) == key {
			return a.val, true
		}
	}
	return nil, false
}

// attrString returns the decoded value of an attribute, "" when absent.
func (s *xmlScanner) attrString(key string) string {
	v, _ := s.attr(key)
	return decodeText(v)
}

// skipElement skips to the end of the element whose start tag was just read.
func (s *xmlScanner) skipElement() {
	depth := 1
	for depth > 0 {
		switch s.next() {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokEOF:
			return
		}
	}
}

// elementText returns the decoded text of a simple element (<v>, <t>) whose
// start tag was just read, and whether it was cut at maxText.
func (s *xmlScanner) elementText() (string, bool) {
	s.startText()
	s.skipElement()
	s.keep = false
	return decodeText(s.text), s.cut
}

// richText reads the text of a string item (<si> or <is>) whose start tag was
// just read: the <t> of the item and of its runs (<r>), not the phonetic
// runs (<rPh>); cut reports truncation.
func (s *xmlScanner) richText() (string, bool) {
	raw := s.richTextRaw()
	return decodeText(raw), s.cut
}

// richTextRaw is richText without decoding: the raw text, valid until the
// scanner moves on.
func (s *xmlScanner) richTextRaw() []byte {
	s.text, s.cut = s.text[:0], false
	depth := 1
	for depth > 0 {
		switch s.next() {
		case tokStart:
			switch {
			case s.is("t"):
				s.keep = true
				s.skipElement()
				s.keep = false
			case s.is("rPh"):
				s.skipElement()
			default:
				depth++
			}
		case tokEnd:
			depth--
		case tokEOF:
			depth = 0
		}
	}
	return s.text
}

// decodeText resolves character and predefined entity references, folds
// CR LF and lone CR to LF (as XML requires) and undoes the _xHHHH_ escapes
// with which Excel stores control characters.
func decodeText(b []byte) string {
	if !needsDecoding(b) {
		return string(b)
	}
	return string(appendDecoded(make([]byte, 0, len(b)), b))
}

func needsDecoding(b []byte) bool {
	return bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, '\r') >= 0 || bytes.Index(b, []byte("_x")) >= 0
}

// appendDecoded appends the decoded form of b (see decodeText) to dst.
func appendDecoded(dst, b []byte) []byte {
	if !needsDecoding(b) {
		return append(dst, b...)
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '\r':
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case '&':
			j := bytes.IndexByte(b[i:min(len(b), i+12)], ';')
			if j < 0 {
				dst = append(dst, c)
				continue
			}
			if r, ok := entity(b[i+1 : i+j]); ok {
				dst = utf8.AppendRune(dst, r)
				i += j
			} else {
				dst = append(dst, c)
			}
		case '_':
			if r, n := bstrEscape(b[i:]); n > 0 {
				if r >= 0 {
					dst = utf8.AppendRune(dst, r)
				}
				i += n - 1
			} else {
				dst = append(dst, c)
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) > 1 && name[0] == '#' {
		var v uint64
		var err error
		if name[1] == 'x' || name[1] == 'X' {
			v, err = strconv.ParseUint(string(name[2:]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(name[1:]), 10, 32)
		}
		if err == nil && v <= utf8.MaxRune {
			return rune(v), true
		}
	}
	return 0, false
}

// bstrEscape decodes an "_xHHHH_" escape at the start of b: the rune and the
// length consumed, or n = 0 when b does not start with one. A decoded NUL is
// dropped (r < 0).
func bstrEscape(b []byte) (r rune, n int) {
	if len(b) < 7 || b[1] != 'x' || b[6] != '_' {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(b[2:6]), 16, 16)
	if err != nil {
		return 0, 0
	}
	if v == 0 {
		return -1, 7
	}
	return rune(v), 7
}
