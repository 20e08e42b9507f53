package dossier

import (
	"os"
	"testing"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// TestMain removes the stamp's fonts, installed once for all the builds.
func TestMain(m *testing.M) {
	code := m.Run()
	bind.Cleanup()
	os.Exit(code)
}
