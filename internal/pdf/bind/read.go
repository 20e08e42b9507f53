package bind

import (
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Read reads and validates a PDF as the binding does: decrypted when it
// opens without a password, a malformed file an error rather than a
// crash. Its errors are *DocumentError (with no Path), wrapping
// ErrNeedsPassword, ErrUnreadable or ErrNoPages.
func Read(r io.ReadSeeker) (*model.Context, error) { return readPDF(r) }

// Write writes ctx with Config's settings, recovering pdfcpu's panics.
func Write(ctx *model.Context, w io.Writer) error { return writeContext(ctx, w) }
