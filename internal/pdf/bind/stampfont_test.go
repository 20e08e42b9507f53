package bind

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/templates"
)

// fontFolders lists the stamp's font folders in dir, with their files.
func fontFolders(t *testing.T, dir string) map[string][]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string][]string{}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "mkspace-font-") {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		for _, f := range files {
			out[e.Name()] = append(out[e.Name()], f.Name())
		}
	}
	return out
}

// The stamp's font is installed once per process: binds share its folder
// (no other process state is swapped), Cleanup removes it, a bind after
// Cleanup installs it again, and a Cleanup during a bind waits for it.
func TestStampFontInstalledOnce(t *testing.T) {
	f := getFixtures(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	Cleanup()
	t.Cleanup(Cleanup)
	in := Input{Body: f.body, Version: NewVersion(), Meta: testMeta()}

	_, err := Bind(in, io.Discard)
	require.NoError(t, err)
	first := fontFolders(t, tmp)
	require.Len(t, first, 1, "one folder")
	for _, files := range first {
		assert.Equal(t, []string{"WenQuanYiMicroHei.gob"}, files)
	}
	_, err = Bind(in, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, first, fontFolders(t, tmp), "the second bind reuses the font")

	Cleanup()
	assert.Empty(t, fontFolders(t, tmp), "Cleanup removes the folder")
	_, err = Bind(in, io.Discard)
	require.NoError(t, err, "a bind after Cleanup installs the font again")
	assert.Len(t, fontFolders(t, tmp), 1)

	_, release, err := stampFont(font.Shipped())
	require.NoError(t, err)
	Cleanup()
	assert.Len(t, fontFolders(t, tmp), 1, "in use: kept")
	release()
	release() // a second call changes nothing
	assert.Empty(t, fontFolders(t, tmp), "removed when the bind ends")
}

// Two fonts of one PostScript name (here the shipped font and a copy of
// it) get a name each.
func TestStampFontsOfOneName(t *testing.T) {
	f := getFixtures(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	Cleanup()
	t.Cleanup(Cleanup)
	copyPath := filepath.Join(t.TempDir(), "copy.ttf")
	require.NoError(t, os.WriteFile(copyPath, templates.Font, 0o644))
	c, err := font.Load([]string{copyPath})
	require.NoError(t, err)
	for _, ft := range []*font.Font{font.Shipped(), c[0]} {
		_, err := Bind(Input{Body: f.body, Version: NewVersion(), Font: ft}, io.Discard)
		require.NoError(t, err)
	}
	for _, files := range fontFolders(t, tmp) {
		assert.ElementsMatch(t, []string{"WenQuanYiMicroHei.gob", "WenQuanYiMicroHei-2.gob"}, files)
	}
}

// A font without the stamp's characters (Latin only) is refused, naming
// them, before anything is written.
func TestStampFontLacksGlyphs(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	path := filepath.Join(t.TempDir(), "Go-Regular.ttf")
	require.NoError(t, os.WriteFile(path, goregular.TTF, 0o644))
	c, err := font.Load([]string{path})
	require.NoError(t, err)
	_, err = Bind(Input{Body: f.body, Version: NewVersion(), Font: c[0]}, io.Discard)
	var ge *GlyphError
	require.True(t, errors.As(err, &ge), "got %v", err)
	assert.Contains(t, ge.Chars, "版本号")
	assert.NotContains(t, ge.Chars, "M", "Go Regular has Latin letters")
	assert.Contains(t, mustMessage(t, err), "版本号")
}
