package scan

import (
	"image"
	"testing"

	"golang.org/x/image/draw"

	"github.com/stretchr/testify/assert"
)

func TestAreaScale(t *testing.T) {
	// 4 × 2 gray to 2 × 1: each output pixel the mean of a 2 × 2 block.
	src := []byte{
		0, 100, 200, 200,
		100, 200, 200, 0,
	}
	assert.Equal(t, []byte{100, 150}, areaScale(src, 4, 2, 4, 1, 2, 1))
	// 3 → 2 along a row: weights 2/3, 1/3 and 1/3, 2/3.
	got := areaScale([]byte{30, 90, 60}, 3, 1, 3, 1, 2, 1)
	assert.Equal(t, []byte{50, 70}, got)
	// Same size: unchanged; a stride wider than the row is honoured.
	assert.Equal(t, []byte{1, 2, 3, 4}, areaScale([]byte{1, 2, 9, 3, 4, 9}, 2, 2, 3, 1, 2, 2))
	// RGBA channels stay apart.
	assert.Equal(t, []byte{100, 50, 0, 255}, areaScale([]byte{200, 0, 0, 255, 0, 100, 0, 255}, 2, 1, 8, 4, 1, 1))
}

// BenchmarkDownsample compares the area average with x/image/draw's
// CatmullRom on one A4 page at 300 dpi brought to 200 dpi, gray.
func BenchmarkDownsample(b *testing.B) {
	const w, h, tw, th = 2481, 3507, 1654, 2338
	src := image.NewGray(image.Rect(0, 0, w, h))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 7)
	}
	b.Run("area", func(b *testing.B) {
		for b.Loop() {
			areaScale(src.Pix, w, h, w, 1, tw, th)
		}
		b.ReportMetric(float64(w*h)/1e6, "Mpx")
	})
	b.Run("catmullrom", func(b *testing.B) {
		dst := image.NewGray(image.Rect(0, 0, tw, th))
		for b.Loop() {
			draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		}
		b.ReportMetric(float64(w*h)/1e6, "Mpx")
	})
}
