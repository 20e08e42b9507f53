package msg

import (
	"archive/zip"
	"compress/flate"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
)

// Texts of the causes an error message names: what the operating system
// refused (a path that is missing, locked, read-only…) and the damaged
// files a library could not read, each with what to do.
func init() {
	register(map[string]Text{
		"os.not-exist": {
			ZH: "找不到 {path}，请检查路径是否正确（文件夹须已存在）",
			EN: "{path} does not exist: check the path (the folder must exist)",
		},
		"os.permission": {
			ZH: "没有访问 {path} 的权限，请换一个有权限的位置，或请管理员开放权限",
			EN: "no permission to use {path}: choose a place you may use, or ask an administrator for access",
		},
		"os.exists": {
			ZH: "{path} 已存在",
			EN: "{path} already exists",
		},
		"os.no-space": {
			ZH: "{path} 所在的磁盘已满，请清理磁盘空间或换一个位置后重试",
			EN: "the disk of {path} is full: free some space or choose another place, then retry",
		},
		"os.read-only": {
			ZH: "{path} 所在的磁盘是只读的（如光盘、写保护的 U 盘），请换一个可以写入的位置",
			EN: "{path} is on a read-only disk (a CD, a write-protected USB stick): choose a place that can be written to",
		},
		"os.locked": {
			ZH: "{path} 正被其他程序占用（例如在 Excel、WPS 或 PDF 阅读器中打开着），请关闭该文件后重试",
			EN: "{path} is in use by another program (open in Excel, WPS or a PDF reader, say): close it and retry",
		},
		"os.is-dir": {
			ZH: "{path} 是文件夹，不是文件，请给出文件的路径",
			EN: "{path} is a folder, not a file: give the path of a file",
		},
		"os.not-dir": {
			ZH: "{path} 是文件，不是文件夹，请检查路径",
			EN: "{path} is a file, not a folder: check the path",
		},
		"os.name-too-long": {
			ZH: "路径 {path} 太长，请换一个较短的文件夹或文件名",
			EN: "the path {path} is too long: choose a shorter folder or file name",
		},
		"os.bad-name": {
			ZH: "{path} 含有文件名中不允许的字符，请改名",
			EN: "{path} holds characters that a file name may not: rename it",
		},
		"os.too-many-files": {
			ZH: "同时打开的文件太多，请减少一次处理的申报材料包数量后重试",
			EN: "too many files are open at once: check fewer packages in one run",
		},
		"os.io": {
			ZH: "读写 {path} 时磁盘出错，请检查磁盘（或 U 盘、网络盘的连接）后重试",
			EN: "the disk failed while using {path}: check the disk (or the USB stick or network drive) and retry",
		},
		"os.loop": {
			ZH: "{path} 中的符号链接（快捷方式）循环指向自身，请检查该链接",
			EN: "a symbolic link in {path} points to itself in a loop: check the link",
		},
		"os.other": {
			ZH: "无法访问 {path}（系统错误代码 {code}），请检查该位置是否可用",
			EN: "cannot use {path} (system error {code}): check that the place is available",
		},
		"cause.zip": {
			ZH: "压缩结构无效",
			EN: "its zip structure is invalid",
		},
		"cause.zip-checksum": {
			ZH: "内容校验不符",
			EN: "a checksum does not match",
		},
		"cause.zip-method": {
			ZH: "使用了不支持的压缩方式",
			EN: "it uses an unsupported compression method",
		},
		"cause.truncated": {
			ZH: "文件在中途结束",
			EN: "the file ends too early",
		},
		"cause.deflate": {
			ZH: "压缩数据已损坏",
			EN: "the compressed data is damaged",
		},
		"cause.json": {
			ZH: "JSON 格式有误（第 {offset} 个字节处）",
			EN: "its JSON is malformed (at byte {offset})",
		},
		"cause.json-type": {
			ZH: "JSON 中 {field} 一项的类型不对",
			EN: "the JSON entry {field} has the wrong type",
		},
		"cause.manifest": {
			ZH: "内容不完整，或不是 mkspace pack 写出的清单",
			EN: "it is incomplete, or not a manifest that mkspace pack wrote",
		},
		"cause.xml": {
			ZH: "内部 XML 第 {line} 行有误",
			EN: "its XML is malformed at line {line}",
		},
	})
}

// localized is an error with its own catalogue text.
type localized interface{ Localized(Lang) string }

// Cause renders err for a person in l, for the {err} of a message: an
// error with its own catalogue text in l; what the operating system
// refused, naming the path and what to do; a damaged archive or XML part
// in plain words. Anything else is shown as it is.
func (l Lang) Cause(err error) string {
	if err == nil {
		return ""
	}
	var loc localized
	if errors.As(err, &loc) {
		return loc.Localized(l)
	}
	if s, ok := l.osCause(err); ok {
		return s
	}
	var se *xml.SyntaxError
	var fe flate.CorruptInputError
	var js *json.SyntaxError
	var jt *json.UnmarshalTypeError
	switch {
	case errors.As(err, &js):
		return l.T("cause.json", "offset", strconv.FormatInt(js.Offset, 10))
	case errors.As(err, &jt):
		return l.T("cause.json-type", "field", jt.Field)
	case errors.Is(err, zip.ErrFormat):
		return l.T("cause.zip")
	case errors.Is(err, zip.ErrChecksum):
		return l.T("cause.zip-checksum")
	case errors.Is(err, zip.ErrAlgorithm):
		return l.T("cause.zip-method")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return l.T("cause.truncated")
	case errors.As(err, &fe):
		return l.T("cause.deflate")
	case errors.As(err, &se):
		return l.T("cause.xml", "line", strconv.Itoa(se.Line))
	}
	return err.Error()
}

// IsOS reports whether err is a refusal of the operating system that
// Cause names in plain words.
func IsOS(err error) bool {
	_, ok := ZH.osCause(err)
	return ok
}

func (l Lang) osCause(err error) (string, bool) {
	path := ""
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		path = pe.Path
	case errors.As(err, &le):
		path = le.New
	}
	path = shownPath(path)
	var errno syscall.Errno
	hasErrno := errors.As(err, &errno)
	if path == "" && !hasErrno {
		return "", false
	}
	key := ""
	if hasErrno {
		key = errnoKind(errno)
	}
	if key == "" {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			key = "os.not-exist"
		case errors.Is(err, fs.ErrPermission):
			key = "os.permission"
		case errors.Is(err, fs.ErrExist):
			key = "os.exists"
		}
	}
	if key == "" {
		if !hasErrno {
			return "", false // a path error of something else: a library's
		}
		return l.T("os.other", "path", path, "code", strconv.Itoa(int(errno))), true
	}
	if key == "os.not-dir" {
		path = fileInPath(path)
	}
	return l.T(key, "path", path), true
}

// fileInPath returns the file that stands where path needs a folder: the
// system names the whole path when a part of it is a file.
func fileInPath(path string) string {
	for p := path; ; {
		if st, err := os.Stat(p); err == nil {
			if !st.IsDir() {
				return p
			}
			return path
		}
		parent := filepath.Dir(p)
		if parent == p {
			return path
		}
		p = parent
	}
}

// tempName matches the temporary files written beside a target
// (".申报书.pdf.123456.tmp"): the folder is what the user knows.
var tempName = regexp.MustCompile(`^\..+\.\d+\.tmp$`)

func shownPath(p string) string {
	if p != "" && tempName.MatchString(filepath.Base(p)) {
		return filepath.Dir(p)
	}
	return p
}

// errnoKind names the system errors that every platform reports alike.
func errnoKind(e syscall.Errno) string {
	switch e {
	case syscall.ENOSPC:
		return "os.no-space"
	case syscall.EROFS:
		return "os.read-only"
	case syscall.EISDIR:
		return "os.is-dir"
	case syscall.ENOTDIR:
		return "os.not-dir"
	case syscall.EBUSY:
		return "os.locked"
	case syscall.ENAMETOOLONG:
		return "os.name-too-long"
	case syscall.EMFILE, syscall.ENFILE:
		return "os.too-many-files"
	case syscall.EIO:
		return "os.io"
	case syscall.ELOOP:
		return "os.loop"
	case syscall.ENOENT:
		return "os.not-exist"
	case syscall.EACCES, syscall.EPERM:
		return "os.permission"
	case syscall.EEXIST:
		return "os.exists"
	}
	return platformErrnoKind(e)
}
