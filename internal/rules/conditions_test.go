package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// A condition holds only when every yes/no it names matches; unknown
// matches nothing.
func TestConditionSemantics(t *testing.T) {
	t.Parallel()
	T := schema.Teams
	s := T.Sheet
	conv, moved := T.Converted.Index(), T.MovedOut.Index()
	members, movedOn := T.Members.Index(), T.MovedOutOn.Index()
	cases := []struct {
		name       string
		conv, mv   yesNo
		filled     []int
		wantRule   map[int]string
		wantLabels map[int]string
	}{
		{"in space, members filled", no, no, []int{members}, nil, nil},
		{"in space, no members", no, no, nil, map[int]string{members: finding.CellRequired}, map[int]string{members: "在孵的创业团队"}},
		{"one pair only (moved out unknown)", no, unknownYesNo, nil, nil, nil},
		{"both unknown", unknownYesNo, unknownYesNo, []int{movedOn}, nil, nil},
		{"converted: members and date forbidden", yes, no, []int{members, movedOn, T.RegisteredOn.Index()},
			map[int]string{members: finding.CellNotFillable, movedOn: finding.CellNotFillable}, map[int]string{members: "已转化为企业的创业团队"}},
		{"moved out needs the date", no, yes, nil,
			map[int]string{movedOn: finding.CellRequired}, map[int]string{movedOn: "已迁出的创业团队"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			match := func(i int) yesNo {
				switch i {
				case conv:
					return tc.conv
				case moved:
					return tc.mv
				}
				return unknownYesNo
			}
			filled := func(i int) bool { return slices.Contains(tc.filled, i) }
			got := map[int]string{}
			for _, v := range evalConditions(s, conditionTargets(s), match, filled, make([]bool, len(s.Conditions)), nil) {
				got[v.Col] = v.Rule
				if l, ok := tc.wantLabels[v.Col]; ok {
					assert.Equal(t, l, s.Conditions[v.Cond].Label)
				}
			}
			if tc.wantRule == nil {
				tc.wantRule = map[int]string{}
			}
			assert.Equal(t, tc.wantRule, got)
		})
	}
}

// conditionInputs lists, for sheet s, the yes/no columns its conditions
// test and the columns they require or forbid, in column order.
func conditionInputs(s *schema.Sheet) (matches, targets []int) {
	for _, c := range s.Conditions {
		for _, m := range c.When {
			matches = append(matches, m.Col.Index())
		}
		for _, col := range append(slices.Clone(c.RequireCols), c.ForbidCols...) {
			targets = append(targets, col.Index())
		}
	}
	slices.Sort(matches)
	slices.Sort(targets)
	return slices.Compact(matches), slices.Compact(targets)
}

// TestConditionVerdicts is the truth table of every sheet's conditions:
// for every combination of its yes/no cells (是, 否, unknown), the verdict
// on each column a condition requires or forbids, when that column is
// filled and when it is empty. A target's verdict depends on its own cell
// only (checked here over every combination of the targets), so the table
// lists each once. testdata/conditions.golden is the table the former
// validator/v10 required_if / excluded_if tags gave (compared over every
// combination of inputs when they were replaced), from which the plain
// evaluation must not depart; -update rewrites it after a deliberate change
// of the description.
func TestConditionVerdicts(t *testing.T) {
	t.Parallel()
	vals := []yesNo{yes, no, unknownYesNo}
	name := map[yesNo]string{yes: schema.Yes, no: schema.No, unknownYesNo: "?"}
	var b strings.Builder
	for _, s := range schema.Sheets() {
		if len(s.Conditions) == 0 {
			continue
		}
		targets := conditionTargets(s)
		matches, targetCols := conditionInputs(s)
		holds := make([]bool, len(s.Conditions))
		combos := 1
		for range matches {
			combos *= len(vals)
		}
		for n := range combos {
			match := map[int]yesNo{}
			k := n
			var state []string
			for _, i := range matches {
				match[i] = vals[k%len(vals)]
				k /= len(vals)
				state = append(state, s.Columns[i].Key+"="+name[match[i]])
			}
			matchFn := func(i int) yesNo { return match[i] }
			verdict := func(filled func(int) bool) map[int]condViolation {
				out := map[int]condViolation{}
				for _, v := range evalConditions(s, targets, matchFn, filled, holds, nil) {
					_, dup := out[v.Col]
					require.False(t, dup, "%s: two verdicts on column %d", s.Key, v.Col)
					out[v.Col] = v
				}
				return out
			}
			all, none := verdict(func(int) bool { return true }), verdict(func(int) bool { return false })
			// Every mix of filled targets gives each target the verdict it
			// has when all (or none) are filled.
			for f := range 1 << len(targetCols) {
				filled := func(i int) bool { return f>>slices.Index(targetCols, i)&1 == 1 }
				got := verdict(filled)
				for _, i := range targetCols {
					want := none[i]
					if filled(i) {
						want = all[i]
					}
					require.Equal(t, want, got[i], "%s %v filled %b column %s", s.Key, state, f, s.Columns[i].Key)
				}
			}
			fmt.Fprintf(&b, "%s %s\n", s.Key, strings.Join(state, " "))
			for _, i := range targetCols {
				fmt.Fprintf(&b, "  %-16s filled: %-40s empty: %s\n", s.Columns[i].Key, verdictText(s, all, i), verdictText(s, none, i))
			}
		}
	}
	path := filepath.Join("testdata", "conditions.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}

func verdictText(s *schema.Sheet, vs map[int]condViolation, i int) string {
	v, ok := vs[i]
	if !ok {
		return "ok"
	}
	return v.Rule + " (" + s.Conditions[v.Cond].Label + ")"
}
