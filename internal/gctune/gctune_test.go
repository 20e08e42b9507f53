package gctune

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeavyRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := Heavy()
	assert.Equal(t, Percent, debug.SetGCPercent(Percent))
	restore()
	assert.Equal(t, 100, debug.SetGCPercent(100))

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	restore = Heavy()
	assert.Equal(t, 50, debug.SetGCPercent(50), "the user's GOGC wins")
	restore()
}
