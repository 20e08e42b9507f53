// The version number (版本号) of a 申报书: a short code, new at every
// generation, stamped on every page and read back off paper.
//
// A version looks like MK-7KQ4-9XH2-3TCW (a draft: DRAFT-7KQ4-9XH2-3TCW):
// a prefix and twelve symbols in three groups of four. The symbols are
// drawn from an alphabet of 29 characters without look-alikes: the digits
// 0–9 and the capitals A C D E F H J K M N P Q R T U V W X Y (no B, G, I,
// L, O, S or Z, which are easily read as 8, 6, 1, 1, 0, 5 and 2).
//
// The twelve symbols are six of time (the second of generation, counted
// from 2025-01-01 UTC, modulo 29⁶ ≈ 18.8 years), five random ones from
// crypto/rand, and a check symbol that catches any single mistyped symbol
// and any swap of two neighbours. Within a process, versions are strictly
// increasing in their time part (a burst of generations in one second
// counts on into the following seconds), so no two are ever equal; two
// processes generating in the same second differ by their random part
// (1 chance in 20.5 million of a clash).
//
// ParseVersion reads a version as a person types it back: lower case, full-width
// characters (typed with a Chinese input method), missing or extra dashes
// and spaces, a leading 版本号：, and the look-alikes O→0, I→1, L→1, S→5,
// Z→2, B→8, G→6 are all accepted and folded to the canonical form.

package bind

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"
)

// VersionAlphabet holds the symbols of a version, in order of their value.
const VersionAlphabet = "0123456789ACDEFHJKMNPQRTUVWXY"

// VersionMaxLen is the most characters a version has (a draft's 20).
const VersionMaxLen = 24

const (
	// VersionPrefix starts a final version, DraftVersionPrefix a draft's.
	VersionPrefix      = "MK"
	DraftVersionPrefix = "DRAFT"

	versionBase = len(VersionAlphabet) // 29, a prime: the check symbol works
	timeDigits  = 6
	randDigits  = 5
	dataDigits  = timeDigits + randDigits
	symbols     = dataDigits + 1 // with the check symbol
	groupLen    = 4
)

// versionEpoch is the start of the time part's count.
var versionEpoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

// timeSpan is 29⁶, where the time part wraps.
var timeSpan = pow(versionBase, timeDigits)

var (
	// ErrVersionSyntax: the text is not shaped like a version (wrong prefix,
	// number of symbols or characters).
	ErrVersionSyntax = errors.New("not a version number")
	// ErrVersionCheck: shaped like a version, but its check symbol does not
	// match — a symbol was misread or mistyped.
	ErrVersionCheck = errors.New("version number check symbol does not match")
)

// versionGenerator makes versions; tests replace its clock and random source.
type versionGenerator struct {
	mu   sync.Mutex
	last int64 // time part of the last version made, before wrapping
	now  func() time.Time
	rand io.Reader
}

var versionSource = &versionGenerator{now: time.Now, rand: rand.Reader}

// NewVersion returns a new final version number, different from every other
// one this process made.
func NewVersion() string { return versionSource.make(false) }

// NewDraftVersion returns a new draft version number (DRAFT-…).
func NewDraftVersion() string { return versionSource.make(true) }

func (g *versionGenerator) make(draft bool) string {
	var rnd [randDigits]byte
	if _, err := io.ReadFull(g.rand, rnd[:]); err != nil {
		// crypto/rand does not fail on supported systems; if it ever
		// did, the time part alone still keeps versions of one process
		// apart.
		clear(rnd[:])
	}
	g.mu.Lock()
	t := g.now().Unix() - versionEpoch
	if t <= g.last {
		t = g.last + 1
	}
	g.last = t
	g.mu.Unlock()

	var v [symbols]int
	tw := ((t % timeSpan) + timeSpan) % timeSpan
	for i := timeDigits - 1; i >= 0; i-- {
		v[i] = int(tw % int64(versionBase))
		tw /= int64(versionBase)
	}
	for i, b := range rnd {
		v[timeDigits+i] = randSymbol(b, g.rand)
	}
	v[dataDigits] = checkSymbol(draft, v[:dataDigits])
	return formatVersion(draft, v[:])
}

// randSymbol maps a random byte to a symbol without bias, drawing again
// when b falls in the uneven tail (256 = 8×29 + 24).
func randSymbol(b byte, r io.Reader) int {
	const limit = 256 - 256%versionBase
	var one [1]byte
	for tries := 0; int(b) >= limit && tries < 64; tries++ {
		if _, err := io.ReadFull(r, one[:]); err != nil {
			break
		}
		b = one[0]
	}
	return int(b) % versionBase
}

// check computes the check symbol: the prefix (0 final, 1 draft) plus
// the sum of each symbol weighted by its position (1…11), modulo 29.
// Weights below 29 and distinct make any single substitution and any swap
// of neighbours change the sum.
func checkSymbol(draft bool, data []int) int {
	s := 0
	if draft {
		s = 1
	}
	for i, d := range data {
		s += (i + 1) * d
	}
	return s % versionBase
}

func formatVersion(draft bool, v []int) string {
	var b strings.Builder
	b.Grow(VersionMaxLen)
	if draft {
		b.WriteString(DraftVersionPrefix)
	} else {
		b.WriteString(VersionPrefix)
	}
	for i, d := range v {
		if i%groupLen == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(VersionAlphabet[d])
	}
	return b.String()
}

// ParseVersion reads a version as typed back by a person and returns its
// canonical form (upper case, dashes between the groups). See the package
// documentation for what it tolerates. Errors wrap ErrVersionSyntax or ErrVersionCheck.
func ParseVersion(s string) (string, error) {
	t := foldVersion(s)
	t = strings.TrimSpace(t)
	if rest, ok := strings.CutPrefix(t, "版本号"); ok {
		t = strings.TrimLeft(rest, ": \t")
	}
	t = strings.ToUpper(t)
	var draft bool
	switch {
	case strings.HasPrefix(t, DraftVersionPrefix):
		draft, t = true, t[len(DraftVersionPrefix):]
	case strings.HasPrefix(t, VersionPrefix):
		t = t[len(VersionPrefix):]
	default:
		return "", fmt.Errorf("%q: %w (it starts with %s- or %s-)", s, ErrVersionSyntax, VersionPrefix, DraftVersionPrefix)
	}
	v := make([]int, 0, symbols)
	for _, r := range t {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		d := symbolValue(r)
		if d < 0 {
			return "", fmt.Errorf("%q: %w (character %q)", s, ErrVersionSyntax, r)
		}
		v = append(v, d)
	}
	if len(v) != symbols {
		return "", fmt.Errorf("%q: %w (%d symbols, want %d)", s, ErrVersionSyntax, len(v), symbols)
	}
	if checkSymbol(draft, v[:dataDigits]) != v[dataDigits] {
		return "", fmt.Errorf("%q: %w", s, ErrVersionCheck)
	}
	return formatVersion(draft, v), nil
}

// ValidVersion reports whether s reads as a version (ParseVersion succeeds).
func ValidVersion(s string) bool {
	_, err := ParseVersion(s)
	return err == nil
}

// CanonicalVersion reports whether s is a version exactly as NewVersion writes it.
func CanonicalVersion(s string) bool {
	c, err := ParseVersion(s)
	return err == nil && c == s
}

// IsDraftVersion reports whether s reads as a draft version.
func IsDraftVersion(s string) bool {
	c, err := ParseVersion(s)
	return err == nil && strings.HasPrefix(c, DraftVersionPrefix)
}

// symbolValue is the value of an upper-case character, look-alikes
// folded; -1 when it is none.
func symbolValue(r rune) int {
	switch r {
	case 'O':
		r = '0'
	case 'I', 'L':
		r = '1'
	case 'S':
		r = '5'
	case 'Z':
		r = '2'
	case 'B':
		r = '8'
	case 'G':
		r = '6'
	}
	if r > unicode.MaxASCII {
		return -1
	}
	return strings.IndexByte(VersionAlphabet, byte(r))
}

// fold maps full-width forms (typed with a Chinese input method) to ASCII
// and every kind of dash to '-'.
func foldVersion(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r == 0x3000: // ideographic space
			r = ' '
		}
		switch r {
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '_':
			return '-'
		}
		return r
	}, s)
}

func pow(b, n int) int64 {
	p := int64(1)
	for range n {
		p *= int64(b)
	}
	return p
}
