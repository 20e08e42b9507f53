package cell

import (
	"net/url"
	"strings"
	"sync"
	"unicode"

	"github.com/go-playground/validator/v10"

	"github.com/mkspace/mkspace/internal/schema"
)

// ValidPhone reports whether s (trimmed, full-width folded) is a mainland
// mobile number 1[3-9]\d{9} or a landline 0\d{2,3}-?\d{7,8} with an optional
// extension -\d{1,6}.
func ValidPhone(s string) bool {
	s = schema.FoldString(TrimText(s))
	if len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && allDigits(s) {
		return true
	}
	if s == "" || s[0] != '0' {
		return false
	}
	// Area code 0 + 2–3 digits, then an optional '-', then 7–8 digits, then
	// an optional extension. The area code length is ambiguous without the
	// hyphen, so try both.
	for _, area := range []int{3, 4} {
		if len(s) < area || !allDigits(s[:area]) {
			continue
		}
		rest := s[area:]
		if rest != "" && rest[0] == '-' {
			rest = rest[1:]
		}
		n := 0
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		for _, local := range []int{7, 8} {
			if n < local {
				continue
			}
			ext := rest[local:]
			if ext == "" {
				return true
			}
			if ext[0] == '-' && len(ext) >= 2 && len(ext) <= 7 && allDigits(ext[1:]) {
				return true
			}
		}
	}
	return false
}

var validate = sync.OnceValue(func() *validator.Validate { return validator.New() })

// ValidEmail reports whether s (trimmed) is an e-mail address: validator's
// "email" check, no display name or angle brackets, no white space, and a
// domain with a dot.
func ValidEmail(s string) bool {
	s = TrimText(s)
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '<' || r == '>' }) {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || !strings.Contains(s[at+1:], ".") || strings.HasSuffix(s, ".") {
		return false
	}
	return validate().Var(s, "email") == nil
}

// ValidURL reports whether s (trimmed) is an http or https URL with a host
// and no white space.
func ValidURL(s string) bool {
	s = TrimText(s)
	if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" || u.Opaque != "" {
		return false
	}
	host := u.Hostname()
	if host == "" || strings.HasPrefix(host, ".") || strings.HasSuffix(host, "..") {
		return false
	}
	return !strings.ContainsAny(host, "\\_@")
}
