// Package lotest runs LibreOffice (soffice) for tests, as a real client of
// the workbooks and PDFs mkspace writes: headless conversions, one at a
// time per test binary, in one private profile made on first use and
// removed by Main.
//
// Without LibreOffice a test that needs it is skipped, except in CI (the
// CI variable set), where it fails: CI installs LibreOffice. In -short mode
// (make test-quick) it is always skipped.
package lotest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	mu      sync.Mutex // one conversion at a time: a profile serves one process
	profile string     // made on first use; "" until then
)

// Require skips t when LibreOffice cannot be used (fails it in CI) and
// returns the soffice program.
func Require(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice tests are left out in -short mode")
	}
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice (LibreOffice) is required in CI")
		}
		t.Skip("LibreOffice (soffice) not installed")
	}
	return bin
}

// Options of a conversion.
type Options struct {
	// To is the target format, with its filter options if any: "xlsx",
	// "pdf", "csv:Text - txt - csv (StarCalc):44,34,76,1".
	To string
	// Infilter names the import filter ("CSV:44,34,76,1,,2052"); "" lets
	// LibreOffice choose by the file's content.
	Infilter string
}

// Convert converts files into outDir and returns the converted files' paths
// (each named as its source with the target's extension; an export of every
// sheet to CSV writes one file per sheet, <name>-<sheet>.csv, beside it).
func Convert(t testing.TB, to, outDir string, files ...string) []string {
	t.Helper()
	return ConvertWith(t, Options{To: to}, outDir, files...)
}

// ConvertWith is Convert with import options.
func ConvertWith(t testing.TB, o Options, outDir string, files ...string) []string {
	t.Helper()
	bin := Require(t)
	mu.Lock()
	defer mu.Unlock()
	var out []byte
	var err error
	// A conversion that fails is tried once more with a fresh profile: a
	// headless LibreOffice started while another test binary sets up its
	// own profile occasionally exits early.
	for attempt := 0; attempt < 2; attempt++ {
		dir, perr := profileDir(attempt > 0)
		if perr != nil {
			t.Fatalf("LibreOffice profile: %v", perr)
		}
		args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(dir), "--headless", "--norestore"}
		if o.Infilter != "" {
			args = append(args, "--infilter="+o.Infilter)
		}
		args = append(args, "--convert-to", o.To, "--outdir", outDir)
		cmd := exec.Command(bin, append(args, files...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err = cmd.CombinedOutput(); err == nil {
			break
		}
		t.Logf("soffice attempt %d: %v: %s", attempt+1, err, out)
	}
	if err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	ext, _, _ := strings.Cut(o.To, ":")
	paths := make([]string, 0, len(files))
	for _, f := range files {
		base := filepath.Base(f)
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		p := filepath.Join(outDir, stem+"."+ext)
		// A CSV export of every sheet writes <stem>-<sheet>.csv instead.
		if _, err := os.Stat(p); err != nil {
			if m, _ := filepath.Glob(filepath.Join(outDir, stem+"-*."+ext)); len(m) == 0 {
				t.Fatalf("soffice wrote no %s: %s", p, out)
			}
		}
		paths = append(paths, p)
	}
	return paths
}

// profileDir returns the profile folder, making it on first use (or anew
// when fresh).
func profileDir(fresh bool) (string, error) {
	if profile != "" && !fresh {
		return profile, nil
	}
	if profile != "" {
		os.RemoveAll(profile)
	}
	dir, err := os.MkdirTemp("", "mkspace-lo-profile-")
	if err != nil {
		return "", err
	}
	profile = dir
	return dir, nil
}

// Main runs the tests of a package and removes the profile:
//
//	func TestMain(m *testing.M) { os.Exit(lotest.Main(m)) }
func Main(m *testing.M) int {
	code := m.Run()
	Cleanup()
	return code
}

// Cleanup removes the profile; a package whose TestMain does more calls
// it after m.Run.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	if profile != "" {
		os.RemoveAll(profile)
		profile = ""
	}
}
