//go:build windows

package cli

import "golang.org/x/sys/windows"

// utf8Console switches the Windows console to UTF-8 (code page 65001):
// mkspace prints UTF-8, and a Chinese Windows console expects GBK (936)
// unless told otherwise, which turns every message into mojibake. Output
// redirected to a file or a pipe is not affected.
func utf8Console() {
	_ = windows.SetConsoleOutputCP(codePageUTF8)
	_ = windows.SetConsoleCP(codePageUTF8)
}

// codePageUTF8 is Windows' code page number of UTF-8.
const codePageUTF8 = 65001
