package finding

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSortByPosition(t *testing.T) {
	t.Parallel()
	fs := []Finding{
		{Rule: "B", File: "a.xlsx", Sheet: "入驻企业", Row: 2, Cell: "B2"},
		{Rule: "A", File: "a.xlsx", Sheet: "创业团队", Row: 10, Cell: "AA10"},
		{Rule: "A", File: "a.xlsx", Sheet: "创业团队", Row: 10, Cell: "B10"},
		{Rule: "A", File: "a.xlsx", Sheet: "创业团队", Row: 9, Cell: "C9"},
		{Rule: "A", File: "a.xlsx", Sheet: "其他表"},
		{Rule: "A", File: "a.xlsx"},
	}
	Sort(fs, []string{"创业团队", "入驻企业"})
	var got []string
	for _, f := range fs {
		got = append(got, f.Location())
	}
	assert.Equal(t, []string{"a.xlsx", "创业团队!C9", "创业团队!B10", "创业团队!AA10", "入驻企业!B2", "其他表"}, got)
}

func TestSeverityAndCounts(t *testing.T) {
	t.Parallel()
	assert.Equal(t, Warning, DefaultSeverity(ColumnUnknown))
	assert.Equal(t, Warning, DefaultSeverity("ELIG-ACTIVITIES"))
	assert.Equal(t, Warning, DefaultSeverity(XrefTeamNoEnterprise))
	assert.Equal(t, Error, DefaultSeverity(CellRequired))
	assert.Equal(t, Error, DefaultSeverity("ELIG-"), "a bare prefix is no rule")
	e, w := Counts([]Finding{{Severity: Error}, {Severity: Warning}, {Severity: Error}})
	assert.Equal(t, 2, e)
	assert.Equal(t, 1, w)
	assert.Len(t, Rules(), 39)
	assert.Equal(t, Warning, DefaultSeverity(CellTextValue))
	assert.Equal(t, Error, DefaultSeverity(CellControlChar))
	assert.Equal(t, Warning, DefaultSeverity(CellGlyphMissing))
	assert.Equal(t, Error, DefaultSeverity(CellMerged))
	assert.Equal(t, Warning, DefaultSeverity(TemplateVersion))
	assert.Equal(t, Error, DefaultSeverity(AttachmentPageTooSmall))
}
