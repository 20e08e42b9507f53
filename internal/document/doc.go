// Package document sets the body of the 申报书 as a PDF: the cover (with a
// box for the operator's stamp), the contents with page numbers, and the
// sections — forms of labels and values, bordered tables and narrative
// paragraphs — on A4 pages, portrait, or landscape for wide tables.
//
// Its input is neutral: every value arrives as the text to print, already
// formatted (dates, money, ratios), so the package knows nothing of
// workbooks or rules. The Chinese is real text in an embedded subset of a
// TrueType CJK font, so pdftotext gives it back.
//
// Render writes only the pages it sets. Other documents are bound in later,
// by the caller: the signed commitment letter right after the contents
// (Input.Front) and the attachments at the end (Input.Attachments). Render
// reserves their pages: the contents and the Layout's bookmarks already
// count them, and Layout.Slots says where each one goes. The bottom
// FooterZone of every page is left empty for the footer that is stamped on
// every page of the bound document.
package document

import (
	"time"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// Input is what the document shows, in order.
type Input struct {
	// Title is the document's title, e.g. 国家备案众创空间申报书.
	Title string
	// SpaceName, Operator and Agency are the 众创空间名称, 运营主体 and
	// 受理机构 printed on the cover.
	SpaceName, Operator, Agency string
	// GeneratedAt is printed on the cover as the date of generation and
	// recorded as the PDF's creation date.
	GeneratedAt time.Time
	// Version is the 版本号 printed on the cover.
	Version string
	// Draft marks the cover 草稿 — 不可用于申报.
	Draft bool
	// Creator is recorded as the PDF's creator and producer, e.g.
	// "mkspace 0.1.0".
	Creator string
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

// Section is a numbered part of the document: a heading and its blocks.
type Section struct {
	Title  string // 一、基础信息
	Blocks []Block
}

// Block is one of KeyValues, Table or Paragraphs (pointer or value).
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
	Title   string
	Columns []Column
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

// Column is a column of a Table.
type Column struct {
	Header string
	// Width is relative to the other columns' (0 counts as 1).
	Width float64
	Align Align
}

// Align is the horizontal alignment of the text in a column.
type Align int

const (
	Left Align = iota
	Right
	Center
)

// Paragraphs is narrative text: every line of Text is a paragraph, set
// with a first-line indent of two characters, justified.
type Paragraphs struct {
	// Title is a subheading above the text, listed in the contents; "" for
	// none.
	Title string
	Text  string
}

func (KeyValues) block()  {}
func (Table) block()      {}
func (Paragraphs) block() {}

// AttachmentRef is a document bound in later whose pages are reserved.
type AttachmentRef struct {
	// Title names it in the contents and the bookmarks, e.g.
	// 入驻企业 第 5 行 营业执照：attachments/x.pdf
	Title string
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
	// 目录, each of Front, each section (level 1) with its titled blocks
	// (level 2), 附件 (level 1) with each attachment (level 2). The PDF
	// Render writes holds the level-1 entries of its own pages as its
	// outline; the binder builds the full outline from this list.
	Bookmarks []Bookmark
	// SectionPages is the first page of each section, by title.
	SectionPages map[string]int
	// Missing are the characters the font has no glyph for, printed as
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
