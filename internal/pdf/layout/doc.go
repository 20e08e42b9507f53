// Package layout sets documents as PDF: the 申报书 and the commitment
// letter alike. A document is blocks — forms of labels and values, bordered
// tables, paragraphs, fields on underlines to fill in or sign, spaces and
// notices — set on A4 pages, portrait, or landscape for wide tables; the
// 申报书 adds a cover, the contents with page numbers, a running header and
// the pages of the documents bound into it.
//
// The layout is computed first, as drawing operations per page, then
// painted: page numbers are known before the contents are drawn. Text is
// measured with the fonts of package font (a character the first font
// lacks is set in the first fallback that has it) and broken by the rules
// of Chinese typesetting (Wrap). Its input is neutral: every value arrives
// as the text to print, already formatted (dates, money, ratios), so the
// package knows nothing of workbooks or rules. The Chinese is real text in
// an embedded subset of a TrueType font, so pdftotext gives it back.
//
// Render writes only the pages it sets. Other documents are bound in later,
// by the caller: e.g. the signed commitment letter right after the contents
// (Input.Front) and the attachments at the end (Input.Attachments). Render
// reserves their pages: the contents and the Layout's bookmarks already
// count them, and Layout.Slots says where each one goes. The bottom
// FooterZone of every page is left empty for the footer that is stamped on
// every page of the bound document.
package layout

import (
	"time"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// Input is a document, in order: its cover, its contents, the documents
// bound in front, its sections, and the attachments bound at the end.
// Every part may be left out: the commitment letter is one section of
// untitled blocks.
type Input struct {
	// Info is the PDF's document information.
	Info Info
	// Margins are those of the portrait pages; the zero value means the
	// 申报书's (20 mm left and right, 22 mm top and bottom).
	Margins Margins
	// Header is the running header, on every page but the cover; the zero
	// value means none.
	Header Header
	// Cover are the blocks of the first page, set without the running
	// header (for the 申报书: its title, the draft mark, the fields on
	// underlines and the box for the stamp); nil means no cover.
	Cover []Block
	// Contents adds the contents (目录) after the cover, with the page of
	// every section, titled block and bound document, and the PDF's
	// outline.
	Contents bool
	// Front are documents bound right after the contents, before the
	// first section (the signed 承诺书). Each is a top-level entry of the
	// contents and the bookmarks; its pages are reserved, not written.
	Front []AttachmentRef
	// Sections, in order (一、基础信息 … 八、发展思路、目标及措施). Each
	// starts on a new page.
	Sections []Section
	// Attachments are bound after the last section, under the heading
	// 附件 (a list of them is written on a page of its own). Each is an
	// entry of the contents and a bookmark; its pages are reserved.
	Attachments []AttachmentRef
	// Fonts set the text: each character in the first font that has it
	// (pdf.font names several fonts: e.g. one for the rare ideographs of
	// CJK Extension B), so a line switches fonts where needed. None means
	// the shipped font.
	Fonts font.Chain
}

// Info is the document information of the PDF.
type Info struct {
	Title, Subject, Author string
	// Creator is recorded as the PDF's creator and producer, e.g.
	// "mkspace 0.1.0".
	Creator string
	// Created is the creation date; zero for none.
	Created time.Time
}

// Margins of a page, in points.
type Margins struct{ Top, Right, Bottom, Left float64 }

// Header is the running header: Left (the document's title) at the left
// margin, Right (the space's name) at the right one, shortened with an
// ellipsis to the room Left leaves.
type Header struct{ Left, Right string }

// Section is a numbered part of the document: a heading and its blocks.
// A section without a title has no heading and is no entry of the
// contents.
type Section struct {
	Title  string // 一、基础信息
	Blocks []Block
}

// Block is one of KeyValues, Table, Paragraphs, Fields, Space or Notice
// (pointer or value). Two blocks are set 14 points apart, unless either is
// a Space.
type Block interface{ block() }

// KeyValues is a bordered form of labels and values, as the online form
// shows the basic information and the totals of a section.
type KeyValues struct {
	// Title is printed above the form and listed in the contents; "" for
	// none.
	Title string
	// Items are (label, value) pairs. A value that is a number (digits,
	// separators, a sign, an optional unit such as % or 万元) is right-
	// aligned.
	Items [][2]string
	// PerRow is the number of pairs set side by side on one row; 0 means 1.
	PerRow int
	// LabelShare is the share of a pair's width given to its label,
	// between 0.1 and 0.9; 0 chooses one: 0.7 when every value is a
	// number, else 0.32.
	LabelShare float64
}

// Table is a bordered table whose header row repeats on every page it
// spans. Text wraps inside its cells; a row is never split across pages
// unless it is taller than a page.
type Table struct {
	// Title is printed above the table (and again, marked （续）, on every
	// further page it spans) and listed in the contents; "" for none.
	Title string
	// Subtitle is a line printed below the title in smaller type (the
	// period the table covers); it is not listed in the contents.
	Subtitle string
	Columns  []Column
	// Rows hold the text of each cell; a row shorter than Columns leaves
	// the rest blank, a longer one is an error. A table without rows
	// shows one row reading 无.
	Rows [][]string
	// Totals are (label, value) pairs set as a form right below the
	// table; nil for none.
	Totals [][2]string
	// Landscape sets the table on landscape A4 pages.
	Landscape bool
}

// Column is a column of a Table. The widths of the columns follow their
// content, as an HTML table's automatic layout does: each column gets at
// least its least width (its widest unbreakable piece, a short value such
// as a date, a code or 附件 12 whole, its header in at most four lines
// without a character alone on a line), and the room left is shared in
// proportion to how much more each column would take to set its text on
// one line.
type Column struct {
	// Header is the column's heading. It breaks only at its explicit
	// break points (U+200B ZERO WIDTH SPACE, not printed) when it has
	// them, else between any two characters; never leaving one character
	// alone on a line when the column is wide enough for better.
	Header string
	// Group is the heading of a header cell set above this column's and
	// spanning the neighbouring columns of the same Group (其中（平方米）
	// over four areas); the other columns' headers span both header rows.
	Group string
	// Width shares out the room left when every column has its text on
	// one line, relative to the other columns' (0 counts as 1).
	Width float64
	Align Align
}

// Align is the horizontal alignment of text.
type Align int

const (
	Left Align = iota
	Right
	Center
	// Justify stretches every line but a paragraph's last to the full
	// width (两端对齐), as Chinese text is usually set; in a table, Left.
	Justify
)

// Paragraphs is text: every line of Text is a paragraph. Empty lines are
// dropped.
type Paragraphs struct {
	// Title is a subheading above the text, listed in the contents; "" for
	// none.
	Title string
	Text  string
	// Style sets the text; the zero value is narrative text: 小四 (12
	// points), lines 1.6 high, the first line of each paragraph indented
	// by two characters, justified.
	Style Style
}

// Style is how Paragraphs are set.
type Style struct {
	Size    float64 // points
	Leading float64 // line height, × Size; 0 means 1.6
	Indent  float64 // of the first line of each paragraph, in characters (em)
	Align   Align
	// Bold sets the text filled and stroked (the look of a bold face),
	// as titles are set; justified lines are not.
	Bold bool
}

// Fields are labels with their values on underlines, one field under the
// other, as a cover or a form to sign shows them: each label right-aligned
// before its value; a value too long for its line shrinks, then wraps. An
// empty value is a line left to write on.
type Fields struct {
	Items []Field
	// Size of the labels and values, in points; 0 means 15.
	Size float64
	// MinSize is the least size a long value shrinks to before it wraps;
	// 0 means Size.
	MinSize float64
	// Leading is the height of a line, × Size; 0 means 1.7.
	Leading float64
	// Gap is the space after each field, in points.
	Gap float64
	// Width is the width of the values' column, at the right margin; 0
	// means from the widest label to the right margin (or to the stamp
	// box).
	Width float64
	// Align is the alignment of the values on their lines.
	Align Align
	// Stamp, when not nil, draws a box for a seal beside one field.
	Stamp *Stamp
}

// Field is a label and its value.
type Field struct {
	Label, Value string
	// Blank underlines the value's lines, to write on.
	Blank bool
}

// Stamp is a dashed box for a seal (about 42 mm square), at the right
// margin, centred on the lines of field Field, with Label (（盖章）) at its
// foot.
type Stamp struct {
	Field int
	Label string
}

// Space moves down by Height points, and to at least Top points from the
// top of the page (a place on a cover). A Space of nothing sets the blocks
// around it without the gap between blocks.
type Space struct{ Height, Top float64 }

// Notice is a line of red text in a red frame, centred: the draft mark.
type Notice struct{ Text string }

func (KeyValues) block()  {}
func (Table) block()      {}
func (Paragraphs) block() {}
func (Fields) block()     {}
func (Space) block()      {}
func (Notice) block()     {}

// AttachmentRef is a document bound in later whose pages are reserved.
type AttachmentRef struct {
	// Title names it in the contents and the bookmarks, e.g.
	// 附件 45  累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议
	Title string
	// Label is its number as the tables cite it (附件 45), the first cell
	// of its line in the 附件 index; "" means 附件 and its position.
	Label string
	// Cells are the next cells of that line: 所属表, 名称, 材料 (a cell
	// may hold several lines). Nil puts Title in the 名称 cell.
	Cells []string
	// Pages is its number of pages, at least 1.
	Pages int
}

// Layout is where things ended up. Page numbers are those of the bound
// document (the cover is page 1; reserved pages count).
type Layout struct {
	// Pages is the number of pages Render wrote.
	Pages int
	// Landscape tells, for each page Render wrote, whether it is
	// landscape A4 (else portrait).
	Landscape []bool
	// TotalPages is the number of pages of the bound document: Pages plus
	// the reserved pages of Front and Attachments.
	TotalPages int
	// Slots say where the documents of Front and Attachments are bound, in
	// order.
	Slots []Slot
	// Bookmarks are the entries of the outline and the contents, in order:
	// 目录 (with Contents), each of Front, each titled section (level 1)
	// with its titled blocks (level 2), 附件 (level 1) with each attachment
	// (level 2). The PDF
	// Render writes holds the level-1 entries of its own pages as its
	// outline; the binder builds the full outline from this list.
	Bookmarks []Bookmark
	// SectionPages is the first page of each titled section, by title.
	SectionPages map[string]int
	// Missing are the characters no font has a glyph for, printed as
	// blanks; empty when all is well.
	Missing []rune
}

// Slot is a reserved place for a bound document.
type Slot struct {
	Title string
	// After is the number of pages written by Render that come before it.
	After int
	// Page is its first page in the bound document, Pages its length.
	Page, Pages int
	// Attachment tells an attachment (true) from a document of Front.
	Attachment bool
}

// Bookmark is an entry of the outline.
type Bookmark struct {
	Title string
	Level int // 1 or 2
	Page  int // in the bound document
}

// FooterZone is the height at the bottom of every page, in points, that
// Render leaves empty for the stamped footer (15 mm).
const FooterZone = 15 * mm

// mm is a millimetre in points.
const mm = 72 / 25.4

// Written returns the number (from 1) of the page Render wrote that is
// page bound of the bound document, or 0 when that page is a reserved one
// (or out of range).
func (l *Layout) Written(bound int) int {
	if bound < 1 || bound > l.TotalPages {
		return 0
	}
	w := bound
	for _, s := range l.Slots {
		switch {
		case bound >= s.Page && bound < s.Page+s.Pages:
			return 0
		case bound >= s.Page+s.Pages:
			w -= s.Pages
		}
	}
	return w
}
