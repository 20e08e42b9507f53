package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
)

// TEAM-STATUS-CONFLICT, and any other schema.Conflict: a combination of
// yes/no values no row may have, reported (under the conflict's rule id) on
// the conflict's column. The conflicting cells count as unknown for the
// row-state conditions.
var stateConflict = Rule{
	ID: finding.TeamConflict, Severity: finding.Error, Message: finding.TeamConflict,
	Row: func(r *Rule, t *tableRun) {
		for _, cf := range t.sheet.Conflicts {
			all := true
			for _, m := range cf.When {
				if j := m.Col.Index(); t.state(j) != rows.Valid || t.val(j).Bool != m.Value {
					all = false
					break
				}
			}
			if !all {
				continue
			}
			t.conflict = true
			rule := r
			if cf.Rule != r.ID {
				other := *r
				other.ID, other.Message = cf.Rule, cf.Rule
				rule = &other
			}
			at := cf.AtCol.Index()
			c := t.cellAt(at)
			t.emit(rule, "", at, c, t.display(at, c))
			for _, m := range cf.When {
				t.unknownMatch[m.Col.Index()] = true
			}
		}
	},
}
