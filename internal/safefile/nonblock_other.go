//go:build !unix

package safefile

// nonblock: opening does not block on these systems.
const nonblock = 0

func isNotDir(error) bool { return false }
