package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/intake"
	"github.com/mkspace/mkspace/internal/lotest"
	"github.com/mkspace/mkspace/internal/msg"
)

func intakeInput() Input {
	return Input{Lang: msg.ZH, ToolVersion: "1.2.3",
		Packages: []Package{{Name: "A.zip", Dir: "A.zip", Files: []string{"申报数据.xlsx"}},
			{Name: "B", Dir: "B", Files: []string{"申报数据.xlsx"}}},
		Intake: []intake.Finding{
			{Rule: finding.IntakeDupTeam, Severity: finding.Warning, Key: "星火团队", Places: []intake.Place{
				{Package: "A.zip", File: "申报数据.xlsx", Sheet: "创业团队", Cell: "A2", Value: "星火团队"},
				{Package: "B", File: "申报数据.xlsx", Sheet: "创业团队", Cell: "A7", Value: "星火团队"}}},
			{Rule: finding.IntakeDupEnterprise, Severity: finding.Info, Key: "91350100M000100Y43", Places: []intake.Place{
				{Package: "A.zip", File: "申报数据.xlsx", Sheet: "入驻企业", Cell: "B3", From: "2019-01-01", To: "2020-05-31"},
				{Package: "B", File: "申报数据.xlsx", Sheet: "入驻企业", Cell: "B4", From: "2020-06-01"}}},
		}}
}

// Every format carries the findings across packages, naming every package
// and cell, apart from the packages' counts.
func TestIntakeInEveryFormat(t *testing.T) {
	t.Parallel()
	in := intakeInput()
	render := func(format string) string {
		var b bytes.Buffer
		require.NoError(t, Write(&b, format, in))
		return b.String()
	}

	text := render(Text)
	assert.Contains(t, text, "跨包检查（涉及 2 个申报材料包）：")
	assert.Contains(t, text, "警告  INTAKE-DUP-TEAM  创业团队 星火团队 出现在 2 个申报材料包中：A.zip 的 创业团队!A2；B 的 创业团队!A7")
	assert.Contains(t, text, "提示  INTAKE-DUP-ENTERPRISE")
	assert.Contains(t, text, "合计 2 个申报材料包：共 0 个错误，0 个警告", "not in the packages' counts")

	var js struct {
		Intake []struct {
			Rule    string           `json:"rule"`
			Places  []intake.Place   `json:"places"`
			Message string           `json:"message"`
			Sev     finding.Severity `json:"severity"`
		} `json:"intake"`
		Summary map[string]int `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(JSON)), &js))
	require.Len(t, js.Intake, 2)
	assert.Equal(t, finding.IntakeDupTeam, js.Intake[0].Rule)
	assert.Len(t, js.Intake[0].Places, 2)
	assert.Contains(t, js.Intake[0].Message, "B 的 创业团队!A7")
	assert.Equal(t, finding.Info, js.Intake[1].Sev)
	assert.Equal(t, 2, js.Summary["intake"])
	assert.Equal(t, 0, js.Summary["warnings"])

	page := render(HTML)
	assert.Contains(t, page, `<section class="intake" id="intake">`)
	assert.Equal(t, 1, strings.Count(page, `<tr class="cross warning"`))
	assert.Equal(t, 1, strings.Count(page, `<tr class="cross info"`))
	assert.Contains(t, page, "B 的 创业团队!A7")
	assert.Contains(t, page, "0 错误", "not in the packages' counts")
	var summary bytes.Buffer
	require.NoError(t, WriteSummary(&summary, "汇总.html", nil, msg.ZH, in.Intake...))
	assert.Equal(t, 2, strings.Count(summary.String(), `<tr class="cross `), "the office's page lists them too")
	summary.Reset()
	require.NoError(t, WriteSummary(&summary, "汇总.html", nil, msg.ZH))
	assert.NotContains(t, summary.String(), `id="intake"`, "no section without findings across packages")

	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Related []json.RawMessage `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(SARIF)), &sarif))
	run := sarif.Runs[0]
	require.Len(t, run.Results, 2)
	r := run.Results[0]
	assert.Equal(t, finding.IntakeDupTeam, run.Tool.Driver.Rules[r.RuleIndex].ID)
	assert.Equal(t, "warning", r.Level)
	assert.Equal(t, "A.zip", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 2, r.Locations[0].PhysicalLocation.Region.StartLine)
	assert.Len(t, r.Related, 1, "the other package")
	assert.Equal(t, "note", run.Results[1].Level, "information")

	junit := render(JUnit)
	require.NoError(t, xml.Unmarshal([]byte(junit), new(any)))
	assert.Contains(t, junit, `<testsuite name="（跨包）" tests="2" failures="2"`)
	assert.Contains(t, junit, `type="INTAKE-DUP-TEAM"`)

	gh := render(GitHub)
	assert.Contains(t, gh, "::warning file=A.zip,line=2,title=INTAKE-DUP-TEAM::")
	assert.Contains(t, gh, "::notice file=A.zip,line=3,title=INTAKE-DUP-ENTERPRISE::")
	assert.Contains(t, gh, "跨包检查：2 条")
}

// The summary workbook opens in LibreOffice (a real client): converted to
// .xlsx and read back, its sheets and values are there.
func TestSummaryWorkbookLibreOffice(t *testing.T) {
	lotest.Require(t)
	in := intakeInput()
	rows := []SummaryRow{
		FailedRow("A.zip", "zip", "读不了", nil),
		{File: "B", Kind: "folder", SpaceName: "乙空间", Eligibility: map[string]*bool{}, Verified: true},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总.xlsx")
	var b bytes.Buffer
	require.NoError(t, WriteSummary(&b, path, rows, msg.ZH, in.Intake...))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	out := lotest.Convert(t, "xlsx", filepath.Join(dir, "lo"), path)
	require.Len(t, out, 1)
	f, err := excelize.OpenFile(out[0])
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"汇总", "跨包重复", "问题"}, f.GetSheetList())
	main, err := f.GetRows("汇总")
	require.NoError(t, err)
	require.Len(t, main, 3)
	assert.Equal(t, "A.zip", main[1][0])
	cross, err := f.GetRows("跨包重复")
	require.NoError(t, err)
	require.Len(t, cross, 3)
	assert.Equal(t, finding.IntakeDupTeam, cross[1][0])
	assert.True(t, strings.Contains(cross[1][5], "B 的 创业团队!A7"), cross[1][5])
	ok, link, err := f.GetCellHyperLink("跨包重复", "G2")
	require.NoError(t, err)
	assert.True(t, ok, "the link survives")
	assert.Contains(t, link, "A2")
	issues, err := f.GetRows("问题")
	require.NoError(t, err)
	assert.Len(t, issues, 2, "the one problem of A")
}
