package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/version"
)

func init() { commands = append(commands, newVersionCmd) }

func newVersionCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本 / print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(g.IO.Out, "mkspace %s (template %s, %s %s/%s)\n",
				version.Tool, version.Template, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
