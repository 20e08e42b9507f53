package inputs

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "p")
	require.NoError(t, os.MkdirAll(filepath.Join(p, "attachments"), 0o755))
	workbook := filepath.Join(p, "申报数据.xlsx")
	letter := filepath.Join(p, "attachments", "承诺书.pdf")
	other := filepath.Join(p, "其他.txt")
	for _, f := range []string{workbook, letter, other} {
		require.NoError(t, os.WriteFile(f, []byte(filepath.Base(f)), 0o644))
	}
	hard := filepath.Join(dir, "hard.xlsx")
	require.NoError(t, os.Link(workbook, hard))
	soft := filepath.Join(dir, "soft.pdf")
	require.NoError(t, os.Symlink(letter, soft))
	linkedDir := filepath.Join(dir, "linked")
	require.NoError(t, os.Symlink(p, linkedDir))

	var s Set
	s.Add(workbook, letter, filepath.Join(p, "mkspace.yaml"), filepath.Join(p, "attachments", "缺少.pdf"), "")
	assert.Equal(t, 4, s.Len())

	tests := []struct {
		name   string
		out    string
		refuse bool
	}{
		{"the workbook", workbook, true},
		{"another spelling", filepath.Join(p, "attachments", "..", "申报数据.xlsx"), true},
		{"a hard link to the workbook", hard, true},
		{"a symbolic link to the letter", soft, true},
		{"through a linked folder", filepath.Join(linkedDir, "attachments", "承诺书.pdf"), true},
		{"a config not there yet", filepath.Join(p, "mkspace.yaml"), true},
		{"a missing attachment the workbook names", filepath.Join(p, "attachments", "缺少.pdf"), true},
		{"a new file in the package", filepath.Join(p, "output", "结果.json"), false},
		{"a new file beside the workbook", filepath.Join(p, "结果.txt"), false},
		{"an existing file that is not read", other, false},
		{"elsewhere", filepath.Join(dir, "report.sarif"), false},
		{"no output", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Check(tt.out)
			if !tt.refuse {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInput), "%v wraps ErrInput", err)
			var ie *Error
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.out, ie.Output)
			assert.NotEmpty(t, ie.Input)
		})
	}
}

func TestNilSetRefusesNothing(t *testing.T) {
	t.Parallel()
	var s *Set
	s.Add("x")
	assert.Zero(t, s.Len())
	assert.NoError(t, s.Check("x"))
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	var s Set
	dir := t.TempDir()
	done := make(chan struct{})
	for i := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := range 50 {
				s.Add(filepath.Join(dir, string(rune('a'+i)), string(rune('a'+j))))
				_ = s.Check(filepath.Join(dir, "out"))
			}
		}()
	}
	for range 8 {
		<-done
	}
	assert.Equal(t, 400, s.Len())
}
