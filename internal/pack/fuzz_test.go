package pack

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An accepted entry name is always a local path: it cannot leave the
// folder it is unpacked into, on Unix or on Windows.
func FuzzEntryName(f *testing.F) {
	for _, s := range []string{"attachments/承诺书.pdf", "../a", `..\a`, "/a", "C:a", "a/./b", "a//b", "dir/", "a:b", "CON", "a. ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		name, code := entryName(raw)
		if code != "" {
			assert.Empty(t, name)
			return
		}
		assert.True(t, filepath.IsLocal(filepath.FromSlash(name)), "%q → %q", raw, name)
		assert.NotContains(t, name, `\`)
		assert.NotContains(t, name, ":")
		for _, part := range strings.Split(name, "/") {
			assert.NotEqual(t, "..", part)
			assert.NotEmpty(t, part)
		}
	})
}

// A manifest parses or is refused with ErrManifest; it never panics.
func FuzzParseManifest(f *testing.F) {
	f.Add(`{"format":"mkspace-package","format_version":1,"version":"MK-1","digest":"` + strings.Repeat("a", 64) +
		`","pdf":"a.pdf","files":[{"name":"a.pdf","role":"pdf","size":1,"sha256":"` + strings.Repeat("b", 64) + `"}]}`)
	f.Add(`{}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseManifest(strings.NewReader(s))
		if err != nil {
			assert.ErrorIs(t, err, ErrManifest)
			return
		}
		assert.NotNil(t, m.File(m.PDF))
	})
}

// fuzzLimits keep one input's work small: the fuzzer's inputs are a few
// kilobytes, and an entry that claims or inflates to more than this is a
// bomb all the same (TestCheckZipBomb checks the default limits).
var fuzzLimits = Limits{MaxEntries: 64, MaxEntryBytes: 64 << 10, MaxTotalBytes: 256 << 10, MaxRatio: 50, RatioFloor: 4 << 10}

// maxFuzzInput bounds the inputs tried: longer ones only cost time (each
// is also minimised when it finds something new).
const maxFuzzInput = 8 << 10

// fuzzZip writes a zip of the entries, name then content (empty content
// for a name ending in "/": a folder), with the UTF-8 flag as archive/zip
// sets it unless legacy.
func fuzzZip(legacy bool, kv ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(kv); i += 2 {
		h := &zip.FileHeader{Name: kv[i], Method: zip.Store, NonUTF8: legacy}
		w, err := zw.CreateHeader(h)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(kv[i+1]))
	}
	zw.Close()
	return b.Bytes()
}

// Any bytes given as a zip give a report — never an error, a panic or a
// file left in the temporary folder. The seeds are small zips that reach
// each stage of the check: refused entries, an empty archive, a document
// that is a zip, a package without a manifest or without a workbook, a
// manifest naming its 申报书 outside or inside; each input is a few
// kilobytes at most and unpacks to little, so that thousands run a minute.
func FuzzCheckZip(f *testing.F) {
	manifest := func(pdf string) string {
		return `{"format":"mkspace-package","format_version":1,"version":"MK-1","digest":"` + strings.Repeat("a", 64) +
			`","pdf":"` + pdf + `","files":[{"name":"` + pdf + `","role":"pdf","size":5,"sha256":"` + strings.Repeat("b", 64) + `"}]}`
	}
	for _, seed := range [][]byte{
		[]byte("not a zip"),
		[]byte("PK\x05\x06" + strings.Repeat("\x00", 18)),
		[]byte("%PDF-1.7\n"),
		fuzzZip(false, "manifest.json", `{"format":"mkspace-package"}`, "../evil.pdf", "%PDF-"),
		fuzzZip(false, "a/", "", "a/b.pdf", "%PDF-", "A/B.PDF", "%PDF-"),
		fuzzZip(true, "\xc9\xea\xb1\xa8.xlsx", "PK"),
		fuzzZip(false, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"),
		fuzzZip(false, "attachments/a.pdf", "%PDF-"),
		fuzzZip(false, "a.xlsx", "PK", "output/申报书-MK-1.pdf", "%PDF-"),
		fuzzZip(false, ManifestName, manifest("../../dev/zero"), "a.xlsx", "PK"),
		fuzzZip(false, ManifestName, manifest("output/a.pdf"), "a.xlsx", "PK", "output/a.pdf", "%PDF-"),
	} {
		f.Add(seed)
	}
	// One folder for the whole run (per fuzzing process), in memory where
	// the system has such a folder: writing and removing a file and a
	// folder for every input on a disk costs milliseconds, a hundred
	// times the check of a small input, and minimising an input runs it
	// tens of thousands of times.
	dir := fuzzDir(f)
	in := filepath.Join(dir, "in.zip")
	tmp := filepath.Join(dir, "tmp")
	require.NoError(f, os.Mkdir(tmp, 0o755))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		require.NoError(t, os.WriteFile(in, data, 0o644))
		r, err := Check(in, CheckOptions{TempDir: tmp, Limits: fuzzLimits})
		require.NoError(t, err)
		assert.False(t, r.OK(), "random bytes are no package")
		left, err := os.ReadDir(tmp)
		require.NoError(t, err)
		assert.Empty(t, left)
	})
}

// fuzzDir is a new folder removed after f, in /dev/shm (memory) on Linux
// when it can be written, else in the temporary folder.
func fuzzDir(f *testing.F) string {
	if runtime.GOOS == "linux" {
		if dir, err := os.MkdirTemp("/dev/shm", "mkspace-fuzz-*"); err == nil {
			f.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return f.TempDir()
}

// A file that changes between reading the package and packing it is not
// packed, and no file is left behind.
func TestWriteArchiveRefusesChangedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.pdf")
	require.NoError(t, os.WriteFile(a, []byte("%PDF-1.4 now"), 0o644))
	out := filepath.Join(dir, "out", "p.zip")
	_, err := writeArchive(out, []member{{Name: "a.pdf", Role: RoleAttachment, Path: a, Want: "0000000000000000"}},
		&Manifest{}, time.Now(), false)
	require.ErrorIs(t, err, ErrChanged)
	left, err := os.ReadDir(filepath.Dir(out))
	require.NoError(t, err)
	assert.Empty(t, left)

	_, err = writeArchive(out, []member{
		{Name: "a.pdf", Path: a}, {Name: "A.PDF", Path: a},
	}, &Manifest{}, time.Now(), false)
	assert.ErrorContains(t, err, "same name", "names that clash on Windows")
}
