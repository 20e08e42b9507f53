package workbook

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/version"
)

// A workbook made from another template version gets one warning naming
// both versions; the current version, and a workbook not made from the
// template (no property), get none.
func TestTemplateVersion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, have string
		want       string // message key variant; "" = no finding
	}{
		{"the current template", version.Template, ""},
		{"no property: not made from the template", "", ""},
		{"an older template", "2020.3", ".old"},
		{"an older template, numerically", "2021.0.9", ".old"},
		{"a newer template", "2099.1", ".new"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := writeBook(t, dir, "申报数据.xlsx", goodSheets())
			if tc.have != "" {
				f, err := excelize.OpenFile(path)
				require.NoError(t, err)
				require.NoError(t, f.SetCustomProps(excelize.CustomProperty{Name: version.TemplateProperty, Value: tc.have}))
				require.NoError(t, f.Save())
				require.NoError(t, f.Close())
			}
			p := openPkg(t, nil, dir)
			got := only(p.Findings, finding.TemplateVersion)
			if tc.want == "" {
				assert.Empty(t, got, describe(p.Findings))
				return
			}
			require.Len(t, got, 1, describe(p.Findings))
			assert.Equal(t, finding.Warning, got[0].Severity)
			assert.Equal(t, "申报数据.xlsx", filepath.Base(got[0].File))
			assert.Equal(t, msg.ZH.T(finding.TemplateVersion+tc.want, "file", got[0].File, "have", tc.have, "want", version.Template), got[0].Message)
		})
	}
}

func TestCompareVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2021.1", "2021.1", 0}, {"2021.9", "2021.10", -1}, {"2022", "2021.1", 1},
		{"2021.1", "2021.1.0", 0}, {"2021.b", "2021.a", 1},
	} {
		assert.Equal(t, tc.want, compareVersions(tc.a, tc.b), "%s vs %s", tc.a, tc.b)
	}
}
