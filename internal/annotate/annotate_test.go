package annotate

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rules"
)

const workbookName = "申报数据.xlsx"

func examplePath(name string) string {
	return filepath.Join("..", "..", "examples", name)
}

// check validates the package folder dir.
func check(t testing.TB, dir string) []finding.Finding {
	t.Helper()
	res, err := rules.Validate([]string{dir}, nil)
	require.NoError(t, err)
	return res.Findings
}

// annotated writes the marked-up copy of dir's workbook into a temporary
// folder and returns its path.
func annotated(t testing.TB, dir string, fs []finding.Finding, lang msg.Lang) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "检查结果-"+workbookName)
	require.NoError(t, WriteFile(context.Background(), filepath.Join(dir, workbookName), fs, lang, out))
	return out
}

func fillOf(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	s, err := f.GetStyle(id)
	require.NoError(t, err)
	if s.Fill.Type != "pattern" || s.Fill.Pattern != 1 || len(s.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToUpper(s.Fill.Color[0])
	if len(c) == 8 {
		c = c[2:] // ARGB
	}
	return c
}

func commentsOf(t testing.TB, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	cs, err := f.GetComments(sheet)
	require.NoError(t, err)
	out := map[string]string{}
	for _, c := range cs {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		out[c.Cell] = text
	}
	return out
}

func TestBrokenEveryFindingMarked(t *testing.T) {
	dir := examplePath("broken")
	src := filepath.Join(dir, workbookName)
	before, err := os.ReadFile(src)
	require.NoError(t, err)
	fs := check(t, dir)
	require.NotEmpty(t, fs)
	origin, err := excelize.OpenFile(src)
	require.NoError(t, err)
	defer origin.Close()

	out := annotated(t, dir, fs, msg.ZH)
	after, err := os.ReadFile(src)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "the original workbook changed")

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, SheetName, f.GetSheetList()[0], "the list is the first sheet")
	assert.Equal(t, 0, f.GetActiveSheetIndex())

	for _, fd := range fs {
		if fd.Cell == "" {
			continue
		}
		top, refs, ok := cells(fd.Cell)
		require.True(t, ok, fd.Cell)
		want := ErrorFill
		if fd.Severity == finding.Warning {
			want = WarningFill
		}
		for _, ref := range refs {
			assert.Equal(t, want, fillOf(t, f, fd.Sheet, ref), "fill of %s!%s (%s)", fd.Sheet, ref, fd.Rule)
		}
		note := commentsOf(t, f, fd.Sheet)[top]
		assert.Contains(t, note, fd.Rule, "note of %s!%s", fd.Sheet, top)
		assert.Contains(t, note, unlocated(&fd), "note of %s!%s", fd.Sheet, top)

		// The value, the number format, font and borders stay.
		ov, err := origin.GetCellValue(fd.Sheet, top)
		require.NoError(t, err)
		nv, err := f.GetCellValue(fd.Sheet, top)
		require.NoError(t, err)
		assert.Equal(t, ov, nv, "value of %s!%s", fd.Sheet, top)
		os1, _ := origin.GetCellStyle(fd.Sheet, top)
		ns1, _ := f.GetCellStyle(fd.Sheet, top)
		a, _ := origin.GetStyle(os1)
		b, _ := f.GetStyle(ns1)
		assert.Equal(t, a.NumFmt, b.NumFmt, "number format of %s!%s", fd.Sheet, top)
		assert.Equal(t, a.CustomNumFmt, b.CustomNumFmt, "number format of %s!%s", fd.Sheet, top)
		assert.Equal(t, a.Font, b.Font, "font of %s!%s", fd.Sheet, top)
		assert.Equal(t, a.Border, b.Border, "borders of %s!%s", fd.Sheet, top)
		assert.Equal(t, a.Protection, b.Protection, "protection of %s!%s", fd.Sheet, top)
	}

	// The earlier notes (on every header) are all there, the findings'
	// text below the earlier one.
	for _, sheet := range origin.GetSheetList() {
		was := commentsOf(t, origin, sheet)
		now := commentsOf(t, f, sheet)
		for cell, text := range was {
			assert.True(t, strings.HasPrefix(now[cell], text), "earlier note of %s!%s kept first", sheet, cell)
		}
	}

	// The list: a heading and one row per finding, each with a link.
	rows, err := f.GetRows(SheetName)
	require.NoError(t, err)
	require.Len(t, rows, len(fs)+1)
	assert.Equal(t, []string{"级别", "表", "单元格", "问题", "怎么改", "规则"}, rows[0])
	for i, fd := range fs {
		r := rows[i+1]
		require.Len(t, r, 6)
		assert.Equal(t, fd.Rule, r[5])
		if fd.Cell != "" {
			assert.Equal(t, fd.Cell, r[2])
			ok, loc, err := f.GetCellHyperLink(SheetName, "C"+strconv.Itoa(i+2))
			require.NoError(t, err)
			assert.True(t, ok)
			assert.Equal(t, "'"+fd.Sheet+"'!"+fd.Cell, loc)
		}
	}
	panes, err := f.GetPanes(SheetName)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
}
