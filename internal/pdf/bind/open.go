package bind

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

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
// pages. Its errors are *DocumentError. The document read is kept for a
// Bind that follows (see probed).
func Probe(path string) ([]Page, error) {
	st, statErr := os.Stat(path) // before reading: a later change is seen
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
	if statErr == nil {
		keepProbed(path, st, ctx)
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

// probed keeps the documents Probe has read for the Bind that follows
// (a build probes every attachment for its page count, then binds it), so
// that each file is parsed once, not twice. Reading a file takes its
// document out if the file is unchanged since (same size and modification
// time): a document is merged once. At most probedMax bytes of files are
// kept; Cleanup forgets them.
var probed struct {
	sync.Mutex
	docs  map[string]probedDoc
	bytes int64
}

type probedDoc struct {
	size int64
	mod  time.Time
	ctx  *model.Context
}

const probedMax = 256 << 20

func keepProbed(path string, st os.FileInfo, ctx *model.Context) {
	probed.Lock()
	defer probed.Unlock()
	if probed.docs == nil {
		probed.docs = map[string]probedDoc{}
	}
	if old, ok := probed.docs[path]; ok {
		probed.bytes -= old.size
		delete(probed.docs, path)
	}
	if probed.bytes+st.Size() > probedMax {
		return
	}
	probed.docs[path] = probedDoc{size: st.Size(), mod: st.ModTime(), ctx: ctx}
	probed.bytes += st.Size()
}

// takeProbed returns the document Probe read from path if the file has
// not changed since, and forgets it.
func takeProbed(path string) *model.Context {
	probed.Lock()
	defer probed.Unlock()
	d, ok := probed.docs[path]
	if !ok {
		return nil
	}
	delete(probed.docs, path)
	probed.bytes -= d.size
	if st, err := os.Stat(path); err != nil || st.Size() != d.size || !st.ModTime().Equal(d.mod) {
		return nil
	}
	return d.ctx
}

// forgetProbed drops every document kept.
func forgetProbed() {
	probed.Lock()
	defer probed.Unlock()
	probed.docs, probed.bytes = nil, 0
}

func readFile(path string) (*model.Context, error) {
	if ctx := takeProbed(path); ctx != nil {
		return ctx, nil
	}
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
