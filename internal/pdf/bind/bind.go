// Package bind binds the 申报书: it merges the body (the PDF that
// internal/pdf/layout sets) with the documents bound into it (the signed
// 承诺书, the attachments), adds the outline, stamps every page with the
// version number — a diagonal watermark and the footer
// 版本号：<version>  第 N 页 共 M 页 — and records the version, the time
// of generation and the package digest in the document information. It
// also reads a bound PDF back for `mkspace verify` (Inspect), makes and
// reads the version numbers (NewVersion, ParseVersion), and holds the one
// pdfcpu configuration of mkspace (Config).
//
// Everything is done with pdfcpu, in memory. Pages of bound documents
// are framed (frame.go): each becomes an A4 page in its orientation as
// viewed, its content scaled (never enlarged) between a header band that
// carries the document's label and the footer's band, so that nothing
// stamped covers it. The stamp is drawn the right way up on every page as
// viewed. pdfcpu's configuration is built in
// memory (it never reads or writes ~/.config/pdfcpu) and the font of the
// stamp is subset and embedded from memory (see embedFont).
package bind

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/font"
)

// Input is what Bind binds.
type Input struct {
	// Body is the PDF of the document's own pages (layout.Render).
	Body []byte
	// Documents are bound into the body, in this order: each after the
	// body's page After. Bind binds each entry; the caller lists a file
	// named by several cells once.
	Documents []Document
	// Outline is the whole outline of the bound document, pages counted
	// in the bound document (document.Layout.Bookmarks). Nil keeps the
	// body's own outline (moved to the bound pages) and adds a top-level
	// entry for every document, titled by its Title.
	Outline []Bookmark
	// Version is the version number stamped on every page
	// (NewVersion or NewDraftVersion).
	Version string
	// Draft adds DraftMark to the watermark and the footer.
	Draft bool
	Meta  Meta
	// Font is the font of the stamp (the first of pdf.font); nil means
	// the shipped font.
	Font *font.Font
}

// Document is a PDF bound into the body.
type Document struct {
	// Path is the file.
	Path string
	// Title names it in the outline (when Input.Outline is nil), e.g.
	// 入驻企业 第 5 行 营业执照：附件/x.pdf.
	Title string
	// After is the number of the body's pages that come before it (the
	// Layout's Slot.After); documents with the same After follow each
	// other in the order given.
	After int
	// Label is printed in the header band of its first page (附件 45
	// 累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议); "" leaves the band
	// empty. Every page of a document is framed (see frame.go).
	Label string
	// Continued, when not nil, gives the label of its later pages: page
	// of pages (from 2); nil leaves their band empty.
	Continued func(page, pages int) string
}

// Result describes the bound document.
type Result struct {
	// Pages is its number of pages.
	Pages int
	// Starts holds the first page of each Document.
	Starts []int
	// Size is the number of bytes written.
	Size int64
}

// Bind binds in and writes the PDF to w. Its errors are a *DocumentError
// (a document that cannot be bound), a *GlyphError (the stamp's font
// lacks characters) or an *Error; Message says each in plain words.
func Bind(in Input, w io.Writer) (*Result, error) {
	pdf, res, err := bind(in)
	if err != nil {
		return nil, err
	}
	n, err := w.Write(pdf)
	res.Size = int64(n)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// BindFile binds in into the file path, atomically: the PDF is written to
// a temporary file in the same folder and renamed into place, so that
// path holds either its old content or the whole new PDF. An existing
// file is replaced: the caller decides whether it may be.
func BindFile(in Input, path string) (*Result, error) {
	pdf, res, err := bind(in)
	if err != nil {
		return nil, err
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}); err != nil {
		return nil, err
	}
	res.Size = int64(len(pdf))
	return res, nil
}

func bind(in Input) (pdf []byte, res *Result, err error) {
	if !CanonicalVersion(in.Version) {
		return nil, nil, faultf("%q is not a version number", in.Version)
	}
	ctx, err := readPDF(bytes.NewReader(in.Body))
	if err != nil {
		return nil, nil, err
	}
	if err := fixToUnicode(ctx); err != nil {
		return nil, nil, &Error{Err: err}
	}
	body, err := pageLeaves(ctx)
	if err != nil {
		return nil, nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	var outline []Bookmark
	if in.Outline == nil {
		outline = bodyOutline(ctx)
	}
	after := 0
	for _, d := range in.Documents {
		if d.After < after || d.After > len(body) {
			return nil, nil, faultf("%s comes after page %d of a body of %d pages, after a document placed after page %d", d.Path, d.After, len(body), after)
		}
		after = d.After
	}

	// Merge every document's objects and pages into ctx.
	counts := make([]int, len(in.Documents))
	for i, d := range in.Documents {
		src, err := readFile(d.Path)
		if err != nil {
			return nil, nil, err
		}
		leaves, err := pageLeaves(src)
		if err != nil {
			return nil, nil, &DocumentError{Path: d.Path, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
		}
		counts[i] = len(leaves)
		if err := merge(src, ctx, filepath.Base(d.Path)); err != nil {
			return nil, nil, &DocumentError{Path: d.Path, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
		}
	}

	// Put the pages in order: the body's, with each document after its
	// page.
	all, err := pageLeaves(ctx)
	if err != nil {
		return nil, nil, &Error{Err: err}
	}
	total := len(body)
	for _, c := range counts {
		total += c
	}
	if len(all) != total {
		return nil, nil, faultf("%d pages after merging, want %d", len(all), total)
	}
	ordered := make([]leaf, 0, total)
	frames := make([]*frameOf, 0, total) // nil for the body's pages
	starts := make([]int, len(in.Documents))
	next, bi := len(body), 0
	for i, d := range in.Documents {
		ordered = append(ordered, all[bi:d.After]...)
		frames = append(frames, make([]*frameOf, d.After-bi)...)
		bi = d.After
		starts[i] = len(ordered) + 1
		ordered = append(ordered, all[next:next+counts[i]]...)
		for j := range counts[i] {
			f := &frameOf{}
			switch {
			case j == 0:
				f.label = d.Label
			case d.Continued != nil:
				f.label = d.Continued(j+1, counts[i])
			}
			frames = append(frames, f)
		}
		next += counts[i]
	}
	ordered = append(ordered, all[bi:len(body)]...)
	if err := setPageOrder(ctx, ordered); err != nil {
		return nil, nil, &Error{Err: err}
	}

	if in.Outline != nil {
		outline = in.Outline
	} else {
		bodyPage := func(p int) int {
			n := p
			for i, d := range in.Documents {
				if d.After < p {
					n += counts[i]
				}
			}
			return n
		}
		outline = defaultOutline(outline, in.Documents, bodyPage, starts)
	}
	if err := addOutline(ctx, outline); err != nil {
		return nil, nil, &Error{Err: err}
	}

	f := in.Font
	if f == nil {
		f = font.Shipped()
	}
	name, release, err := stampFont(f)
	switch {
	case msg.IsOS(err): // its folder cannot be written
		return nil, nil, &Error{Font: true, Err: err}
	case err != nil: // a font that passed font.Chain.Check
		return nil, nil, faultf("install the stamp's font: %w", err)
	}
	defer release()
	if err := stampAll(ctx, f, name, in.Version, in.Draft, ordered, frames); err != nil {
		var ge *GlyphError
		if errors.As(err, &ge) {
			return nil, nil, ge
		}
		return nil, nil, faultf("stamp: %w", err)
	}
	if err := setInfo(ctx, in.Meta, in.Version, in.Draft); err != nil {
		return nil, nil, &Error{Err: err}
	}

	var buf bytes.Buffer
	if err := writeContext(ctx, &buf); err != nil {
		return nil, nil, &Error{Err: err}
	}
	pdf = buf.Bytes()
	setProducer(pdf)
	return pdf, &Result{Pages: total, Starts: starts}, nil
}

// merge appends the objects and pages of src to dest.
func merge(src, dest *model.Context, name string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	dest.Configuration.CreateBookmarks = false
	return pdfcpu.MergeXRefTables(name, src, dest, false, false)
}

// stampAll frames the pages of the bound documents (frames[i] not nil)
// and stamps every page.
func stampAll(ctx *model.Context, f *font.Font, name, version string, draft bool, pages []leaf, frames []*frameOf) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	s, err := newStamper(ctx, f, name, version, draft)
	if err != nil {
		return err
	}
	for i, p := range pages {
		if i < len(frames) && frames[i] != nil {
			if err := s.frame(p, *frames[i]); err != nil {
				return fmt.Errorf("page %d: frame: %w", i+1, err)
			}
		}
		if err := s.stampPage(p, i+1, len(pages)); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	return s.finish()
}

// WriteFileAtomic writes a file through a temporary file in its folder,
// renamed into place once complete and synced: readers of path see its
// old content or the whole new one, never a part.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, true, write)
}
