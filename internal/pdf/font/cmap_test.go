package font

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/signintech/gopdf/fontmaker/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/templates"
)

// Fonts of Debian's fonts-hanazono (installed by .ci/run): HanaMinA covers
// the BMP's ideographs and Extension A, HanaMinB Extension B and beyond.
const (
	hanaA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
	hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
)

// hanazono returns the two fonts' paths, or skips (fails in CI, which
// installs them).
func hanazono(t testing.TB) (a, b string) {
	t.Helper()
	for _, p := range []string{hanaA, hanaB} {
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: .ci/run installs fonts-hanazono", p)
			}
			t.Skipf("%s not installed (apt-get install fonts-hanazono)", p)
		}
	}
	return hanaA, hanaB
}

// The set agrees with gopdf's own parser, character for character: what
// validate calls missing is what the PDF writer prints as a blank.
func TestSetAgreesWithPDFWriter(t *testing.T) {
	t.Parallel()
	fonts := map[string][]byte{"builtin": templates.Font}
	if _, err := os.Stat(hanaA); err == nil {
		for _, p := range []string{hanaA, hanaB} {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			fonts[filepath.Base(p)] = data
		}
	}
	for name, data := range fonts {
		t.Run(name, func(t *testing.T) {
			s, err := Parse(data)
			require.NoError(t, err)
			var p core.TTFParser
			require.NoError(t, p.ParseFontData(data))
			chars := p.Chars()
			diff := 0
			for r := rune(0); r < 0x10000; r++ {
				_, want := chars[int(r)]
				if s.Has(r) != want {
					diff++
					if diff < 10 {
						t.Errorf("%U: set %v, gopdf %v", r, s.Has(r), want)
					}
				}
			}
			for _, g := range p.GroupingTables() {
				for _, r := range []uint{g.StartCharCode, g.EndCharCode} {
					if r >= 0x10000 {
						assert.True(t, s.Has(rune(r)), "%U", r)
					}
				}
			}
			assert.Zero(t, diff)
		})
	}
}

func TestParseRefusesDamage(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{
		"empty":       nil,
		"short":       []byte("OTTO"),
		"no cmap":     append([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, []byte("glyf\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x00\x04")...),
		"cmap beyond": append([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, []byte("cmap\x00\x00\x00\x00\x7f\x00\x00\x10\x00\x00\x00\x04")...),
		"truncated":   templates.Font[:4096],
	} {
		_, err := Parse(data)
		assert.Error(t, err, name)
	}
	_, err := Load([]string{"/no/such/font.ttf"})
	assert.Error(t, err)
}

// Every cut of the shipped font parses or fails without a panic.
func FuzzParse(f *testing.F) {
	f.Add(templates.Font[:2048])
	f.Add([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 'c', 'm', 'a', 'p', 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 12,
		0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12, 0, 4, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err == nil {
			s.Has('中')
			s.Has('𠀀')
		}
	})
}

// Reading a font's character map, against gopdf's full parse of the same
// font (which the 申报书 needs, validate does not).
func BenchmarkParse(b *testing.B) {
	fonts := map[string][]byte{"builtin": templates.Font}
	for _, p := range []string{hanaA, hanaB} {
		if data, err := os.ReadFile(p); err == nil {
			fonts[filepath.Base(p)] = data
		}
	}
	for name, data := range fonts {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(data))/1e6, "MB-font")
		})
		b.Run(name+"-gopdf", func(b *testing.B) {
			for b.Loop() {
				var p core.TTFParser
				if err := p.ParseFontData(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
