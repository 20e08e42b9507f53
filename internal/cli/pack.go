package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/gctune"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/pdf/font"
)

// packOptions holds the flags and arguments of `mkspace pack`.
type packOptions struct {
	g       *Globals
	Package string
	Output  string
	Force   bool

	Now func() time.Time // the clock; nil: time.Now
}

// newPackCmd builds `mkspace pack`. runF, when not nil, runs instead of
// runPack with the options parsed (tests capture them).
func newPackCmd(g *Globals, runF func(*packOptions) error) *cobra.Command {
	if runF == nil {
		runF = runPack
	}
	o := &packOptions{g: g}
	both := func(key string) string { return msg.ZH.T(key) + " / " + msg.EN.T(key) }
	cmd := &cobra.Command{
		Use:   "pack [PACKAGE] [-o FILE.zip] [--force]",
		Short: both("pack.short"),
		Long:  longHelp(msg.ZH.T("pack.long"), msg.EN.T("pack.long")),
		Example: `  mkspace pack
  mkspace pack 申报材料/
  mkspace pack 申报材料/ -o 星火创客空间-申报材料.zip`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				o.Package = args[0]
			}
			return runF(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", both("pack.flag.output"))
	f.BoolVar(&o.Force, "force", false, both("pack.flag.force"))
	return cmd
}

func runPack(o *packOptions) error {
	defer gctune.Heavy()()
	g := o.g
	if err := g.checkOutputName(o.Output, ".zip", zipName, "pack.not-zip-name"); err != nil {
		return err
	}
	t, cfg, err := onePackage(g, o.Package)
	if err != nil {
		return err
	}
	if err := g.checkOutput(o.Output, zipName); err != nil {
		return err
	}
	if strings.EqualFold(filepath.Ext(t.Dir), ".zip") {
		return userErr(nil, "pack.not-folder", "path", t.Dir)
	}
	l := cfg.Lang
	p, err := pack.Pack(t.Paths, cfg, pack.Options{Output: o.Output, Force: o.Force, Now: o.Now,
		Inputs: &g.inputs, Context: g.Context()})
	var fe *font.Error
	var pe *fs.PathError
	switch {
	case errors.Is(err, pack.ErrHasErrors):
		return refuse(g, t, cfg, p.Data, "pack.refused")
	case errors.Is(err, dossier.ErrGlyphsMissing):
		return refuseGlyphs(g, t, cfg, p.Data)
	case errors.As(err, new(*Interrupted)):
		return err
	case errors.Is(err, inputs.ErrInput):
		return outputErr(err, o.Output)
	case errors.As(err, new(*dossier.LogError)):
		return buildErr(err, "")
	case errors.Is(err, pack.ErrExists) && errors.As(err, &pe):
		return userErr(err, "pack.exists", "file", pe.Path)
	case errors.As(err, &fe):
		return userErr(err, fe.Key, fe.Args...)
	case errors.Is(err, pack.ErrChanged):
		return userErr(err, "pack.changed", "err", err.Error())
	case err != nil:
		return userErr(err, "pack.failed", "err", err.Error())
	}
	if p.Reused {
		g.Infof("%s", l.T("pack.reused", "file", p.PDF, "version", p.Manifest.Version))
	} else {
		g.Infof("%s", l.T("pack.built", "file", p.PDF, "version", p.Manifest.Version, "pages", fmt.Sprint(p.Built.Pages)))
	}
	fmt.Fprintln(g.IO.Out, l.T("pack.done", "file", p.Output, "version", p.Manifest.Version,
		"n", fmt.Sprint(len(p.Manifest.Files)), "size", msg.Bytes(p.Size)))
	if _, warns := p.Data.Counts(); warns > 0 {
		g.Infof("%s", l.T("buildpdf.warnings", "n", fmt.Sprint(warns)))
	}
	return nil
}

// zipName is the file name suggested when -o names a folder.
const zipName = "申报材料.zip"
