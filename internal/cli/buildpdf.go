package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/version"
)

// buildPDFOptions holds the flags and arguments of `mkspace build-pdf`.
type buildPDFOptions struct {
	g             *Globals
	Package       string
	Output        string
	Draft         bool
	NoAttachments bool
	Force         bool
}

// newBuildPDFCmd builds `mkspace build-pdf`. runF, when not nil, runs instead of
// runBuildPDF with the options parsed (tests capture them).
func newBuildPDFCmd(g *Globals, runF func(*buildPDFOptions) error) *cobra.Command {
	if runF == nil {
		runF = runBuildPDF
	}
	o := &buildPDFOptions{g: g}
	both := func(key string) string { return msg.ZH.T(key) + " / " + msg.EN.T(key) }
	cmd := &cobra.Command{
		Use:   "build-pdf [PACKAGE] [-o FILE] [--draft] [--no-attachments] [--force]",
		Short: both("buildpdf.short"),
		Long:  longHelp(msg.ZH.T("buildpdf.long"), msg.EN.T("buildpdf.long")),
		Example: `  mkspace build-pdf
  mkspace build-pdf examples/good
  mkspace build-pdf 申报材料/ --draft`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				o.Package = args[0]
			}
			return runF(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", both("buildpdf.flag.output"))
	f.BoolVar(&o.Draft, "draft", false, both("buildpdf.flag.draft"))
	f.BoolVar(&o.NoAttachments, "no-attachments", false, both("buildpdf.flag.no-attachments"))
	f.BoolVar(&o.Force, "force", false, both("buildpdf.flag.force"))
	return cmd
}

func runBuildPDF(o *buildPDFOptions) error {
	// No gctune.Heavy here: a build allocates mostly fresh short-lived
	// memory, and with a heap five times as large it spent more time
	// clearing new pages than collecting (5,000 rows: 238 MB peak and
	// more CPU time with GOGC=400, 120 MB and less with the default).
	g := o.g
	if err := g.checkOutputName(o.Output, ".pdf", pdfName, "buildpdf.not-pdf-name"); err != nil {
		return err
	}
	t, cfg, err := onePackage(g, o.Package)
	if err != nil {
		return err
	}
	if err := g.checkOutput(o.Output, pdfName); err != nil {
		return err
	}
	l := cfg.Lang
	b, err := dossier.Build(t.Paths, cfg, dossier.Options{
		Output: o.Output, Draft: o.Draft, NoAttachments: o.NoAttachments, Force: o.Force,
		Inputs: &g.inputs, Context: g.Context(),
	})
	if err := buildErr(err, o.Output); err != nil {
		switch {
		case errors.Is(err, dossier.ErrHasErrors):
			return refuse(g, t, cfg, b.Data, "buildpdf.refused")
		case errors.Is(err, dossier.ErrGlyphsMissing):
			return refuseGlyphs(g, t, cfg, b.Data)
		}
		return err
	}
	fmt.Fprintln(g.IO.Out, l.T("buildpdf.done", "file", b.Path, "version", b.Version, "pages", fmt.Sprint(b.Pages)))
	for _, s := range b.Skipped {
		fmt.Fprintln(g.IO.Err, l.T("buildpdf.skipped", "file", s))
	}
	if errs, warns := b.Data.Counts(); errs > 0 {
		g.Infof("%s", l.T("buildpdf.draft-errors", "n", fmt.Sprint(errs)))
	} else if warns > 0 {
		g.Infof("%s", l.T("buildpdf.warnings", "n", fmt.Sprint(warns)))
	}
	return nil
}

// pdfName is the file name suggested when -o names a folder.
const pdfName = "申报书.pdf"

// buildErr turns the error of dossier.Build (build-pdf, and pack when it
// builds) into the message for the user; dossier.ErrHasErrors and an
// interruption are returned as they are.
func buildErr(err error, output string) error {
	var fe *font.Error
	var le *dossier.LogError
	var pe *fs.PathError
	switch {
	case err == nil, errors.Is(err, dossier.ErrHasErrors), errors.Is(err, dossier.ErrGlyphsMissing):
		return err
	case errors.As(err, new(*Interrupted)):
		return err
	case errors.Is(err, inputs.ErrInput):
		return outputErr(err, output)
	case errors.As(err, &le):
		return userErr(err, "buildpdf.log-locked", "file", le.Path)
	case errors.Is(err, fs.ErrExist) && errors.As(err, &pe):
		return userErr(err, "cli.exists", "file", pe.Path)
	case errors.As(err, &fe):
		return userErr(err, fe.Key, fe.Args...)
	}
	if _, ok := bind.Message(msg.ZH, err); ok {
		return err // an error of binding says all (bind.Message), in the user's language
	}
	return userErr(err, "buildpdf.failed", "err", err.Error())
}

// refuse prints the findings of a package that has errors, then the line
// (msg key) saying nothing was written; the command exits 1.
func refuse(g *Globals, t validateTarget, cfg *config.Config, d *dossier.Data, key string) error {
	if err := printFindings(g, t, cfg, d.Findings, d.Files, cfg.Lang); err != nil {
		return err
	}
	errs, _ := d.Counts()
	fmt.Fprintln(g.IO.Err, cfg.Lang.T(key, "n", fmt.Sprint(errs)))
	return ErrFindings
}

// refuseGlyphs prints the CELL-GLYPH-MISSING findings of a package (and
// nothing else: it has no errors) and says that nothing was written; the
// command exits 1.
func refuseGlyphs(g *Globals, t validateTarget, cfg *config.Config, d *dossier.Data) error {
	var fs []finding.Finding
	for _, f := range d.Findings {
		if f.Rule == finding.CellGlyphMissing {
			fs = append(fs, f)
		}
	}
	if err := printFindings(g, t, cfg, fs, d.Files, cfg.Lang); err != nil {
		return err
	}
	fmt.Fprintln(g.IO.Err, cfg.Lang.T("buildpdf.glyphs-missing", "n", fmt.Sprint(len(fs))))
	return ErrFindings
}

// printFindings prints the findings of one package as the text report, on
// standard error (standard output is for the command's result).
func printFindings(g *Globals, t validateTarget, cfg *config.Config, fs []finding.Finding, files []string, l msg.Lang) error {
	r := normalizeResult(t, &validateResult{Files: files, Findings: fs})
	in := report.Input{Lang: l, Window: cfg.Window, ToolVersion: version.Tool, MaxFindings: 50,
		Packages: []report.Package{{Name: t.Name, Dir: t.Dir, Files: r.Files, Findings: r.Findings, Window: cfg.Window}}}
	return report.Write(g.IO.Err, "text", in)
}
