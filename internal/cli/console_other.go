//go:build !windows

package cli

// utf8Console is needed on Windows only; terminals elsewhere speak UTF-8.
func utf8Console() {}
