package cli

// Checking packages for validate and totals: the checker (checkWithRules,
// validate_rules.go) run over the packages on a pool of workers, and its
// results made ready for the reports.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/version"
)

// validateResult is what checking one package gives: the package folder,
// the workbooks read and the findings.
type validateResult struct {
	Dir      string
	Files    []string
	Findings []finding.Finding
	Totals   any // printed as "totals" in json when set
	// Eligibility is the self-check, printed as "eligibility" in json.
	Eligibility any
	// Identity names the package in a --summary table.
	Identity analysis.Identity
	// Reads are the files read beyond the workbooks (the attachments the
	// workbooks name): no report may replace one.
	Reads []string
	// Config is the configuration the package was checked with, when it
	// is not the one given (a zip's own mkspace.yaml).
	Config *config.Config
	// Intake is the package's keys for the findings across packages (nil:
	// none collected).
	Intake *intake.Package
}

// validateFunc checks the package made of paths (a folder, a .zip, or
// workbooks of one folder) with cfg.
type validateFunc func(paths []string, cfg *config.Config) (*validateResult, error)

// progressMin is the number of packages from which a terminal gets a
// progress bar.
const progressMin = 4

// checkAll checks the packages with check (nil: checkWithRules) on at most
// workers goroutines (0: one per CPU) and returns the results in the order
// of pkgs.
func checkAll(g *Globals, pkgs []validateTarget, cfgs []*config.Config, check validateFunc, workers int, lang msg.Lang) ([]*validateResult, error) {
	if check == nil {
		check = checkWithRules
	}
	results := make([]*validateResult, len(pkgs))
	errs := make([]error, len(pkgs))
	if err := runPool(g, len(pkgs), workers, lang.T("validate.progress"), func(i int) {
		results[i], errs[i] = safely(func() (*validateResult, error) { return check(pkgs[i].Paths, cfgs[i]) })
	}); err != nil {
		return nil, err
	}

	for i, p := range pkgs {
		if errs[i] != nil {
			return nil, userErr(errs[i], "validate.failed", "name", p.Name, "err", errs[i].Error())
		}
		if !strings.EqualFold(filepath.Ext(p.Dir), ".zip") { // a zip's files are in a folder now removed
			g.inputs.Add(results[i].Files...)
		}
		g.inputs.Add(results[i].Reads...)
		results[i] = normalizeResult(p, results[i])
		intakeIdentify(results[i].Intake, p, results[i].Files)
	}
	return results, nil
}

// safely runs one package's check, turning a panic into an error: one
// broken package must not take the others down. A nil result is an error.
func safely[T any](check func() (*T, error)) (r *T, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	r, err = check()
	if err == nil && r == nil {
		err = errors.New("no result")
	}
	return r, err
}

// normalizeResult makes the file names of a result relative to the package
// folder where they lie inside it, so that every report shows them alike.
func normalizeResult(p validateTarget, r *validateResult) *validateResult {
	out := *r
	out.Files = make([]string, len(r.Files))
	for i, f := range r.Files {
		out.Files[i] = relToPackage(p.Dir, f)
	}
	out.Findings = slices.Clone(r.Findings)
	for i := range out.Findings {
		out.Findings[i].File = relToPackage(p.Dir, out.Findings[i].File)
	}
	return &out
}

// relToPackage returns file relative to the package folder dir when it lies
// inside it: file may be absolute, relative to dir, or relative to the
// working folder (as the user gave it).
func relToPackage(dir, file string) string {
	if file == "" {
		return ""
	}
	inside := func(abs string) (string, bool) {
		r, err := filepath.Rel(absOr(dir), abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", false
		}
		return r, true
	}
	if filepath.IsAbs(file) {
		if r, ok := inside(file); ok {
			return r
		}
		return file
	}
	if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
		return filepath.Clean(file)
	}
	if _, err := os.Stat(file); err == nil {
		if r, ok := inside(absOr(file)); ok {
			return r
		}
	}
	return filepath.Clean(file)
}

// checkZipWithRules validates a packed package (`mkspace validate x.zip`,
// `mkspace totals x.zip`) unpacked into a temporary folder, removed
// afterwards (pack.UnpackData); an archive that cannot be unpacked safely
// is one FILE-UNREADABLE finding saying why.
func checkZipWithRules(zipPath string, cfg *config.Config) (*validateResult, error) {
	z, unreadable, err := pack.UnpackData(zipPath, cfg)
	switch {
	case err != nil:
		return nil, err
	case unreadable != nil:
		return &validateResult{Dir: zipPath, Findings: []finding.Finding{*unreadable}}, nil
	}
	defer z.Remove()
	r, err := checkWithRules([]string{z.Dir}, z.Config)
	if err != nil {
		return nil, err
	}
	r.Dir = zipPath
	z.Localize(r.Files, r.Findings)
	return r, nil
}

// reportInput is the report of the packages checked, in the language l.
func reportInput(pkgs []validateTarget, cfgs []*config.Config, results []*validateResult, l msg.Lang) report.Input {
	in := report.Input{Lang: l, Window: cfgs[0].Window, ToolVersion: version.Tool}
	for i, p := range pkgs {
		r := results[i]
		in.Packages = append(in.Packages, report.Package{Name: p.Name, Dir: p.Dir, Files: r.Files,
			Findings: r.Findings, Window: cfgs[i].Window, Totals: r.Totals, Eligibility: r.Eligibility,
			SpaceName: r.Identity.SpaceName, Operator: r.Identity.Operator, Agency: r.Identity.Agency})
	}
	return in
}

// findingsExit is ErrFindings when a package of in has errors, or
// warnings when strict.
func findingsExit(in report.Input, strict bool) error {
	for _, p := range in.Packages {
		if e, w := p.Counts(); e > 0 || (strict && w > 0) {
			return ErrFindings
		}
	}
	return nil
}
