package scan

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/image/tiff"

	"github.com/mkspace/mkspace/internal/safefile"
)

// A4 in points, and the margin around an image on the page (10 mm).
const (
	a4Short = 595.28
	a4Long  = 841.89
	margin  = 28.35
)

// MaxImageBytes bounds an image file ImagesToPDF reads; MaxPixels bounds
// its decoded size (a 300 dpi A3 scan is 17.4 million pixels, a 200
// megapixel phone photo 200 million).
const (
	MaxImageBytes = 256 << 20
	MaxPixels     = 250_000_000
)

// IsImageName reports whether a file name has the extension of an image
// ImagesToPDF converts (.jpg, .jpeg, .png, .tif, .tiff, in any case).
// ImagesToPDF itself goes by the file's content, not its name.
func IsImageName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".tif", ".tiff":
		return true
	}
	return false
}

// ImagesToPDF writes a PDF of one A4 page per image (JPEG, PNG or TIFF)
// to w. Each page is portrait or landscape by the shape of its image as
// displayed (its orientation honoured: EXIF in a JPEG or a PNG's eXIf
// chunk, the TIFF tag) and holds the image
// fitted into it, centred, with a 10 mm margin. A JPEG is embedded as it
// is (no loss; a CMYK JPEG is converted to RGB); PNG and TIFF pixels are
// compressed without loss, transparency flattened on white, 16-bit
// samples reduced to 8. A multi-page TIFF gives its first page.
//
// Every image is read and checked before anything is written: on error
// (an *ImageError, ErrNoImages, or ctx's error) nothing is written to w.
func ImagesToPDF(ctx context.Context, images []string, w io.Writer) error {
	if len(images) == 0 {
		return ErrNoImages
	}
	var doc pdfWriter
	doc.start()
	for _, path := range images {
		if err := ctx.Err(); err != nil {
			return err
		}
		im, err := loadImage(path)
		if err != nil {
			return &ImageError{Path: path, Err: err}
		}
		doc.page(im)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := w.Write(doc.finish())
	return err
}

// pageImage is an image ready to embed: its encoded samples, their
// filter and colour space, and the orientation to display it with.
type pageImage struct {
	w, h        int
	data        []byte
	filter      string // DCTDecode or FlateDecode
	colorSpace  string // DeviceRGB or DeviceGray
	orientation Orientation
}

func loadImage(path string) (*pageImage, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, err
	}
	data, err := safefile.ReadAll(f, MaxImageBytes)
	_ = f.Close()
	if err != nil {
		return nil, err
	}
	return decodeImage(data)
}

// decodeImage decodes and checks a whole image file and prepares it.
func decodeImage(data []byte) (*pageImage, error) {
	var decode func(io.Reader) (image.Image, error)
	var config func(io.Reader) (image.Config, error)
	orientation := Orientation(1)
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		decode, config = jpeg.Decode, jpeg.DecodeConfig
		orientation = jpegOrientation(data)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		decode, config = png.Decode, png.DecodeConfig
		orientation = pngOrientation(data)
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		decode, config = tiff.Decode, tiff.DecodeConfig
		orientation = tiffOrientation(data)
	default:
		return nil, ErrUnsupportedImage
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptImage, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 {
		return nil, ErrCorruptImage
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("%w: %d × %d", ErrImageTooLarge, cfg.Width, cfg.Height)
	}
	img, err := safeDecode(decode, data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptImage, err)
	}
	b := img.Bounds()
	pi := &pageImage{w: b.Dx(), h: b.Dy(), orientation: orientation}
	if bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		switch img.(type) {
		case *image.YCbCr:
			// A JPEG every PDF reader decodes as it is.
			pi.data, pi.filter, pi.colorSpace = data, "DCTDecode", "DeviceRGB"
			return pi, nil
		case *image.Gray:
			pi.data, pi.filter, pi.colorSpace = data, "DCTDecode", "DeviceGray"
			return pi, nil
		}
	}
	if _, ok := img.(*image.CMYK); ok {
		// CMYK JPEGs differ in how readers interpret them (Adobe's
		// inverted samples); RGB reads the same everywhere.
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
			return nil, err
		}
		pi.data, pi.filter, pi.colorSpace = buf.Bytes(), "DCTDecode", "DeviceRGB"
		return pi, nil
	}
	samples, gray := flatten(img)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(samples); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	pi.data, pi.filter, pi.colorSpace = z.Bytes(), "FlateDecode", "DeviceRGB"
	if gray {
		pi.colorSpace = "DeviceGray"
	}
	return pi, nil
}

// safeDecode runs an image decoder, turning a panic of the decoder on a
// crafted file into an error.
func safeDecode(decode func(io.Reader) (image.Image, error), data []byte) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, errors.New("decoder failure")
		}
	}()
	return decode(bytes.NewReader(data))
}

// flatten returns img's samples as 8-bit gray or RGB rows, transparency
// composed on white.
func flatten(img image.Image) ([]byte, bool) {
	b := img.Bounds()
	opaque := true
	if o, ok := img.(interface{ Opaque() bool }); ok {
		opaque = o.Opaque()
	}
	switch img.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(g, g.Bounds(), img, b.Min, draw.Src)
		return g.Pix, true
	}
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	if !opaque {
		draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
		draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Over)
	} else {
		draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	}
	out := make([]byte, 0, b.Dx()*b.Dy()*3)
	for i := 0; i < len(rgba.Pix); i += 4 {
		out = append(out, rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2])
	}
	return out, false
}

// placement returns the page size and the matrix that draws an image of
// w × h stored pixels, displayed with orientation o, fitted into the
// page with the margin.
func placement(w, h int, o Orientation) (pw, ph float64, m [6]float64) {
	dw, dh := float64(w), float64(h)
	if o.swapsSides() {
		dw, dh = dh, dw
	}
	pw, ph = a4Short, a4Long
	if dw > dh {
		pw, ph = a4Long, a4Short
	}
	s := min((pw-2*margin)/dw, (ph-2*margin)/dh)
	bw, bh := dw*s, dh*s
	bx, by := (pw-bw)/2, (ph-bh)/2
	// The displayed position (Xn, Yn, from the top left, 0…1) of the
	// image space point (u, v) (from the bottom left) is affine:
	// Xn = a1 u + b1 v + c1, Yn = a2 u + b2 v + c2.
	t := [9][6]float64{
		1: {1, 0, 0, 0, -1, 1},
		2: {-1, 0, 1, 0, -1, 1},
		3: {-1, 0, 1, 0, 1, 0},
		4: {1, 0, 0, 0, 1, 0},
		5: {0, -1, 1, 1, 0, 0},
		6: {0, 1, 0, 1, 0, 0},
		7: {0, 1, 0, -1, 0, 1},
		8: {0, -1, 1, -1, 0, 1},
	}
	if o < 1 || o > 8 {
		o = 1
	}
	c := t[o]
	m = [6]float64{bw * c[0], -bh * c[3], bw * c[1], -bh * c[4], bx + bw*c[2], by + bh - bh*c[5]}
	return pw, ph, m
}

// pdfWriter writes a PDF of image pages in memory.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // by object number - 1
	kids    []int
}

func (p *pdfWriter) start() {
	p.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	// 1: catalog, 2: page tree, written at the end with the kids.
	p.offsets = []int{0, 0}
}

func (p *pdfWriter) object(body func(b *bytes.Buffer)) int {
	p.offsets = append(p.offsets, p.buf.Len())
	n := len(p.offsets)
	p.buf.WriteString(strconv.Itoa(n) + " 0 obj\n")
	body(&p.buf)
	p.buf.WriteString("\nendobj\n")
	return n
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func (p *pdfWriter) page(im *pageImage) {
	pw, ph, m := placement(im.w, im.h, im.orientation)
	img := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8 /Filter /%s /Length %d >>\nstream\n",
			im.w, im.h, im.colorSpace, im.filter, len(im.data))
		b.Write(im.data)
		b.WriteString("\nendstream")
	})
	content := "q " + num(m[0]) + " " + num(m[1]) + " " + num(m[2]) + " " + num(m[3]) + " " + num(m[4]) + " " + num(m[5]) + " cm /Im0 Do Q\n"
	cs := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
	})
	pg := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			num(pw), num(ph), img, cs)
	})
	p.kids = append(p.kids, pg)
}

func (p *pdfWriter) finish() []byte {
	p.offsets[0] = p.buf.Len()
	p.buf.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	p.offsets[1] = p.buf.Len()
	p.buf.WriteString("2 0 obj\n<< /Type /Pages /Kids [")
	for i, k := range p.kids {
		if i > 0 {
			p.buf.WriteByte(' ')
		}
		p.buf.WriteString(strconv.Itoa(k) + " 0 R")
	}
	fmt.Fprintf(&p.buf, "] /Count %d >>\nendobj\n", len(p.kids))
	xref := p.buf.Len()
	fmt.Fprintf(&p.buf, "xref\n0 %d\n0000000000 65535 f \n", len(p.offsets)+1)
	for _, off := range p.offsets {
		fmt.Fprintf(&p.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&p.buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(p.offsets)+1, xref)
	return p.buf.Bytes()
}
