package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The description is consistent: every key a condition, conflict, date
// order or option list names exists, headers are unique within a sheet.
func TestSheetsAreConsistent(t *testing.T) {
	t.Parallel()
	lists := DefaultLists()
	names := map[string]bool{}
	for _, s := range Sheets() {
		require.False(t, names[s.Name], "sheet %s twice", s.Name)
		names[s.Name] = true
		assert.Same(t, s, ByName(" "+s.Name+" "))
		assert.Same(t, s, ByKey(s.Key))
		headers, keys := map[string]bool{}, map[string]bool{}
		for i, c := range s.Columns {
			h := NormalizeHeader(c.Header)
			assert.False(t, headers[h], "%s: header %s twice", s.Name, c.Header)
			assert.False(t, keys[c.Key], "%s: key %s twice", s.Name, c.Key)
			headers[h], keys[c.Key] = true, true
			assert.Equal(t, i, s.MatchHeader(c.Header))
			assert.NotEmpty(t, c.HeaderEN, "%s.%s", s.Key, c.Key)
			if c.Type == Enum {
				assert.NotEmpty(t, lists[c.Options], "%s.%s options", s.Key, c.Key)
			}
			for _, k := range c.NotBefore {
				require.NotNil(t, s.Column(k), "%s.%s NotBefore %s", s.Key, c.Key, k)
				assert.Equal(t, Date, s.Column(k).Type)
			}
		}
		for _, cond := range s.Conditions {
			for _, m := range cond.When {
				require.NotNil(t, s.Column(m.Key), "%s condition on %s", s.Key, m.Key)
				assert.Equal(t, YesNo, s.Column(m.Key).Type)
			}
			for _, k := range append(append([]string{}, cond.Require...), cond.Forbid...) {
				require.NotNil(t, s.Column(k), "%s condition names %s", s.Key, k)
				assert.True(t, s.Conditional(k))
			}
			assert.NotEmpty(t, cond.Label)
			assert.NotEmpty(t, cond.LabelEN)
		}
		for _, c := range s.Conflicts {
			require.NotNil(t, s.Column(c.At))
		}
	}
	assert.Len(t, Sheets(), 10)
	assert.Nil(t, ByName("汇总"))
	assert.True(t, IsAuxiliary(" 汇总"))
	assert.True(t, IsAuxiliary("检查结果"), "the list of a marked-up copy")
	assert.False(t, IsAuxiliary("创业团队"))
}

// The team states of SPEC: each state requires one date (or count) and
// forbids the other two.
func TestTeamStates(t *testing.T) {
	t.Parallel()
	teams := ByKey("teams")
	want := map[[2]bool][2][]string{
		{false, false}: {{"members"}, {"registered_on", "moved_out_on"}},
		{true, false}:  {{"registered_on"}, {"members", "moved_out_on"}},
		{false, true}:  {{"moved_out_on"}, {"members", "registered_on"}},
	}
	found := 0
	for _, c := range teams.Conditions {
		if len(c.When) != 2 {
			continue
		}
		state := [2]bool{c.When[0].Value, c.When[1].Value}
		w, ok := want[state]
		require.True(t, ok, "unexpected state %v", state)
		assert.Equal(t, w[0], c.Require)
		assert.Equal(t, w[1], c.Forbid)
		found++
	}
	assert.Equal(t, 3, found)
	require.Len(t, teams.Conflicts, 1)
	assert.Equal(t, "TEAM-STATUS-CONFLICT", teams.Conflicts[0].Rule)
}

func TestNormalizeHeader(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"投融资金额（万元）":        "投融资金额(万元)",
		" *团队名称 ":          "团队名称",
		"团队\n名称":           "团队名称",
		"团\u3000队\u00a0名称": "团队名称",
		"专职/兼职*":           "专职/兼职",
		"ＡＢＣ１":             "ABC1",
	} {
		assert.Equal(t, want, NormalizeHeader(in), in)
	}
	teams := ByKey("teams")
	assert.Equal(t, teams.ColumnIndex("amount"), teams.MatchHeader("投融资金额（万元）"))
	assert.Equal(t, -1, teams.MatchHeader("不存在的列"))
	narrative := ByKey("narrative")
	assert.Equal(t, narrative.ColumnIndex("plan"), narrative.MatchHeader("发展规划、目标及措施"), "the alias")
}

func TestListsOverride(t *testing.T) {
	t.Parallel()
	base := DefaultLists()
	got := base.With(map[string][]string{ListTenure: {"自有", "租用"}, ListYesNo: {"Y", "N"}, "nope": {"x"}, ListEducation: nil})
	assert.Equal(t, []string{"自有", "租用"}, got[ListTenure])
	assert.Equal(t, []string{Yes, No}, got[ListYesNo], "the yes/no list cannot be replaced")
	assert.Equal(t, base[ListEducation], got[ListEducation], "an empty list keeps the default")
	assert.Equal(t, []string{"nope", ListYesNo}, base.UnknownLists(map[string][]string{"nope": nil, ListYesNo: nil, ListTenure: nil}))
	assert.Equal(t, []string{"自有产权", "委托管理", "租赁"}, base[ListTenure], "the defaults are not changed")
}

// Every table with attachments says which column names a row (the 附件
// labels print it), and that column is a required text column.
func TestNamingColumns(t *testing.T) {
	t.Parallel()
	for _, s := range Sheets() {
		hasAttachment := false
		for _, c := range s.Columns {
			hasAttachment = hasAttachment || c.Type == Attachment
		}
		c, ok := s.NameCol()
		if s.Kind == Form {
			assert.False(t, ok, "%s: a form names no row", s.Key)
			continue
		}
		if !hasAttachment {
			continue
		}
		require.True(t, ok, "%s: Naming %q names no column", s.Key, s.Naming)
		assert.Equal(t, Text, c.Column().Type, "%s.%s", s.Key, c.Key())
		assert.True(t, c.Column().Required, "%s.%s", s.Key, c.Key())
		assert.NotEmpty(t, s.Label())
	}
	assert.Equal(t, "累计入驻企业", ByKey("enterprises").Label())
	assert.Equal(t, "宣传报道", ByKey("media").Label())
}
