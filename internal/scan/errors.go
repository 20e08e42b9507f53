// Package scan turns photographed or scanned attachments into PDFs a
// receiving office accepts: images (JPEG, PNG, TIFF) into A4 pages, and
// PDFs of scanned pages that are over the size limit into smaller ones
// with their images downsampled and re-encoded.
package scan

import (
	"errors"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

var (
	// ErrUnsupportedImage: the file is not a JPEG, PNG or TIFF image.
	ErrUnsupportedImage = errors.New("not a JPEG, PNG or TIFF image")
	// ErrCorruptImage: the image's data cannot be decoded (damaged or
	// cut short).
	ErrCorruptImage = errors.New("the image cannot be decoded")
	// ErrImageTooLarge: the image has more pixels than MaxPixels.
	ErrImageTooLarge = errors.New("the image has too many pixels")
	// ErrNoImages: ImagesToPDF was given no image.
	ErrNoImages = errors.New("no image to convert")
	// ErrNotScanned: the PDF's size is not in images, so downsampling
	// them cannot bring it under the limit.
	ErrNotScanned = errors.New("the size of the PDF is not in scanned images")
	// ErrIllegible: the PDF cannot be brought under the limit without
	// its images going below the minimum legible resolution.
	ErrIllegible = errors.New("the PDF cannot fit the limit at a legible resolution")
)

// ImageError is an image ImagesToPDF cannot use. Err wraps
// ErrUnsupportedImage, ErrCorruptImage or ErrImageTooLarge, or an error
// reading the file.
type ImageError struct {
	Path string
	Err  error
}

func (e *ImageError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *ImageError) Unwrap() error { return e.Err }

// MessageKey returns the key of the message catalogue (internal/msg,
// scan.go) that explains err to the user, "" when err is none of this
// package's errors nor a PDF that cannot be read. The messages take
// {file} and, for scan.illegible and scan.not-scanned, {size} (the
// file's size) and {limit} (the limit), and for scan.illegible {dpi}
// (Options.MinDPI, DefaultOptions().MinDPI when left zero); format sizes
// with msg.Bytes.
func MessageKey(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrUnsupportedImage):
		return "scan.image-unsupported"
	case errors.Is(err, ErrCorruptImage):
		return "scan.image-corrupt"
	case errors.Is(err, ErrImageTooLarge):
		return "scan.image-too-large"
	case errors.Is(err, ErrNotScanned):
		return "scan.not-scanned"
	case errors.Is(err, ErrIllegible):
		return "scan.illegible"
	case errors.Is(err, bind.ErrNeedsPassword):
		return "scan.pdf-password"
	case errors.Is(err, bind.ErrUnreadable), errors.Is(err, bind.ErrNoPages):
		return "scan.pdf-unreadable"
	}
	return ""
}
