package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "申报数据.xlsx")
	require.NoError(t, Write(p, false, text("first")))
	err := Write(p, false, text("second"))
	assert.ErrorIs(t, err, fs.ErrExist)
	got, _ := os.ReadFile(p)
	assert.Equal(t, "first", string(got), "an existing file is left unchanged")

	require.NoError(t, Write(p, true, text("third")))
	got, _ = os.ReadFile(p)
	assert.Equal(t, "third", string(got))
	st, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), st.Mode().Perm())

	err = Write(filepath.Join(dir, "b.txt"), false, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return errors.New("render failed")
	})
	assert.EqualError(t, err, "render failed")
	assert.Equal(t, []string{"申报数据.xlsx"}, entries(t, dir), "no partial file, no temporary file")

	require.NoError(t, WriteReader(filepath.Join(dir, "c.txt"), false, strings.NewReader("c")))
	assert.Error(t, Write(filepath.Join(dir, "missing", "d.txt"), true, text("d")))
}

func TestStage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "申报书.pdf")

	s, err := Stage(p, text("pdf"))
	require.NoError(t, err)
	assert.NoFileExists(t, p, "nothing in place before Commit")
	assert.Len(t, entries(t, dir), 1, "the staged temporary file")
	s.Discard()
	s.Discard()
	assert.Empty(t, entries(t, dir), "Discard removes it")
	assert.Error(t, s.Commit(true), "a discarded file cannot be committed")

	s, err = Stage(p, text("one"))
	require.NoError(t, err)
	require.NoError(t, s.Commit(false))
	s.Discard() // after Commit: nothing
	got, _ := os.ReadFile(p)
	assert.Equal(t, "one", string(got))
	assert.Equal(t, []string{"申报书.pdf"}, entries(t, dir))

	s, err = Stage(p, text("two"))
	require.NoError(t, err)
	assert.ErrorIs(t, s.Commit(false), fs.ErrExist, "no replacing without replace")
	require.NoError(t, s.Commit(true))
	got, _ = os.ReadFile(p)
	assert.Equal(t, "two", string(got))
	assert.Equal(t, []string{"申报书.pdf"}, entries(t, dir))

	var none *Staged
	none.Discard()
	_, err = Stage(filepath.Join(dir, "missing", "x.pdf"), text("x"))
	assert.Error(t, err)
}
