// Package finding holds the vocabulary of problems mkspace reports: rule ids,
// severities and the Finding record every check produces and every report
// format prints.
package finding

import (
	"cmp"
	"slices"
)

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	// Info is for the office to know, not a problem: only findings of an
	// intake (INTAKE-*) carry it.
	Info Severity = "info"
)

// Rule ids of SPEC §2 — the contract of every machine-readable format.
const (
	FileUnreadable  = "FILE-UNREADABLE"
	SheetMissing    = "SHEET-MISSING"
	SheetDuplicate  = "SHEET-DUPLICATE"
	SheetUnknown    = "SHEET-UNKNOWN"
	HeaderNotFound  = "HEADER-NOT-FOUND"
	ColumnMissing   = "COLUMN-MISSING"
	ColumnDuplicate = "COLUMN-DUPLICATE"
	ColumnUnknown   = "COLUMN-UNKNOWN"
	CellRequired    = "CELL-REQUIRED"
	CellNotFillable = "CELL-NOT-FILLABLE"
	CellType        = "CELL-TYPE"
	CellEnum        = "CELL-ENUM"
	CellRange       = "CELL-RANGE"
	CellTooLong     = "CELL-TOO-LONG"
	CellFormat      = "CELL-FORMAT"
	USCCInvalid     = "USCC-INVALID"
	USCCCheckDigit  = "USCC-CHECK-DIGIT"
	DuplicateValue  = "DUPLICATE-VALUE"
	DateAfterWindow = "DATE-AFTER-WINDOW"
	DateOutside     = "DATE-OUTSIDE-WINDOW"
	DateOrder       = "DATE-ORDER"
	TeamConflict    = "TEAM-STATUS-CONFLICT"
	VenueAreaSum    = "VENUE-AREA-SUM"

	// CellControlChar: a control character (C0 but tab, line feed and
	// carriage return; DEL; C1) in a cell, usually pasted in unseen.
	CellControlChar = "CELL-CONTROL-CHAR"
	// CellGlyphMissing: a character printed in the 申报书 that no font in
	// use has: it would print as a blank.
	CellGlyphMissing = "CELL-GLYPH-MISSING"
	// CellMerged: a merged range across data rows (one finding for the
	// range; its covered cells are not CELL-REQUIRED).
	CellMerged = "CELL-MERGED"
	// CellTextValue: a date or number held as text that reads, which the
	// 汇总 sheet's formulas do not count.
	CellTextValue = "CELL-TEXT-VALUE"

	AttachmentOutside    = "ATTACHMENT-OUTSIDE"
	AttachmentMissing    = "ATTACHMENT-MISSING"
	AttachmentNotPDF     = "ATTACHMENT-NOT-PDF"
	AttachmentTooLarge   = "ATTACHMENT-TOO-LARGE"
	AttachmentUnreadable = "ATTACHMENT-UNREADABLE"
	// AttachmentPageTooSmall: a page of the attachment is too small to
	// carry a legible version footer once bound (under A7).
	AttachmentPageTooSmall = "ATTACHMENT-PAGE-TOO-SMALL"

	// TemplateVersion: a workbook made from another version of the
	// template than this mkspace writes (its columns or options may differ).
	TemplateVersion = "TEMPLATE-VERSION"

	XrefTeamUnknown         = "XREF-TEAM-UNKNOWN"
	XrefTeamNotConverted    = "XREF-TEAM-NOT-CONVERTED"
	XrefRegdateMismatch     = "XREF-REGDATE-MISMATCH"
	XrefTeamMultiEnterprise = "XREF-TEAM-MULTI-ENTERPRISE"
	XrefTeamNoEnterprise    = "XREF-TEAM-NO-ENTERPRISE"

	// Findings of an intake: across the packages of one run, never of one
	// package (package intake).
	IntakeDupEnterprise = "INTAKE-DUP-ENTERPRISE"
	IntakeDupTeam       = "INTAKE-DUP-TEAM"
	IntakeDupPerson     = "INTAKE-DUP-PERSON"
	IntakeDupVenue      = "INTAKE-DUP-VENUE"
	IntakeDupFile       = "INTAKE-DUP-FILE"
	IntakeSameApplicant = "INTAKE-SAME-APPLICANT"

	// EligPrefix starts the id of every self-check warning: ELIG-<KEY>.
	EligPrefix = "ELIG-"
)

// DefaultSeverity returns the severity a rule has unless the config changes it.
func DefaultSeverity(rule string) Severity {
	switch rule {
	case SheetUnknown, ColumnUnknown, XrefTeamMultiEnterprise, XrefTeamNoEnterprise, CellGlyphMissing, TemplateVersion,
		CellTextValue:
		return Warning
	}
	if len(rule) > len(EligPrefix) && rule[:len(EligPrefix)] == EligPrefix {
		return Warning
	}
	return Error
}

// Rules lists every fixed rule id (ELIG-* ids depend on the config).
func Rules() []string {
	return []string{
		FileUnreadable, SheetMissing, SheetDuplicate, SheetUnknown, HeaderNotFound,
		ColumnMissing, ColumnDuplicate, ColumnUnknown,
		CellRequired, CellNotFillable, CellType, CellEnum, CellRange, CellTooLong, CellFormat,
		USCCInvalid, USCCCheckDigit, DuplicateValue,
		DateAfterWindow, DateOutside, DateOrder, TeamConflict, VenueAreaSum,
		AttachmentOutside, AttachmentMissing, AttachmentNotPDF, AttachmentTooLarge, AttachmentUnreadable,
		AttachmentPageTooSmall,
		XrefTeamUnknown, XrefTeamNotConverted, XrefRegdateMismatch, XrefTeamMultiEnterprise, XrefTeamNoEnterprise,
		CellControlChar, CellGlyphMissing, CellMerged, TemplateVersion, CellTextValue,
	}
}

// IntakeRules lists the rule ids of an intake's findings, in the order
// reports list them. They are not in Rules: no check of one package
// gives them.
func IntakeRules() []string {
	return []string{IntakeDupEnterprise, IntakeDupTeam, IntakeDupPerson, IntakeDupVenue, IntakeDupFile, IntakeSameApplicant}
}

// Finding is one problem, positioned as the user sees it in Excel.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file,omitempty"`  // path as given, relative to the package where possible
	Sheet    string   `json:"sheet,omitempty"` // sheet name
	Row      int      `json:"row,omitempty"`   // 1-based Excel row; 0 = the whole sheet or column
	Column   string   `json:"column,omitempty"`
	Cell     string   `json:"cell,omitempty"` // A1 reference, e.g. "H7"
	Value    string   `json:"value,omitempty"`
	Message  string   `json:"message"`
}

// Location is the Excel-style place of a finding: "创业团队!H7", "创业团队", or
// the file name when there is no sheet.
func (f *Finding) Location() string {
	switch {
	case f.Sheet != "" && f.Cell != "":
		return f.Sheet + "!" + f.Cell
	case f.Sheet != "":
		return f.Sheet
	}
	return f.File
}

// Counts returns the number of errors and warnings.
func Counts(fs []Finding) (errors, warnings int) {
	for i := range fs {
		if fs[i].Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Sort orders findings by file, sheet (in the given order, unknown sheets
// last), row and column position, then rule.
func Sort(fs []Finding, sheetOrder []string) {
	rank := make(map[string]int, len(sheetOrder))
	for i, s := range sheetOrder {
		rank[s] = i + 1
	}
	sheetRank := func(s string) int {
		if s == "" {
			return 0
		}
		if r, ok := rank[s]; ok {
			return r
		}
		return len(sheetOrder) + 1
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(sheetRank(a.Sheet), sheetRank(b.Sheet)),
			cmp.Compare(a.Sheet, b.Sheet),
			cmp.Compare(a.Row, b.Row),
			compareCells(a.Cell, b.Cell),
			cmp.Compare(a.Rule, b.Rule),
		)
	})
}

// compareCells orders A1 references by column (B before AA).
func compareCells(a, b string) int {
	la, lb := letters(a), letters(b)
	return cmp.Or(cmp.Compare(len(la), len(lb)), cmp.Compare(la, lb))
}

func letters(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	return ref[:i]
}
