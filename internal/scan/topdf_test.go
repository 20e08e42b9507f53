package scan

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/tiff"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

func TestJPEGOrientation(t *testing.T) {
	base := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)), 90)
	for o := Orientation(1); o <= 8; o++ {
		for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			assert.Equal(t, o, jpegOrientation(withEXIF(base, o, bo)), "orientation %d %v", o, bo)
		}
	}
	good := withEXIF(base, 6, binary.BigEndian)
	for name, data := range map[string][]byte{
		"none":           base,
		"empty":          nil,
		"not a jpeg":     []byte("GIF89a"),
		"segment cut":    good[:20],
		"value 9":        withEXIF(base, 9, binary.BigEndian),
		"bad tiff magic": bytes.Replace(good, []byte("MM\x00\x2a"), []byte("MM\x00\x2b"), 1),
		"huge length":    append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF}, good[6:40]...),
		"ifd off end":    bytes.Replace(good, []byte("MM\x00\x2a\x00\x00\x00\x08"), []byte("MM\x00\x2a\x7f\x00\x00\x08"), 1),
	} {
		assert.Equal(t, Orientation(1), jpegOrientation(data), name)
	}
}

// cmOf returns the placement matrix and the media box of page 1.
var (
	cmRE  = regexp.MustCompile(`q ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm`)
	boxRE = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)
)

func convert(t *testing.T, files map[string][]byte, order ...string) ([]byte, error) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range order {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, files[name], 0o644))
		paths = append(paths, p)
	}
	var out bytes.Buffer
	err := ImagesToPDF(context.Background(), paths, &out)
	return out.Bytes(), err
}

// TestImagesToPDFOrientation: a photo stored turned, with its EXIF
// orientation, gives an upright page: portrait or landscape by the
// displayed shape, the red quarter at the top left.
func TestImagesToPDFOrientation(t *testing.T) {
	for _, tc := range []struct {
		name      string
		W, H      int
		landscape bool
	}{
		{"portrait", 60, 90, false},
		{"landscape", 90, 60, true},
	} {
		disp := marked(tc.W, tc.H)
		for o := Orientation(1); o <= 8; o++ {
			jpg := withEXIF(encodeJPEG(t, stored(disp, o), 95), o, binary.LittleEndian)
			pdf, err := convert(t, map[string][]byte{"a.jpg": jpg}, "a.jpg")
			require.NoError(t, err)
			box := boxRE.FindSubmatch(pdf)
			require.NotNil(t, box)
			w, h := parseF(box[1]), parseF(box[2])
			assert.Equal(t, tc.landscape, w > h, "%s o=%d: page %v × %v", tc.name, o, w, h)

			// Where the stored image's corners land, by the matrix.
			m := cmRE.FindSubmatch(pdf)
			require.NotNil(t, m)
			var cm matrix
			for k := range cm {
				cm[k] = parseF(m[k+1])
			}
			// The stored image's red corner lands at the top left of
			// the placed box.
			st := stored(disp, o)
			sw, sh := st.Bounds().Dx(), st.Bounds().Dy()
			var redU, redV float64
			for _, c := range [][2]int{{0, 0}, {sw - 1, 0}, {0, sh - 1}, {sw - 1, sh - 1}} {
				if st.RGBAAt(c[0], c[1]) == red {
					redU, redV = float64(c[0])/float64(sw-1), 1-float64(c[1])/float64(sh-1)
				}
			}
			at := func(u, v float64) (float64, float64) { return cm[0]*u + cm[2]*v + cm[4], cm[1]*u + cm[3]*v + cm[5] }
			minX, maxY := 1e9, -1e9
			for _, c := range [][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				x, y := at(c[0], c[1])
				minX, maxY = min(minX, x), max(maxY, y)
			}
			rx, ry := at(redU, redV)
			assert.InDelta(t, minX, rx, 0.01, "%s o=%d: red corner x", tc.name, o)
			assert.InDelta(t, maxY, ry, 0.01, "%s o=%d: red corner y", tc.name, o)

			if o == 1 || o == 3 || o == 6 || o == 8 || testing.Verbose() {
				img := render(t, pdf, 30)
				checkUpright(t, img, tc.name, o)
			}
		}
	}
}

func parseF(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// checkUpright looks at the rendered page: the content's top-left
// quarter is red, its bottom-right quarter blue.
func checkUpright(t *testing.T, img image.Image, name string, o Orientation) {
	t.Helper()
	b := img.Bounds()
	// The content's extent: the non-white pixels.
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X, b.Min.Y
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !near(img.At(x, y), white) {
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			}
		}
	}
	require.Less(t, minX, maxX, "%s o=%d: blank page", name, o)
	qx, qy := (maxX-minX)/4, (maxY-minY)/4
	assert.True(t, near(img.At(minX+qx, minY+qy), red), "%s o=%d: top left is %v", name, o, img.At(minX+qx, minY+qy))
	assert.True(t, near(img.At(maxX-qx, maxY-qy), blue), "%s o=%d: bottom right is %v", name, o, img.At(maxX-qx, maxY-qy))
	assert.True(t, near(img.At(maxX-qx, minY+qy), white), "%s o=%d: top right is %v", name, o, img.At(maxX-qx, minY+qy))
}

func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { return int(a>>8)-int(w) < 40 && int(w)-int(a>>8) < 40 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func TestImagesToPDFFormats(t *testing.T) {
	// PNG with alpha: transparent pixels print white, the opaque red stays.
	alpha := image.NewNRGBA(image.Rect(0, 0, 40, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 40; x++ {
			if x < 20 && y < 30 {
				alpha.Set(x, y, color.NRGBA{220, 0, 0, 255})
			} else if x >= 20 && y >= 30 {
				alpha.Set(x, y, color.NRGBA{0, 0, 220, 255})
			} else {
				alpha.Set(x, y, color.NRGBA{0, 0, 0, 0}) // black, fully transparent
			}
		}
	}
	// 16-bit PNG.
	deep := image.NewRGBA64(image.Rect(0, 0, 40, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 40; x++ {
			c := color.RGBA64{0xffff, 0xffff, 0xffff, 0xffff}
			if x < 20 && y < 30 {
				c = color.RGBA64{220 << 8, 0, 0, 0xffff}
			} else if x >= 20 && y >= 30 {
				c = color.RGBA64{0, 0, 220 << 8, 0xffff}
			}
			deep.SetRGBA64(x, y, c)
		}
	}
	gray16 := image.NewGray16(image.Rect(0, 0, 40, 60))
	// CMYK JPEG.
	cmyk := image.NewCMYK(image.Rect(0, 0, 40, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 40; x++ {
			c := color.CMYK{0, 0, 0, 0}
			if x < 20 && y < 30 {
				c = color.CMYK{0, 255, 255, 35}
			} else if x >= 20 && y >= 30 {
				c = color.CMYK{255, 255, 0, 35}
			}
			cmyk.SetCMYK(x, y, c)
		}
	}
	var tif bytes.Buffer
	require.NoError(t, tiff.Encode(&tif, marked(40, 60), nil))

	for _, tc := range []struct {
		name    string
		data    []byte
		colours bool
	}{
		{"alpha.png", encodePNG(t, alpha), true},
		{"deep.png", encodePNG(t, deep), true},
		{"gray16.png", encodePNG(t, gray16), false},
		{"cmyk.jpg", encodeJPEG(t, cmyk, 95), true},
		{"scan.tif", tif.Bytes(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf, err := convert(t, map[string][]byte{tc.name: tc.data}, tc.name)
			require.NoError(t, err)
			qpdfCheck(t, pdf)
			pc, err := bind.Read(bytes.NewReader(pdf))
			require.NoError(t, err)
			assert.Equal(t, 1, pc.PageCount)
			if tc.colours {
				checkUpright(t, render(t, pdf, 30), tc.name, 1)
			}
		})
	}
}

func TestImagesToPDFPages(t *testing.T) {
	files := map[string][]byte{
		"1.jpg": encodeJPEG(t, marked(60, 90), 90),
		"2.png": encodePNG(t, marked(90, 60)),
		"3.jpg": encodeJPEG(t, image.NewGray(image.Rect(0, 0, 30, 30)), 90),
	}
	pdf, err := convert(t, files, "1.jpg", "2.png", "3.jpg")
	require.NoError(t, err)
	qpdfCheck(t, pdf)
	pages, err := bind.Probe(writeTemp(t, pdf))
	require.NoError(t, err)
	require.Len(t, pages, 3)
	assert.InDelta(t, a4Short, pages[0].Width, 0.01)
	assert.InDelta(t, a4Long, pages[1].Width, 0.01) // landscape
	assert.InDelta(t, a4Short, pages[2].Width, 0.01)
	// The JPEG is embedded as it is.
	assert.True(t, bytes.Contains(pdf, files["1.jpg"]))
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.pdf")
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

// failWriter fails every write and records whether it was called.
type failWriter struct{ called bool }

func (f *failWriter) Write([]byte) (int, error) { f.called = true; return 0, errors.New("disk full") }

func TestImagesToPDFErrors(t *testing.T) {
	good := encodeJPEG(t, marked(40, 60), 90)
	truncated := good[:len(good)/2]
	bigHeader := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	// A PNG header claiming 100,000 × 100,000 pixels.
	binary.BigEndian.PutUint32(bigHeader[16:], 100000)
	binary.BigEndian.PutUint32(bigHeader[20:], 100000)
	binary.BigEndian.PutUint32(bigHeader[29:], crc32.ChecksumIEEE(bigHeader[12:29]))
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"cut.jpg", truncated, ErrCorruptImage},
		{"junk.png", []byte("\x89PNG\r\n\x1a\nnot really"), ErrCorruptImage},
		{"doc.gif", []byte("GIF89a......"), ErrUnsupportedImage},
		{"huge.png", bigHeader, ErrImageTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The bad image comes second: nothing of the first is written.
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.jpg"), filepath.Join(dir, tc.name)
			require.NoError(t, os.WriteFile(a, good, 0o644))
			require.NoError(t, os.WriteFile(b, tc.data, 0o644))
			var out bytes.Buffer
			err := ImagesToPDF(context.Background(), []string{a, b}, &out)
			require.ErrorIs(t, err, tc.want)
			var ie *ImageError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, b, ie.Path)
			assert.Zero(t, out.Len(), "partial output")
			assert.NotEmpty(t, MessageKey(err))
		})
	}
	t.Run("missing file", func(t *testing.T) {
		var out bytes.Buffer
		err := ImagesToPDF(context.Background(), []string{filepath.Join(t.TempDir(), "none.jpg")}, &out)
		require.ErrorIs(t, err, os.ErrNotExist)
		assert.Zero(t, out.Len())
	})
	t.Run("no images", func(t *testing.T) {
		require.ErrorIs(t, ImagesToPDF(context.Background(), nil, &bytes.Buffer{}), ErrNoImages)
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		p := filepath.Join(t.TempDir(), "a.jpg")
		require.NoError(t, os.WriteFile(p, good, 0o644))
		fw := &failWriter{}
		require.ErrorIs(t, ImagesToPDF(ctx, []string{p}, fw), context.Canceled)
		assert.False(t, fw.called)
		// Cancelled after the first image: nothing written either.
		require.ErrorIs(t, ImagesToPDF(cancelAfter(1), []string{p, p}, fw), context.Canceled)
		assert.False(t, fw.called)
	})
	t.Run("writer fails", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "a.jpg")
		require.NoError(t, os.WriteFile(p, good, 0o644))
		require.Error(t, ImagesToPDF(context.Background(), []string{p}, &failWriter{}))
	})
}

func TestIsImageName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.jpg": true, "B.JPEG": true, "c.png": true, "扫描.TIF": true, "d.tiff": true,
		"e.pdf": false, "f.jpg.pdf": false, "g": false, "h.gif": false, "i.heic": false,
	} {
		assert.Equal(t, want, IsImageName(name), name)
	}
}

// withPNGEXIF inserts an eXIf chunk after a PNG's header chunk.
func withPNGEXIF(p []byte, o Orientation) []byte {
	seg := exifSegment(o, binary.BigEndian)[4+6:] // the TIFF data
	chunk := make([]byte, 8, 12+len(seg))
	binary.BigEndian.PutUint32(chunk, uint32(len(seg)))
	copy(chunk[4:], "eXIf")
	chunk = append(chunk, seg...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	const ihdrEnd = 8 + 8 + 13 + 4
	out := append([]byte{}, p[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, p[ihdrEnd:]...)
}

func TestPNGOrientation(t *testing.T) {
	disp := marked(60, 90)
	for _, o := range []Orientation{1, 3, 6, 8} {
		data := withPNGEXIF(encodePNG(t, stored(disp, o)), o)
		assert.Equal(t, o, pngOrientation(data))
		pdf, err := convert(t, map[string][]byte{"a.png": data}, "a.png")
		require.NoError(t, err)
		box := boxRE.FindSubmatch(pdf)
		require.NotNil(t, box)
		assert.Less(t, parseF(box[1]), parseF(box[2]), "o=%d: portrait", o)
		checkUpright(t, render(t, pdf, 30), "png", o)
	}
	assert.Equal(t, Orientation(1), pngOrientation(encodePNG(t, disp)))
	assert.Equal(t, Orientation(1), pngOrientation([]byte("\x89PNG\r\n\x1a\n\xff\xff\xff\xffeXIf")))
}

// BenchmarkImagesToPDF converts 10 pages photographed at 300 dpi (JPEG
// q95): each is decoded in full to be checked, then embedded as it is.
func BenchmarkImagesToPDF(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	var total int64
	for i := range 10 {
		p := filepath.Join(dir, strconv.Itoa(i)+".jpg")
		data := encodeJPEG(b, photoOfText(b, 300, uint64(i)), 95)
		total += int64(len(data))
		require.NoError(b, os.WriteFile(p, data, 0o644))
		paths = append(paths, p)
	}
	var size int
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var out bytes.Buffer
		require.NoError(b, ImagesToPDF(context.Background(), paths, &out))
		size = out.Len()
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(total)/(1<<20), "MiB-images")
	b.ReportMetric(float64(size)/(1<<20), "MiB-pdf")
}
