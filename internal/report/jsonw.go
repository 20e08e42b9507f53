package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/mkspace/mkspace/internal/msg"
)

// jsonWriter writes an indented JSON document piece by piece, so that a
// long list (findings, results) is encoded one element at a time instead of
// as one document in memory.
type jsonWriter struct {
	b     *bufio.Writer
	err   error
	depth int
	first []bool // per open container: no element written yet
}

func newJSONWriter(b *bufio.Writer) *jsonWriter { return &jsonWriter{b: b} }

func (w *jsonWriter) indent() string {
	return "\n" + string(bytes.Repeat([]byte("  "), w.depth))
}

// sep starts the next element of the open container.
func (w *jsonWriter) sep() {
	if n := len(w.first); n > 0 {
		if !w.first[n-1] {
			w.b.WriteByte(',')
		}
		w.first[n-1] = false
		w.b.WriteString(w.indent())
	}
}

func (w *jsonWriter) open(c byte) {
	w.b.WriteByte(c)
	w.depth++
	w.first = append(w.first, true)
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	empty := w.first[len(w.first)-1]
	w.first = w.first[:len(w.first)-1]
	if !empty {
		w.b.WriteString(w.indent())
	}
	w.b.WriteByte(c)
}

// key starts a member of the open object.
func (w *jsonWriter) key(name string) {
	w.sep()
	w.raw(name)
	w.b.WriteString(": ")
}

// raw encodes v at the current depth, without a separator.
func (w *jsonWriter) raw(v any) {
	if w.err != nil {
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(string(bytes.Repeat([]byte("  "), w.depth)), "  ")
	if w.err = enc.Encode(v); w.err != nil {
		return
	}
	w.b.Write(escapeJSON(bytes.TrimRight(buf.Bytes(), "\n")))
}

// escapeJSON writes as \u escapes the characters encoding/json leaves raw
// that a terminal would act on (DEL, C1, the bidi controls: msg.Escaped):
// a report piped to a terminal stays inert. They only occur inside
// strings, where the escape means the same character.
func escapeJSON(b []byte) []byte {
	if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7F && msg.Escaped(r) }) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r >= 0x7F && msg.Escaped(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// member writes "name": v.
func (w *jsonWriter) member(name string, v any) {
	w.key(name)
	w.raw(v)
}

// item writes v as the next element of the open array.
func (w *jsonWriter) item(v any) {
	w.sep()
	w.raw(v)
}

// finish ends the document and flushes it.
func (w *jsonWriter) finish() error {
	w.b.WriteByte('\n')
	if w.err != nil {
		return w.err
	}
	return w.b.Flush()
}
