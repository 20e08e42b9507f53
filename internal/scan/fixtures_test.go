package scan

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/mkspace/mkspace/templates"
)

func need(t testing.TB, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed", tool)
		}
		t.Fatalf("%s not installed", tool)
	}
	return p
}

func qpdfCheck(t testing.TB, pdf []byte) {
	t.Helper()
	bin := need(t, "qpdf")
	path := filepath.Join(t.TempDir(), "check.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	out, err := exec.Command(bin, "--check", path).CombinedOutput()
	require.NoError(t, err, "qpdf --check:\n%s", out)
	require.Contains(t, string(out), "No syntax or stream encoding errors")
}

func pdftotext(t testing.TB, pdf []byte) string {
	t.Helper()
	bin := need(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "text.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	out, err := exec.Command(bin, "-raw", path, "-").Output()
	require.NoError(t, err)
	return string(out)
}

// render returns page 1 of pdf rendered by pdftoppm at dpi.
func render(t testing.TB, pdf []byte, dpi int) image.Image {
	t.Helper()
	bin := need(t, "pdftoppm")
	dir := t.TempDir()
	path := filepath.Join(dir, "in.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	out, err := exec.Command(bin, "-png", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(t, err, "%s", out)
	f, err := os.Open(filepath.Join(dir, "page.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

// exifSegment is an APP1 segment holding only an orientation tag.
func exifSegment(o Orientation, bo binary.ByteOrder) []byte {
	var t bytes.Buffer
	if bo == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	_ = binary.Write(&t, bo, uint16(42))
	_ = binary.Write(&t, bo, uint32(8))
	_ = binary.Write(&t, bo, uint16(1))              // one entry
	_ = binary.Write(&t, bo, uint16(tagOrientation)) // tag
	_ = binary.Write(&t, bo, uint16(3))              // SHORT
	_ = binary.Write(&t, bo, uint32(1))              // count
	_ = binary.Write(&t, bo, uint16(o))              // value
	_ = binary.Write(&t, bo, uint16(0))              // padding
	_ = binary.Write(&t, bo, uint32(0))              // next IFD
	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// withEXIF inserts an EXIF orientation after a JPEG's SOI marker.
func withEXIF(jpg []byte, o Orientation, bo binary.ByteOrder) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, exifSegment(o, bo)...)
	return append(out, jpg[2:]...)
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, img, &jpeg.Options{Quality: q}))
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// stored returns the pixels a camera stores for the upright image disp
// with orientation o: displaying them with o gives disp back.
func stored(disp image.Image, o Orientation) *image.RGBA {
	db := disp.Bounds()
	W, H := db.Dx(), db.Dy()
	w, h := W, H
	if o.swapsSides() {
		w, h = H, W
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var X, Y int
			switch o {
			case 1:
				X, Y = x, y
			case 2:
				X, Y = w-1-x, y
			case 3:
				X, Y = w-1-x, h-1-y
			case 4:
				X, Y = x, h-1-y
			case 5:
				X, Y = y, x
			case 6:
				X, Y = h-1-y, x
			case 7:
				X, Y = h-1-y, w-1-x
			case 8:
				X, Y = y, w-1-x
			}
			out.Set(x, y, disp.At(db.Min.X+X, db.Min.Y+Y))
		}
	}
	return out
}

var (
	red   = color.RGBA{220, 0, 0, 255}
	blue  = color.RGBA{0, 0, 220, 255}
	white = color.RGBA{255, 255, 255, 255}
)

// marked is an upright W × H image: white, its top-left quarter red and
// its bottom-right quarter blue.
func marked(W, H int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			c := white
			switch {
			case x < W/2 && y < H/2:
				c = red
			case x >= W/2 && y >= H/2:
				c = blue
			}
			img.Set(x, y, c)
		}
	}
	return img
}

var (
	faceOnce sync.Once
	face     font.Face
	faceErr  error
)

func textFace(t testing.TB, size float64) font.Face {
	t.Helper()
	faceOnce.Do(func() {
		f, err := opentype.Parse(templates.Font)
		if err != nil {
			faceErr = err
			return
		}
		face, faceErr = opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	})
	require.NoError(t, faceErr)
	return face
}

// photoOfText is an A4 page photographed at dpi: uneven paper with
// sensor noise and lines of Chinese text in the shipped font.
func photoOfText(t testing.TB, dpi int, seed uint64) *image.RGBA {
	t.Helper()
	w, h := int(8.27*float64(dpi)), int(11.69*float64(dpi))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 7))
	// Paper texture and uneven light: noise on a grid of 6 pixels,
	// interpolated between (a phone's denoised picture), darker to the
	// right and to the top.
	const cell = 6
	gw := w/cell + 2
	grid := make([]int, gw*(h/cell+2))
	for k := range grid {
		grid[k] = r.IntN(9) - 4
	}
	for y := 0; y < h; y++ {
		shade := 225 + 15*y/h
		gy, fy := y/cell, y%cell
		for x := 0; x < w; x++ {
			gx, fx := x/cell, x%cell
			a, b := grid[gy*gw+gx], grid[gy*gw+gx+1]
			c, d := grid[(gy+1)*gw+gx], grid[(gy+1)*gw+gx+1]
			n := (a*(cell-fx)*(cell-fy) + b*fx*(cell-fy) + c*(cell-fx)*fy + d*fx*fy) / (cell * cell)
			v := uint8(min(255, max(0, shade+n-10*x/w)))
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v-min(v, 4), v-min(v, 10), 255
		}
	}
	fc := textFace(t, float64(dpi)*12/72)
	d := &font.Drawer{Dst: img, Src: image.NewUniform(color.RGBA{30, 30, 40, 255}), Face: fc}
	line := "众创空间入驻协议第十二条：甲方为乙方提供办公场地及公共服务设施，乙方按时缴纳费用。"
	runes := []rune(line)
	for k, y := 0, dpi; y < h-dpi; k, y = k+1, y+dpi*30/72 {
		d.Dot = fixed.P(dpi, y)
		// Paragraphs: a short last line every fourth line.
		n := len(runes)
		if (k+int(seed))%4 == 3 {
			n = n / 3
		}
		d.DrawString(string(runes[:n]))
	}
	return img
}
