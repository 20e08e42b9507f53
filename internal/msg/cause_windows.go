package msg

import "syscall"

// platformErrnoKind names the Windows errors people meet: a file open in
// Excel (sharing and lock violations), a full or write-protected disk, a
// name Windows does not allow, a USB stick pulled out.
func platformErrnoKind(e syscall.Errno) string {
	switch e {
	case 32, 33, 1224: // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE
		return "os.locked"
	case 39, 112: // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
		return "os.no-space"
	case 19: // ERROR_WRITE_PROTECT
		return "os.read-only"
	case 123, 161: // ERROR_INVALID_NAME, ERROR_BAD_PATHNAME
		return "os.bad-name"
	case 206: // ERROR_FILENAME_EXCED_RANGE
		return "os.name-too-long"
	case 267: // ERROR_DIRECTORY
		return "os.not-dir"
	case 4: // ERROR_TOO_MANY_OPEN_FILES
		return "os.too-many-files"
	case 21, 23: // ERROR_NOT_READY, ERROR_CRC
		return "os.io"
	}
	return ""
}
