//go:build windows

package cli

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

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

var procGetConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// consoleProcesses is the number of processes attached to this process's
// console: 1 when the console was created for it (Explorer started it,
// by a double-click or a drop), more when it runs in cmd or PowerShell,
// 0 when there is no console or the call fails.
func consoleProcesses() int {
	if procGetConsoleProcessList.Find() != nil {
		return 0
	}
	var ids [4]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return int(n)
}

// openInBrowser opens the file with its default program (the browser for
// an .html file), as a double-click in Explorer would.
func openInBrowser(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
}
