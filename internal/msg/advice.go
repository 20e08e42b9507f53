package msg

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// adviceStarts are the words with which a Chinese message says what to
// do, at the start of a clause (after "，", "。" or "；").
var adviceStarts = []string{"请", "应", "如该"}

// SplitAdvice cuts a finding's message into the problem and what to do
// about it, for the layouts that show them in columns of their own (the
// HTML report, the marked-up workbook's 检查结果 sheet): in Chinese at the
// first clause that says what to do ("，请…", "。应填写…"), in English
// after the first "; " or ". ". The problem ends with a full stop. A
// message without such a clause, or with nothing before it, is all
// problem.
func SplitAdvice(l Lang, text string) (problem, advice string) {
	if l == EN {
		i := -1
		for _, sep := range []string{"; ", ". "} {
			if j := strings.Index(text, sep); j > 0 && (i < 0 || j < i) {
				i = j
			}
		}
		if i < 0 {
			return text, ""
		}
		advice = strings.TrimSpace(text[i+2:])
		if advice == "" {
			return text, ""
		}
		r, n := utf8.DecodeRuneInString(advice)
		return text[:i] + ".", string(unicode.ToUpper(r)) + advice[n:]
	}
	for i, r := range text {
		if r != '，' && r != '。' && r != '；' {
			continue
		}
		rest := text[i+utf8.RuneLen(r):]
		for _, s := range adviceStarts {
			if strings.HasPrefix(rest, s) {
				return text[:i] + "。", rest
			}
		}
	}
	return text, ""
}
