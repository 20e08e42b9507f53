package bind

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// info makes the Info of a 申报书 of version v whose pages carry the given
// footer numbers (0: no footer), each counting total pages, all A4.
func info(v string, total int, numbers ...int) *Info {
	in := &Info{Pages: len(numbers), Version: v}
	for _, n := range numbers {
		s := Stamp{Width: 595, Height: 842}
		if n > 0 {
			s.Version, s.Watermark, s.Number, s.Total = v, v, n, total
		}
		in.Stamps = append(in.Stamps, s)
	}
	return in
}

func seq(from, to int, skip ...int) []int {
	var out []int
	for n := from; n <= to; n++ {
		skipped := false
		for _, s := range skip {
			skipped = skipped || s == n
		}
		if !skipped {
			out = append(out, n)
		}
	}
	return out
}

// Problems names pages removed, put in twice or moved, rather than calling
// every page after them misnumbered.
func TestProblemsNameThePages(t *testing.T) {
	t.Parallel()
	const v = "MK-2XJJ-80J8-97FR"
	for _, tc := range []struct {
		name string
		info *Info
		want []Problem
	}{
		{"whole", info(v, 127, seq(1, 127)...), nil},
		{"page 10 removed", info(v, 127, seq(1, 127, 10)...),
			[]Problem{{Kind: Missing, Pages: []int{10}, Total: 127}}},
		{"pages 10, 12 and 20–25 removed", info(v, 127, seq(1, 127, 10, 12, 20, 21, 22, 23, 24, 25)...),
			[]Problem{{Kind: Missing, Pages: []int{10, 12, 20, 21, 22, 23, 24, 25}, Total: 127}}},
		{"the last page removed", info(v, 8, seq(1, 7)...),
			[]Problem{{Kind: Missing, Pages: []int{8}, Total: 8}}},
		{"page 3 twice", info(v, 6, 1, 2, 3, 3, 4, 5, 6),
			[]Problem{{Kind: Duplicated, Pages: []int{3}}}},
		{"page 5 moved to the front", info(v, 6, 5, 1, 2, 3, 4, 6),
			[]Problem{{Kind: Reordered, Pages: []int{5}, At: []int{1}}}},
		{"pages 2 and 6 swapped", info(v, 7, 1, 6, 3, 4, 5, 2, 7),
			[]Problem{{Kind: Reordered, Pages: []int{2, 6}, At: []int{6, 2}}}},
		{"page 4 removed, page 2 twice", info(v, 5, 1, 2, 2, 3, 5),
			[]Problem{{Kind: Missing, Pages: []int{4}, Total: 5}, {Kind: Duplicated, Pages: []int{2}}}},
		{"a page without a footer added", info(v, 4, 1, 2, 0, 3, 4),
			[]Problem{{Kind: Unstamped, Pages: []int{3}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.info.Problems())
		})
	}

	// Footers that count another total than the pages there are, with
	// every number there: no page is named missing, the count is.
	odd := info(v, 3, 1, 2, 3)
	odd.Stamps[2].Total = 4
	assert.Equal(t, []Problem{{Kind: Misnumbered, Pages: []int{3}}}, odd.Problems())
}

// A page smaller than A7 either way round is TooSmall; A7 is not.
func TestProblemsTooSmall(t *testing.T) {
	t.Parallel()
	const v = "MK-2XJJ-80J8-97FR"
	in := info(v, 4, 1, 2, 3, 4)
	mm := 72 / 25.4
	in.Stamps[1].Width, in.Stamps[1].Height = 54*mm, 86*mm
	in.Stamps[2].Width, in.Stamps[2].Height = 105*mm, 74*mm
	in.Stamps[3].Width, in.Stamps[3].Height = 200*mm, 60*mm
	assert.Equal(t, []Problem{{Kind: TooSmall, Pages: []int{2, 4}}}, in.Problems())
	assert.False(t, PageTooSmall(74*mm, 105*mm))
	assert.True(t, PageTooSmall(69*mm, 297*mm))
	assert.True(t, PageTooSmall(95*mm, 99*mm))
	assert.False(t, PageTooSmall(0, 0), "an unknown size is not judged")
}
