package rules

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// The struct type generated for the teams sheet carries validator tags
// derived from schema.Conditions only.
func TestConditionTagsFromSchema(t *testing.T) {
	s := schema.ByKey("teams")
	e, err := conditionsOf(s)
	require.NoError(t, err)
	require.NotNil(t, e)
	conv, moved := s.ColumnIndex("converted"), s.ColumnIndex("moved_out")
	f, ok := e.typ.FieldByName(fieldName(s.ColumnIndex("moved_out_on")))
	require.True(t, ok)
	want := "required_if=" + fieldName(conv) + " 否 " + fieldName(moved) + " 是"
	assert.Contains(t, f.Tag.Get("validate"), want)
	assert.Contains(t, f.Tag.Get("validate"), "excluded_if="+fieldName(conv)+" 否 "+fieldName(moved)+" 否")
	assert.Contains(t, f.Tag.Get("validate"), "excluded_if="+fieldName(conv)+" 是 "+fieldName(moved)+" 否")
	// Only the columns the conditions use are fields.
	assert.Equal(t, 9, e.typ.NumField(), "members, converted, registered_on, moved_out, moved_out_on, financed and the financing trio")
	assert.Equal(t, reflect.Struct, e.typ.Kind())

	// Sheets without conditions have no engine.
	e, err = conditionsOf(schema.ByKey("media"))
	require.NoError(t, err)
	assert.Nil(t, e)
}

// validator's multi-pair required_if / excluded_if hold only when every pair
// matches; "?" (unknown) matches nothing.
func TestConditionSemantics(t *testing.T) {
	s := schema.ByKey("teams")
	e, err := conditionsOf(s)
	require.NoError(t, err)
	conv, moved := s.ColumnIndex("converted"), s.ColumnIndex("moved_out")
	members, movedOn := s.ColumnIndex("members"), s.ColumnIndex("moved_out_on")
	fin := s.ColumnIndex("financed")
	cases := []struct {
		name       string
		conv, mv   string
		filled     []int
		wantRule   map[int]string
		wantLabels map[int]string
	}{
		{"in space, members filled", "否", "否", []int{members}, nil, nil},
		{"in space, no members", "否", "否", nil, map[int]string{members: finding.CellRequired}, map[int]string{members: "在孵的创业团队"}},
		{"one pair only (moved out unknown)", "否", "?", nil, nil, nil},
		{"both unknown", "?", "?", []int{movedOn}, nil, nil},
		{"converted: members and date forbidden", "是", "否", []int{members, movedOn, s.ColumnIndex("registered_on")},
			map[int]string{members: finding.CellNotFillable, movedOn: finding.CellNotFillable}, map[int]string{members: "已转化为企业的创业团队"}},
		{"moved out needs the date", "否", "是", nil,
			map[int]string{movedOn: finding.CellRequired}, map[int]string{movedOn: "已迁出的创业团队"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := e.newRow()
			yesno := func(i int) string {
				switch i {
				case conv:
					return tc.conv
				case moved:
					return tc.mv
				case fin:
					return "?"
				}
				t.Fatalf("yes/no asked for column %d", i)
				return ""
			}
			filled := func(i int) bool { return slicesContains(tc.filled, i) }
			v, err := r.check(yesno, filled, nil)
			require.NoError(t, err)
			got := map[int]string{}
			for _, x := range v {
				got[x.Col] = x.Rule
				if l, ok := tc.wantLabels[x.Col]; ok {
					assert.Equal(t, l, s.Conditions[x.Cond].Label)
				}
			}
			if tc.wantRule == nil {
				tc.wantRule = map[int]string{}
			}
			assert.Equal(t, tc.wantRule, got)
		})
	}
}

func slicesContains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Every sheet's conditions compile.
func TestEverySheetCompiles(t *testing.T) {
	for _, s := range schema.Sheets() {
		_, err := conditionsOf(s)
		assert.NoError(t, err, s.Key)
	}
}

// The memo gives the verdict validator gives, for every combination of the
// teams' and enterprises' condition inputs.
func TestConditionMemoMatchesValidator(t *testing.T) {
	for _, key := range []string{"teams", "enterprises"} {
		s := schema.ByKey(key)
		e, err := conditionsOf(s)
		require.NoError(t, err)
		memo, plain := e.newRow(), e.newRow()
		vals := []string{condYes, condNo, condUnknown}
		nm, nt := len(e.matchCols), len(e.targetCols)
		total := 1
		for range nm {
			total *= 3
		}
		total <<= nt
		for n := 0; n < total; n++ {
			k := n
			match := map[int]string{}
			for _, i := range e.matchCols {
				match[i] = vals[k%3]
				k /= 3
			}
			fill := map[int]bool{}
			for _, i := range e.targetCols {
				fill[i] = k&1 == 1
				k >>= 1
			}
			yesno := func(i int) string { return match[i] }
			filled := func(i int) bool { return fill[i] }
			for range 2 { // the second time from the memo
				got, err := memo.check(yesno, filled, nil)
				require.NoError(t, err)
				want, err := plain.run(yesno, filled, nil)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s: %v %v", key, match, fill)
			}
		}
		assert.Equal(t, total, memo.Calls, "%s: validator ran once per signature", key)
	}
}
