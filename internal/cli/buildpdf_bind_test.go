package cli

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// An error of binding reaches the user as its message in the catalogue
// (bind.Message), in the user's language: no Go internals, no "cannot
// write the 申报书:" before a sentence that says it already.
func TestBuildErrSaysBindingErrorsPlainly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		err    error
		zh, en string
	}{
		{"a document", &bind.DocumentError{Path: "attachments/a.pdf", Err: bind.ErrNeedsPassword},
			"附件 attachments/a.pdf 设置了打开密码", "attachments/a.pdf needs a password"},
		{"the stamp's glyphs", &bind.GlyphError{Chars: "版"}, "所用字体缺少这些字符：版", "lacks these characters: 版"},
		{"the stamp's font folder", &bind.Error{Font: true, Err: &fs.PathError{Op: "mkdir", Path: "/tmp/x/mkspace-font-1", Err: syscall.EACCES}},
			"无法准备印版本号所用的字体", "cannot prepare the font"},
		{"a fault", &bind.Error{Err: errors.New("5 pages after merging, want 6")}, "mkspace 自身的问题", "fault of mkspace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := buildErr(tt.err, "")
			assert.Equal(t, ExitNoRun, ExitCode(err))
			zh, en := describe(err, msg.ZH), describe(err, msg.EN)
			assert.Contains(t, zh, tt.zh)
			assert.Contains(t, en, tt.en)
			assert.NotContains(t, zh, "无法生成申报书：")
			assert.NotContains(t, en, "cannot write the 申报书:")
			for _, s := range []string{zh, en} {
				assert.NotContains(t, s, "bind:")
				assert.NotContains(t, s, "permission denied")
			}
		})
	}
}
