package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/version"
)

// versionOptions holds what `mkspace version` uses.
type versionOptions struct {
	g *Globals
}

// newVersionCmd builds `mkspace version`. runF, when not nil, runs instead
// of runVersion.
func newVersionCmd(g *Globals, runF func(*versionOptions) error) *cobra.Command {
	if runF == nil {
		runF = runVersion
	}
	o := &versionOptions{g: g}
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本 / print the version",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(o) },
	}
}

func runVersion(o *versionOptions) error {
	fmt.Fprintf(o.g.IO.Out, "mkspace %s (template %s, %s %s/%s)\n",
		version.Tool, version.Template, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
