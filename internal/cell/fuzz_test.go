package cell

import (
	"strconv"
	"testing"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/. Run a fuzzer with e.g.
//
//	go test ./internal/cell -run '^$' -fuzz '^FuzzParseDate$' -fuzztime 20s

// kinds maps a fuzzed byte to a cell kind.
func fuzzKind(k uint8) workbook.Kind { return workbook.Kind(k % 6) }

func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, k uint8, date1904 bool) {
		d, ok := ParseDate(s, fuzzKind(k), date1904)
		if !ok {
			return
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 || d.Location().String() != "UTC" {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if d.Before(minDate) || d.After(maxDate) {
			t.Fatalf("ParseDate(%q) = %v, out of range", s, d)
		}
		for _, layout := range []string{"2006-01-02", "2006/1/2", "2006年1月2日", "20060102"} {
			back, ok := ParseDate(d.Format(layout), workbook.KindString, date1904)
			if !ok || !back.Equal(d) {
				t.Fatalf("ParseDate(%q) = %v; its %s form does not re-parse: %v %v", s, d, layout, back, ok)
			}
		}
	})
}

func FuzzParseDecimal(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, k uint8, u uint8) {
		unit := schema.Unit(u % 3)
		d, ok := ParseDecimal(s, fuzzKind(k), unit)
		if !ok {
			return
		}
		back, ok := ParseDecimal(d.String(), workbook.KindString, schema.NoUnit)
		if !ok || !back.Equal(d) {
			t.Fatalf("ParseDecimal(%q) = %s; does not re-parse as text: %s %v", s, d, back, ok)
		}
		for _, suf := range unit.Suffixes() {
			withUnit, ok := ParseDecimal(d.String()+suf, workbook.KindString, unit)
			if !ok || !withUnit.Equal(d) {
				t.Fatalf("ParseDecimal(%q) = %s; with unit %q: %s %v", s, d, suf, withUnit, ok)
			}
		}
	})
}

func FuzzParseInt(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		kind := fuzzKind(k)
		n, ok := ParseInt(s, kind)
		if !ok {
			return
		}
		back, ok := ParseInt(strconv.FormatInt(n, 10), workbook.KindString)
		if !ok || back != n {
			t.Fatalf("ParseInt(%q) = %d; does not re-parse: %d %v", s, n, back, ok)
		}
		d, ok := ParseDecimal(s, kind, schema.NoUnit)
		if !ok || !d.IsInteger() || d.IntPart() != n {
			t.Fatalf("ParseInt(%q) = %d but ParseDecimal gives %s %v", s, n, d, ok)
		}
	})
}

func FuzzUSCC(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		norm, patternOK, checkOK := USCC(s)
		if checkOK && !patternOK {
			t.Fatalf("USCC(%q): check without pattern", s)
		}
		n2, p2, c2 := USCC(norm)
		if n2 != norm || p2 != patternOK || c2 != checkOK {
			t.Fatalf("USCC(%q) not idempotent: %q %v %v then %q %v %v", s, norm, patternOK, checkOK, n2, p2, c2)
		}
		if !patternOK {
			return
		}
		want := USCCCheckChar(norm[:17])
		if checkOK != (norm[17] == want) {
			t.Fatalf("USCC(%q): check %v but check char is %c", s, checkOK, want)
		}
		if !checkOK {
			return
		}
		// Any other last character fails the check (but keeps the pattern).
		for i := 0; i < len(usccAlphabet); i++ {
			if c := usccAlphabet[i]; c != norm[17] {
				if _, p, c := USCC(norm[:17] + string(c)); !p || c {
					t.Fatalf("USCC(%q) with last char %c: pattern %v check %v", norm, usccAlphabet[i], p, c)
				}
			}
		}
	})
}
