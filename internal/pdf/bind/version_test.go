package bind

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var shape = regexp.MustCompile(`^(MK|DRAFT)-[0-9ACDEFHJKMNPQRTUVWXY]{4}-[0-9ACDEFHJKMNPQRTUVWXY]{4}-[0-9ACDEFHJKMNPQRTUVWXY]{4}$`)

func TestNewManyDistinctAndValid(t *testing.T) {
	t.Parallel()
	const n = 10000
	seen := make(map[string]bool, 2*n)
	for i := range n {
		for _, v := range []string{NewVersion(), NewDraftVersion()} {
			require.False(t, seen[v], "version %q made twice (iteration %d)", v, i)
			seen[v] = true
			assert.LessOrEqual(t, len(v), VersionMaxLen, "%q", v)
			assert.Regexp(t, shape, v)
			assert.True(t, CanonicalVersion(v), "%q does not parse back to itself", v)
		}
	}
	assert.Len(t, seen, 2*n)
}

func TestAlphabetHasNoLookAlikes(t *testing.T) {
	t.Parallel()
	assert.Len(t, VersionAlphabet, 29)
	for _, c := range "BGILOSZ" {
		assert.NotContains(t, VersionAlphabet, string(c))
	}
	for _, c := range VersionAlphabet {
		assert.Equal(t, 1, strings.Count(VersionAlphabet, string(c)), "%c twice", c)
	}
}

func TestLengths(t *testing.T) {
	t.Parallel()
	assert.Len(t, NewVersion(), 17)
	assert.Len(t, NewDraftVersion(), 20)
	assert.True(t, strings.HasPrefix(NewDraftVersion(), "DRAFT-"))
	assert.True(t, strings.HasPrefix(NewVersion(), "MK-"))
}

// A frozen clock: every version in the same second, yet all distinct, and
// the time part counts on.
func TestSameSecondFrozenClock(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	g := &versionGenerator{now: func() time.Time { return at }, rand: bytes.NewReader(make([]byte, 1<<16))}
	a, b, c := g.make(false), g.make(false), g.make(true)
	assert.NotEqual(t, a, b)
	assert.Equal(t, a[3:7], b[3:7], "same leading time symbols")
	assert.NotEqual(t, a[8:10], b[8:10], "the last time symbols count on")
	assert.True(t, CanonicalVersion(a) && CanonicalVersion(b) && CanonicalVersion(c))
	assert.True(t, IsDraftVersion(c))
	assert.False(t, IsDraftVersion(a))
}

// A clock that goes back must not repeat a version.
func TestClockGoingBack(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	g := &versionGenerator{now: func() time.Time { return at }, rand: bytes.NewReader(make([]byte, 1<<16))}
	first := g.make(false)
	at = at.Add(-time.Hour)
	assert.NotEqual(t, first, g.make(false))
}

func TestParseTolerates(t *testing.T) {
	t.Parallel()
	v := "MK-7KQ4-9XH2-3TC0"
	v = fixCheck(v)
	require.True(t, CanonicalVersion(v), v)
	lower := strings.ToLower(v)
	cases := []struct{ name, in string }{
		{"canonical", v},
		{"lower case", lower},
		{"no dashes", strings.ReplaceAll(v, "-", "")},
		{"spaces", strings.ReplaceAll(v, "-", " ")},
		{"padded", "  " + v + "\n"},
		{"full width", toFullWidth(v)},
		{"en dash", strings.ReplaceAll(v, "-", "–")},
		{"label", "版本号：" + v},
		{"label ascii colon", "版本号: " + v},
		{"O for 0", strings.Replace(v, "0", "O", 1)},
		{"o for 0", strings.Replace(lower, "0", "o", 1)},
		{"regrouped", v[:5] + "-" + strings.ReplaceAll(v[5:], "-", "")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseVersion(tc.in)
			require.NoError(t, err, "in %q", tc.in)
			assert.Equal(t, v, got)
			assert.True(t, ValidVersion(tc.in))
		})
	}
}

func TestParseFoldsEveryLookAlike(t *testing.T) {
	t.Parallel()
	for from, to := range map[rune]rune{'O': '0', 'I': '1', 'L': '1', 'S': '5', 'Z': '2', 'B': '8', 'G': '6'} {
		assert.Equal(t, symbolValue(to), symbolValue(from), "%c", from)
		assert.GreaterOrEqual(t, symbolValue(from), 0)
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	good := NewVersion()
	cases := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrVersionSyntax},
		{"no prefix", good[3:], ErrVersionSyntax},
		{"other prefix", "XX" + good[2:], ErrVersionSyntax},
		{"short", good[:len(good)-1], ErrVersionSyntax},
		{"long", good + "A", ErrVersionSyntax},
		{"stray char", good[:5] + "#" + good[6:], ErrVersionSyntax},
		{"chinese", good[:5] + "版" + good[6:], ErrVersionSyntax},
		{"draft made final", "MK" + NewDraftVersion()[5:], ErrVersionCheck},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseVersion(tc.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "got %v, want %v", err, tc.want)
			assert.False(t, ValidVersion(tc.in))
		})
	}
}

// Every single mistyped symbol and every swap of two different neighbours
// is caught by the check symbol.
func TestCheckCatchesTypos(t *testing.T) {
	t.Parallel()
	for range 50 {
		v := NewVersion()
		body := []byte(strings.ReplaceAll(v[3:], "-", ""))
		for i := range body {
			for _, c := range []byte(VersionAlphabet) {
				if c == body[i] {
					continue
				}
				typo := append([]byte(nil), body...)
				typo[i] = c
				_, err := ParseVersion("MK" + string(typo))
				assert.ErrorIs(t, err, ErrVersionCheck, "%s with symbol %d → %c", v, i, c)
			}
			if i+1 < len(body) && body[i] != body[i+1] {
				swap := append([]byte(nil), body...)
				swap[i], swap[i+1] = swap[i+1], swap[i]
				_, err := ParseVersion("MK" + string(swap))
				assert.ErrorIs(t, err, ErrVersionCheck, "%s with %d and %d swapped", v, i, i+1)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{NewVersion(), NewDraftVersion(), "mk-0000-0000-0000", "版本号：MK", "DRAFT-", "ＭＫ－"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseVersion(s)
		if err != nil {
			return
		}
		if len(c) > VersionMaxLen || !shape.MatchString(c) {
			t.Fatalf("ParseVersion(%q) = %q: not canonical", s, c)
		}
		again, err := ParseVersion(c)
		if err != nil || again != c {
			t.Fatalf("ParseVersion(%q) = %q, %v", c, again, err)
		}
	})
}

// fixCheck replaces the last symbol of v by the right check symbol.
func fixCheck(v string) string {
	body := strings.ReplaceAll(v[3:], "-", "")
	d := make([]int, dataDigits)
	for i := range d {
		d[i] = strings.IndexByte(VersionAlphabet, body[i])
	}
	return v[:len(v)-1] + string(VersionAlphabet[checkSymbol(false, d)])
}

func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F {
			return r + 0xFEE0
		}
		return r
	}, s)
}
