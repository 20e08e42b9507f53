package layout

import (
	"strings"
	"unicode"
)

// Line breaking for Chinese text (GB/T 15834 and common typesetting
// practice): a line may break between any two Chinese characters, but
//   - closing punctuation and the pause marks never start a line;
//   - opening brackets and quotation marks never end a line;
//   - an ellipsis (……) or a dash (——) is never split;
//   - a run of Latin letters and digits (a word, a number, a URL) is kept
//     whole unless it is wider than a line by itself;
//   - spaces are break opportunities and vanish at a break.
//
// When a character that may not start a line does not fit, the character
// before it moves to the next line with it.

// noStart are characters that may not begin a line.
const noStart = "，。、；：？！）」』》〉】〕〗｝］”’…・·‥％‰℃°～－" +
	",.;:?!)]}%>"

// noEnd are characters that may not end a line.
const noEnd = "（「『《〈【〔〖｛［“‘￥＄" + "([{<$"

// noSplit are characters whose doubled form (…… ——) is never split.
const noSplit = "…—‥"

func in(set string, r rune) bool { return strings.ContainsRune(set, r) }

// isWordRune reports whether r belongs to a run that is kept whole: Latin
// letters, digits and the ASCII/Latin punctuation that sits inside words,
// numbers, e-mail addresses and URLs.
func isWordRune(r rune) bool {
	return r < 0x2E80 && !unicode.IsSpace(r) && !in(noSplit, r) && r != '·'
}

// canBreak reports whether a line may break between a and b (neither a
// space).
func canBreak(a, b rune) bool {
	switch {
	case in(noStart, b), in(noEnd, a):
		return false
	case a == b && in(noSplit, a):
		return false
	case isWordRune(a) && isWordRune(b):
		return false
	}
	return true
}

// cluster is a piece of text that is never broken (except when wider than a
// line by itself).
type cluster struct {
	runes []rune
	space bool
}

// clusters cuts one paragraph (no line feeds) at its break opportunities.
func clusters(text string) []cluster {
	var out []cluster
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cluster{runes: cur})
			cur = nil
		}
	}
	var prev rune
	for _, r := range text {
		if unicode.IsSpace(r) {
			flush()
			out = append(out, cluster{runes: []rune{r}, space: true})
			prev = 0
			continue
		}
		if len(cur) > 0 && canBreak(prev, r) {
			flush()
		}
		cur = append(cur, r)
		prev = r
	}
	flush()
	return out
}

// Wrap breaks text into lines for a column: the first line at most first
// wide (a first-line indent makes it narrower), the others at most rest.
// width returns the advance of one character in the same unit. Line feeds in
// text end a line; blank lines are kept as empty lines.
func Wrap(text string, first, rest float64, width func(rune) float64) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for i, para := range strings.Split(text, "\n") {
		limit := rest
		if i == 0 {
			limit = first
		}
		lines = append(lines, wrapParagraph(para, limit, rest, width)...)
	}
	return lines
}

const epsilon = 1e-6

func wrapParagraph(text string, first, rest float64, width func(rune) float64) []string {
	var (
		lines  []string
		line   []rune
		lw     float64 // width of line
		spaces []rune  // pending spaces, written only if more text follows on the line
		sw     float64
		limit  = first
	)
	emit := func() {
		lines = append(lines, string(line))
		line, lw, spaces, sw, limit = nil, 0, nil, 0, rest
	}
	for _, c := range clusters(text) {
		if c.space {
			if len(line) > 0 {
				spaces = append(spaces, c.runes...)
				sw += width(c.runes[0])
			}
			continue
		}
		cw := 0.0
		for _, r := range c.runes {
			cw += width(r)
		}
		if len(line) > 0 && lw+sw+cw > limit+epsilon {
			emit()
		}
		if len(line) > 0 {
			line = append(line, spaces...)
			lw += sw
		}
		spaces, sw = nil, 0
		if lw+cw <= limit+epsilon {
			line = append(line, c.runes...)
			lw += cw
			continue
		}
		// A cluster wider than a whole line: break it where it overflows.
		for _, r := range c.runes {
			w := width(r)
			if len(line) > 0 && lw+w > limit+epsilon {
				emit()
			}
			line = append(line, r)
			lw += w
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, string(line))
	}
	return lines
}
