package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

// readerRules are the ids the reader (package workbook) reports.
var readerRules = map[string]bool{
	finding.FileUnreadable: true, finding.SheetMissing: true, finding.SheetDuplicate: true, finding.SheetUnknown: true,
	finding.HeaderNotFound: true, finding.ColumnMissing: true, finding.ColumnDuplicate: true, finding.ColumnUnknown: true,
	finding.CellMerged: true, finding.TemplateVersion: true,
}

// Every rule of the registry is complete (an id of the vocabulary, its
// default severity, a message in both languages, a check or — for the
// attachment rules — the examination's verdict), and every id of the
// vocabulary that is not the reader's has a rule.
func TestRegistry(t *testing.T) {
	t.Parallel()
	ids := map[string]bool{}
	for _, r := range registry {
		assert.Contains(t, finding.Rules(), r.ID)
		assert.Equal(t, finding.DefaultSeverity(r.ID), r.Severity, r.ID)
		assert.True(t, msg.Has(r.Message), "%s: message %s", r.ID, r.Message)
		assert.NotEqual(t, msg.ZH.T(r.Message), msg.EN.T(r.Message), "%s: an English text", r.ID)
		hooks := r.Cell != nil || r.Row != nil || r.Match != nil || r.End != nil
		assert.True(t, hooks || attachmentRule(r.ID) == r, "%s: a check", r.ID)
		assert.True(t, r.Cell != nil || r.Columns == nil, "%s: Columns without Cell", r.ID)
		ids[r.ID] = true
	}
	for _, id := range finding.Rules() {
		assert.True(t, ids[id] != readerRules[id], "%s: a rule of the registry or of the reader", id)
	}
}

// Every verdict of the attachment examination names a rule of the registry.
func TestAttachmentVerdictRules(t *testing.T) {
	t.Parallel()
	for _, id := range []string{finding.AttachmentOutside, finding.AttachmentMissing, finding.AttachmentNotPDF,
		finding.AttachmentTooLarge, finding.AttachmentUnreadable, finding.AttachmentPageTooSmall} {
		r := attachmentRule(id)
		if assert.NotNil(t, r, id) {
			assert.Contains(t, registry, r)
		}
	}
}
