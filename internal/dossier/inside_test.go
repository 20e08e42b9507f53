//go:build unix

package dossier

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
)

// Attachments are read for the digest inside the package only, as regular
// files: a named pipe, a link to /dev/zero or out of the package is
// missing from the digest (the rules report it) and Read returns; a link,
// relative or absolute, to a file inside the package is read as that file.
func TestReadAttachmentsInsideOnly(t *testing.T) {
	t.Parallel()
	const att = "attachments/创业团队/云帆无人机团队-入驻协议.pdf"
	good := copyExample(t, "good")
	want, err := Read([]string{good}, config.Default())
	require.NoError(t, err)
	require.Empty(t, want.Missing)

	outside := filepath.Join(t.TempDir(), "outside.pdf")
	data, err := os.ReadFile(filepath.Join(good, filepath.FromSlash(att)))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(outside, data, 0o644))

	for _, tc := range []struct {
		name    string
		replace func(t *testing.T, dir, p string)
		missing bool
	}{
		{"named pipe", func(t *testing.T, dir, p string) { require.NoError(t, syscall.Mkfifo(p, 0o644)) }, true},
		{"link to /dev/zero", func(t *testing.T, dir, p string) { require.NoError(t, os.Symlink("/dev/zero", p)) }, true},
		{"link outside", func(t *testing.T, dir, p string) { require.NoError(t, os.Symlink(outside, p)) }, true},
		{"relative link inside", func(t *testing.T, dir, p string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "copy.pdf"), data, 0o644))
			require.NoError(t, os.Symlink("../../copy.pdf", p))
		}, false},
		{"absolute link inside", func(t *testing.T, dir, p string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "copy.pdf"), data, 0o644))
			require.NoError(t, os.Symlink(filepath.Join(dir, "copy.pdf"), p))
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyExample(t, "good")
			p := filepath.Join(dir, filepath.FromSlash(att))
			require.NoError(t, os.Remove(p))
			tc.replace(t, dir, p)

			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			type result struct {
				d   *Data
				err error
			}
			done := make(chan result, 1)
			go func() {
				d, err := Read([]string{dir}, config.Default())
				done <- result{d, err}
			}()
			var r result
			select {
			case r = <-done:
			case <-ctx.Done():
				t.Fatal("Read did not return: it opened a pipe or a device")
			}
			require.NoError(t, r.err)
			if tc.missing {
				assert.Equal(t, []string{att}, r.d.Missing)
				return
			}
			assert.Empty(t, r.d.Missing)
			assert.Equal(t, want.Digest.Files[att], r.d.Digest.Files[att])
		})
	}
}
