package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every handle names a column of its sheet, and every column of every sheet
// has exactly one handle: a column added to sheets.go without its handle, or
// a handle whose key is misspelt, fails here (the latter already at start-up).
func TestHandles(t *testing.T) {
	t.Parallel()
	require.Len(t, handleSets, len(Sheets()))
	for i, s := range Sheets() {
		assert.Same(t, s, handleSets[i].sheet, "handle sets in sheet order")
		hs := handlesOf(s)
		seen := make([]int, len(s.Columns))
		for _, h := range hs {
			require.Same(t, s, h.Sheet(), "%s: a handle of another sheet", s.Key)
			require.True(t, h.Index() >= 0 && h.Index() < len(s.Columns))
			assert.Same(t, &s.Columns[h.Index()], h.Column())
			seen[h.Index()]++
		}
		for j, n := range seen {
			assert.Equal(t, 1, n, "%s.%s: handles naming it", s.Key, s.Columns[j].Key)
		}
	}
	// A few by name.
	assert.Equal(t, "是否转化为企业", Teams.Converted.Header())
	assert.Equal(t, "uscc", Enterprises.USCC.Key())
	assert.Equal(t, "financed_on", Enterprises.FinancedOn.Key())
	assert.Same(t, Teams.Sheet, Teams.FinancedOn.Sheet())
	assert.Equal(t, "phone", Basic.Phone.Key())
	assert.Equal(t, Form, Basic.Sheet.Kind)
	assert.Equal(t, "plan", Narrative.Plan.Key())
}

// The keys of the description (date order, conditions, conflicts) are
// resolved to handles of their own sheet.
func TestResolvedKeys(t *testing.T) {
	t.Parallel()
	for _, s := range Sheets() {
		for _, c := range s.Columns {
			require.Len(t, c.NotBeforeCols, len(c.NotBefore))
			for k, h := range c.NotBeforeCols {
				assert.Same(t, s, h.Sheet())
				assert.Equal(t, c.NotBefore[k], h.Key())
			}
		}
		for _, c := range s.Conditions {
			for _, m := range c.When {
				assert.Same(t, s, m.Col.Sheet())
				assert.Equal(t, m.Key, m.Col.Key())
			}
			require.Len(t, c.RequireCols, len(c.Require))
			require.Len(t, c.ForbidCols, len(c.Forbid))
			for k, h := range c.RequireCols {
				assert.Equal(t, c.Require[k], h.Key())
				assert.Same(t, s, h.Sheet())
			}
			for k, h := range c.ForbidCols {
				assert.Equal(t, c.Forbid[k], h.Key())
				assert.Same(t, s, h.Sheet())
			}
		}
		// A column a condition requires or forbids is never one a condition
		// tests: "filled" and "是/否" are different questions of a cell.
		when := map[int]bool{}
		for _, c := range s.Conditions {
			for _, m := range c.When {
				when[m.Col.Index()] = true
			}
		}
		for _, c := range s.Conditions {
			for _, h := range append(append([]Col{}, c.RequireCols...), c.ForbidCols...) {
				assert.False(t, when[h.Index()], "%s: %s is both tested and required or forbidden", s.Key, h.Key())
			}
		}
		for _, c := range s.Conflicts {
			assert.Equal(t, c.At, c.AtCol.Key())
			assert.Same(t, s, c.AtCol.Sheet())
			for _, m := range c.When {
				assert.Same(t, s, m.Col.Sheet())
			}
		}
	}
	assert.Equal(t, Enterprises.Financed, Enterprises.Sheet.Conditions[len(Enterprises.Sheet.Conditions)-1].When[0].Col,
		"the shared financing conditions are resolved per sheet")
	assert.Equal(t, Teams.Financed, Teams.Sheet.Conditions[len(Teams.Sheet.Conditions)-1].When[0].Col)
}
