package rules

import (
	"path"
	"strings"

	"github.com/mkspace/mkspace/internal/finding"
)

// The attachment rules. Every attachment cell that reads is handed to the
// examination of its file (attach.go: the path, then the file, examined
// once however many cells name it); the verdict names the rule, and every
// cell naming a bad file gets the finding.

// ATTACHMENT-OUTSIDE: an absolute path, a path that climbs out of the
// package folder, a link that leads outside.
var attachmentOutside = Rule{ID: finding.AttachmentOutside, Severity: finding.Error, Message: finding.AttachmentOutside}

// ATTACHMENT-MISSING: no such file (or a folder; or a name that differs in
// case only).
var attachmentMissing = Rule{ID: finding.AttachmentMissing, Severity: finding.Error, Message: finding.AttachmentMissing}

// ATTACHMENT-NOT-PDF: not named .pdf, or not a PDF inside.
var attachmentNotPDF = Rule{ID: finding.AttachmentNotPDF, Severity: finding.Error, Message: finding.AttachmentNotPDF}

// ATTACHMENT-TOO-LARGE: larger than attachments.max_bytes.
var attachmentTooLarge = Rule{ID: finding.AttachmentTooLarge, Severity: finding.Error, Message: finding.AttachmentTooLarge}

// ATTACHMENT-UNREADABLE: a PDF that cannot be parsed or needs a password.
var attachmentUnreadable = Rule{ID: finding.AttachmentUnreadable, Severity: finding.Error, Message: finding.AttachmentUnreadable}

// ATTACHMENT-PAGE-TOO-SMALL: a page too small to carry the version footer.
var attachmentPageTooSmall = Rule{ID: finding.AttachmentPageTooSmall, Severity: finding.Error, Message: finding.AttachmentPageTooSmall}

// attachmentRule returns the rule a verdict names.
func attachmentRule(id string) *Rule {
	for _, r := range []*Rule{&attachmentOutside, &attachmentMissing, &attachmentNotPDF, &attachmentTooLarge,
		&attachmentUnreadable, &attachmentPageTooSmall} {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// reportAttachment turns an attachment verdict into the cell's finding.
func (ck *Checker) reportAttachment(p pendingCell, v attachVerdict) {
	if v.Rule == "" {
		return
	}
	r := attachmentRule(v.Rule)
	if r == nil { // every verdict names one of the rules above (TestAttachmentVerdictRules)
		r = &Rule{ID: v.Rule, Severity: finding.DefaultSeverity(v.Rule), Message: v.Rule}
	}
	name := path.Base(strings.ReplaceAll(p.value, `\`, "/"))
	args := append([]string{"name", name}, v.Args...)
	p.tr.emit(r, v.Variant, p.col, p.cell, p.value, args...)
}
