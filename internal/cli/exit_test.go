package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

// describe is the one place an error that stops a command becomes text.
func TestDescribe(t *testing.T) {
	t.Parallel()
	denied := &fs.PathError{Op: "open", Path: "out/.x.pdf.123.tmp", Err: syscall.EACCES}
	tests := []struct {
		name   string
		err    error
		zh, en string
		code   int
	}{
		{"catalogue error with a system cause", userErr(denied, "cli.write-failed", "file", "out/x.pdf", "err", denied.Error()),
			"无法写入 out/x.pdf：没有访问 out 的权限，请换一个有权限的位置", "cannot write out/x.pdf: no permission to use out", ExitNoRun},
		{"wrapped catalogue error", fmt.Errorf("run: %w", userErr(nil, "cli.exists", "file", "a.pdf")),
			"文件 a.pdf 已存在", "a.pdf already exists", ExitNoRun},
		{"a system error alone", fmt.Errorf("build: %w", &fs.PathError{Op: "mkdir", Path: "p/a.xlsx", Err: syscall.ENOTDIR}),
			"无法完成：p/a.xlsx 是文件，不是文件夹", "could not finish: p/a.xlsx is a file, not a folder", ExitNoRun},
		{"config error", &config.Error{Key: "config.unknown", File: "mkspace.yaml", Line: 3, Args: []string{"key", "window.strat", "suggest", "window.start"}},
			"mkspace.yaml 第 3 行：没有配置项 window.strat，是否应为 window.start？", "mkspace.yaml, line 3: there is no setting window.strat; did you mean window.start?", ExitNoRun},
		{"anything else is a fault of mkspace", errors.New("boom"),
			"mkspace 遇到了意外的问题：boom。这是 mkspace 自身的问题", "mkspace met an unexpected problem: boom", ExitNoRun},
		{"findings", ErrFindings, "", "", ExitFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.code, ExitCode(tt.err))
			if tt.zh == "" {
				return
			}
			assert.Contains(t, describe(tt.err, msg.ZH), tt.zh)
			assert.Contains(t, describe(tt.err, msg.EN), tt.en)
			assert.NotContains(t, describe(tt.err, msg.ZH), "denied")
		})
	}
	// Error() of a catalogue error is its Chinese text, cause included.
	assert.Contains(t, userErr(denied, "cli.write-failed", "file", "x", "err", denied.Error()).Error(), "没有访问 out 的权限")
}
