//go:build unix

package pack

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

// returns runs fn and fails the test when fn has not returned within a
// minute, or before the test's own deadline: a check that opens a named
// pipe waits for a writer for ever, one that reads /dev/zero never ends.
// No time is asserted; only that it ends.
func returns[T any](t *testing.T, what string, fn func() (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if d, ok := t.Deadline(); ok {
		var cancel2 context.CancelFunc
		ctx, cancel2 = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel2()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := fn()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		require.NoError(t, r.err, what)
		return r.v
	case <-ctx.Done():
		t.Fatalf("%s did not return: it follows a path out of the package to a pipe, a device or an endless file", what)
	}
	var zero T
	return zero
}

// mkfifo makes a named pipe (Unix only).
func mkfifo(t *testing.T, path string) {
	t.Helper()
	require.NoError(t, syscall.Mkfifo(path, 0o644))
}

// withManifestPDF rewrites the packed good example so that its manifest
// names pdf as the 申报书 (listed among the files, as ParseManifest
// demands), the real 申报书 left out.
func withManifestPDF(t *testing.T, dst, pdf string) {
	t.Helper()
	fixture(t)
	var ents []zent
	for _, e := range readZip(t, fx.zip) {
		if e.Name != fx.man.PDF {
			ents = append(ents, e)
		}
	}
	var m Manifest
	require.NoError(t, json.Unmarshal(entryData(t, ents, ManifestName), &m))
	for i := range m.Files {
		if m.Files[i].Name == m.PDF {
			m.Files[i].Name = pdf
		}
	}
	m.PDF = pdf
	data, err := m.encode()
	require.NoError(t, err)
	writeZip(t, dst, setEntry(ents, ManifestName, data))
}

// The 申报书 a manifest names is read inside the unpacked package only,
// and only as a regular file: a name that leads to /dev/zero, to a named
// pipe or to a PDF outside is a problem of the package, found at once, and
// the file is never opened.
func TestCheckManifestPDFOutside(t *testing.T) {
	t.Parallel()
	fixture(t)
	base := t.TempDir()
	unpackIn := filepath.Join(base, "a", "b") // the zip unpacks into base/a/b/mkspace-verify-*/
	require.NoError(t, os.MkdirAll(unpackIn, 0o755))
	fifo := filepath.Join(base, "fifo.pdf")
	mkfifo(t, fifo)
	outsidePDF := filepath.Join(base, "outside.pdf")
	copyFile(t, filepath.Join(fx.good, filepath.FromSlash(fx.man.PDF)), outsidePDF)
	up := strings.Repeat("../", 3)

	for _, tc := range []struct{ name, pdf string }{
		{"dev zero through ..", strings.Repeat("../", 16) + "dev/zero"},
		{"dev zero, absolute", "/dev/zero"},
		{"named pipe through ..", up + "fifo.pdf"},
		{"named pipe, absolute", fifo},
		{"real PDF outside through ..", up + "outside.pdf"},
		{"real PDF outside, absolute", outsidePDF},
		{"backslashes", strings.ReplaceAll(up, "/", `\`) + "outside.pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := filepath.Join(t.TempDir(), "申报材料.zip")
			withManifestPDF(t, z, tc.pdf)
			r := returns(t, "verify of a manifest naming "+tc.pdf, func() (*Report, error) {
				return Check(z, CheckOptions{TempDir: unpackIn})
			})
			assert.False(t, r.OK())
			assert.True(t, r.Verdict == nil, "the 申报书 named was not read")
			require.NotEmpty(t, r.Problems)
			assert.Equal(t, CodeManifestInvalid, r.Problems[0].Code)
			assert.Contains(t, r.Lines(msg.ZH)[0], tc.pdf)
			errs, _, ok := r.Counts()
			assert.True(t, ok, "the data is still checked")
			assert.Zero(t, errs)
			left, err := os.ReadDir(unpackIn)
			require.NoError(t, err)
			assert.Empty(t, left, "the temporary folder is removed")
		})
	}
}

// A folder unpacked from a zip (it holds manifest.json) and a package
// folder are read inside the folder only, as regular files: a link out of
// the folder, a named pipe, a configured output folder outside are each a
// problem, found at once; the outside file is never read.
func TestCheckFolderOutside(t *testing.T) {
	t.Parallel()
	fixture(t)
	outside := t.TempDir()
	outsidePDF := filepath.Join(outside, "申报书-MK-0000-0000-0000.pdf")
	copyFile(t, filepath.Join(fx.good, filepath.FromSlash(fx.man.PDF)), outsidePDF)
	fifo := filepath.Join(outside, "fifo")
	mkfifo(t, fifo)
	unpacked := func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "unpacked")
		for _, e := range readZip(t, fx.zip) {
			p := filepath.Join(dir, filepath.FromSlash(e.Name))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, e.Data, 0o644))
		}
		return dir
	}
	pdfOf := func(dir string) string { return filepath.Join(dir, filepath.FromSlash(fx.man.PDF)) }
	replaceBy := func(t *testing.T, file, target string) {
		require.NoError(t, os.Remove(file))
		require.NoError(t, os.Symlink(target, file))
	}

	for _, tc := range []struct {
		name  string
		setup func(t *testing.T) string
		code  string
		text  string
	}{
		{"unpacked: the 申报书 a link to a PDF outside", func(t *testing.T) string {
			dir := unpacked(t)
			replaceBy(t, pdfOf(dir), outsidePDF)
			return dir
		}, CodeSymlink, "符号链接"},
		{"unpacked: the 申报书 a link to a named pipe", func(t *testing.T) string {
			dir := unpacked(t)
			replaceBy(t, pdfOf(dir), fifo)
			return dir
		}, CodeSymlink, "符号链接"},
		{"unpacked: the 申报书 a named pipe", func(t *testing.T) string {
			dir := unpacked(t)
			require.NoError(t, os.Remove(pdfOf(dir)))
			mkfifo(t, pdfOf(dir))
			return dir
		}, CodeSpecial, "不是普通文件"},
		{"unpacked: the output folder a link outside", func(t *testing.T) string {
			dir := unpacked(t)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
			require.NoError(t, os.Symlink(outside, filepath.Join(dir, "output")))
			return dir
		}, CodeSymlink, "符号链接"},
		{"folder: the output folder a link outside", func(t *testing.T) string {
			dir := goodCopy(t)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
			require.NoError(t, os.Symlink(outside, filepath.Join(dir, "output")))
			return dir
		}, CodeOutside, "不在申报材料包内"},
		{"folder: output_dir outside", func(t *testing.T) string {
			dir := goodCopy(t)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
			require.NoError(t, os.WriteFile(filepath.Join(dir, config.FileName), []byte("output_dir: "+outside+"\n"), 0o644))
			return dir
		}, CodeOutside, "不在申报材料包内"},
		{"folder: output_dir above", func(t *testing.T) string {
			dir := goodCopy(t)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
			rel, err := filepath.Rel(dir, outside)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, config.FileName), []byte("output_dir: "+filepath.ToSlash(rel)+"\n"), 0o644))
			return dir
		}, CodeOutside, "不在申报材料包内"},
		{"folder: the 申报书 a named pipe", func(t *testing.T) string {
			dir := goodCopy(t)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
			require.NoError(t, os.Mkdir(filepath.Join(dir, "output"), 0o755))
			mkfifo(t, filepath.Join(dir, "output", "申报书-MK-0000-0000-0000.pdf"))
			return dir
		}, CodeNoPDF, "没有找到申报书"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.setup(t)
			r := returns(t, "verify of "+tc.name, func() (*Report, error) {
				return Check(dir, CheckOptions{})
			})
			assert.False(t, r.OK())
			assert.True(t, r.Verdict == nil, "no 申报书 was read")
			require.NotEmpty(t, r.Problems)
			assert.Equal(t, tc.code, r.Problems[0].Code, "%v", r.Lines(msg.ZH))
			assert.Contains(t, r.Lines(msg.ZH)[0], tc.text)
		})
	}
}

// An attachment the workbook names that is a named pipe (or a link to
// one) is a finding of the data; verify of the folder, of the 申报书 with
// its package, and build-pdf all return.
func TestCheckAttachmentPipe(t *testing.T) {
	t.Parallel()
	fixture(t)
	const att = "attachments/创业团队/云帆无人机团队-入驻协议.pdf"
	for _, link := range []bool{false, true} {
		dir := goodCopy(t)
		p := filepath.Join(dir, filepath.FromSlash(att))
		require.NoError(t, os.Remove(p))
		if link {
			fifo := filepath.Join(dir, "attachments", "pipe")
			mkfifo(t, fifo)
			require.NoError(t, os.Symlink("pipe", p))
		} else {
			mkfifo(t, p)
		}
		r := returns(t, "verify of a folder", func() (*Report, error) {
			return Check(dir, CheckOptions{})
		})
		assert.False(t, r.OK())
		assert.Contains(t, strings.Join(r.Lines(msg.ZH), "\n"), att)

		pdf := filepath.Join(dir, filepath.FromSlash(fx.man.PDF))
		r = returns(t, "verify of a 申报书 and its package", func() (*Report, error) {
			return CheckPDF(pdf, []string{dir}, config.Default())
		})
		assert.False(t, r.OK())
		assert.Contains(t, strings.Join(r.Lines(msg.ZH), "\n"), att)
	}
}

// verify of a 申报书 that is a named pipe or a device says so and returns.
func TestCheckPDFNotRegular(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	fifo := filepath.Join(t.TempDir(), "申报书.pdf")
	mkfifo(t, fifo)
	for _, pdf := range []string{fifo, "/dev/zero"} {
		r := returns(t, "verify of "+pdf, func() (*Report, error) {
			return CheckPDF(pdf, []string{dir}, config.Default())
		})
		require.NotEmpty(t, r.Problems)
		assert.Equal(t, CodeSpecial, r.Problems[0].Code)
		assert.Contains(t, r.Lines(msg.ZH)[0], "不是普通文件")
	}
	fifoZip := filepath.Join(t.TempDir(), "申报材料.zip")
	mkfifo(t, fifoZip)
	r := returns(t, "verify of a pipe named .zip", func() (*Report, error) {
		return Check(fifoZip, CheckOptions{})
	})
	assert.Equal(t, []string{CodeNotZip}, codes(r))
	assert.Contains(t, r.Lines(msg.ZH)[0], "不是普通文件")
}
