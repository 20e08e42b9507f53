package scan

import (
	"encoding/binary"
	"image"
	"testing"
)

// FuzzOrientation: any bytes give an orientation of 1 to 8, never a
// panic or an out-of-range read.
func FuzzOrientation(f *testing.F) {
	base := encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)), 90)
	f.Add(withEXIF(base, 6, binary.BigEndian))
	f.Add(withEXIF(base, 8, binary.LittleEndian)[:30])
	f.Add([]byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x03\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, o := range []Orientation{jpegOrientation(data), tiffOrientation(data), pngOrientation(data)} {
			if o < 1 || o > 8 {
				t.Fatalf("orientation %d", o)
			}
		}
	})
}

// FuzzScanContent: any content stream is scanned to its end without a
// panic; cm and Do see their operands.
func FuzzScanContent(f *testing.F) {
	f.Add([]byte("q 1 0 0 1 0 0 cm /Im0 Do Q"))
	f.Add([]byte("BI /W 1 ID \x00 EI (unclosed"))
	f.Add([]byte("<< /A [1 2 (x\\)) <ab> >> BDC"))
	f.Fuzz(func(t *testing.T, data []byte) {
		scanContent(data, func(o op) { _, _ = operandMatrix(o.operands) })
	})
}

// FuzzDecodeImage: any bytes are an image or an error, never a panic.
func FuzzDecodeImage(f *testing.F) {
	f.Add(encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)), 90))
	f.Add(encodePNG(f, image.NewRGBA(image.Rect(0, 0, 3, 2))))
	f.Add([]byte("II*\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		if im, err := decodeImage(data); err == nil && (im.w < 1 || im.h < 1 || len(im.data) == 0) {
			t.Fatalf("empty image without error")
		}
	})
}
