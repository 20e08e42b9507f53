package main

import (
	"fmt"
	"regexp"
	"strings"
)

// The unified social credit code (统一社会信用代码) of GB 32100-2015.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccPattern = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$`)

// usccWeights are 3^(i-1) mod 31 for the characters 1–17.
var usccWeights = func() [17]int {
	var w [17]int
	p := 1
	for i := range w {
		w[i] = p
		p = p * 3 % 31
	}
	return w
}()

// usccCheck returns the check character of the first 17 characters of a code.
func usccCheck(body string) (byte, error) {
	if len(body) != 17 {
		return 0, fmt.Errorf("uscc body %q: want 17 characters", body)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, body[i])
		if v < 0 {
			return 0, fmt.Errorf("uscc body %q: character %q not allowed", body, body[i])
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}

// usccValid reports whether code has the pattern and the right check digit.
func usccValid(code string) bool {
	if !usccPattern.MatchString(code) {
		return false
	}
	c, err := usccCheck(code[:17])
	return err == nil && c == code[17]
}

// uscc completes a 17-character body with its check character; it panics on
// a body that is not well formed, which is a mistake in the generator's data.
func uscc(body string) string {
	c, err := usccCheck(body)
	if err != nil {
		panic(err)
	}
	code := body + string(c)
	if !usccPattern.MatchString(code) {
		panic(fmt.Sprintf("uscc %q does not match the pattern", code))
	}
	return code
}

// usccWrongCheck returns the code of body with a check character that is not
// the right one (for the broken example).
func usccWrongCheck(body string) string {
	c, err := usccCheck(body)
	if err != nil {
		panic(err)
	}
	i := strings.IndexByte(usccAlphabet, c)
	return body + string(usccAlphabet[(i+7)%31])
}
