package cell

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// The range of accepted dates: what a spreadsheet can hold as a date.
var (
	minDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // serial 61 = 1900-03-01
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)   // serial 0
	msPerDay  = decimal.NewFromInt(86_400_000)
)

// ParseDate reads a calendar date (midnight UTC): a numeric cell as a serial
// day number in the 1900 or 1904 system, or a date written as text (see the
// package comment for the accepted forms).
func ParseDate(s string, kind workbook.Kind, date1904 bool) (time.Time, bool) {
	s = TrimText(s)
	switch effectiveKind(s, kind) {
	case workbook.KindNumber:
		return serialDate(s, date1904)
	case workbook.KindString, workbook.KindEmpty:
		return textDate(schema.FoldString(s))
	}
	return time.Time{}, false
}

// serialDate converts a numeric cell's raw value. A whole eight-digit number
// that reads as yyyymmdd is that date: serials end at 2958465 (9999-12-31).
func serialDate(s string, date1904 bool) (time.Time, bool) {
	d, ok := rawNumber(s)
	if !ok || d.Sign() < 0 {
		return time.Time{}, false
	}
	if d.GreaterThanOrEqual(decimal.NewFromInt(10_000_000)) {
		if !d.Equal(d.Truncate(0)) || d.GreaterThan(decimal.NewFromInt(99_999_999)) {
			return time.Time{}, false
		}
		n := int(d.IntPart())
		return ymd(n/10000, n/100%100, n%100)
	}
	if d.GreaterThan(decimal.NewFromInt(3_000_000)) {
		return time.Time{}, false
	}
	// Round to the millisecond, as Excel displays a time, then drop the time.
	ms := d.Mul(msPerDay).Round(0).IntPart()
	days := int(ms / 86_400_000)
	var t time.Time
	switch {
	case date1904:
		t = epoch1904.AddDate(0, 0, days)
	case days < 1 || days == 60:
		// Serial 0 is "1900-01-00"; 60 is 1900-02-29, which never was.
		return time.Time{}, false
	case days < 60:
		t = epoch1900.AddDate(0, 0, days+1)
	default:
		t = epoch1900.AddDate(0, 0, days)
	}
	if t.Before(minDate) || t.After(maxDate) {
		return time.Time{}, false
	}
	return t, true
}

// textDate reads a width-folded text date.
func textDate(s string) (time.Time, bool) {
	// yyyymmdd
	if len(s) >= 8 && allDigits(s[:8]) && (len(s) == 8 || !isDigit(s[8])) {
		if !timeSuffix(s[8:]) {
			return time.Time{}, false
		}
		return ymd(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8]))
	}
	y, rest, ok := digits(s, 4, 4)
	if !ok || rest == "" {
		return time.Time{}, false
	}
	var m, d int
	switch sep := rest[0]; sep {
	case '-', '/', '.':
		if m, rest, ok = digits(rest[1:], 1, 2); !ok || rest == "" || rest[0] != sep {
			return time.Time{}, false
		}
		if d, rest, ok = digits(rest[1:], 1, 2); !ok {
			return time.Time{}, false
		}
	default:
		const nian, yue, ri = "年", "月", "日"
		if !hasPrefix(rest, nian) {
			return time.Time{}, false
		}
		if m, rest, ok = digits(rest[len(nian):], 1, 2); !ok || !hasPrefix(rest, yue) {
			return time.Time{}, false
		}
		if d, rest, ok = digits(rest[len(yue):], 1, 2); !ok {
			return time.Time{}, false
		}
		if hasPrefix(rest, ri) {
			rest = rest[len(ri):]
		}
	}
	if !timeSuffix(rest) {
		return time.Time{}, false
	}
	return ymd(y, m, d)
}

// timeSuffix accepts what may follow a date: nothing, or a space or 'T' and a
// time of day h:mm[:ss[.fff]] with an optional zone (Z, ±hh:mm, ±hhmm).
func timeSuffix(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != ' ' && s[0] != 'T' {
		return false
	}
	s = TrimText(s[1:])
	h, s, ok := digits(s, 1, 2)
	if !ok || h > 24 || s == "" || s[0] != ':' {
		return false
	}
	mi, s, ok := digits(s[1:], 2, 2)
	if !ok || mi > 59 {
		return false
	}
	if s != "" && s[0] == ':' {
		var sec int
		if sec, s, ok = digits(s[1:], 2, 2); !ok || sec > 60 {
			return false
		}
		if s != "" && s[0] == '.' {
			if _, s, ok = digits(s[1:], 1, 9); !ok {
				return false
			}
		}
	}
	switch {
	case s == "" || s == "Z":
		return true
	case s[0] == '+' || s[0] == '-':
		s = s[1:]
		if len(s) == 5 && s[2] == ':' {
			s = s[:2] + s[3:]
		}
		return len(s) == 4 && allDigits(s)
	}
	return false
}

// ymd builds a date, rejecting impossible ones (2021-02-30, month 13) and
// years outside 1900–9999.
func ymd(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Before(minDate) || t.After(maxDate) {
		return time.Time{}, false
	}
	return t, true
}

// digits reads min–max ASCII digits at the start of s.
func digits(s string, min, max int) (int, string, bool) {
	n, i := 0, 0
	for i < len(s) && i < max && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i < min || i < len(s) && isDigit(s[i]) {
		return 0, s, false
	}
	return n, s[i:], true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }
