package msg

import (
	"io/fs"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The errors of Windows that people meet: a workbook open in Excel, a
// full disk, a write-protected USB stick, a name Windows does not allow.
func TestCauseWindows(t *testing.T) {
	t.Parallel()
	for errno, want := range map[syscall.Errno]string{
		32: "正被其他程序占用", 33: "正被其他程序占用", 112: "磁盘已满", 39: "磁盘已满",
		19: "只读", 123: "不允许的字符", 206: "太长", 5: "没有访问", 2: "找不到", 3: "找不到",
	} {
		err := &fs.PathError{Op: "open", Path: `C:\申报\申报数据.xlsx`, Err: errno}
		assert.Contains(t, ZH.Cause(err), want, "errno %d", errno)
		assert.Contains(t, ZH.Cause(err), `C:\申报\申报数据.xlsx`, "errno %d", errno)
	}
}
