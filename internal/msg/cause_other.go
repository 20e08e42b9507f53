//go:build !windows

package msg

import "syscall"

// platformErrnoKind names further errors of Unix systems.
func platformErrnoKind(e syscall.Errno) string {
	switch e {
	case syscall.ETXTBSY:
		return "os.locked"
	case syscall.EDQUOT:
		return "os.no-space"
	}
	return ""
}
