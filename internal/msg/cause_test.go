package msg

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
)

type ownText struct{}

func (ownText) Error() string           { return "own" }
func (ownText) Localized(l Lang) string { return l.Pick("自己的话", "own words") }

// Every refusal of the system is named in plain words with the path and
// what to do, whatever wraps it; damaged files likewise.
func TestCause(t *testing.T) {
	t.Parallel()
	path := func(e error) error { return &fs.PathError{Op: "open", Path: "p/申报数据.xlsx", Err: e} }
	var jsonSyntax *json.SyntaxError
	_ = json.Unmarshal([]byte("{x"), &struct{}{})
	if err := json.Unmarshal([]byte("{x"), &struct{}{}); !errors.As(err, &jsonSyntax) {
		t.Fatal("no json syntax error")
	}
	var jsonType *json.UnmarshalTypeError
	if err := json.Unmarshal([]byte(`{"a": "x"}`), &struct{ A int }{}); !errors.As(err, &jsonType) {
		t.Fatal("no json type error")
	}
	tests := []struct {
		name   string
		err    error
		zh, en string
	}{
		{"permission", path(syscall.EACCES), "没有访问 p/申报数据.xlsx 的权限", "no permission to use p/申报数据.xlsx"},
		{"not permitted", path(syscall.EPERM), "没有访问 p/申报数据.xlsx 的权限", "no permission"},
		{"missing", path(syscall.ENOENT), "找不到 p/申报数据.xlsx", "p/申报数据.xlsx does not exist"},
		{"missing, wrapped", fmt.Errorf("build: %w", path(fs.ErrNotExist)), "找不到 p/申报数据.xlsx", "does not exist"},
		{"disk full", path(syscall.ENOSPC), "磁盘已满", "disk of p/申报数据.xlsx is full"},
		{"read-only", path(syscall.EROFS), "只读", "read-only disk"},
		{"busy", path(syscall.EBUSY), "正被其他程序占用", "in use by another program"},
		{"a folder", path(syscall.EISDIR), "p/申报数据.xlsx 是文件夹，不是文件", "is a folder, not a file"},
		{"not a folder", &fs.PathError{Op: "mkdir", Path: "p/a.txt", Err: syscall.ENOTDIR}, "p/a.txt 是文件，不是文件夹", "p/a.txt is a file, not a folder"},
		{"too long", path(syscall.ENAMETOOLONG), "太长", "too long"},
		{"too many", path(syscall.EMFILE), "同时打开的文件太多", "too many files"},
		{"disk error", path(syscall.EIO), "磁盘出错", "the disk failed"},
		{"exists", path(fs.ErrExist), "已存在", "already exists"},
		{"temporary file", &fs.PathError{Op: "open", Path: "out/.申报书.pdf.123456.tmp", Err: syscall.EACCES}, "没有访问 out 的权限", "no permission to use out"},
		{"link", &os.LinkError{Op: "rename", Old: "a", New: "b.pdf", Err: syscall.EACCES}, "没有访问 b.pdf 的权限", "no permission to use b.pdf"},
		{"other errno", path(syscall.Errno(1234)), "系统错误代码 1234", "system error 1234"},
		{"zip", fmt.Errorf("open: %w", zip.ErrFormat), "压缩结构无效", "zip structure is invalid"},
		{"zip checksum", zip.ErrChecksum, "校验不符", "checksum"},
		{"truncated", io.ErrUnexpectedEOF, "中途结束", "ends too early"},
		{"xml", &xml.SyntaxError{Msg: "unexpected EOF", Line: 7}, "第 7 行", "line 7"},
		{"json", jsonSyntax, "JSON 格式有误", "JSON is malformed"},
		{"json type", jsonType, "JSON 中 A 一项的类型不对", "the JSON entry A has the wrong type"},
		{"own text", fmt.Errorf("wrapped: %w", ownText{}), "自己的话", "own words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zh, en := ZH.Cause(tt.err), EN.Cause(tt.err)
			assert.Contains(t, zh, tt.zh)
			assert.Contains(t, en, tt.en)
			for _, s := range []string{zh, en} {
				assert.NotRegexp(t, `denied|no such|open p|mkdir|rename|errno|zip: |unexpected EOF|invalid character|\.tmp`, s)
			}
		})
	}
	// The system names the whole path when a part of it is a file.
	file := t.TempDir() + "/a.txt"
	assert.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err := os.Stat(file + "/sub/x.zip")
	assert.Contains(t, ZH.Cause(err), file+" 是文件，不是文件夹")

	assert.Equal(t, "", ZH.Cause(nil))
	assert.Equal(t, "something else", ZH.Cause(errors.New("something else")), "unknown errors as they are")
	assert.True(t, IsOS(path(syscall.EACCES)))
	assert.False(t, IsOS(errors.New("x")))
	assert.False(t, IsOS(&fs.PathError{Op: "parse", Path: "x", Err: errors.New("bad")}), "a library's path error")
	assert.False(t, strings.Contains(ZH.Cause(path(syscall.EACCES)), "permission"))
}
