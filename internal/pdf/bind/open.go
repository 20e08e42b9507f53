package bind

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/mkspace/mkspace/internal/safefile"
)

var (
	// ErrNeedsPassword: the PDF cannot be opened without a password (a
	// user or "open" password). A PDF restricted by an owner password
	// only opens without one and is bound as usual.
	ErrNeedsPassword = errors.New("the PDF needs a password to open")
	// ErrUnreadable: the PDF cannot be parsed.
	ErrUnreadable = errors.New("the PDF cannot be read")
	// ErrNoPages: the PDF has no pages.
	ErrNoPages = errors.New("the PDF has no pages")
)

// DocumentError is a document that cannot be bound. Err wraps
// ErrNeedsPassword, ErrUnreadable or ErrNoPages (or an error reading the
// file).
type DocumentError struct {
	// Path is the file as the caller named it ("" for the body).
	Path string
	Err  error
}

func (e *DocumentError) Error() string {
	if e.Path == "" {
		return "body of the document: " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *DocumentError) Unwrap() error { return e.Err }

// Page is the geometry of a page as stored: its visible box (the crop
// box, else the media box) in points, and its /Rotate (0, 90, 180, 270).
type Page struct {
	Width, Height float64
	Rotate        int
}

// Displayed returns the page's size as it is viewed and printed: width
// and height swapped when it is rotated by a quarter turn.
func (p Page) Displayed() (w, h float64) {
	if p.Rotate == 90 || p.Rotate == 270 {
		return p.Height, p.Width
	}
	return p.Width, p.Height
}

// Probe reads a PDF as Bind will and returns the geometry of each of its
// pages. Its errors are *DocumentError.
func Probe(path string) ([]Page, error) {
	ctx, err := readFile(path)
	if err != nil {
		return nil, err
	}
	leaves, err := pageLeaves(ctx)
	if err != nil {
		return nil, &DocumentError{Path: path, Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	out := make([]Page, len(leaves))
	for i, l := range leaves {
		g, err := geometryOf(ctx, l.dict)
		if err != nil {
			return nil, &DocumentError{Path: path, Err: fmt.Errorf("%w: page %d: %w", ErrUnreadable, i+1, err)}
		}
		out[i] = Page{Width: g.box.Width(), Height: g.box.Height(), Rotate: g.rotate}
	}
	return out, nil
}

// Normalize rewrites a PDF so that any PDF library can import it: without
// encryption (a PDF restricted by an owner password only), without object
// streams and cross-reference streams. A PDF that needs a password to
// open fails with ErrNeedsPassword.
func Normalize(r io.ReadSeeker, w io.Writer) error {
	ctx, err := readPDF(r)
	if err != nil {
		return err
	}
	ctx.WriteObjectStream = false
	ctx.WriteXRefStream = false
	return writeContext(ctx, w)
}

func readFile(path string) (*model.Context, error) {
	data, err := safefile.ReadFile(path, MaxPDFBytes)
	if err != nil {
		return nil, &DocumentError{Path: path, Err: err}
	}
	ctx, err := readPDF(bytes.NewReader(data))
	if err != nil {
		var de *DocumentError
		if errors.As(err, &de) {
			de.Path = path
		}
		return nil, err
	}
	return ctx, nil
}

// readPDF reads and validates a PDF, decrypted when it opens without a
// password. Errors are *DocumentError (with no Path).
func readPDF(r io.ReadSeeker) (ctx *model.Context, err error) {
	defer func() {
		// pdfcpu recovers its own faults only; a malformed file must never
		// crash the tool.
		if p := recover(); p != nil {
			ctx, err = nil, &DocumentError{Err: fmt.Errorf("%w: %v", ErrUnreadable, p)}
		}
	}()
	ctx, err = api.ReadContext(r, Config())
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, &DocumentError{Err: ErrNeedsPassword}
		}
		return nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, &DocumentError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err)}
	}
	if ctx.PageCount < 1 {
		return nil, &DocumentError{Err: ErrNoPages}
	}
	// Objects were decrypted as they were read; without the key and the
	// encryption dictionary the context is written (or merged) in clear.
	if ctx.Encrypt != nil {
		delete(ctx.Table, ctx.Encrypt.ObjectNumber.Value())
		size := 0
		for nr := range ctx.Table {
			size = max(size, nr+1)
		}
		*ctx.Size = size
	}
	ctx.EncKey = nil
	ctx.Encrypt = nil
	ctx.E = nil
	return ctx, nil
}

// writeContext writes ctx, recovering pdfcpu's panics.
func writeContext(ctx *model.Context, w io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write PDF: %v", p)
		}
	}()
	return api.WriteContext(ctx, w)
}
