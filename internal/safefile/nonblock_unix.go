//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// nonblock makes opening a named pipe return at once instead of waiting
// for a writer; it changes nothing for a regular file.
const nonblock = syscall.O_NONBLOCK

func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }
