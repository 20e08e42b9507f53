package pack

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
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

// Any bytes given as a zip give a report — never an error, a panic or a
// file left in the temporary folder.
func FuzzCheckZip(f *testing.F) {
	var small bytes.Buffer
	zw := zip.NewWriter(&small)
	w, _ := zw.Create("manifest.json")
	w.Write([]byte(`{"format":"mkspace-package"}`))
	w, _ = zw.Create("../evil.pdf")
	w.Write([]byte("%PDF-"))
	zw.Close()
	f.Add(small.Bytes())
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte("not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "in.zip")
		require.NoError(t, os.WriteFile(p, data, 0o644))
		tmp := filepath.Join(dir, "tmp")
		require.NoError(t, os.Mkdir(tmp, 0o755))
		r, err := Check(p, CheckOptions{TempDir: tmp, Limits: Limits{MaxTotalBytes: 16 << 20}})
		require.NoError(t, err)
		assert.False(t, r.OK(), "random bytes are no package")
		left, err := os.ReadDir(tmp)
		require.NoError(t, err)
		assert.Empty(t, left)
	})
}

// A file that changes between reading the package and packing it is not
// packed, and no file is left behind.
func TestWriteArchiveRefusesChangedFile(t *testing.T) {
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
