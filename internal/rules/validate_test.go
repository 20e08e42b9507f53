package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

func TestValidateGoodPackage(t *testing.T) {
	t.Parallel()
	dir := writePackage(t, goodSheets())
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	assert.Empty(t, res.Findings, dump(res.Findings))
	assert.Equal(t, dir, res.Dir)
	require.Len(t, res.Files, 1)
	assert.Equal(t, "申报数据.xlsx", filepath.Base(res.Files[0]))
}

// SPEC §2's example, at its very cell: a title row, the header in row 2, a
// 序号 column, the fifth team (row 7) converted with a 迁出时间.
func TestValidateSpecExample(t *testing.T) {
	t.Parallel()
	rows := []rowVals{teamIn, teamMovedOut, with(teamIn, "name", "团队己"), with(teamMovedOut, "name", "团队庚"),
		with(teamConverted, "moved_out_on", day("2021-05-01"))}
	sheets := replace(goodSheets(), "teams", func(s *sheetSpec) { s.rows = rows })
	sheets = replace(sheets, "enterprises", func(s *sheetSpec) {})
	res, err := Validate([]string{writePackage(t, sheets)}, config.Default())
	require.NoError(t, err)
	require.Len(t, res.Findings, 1, dump(res.Findings))
	f := res.Findings[0]
	assert.Equal(t, `创业团队!H7：已转化为企业的创业团队，"迁出时间"为不可填项目，请清空该单元格。`, f.Message)
	assert.Equal(t, finding.Finding{Rule: finding.CellNotFillable, Severity: finding.Error, File: "申报数据.xlsx",
		Sheet: "创业团队", Row: 7, Column: "迁出时间", Cell: "H7", Value: "2021-05-01", Message: f.Message}, f)
}

// A broken package through the whole path: reader, typing, rules; each
// finding at its cell, the reader's included, in sheet order.
func TestValidateBrokenPackage(t *testing.T) {
	t.Parallel()
	sheets := goodSheets()
	sheets = replace(sheets, "basic", func(s *sheetSpec) {
		s.rows = []rowVals{with(basicOK, "phone", "12345", "commitment", absent, "operating_since", day("2021-11-02"))}
	})
	sheets = replace(sheets, "media", func(s *sheetSpec) {
		s.skip = []string{"url"} // optional: no finding
		s.rows = []rowVals{mediaOK, with(mediaOK, "proof", "附件/none.pdf"), with(mediaOK, "proof", `附件\none.pdf`)}
	})
	sheets = replace(sheets, "venues", func(s *sheetSpec) {
		s.rows = []rowVals{with(venueOK, "area", formula("SUM(D3:G3)")), with(venueOK, "area", num("1200"))}
	})
	sheets = replace(sheets, "staff", func(s *sheetSpec) {
		s.skip = []string{"education"} // required: COLUMN-MISSING once, nothing per row
		s.rows = []rowVals{staffOK, with(staffOK, "age", num("15"))}
	})
	sheets = replace(sheets, "teams", func(s *sheetSpec) {
		s.rows = []rowVals{
			teamIn,
			with(teamConverted, "converted", boolean("1"), "moved_out", boolean("1")), // conflict, G4
			with(teamIn, "name", "团队甲", "joined_on", day("2021-11-01")),               // duplicate B5, after window C5
			with(teamConverted, "name", "团队戊"),                                        // converted, no enterprise: E6
		}
	})
	sheets = replace(sheets, "enterprises", func(s *sheetSpec) {
		s.rows = []rowVals{entDirect, with(entFromB, "team", "团队甲"), with(entFromB, "name", "企业三", "uscc", "9135010", "team", "无此团队")}
	})
	sheets = replace(sheets, "activities", func(s *sheetSpec) {
		s.rows = []rowVals{with(activityOK, "date", day("2020-10-31"), "kind", "参观")}
	})
	dir := writePackage(t, sheets)
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	want := []string{
		"CELL-REQUIRED@基础信息:承诺书",
		"DATE-AFTER-WINDOW@基础信息!B8",
		"CELL-FORMAT@基础信息!B11",
		"ATTACHMENT-MISSING@宣传报道!E3",
		"ATTACHMENT-MISSING@宣传报道!E4",
		"CELL-TYPE@服务场地!C3",
		"VENUE-AREA-SUM@服务场地!C4",
		"COLUMN-MISSING@专业服务人员:学历",
		"CELL-RANGE@专业服务人员!B3",
		"TEAM-STATUS-CONFLICT@创业团队!G4",
		"DUPLICATE-VALUE@创业团队!B5",
		"DATE-AFTER-WINDOW@创业团队!C5",
		"XREF-TEAM-NO-ENTERPRISE@创业团队!E6",
		"XREF-TEAM-NOT-CONVERTED@入驻企业!E4",
		"USCC-INVALID@入驻企业!C5",
		"XREF-TEAM-UNKNOWN@入驻企业!E5",
		"CELL-ENUM@创新创业活动!B2",
		"DATE-OUTSIDE-WINDOW@创新创业活动!C2",
	}
	assert.ElementsMatch(t, want, brief(res.Findings), dump(res.Findings))
	// Sorted in the online form's sheet order, then by row.
	order := map[string]int{}
	for i, s := range schema.Sheets() {
		order[s.Name] = i
	}
	for i := 1; i < len(res.Findings); i++ {
		a, b := res.Findings[i-1], res.Findings[i]
		if a.File == b.File {
			assert.LessOrEqual(t, order[a.Sheet], order[b.Sheet], "sheet order at %d", i)
		}
	}
	// The same findings in English, every placeholder filled, each message
	// naming its place.
	cfg := config.Default()
	cfg.Lang = msg.EN
	en, err := Validate([]string{dir}, cfg)
	require.NoError(t, err)
	assert.Equal(t, brief(res.Findings), brief(en.Findings))
	for i, f := range en.Findings {
		assert.NotContains(t, f.Message, "{", f.Message)
		assert.NotEqual(t, res.Findings[i].Message, f.Message, "not translated: %s", f.Message)
		if f.Rule != finding.ColumnMissing {
			assert.True(t, strings.HasPrefix(f.Message, f.Location()), "%q does not start with %q", f.Message, f.Location())
			assert.True(t, strings.HasPrefix(res.Findings[i].Message, f.Location()), res.Findings[i].Message)
		}
	}
}

// Sheets spread over two files: the cross-table rules see both, findings
// name the file that holds the cell.
func TestValidateSeveralFiles(t *testing.T) {
	t.Parallel()
	sheets := goodSheets()
	var teamsSpec, entsSpec sheetSpec
	var rest []sheetSpec
	for _, s := range sheets {
		switch s.key {
		case "teams":
			teamsSpec = s
		case "enterprises":
			entsSpec = s
		default:
			rest = append(rest, s)
		}
	}
	entsSpec.rows = []rowVals{with(entFromB, "registered_on", "2020-09-30")}
	dir := pkgDir(t)
	writeBook(t, filepath.Join(dir, "基本.xlsx"), rest...)
	writeBook(t, filepath.Join(dir, "团队.xlsx"), teamsSpec)
	writeBook(t, filepath.Join(dir, "企业.xlsx"), entsSpec)
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	require.Len(t, res.Findings, 1, dump(res.Findings))
	f := res.Findings[0]
	assert.Equal(t, finding.XrefRegdateMismatch, f.Rule)
	assert.Equal(t, "企业.xlsx", f.File)
	assert.Equal(t, "F3", f.Cell)
	assert.Contains(t, f.Message, "创业团队!F4", "names the team's registration date cell")
	assert.Len(t, res.Files, 3)
}

// Attachments through Validate: each cell naming a bad file gets the
// finding; the package folder is never written.
func TestValidateAttachments(t *testing.T) {
	sheets := replace(goodSheets(), "media", func(s *sheetSpec) {
		s.rows = []rowVals{
			with(mediaOK, "proof", "附件/enc.pdf"),
			with(mediaOK, "proof", "附件/enc.pdf"),
			with(mediaOK, "proof", "../outside.pdf"),
			with(mediaOK, "proof", `C:\扫描件\报道.pdf`),
			with(mediaOK, "proof", "附件/报道.docx"),
		}
	})
	dir := writePackage(t, sheets)
	writeFile(t, dir, "附件/enc.pdf", encryptedPDF(t, "123456", "owner"))
	writeFile(t, dir, "附件/报道.docx", []byte("PK\x03\x04"))
	before := listTree(t, dir)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{
		"ATTACHMENT-UNREADABLE@宣传报道!F2", "ATTACHMENT-UNREADABLE@宣传报道!F3",
		"ATTACHMENT-OUTSIDE@宣传报道!F4", "ATTACHMENT-OUTSIDE@宣传报道!F5", "ATTACHMENT-NOT-PDF@宣传报道!F6",
	}, brief(res.Findings), dump(res.Findings))
	assert.Equal(t, before, listTree(t, dir))
	assert.Empty(t, listTree(t, home))
	for _, f := range res.Findings {
		if f.Cell == "F2" {
			assert.Contains(t, f.Message, "密码")
		}
	}
}

func TestValidateMissingPath(t *testing.T) {
	t.Parallel()
	_, err := Validate([]string{filepath.Join(t.TempDir(), "nope")}, config.Default())
	assert.Error(t, err)
}

// A sheet that fails midway keeps the findings of the rows read so far and
// the reader's FILE-UNREADABLE.
func TestValidateUnreadableWorkbook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "申报数据.xlsx"), []byte("名称,日期\n甲,2021-01-01\n"), 0o644))
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	require.NotEmpty(t, res.Findings)
	assert.Equal(t, finding.FileUnreadable, res.Findings[0].Rule, dump(res.Findings))
}

// Several packages validated at once (as `validate A B C` does) share the
// compiled conditions and pdfcpu; run with -race.
func TestValidateConcurrently(t *testing.T) {
	t.Parallel()
	var dirs []string
	for i := 0; i < 4; i++ {
		dir := writePackage(t, replace(goodSheets(), "media", func(s *sheetSpec) {
			s.rows = []rowVals{with(mediaOK, "proof", "附件/enc.pdf")}
		}))
		writeFile(t, dir, "附件/enc.pdf", encryptedPDF(t, "", "owner"))
		dirs = append(dirs, dir)
	}
	errs := make(chan error, len(dirs))
	counts := make(chan int, len(dirs))
	for _, d := range dirs {
		go func() {
			res, err := Validate([]string{d}, config.Default())
			errs <- err
			if err == nil {
				counts <- len(res.Findings)
			} else {
				counts <- -1
			}
		}()
	}
	for range dirs {
		assert.NoError(t, <-errs)
		assert.Equal(t, 0, <-counts)
	}
}

// ATTACHMENT-TOO-LARGE at the default limit: 3,145,728 bytes pass, one more
// byte does not.
func TestValidateAttachmentSizeLimit(t *testing.T) {
	t.Parallel()
	limit := config.Default().MaxBytes
	require.Equal(t, int64(3145728), limit)
	sized := func(n int64) []byte {
		pad := int(n) - len(minimalPDF(""))
		for {
			b := minimalPDF(strings.Repeat("x", pad))
			if d := int(n) - len(b); d != 0 {
				pad += d
				continue
			}
			return b
		}
	}
	sheets := replace(goodSheets(), "media", func(s *sheetSpec) {
		s.rows = []rowVals{with(mediaOK, "proof", "附件/limit.pdf"), with(mediaOK, "proof", "附件/over.pdf")}
	})
	dir := writePackage(t, sheets)
	writeFile(t, dir, "附件/limit.pdf", sized(limit))
	writeFile(t, dir, "附件/over.pdf", sized(limit+1))
	res, err := Validate([]string{dir}, config.Default())
	require.NoError(t, err)
	assert.Equal(t, []string{"ATTACHMENT-TOO-LARGE@宣传报道!F3"}, brief(res.Findings), dump(res.Findings))
	require.Len(t, res.Findings, 1)
	assert.Contains(t, res.Findings[0].Message, "3,145,729 B")
	assert.Contains(t, res.Findings[0].Message, "3,145,728 B")
}
