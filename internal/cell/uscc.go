package cell

import (
	"strings"
	"unicode/utf8"

	"github.com/mkspace/mkspace/internal/schema"
)

// usccAlphabet is the character set of GB 32100-2015 (no I, O, S, V, Z); a
// character's index is its value in the check-digit sum.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^(i-1) mod 31 for the positions 1–17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccIndex maps an ASCII byte to its alphabet index, or -1.
var usccIndex = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(usccAlphabet); i++ {
		t[usccAlphabet[i]] = int8(i)
	}
	return t
}()

// USCC normalises a unified social credit code (trimmed, full-width folded,
// upper case) and checks it: patternOK when it has 18 characters matching
// [0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}; checkOK when, in
// addition, the 18th character is the check digit of the first 17.
func USCC(s string) (normalised string, patternOK bool, checkOK bool) {
	s = strings.ToUpper(schema.FoldString(TrimText(s)))
	if len(s) != 18 || utf8.RuneCountInString(s) != 18 {
		return s, false, false
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := int(usccIndex[s[i]])
		if v < 0 || i >= 2 && i < 8 && v > 9 {
			return s, false, false
		}
		if i < 17 {
			sum += v * usccWeights[i]
		}
	}
	check := usccAlphabet[(31-sum%31)%31]
	return s, true, s[17] == check
}

// USCCCheckChar returns the check character of the first 17 characters of a
// code, or 0 when they are not in the alphabet.
func USCCCheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := int(usccIndex[first17[i]])
		if v < 0 {
			return 0
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31]
}
