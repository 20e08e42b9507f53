package dossier

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// cellOf returns the cell of data row n (from 1) under header in sheet.
func cellOf(t *testing.T, f *excelize.File, sheet, header string, n int) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for r, row := range rows {
		for c, v := range row {
			if strings.TrimSpace(strings.Trim(v, "*")) == header {
				ref, err := excelize.CoordinatesToCellName(c+1, r+1+n)
				require.NoError(t, err)
				return ref
			}
		}
	}
	t.Fatalf("no header %s in %s", header, sheet)
	return ""
}

// The labels, the 附件 index and the bookmarks name every attachment by
// its table, its row's name and its material, never by a path or an Excel
// row; a file named by two rows is bound once, labelled and listed with
// both.
func TestAttachmentLabelsAndIndex(t *testing.T) {
	t.Parallel()
	needTool(t, "pdftotext")
	dir := copyExample(t, "good")
	book := filepath.Join(dir, "申报数据.xlsx")
	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	first := cellOf(t, f, "创业团队", "入驻协议", 1)
	shared, err := f.GetCellValue("创业团队", first)
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("创业团队", cellOf(t, f, "创业团队", "入驻协议", 2), shared))
	team1, _ := f.GetCellValue("创业团队", cellOf(t, f, "创业团队", "团队名称", 1))
	team2, _ := f.GetCellValue("创业团队", cellOf(t, f, "创业团队", "团队名称", 2))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())

	b := build(t, dir, Options{})
	out, err := exec.Command("pdftotext", "-layout", b.Path, "-").Output()
	require.NoError(t, err)
	pages := strings.Split(string(out), "\f")[:b.Pages]
	out, err = exec.Command("pdftotext", "-raw", b.Path, "-").Output()
	require.NoError(t, err)
	raw := strings.Split(string(out), "\f")[:b.Pages]

	// The shared file: one attachment naming both teams.
	var sharedAt []int
	for i, a := range b.Data.Attachments {
		if a.Path == shared {
			sharedAt = append(sharedAt, i)
			assert.Len(t, a.Mentions, 2)
		}
	}
	require.Len(t, sharedAt, 1, "a file named by two rows is bound once")
	teams := schema.Teams.Sheet.Label()
	sharedLabel := "累计创业团队 · " + team1 + "、" + team2 + " · 入驻协议"
	assert.Equal(t, "累计创业团队", teams)

	labelLine := regexp.MustCompile(`^附件 \d+ .*( · |（续)`)
	found := map[string]bool{}
	for _, p := range raw {
		for _, l := range strings.Split(p, "\n") {
			if labelLine.MatchString(l) {
				found[l] = true
			}
		}
	}
	assert.True(t, found["附件 44 累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议"], "the label of the first enterprise's agreement: %v", found)
	assert.True(t, found["附件 18 "+sharedLabel], "the shared file's label names both rows")
	for l := range found {
		assert.NotContains(t, l, ".pdf")
	}
	assert.Len(t, found, len(b.Data.Attachments)-1+countContinued(found), "a label on the first page of every attachment (the letter has none)")

	// The 附件 index: its header and no paths.
	var index, indexRaw string
	for i, p := range pages {
		if strings.Contains(p, "所属表") {
			index += p
			indexRaw += raw[i]
		}
	}
	require.NotEmpty(t, index)
	header := regexp.MustCompile(`附件\s+所属表\s+名称\s+材料\s+起止页码\s+页数`)
	assert.Regexp(t, header, index)
	assert.NotContains(t, index, "序号")
	assert.NotContains(t, index, ".pdf")
	assert.NotContains(t, index, "attachments/")
	assert.Regexp(t, `附件 44\s+累计入驻企业\s+青澜云帆智能科技有限公司\s+入驻协议\s+\d+\s+1`, index)
	squeezed := strings.Join(strings.Fields(indexRaw), "")
	assert.Contains(t, squeezed, "附件18累计创业团队"+team1+"、"+team2+"入驻协议", "the shared file is listed once, with both rows")
	assert.Equal(t, 1, strings.Count(squeezed, team2), "the shared file is listed once")

	titles := outlineTitles(t, b.Path)
	assert.Contains(t, titles, "附件 18  "+sharedLabel)
	assert.Contains(t, titles, "附件 44  累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议")
}

func countContinued(found map[string]bool) int {
	n := 0
	for l := range found {
		if strings.Contains(l, "续") {
			n++
		}
	}
	return n
}

// Mentions of one file in one table's column are named together; other
// tables and columns follow, separated.
func TestMentionsText(t *testing.T) {
	t.Parallel()
	teams, ents, basic := schema.Teams.Sheet, schema.Enterprises.Sheet, schema.Basic.Sheet
	tests := []struct {
		name     string
		mentions []Mention
		text     string
		cells    []string
	}{
		{"one row", []Mention{{Sheet: ents, Column: "入驻协议", Name: "青澜云帆智能科技有限公司"}},
			"累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议",
			[]string{"累计入驻企业", "青澜云帆智能科技有限公司", "入驻协议"}},
		{"two rows of a column", []Mention{{Sheet: teams, Column: "入驻协议", Name: "甲团队"}, {Sheet: teams, Column: "入驻协议", Name: "乙团队"}},
			"累计创业团队 · 甲团队、乙团队 · 入驻协议",
			[]string{"累计创业团队", "甲团队、乙团队", "入驻协议"}},
		{"two tables", []Mention{{Sheet: teams, Column: "入驻协议", Name: "甲团队"}, {Sheet: ents, Column: "入驻协议", Name: "甲公司"}},
			"累计创业团队 · 甲团队 · 入驻协议；累计入驻企业 · 甲公司 · 入驻协议",
			[]string{"累计创业团队\n累计入驻企业", "甲团队\n甲公司", "入驻协议\n入驻协议"}},
		{"a form's field", []Mention{{Sheet: basic, Column: "承诺书"}},
			"基础信息 · 承诺书",
			[]string{"基础信息", "", "承诺书"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.text, mentionsText(tt.mentions))
			assert.Equal(t, tt.cells, indexCells(tt.mentions))
		})
	}
}
