package workbook

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf16"
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
	// xmlns: a namespace declaration, xmlns="…" (key "xmlns") or
	// xmlns:p="…" (key "p").
	xmlns bool
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
	prefix  []byte // its namespace prefix, "" when none
	attrs   []xmlAttr
	tag     []byte // backing store of name and attribute values
	pending bool   // a self-closing tag's end is due

	// Text collection: while keep is set, character data is appended to
	// text (raw, entities undecoded) up to maxText bytes; past that, cut is
	// set and the characters are counted in over, not stored (pend holds
	// the bytes of a character or escape not yet complete).
	keep    bool
	text    []byte
	maxText int
	cut     bool
	over    int
	pend    []byte
	scratch []byte
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
	if s.cut {
		s.countOver(b)
		return
	}
	if room := s.maxText - len(s.text); len(b) > room {
		// Keep what fits, ended at a whole character or escape; count the
		// rest.
		s.text = append(s.text, b[:max(room, 0)]...)
		n := decodablePrefix(s.text)
		s.pend = append(s.pend[:0], s.text[n:]...)
		s.text = s.text[:n]
		s.cut = true
		s.countOver(b[max(room, 0):])
		return
	}
	s.text = append(s.text, b...)
}

// countOver counts the characters of text past the bound: whole characters
// and escapes are decoded and counted; an incomplete one waits in pend.
func (s *xmlScanner) countOver(b []byte) {
	s.pend = append(s.pend, b...)
	n := decodablePrefix(s.pend)
	s.scratch = appendDecoded(s.scratch[:0], s.pend[:n])
	s.over += utf8.RuneCount(s.scratch)
	rest := copy(s.pend, s.pend[n:])
	s.pend = s.pend[:rest]
}

// overflow ends the counting of text past the bound and returns the number
// of characters not stored.
func (s *xmlScanner) overflow() int {
	if len(s.pend) > 0 {
		s.scratch = appendDecoded(s.scratch[:0], s.pend)
		s.over += utf8.RuneCount(s.scratch)
		s.pend = s.pend[:0]
	}
	return s.over
}

// startText begins collecting the character data that follows.
func (s *xmlScanner) startText() {
	s.keep, s.text, s.cut, s.over, s.pend = true, s.text[:0], false, 0, s.pend[:0]
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
	collect := cdata && s.keep
	var hold [64]byte // bytes that may begin the terminator, not yet passed on
	n := 0
	for {
		c, ok := s.readByte()
		if !ok {
			return false
		}
		hold[n] = c
		n++
		if n >= len(term) && string(hold[n-len(term):n]) == term {
			if collect {
				s.addEscaped(hold[:n-len(term)])
			}
			return true
		}
		if n == len(hold) {
			keep := len(term) - 1
			if collect {
				s.addEscaped(hold[:n-keep])
			}
			copy(hold[:], hold[n-keep:n])
			n = keep
		}
	}
}

// addEscaped adds CDATA content as text, escaped as character data.
func (s *xmlScanner) addEscaped(b []byte) {
	for len(b) > 0 {
		i := bytes.IndexAny(b, "&<")
		if i < 0 {
			s.addText(b)
			return
		}
		s.addText(b[:i])
		if b[i] == '&' {
			s.addText([]byte("&amp;"))
		} else {
			s.addText([]byte("&lt;"))
		}
		b = b[i+1:]
	}
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

// readName reads a tag name into s.name and its namespace prefix into
// s.prefix.
func (s *xmlScanner) readName() bool {
	s.tag = s.tag[:0]
	s.prefix = s.prefix[:0]
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
			s.prefix = append(s.prefix[:0], s.tag...)
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
		xmlns := false
		for {
			c, ok = s.readByte()
			if !ok {
				return false
			}
			if isNameEnd(c) {
				break
			}
			if c == ':' {
				xmlns = string(s.tag[k0:]) == "xmlns"
				s.tag = s.tag[:k0]
				continue
			}
			s.tag = append(s.tag, c)
		}
		if !xmlns && string(s.tag[k0:]) == "xmlns" {
			xmlns = true
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
		sp = append(sp, attrSpan{k0, k1, v0, len(s.tag), xmlns})
	}
}

// attrSpan locates an attribute's name and value in xmlScanner.tag.
type attrSpan struct {
	k0, k1, v0, v1 int
	xmlns          bool
}

func (s *xmlScanner) finishStart(nameLen int, sp []attrSpan) {
	s.name = s.tag[:nameLen]
	for _, a := range sp {
		s.attrs = append(s.attrs, xmlAttr{key: s.tag[a.k0:a.k1], val: s.tag[a.v0:a.v1], xmlns: a.xmlns})
	}
}

// is reports whether the current tag's local name is n.
func (s *xmlScanner) is(n string) bool { return string(s.name) == n }

// attr returns the raw value of the attribute with local name key.
func (s *xmlScanner) attr(key string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.key) == key && !a.xmlns {
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
// start tag was just read, and the number of characters past maxText bytes
// that were counted but not kept.
func (s *xmlScanner) elementText() (string, int) {
	s.startText()
	s.skipElement()
	s.keep = false
	return decodeText(s.text), s.overflow()
}

// richText reads the text of a string item (<si> or <is>) whose start tag was
// just read: the <t> of the item and of its runs (<r>), not the phonetic
// runs (<rPh>); over counts the characters not kept.
func (s *xmlScanner) richText() (text string, over int) {
	raw, over := s.richTextRaw()
	return decodeText(raw), over
}

// richTextRaw is richText without decoding: the raw text, valid until the
// scanner moves on.
func (s *xmlScanner) richTextRaw() ([]byte, int) {
	s.startText()
	s.keep = false
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
	return s.text, s.overflow()
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
	return bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, '\r') >= 0 || bytes.Contains(b, []byte("_x"))
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
			if r, n := bstrEscapePair(b[i:]); n > 0 {
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

// decodablePrefix returns the length of the longest prefix of raw text b
// that holds only whole characters, entities and escapes, as appendDecoded
// reads them: decoding that prefix and then the rest (with what follows it)
// gives the same text as decoding the whole.
func decodablePrefix(b []byte) int {
	i := 0
	for i < len(b) {
		c := b[i]
		switch {
		case c == '\r':
			if i+1 == len(b) {
				return i // a line feed may follow
			}
			i++
			if b[i] == '\n' {
				i++
			}
		case c == '&':
			j := bytes.IndexByte(b[i:min(len(b), i+12)], ';')
			switch {
			case j < 0 && len(b)-i < 12:
				return i
			case j < 0:
				i++
			default:
				if _, ok := entity(b[i+1 : i+j]); ok {
					i += j + 1
				} else {
					i++
				}
			}
		case c == '_':
			if len(b)-i < 2*bstrLen {
				if len(b)-i < bstrLen {
					return i
				}
				if r, n := bstrEscape(b[i:]); n > 0 && utf16.IsSurrogate(r) && r < 0xDC00 {
					return i // its low half may follow
				}
			}
			if _, n := bstrEscapePair(b[i:]); n > 0 {
				i += n
			} else {
				i++
			}
		case c >= utf8.RuneSelf:
			if !utf8.FullRune(b[i:]) {
				return i
			}
			_, size := utf8.DecodeRune(b[i:])
			i += size
		default:
			i++
		}
	}
	return len(b)
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

// bstrLen is the length of one "_xHHHH_" escape.
const bstrLen = 7

// bstrEscapePair decodes an "_xHHHH_" escape at the start of b, or two that
// hold a UTF-16 surrogate pair ("_xD83D__xDE80_" is one character). A lone
// surrogate is U+FFFD.
func bstrEscapePair(b []byte) (r rune, n int) {
	r, n = bstrEscape(b)
	if n == 0 || !utf16.IsSurrogate(r) {
		return r, n
	}
	if r < 0xDC00 { // a high half: its low half should follow
		if r2, n2 := bstrEscape(b[n:]); n2 > 0 && r2 >= 0xDC00 && r2 <= 0xDFFF {
			return utf16.DecodeRune(r, r2), n + n2
		}
	}
	return utf8.RuneError, n
}

// bstrEscape decodes an "_xHHHH_" escape at the start of b: the rune and the
// length consumed, or n = 0 when b does not start with one. A decoded NUL is
// dropped (r < 0).
func bstrEscape(b []byte) (r rune, n int) {
	if len(b) < bstrLen || b[1] != 'x' || b[6] != '_' {
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
