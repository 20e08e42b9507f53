package cli

// The findings across the packages of one run (package intake): each
// package's keys are collected while it is checked, the rows dropped; the
// keys of every package are compared once all are checked. They are
// warnings for the office, never an error of a package: they do not
// change the exit code (not even with --strict, which is about each
// package's own warnings).

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pack"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/schema"
)

// intakeIdentify names the keys k of package p as the run does, and dates
// them by the newest of its workbooks (or its archive): validate has no
// 申报书 to date a package by.
func intakeIdentify(k *intake.Package, p validateTarget, files []string) {
	if k == nil {
		return
	}
	k.ID = p.Name
	var newest time.Time
	paths := []string{p.Dir}
	if st, err := os.Stat(p.Dir); err == nil && st.IsDir() {
		paths = nil
		for _, f := range files {
			paths = append(paths, filepath.Join(p.Dir, f))
		}
	}
	for _, f := range paths {
		if st, err := os.Stat(f); err == nil && st.ModTime().After(newest) {
			newest = st.ModTime()
		}
	}
	if !newest.IsZero() {
		k.Time = newest.UTC().Format(time.RFC3339)
	}
}

// intakeOfResults compares the keys of the packages validate checked.
func intakeOfResults(results []*validateResult) []intake.Finding {
	var x intake.Index
	for _, r := range results {
		x.Add(r.Intake)
	}
	return x.Findings()
}

// intakeOfReport completes the keys collected while verifying one package
// with what its check found: the 版本号 and when its 申报书 was made (else
// when it was packed).
func intakeOfReport(c *intake.Collector, id string, r *pack.Report) *intake.Package {
	k := c.Package()
	k.ID = id
	if r == nil {
		return k
	}
	k.Version = r.Version()
	switch {
	case r.Verdict != nil && r.Verdict.Info != nil && !r.Verdict.Info.Generated.IsZero():
		k.Time = r.Verdict.Info.Generated.UTC().Format(time.RFC3339)
	case r.Manifest != nil:
		if t, err := time.Parse(time.RFC3339, r.Manifest.Created); err == nil {
			k.Time = t.UTC().Format(time.RFC3339)
		}
	}
	return k
}

// intakeOfOutcomes compares the keys of the packages verify checked.
func intakeOfOutcomes(outcomes []verifyOutcome) []intake.Finding {
	var x intake.Index
	for _, oc := range outcomes {
		if oc.Err == nil {
			x.Add(oc.Intake)
		}
	}
	return x.Findings()
}

// printIntake prints the findings across the packages after the packages'
// own lines (nothing when there are none).
func printIntake(g *Globals, cross []intake.Finding, lang msg.Lang) {
	if len(cross) == 0 {
		return
	}
	var b strings.Builder
	report.WriteIntakeText(&b, cross, lang)
	fmt.Fprint(g.IO.Out, b.String())
}

// verifiedFindings are every finding of a verified package: the problems
// of the package (archive, manifest, 申报书) and every finding of its data.
func verifiedFindings(r *pack.Report, lang msg.Lang) []report.SummaryFinding {
	var out []report.SummaryFinding
	for _, p := range r.Problems {
		if p.Code == pack.CodeDataError || p.Code == pack.CodeDataMore {
			continue // listed one by one below
		}
		out = append(out, report.SummaryFinding{Rule: p.Code, Severity: string(finding.Error), Message: p.Text(lang)})
	}
	if r.Data != nil {
		out = append(out, report.SummaryFindings(r.Data.Findings)...)
	}
	return out
}

// dropRows lets go of the rows of a verified package once its keys are
// taken (only 基础信息 stays: it names the package): a batch of 1,000 keeps
// keys and findings, not 1,000 packages' tables.
func dropRows(r *pack.Report) {
	if r == nil || r.Data == nil {
		return
	}
	for s := range r.Data.Sheets {
		if s != schema.Basic.Sheet {
			delete(r.Data.Sheets, s)
		}
	}
}
