package msg

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that could act on a terminal, a
// log viewer or a spreadsheet instead of being read shown as a visible
// escape, so that text taken from a package (cell values, sheet, file and
// space names) can never clear a screen, move the cursor, ring a bell or
// reorder a line:
//
//   - line feed and carriage return as \n and \r;
//   - other C0 control characters and DEL as \x1b, \x07, \x7f…;
//   - C1 control characters (U+0080–U+009F) as \u0085…;
//   - the invisible controls of bidirectional text (U+061C, U+200E,
//     U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph
//     separators U+2028, U+2029 as \u202e….
//
// Tab stays. A backslash is not doubled: Escape of escaped text changes
// nothing, so every layer of output may apply it. Every human-readable
// output goes through it: the messages (T escapes every placeholder), the
// text and github reports, verify's lines and the summary CSV. Machine
// formats (json, sarif) carry the raw text in their own escaping; junit
// uses Escape, since XML 1.0 cannot carry most control characters at all.
func Escape(s string) string {
	i := strings.IndexFunc(s, escaped)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !escaped(r) {
			b.WriteRune(r)
			continue
		}
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80:
			b.WriteString(`\x`)
			b.WriteString(hex(r, 2))
		default:
			b.WriteString(`\u`)
			b.WriteString(hex(r, 4))
		}
	}
	return b.String()
}

// EscapeLines is Escape for text of several lines: each line is escaped,
// the line feeds between them stay (a CR LF becomes a line feed).
func EscapeLines(s string) string {
	if !strings.Contains(s, "\n") {
		return Escape(s)
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, ln := range lines {
		lines[i] = Escape(ln)
	}
	return strings.Join(lines, "\n")
}

// Escaped reports whether Escape shows r as an escape. The JSON reports
// write these characters as \u escapes too (encoding/json leaves DEL, C1
// and the bidi controls raw).
func Escaped(r rune) bool { return escaped(r) }

func escaped(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r < 0x061C:
		return false
	}
	return r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E ||
		r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029
}

func hex(r rune, width int) string {
	h := strconv.FormatInt(int64(r), 16)
	if len(h) < width {
		h = strings.Repeat("0", width-len(h)) + h
	}
	return h
}

// ValueRunes is how many characters of a value a message quotes; a longer
// value is shortened with "…" (Clip).
const ValueRunes = 60

// PathRunes bounds a file name or path quoted in a message: long enough
// for any real path (Windows' classic limit is 260 characters), short
// enough that a crafted 40,000-character name cannot flood the screen. A
// longer one keeps its start and its end (ClipMiddle): the end names the
// file.
const PathRunes = 240

// Clip shortens s to its first n characters followed by "…" when it is
// longer than n characters.
func Clip(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// ClipMiddle shortens s to about n characters, keeping its start and its
// end with "…" between them, when it is longer than n characters.
func ClipMiddle(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	head := n / 2
	tail := n - head - 1
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// Placeholders by what they carry. T escapes every placeholder value
// (Escape) and shortens the values of valueHolders to ValueRunes (keeping
// the start) and of pathHolders to PathRunes (keeping both ends). The
// placeholders of composedHolders carry text mkspace composed (other
// messages, option lists, counts, dates, version numbers): they are
// escaped, never shortened. Every placeholder of the catalogue is in
// exactly one list (a test checks it), so that a new one is a decision.
var (
	valueHolders = setOf("value", "other_value", "shell", "flag", "field", "encoding", "root", "have", "team", "team_date", "actual", "column", "col",
		"sheet", "sheet_en", "like", "key", "loc", "other_loc", "team_loc", "location", "cell",
		"check", "alias", "h1", "h2", "x", "kind", "v", "a", "b", "chars", "char", "other", "table", "material", "old", "new")
	pathHolders = setOf("file", "path", "dir", "pdf", "manifest", "workbook", "letter",
		"package", "first", "attachments", "name", "example", "input",
		"original", "backup", "near", "image")
	composedHolders = setOf("err", "details", "message", "options", "names", "parts", "cols",
		"changes", "examples", "expected", "label", "bound", "count", "errors", "warnings",
		"totals", "states", "condition", "cond", "desc", "what", "when", "formats", "severity",
		"shown", "failed", "need", "candidates", "ok", "title", "unit", "type", "cmd", "format", "rule",
		"required", "source", "range", "n", "len", "max", "min", "limit", "size",
		"want", "mib", "area", "sum", "ratio", "total", "pages", "version", "start", "end",
		"last", "row", "fonts", "code", "glyphs", "signal",
		"before", "after", "dpi", "rowname",
		"choices", "commands", "default", "hint", "known", "line", "list", "offset", "suggest", "use", "where", "rows", "topleft", "page", "at", "y", "m", "d")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// placeholder renders the value of placeholder name for a message.
func placeholder(name, value string) string {
	switch {
	case valueHolders[name]:
		value = Clip(value, ValueRunes)
	case pathHolders[name]:
		value = ClipMiddle(value, PathRunes)
	}
	return Escape(value)
}
