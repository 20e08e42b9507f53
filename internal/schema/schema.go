// Package schema is the single description of every sheet of the fill-in
// workbook: sheet names, headers, keys, cell types, units, limits, option
// lists and the 不可填 conditions of the team and enterprise state tables.
//
// The template writer, the reader, the validator, the totals and the PDF all
// read this package, and address columns through the typed handles of
// handles.go (schema.Teams.Converted), never by key. Adding a column is its
// entry in sheets.go and its handle in handles.go.
package schema

import (
	"strings"
	"unicode"
)

// Type is the cell type of a column (SPEC §1 "Cell types").
type Type int

const (
	Text Type = iota
	Int
	Decimal
	Date
	YesNo
	Enum
	Attachment
	USCC
)

var typeNames = [...]string{"text", "int", "decimal", "date", "yesno", "enum", "attachment", "uscc"}

func (t Type) String() string { return typeNames[t] }

// Unit is the unit of a decimal column; the reader accepts it as a suffix.
type Unit int

const (
	NoUnit Unit = iota
	SquareMetre
	TenThousandYuan
)

// Suffixes lists the unit texts a decimal cell may end with.
func (u Unit) Suffixes() []string {
	switch u {
	case SquareMetre:
		return []string{"平方米", "㎡", "m²", "m2", "M2"}
	case TenThousandYuan:
		return []string{"万元", "万"}
	}
	return nil
}

// Label is how the unit is written in notes and the PDF.
func (u Unit) Label() string {
	switch u {
	case SquareMetre:
		return "平方米"
	case TenThousandYuan:
		return "万元"
	}
	return ""
}

// Format is an extra shape check of a text column.
type Format int

const (
	NoFormat Format = iota
	Phone
	Email
	URL
)

// DateRule ties a date column to the reporting window.
type DateRule int

const (
	NoDateRule DateRule = iota
	// NotAfterWindowEnd: the date is ≤ the window end (DATE-AFTER-WINDOW).
	NotAfterWindowEnd
	// InsideWindow: start ≤ date ≤ end (DATE-OUTSIDE-WINDOW).
	InsideWindow
)

// Limit is a numeric bound, written as a decimal string so that no binary
// float enters the description.
type Limit struct {
	Value     string
	Exclusive bool
}

// Column describes one column of a table sheet, or one field row of a form
// sheet (基础信息, 文字材料).
type Column struct {
	Key      string
	Header   string // as SPEC spells it; the template writes it, the reader matches it
	HeaderEN string
	Aliases  []string // other accepted header texts
	Type     Type
	Unit     Unit
	Required bool // always required (conditions may require it in some states only)
	MaxLen   int  // characters (runes); 0 = no limit
	Min, Max *Limit
	Options  string // option-list name (see Lists) for Enum columns
	Format   Format
	Unique   bool
	Dates    DateRule
	// NotBefore lists date keys of the same row; the date must not precede the
	// first of them that holds a value (DATE-ORDER).
	NotBefore []string
	// NotBeforeCols are the NotBefore columns, resolved at start-up.
	NotBeforeCols []Col
	Width         float64 // template column width, in Excel character units
	Hint          string  // an extra line for the header note, Chinese
	HintEN        string
}

// Match is one condition on a yes/no column of the same row.
type Match struct {
	Key   string
	Value bool
	Col   Col // the column of Key, resolved at start-up
}

// Condition is a row state of a table: when every Match holds, the Require
// columns must be filled and the Forbid columns must stay empty (不可填项目).
type Condition struct {
	When    []Match
	Label   string // Chinese, as it reads in a message: "已转化为企业的创业团队"
	LabelEN string
	Require []string
	Forbid  []string
	// RequireCols and ForbidCols are the columns of Require and Forbid,
	// resolved at start-up.
	RequireCols, ForbidCols []Col
}

// Conflict is a combination of yes/no values no row may have.
type Conflict struct {
	When []Match
	Rule string // rule id, e.g. TEAM-STATUS-CONFLICT
	At   string // key of the column the finding is reported on
	// AtCol is the column of At, resolved at start-up.
	AtCol Col
}

// Kind tells table sheets (one record per row) from form sheets (one field
// per row: column A the field name, column B the value).
type Kind int

const (
	Table Kind = iota
	Form
)

// Sheet describes one data sheet.
type Sheet struct {
	Name   string // sheet name in the workbook
	NameEN string
	Key    string // machine key, e.g. "teams"
	Title  string // the table's title in the online form
	// Short names the table in the 附件 labels and index of the 申报书
	// (累计入驻企业); "" means Name.
	Short string
	// Naming is the key of the column whose value names a row to a
	// reader (团队名称, 企业名称, 姓名 …); "" for a form sheet.
	Naming      string
	Kind        Kind
	FormHeaders [2]string // for Form sheets: the header of column A and B
	Columns     []Column  // for Form sheets: the fields, in order
	Conditions  []Condition
	Conflicts   []Conflict
}

// Label is the table's name in the 附件 labels and index (Short, or Name).
func (s *Sheet) Label() string {
	if s.Short != "" {
		return s.Short
	}
	return s.Name
}

// NameCol returns the handle of the column that names a row (Naming);
// false for a form sheet.
func (s *Sheet) NameCol() (Col, bool) {
	if s.Naming == "" {
		return Col{}, false
	}
	return s.Lookup(s.Naming)
}

// Column returns the column with key, or nil.
func (s *Sheet) Column(key string) *Column {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return &s.Columns[i]
		}
	}
	return nil
}

// ColumnIndex returns the index of the column with key, or -1.
func (s *Sheet) ColumnIndex(key string) int {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return i
		}
	}
	return -1
}

// Sheets returns every data sheet, in the order of the online form.
func Sheets() []*Sheet { return sheets }

// ByName returns the data sheet called name (after trimming), or nil.
func ByName(name string) *Sheet {
	name = strings.TrimFunc(name, unicode.IsSpace)
	for _, s := range sheets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// ByKey returns the data sheet with key, or nil.
func ByKey(key string) *Sheet {
	for _, s := range sheets {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// Sheets produced by the template that are not validated.
const (
	InstructionsSheet = "填报说明"
	SummarySheet      = "汇总"
	ListsSheet        = "选项" // hidden sheet holding dropdown lists
	// ResultsSheet is the first sheet of a marked-up copy of a workbook
	// (validate --annotate): the list of its problems.
	ResultsSheet = "检查结果"
)

// IsAuxiliary reports whether name is a sheet the template writes for the
// filler's convenience only.
func IsAuxiliary(name string) bool {
	name = strings.TrimFunc(name, unicode.IsSpace)
	return name == InstructionsSheet || name == SummarySheet || name == ListsSheet || name == ResultsSheet
}

// NormalizeHeader folds a header text for matching (SPEC §1): white space of
// every kind removed, full-width ASCII folded to half-width, a leading or
// trailing '*' dropped.
func NormalizeHeader(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			continue
		}
		b.WriteRune(FoldWidth(r))
	}
	out := b.String()
	out = strings.TrimLeft(out, "*")
	out = strings.TrimRight(out, "*")
	return out
}

// FoldWidth maps a full-width ASCII character (U+FF01–U+FF5E) to its
// half-width form and the ideographic space to a space.
func FoldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	return r
}

// FoldString applies FoldWidth to every character of s.
func FoldString(s string) string {
	return strings.Map(FoldWidth, s)
}

// MatchHeader returns the index of the column whose header (or alias) equals
// the normalised text h, or -1.
func (s *Sheet) MatchHeader(h string) int {
	n := NormalizeHeader(h)
	if n == "" {
		return -1
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		if NormalizeHeader(c.Header) == n {
			return i
		}
		for _, a := range c.Aliases {
			if NormalizeHeader(a) == n {
				return i
			}
		}
	}
	return -1
}

// Conditional reports whether a column's requirement depends on the row
// state (it appears in some condition's Require or Forbid list).
func (s *Sheet) Conditional(key string) bool {
	for _, c := range s.Conditions {
		for _, k := range c.Require {
			if k == key {
				return true
			}
		}
		for _, k := range c.Forbid {
			if k == key {
				return true
			}
		}
	}
	return false
}
