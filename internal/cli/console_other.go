//go:build !windows

package cli

import "errors"

// utf8Console is needed on Windows only; terminals elsewhere speak UTF-8.
func utf8Console() {}

// consoleProcesses is 0 off Windows: no double-click launch (see
// decideLaunch).
func consoleProcesses() int { return 0 }

// openInBrowser is used by a double-click, which happens on Windows only.
func openInBrowser(string) error { return errNoBrowser }

// errNoBrowser: a browser is opened on Windows only.
var errNoBrowser = errors.New("opening the browser is done on Windows only")
