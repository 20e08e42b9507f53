package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAreaScale(t *testing.T) {
	// 4 × 2 gray to 2 × 1: each output pixel the mean of a 2 × 2 block.
	src := []byte{
		0, 100, 200, 200,
		100, 200, 200, 0,
	}
	assert.Equal(t, []byte{100, 150}, areaScale(src, 4, 2, 4, 1, 2, 1))
	// 3 → 2 along a row: weights 2/3, 1/3 and 1/3, 2/3.
	got := areaScale([]byte{30, 90, 60}, 3, 1, 3, 1, 2, 1)
	assert.Equal(t, []byte{50, 70}, got)
	// Same size: unchanged; a stride wider than the row is honoured.
	assert.Equal(t, []byte{1, 2, 3, 4}, areaScale([]byte{1, 2, 9, 3, 4, 9}, 2, 2, 3, 1, 2, 2))
	// RGBA channels stay apart.
	assert.Equal(t, []byte{100, 50, 0, 255}, areaScale([]byte{200, 0, 0, 255, 0, 100, 0, 255}, 2, 1, 8, 4, 1, 1))
}
