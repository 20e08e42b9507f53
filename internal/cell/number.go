package cell

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// maxNumberText bounds the length of a number's text. It admits every value
// a double can hold written out in full (1E308 has 309 digits, 1E-330 is
// 0.000…1 with 332 characters).
const maxNumberText = 400

// excelDigits is the precision of Excel's numbers: significant digits kept
// from a numeric cell's raw value.
const excelDigits = 15

// isNumberSyntax reports whether s is a number as a spreadsheet stores it:
// [+-]digits[.digits][(e|E)[+-]digits], digits on at least one side of the
// point.
func isNumberSyntax(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// rawNumber parses a numeric cell's raw value exactly. Magnitudes beyond a
// double's range are rejected (they cannot come from a spreadsheet and would
// make decimal arithmetic expensive).
func rawNumber(s string) (decimal.Decimal, bool) {
	s = TrimText(s)
	if len(s) > maxNumberText || !isNumberSyntax(s) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	if d.IsZero() {
		return decimal.Zero, true
	}
	if msd := msdPower(d); msd < -330 || msd > 310 {
		return decimal.Decimal{}, false
	}
	return d, true
}

// msdPower is the power of ten of d's most significant digit.
func msdPower(d decimal.Decimal) int64 {
	return int64(d.Exponent()) + int64(d.NumDigits()) - 1
}

// parseNumeric reads the raw value of a numeric cell and rounds it to the 15
// significant digits Excel works with, removing binary-float noise such as
// 800.00000000000011.
func parseNumeric(s string) (decimal.Decimal, bool) {
	d, ok := rawNumber(s)
	if !ok || d.IsZero() {
		return d, ok
	}
	places := int32(excelDigits - 1 - msdPower(d))
	if places < -d.Exponent() {
		d = d.Round(places)
	}
	return normalise(d), true
}

// normalise drops trailing zeros of the coefficient, so that equal values
// print alike ("12" rather than "12.000").
func normalise(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	exp := d.Exponent()
	if exp >= 0 {
		return d
	}
	c := d.Coefficient()
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	for exp < 0 {
		q.QuoRem(c, ten, r)
		if r.Sign() != 0 {
			break
		}
		c, q = q, c
		exp++
	}
	return decimal.NewFromBigInt(c, exp)
}

// parseTextNumber reads a number written as text (see the package comment):
// full-width folded, optional sign, thousands separators in groups of three,
// optional fraction, no exponent. The value is exact, as written.
func parseTextNumber(s string) (decimal.Decimal, bool) {
	s = schema.FoldString(TrimText(s))
	if s == "" || len(s) > maxNumberText {
		return decimal.Decimal{}, false
	}
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			b.WriteByte('-')
		}
		i++
	}
	// Integer part, with or without separators.
	start := i
	group := 0 // digits since the last separator
	seps := 0
	for i < len(s) {
		switch c := s[i]; {
		case isDigit(c):
			b.WriteByte(c)
			group++
		case c == ',':
			// The first group has 1–3 digits, every later one exactly 3.
			if group == 0 || group > 3 || seps > 0 && group != 3 {
				return decimal.Decimal{}, false
			}
			seps++
			group = 0
		default:
			goto intDone
		}
		i++
	}
intDone:
	intDigits := i - start - seps
	if seps > 0 && group != 3 {
		return decimal.Decimal{}, false
	}
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		b.WriteByte('.')
		i++
		for i < len(s) && isDigit(s[i]) {
			b.WriteByte(s[i])
			i++
			fracDigits++
		}
	}
	if i != len(s) || intDigits+fracDigits == 0 {
		return decimal.Decimal{}, false
	}
	out := b.String()
	if intDigits == 0 {
		out = strings.Replace(out, ".", "0.", 1)
	}
	out = strings.TrimSuffix(out, ".")
	d, err := decimal.NewFromString(out)
	if err != nil {
		return decimal.Decimal{}, false
	}
	return d, true
}

// parseNumber reads s by the cell's kind: a numeric cell's raw value, or a
// number written as text.
func parseNumber(s string, kind workbook.Kind) (decimal.Decimal, bool) {
	switch effectiveKind(TrimText(s), kind) {
	case workbook.KindNumber:
		return parseNumeric(s)
	case workbook.KindString, workbook.KindEmpty:
		return parseTextNumber(s)
	}
	return decimal.Decimal{}, false
}

// ParseInt reads a whole number: a numeric cell without fraction (after
// rounding to Excel's precision), or text digits (full-width, thousands
// separators, a zero fraction such as "12.0" allowed).
func ParseInt(s string, kind workbook.Kind) (int64, bool) {
	d, ok := parseNumber(s, kind)
	if !ok || !d.Equal(d.Truncate(0)) {
		return 0, false
	}
	bi := d.BigInt()
	if !bi.IsInt64() {
		return 0, false
	}
	return bi.Int64(), true
}

// ParseDecimal reads an exact decimal: a numeric cell (rounded to Excel's
// 15 significant digits), or a number written as text, which may end with
// one of unit's suffixes.
func ParseDecimal(s string, kind workbook.Kind, unit schema.Unit) (decimal.Decimal, bool) {
	s = TrimText(s)
	if effectiveKind(s, kind) == workbook.KindString {
		s = stripUnit(schema.FoldString(s), unit)
	}
	return parseNumber(s, kind)
}

// stripUnit removes one trailing suffix of unit (ASCII case-insensitive) and
// the white space before it.
func stripUnit(s string, unit schema.Unit) string {
	for _, suf := range unit.Suffixes() {
		if len(s) >= len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf) {
			return TrimText(s[:len(s)-len(suf)])
		}
	}
	return s
}
