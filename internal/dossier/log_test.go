package dossier

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/inputs"
)

// outputEntries lists the output folder.
func outputEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(dir, "output"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// A version log that cannot be appended to (here a folder of its name,
// which stops root too; a read-only file below) means no 申报书 either:
// never a valid PDF without its record.
func TestBuildNeedsItsRecord(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(t *testing.T, log string)
		root  bool // the case works as root
	}{
		{"a folder of the log's name", func(t *testing.T, log string) {
			require.NoError(t, os.MkdirAll(log, 0o755))
		}, true},
		{"a read-only log", func(t *testing.T, log string) {
			require.NoError(t, os.WriteFile(log, []byte("\ufeff版本号,生成时间,数据摘要(SHA-256),文件\r\n"), 0o444))
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.root && os.Geteuid() == 0 {
				t.Skip("root writes to read-only files")
			}
			dir := copyExample(t, "good")
			log := filepath.Join(dir, "output", LogName)
			require.NoError(t, os.MkdirAll(filepath.Dir(log), 0o755))
			tt.setup(t, log)
			before, _ := os.ReadFile(log)

			_, err := Build([]string{dir}, config.Default(), Options{NoAttachments: true})
			var le *LogError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, log, le.Path)
			assert.Equal(t, []string{LogName}, outputEntries(t, dir), "no 申报书, no temporary file")
			after, _ := os.ReadFile(log)
			assert.Equal(t, before, after, "the log unchanged")

			out := filepath.Join(t.TempDir(), "申报书.pdf")
			_, err = Build([]string{dir}, config.Default(), Options{NoAttachments: true, Output: out})
			require.ErrorAs(t, err, &le, "-o elsewhere: the log of the package still records it")
			assert.NoFileExists(t, out)
			assert.Empty(t, entries(t, filepath.Dir(out)), "nothing left beside -o")
		})
	}
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

// undo takes a line back: an existing log as it was, a new one removed.
func TestVersionLogUndo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	log := filepath.Join(dir, LogName)
	b := &Built{Version: "MK-TEST", Path: filepath.Join(dir, "申报书-MK-TEST.pdf")}

	l, err := openLog(log)
	require.NoError(t, err)
	require.NoError(t, l.append(b, b.Path, time.Time{}, digest.Digest{SHA256: "x"}))
	l.undo()
	assert.NoFileExists(t, log, "a new log is removed")

	l, err = openLog(log)
	require.NoError(t, err)
	require.NoError(t, l.append(b, b.Path, time.Time{}, digest.Digest{SHA256: "x"}))
	require.NoError(t, l.close())
	first, err := os.ReadFile(log)
	require.NoError(t, err)
	assert.Contains(t, string(first), "\ufeff版本号,")

	l, err = openLog(log)
	require.NoError(t, err)
	require.NoError(t, l.append(b, b.Path, time.Time{}, digest.Digest{SHA256: "y"}))
	l.undo()
	got, err := os.ReadFile(log)
	require.NoError(t, err)
	assert.Equal(t, string(first), string(got), "an existing log as it was")
}

// A build cancelled (Ctrl+C) writes nothing: no 申报书, no record, no
// temporary file.
func TestBuildCancelled(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("stop")
	cancel(stop)
	_, err := Build([]string{dir}, config.Default(), Options{NoAttachments: true, Context: ctx})
	assert.ErrorIs(t, err, stop)
	assert.NoDirExists(t, filepath.Join(dir, "output"), "no output folder left either")
}

// The 申报书 is never written over a file the run reads, Force or not.
func TestBuildRefusesInputs(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	letter := filepath.Join(dir, "attachments", "承诺书.pdf")
	before, err := os.ReadFile(letter)
	require.NoError(t, err)
	_, err = Build([]string{dir}, config.Default(), Options{NoAttachments: true, Output: letter, Force: true, Inputs: &inputs.Set{}})
	assert.ErrorIs(t, err, inputs.ErrInput)
	after, _ := os.ReadFile(letter)
	assert.Equal(t, before, after)
	assert.NoDirExists(t, filepath.Join(dir, "output"))
}
