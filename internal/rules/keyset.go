package rules

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"unicode/utf8"

	"github.com/mkspace/mkspace/internal/schema"
)

// The duplicate and cross-table checks remember one key per distinct value
// of a few columns (names, codes) over sheets of up to a million rows. A
// keySet keeps each key's bytes once, in an arena of large blocks, and
// finds them through an open-addressing table of plain integers: a million
// team names cost their bytes and about 25 bytes each, with no pointer for
// the garbage collector to trace. Keys are always compared in full, so two
// different values never count as one, whatever their hashes.

// arenaMaxBlock is the size the arena's blocks grow to; a key larger than
// an eighth of it gets a block of its own.
const (
	arenaMinBlock = 4 << 10
	arenaMaxBlock = 1 << 20
)

// arena is an append-only store of byte strings, each prefixed with its
// length (uvarint). A reference is the block index (high 32 bits) and the
// offset in it (low 32 bits).
type arena struct {
	blocks [][]byte
	cur    int // block that takes small keys; -1 until the first
	next   int // size of the next block
}

func (a *arena) add(b []byte) uint64 {
	need := uvarintLen(len(b)) + len(b)
	if need > arenaMaxBlock/8 {
		blk := make([]byte, 0, need)
		blk = binary.AppendUvarint(blk, uint64(len(b)))
		a.blocks = append(a.blocks, append(blk, b...))
		return uint64(len(a.blocks)-1) << 32
	}
	if len(a.blocks) == 0 || a.cur < 0 || cap(a.blocks[a.cur])-len(a.blocks[a.cur]) < need {
		size := max(a.next, arenaMinBlock)
		a.next = min(2*size, arenaMaxBlock)
		a.blocks = append(a.blocks, make([]byte, 0, size))
		a.cur = len(a.blocks) - 1
	}
	blk := a.blocks[a.cur]
	off := len(blk)
	blk = binary.AppendUvarint(blk, uint64(len(b)))
	a.blocks[a.cur] = append(blk, b...)
	return uint64(a.cur)<<32 | uint64(off)
}

// get returns the bytes stored at ref; the caller must not change them.
func (a *arena) get(ref uint64) []byte {
	blk := a.blocks[ref>>32]
	off := int(uint32(ref))
	n, w := binary.Uvarint(blk[off:])
	start := off + w
	return blk[start : start+int(n) : start+int(n)]
}

func uvarintLen(n int) int {
	l := 1
	for ; n >= 0x80; n >>= 7 {
		l++
	}
	return l
}

// keySet is a set of byte-string keys, each with a dense id (0, 1, 2, … in
// the order they were added).
type keySet struct {
	keys  arena
	refs  []uint64 // id → the key in keys
	slots []uint64 // hash (high 32 bits) and id+1 (low 32 bits); 0 = free
	seed  maphash.Seed

	hashOf func([]byte) uint32 // replaces the hash (tests force collisions with it)
}

func newKeySet() *keySet { return &keySet{keys: arena{cur: -1}, seed: maphash.MakeSeed()} }

// Len is the number of keys.
func (s *keySet) Len() int { return len(s.refs) }

// key returns the key of id; the caller must not change it.
func (s *keySet) key(id int32) []byte { return s.keys.get(s.refs[id]) }

func (s *keySet) hash(k []byte) uint32 {
	if s.hashOf != nil {
		return s.hashOf(k)
	}
	return uint32(maphash.Bytes(s.seed, k))
}

// find returns the id of k, or -1.
func (s *keySet) find(k []byte) int32 {
	if len(s.slots) == 0 {
		return -1
	}
	id, _ := s.probe(k, s.hash(k))
	return id
}

// add returns the id of k, adding k when it is new (added true).
func (s *keySet) add(k []byte) (id int32, added bool) {
	if 4*(len(s.refs)+1) > 3*len(s.slots) {
		s.grow()
	}
	h := s.hash(k)
	id, at := s.probe(k, h)
	if id >= 0 {
		return id, false
	}
	id = int32(len(s.refs))
	s.refs = append(s.refs, s.keys.add(k))
	s.slots[at] = uint64(h)<<32 | uint64(uint32(id)+1)
	return id, true
}

// probe looks k up; when absent, at is the free slot where it belongs.
func (s *keySet) probe(k []byte, h uint32) (id int32, at int) {
	mask := len(s.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		sl := s.slots[i]
		if sl == 0 {
			return -1, i
		}
		if uint32(sl>>32) == h {
			if cand := int32(uint32(sl) - 1); bytes.Equal(s.key(cand), k) {
				return cand, i
			}
		}
	}
}

func (s *keySet) grow() {
	n := max(2*len(s.slots), 16)
	old := s.slots
	s.slots = make([]uint64, n)
	mask := n - 1
	for _, sl := range old {
		if sl == 0 {
			continue
		}
		i := int(uint32(sl>>32)) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = sl
	}
}

// valueIndex remembers the distinct values of one column: each comparison
// key once, and the Excel row where it first appeared.
type valueIndex struct {
	keys  *keySet
	first []int32 // id → Excel row
}

func newValueIndex() *valueIndex { return &valueIndex{keys: newKeySet()} }

// appendFold appends s with every character folded as schema.FoldString
// does (full-width ASCII to half-width, U+3000 to a space).
func appendFold(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, schema.FoldWidth(r))
	}
	return buf
}
