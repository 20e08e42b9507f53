package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
)

// A formula-looking name is written as text into the CSV.
func TestSummaryCellText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1",
		"-2":                "'-2",
		"@SUM(A1)":          "'@SUM(A1)",
		"星火创客空间":            "星火创客空间",
		"":                  "",
	} {
		assert.Equal(t, want, cellText(in))
	}
}

// The summary names the self-check's conditions that the data decides, in
// the self-check's order, each with a short label in both languages.
func TestSummaryEligibilityColumns(t *testing.T) {
	t.Parallel()
	keys := eligibilityKeys()
	assert.Len(t, keys, 9)
	assert.Equal(t, "operating_months", keys[0])
	for _, k := range keys {
		assert.NotEqual(t, "summary.elig."+k, msg.ZH.T("summary.elig."+k), k)
		assert.NotEqual(t, "summary.elig."+k, msg.EN.T("summary.elig."+k), k)
	}
}

// verified is a verify outcome for the tests.
type verified struct {
	ok     bool
	counts bool
	codes  []string
}

func (v verified) Identity() (string, string, string) {
	return "星火创客空间", "星火公司", "某市科技局"
}
func (v verified) Version() string          { return "MK-2X4T-U50Q-NFPT" }
func (v verified) Counts() (int, int, bool) { return 0, 2, v.counts }
func (v verified) Eligibility() []totals.Check {
	if !v.counts {
		return nil
	}
	yes, no := true, false
	return []totals.Check{{Key: "operating_months", Met: &yes}, {Key: "served", Met: &no}, {Key: "activities"}}
}
func (v verified) OK() bool        { return v.ok }
func (v verified) Codes() []string { return v.codes }
func (v verified) Lines(l msg.Lang) []string {
	out := make([]string, len(v.codes))
	for i, c := range v.codes {
		out[i] = l.Pick("问题 ", "problem ") + c
	}
	return out
}

func TestSummaryRows(t *testing.T) {
	t.Parallel()
	errs := []finding.Finding{
		{Rule: "A", Severity: finding.Warning, Message: "a warning"},
		{Rule: "B", Severity: finding.Error, Message: "an error"},
	}
	for _, tc := range []struct {
		name string
		row  SummaryRow
		want SummaryRow
	}{
		{"validated with an error",
			Validated{File: "A", Kind: "folder", SpaceName: "甲", Findings: errs}.Row(false),
			SummaryRow{File: "A", Kind: "folder", SpaceName: "甲", Errors: ptr(1), Warnings: ptr(1),
				Problems: []SummaryProblem{{"B", "an error"}}, FirstProblem: "an error"}},
		{"validated, warnings only, strict",
			Validated{File: "B", Kind: "zip", Findings: errs[:1]}.Row(true),
			SummaryRow{File: "B", Kind: "zip", Errors: ptr(0), Warnings: ptr(1),
				Problems: []SummaryProblem{{"A", "a warning"}}, FirstProblem: "a warning"}},
		{"validated, warnings only",
			Validated{File: "B", Kind: "zip", Findings: errs[:1]}.Row(false),
			SummaryRow{File: "B", Kind: "zip", Errors: ptr(0), Warnings: ptr(1), Verified: true, Problems: []SummaryProblem{}}},
		{"verified",
			VerifiedRow("p.zip", "zip", verified{ok: true, counts: true}, config.Default(), msg.EN),
			SummaryRow{File: "p.zip", Kind: "zip", SpaceName: "星火创客空间", Operator: "星火公司", Agency: "某市科技局",
				Version: "MK-2X4T-U50Q-NFPT", Errors: ptr(0), Warnings: ptr(2), Verified: true, Problems: []SummaryProblem{}}},
		{"verify failed, data unread",
			VerifiedRow("p.zip", "zip", verified{codes: []string{"FILE-MISSING"}}, nil, msg.EN),
			SummaryRow{File: "p.zip", Kind: "zip", SpaceName: "星火创客空间", Operator: "星火公司", Agency: "某市科技局",
				Version: "MK-2X4T-U50Q-NFPT", Problems: []SummaryProblem{{"FILE-MISSING", "problem FILE-MISSING"}},
				FirstProblem: "problem FILE-MISSING"}},
		{"could not check",
			FailedRow("x.zip", "zip", "no such file", nil),
			SummaryRow{File: "x.zip", Kind: "zip", Problems: []SummaryProblem{{CodeCheckFailed, "no such file"}},
				FirstProblem: "no such file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.row
			assert.Equal(t, []config.Setting{}, got.Settings, "never nil")
			if tc.name == "verified" {
				assert.Len(t, got.Eligibility, 3)
			} else {
				assert.Empty(t, got.Eligibility)
			}
			got.Settings, got.Eligibility = nil, nil
			assert.Equal(t, tc.want, got)
		})
	}

	many := make([]finding.Finding, 30)
	for i := range many {
		many[i] = finding.Finding{Rule: "X", Severity: finding.Error, Message: "x"}
	}
	row := Validated{File: "M", Findings: many}.Row(false)
	assert.Len(t, row.Problems, SummaryProblemsMax)
	assert.Equal(t, 30, *row.Errors, "the counts are complete")
}

func ptr(n int) *int { return &n }

func TestWriteSummary(t *testing.T) {
	t.Parallel()
	rows := []SummaryRow{
		VerifiedRow("a.zip", "zip", verified{ok: true, counts: true}, nil, msg.ZH),
		FailedRow("=b.zip", "zip", "读不了", nil),
	}
	var b bytes.Buffer
	require.NoError(t, WriteSummary(&b, "汇总.csv", rows, msg.ZH))
	text := b.String()
	assert.True(t, strings.HasPrefix(text, "\ufeff"), "a byte order mark for Excel")
	assert.Contains(t, text, "\r\n", "CRLF line ends")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 3)
	head := recs[0]
	assert.Len(t, head, 7+len(eligibilityKeys())+4)
	assert.Equal(t, msg.ZH.T("summary.intake"), head[len(head)-1], "the findings across packages, last")
	assert.Equal(t, msg.ZH.T("summary.file"), head[0])
	assert.Equal(t, "a.zip", recs[1][0])
	assert.Equal(t, "星火创客空间", recs[1][1])
	assert.Equal(t, msg.ZH.T("summary.met"), recs[1][7], "operating_months")
	assert.Equal(t, msg.ZH.T("summary.yes"), recs[1][len(head)-4])
	assert.Equal(t, "'=b.zip", recs[2][0], "no formula")
	assert.Equal(t, "", recs[2][5], "no counts when the data was not read")
	assert.Equal(t, "读不了", recs[2][len(head)-3])

	b.Reset()
	require.NoError(t, WriteSummary(&b, "汇总.JSON", rows, msg.EN))
	var doc struct {
		Tool     string           `json:"tool"`
		Packages []map[string]any `json:"packages"`
		Summary  map[string]int   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, "mkspace", doc.Tool)
	assert.Equal(t, map[string]int{"packages": 2, "verified": 1, "failed": 1, "intake": 0}, doc.Summary)
	assert.Equal(t, "=b.zip", doc.Packages[1]["file"], "JSON keeps names as they are")
	assert.Equal(t, []any{}, doc.Packages[1]["settings_changed"])
}

func TestIsSummaryFile(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"a.csv": true, "A.CSV": true, "b.json": true, "d.xlsx": true, "c.txt": false, "csv": false} {
		assert.Equal(t, want, IsSummaryFile(name), name)
	}
}
