package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/schema"
)

func TestKeySet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		hashOf func([]byte) uint32
	}{
		{name: "maphash"},
		// Every key on the same hash: only the full comparison tells them
		// apart, and it must.
		{name: "all collide", hashOf: func([]byte) uint32 { return 7 }},
		{name: "two buckets", hashOf: func(k []byte) uint32 { return uint32(len(k) % 2) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newKeySet()
			s.hashOf = tc.hashOf
			n := 3000
			if tc.hashOf != nil {
				n = 600 // every probe walks the cluster
			}
			key := func(i int) []byte { return fmt.Appendf(nil, "第%06d号团队", i) }
			for i := range n {
				id, added := s.add(key(i))
				require.True(t, added, "key %d is new", i)
				require.Equal(t, int32(i), id, "ids are dense, in order")
			}
			require.Equal(t, n, s.Len())
			for i := range n {
				id, added := s.add(key(i))
				assert.False(t, added, "key %d again", i)
				assert.Equal(t, int32(i), id)
				assert.Equal(t, int32(i), s.find(key(i)))
				assert.Equal(t, string(key(i)), string(s.key(int32(i))))
			}
			assert.Equal(t, int32(-1), s.find([]byte("第000000号团队x")))
			assert.Equal(t, int32(-1), s.find(nil))
			id, added := s.add(nil) // the empty key is a key like another
			assert.True(t, added)
			assert.Equal(t, int32(n), id)
			assert.Equal(t, id, s.find([]byte{}))
		})
	}
}

func TestKeySetEmpty(t *testing.T) {
	t.Parallel()
	s := newKeySet()
	assert.Equal(t, int32(-1), s.find([]byte("x")))
	assert.Equal(t, 0, s.Len())
}

// Keys of every size keep their bytes, across blocks and in blocks of their
// own.
func TestArena(t *testing.T) {
	t.Parallel()
	a := arena{cur: -1}
	var refs []uint64
	var want []string
	for i := range 2000 {
		var k string
		switch {
		case i%500 == 7:
			k = strings.Repeat("长", arenaMaxBlock/6) // its own block
		case i%50 == 3:
			k = strings.Repeat("x", 300+i)
		default:
			k = fmt.Sprintf("key-%d", i)
		}
		refs = append(refs, a.add([]byte(k)))
		want = append(want, k)
	}
	for i, r := range refs {
		require.Equal(t, want[i], string(a.get(r)), "key %d", i)
	}
	got := a.get(refs[1])
	assert.Equal(t, len(got), cap(got), "a key cannot be appended to in place")
}

func TestAppendFold(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "ABC", "ＡＢＣ", "团队（一）", "a\u3000b", "bad\xffbyte", "\uFFFD"} {
		assert.Equal(t, schema.FoldString(s), string(appendFold(nil, s)), "%q", s)
	}
}
