package scan

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signintech/gopdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/templates"
)

// scanDPI is the resolution of the photographed pages of the tests:
// 300 dpi as phones and scanners take them, 150 dpi with -short.
func scanDPI() int {
	if testing.Short() {
		return 150
	}
	return 300
}

// scanPDF is a PDF of pages photographed at dpi (JPEG q95), as
// ImagesToPDF makes it.
func scanPDF(t testing.TB, pages, dpi int) []byte {
	t.Helper()
	key := strconv.Itoa(pages) + "x" + strconv.Itoa(dpi)
	scanMu.Lock()
	defer scanMu.Unlock()
	if b, ok := scans[key]; ok {
		return b
	}
	dir := t.TempDir()
	var paths []string
	for i := range pages {
		p := filepath.Join(dir, strconv.Itoa(i)+".jpg")
		require.NoError(t, os.WriteFile(p, encodeJPEG(t, photoOfText(t, dpi, uint64(i)), 95), 0o644))
		paths = append(paths, p)
	}
	var out bytes.Buffer
	require.NoError(t, ImagesToPDF(context.Background(), paths, &out))
	scans[key] = out.Bytes()
	return out.Bytes()
}

var (
	scanMu sync.Mutex
	scans  = map[string][]byte{}
)

// textPDF is a gopdf PDF in the shipped font: with a photographed page
// behind the text on each page when scanned (a scan with a text layer,
// as OCR software makes it), else text only.
func textPDF(t testing.TB, pages int, scanned bool) []byte {
	t.Helper()
	var pdf gopdf.GoPdf
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	require.NoError(t, pdf.AddTTFFontData("wqy", templates.Font))
	require.NoError(t, pdf.SetFont("wqy", "", 11))
	for p := range pages {
		pdf.AddPage()
		if scanned {
			h, err := gopdf.ImageHolderByBytes(encodeJPEG(t, photoOfText(t, scanDPI(), uint64(100+p)), 92))
			require.NoError(t, err)
			require.NoError(t, pdf.ImageByHolder(h, 0, 0, gopdf.PageSizeA4))
		}
		for l := range 40 {
			pdf.SetXY(50, 50+float64(l)*18)
			require.NoError(t, pdf.Text("第"+strconv.Itoa(p+1)+"页 第"+strconv.Itoa(l+1)+"行：众创空间入驻协议 Maker space agreement "+strings.Repeat("甲乙丙丁", p%3+1)))
		}
	}
	return pdf.GetBytesPdf()
}

var ppiRE = regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+image\s+(\d+)\s+(\d+)\s+(\w+)\s+\d+\s+\d+\s+(\w+)\s+\w+\s+\d+\s+\d+\s+(\d+)\s+(\d+)`)

// pdfimages lists each image's pixels, colour, encoding and resolution.
type imageInfo struct {
	w, h  int
	color string
	enc   string
	xppi  int
	yppi  int
}

func listImages(t testing.TB, pdf []byte) []imageInfo {
	t.Helper()
	bin := need(t, "pdfimages")
	p := filepath.Join(t.TempDir(), "in.pdf")
	require.NoError(t, os.WriteFile(p, pdf, 0o644))
	out, err := exec.Command(bin, "-list", p).Output()
	require.NoError(t, err)
	var infos []imageInfo
	for _, m := range ppiRE.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.Atoi(m[1])
		h, _ := strconv.Atoi(m[2])
		x, _ := strconv.Atoi(m[5])
		y, _ := strconv.Atoi(m[6])
		infos = append(infos, imageInfo{w, h, m[3], m[4], x, y})
	}
	return infos
}

func TestShrinkScan(t *testing.T) {
	in := scanPDF(t, 3, scanDPI())
	orig := bytes.Clone(in)
	limit := int64(len(in)) / 3
	out, res, err := Shrink(context.Background(), in, limit, Options{})
	require.NoError(t, err)
	assert.Equal(t, orig, in, "the input is never changed")
	assert.True(t, res.Fits)
	assert.Equal(t, int64(len(in)), res.Before)
	assert.Equal(t, int64(len(out)), res.After)
	assert.LessOrEqual(t, res.After, limit)
	assert.Equal(t, 3, res.Pages)
	assert.Equal(t, 3, res.Images)
	assert.GreaterOrEqual(t, res.DPI, 100)
	assert.LessOrEqual(t, res.DPI, 200)
	t.Logf("%d → %d bytes (limit %d) at %d dpi", res.Before, res.After, limit, res.DPI)
	qpdfCheck(t, out)

	pages, err := bind.Probe(writeTemp(t, out))
	require.NoError(t, err)
	require.Len(t, pages, 3)
	assert.InDelta(t, a4Short, pages[0].Width, 0.01)
	infos := listImages(t, out)
	require.Len(t, infos, 3)
	for _, im := range infos {
		assert.Equal(t, "jpeg", im.enc)
		assert.Equal(t, "gray", im.color, "a black-and-white page photographed in colour becomes gray")
		assert.InDelta(t, res.DPI, im.xppi, 2)
		assert.InDelta(t, res.DPI, im.yppi, 2)
	}
}

// TestShrinkKeepsText: a scan with a text layer keeps the text as text.
func TestShrinkKeepsText(t *testing.T) {
	in := textPDF(t, 2, true)
	out, res, err := Shrink(context.Background(), in, int64(len(in))/2, Options{})
	require.NoError(t, err)
	require.True(t, res.Fits)
	qpdfCheck(t, out)
	before, after := pdftotext(t, in), pdftotext(t, out)
	require.Contains(t, before, "众创空间入驻协议")
	assert.Equal(t, before, after)
}

func TestShrinkRefuses(t *testing.T) {
	t.Run("text only", func(t *testing.T) {
		in := textPDF(t, 3, false)
		out, res, err := Shrink(context.Background(), in, int64(len(in))/2, Options{})
		require.ErrorIs(t, err, ErrNotScanned)
		assert.Nil(t, out)
		assert.False(t, res.Fits)
		assert.Equal(t, "scan.not-scanned", MessageKey(err))
	})
	t.Run("impossible target", func(t *testing.T) {
		in := scanPDF(t, 3, scanDPI())
		orig := bytes.Clone(in)
		out, res, err := Shrink(context.Background(), in, 20_000, Options{})
		require.ErrorIs(t, err, ErrIllegible)
		assert.Nil(t, out)
		assert.Equal(t, orig, in)
		assert.False(t, res.Fits)
		assert.Greater(t, res.After, int64(20_000))
		assert.Less(t, res.After, res.Before)
		assert.Equal(t, 100, res.DPI, "it went down to the minimum")
		assert.Equal(t, "scan.illegible", MessageKey(err))
	})
	t.Run("unreadable", func(t *testing.T) {
		_, _, err := Shrink(context.Background(), []byte("%PDF-1.4\nnonsense"), 10, Options{})
		require.ErrorIs(t, err, bind.ErrUnreadable)
		assert.Equal(t, "scan.pdf-unreadable", MessageKey(err))
	})
	t.Run("cancelled", func(t *testing.T) {
		in := scanPDF(t, 3, scanDPI())
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		out, _, err := Shrink(ctx, in, int64(len(in))/3, Options{})
		require.ErrorIs(t, err, context.Canceled)
		assert.Nil(t, out)
	})
	t.Run("cancelled midway", func(t *testing.T) {
		in := scanPDF(t, 3, scanDPI())
		for n := int32(1); n <= 3; n++ {
			ctx := cancelAfter(n)
			out, _, err := Shrink(ctx, in, 20_000, Options{})
			require.ErrorIs(t, err, context.Canceled, "after %d checks", n)
			assert.Nil(t, out)
		}
	})
}

// cancelAfter is a context that is cancelled when its Err has been
// asked n times: cancellation at a known point of the work.
func cancelAfter(n int32) context.Context {
	c := &countdown{done: make(chan struct{})}
	c.left.Store(n)
	return c
}

type countdown struct {
	context.Context
	left atomic.Int32
	done chan struct{}
	once sync.Once
}

func (c *countdown) Err() error {
	if c.left.Add(-1) < 0 {
		c.once.Do(func() { close(c.done) })
		return context.Canceled
	}
	return nil
}
func (c *countdown) Done() <-chan struct{}       { return c.done }
func (c *countdown) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *countdown) Value(any) any               { return nil }

func TestShrinkWithinLimit(t *testing.T) {
	in := scanPDF(t, 3, scanDPI())
	out, res, err := Shrink(context.Background(), in, int64(len(in)), Options{})
	require.NoError(t, err)
	assert.True(t, res.Fits)
	assert.Equal(t, in, out)
	assert.Equal(t, res.Before, res.After)
	assert.Zero(t, res.Images)
}

func TestLadder(t *testing.T) {
	steps := ladder(Options{}.withDefaults())
	require.NotEmpty(t, steps)
	assert.Equal(t, step{200, 75}, steps[0])
	assert.Equal(t, step{100, 40}, steps[len(steps)-1])
	for k := 1; k < len(steps); k++ {
		assert.Less(t, steps[k].weight(), steps[k-1].weight(), "%v after %v", steps[k], steps[k-1])
		assert.GreaterOrEqual(t, steps[k].dpi, 100)
	}
}

// BenchmarkShrink measures 10 pages photographed at 300 dpi (JPEG q95,
// about 12 MB) brought under 3 MB: time, output size, resolution, and
// the peak heap.
func BenchmarkShrink(b *testing.B) {
	in := scanPDF(b, 10, 300)
	const limit = 3 << 20
	var res Result
	var peak uint64
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ms runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}
		}()
		var err error
		_, res, err = Shrink(context.Background(), in, limit, Options{})
		close(done)
		wg.Wait()
		require.NoError(b, err)
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(res.Before)/(1<<20), "MiB-before")
	b.ReportMetric(float64(res.After)/(1<<20), "MiB-after")
	b.ReportMetric(float64(res.DPI), "dpi")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-peak-heap")
}

// TestShrinkLosslessScan: a PDF of PNG pages (Flate images, as
// ImagesToPDF makes from PNG or TIFF scans), one of them turned by its
// placement, is shrunk like JPEG pages.
func TestShrinkLosslessScan(t *testing.T) {
	page := photoOfText(t, 150, 5)
	in, err := convert(t, map[string][]byte{
		"1.png": encodePNG(t, page),
		"2.jpg": withEXIF(encodeJPEG(t, page, 95), 6, binary.BigEndian),
	}, "1.png", "2.jpg")
	require.NoError(t, err)
	out, res, err := Shrink(context.Background(), in, int64(len(in))/4, Options{TargetDPI: 120})
	require.NoError(t, err)
	require.True(t, res.Fits)
	assert.Equal(t, 2, res.Images)
	qpdfCheck(t, out)
	infos := listImages(t, out)
	require.Len(t, infos, 2)
	for _, im := range infos {
		assert.Equal(t, "jpeg", im.enc)
		assert.InDelta(t, res.DPI, im.xppi, 2)
	}
	pages, err := bind.Probe(writeTemp(t, out))
	require.NoError(t, err)
	require.Len(t, pages, 2)
	assert.Greater(t, pages[1].Width, pages[1].Height, "the turned photo's page stays landscape")
}
