//go:build unix

package cli

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

	"github.com/mkspace/mkspace/internal/pack"
)

// A batch holding zips whose manifests lead to /dev/zero, to a named pipe
// or to a PDF outside reports each of them as failed and checks the good
// one too: no package stops the batch. The run must end before the test's
// deadline (no time is asserted).
func TestVerifyBatchManifestOutside(t *testing.T) {
	t.Parallel()
	z := goodZip(t)
	dir := t.TempDir()
	names, data := zipEntries(t, z)
	m, err := pack.ParseManifest(strings.NewReader(string(data[pack.ManifestName])))
	require.NoError(t, err)
	realPDF := filepath.Join(dir, "outside.pdf")
	require.NoError(t, os.WriteFile(realPDF, data[m.PDF], 0o644))
	fifo := filepath.Join(dir, "fifo.pdf")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))

	// naming writes a copy of the good zip whose manifest names pdf as
	// its 申报书, the real one left out.
	naming := func(file, pdf string) string {
		var keep []string
		d := map[string][]byte{}
		for _, n := range names {
			if n != m.PDF {
				keep = append(keep, n)
				d[n] = data[n]
			}
		}
		mm := *m
		mm.Files = append([]pack.File(nil), m.Files...)
		for i := range mm.Files {
			if mm.Files[i].Name == m.PDF {
				mm.Files[i].Name = pdf
			}
		}
		mm.PDF = pdf
		b, err := json.Marshal(mm)
		require.NoError(t, err)
		d[pack.ManifestName] = b
		p := filepath.Join(dir, file)
		rezip(t, p, keep, d, false)
		return p
	}
	good := filepath.Join(dir, "好.zip")
	copyTo(t, z, good)
	args := []string{
		naming("zero.zip", strings.Repeat("../", 16)+"dev/zero"),
		naming("fifo.zip", fifo),
		good,
		naming("outside.zip", realPDF),
	}

	r := ends(t, "verify of a batch", func() runOut { return verifyRun(t, 2, false, args...) })
	assert.Equal(t, ExitFindings, r.code, r.out+r.errOut)
	assert.Contains(t, r.out, "通过："+good)
	for _, a := range []string{args[0], args[1], args[3]} {
		assert.Contains(t, r.out, "未通过："+a)
	}
	assert.Contains(t, r.out, "清单中的文件名“"+fifo+"”无效")
	assert.Contains(t, r.out, "共核验 4 个：1 个通过，3 个未通过。")
}

// ends runs fn and fails the test when fn has not returned within two
// minutes, or before the test's own deadline (no time is asserted; only
// that it ends).
func ends(t *testing.T, what string, fn func() runOut) runOut {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if d, ok := t.Deadline(); ok {
		var cancel2 context.CancelFunc
		ctx, cancel2 = context.WithDeadline(ctx, d.Add(-10*time.Second))
		defer cancel2()
	}
	done := make(chan runOut, 1)
	go func() { done <- fn() }()
	select {
	case r := <-done:
		return r
	case <-ctx.Done():
		t.Fatalf("%s did not return: it opened a pipe or a device", what)
	}
	return runOut{}
}

// A named pipe given to verify (with or without an extension) or lying in
// a package folder as its workbook is reported, never waited on.
func TestVerifyValidatePipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"pipe.zip", "pipe"} {
		p := filepath.Join(dir, name)
		require.NoError(t, syscall.Mkfifo(p, 0o644))
		r := ends(t, "verify "+name, func() runOut { return verifyRun(t, 1, false, p) })
		assert.Equal(t, ExitFindings, r.code, r.out+r.errOut)
		assert.Contains(t, r.out, "不是普通文件")
	}
	pkg := filepath.Join(dir, "pkg")
	require.NoError(t, os.Mkdir(pkg, 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(pkg, "申报数据.xlsx"), 0o644))
	r := ends(t, "validate of a folder whose workbook is a pipe", func() runOut {
		code, out, errOut := runCLI(t, "validate", pkg)
		return runOut{code: code, out: out, errOut: errOut}
	})
	assert.Equal(t, ExitFindings, r.code, r.out+r.errOut)
	assert.Contains(t, r.out, "FILE-UNREADABLE")
	assert.Contains(t, r.out, "不是普通文件")
}
