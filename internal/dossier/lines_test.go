package dossier

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// The verdict names the pages missing, twice or moved, in ranges, with a
// long list cut short; and pages too small with the size of the first.
func TestLinesNamePages(t *testing.T) {
	t.Parallel()
	var many []int
	for n := 2; n <= 60; n += 2 {
		many = append(many, n)
	}
	info := &bind.Info{Pages: 3, Stamps: []bind.Stamp{{Width: 595, Height: 842}, {Width: 153.07, Height: 243.78}, {}}}
	for _, tc := range []struct {
		p      bind.Problem
		zh, en string
	}{
		{bind.Problem{Kind: bind.Missing, Pages: []int{10}, Total: 127},
			"缺少第 10 页（页脚标明共 127 页）", "Page(s) 10 are missing (the footers count 127 pages)"},
		{bind.Problem{Kind: bind.Missing, Pages: []int{10, 12}, Total: 127}, "缺少第 10、12 页", "Page(s) 10, 12 are missing"},
		{bind.Problem{Kind: bind.Missing, Pages: []int{10, 12, 20, 21, 22, 23, 24, 25}, Total: 127}, "缺少第 10、12、20–25 页", "10, 12, 20–25"},
		{bind.Problem{Kind: bind.Missing, Pages: many, Total: 127},
			"缺少第 2、4、6、8、10、12、14、16、18、20 等 30 页", "Page(s) 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 … (30 in all) are missing"},
		{bind.Problem{Kind: bind.Duplicated, Pages: []int{3}}, "第 3 页出现了不止一次", "Page(s) 3 appear more than once"},
		{bind.Problem{Kind: bind.Reordered, Pages: []int{5}, At: []int{1}}, "第 5 页不在原来的位置（现为文件的第 1 页）", "Page(s) 5 are out of place (now at page 1 of the file)"},
		{bind.Problem{Kind: bind.TooSmall, Pages: []int{2}}, "第 2 页小于 A7（74×105 毫米；第一页为 54×86 毫米）", "Page(s) 2 are smaller than A7 (74 × 105 mm; the first is 54×86 mm)"},
	} {
		v := &Verdict{Info: info, Version: "MK-2XJJ-80J8-97FR", Problems: []bind.Problem{tc.p}}
		zh, en := v.Lines(msg.ZH), v.Lines(msg.EN)
		if assert.Len(t, zh, 1) && assert.Len(t, en, 1) {
			assert.Contains(t, zh[0], tc.zh)
			assert.Contains(t, en[0], tc.en)
			assert.NotContains(t, zh[0], "页码与其位置不符")
		}
	}
}
