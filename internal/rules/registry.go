package rules

import (
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// Rule is one check: the finding it reports and where it looks. A rule is a
// value in one file of its own (its messages are in internal/msg/rules.go,
// keyed by its id), listed once in registry.
//
// The hooks, each optional:
//
//   - Cell checks one cell of a typed row, for each column Columns selects
//     (nil: every column);
//   - Row checks a typed row as a whole;
//   - Match checks an enterprise converted from a team, matched with the
//     team sheet (the cross-table rules);
//   - End runs once every table was read.
//
// The rules of a row run in the order of registry. That order carries the
// decisions of the package documentation: a cell that a rule settled (a
// missing required value, a 不可填 cell, a value that does not read) is
// "done" — the later rules of its row leave it alone.
type Rule struct {
	ID       string           // the finding's rule id (package finding)
	Severity finding.Severity // its default severity
	Message  string           // the message key of its text; a variant appends ".variant"

	Columns func(s *schema.Sheet, c *schema.Column) bool
	Cell    func(r *Rule, t *tableRun, i int)
	Row     func(r *Rule, t *tableRun)
	Match   func(r *Rule, x *xrefs, m *entMatch)
	End     func(r *Rule, ck *Checker)
}

// registry lists every rule, in the order they run on a row.
var registry = []*Rule{
	// What must be there.
	&cellRequired,
	// The row's state: a conflict switches off the conditions that depend on
	// its cells.
	&stateConflict,
	&cellRequiredCondition,
	&cellNotFillable,
	// Cells that do not read (the typing stage found why).
	&cellControlChar,
	&cellType,
	&cellEnum,
	&cellFormat,
	&usccInvalid,
	&usccCheckDigit,
	&cellGlyphMissing,
	&cellTextValue,
	// Values that read.
	&cellTooLong,
	&cellRange,
	&dateAfterWindow,
	&dateOutsideWindow,
	&dateOrder,
	&duplicateValue,
	// Attachments: one examination per file, whose verdict names the rule.
	&attachmentOutside,
	&attachmentMissing,
	&attachmentNotPDF,
	&attachmentTooLarge,
	&attachmentUnreadable,
	&attachmentPageTooSmall,
	// Rows.
	&venueAreaSum,
	// Across the team and enterprise sheets.
	&xrefTeamUnknown,
	&xrefTeamNotConverted,
	&xrefTeamMultiEnterprise,
	&xrefRegdateMismatch,
	&xrefTeamNoEnterprise,
}
