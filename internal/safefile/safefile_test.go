//go:build unix

package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Names inside a folder open as regular files only; every way out of the
// folder is ErrOutside, every pipe or device ErrNotRegular — at once,
// without waiting for a writer.
func TestOpenIn(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "pkg")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sub", "a.pdf"), []byte("%PDF-1.7"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(base, "outside.pdf"), []byte("%PDF-1.7"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(base, "fifo"), 0o644))
	require.NoError(t, os.Symlink("../outside.pdf", filepath.Join(dir, "up.pdf")))
	require.NoError(t, os.Symlink(filepath.Join(base, "outside.pdf"), filepath.Join(dir, "abs.pdf")))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.pdf")))
	require.NoError(t, os.Symlink("sub/a.pdf", filepath.Join(dir, "in.pdf")))
	require.NoError(t, os.Symlink("fifo", filepath.Join(dir, "fifo-link")))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()

	for _, tc := range []struct {
		name string
		want error // nil: opens
	}{
		{"sub/a.pdf", nil},
		{`sub\a.pdf`, nil},
		{"sub/../sub/a.pdf", nil},
		{"in.pdf", nil},
		{"../outside.pdf", ErrOutside},
		{`..\outside.pdf`, ErrOutside},
		{"../../../../../../dev/zero", ErrOutside},
		{"/dev/zero", ErrOutside},
		{filepath.Join(base, "outside.pdf"), ErrOutside},
		{"C:/x.pdf", ErrOutside},
		{"", ErrOutside},
		{"up.pdf", ErrOutside},
		{"abs.pdf", ErrOutside},
		{"zero.pdf", ErrOutside},
		{"../fifo", ErrOutside},
		{"fifo", ErrNotRegular},
		{"fifo-link", ErrNotRegular},
		{"sub", ErrNotRegular},
		{"none.pdf", fs.ErrNotExist},
		{"sub/a.pdf/x", nil}, // not a folder: some error, not ErrOutside
	} {
		f, err := OpenIn(root, tc.name)
		switch {
		case tc.name == "sub/a.pdf/x":
			assert.Error(t, err)
			assert.NotErrorIs(t, err, ErrOutside)
		case tc.want == nil:
			if assert.NoError(t, err, tc.name) {
				f.Close()
			}
		default:
			assert.ErrorIs(t, err, tc.want, tc.name)
		}
	}
}

func TestOpen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.zip")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	for _, p := range []string{fifo, "/dev/zero", dir} {
		_, err := Open(p)
		assert.ErrorIs(t, err, ErrNotRegular, p)
		_, err = ReadFile(p, 10)
		assert.ErrorIs(t, err, ErrNotRegular, p)
	}
	_, err := Open(filepath.Join(dir, "none"))
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// Reading stops one byte past the limit.
func TestReadLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "a")
	require.NoError(t, os.WriteFile(p, []byte("0123456789"), 0o644))
	data, err := ReadFile(p, 10)
	require.NoError(t, err)
	assert.Equal(t, "0123456789", string(data))
	_, err = ReadFile(p, 9)
	assert.ErrorIs(t, err, ErrTooLarge)
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	_, err = ReadFileIn(root, "a", 9)
	assert.ErrorIs(t, err, ErrTooLarge)

	n, err := io.Copy(io.Discard, &LimitedReader{R: bytes.NewReader(make([]byte, 100)), N: 100})
	assert.NoError(t, err)
	assert.EqualValues(t, 100, n)
	_, err = io.Copy(io.Discard, &LimitedReader{R: endless{}, N: 1 << 20})
	assert.True(t, errors.Is(err, ErrTooLarge), "an endless reader stops at the limit: %v", err)
}

func TestOpenDirIn(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "pkg")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "output"), 0o755))
	require.NoError(t, os.Symlink(base, filepath.Join(dir, "out-link")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644))
	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	f, err := OpenDirIn(root, "output")
	require.NoError(t, err)
	f.Close()
	_, err = OpenDirIn(root, "out-link")
	assert.ErrorIs(t, err, ErrOutside)
	_, err = OpenDirIn(root, "..")
	assert.ErrorIs(t, err, ErrOutside)
	_, err = OpenDirIn(root, "fifo")
	assert.ErrorIs(t, err, fs.ErrNotExist, "a pipe is no folder, and opening it does not wait")
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }
