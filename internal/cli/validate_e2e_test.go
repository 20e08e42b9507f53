package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// writeTeamWorkbook writes a workbook holding only 创业团队, headers taken
// from the schema, with one converted team whose 迁出时间 is filled (不可填).
func writeTeamWorkbook(t *testing.T, path string) {
	t.Helper()
	s := schema.ByKey("teams")
	require.NotNil(t, s)
	values := map[string]any{
		"name": "星火", "joined_on": "2021-01-01", "converted": "是", "registered_on": "2021-03-01",
		"moved_out": "否", "moved_out_on": "2021-05-01", "agreement": "attachments/协议.pdf", "financed": "否",
	}
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", s.Name))
	for i, c := range s.Columns {
		ref, err := excelize.CoordinatesToCellName(i+1, 1)
		require.NoError(t, err)
		require.NoError(t, f.SetCellValue(s.Name, ref, c.Header))
		if v, ok := values[c.Key]; ok {
			ref, _ = excelize.CoordinatesToCellName(i+1, 2)
			require.NoError(t, f.SetCellValue(s.Name, ref, v))
		}
	}
	require.NoError(t, f.SaveAs(path))
}

func TestValidateEndToEnd(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("pkg", 0o755))
	writeTeamWorkbook(t, filepath.Join("pkg", "申报数据.xlsx"))
	before, err := os.ReadFile(filepath.Join("pkg", "申报数据.xlsx"))
	require.NoError(t, err)
	col := schema.ByKey("teams").ColumnIndex("moved_out_on")
	cellRef, _ := excelize.CoordinatesToCellName(col+1, 2)

	var out, errOut bytes.Buffer
	code := Run(&IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, []string{
		"validate", "pkg", "--format", "json", "--report", "sarif=r.sarif", "--report", "text=r.txt"})
	require.Equal(t, ExitFindings, code, "stderr: %s", errOut.String())

	var j struct {
		Files    []string
		Summary  map[string]int
		Findings []map[string]any
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &j), out.String())
	assert.Equal(t, []string{"申报数据.xlsx"}, j.Files)
	var hit map[string]any
	rules := map[string]bool{}
	for _, f := range j.Findings {
		rules[f["rule"].(string)] = true
		if f["rule"] == "CELL-NOT-FILLABLE" {
			hit = f
		}
	}
	require.NotNil(t, hit, "findings: %v", j.Findings)
	assert.Equal(t, "创业团队", hit["sheet"])
	assert.Equal(t, 2.0, hit["row"])
	assert.Equal(t, cellRef, hit["cell"])
	assert.Equal(t, "迁出时间", hit["column"])
	assert.Equal(t, "申报数据.xlsx", hit["file"])
	assert.True(t, rules["SHEET-MISSING"], "the other sheets are missing")
	assert.Equal(t, len(j.Findings), j.Summary["errors"]+j.Summary["warnings"])

	text, err := os.ReadFile("r.txt")
	require.NoError(t, err)
	assert.Contains(t, string(text), "创业团队!"+cellRef)
	assert.Contains(t, string(text), "CELL-NOT-FILLABLE")

	sarif, err := os.ReadFile("r.sarif")
	require.NoError(t, err)
	assert.Contains(t, string(sarif), `"uri": "pkg/%E7%94%B3%E6%8A%A5%E6%95%B0%E6%8D%AE.xlsx"`)
	assert.Contains(t, string(sarif), `"fullyQualifiedName": "创业团队!`+cellRef+`"`)

	// The workbook given as a file gives the same findings.
	var out2 bytes.Buffer
	code = Run(&IO{In: strings.NewReader(""), Out: &out2, Err: &errOut}, []string{
		"validate", filepath.Join("pkg", "申报数据.xlsx"), "--format", "json"})
	assert.Equal(t, ExitFindings, code)
	assert.JSONEq(t, out.String(), out2.String())

	after, err := os.ReadFile(filepath.Join("pkg", "申报数据.xlsx"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the user's workbook is never written")
}
