package dossier

import (
	"os"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// TestMain forgets the documents kept for binding and removes the large
// package of the benchmarks.
func TestMain(m *testing.M) {
	code := m.Run()
	bind.Cleanup()
	lotest.Cleanup()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}
