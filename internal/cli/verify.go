package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/msg"
)

func init() { commands = append(commands, newVerifyCmd) }

// verifyOptions holds the arguments of `mkspace verify`.
type verifyOptions struct {
	g       *Globals
	PDF     string
	Package string // "" = the current folder, or the package the PDF lies in
}

func newVerifyCmd(g *Globals) *cobra.Command { return newVerifyCmdWith(g, runVerify) }

func newVerifyCmdWith(g *Globals, run func(*verifyOptions) error) *cobra.Command {
	o := &verifyOptions{g: g}
	return &cobra.Command{
		Use:   "verify PDF [PACKAGE]",
		Short: msg.ZH.T("verify.short") + " / " + msg.EN.T("verify.short"),
		Long:  msg.ZH.T("verify.long") + "\n\n" + msg.EN.T("verify.long"),
		Example: `  mkspace verify output/申报书-MK-2X4T-U50Q-NFPT.pdf
  mkspace verify 申报书.pdf 申报材料/`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.PDF = args[0]
			if len(args) > 1 {
				o.Package = args[1]
			}
			return run(o)
		},
	}
}

func runVerify(o *verifyOptions) error {
	g := o.g
	if st, err := os.Stat(o.PDF); err != nil || st.IsDir() {
		return userErr(err, "verify.no-pdf", "file", o.PDF)
	}
	pkg := o.Package
	if pkg == "" {
		pkg = packageOfPDF(o.PDF)
	}
	targets, err := validateTargets([]string{pkg})
	if err != nil {
		return err
	}
	cfg, err := g.LoadConfig(targets[0].Dir)
	if err != nil {
		return err
	}
	l := cfg.Lang
	v, err := dossier.Verify(o.PDF, targets[0].Paths, cfg)
	if err != nil {
		return userErr(err, "verify.unreadable", "file", o.PDF, "err", err.Error())
	}
	if v.OK() {
		fmt.Fprintln(g.IO.Out, l.T("verify.ok", "file", o.PDF, "version", v.Version,
			"pages", fmt.Sprint(v.Info.Pages), "package", targets[0].Name))
		if errs, _ := v.Data.Counts(); errs > 0 {
			fmt.Fprintln(g.IO.Out, l.T("verify.package-errors", "n", fmt.Sprint(errs)))
			return ErrFindings
		}
		return nil
	}
	fmt.Fprintln(g.IO.Out, l.T("verify.failed", "file", o.PDF))
	for _, line := range v.Lines(l) {
		fmt.Fprintln(g.IO.Out, "  - "+line)
	}
	return ErrFindings
}

// packageOfPDF guesses the package of a 申报书 when none is given: the
// current folder when it holds a workbook, else the folder the PDF's
// output folder lies in (build-pdf writes into <package>/output/).
func packageOfPDF(pdf string) string {
	if m, _ := filepath.Glob("*.xlsx"); len(m) > 0 {
		return "."
	}
	dir := filepath.Dir(pdf)
	if parent := filepath.Dir(dir); parent != dir {
		if m, _ := filepath.Glob(filepath.Join(parent, "*.xlsx")); len(m) > 0 && !strings.HasPrefix(filepath.Base(dir), ".") {
			return parent
		}
	}
	return dir
}
