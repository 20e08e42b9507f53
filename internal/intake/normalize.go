package intake

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The normalisation of names and addresses that two packages compare. Two
// spellings of one name are the same key when they differ only in:
//
//   - Unicode compatibility forms (NFKC: full-width letters, digits and
//     brackets are their half-width forms, so （北京） is (北京));
//   - white space of any kind, anywhere (U+3000 and U+00A0 included);
//   - brackets: every bracket in Brackets is dropped, its content kept, so
//     某某科技（北京）有限公司, 某某科技(北京)有限公司 and 某某科技【北京】有限公司 agree;
//   - letter case (Latin names);
//   - for names, the legal-form suffix: the first of CompanySuffixes that
//     ends the name is cut, so 某某科技有限公司, 某某科技有限责任公司 and 某某科技公司
//     are one enterprise;
//   - for people, the middle dots of transcribed names (Dots).

// Brackets are dropped from every key (after NFKC, so the full-width forms
// are their ASCII ones already).
const Brackets = "()[]{}【】〔〕〖〗〈〉《》「」『』"

// Dots are the middle dots of names written as 阿卜杜·热合曼; all count as one.
const Dots = "·・•‧∙⋅"

// CompanySuffixes are the legal-form endings of enterprise and team names
// that do not tell two names apart, longest first (each compared after the
// rest of the normalisation: no space, lower case, no brackets).
var CompanySuffixes = []string{
	"股份有限公司", "有限责任公司", "有限公司", "股份公司", "责任公司", "有限合伙", "公司",
	"co.,ltd.", "co.,ltd", "co.ltd.", "co.ltd", "companylimited", "company", "corporation",
	"limited", "ltd.", "ltd", "inc.", "inc", "corp.", "corp", "llc",
}

// base is the common part: NFKC, no white space, no brackets, lower case.
func base(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\ufeff':
		case strings.ContainsRune(Brackets, r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// NormName is the key of an enterprise or team name: base, then the first
// company suffix that ends it cut (a name that is only a suffix is kept).
func NormName(s string) string {
	s = base(s)
	for _, suf := range CompanySuffixes {
		if rest, ok := strings.CutSuffix(s, suf); ok && rest != "" {
			return strings.TrimRight(rest, ",.")
		}
	}
	return s
}

// NormAddress is the key of an address: base, without the punctuation
// people put in or leave out (commas, full stops, hyphens).
func NormAddress(s string) string {
	s = base(s)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(",.、，。-－—–_;；:：#", r) {
			return -1
		}
		return r
	}, s)
}

// NormPerson is the key of a person's name: base with every middle dot one.
func NormPerson(s string) string {
	s = base(s)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(Dots, r) || r == '.' {
			return '·'
		}
		return r
	}, s)
}

// NormUSCC is a 统一社会信用代码 as compared: NFKC, no space, upper case.
func NormUSCC(s string) string { return strings.ToUpper(base(s)) }
