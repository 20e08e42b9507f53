package cli

// `mkspace verify --merge a.json b.json …`: the JSON summaries of an intake
// split across machines (each verified part written with --summary
// part.json) made into the result of one run: every package's row, and the
// findings across all packages, compared from the keys each summary
// carries.

import (
	"encoding/json"
	"fmt"

	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/report"
	"github.com/mkspace/mkspace/internal/safefile"
)

// maxMergeBytes bounds one summary read by --merge (the summary of 1,000
// packages is a few megabytes).
const maxMergeBytes = 512 << 20

// summaryDoc is the part of a JSON summary --merge reads.
type summaryDoc struct {
	Tool     string              `json:"tool"`
	Packages []report.SummaryRow `json:"packages"`
}

// readSummaries reads the JSON summaries files: their rows in order, a
// package in several summaries kept once (its last row).
func readSummaries(files []string) ([]report.SummaryRow, error) {
	var rows []report.SummaryRow
	at := map[string]int{}
	for _, file := range files {
		data, err := safefile.ReadFile(file, maxMergeBytes)
		if err != nil {
			return nil, pathErr(err, "verify.no-target", file)
		}
		var doc summaryDoc
		if err := json.Unmarshal(data, &doc); err != nil || doc.Tool != "mkspace" || doc.Packages == nil {
			return nil, userErr(err, "verify.merge-bad", "file", file)
		}
		for _, r := range doc.Packages {
			if i, ok := at[r.File]; ok {
				rows[i] = r
				continue
			}
			at[r.File] = len(rows)
			rows = append(rows, r)
		}
	}
	return rows, nil
}

// intakeOfRows compares the keys the rows carry.
func intakeOfRows(rows []report.SummaryRow) []intake.Finding {
	var x intake.Index
	for _, r := range rows {
		x.Add(r.Intake)
	}
	return x.Findings()
}

func runMerge(o *verifyOptions) error {
	g := o.g
	if len(o.Args) == 0 {
		return userErr(nil, "verify.merge-none")
	}
	for _, a := range o.Args {
		g.readsPackage(a)
	}
	if err := checkSummaryPath(g, o.Summary); err != nil {
		return err
	}
	cfg, err := g.LoadConfig(".")
	if err != nil {
		return err
	}
	lang := cfg.Lang
	rows, err := readSummaries(o.Args)
	if err != nil {
		return err
	}
	cross := intakeOfRows(rows)
	failed := 0
	for _, r := range rows {
		line := lang.T("verify.merge.ok", "file", r.File, "name", r.SpaceName)
		if !r.Verified {
			failed++
			line = lang.T("verify.merge.failed", "file", r.File, "name", r.SpaceName, "message", r.FirstProblem)
		}
		fmt.Fprintln(g.IO.Out, msg.EscapeLines(line))
	}
	printIntake(g, cross, lang)
	fmt.Fprintln(g.IO.Out, lang.T("verify.total", "n", fmt.Sprint(len(rows)), "ok", fmt.Sprint(len(rows)-failed),
		"failed", fmt.Sprint(failed)))
	if o.Summary != "" {
		if err := writeSummaryRows(g, o.Summary, rows, lang, cross); err != nil {
			return err
		}
	}
	if failed > 0 {
		return ErrFindings
	}
	return nil
}
