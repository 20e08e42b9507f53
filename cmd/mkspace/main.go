// Command mkspace prepares and checks a maker space's application for
// national registration (国家备案众创空间) offline, from Excel workbooks.
package main

import (
	"os"

	"github.com/mkspace/mkspace/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
