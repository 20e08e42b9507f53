package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func day(s string) time.Time {
	t, err := time.Parse(config.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var window = config.Window{Start: day("2020-11-01"), End: day("2021-10-31")}

// sample findings, deliberately out of order.
func sampleFindings() []finding.Finding {
	return []finding.Finding{
		{Rule: finding.XrefTeamNoEnterprise, Severity: finding.Warning, File: "申报数据.xlsx", Sheet: "创业团队",
			Row: 12, Column: "是否转化为企业", Cell: "D12", Value: "是",
			Message: "创业团队!D12：团队“星火”已转化为企业，但入驻企业表中没有企业填写该团队名称。"},
		{Rule: finding.CellNotFillable, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "创业团队",
			Row: 7, Column: "迁出时间", Cell: "H7", Value: "2021-05-01",
			Message: "创业团队!H7：已转化为企业的创业团队，\"迁出时间\"为不可填项目，请清空该单元格。"},
		{Rule: finding.ColumnMissing, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "入驻企业",
			Column: "迁出时间", Message: "入驻企业：缺少列“迁出时间”。"},
		{Rule: finding.CellFormat, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "基础信息",
			Row: 11, Column: "电子邮箱", Cell: "B11", Value: "a,b:c%d",
			Message: "基础信息!B11：电子邮箱 \"a,b:c%d\" 格式不对，\n请填写如 name@example.com 的地址。"},
		{Rule: finding.FileUnreadable, Severity: finding.Error, File: "旧表.xlsx",
			Message: "旧表.xlsx：不是 .xlsx 工作簿，请用 Excel 另存为 .xlsx。"},
		{Rule: finding.SheetMissing, Severity: finding.Error, Sheet: "获得荣誉",
			Message: "缺少数据表“获得荣誉”。"},
		{Rule: "ELIG-TOTAL_AREA", Severity: finding.Warning,
			Message: "众创空间服务场地总面积 320 平方米，低于备案条件 500 平方米。"},
	}
}

func sampleInput() Input {
	return Input{
		Lang:        msg.ZH,
		Window:      window,
		ToolVersion: "1.2.3",
		Packages: []Package{{
			Name: "空间A", Dir: "空间A", Files: []string{"申报数据.xlsx", "旧表.xlsx"},
			Findings: sampleFindings(),
		}},
	}
}

func render(t *testing.T, format string, in Input) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, format, in))
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test -update")
	assert.Equal(t, string(want), got, "golden %s differs (go test -update to accept)", name)
}

func TestFormats(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{"text", "json", "sarif", "junit", "github", "html"}, Formats())
	assert.True(t, Valid("sarif"))
	assert.False(t, Valid("xml"))
	var b bytes.Buffer
	err := Write(&b, "xml", sampleInput())
	var ufe *UnknownFormatError
	require.ErrorAs(t, err, &ufe)
	assert.Equal(t, "xml", ufe.Format)
	assert.Empty(t, b.String())
}

func TestWriteDoesNotReorderInput(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	before := slices.Clone(in.Packages[0].Findings)
	for _, f := range Formats() {
		render(t, f, in)
	}
	assert.Equal(t, before, in.Packages[0].Findings)
}

// --- text -------------------------------------------------------------------

func TestTextGolden(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	golden(t, "text_zh.golden", render(t, Text, in))
	in.Lang = msg.EN
	golden(t, "text_en.golden", render(t, Text, in))

	several := sampleInput()
	several.Packages = append(several.Packages,
		Package{Name: "空间B", Dir: "空间B", Files: []string{"申报数据.xlsx"}},
		Package{Name: "空间C", Dir: "空间C", Files: []string{"申报数据.xlsx"}, Findings: []finding.Finding{
			{Rule: finding.CellRequired, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "创业团队", Row: 3, Column: "团队名称", Cell: "A3", Message: "创业团队!A3：请填写团队名称。"},
		}})
	golden(t, "text_several.golden", render(t, Text, several))
}

func TestTextOrderAndCountLine(t *testing.T) {
	t.Parallel()
	out := render(t, Text, sampleInput())
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	assert.Equal(t, "共 5 个错误，2 个警告", lines[len(lines)-1])

	// Grouped by file, sheets in the order of the form, rows ascending.
	order := []string{"（申报材料包）", "ELIG-TOTAL_AREA", "获得荣誉", "SHEET-MISSING", "旧表.xlsx", "FILE-UNREADABLE",
		"申报数据.xlsx", "基础信息", "基础信息!B11", "创业团队", "创业团队!H7", "创业团队!D12", "入驻企业"}
	pos := -1
	for _, s := range order {
		i := strings.Index(out[pos+1:], s)
		require.GreaterOrEqual(t, i, 0, "%q missing or out of order in\n%s", s, out)
		pos += 1 + i
	}
	// The location is printed once per line, not repeated by the message.
	assert.Contains(t, out, "创业团队!H7   错误  CELL-NOT-FILLABLE        已转化为企业的创业团队")
	assert.NotContains(t, out, "H7：已转化")
	// A multi-line message stays on its line.
	assert.Contains(t, out, "格式不对， / 请填写")
}

func TestCountLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang             msg.Lang
		errors, warnings int
		want             string
	}{
		{msg.ZH, 2, 1, "共 2 个错误，1 个警告"},
		{msg.ZH, 0, 0, "共 0 个错误，0 个警告"},
		{msg.EN, 2, 1, "2 errors, 1 warning"},
		{msg.EN, 1, 0, "1 error, 0 warnings"},
		{msg.EN, 1, 3, "1 error, 3 warnings"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, countLine(tt.lang, tt.errors, tt.warnings))
	}
}

func TestTextNoFindings(t *testing.T) {
	t.Parallel()
	in := Input{Lang: msg.ZH, Window: window, Packages: []Package{{Name: ".", Dir: "."}}}
	assert.Equal(t, "未发现问题。\n\n共 0 个错误，0 个警告\n", render(t, Text, in))
	in.Lang = msg.EN
	assert.Equal(t, "No problems found.\n\n0 errors, 0 warnings\n", render(t, Text, in))
}

// --- max findings -----------------------------------------------------------

func TestMaxFindingsCapsListingNotCounts(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	in.Packages = append(in.Packages, Package{Name: "空间B", Dir: "空间B", Findings: []finding.Finding{
		{Rule: finding.CellRequired, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "创业团队", Row: 3, Cell: "A3", Message: "m"},
	}})
	in.MaxFindings = 3 // 8 findings in all

	text := render(t, Text, in)
	assert.Contains(t, text, "…另有 5 条未列出")
	assert.Contains(t, text, "合计 2 个申报材料包：共 6 个错误，2 个警告")
	assert.Equal(t, 3, strings.Count(text, "  错误  ")+strings.Count(text, "  警告  "), text)

	var j struct {
		Packages []struct {
			Findings []map[string]any `json:"findings"`
			Summary  map[string]int   `json:"summary"`
		} `json:"packages"`
		Summary map[string]int `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &j))
	assert.Equal(t, map[string]int{"errors": 6, "warnings": 2, "not_listed": 5, "packages": 2}, j.Summary)
	assert.Len(t, j.Packages[0].Findings, 3)
	assert.Empty(t, j.Packages[1].Findings)
	assert.Equal(t, map[string]int{"errors": 5, "warnings": 2, "not_listed": 4}, j.Packages[0].Summary)
	assert.Equal(t, map[string]int{"errors": 1, "warnings": 0, "not_listed": 1}, j.Packages[1].Summary)

	s := parseSARIF(t, render(t, SARIF, in))
	assert.Len(t, s.Runs[0].Results, 3)
	assert.EqualValues(t, 6, s.Runs[0].Properties["errors"])
	assert.EqualValues(t, 2, s.Runs[0].Properties["warnings"])
	assert.EqualValues(t, 5, s.Runs[0].Properties["notListed"])

	ju := parseJUnit(t, render(t, JUnit, in))
	failures := 0
	for _, su := range ju.Suites {
		for _, c := range su.Cases {
			failures += len(c.Failures)
		}
	}
	assert.Equal(t, 4, failures, "3 listed + 1 saying what is not listed")
	last := ju.Suites[len(ju.Suites)-1]
	assert.Contains(t, last.Cases[0].Failures[0].Text, "共 6 个错误，2 个警告")
	for _, su := range ju.Suites {
		assert.NotEqual(t, "空间B: 创业团队", su.Name, "a sheet whose findings were all left out must not look clean")
	}

	gh := render(t, GitHub, in)
	assert.Equal(t, 3, strings.Count(gh, "::error ")+strings.Count(gh, "::warning "))
	assert.Contains(t, gh, "::notice title=mkspace::合计 2 个申报材料包：共 6 个错误，2 个警告%0A")
	assert.Contains(t, gh, "另有 5 条未列出")
}

// --- json -------------------------------------------------------------------

func TestJSONShape(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	in.Packages[0].Totals = map[string]any{"total_area": 800, "service_area_ratio": 81.3}
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &got))

	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"tool", "tool_version", "window", "files", "summary", "findings", "totals"}, keys)
	assert.Equal(t, "mkspace", got["tool"])
	assert.Equal(t, "1.2.3", got["tool_version"])
	assert.Equal(t, map[string]any{"start": "2020-11-01", "end": "2021-10-31"}, got["window"])
	assert.Equal(t, []any{"申报数据.xlsx", "旧表.xlsx"}, got["files"])
	assert.Equal(t, map[string]any{"errors": 5.0, "warnings": 2.0}, got["summary"])
	assert.Equal(t, map[string]any{"total_area": 800.0, "service_area_ratio": 81.3}, got["totals"])

	fs := got["findings"].([]any)
	require.Len(t, fs, 7)
	var h7 map[string]any
	for _, f := range fs {
		if f.(map[string]any)["cell"] == "H7" {
			h7 = f.(map[string]any)
		}
	}
	assert.Equal(t, map[string]any{
		"rule": "CELL-NOT-FILLABLE", "severity": "error", "file": "申报数据.xlsx", "sheet": "创业团队",
		"row": 7.0, "column": "迁出时间", "cell": "H7", "value": "2021-05-01",
		"message": "创业团队!H7：已转化为企业的创业团队，\"迁出时间\"为不可填项目，请清空该单元格。",
	}, h7)
}

func TestJSONWithoutTotalsAndEmpty(t *testing.T) {
	t.Parallel()
	in := Input{Lang: msg.ZH, Window: window, ToolVersion: "v", Packages: []Package{{Name: ".", Dir: "."}}}
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &got))
	assert.NotContains(t, got, "totals")
	assert.Equal(t, []any{}, got["findings"], "an empty list, not null")
	assert.Equal(t, []any{}, got["files"])
}

func TestJSONSeveral(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	other := config.Window{Start: day("2021-11-01"), End: day("2022-10-31")}
	in.Packages = append(in.Packages, Package{Name: "空间B", Dir: "b", Files: []string{"x.xlsx"}, Window: other})
	var got struct {
		Tool     string           `json:"tool"`
		Packages []map[string]any `json:"packages"`
		Summary  map[string]any   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &got))
	assert.Equal(t, "mkspace", got.Tool)
	assert.Equal(t, map[string]any{"errors": 5.0, "warnings": 2.0, "packages": 2.0}, got.Summary)
	require.Len(t, got.Packages, 2)
	assert.Equal(t, "空间A", got.Packages[0]["package"])
	assert.Equal(t, "空间B", got.Packages[1]["package"])
	assert.Equal(t, map[string]any{"start": "2021-11-01", "end": "2022-10-31"}, got.Packages[1]["window"])
	assert.Equal(t, map[string]any{"errors": 0.0, "warnings": 0.0}, got.Packages[1]["summary"])
	for _, k := range []string{"tool", "tool_version", "window", "files", "summary", "findings"} {
		assert.Contains(t, got.Packages[0], k)
	}
}

// --- sarif ------------------------------------------------------------------

type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Properties map[string]any `json:"properties"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, s string) sarifDoc {
	t.Helper()
	var d sarifDoc
	require.NoError(t, json.Unmarshal([]byte(s), &d), s)
	require.Len(t, d.Runs, 1)
	return d
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	d := parseSARIF(t, render(t, SARIF, in))
	assert.Equal(t, "2.1.0", d.Version)
	assert.Equal(t, SARIFSchema, d.Schema)
	run := d.Runs[0]
	assert.Equal(t, "mkspace", run.Tool.Driver.Name)
	assert.Equal(t, "1.2.3", run.Tool.Driver.Version)

	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		assert.False(t, ids[r.ID], "rule %s listed twice", r.ID)
		ids[r.ID] = true
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		assert.NotEqual(t, r.ID, r.ShortDescription.Text, "rule %s has no description", r.ID)
	}
	for _, id := range finding.Rules() {
		assert.True(t, ids[id], "rule %s not listed", id)
	}
	assert.True(t, ids["ELIG-TOTAL_AREA"], "a used ELIG rule is listed")

	require.Len(t, run.Results, 7)
	byCell := map[string]int{}
	for i, r := range run.Results {
		assert.Equal(t, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID, "ruleIndex")
		assert.Contains(t, []string{"error", "warning"}, r.Level)
		assert.NotEmpty(t, r.Message.Text)
		require.Len(t, r.Locations, 1)
		assert.GreaterOrEqual(t, r.Locations[0].PhysicalLocation.Region.StartLine, 1)
		assert.NotEmpty(t, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		assert.Len(t, r.PartialFingerprints[FingerprintKey], 32)
		if len(r.Locations[0].LogicalLocations) > 0 {
			byCell[r.Locations[0].LogicalLocations[0].FullyQualifiedName] = i
		}
	}
	h7 := run.Results[byCell["创业团队!H7"]]
	assert.Equal(t, "CELL-NOT-FILLABLE", h7.RuleID)
	assert.Equal(t, "error", h7.Level)
	assert.Equal(t, 7, h7.Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, encodeURIPath("空间A/申报数据.xlsx"), h7.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, "%E7%A9%BA%E9%97%B4A/%E7%94%B3%E6%8A%A5%E6%95%B0%E6%8D%AE.xlsx", h7.Locations[0].PhysicalLocation.ArtifactLocation.URI)

	col := run.Results[byCell["入驻企业"]]
	assert.Equal(t, 1, col.Locations[0].PhysicalLocation.Region.StartLine, "no row: line 1")

	// A finding with no file is shown on the package's first workbook.
	sheet := run.Results[byCell["获得荣誉"]]
	assert.Equal(t, encodeURIPath("空间A/申报数据.xlsx"), sheet.Locations[0].PhysicalLocation.ArtifactLocation.URI)

	assert.EqualValues(t, 5, run.Properties["errors"])
	assert.EqualValues(t, 2, run.Properties["warnings"])
}

func TestSARIFCappedForCodeScanning(t *testing.T) {
	t.Parallel()
	fs := make([]finding.Finding, SARIFMaxResults+1)
	for i := range fs {
		fs[i] = finding.Finding{Rule: finding.CellRequired, Severity: finding.Error, File: "a.xlsx",
			Sheet: "创业团队", Row: i + 2, Cell: "A" + strconv.Itoa(i+2), Message: "m"}
	}
	in := Input{Lang: msg.ZH, Window: window, Packages: []Package{{Name: "p", Dir: "p", Findings: fs}}}
	d := parseSARIF(t, render(t, SARIF, in))
	assert.Len(t, d.Runs[0].Results, SARIFMaxResults)
	assert.EqualValues(t, SARIFMaxResults+1, d.Runs[0].Properties["errors"])
	assert.EqualValues(t, 1, d.Runs[0].Properties["notListed"])

	in.MaxFindings = 10
	assert.Len(t, parseSARIF(t, render(t, SARIF, in)).Runs[0].Results, 10, "a smaller cap wins")
	var j struct{ Findings []any }
	in.MaxFindings = 0
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, in)), &j))
	assert.Len(t, j.Findings, SARIFMaxResults+1, "other formats list everything")
}

func TestSARIFFingerprintsStable(t *testing.T) {
	t.Parallel()
	prints := func(in Input) map[string]string {
		d := parseSARIF(t, render(t, SARIF, in))
		out := map[string]string{}
		for _, r := range d.Runs[0].Results {
			key := r.RuleID
			if len(r.Locations[0].LogicalLocations) > 0 {
				key += " " + r.Locations[0].LogicalLocations[0].FullyQualifiedName
			}
			out[key] = r.PartialFingerprints[FingerprintKey]
		}
		return out
	}
	a := prints(sampleInput())
	assert.Equal(t, a, prints(sampleInput()), "two runs")

	// Another order, another language, other messages: the same fingerprints.
	in := sampleInput()
	slices.Reverse(in.Packages[0].Findings)
	in.Lang = msg.EN
	for i := range in.Packages[0].Findings {
		in.Packages[0].Findings[i].Message = "changed"
	}
	assert.Equal(t, a, prints(in))

	fps := map[string]bool{}
	for _, fp := range a {
		assert.False(t, fps[fp], "fingerprints differ between findings")
		fps[fp] = true
	}

	// Another value in the same cell is another finding.
	in = sampleInput()
	in.Packages[0].Findings[1].Value = "2021-06-01"
	assert.NotEqual(t, a["CELL-NOT-FILLABLE 创业团队!H7"], prints(in)["CELL-NOT-FILLABLE 创业团队!H7"])
}

func TestSARIFAbsolutePathsRelativeToBase(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	in := sampleInput()
	in.BaseDir = base
	in.Packages[0].Dir = filepath.Join(base, "pkgs", "a b")
	d := parseSARIF(t, render(t, SARIF, in))
	for _, r := range d.Runs[0].Results {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		assert.True(t, strings.HasPrefix(uri, "pkgs/a%20b/"), uri)
	}
}

func TestEncodeURIPath(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"申报数据.xlsx":       "%E7%94%B3%E6%8A%A5%E6%95%B0%E6%8D%AE.xlsx",
		"a b/c#1?.xlsx":   "a%20b/c%231%3F.xlsx",
		"100%.xlsx":       "100%25.xlsx",
		"c:d/e,f.xlsx":    "c%3Ad/e%2Cf.xlsx",
		"../up/x-y_z~.ok": "../up/x-y_z~.ok",
	}
	for in, want := range tests {
		assert.Equal(t, want, encodeURIPath(in), in)
	}
}

// --- junit ------------------------------------------------------------------

func parseJUnit(t *testing.T, s string) junitSuites {
	t.Helper()
	var r junitSuites
	require.NoError(t, xml.Unmarshal([]byte(s), &r), s)
	// Well-formed throughout: a token pass reaches the end without error.
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err != nil {
			require.Equal(t, "EOF", err.Error(), s)
			break
		}
	}
	return r
}

func TestJUnit(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	// Two findings of one rule at one cell share a test case; a control
	// character in a message must not break the XML.
	in.Packages[0].Findings = append(in.Packages[0].Findings, finding.Finding{
		Rule: finding.CellNotFillable, Severity: finding.Error, File: "申报数据.xlsx", Sheet: "创业团队",
		Row: 7, Column: "迁出时间", Cell: "H7", Value: "x", Message: "second <&> \x01 \"quoted\" ]]> \xff end",
	})
	out := render(t, JUnit, in)
	assert.True(t, strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`))
	r := parseJUnit(t, out)

	names := map[string]bool{}
	tests, failures := 0, 0
	suites := map[string]junitSuite{}
	for _, s := range r.Suites {
		suites[s.Name] = s
		caseNames := map[string]bool{}
		sf := 0
		for _, c := range s.Cases {
			assert.False(t, caseNames[c.Name], "duplicate case %q in %q", c.Name, s.Name)
			caseNames[c.Name] = true
			names[s.Name+"/"+c.Name] = true
			if len(c.Failures) > 0 {
				sf++
			}
		}
		assert.Equal(t, len(s.Cases), s.Tests, s.Name)
		assert.Equal(t, sf, s.Failures, s.Name)
		tests += s.Tests
		failures += s.Failures
	}
	assert.Equal(t, tests, r.Tests)
	assert.Equal(t, failures, r.Failures)

	// One suite per data sheet, plus the files suite.
	for _, n := range []string{"文件", "基础信息", "宣传报道", "创业团队", "入驻企业", "获得荣誉", "文字材料"} {
		assert.Contains(t, suites, n)
	}
	clean := suites["宣传报道"]
	require.Len(t, clean.Cases, 1)
	assert.Equal(t, "检查通过", clean.Cases[0].Name)
	assert.Empty(t, clean.Cases[0].Failures)

	team := suites["创业团队"]
	var h7 junitCase
	for _, c := range team.Cases {
		if c.Name == "CELL-NOT-FILLABLE 创业团队!H7" {
			h7 = c
		}
	}
	require.Len(t, h7.Failures, 2, "one failure per finding")
	assert.Equal(t, "CELL-NOT-FILLABLE", h7.Failures[0].Type)
	assert.Contains(t, h7.Failures[1].Message, "second <&>")
	assert.Contains(t, h7.Failures[0].Text, "值：2021-05-01\n", "line breaks kept")
	assert.Contains(t, h7.Failures[1].Text, "]]> \uFFFD end", "CDATA end and a bad byte survive")

	cols := suites["入驻企业"]
	assert.Equal(t, "COLUMN-MISSING 入驻企业 迁出时间", cols.Cases[0].Name)
	assert.Equal(t, 2, suites["文件"].Failures, "findings without a sheet are in the files suite")
	assert.Equal(t, 1, suites["获得荣誉"].Failures)
}

func TestJUnitUniqueNamesAcrossFiles(t *testing.T) {
	t.Parallel()
	in := Input{Lang: msg.EN, Window: window, Packages: []Package{{Name: "p", Dir: "p", Findings: []finding.Finding{
		{Rule: finding.SheetDuplicate, Severity: finding.Error, File: "a.xlsx", Sheet: "创业团队", Message: "dup"},
		{Rule: finding.SheetDuplicate, Severity: finding.Error, File: "b.xlsx", Sheet: "创业团队", Message: "dup"},
	}}, {Name: "q", Dir: "q"}}}
	r := parseJUnit(t, render(t, JUnit, in))
	var team junitSuite
	for _, s := range r.Suites {
		if s.Name == "p: 创业团队" {
			team = s
		}
		assert.True(t, strings.HasPrefix(s.Name, "p: ") || strings.HasPrefix(s.Name, "q: "), s.Name)
	}
	require.Len(t, team.Cases, 2)
	assert.NotEqual(t, team.Cases[0].Name, team.Cases[1].Name)
	assert.Equal(t, "SHEET-DUPLICATE 创业团队", team.Cases[0].Name)
	assert.Equal(t, "SHEET-DUPLICATE 创业团队 (b.xlsx)", team.Cases[1].Name)
}

// --- github -----------------------------------------------------------------

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, data, prop string
	}{
		{"plain 中文", "plain 中文", "plain 中文"},
		{"100%", "100%25", "100%25"},
		{"a,b", "a,b", "a%2Cb"},
		{"a:b", "a:b", "a%3Ab"},
		{"line1\nline2", "line1%0Aline2", "line1%0Aline2"},
		{"cr\r\nlf", "cr%0D%0Alf", "cr%0D%0Alf"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"::set-output", "::set-output", "%3A%3Aset-output"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.data, escapeData(tt.in), "data %q", tt.in)
		assert.Equal(t, tt.prop, escapeProperty(tt.in), "property %q", tt.in)
	}
}

func TestGitHub(t *testing.T) {
	t.Parallel()
	in := sampleInput()
	in.Packages[0].Dir = "dir,1"
	out := render(t, GitHub, in)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	require.Len(t, lines, 8)
	for _, l := range lines {
		assert.Regexp(t, `^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\n\r]*$`, l)
	}
	assert.Contains(t, lines, "::error file=dir%2C1/申报数据.xlsx,line=7,title=CELL-NOT-FILLABLE::"+
		"创业团队!H7：已转化为企业的创业团队，\"迁出时间\"为不可填项目，请清空该单元格。")
	assert.Contains(t, lines, "::error file=dir%2C1/申报数据.xlsx,line=11,title=CELL-FORMAT::"+
		"基础信息!B11：电子邮箱 \"a,b:c%25d\" 格式不对，%0A请填写如 name@example.com 的地址。")
	assert.Contains(t, lines, "::warning file=dir%2C1/申报数据.xlsx,line=12,title=XREF-TEAM-NO-ENTERPRISE::"+
		"创业团队!D12：团队“星火”已转化为企业，但入驻企业表中没有企业填写该团队名称。")
	// No row: no line; the message gains the location it lacks.
	assert.Contains(t, lines, "::error file=dir%2C1/申报数据.xlsx,title=COLUMN-MISSING::入驻企业：缺少列“迁出时间”。")
	assert.Contains(t, lines, "::error file=dir%2C1/申报数据.xlsx,title=SHEET-MISSING::获得荣誉：缺少数据表“获得荣誉”。")
	assert.Equal(t, "::notice title=mkspace::共 5 个错误，2 个警告", lines[len(lines)-1])
}
