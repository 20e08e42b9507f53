// Package cell turns one raw workbook cell into a typed value according to
// its column's type (SPEC §1 "Cell types"): text, int, decimal, date, yesno,
// enum, attachment and uscc, plus the phone / e-mail / URL shape checks of
// text columns.
//
// A cell that does not parse yields a Problem naming the rule (CELL-TYPE,
// CELL-ENUM, CELL-FORMAT, USCC-INVALID, USCC-CHECK-DIGIT) and the message key
// of what was expected. Lengths, ranges, required and 不可填 checks belong to
// the rules engine.
//
// Decisions beyond the SPEC table, in one place:
//
//   - Numbers written as text: optional sign (+ or -), digits, optional
//     thousands separators in strict groups of three ("1,000", "12,345.6";
//     "1,00" and "1,5" are rejected rather than guessed), optional fraction;
//     full-width digits, comma, point and minus are folded first. No exponent,
//     no inner spaces, at most 400 characters.
//   - Numbers stored in numeric cells are binary doubles; their raw text
//     ("800.00000000000011", "1.2E-3") is parsed exactly and then rounded to
//     15 significant digits, the precision Excel itself displays and computes
//     with. So 0.1 stays 0.1 and 800.00000000000011 becomes 800.
//   - An int is any of those numbers whose value is whole: "12", "12.0", a
//     numeric 12.000000000000002, "1,000". Values outside int64 are CELL-TYPE.
//   - A decimal column with a unit accepts the unit's suffixes
//     (schema.Unit.Suffixes, ASCII compared case-insensitively) after the
//     number, with or without spaces; any other suffix is CELL-TYPE.
//   - Dates: numeric cells are serial days (1900 or 1904 system; the time of
//     day is dropped after rounding to the millisecond as Excel displays it);
//     the fictitious 1900-02-29 (serial 60) is rejected; a whole number of
//     eight digits that reads as yyyymmdd is that date (no serial is that
//     large). Text dates: yyyy-m-d, yyyy/m/d, yyyy.m.d (one separator kind),
//     yyyy年m月d日 (日 may be omitted), yyyymmdd; then optionally a space or
//     'T' and a time h:mm[:ss[.fff]] with an optional zone, which is ignored.
//     Every accepted date lies in 1900-01-01 … 9999-12-31.
//   - Formula cells are typed from their cached value: a value in number
//     syntax as a numeric cell, anything else as text. Error cells (#N/A) are
//     CELL-TYPE in every column.
//   - USCC: a character outside the code alphabet anywhere (also at position
//     18, such as the 'Z' of 91350100M000100Y4Z) breaks the pattern and is
//     USCC-INVALID; USCC-CHECK-DIGIT is reserved for a code that has the right
//     shape and a wrong 18th character.
//   - Phone numbers are checked after full-width folding (digits are digits);
//     e-mail addresses and URLs are not folded: a full-width ＠ or ：// does not
//     work when used, so it is CELL-FORMAT.
package cell

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Value is a typed cell value. Only the field of the column's type is set.
type Value struct {
	Empty bool
	// Text holds Text (trimmed), Enum (the canonical option), Attachment
	// (the path as written, trimmed) and USCC (normalised: upper case,
	// half-width). When Parse reports a problem, Text holds the trimmed text
	// as read (USCC: normalised) and every other field is zero.
	Text string
	Int  int64
	Dec  decimal.Decimal
	Date time.Time // midnight UTC
	Bool bool
}

// Problem is why a cell does not hold a value of its column's type.
type Problem struct {
	Rule     string // finding.CellType, CellEnum, CellFormat, USCCInvalid or USCCCheckDigit
	Expected string // msg key describing what was expected
}

// Message keys of what a cell should hold (texts in internal/msg/cell.go).
const (
	ExpectText         = "cell.expect.text"
	ExpectInt          = "cell.expect.int"
	ExpectDecimal      = "cell.expect.decimal"
	ExpectDecimalArea  = "cell.expect.decimal-area"
	ExpectDecimalMoney = "cell.expect.decimal-money"
	ExpectDate         = "cell.expect.date"
	ExpectYesNo        = "cell.expect.yesno"
	ExpectEnum         = "cell.expect.enum"
	ExpectAttachment   = "cell.expect.attachment"
	ExpectUSCC         = "cell.expect.uscc"
	ExpectUSCCNumber   = "cell.expect.uscc-number"
	ExpectUSCCCheck    = "cell.expect.uscc-check"
	ExpectPhone        = "cell.expect.phone"
	ExpectEmail        = "cell.expect.email"
	ExpectURL          = "cell.expect.url"
)

// ExpectKeys lists every key ExpectKey and Parse may return.
func ExpectKeys() []string {
	return []string{ExpectText, ExpectInt, ExpectDecimal, ExpectDecimalArea, ExpectDecimalMoney,
		ExpectDate, ExpectYesNo, ExpectEnum, ExpectAttachment, ExpectUSCC, ExpectUSCCNumber,
		ExpectUSCCCheck, ExpectPhone, ExpectEmail, ExpectURL}
}

// ExpectKey returns the message key describing what column col holds, as
// used in CELL-TYPE findings (and CELL-FORMAT for formatted text columns).
func ExpectKey(col *schema.Column) string {
	switch col.Type {
	case schema.Int:
		return ExpectInt
	case schema.Decimal:
		switch col.Unit {
		case schema.SquareMetre:
			return ExpectDecimalArea
		case schema.TenThousandYuan:
			return ExpectDecimalMoney
		}
		return ExpectDecimal
	case schema.Date:
		return ExpectDate
	case schema.YesNo:
		return ExpectYesNo
	case schema.Enum:
		return ExpectEnum
	case schema.Attachment:
		return ExpectAttachment
	case schema.USCC:
		return ExpectUSCC
	}
	switch col.Format {
	case schema.Phone:
		return ExpectPhone
	case schema.Email:
		return ExpectEmail
	case schema.URL:
		return ExpectURL
	}
	return ExpectText
}

// isTrimmed reports the characters TrimText removes: Unicode white space
// (which includes U+3000 and U+00A0) and the zero-width characters.
func isTrimmed(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// TrimText removes leading and trailing white space of every kind (spaces,
// tabs, line breaks, U+3000, U+00A0) and zero-width characters.
func TrimText(s string) string {
	// Fast path: most cells need nothing.
	if s == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !isTrimmed(first) && !isTrimmed(last) {
		return s
	}
	return strings.TrimFunc(s, isTrimmed)
}

// effectiveKind types a formula cell by its cached value.
func effectiveKind(s string, kind workbook.Kind) workbook.Kind {
	if kind == workbook.KindFormula {
		if isNumberSyntax(s) {
			return workbook.KindNumber
		}
		return workbook.KindString
	}
	return kind
}

// Parse types c for column col. An empty cell (after trimming) gives
// Value{Empty: true} and no problem.
func Parse(col *schema.Column, c workbook.Cell, date1904 bool, lists schema.Lists) (Value, *Problem) {
	s := TrimText(c.Value)
	if s == "" {
		return Value{Empty: true}, nil
	}
	if c.Kind == workbook.KindError {
		return Value{Text: s}, &Problem{Rule: finding.CellType, Expected: ExpectKey(col)}
	}
	kind := effectiveKind(s, c.Kind)
	bad := func() (Value, *Problem) {
		return Value{Text: s}, &Problem{Rule: finding.CellType, Expected: ExpectKey(col)}
	}
	switch col.Type {
	case schema.Int:
		n, ok := ParseInt(s, kind)
		if !ok {
			return bad()
		}
		return Value{Int: n}, nil
	case schema.Decimal:
		d, ok := ParseDecimal(s, kind, col.Unit)
		if !ok {
			return bad()
		}
		return Value{Dec: d}, nil
	case schema.Date:
		t, ok := ParseDate(s, kind, date1904)
		if !ok {
			return bad()
		}
		return Value{Date: t}, nil
	case schema.YesNo:
		b, ok := ParseYesNo(s, kind)
		if !ok {
			return bad()
		}
		return Value{Bool: b}, nil
	case schema.Enum:
		if kind == workbook.KindBool {
			s = boolText(s)
		}
		if opt, ok := matchOption(s, lists.Options(col)); ok {
			return Value{Text: opt}, nil
		}
		return Value{Text: s}, &Problem{Rule: finding.CellEnum, Expected: ExpectEnum}
	case schema.Attachment:
		return Value{Text: s}, nil
	case schema.USCC:
		norm, patternOK, checkOK := USCC(s)
		switch {
		case !patternOK && c.Kind == workbook.KindNumber:
			return Value{Text: norm}, &Problem{Rule: finding.USCCInvalid, Expected: ExpectUSCCNumber}
		case !patternOK:
			return Value{Text: norm}, &Problem{Rule: finding.USCCInvalid, Expected: ExpectUSCC}
		case !checkOK:
			return Value{Text: norm}, &Problem{Rule: finding.USCCCheckDigit, Expected: ExpectUSCCCheck}
		}
		return Value{Text: norm}, nil
	}
	// Text. A formula's cached value is kept as is: "0123" may be text.
	switch c.Kind {
	case workbook.KindNumber:
		s = numberText(s)
	case workbook.KindBool:
		s = boolText(s)
	}
	ok := true
	switch col.Format {
	case schema.Phone:
		ok = ValidPhone(s)
	case schema.Email:
		ok = ValidEmail(s)
	case schema.URL:
		ok = ValidURL(s)
	}
	if !ok {
		return Value{Text: s}, &Problem{Rule: finding.CellFormat, Expected: ExpectKey(col)}
	}
	return Value{Text: s}, nil
}

// matchOption finds s among options after width folding on both sides and
// returns the option as listed.
func matchOption(s string, options []string) (string, bool) {
	f := schema.FoldString(s)
	for _, o := range options {
		if o == s || schema.FoldString(TrimText(o)) == f {
			return o, true
		}
	}
	return "", false
}

// boolText is how Excel shows a boolean cell.
func boolText(s string) string {
	switch s {
	case "1":
		return "TRUE"
	case "0":
		return "FALSE"
	}
	return s
}

// numberText shows a numeric cell as Excel would in a General cell, without
// the binary noise: "3.2999999999999998" reads "3.3".
func numberText(s string) string {
	if d, ok := parseNumeric(s); ok {
		return d.String()
	}
	return s
}

// ParseYesNo reads a yes/no cell: 是 / 否, a boolean cell, or the text TRUE /
// FALSE in any case.
func ParseYesNo(s string, kind workbook.Kind) (bool, bool) {
	s = TrimText(s)
	if kind == workbook.KindBool {
		switch s {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	}
	if kind == workbook.KindNumber || kind == workbook.KindError {
		return false, false
	}
	switch s {
	case schema.Yes:
		return true, true
	case schema.No:
		return false, true
	}
	f := schema.FoldString(s)
	switch {
	case strings.EqualFold(f, "TRUE"):
		return true, true
	case strings.EqualFold(f, "FALSE"):
		return false, true
	}
	return false, false
}
