package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWindowsBinaryUnderWine cross-compiles mkspace for windows/amd64 and
// runs it under Wine: validate writes the HTML report of the good example.
// It skips when Wine is not installed, and when the Wine installed is too
// old for Go's Windows runtime (Go needs bcryptprimitives.dll, which Wine
// 8.0 lacks). The double-click itself (Explorer, a console of its own)
// cannot be reproduced under Wine; decideLaunch is tested on its own.
func TestWindowsBinaryUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the Windows binary")
	}
	wine, err := exec.LookPath("wine")
	if err != nil {
		t.Skip("wine is not installed")
	}
	if !wineHasDLL("bcryptprimitives.dll") {
		t.Skip("this Wine cannot run Go programs (no bcryptprimitives.dll): a newer Wine is needed")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "mkspace.exe")
	build := exec.Command("go", "build", "-trimpath", "-o", exe, "../../cmd/mkspace")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))

	pkg := filepath.Join(dir, "good")
	require.NoError(t, os.CopyFS(pkg, os.DirFS(exampleDir("good"))))
	report := filepath.Join(dir, "report.html")
	run := exec.Command(wine, exe, "validate", pkg, "--format", "html", "-o", report)
	run.Env = append(os.Environ(), "WINEDEBUG=-all", "WINEPREFIX="+filepath.Join(dir, "wineprefix"))
	out, err = run.CombinedOutput()
	require.NoError(t, err, string(out))
	page, err := os.ReadFile(report)
	require.NoError(t, err)
	assert.Contains(t, string(page), "<!DOCTYPE html>")
}

// wineHasDLL reports whether an installed Wine has the 64-bit DLL name
// (the places Debian and Wine's own packages put them), or true when the
// place is unknown (the run then says).
func wineHasDLL(name string) bool {
	dirs, _ := filepath.Glob("/usr/lib/*/wine/x86_64-windows")
	more, _ := filepath.Glob("/opt/wine*/lib*/wine/x86_64-windows")
	dirs = append(dirs, more...)
	if len(dirs) == 0 {
		return true
	}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			return true
		}
	}
	return false
}
