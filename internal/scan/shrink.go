package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"io"
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// Options tune Shrink. Zero fields take the defaults.
type Options struct {
	// TargetDPI is the resolution, at the size an image is placed on its
	// page, that images are first downsampled to (default 200).
	TargetDPI int
	// MinDPI is the lowest resolution Shrink goes to: below it scanned
	// text is no longer reliably legible (default 100).
	MinDPI int
	// Quality is the JPEG quality of the first attempt (default 75);
	// MinQuality the lowest one tried (default 40).
	Quality, MinQuality int
}

// DefaultOptions are the options Shrink uses for zero fields: 200 dpi
// first, never below 100 dpi, JPEG quality 75 down to 40.
func DefaultOptions() Options {
	return Options{TargetDPI: 200, MinDPI: 100, Quality: 75, MinQuality: 40}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.TargetDPI <= 0 {
		o.TargetDPI = d.TargetDPI
	}
	if o.MinDPI <= 0 {
		o.MinDPI = d.MinDPI
	}
	if o.MinDPI > o.TargetDPI {
		o.MinDPI = o.TargetDPI
	}
	if o.Quality <= 0 || o.Quality > 100 {
		o.Quality = d.Quality
	}
	if o.MinQuality <= 0 || o.MinQuality > o.Quality {
		o.MinQuality = min(d.MinQuality, o.Quality)
	}
	return o
}

// Result tells what Shrink did.
type Result struct {
	// Before and After are the sizes in bytes of the input and of the
	// output (of the smallest attempt when it did not fit).
	Before, After int64
	// DPI is the lowest resolution of a rewritten image at its placed
	// size (0 when no image was rewritten).
	DPI int
	// Pages is the number of pages; Images the number of images
	// rewritten.
	Pages, Images int
	// Fits reports whether After is at most the limit.
	Fits bool
}

// notScannedShare: a PDF whose images make up less than this share of
// its size is not a scan.
const notScannedShare = 0.5

// Shrink rewrites a PDF whose pages are scanned images so that it is at
// most maxBytes: each image is downsampled to opt.TargetDPI at the size
// it is placed on its page (never upsampled) and re-encoded as JPEG,
// stepping down resolution and quality until the file fits. Everything
// else (text, fonts, vector drawings, page sizes, rotation, bookmarks)
// is kept as it is; an image is replaced only when that makes it smaller.
//
// A PDF already within maxBytes is returned as it is. ErrNotScanned: the
// size is not in images Shrink can rewrite (8-bit images drawn on a
// page): they are less than half of the file, or the rest alone exceeds
// maxBytes (text, fonts, 1-bit or JPEG 2000 scans). ErrIllegible: it cannot fit without
// going below opt.MinDPI; Result then tells the smallest size reached.
// A PDF that cannot be read gives the errors of bind.Read. On error no
// output is returned; pdf itself is never changed.
func Shrink(ctx context.Context, pdf []byte, maxBytes int64, opt Options) ([]byte, Result, error) {
	opt = opt.withDefaults()
	res := Result{Before: int64(len(pdf)), After: int64(len(pdf))}
	if err := ctx.Err(); err != nil {
		return nil, res, err
	}
	pc, err := bind.Read(bytes.NewReader(pdf))
	if err != nil {
		return nil, res, err
	}
	res.Pages = pc.PageCount
	if int64(len(pdf)) <= maxBytes {
		res.Fits = true
		return pdf, res, nil
	}
	imgs, imageBytes, err := survey(pc)
	if err != nil {
		return nil, res, err
	}
	if float64(imageBytes) < notScannedShare*float64(len(pdf)) || int64(len(pdf))-imageBytes >= maxBytes {
		return nil, res, fmt.Errorf("%w: images are %d of %d bytes", ErrNotScanned, imageBytes, len(pdf))
	}

	sh := &shrinker{imgs: imgs, cache: map[int]*pixels{}}
	steps := ladder(opt)
	var best []byte
	// ratio corrects the prediction of an attempt's size by what the
	// previous attempt measured.
	ratio := 1.0
	var first *attemptResult
	for k, st := range steps {
		if err := ctx.Err(); err != nil {
			return nil, res, err
		}
		last := k == len(steps)-1
		if first != nil && !last {
			predicted := float64(first.rest) + ratio*float64(first.images)*st.weight()/steps[0].weight()
			if predicted > float64(maxBytes) {
				continue
			}
		}
		a, err := sh.attempt(ctx, pdf, st)
		if err != nil {
			return nil, res, err
		}
		if a.decoded == 0 {
			// Not one image could be decoded: no step will differ.
			return nil, res, fmt.Errorf("%w: no image could be decoded", ErrNotScanned)
		}
		if best == nil || len(a.out) < len(best) {
			best = a.out
			res.After, res.DPI, res.Images = int64(len(a.out)), a.dpi, a.replaced
		}
		if int64(len(a.out)) <= maxBytes {
			res.Fits = true
			return a.out, res, nil
		}
		if first == nil {
			first = &a
		} else if first.images > 0 {
			predicted := float64(first.images) * st.weight() / steps[0].weight()
			if predicted > 0 {
				ratio = float64(a.images) / predicted
			}
		}
	}
	return nil, res, fmt.Errorf("%w: %d bytes at %d dpi, limit %d", ErrIllegible, res.After, opt.MinDPI, maxBytes)
}

// step is one attempt's resolution and JPEG quality.
type step struct{ dpi, quality int }

// weight is a rough relative size of the images of a step: pixels grow
// with the square of the resolution; a JPEG's size by quality follows
// the usual curve (75 → 1).
func (s step) weight() float64 {
	q := float64(s.quality)
	qf := 0.35 + 0.65*math.Pow(q/75, 1.6)
	return float64(s.dpi*s.dpi) * qf
}

// ladder lists the attempts from the best to the smallest: resolution
// from TargetDPI down to MinDPI by about 15 % a step, each at Quality and
// at a middle quality, and MinQuality at MinDPI last.
func ladder(o Options) []step {
	var dpis []int
	for d := float64(o.TargetDPI); ; d *= 0.85 {
		if int(d) <= o.MinDPI {
			dpis = append(dpis, o.MinDPI)
			break
		}
		dpis = append(dpis, int(d))
	}
	mid := (o.Quality + o.MinQuality) / 2
	var out []step
	for _, d := range dpis {
		out = append(out, step{d, o.Quality})
		if mid < o.Quality {
			out = append(out, step{d, mid})
		}
	}
	if o.MinQuality < mid {
		out = append(out, step{o.MinDPI, o.MinQuality})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].weight() > out[j].weight() })
	return out
}

// placedImage is an image XObject and the largest size, in points, it
// is drawn at on any page (0 when it is not found in a content stream).
type placedImage struct {
	objNr         int
	width, height float64
}

// survey finds the image XObjects of pc that Shrink can rewrite, the
// size each is drawn at, and how many bytes they take.
func survey(pc *model.Context) ([]placedImage, int64, error) {
	placed := map[int]*placedImage{}
	for p := 1; p <= pc.PageCount; p++ {
		d, _, inh, err := pc.PageDict(p, false)
		if err != nil {
			return nil, 0, fmt.Errorf("%w: page %d: %w", bind.ErrUnreadable, p, err)
		}
		content, err := pc.PageContent(d, p)
		if err != nil && !errors.Is(err, model.ErrNoContent) {
			return nil, 0, fmt.Errorf("%w: page %d: %w", bind.ErrUnreadable, p, err)
		}
		var resources types.Dict
		if inh != nil {
			resources = inh.Resources
		}
		if r, err := pc.DereferenceDict(d["Resources"]); err == nil && r != nil {
			resources = r
		}
		walk(pc, content, resources, identity, 0, placed)
	}
	var imageBytes int64
	var out []placedImage
	for nr, e := range pc.Table {
		if e == nil || e.Free {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || sd.Dict.Subtype() == nil || *sd.Dict.Subtype() != "Image" {
			continue
		}
		if p := placed[nr]; p != nil && shrinkable(sd) {
			imageBytes += int64(len(sd.Raw))
			out = append(out, *p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].objNr < out[j].objNr })
	return out, imageBytes, nil
}

// walk follows a content stream, recording where images are drawn and
// entering form XObjects (to a depth of 8).
func walk(pc *model.Context, content []byte, resources types.Dict, ctm matrix, depth int, placed map[int]*placedImage) {
	if depth > 8 {
		return
	}
	var xobjects types.Dict
	if resources != nil {
		xobjects, _ = pc.DereferenceDict(resources["XObject"])
	}
	var stack []matrix
	scanContent(content, func(o op) {
		switch o.name {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, ctm)
			}
		case "Q":
			if n := len(stack); n > 0 {
				ctm, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if m, ok := operandMatrix(o.operands); ok {
				ctm = m.mul(ctm)
			}
		case "Do":
			if len(o.operands) == 0 || xobjects == nil {
				return
			}
			name, ok := o.operands[len(o.operands)-1].(string)
			if !ok {
				return
			}
			ref, ok := xobjects[name].(types.IndirectRef)
			if !ok {
				return
			}
			sd, _, err := pc.DereferenceStreamDict(ref)
			if err != nil || sd == nil || sd.Dict.Subtype() == nil {
				return
			}
			switch *sd.Dict.Subtype() {
			case "Image":
				nr := ref.ObjectNumber.Value()
				w, h := math.Hypot(ctm[0], ctm[1]), math.Hypot(ctm[2], ctm[3])
				p := placed[nr]
				if p == nil {
					p = &placedImage{objNr: nr}
					placed[nr] = p
				}
				p.width, p.height = max(p.width, w), max(p.height, h)
			case "Form":
				form := *sd
				if err := form.Decode(); err != nil {
					return
				}
				fm := identity
				if a, err := pc.DereferenceArray(sd.Dict["Matrix"]); err == nil && len(a) == 6 {
					for k := range a {
						if f, err := pc.DereferenceNumber(a[k]); err == nil {
							fm[k] = f
						}
					}
				}
				fres := resources
				if r, err := pc.DereferenceDict(sd.Dict["Resources"]); err == nil && r != nil {
					fres = r
				}
				walk(pc, form.Content, fres, fm.mul(ctm), depth+1, placed)
			}
		}
	})
}

// attemptResult is one rewrite of the PDF.
type attemptResult struct {
	out []byte
	// images is the bytes of the images written, rest the bytes of
	// everything else.
	images, rest int64
	dpi          int
	replaced     int
	decoded      int
}

// pixels is an image's samples, gray (nch 1) or RGBA (nch 4), kept from
// one attempt to the next so that each image is decoded once.
type pixels struct {
	pix     []byte
	w, h    int
	nch     int
	scanned bool // pix is the source at its full resolution
}

// cacheBudget bounds the bytes of samples kept between attempts; images
// beyond it are decoded again for each attempt.
const cacheBudget = 128 << 20

// shrinker holds what attempts share: the images and their samples.
type shrinker struct {
	imgs   []placedImage
	mu     sync.Mutex // guards cache, cached and the pdfcpu context while extracting
	cache  map[int]*pixels
	cached int64
}

// encoded is one image's replacement.
type encoded struct {
	jpeg  []byte
	w, h  int
	gray  bool
	dpi   int
	ok    bool
	objNr int
}

// attempt rewrites the PDF with its images at step st. Images are
// decoded, resampled and encoded by up to GOMAXPROCS (at most 4)
// workers.
func (s *shrinker) attempt(ctx context.Context, pdf []byte, st step) (attemptResult, error) {
	var a attemptResult
	pc, err := bind.Read(bytes.NewReader(pdf))
	if err != nil {
		return a, err
	}
	results := make([]encoded, len(s.imgs))
	workers := min(runtime.GOMAXPROCS(0), 4, len(s.imgs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				results[k] = s.encode(pc, s.imgs[k], st)
			}
		}()
	}
feed:
	for k := range s.imgs {
		select {
		case next <- k:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return a, err
	}
	for k, r := range results {
		e, ok := pc.FindTableEntryLight(s.imgs[k].objNr)
		if !ok || e == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok {
			continue
		}
		if r.ok {
			a.decoded++
		}
		if !r.ok || len(r.jpeg) >= len(sd.Raw) {
			a.images += int64(len(sd.Raw))
			continue
		}
		nsd, err := replacement(pc, sd, r)
		if err != nil {
			a.images += int64(len(sd.Raw))
			continue
		}
		e.Object = *nsd
		a.replaced++
		if a.dpi == 0 || r.dpi < a.dpi {
			a.dpi = r.dpi
		}
		a.images += int64(len(nsd.Raw))
	}
	var buf bytes.Buffer
	if err := bind.Write(pc, &buf); err != nil {
		return a, err
	}
	a.out = buf.Bytes()
	a.rest = int64(len(a.out)) - a.images
	return a, nil
}

// encode returns the image pi downsampled to st.dpi at its placed size
// and encoded as JPEG at st.quality, with its resulting resolution. ok
// is false for images left alone: not shrinkable, or that cannot be
// decoded.
func (s *shrinker) encode(pc *model.Context, pi placedImage, st step) encoded {
	r := encoded{objNr: pi.objNr}
	if pi.width <= 0 || pi.height <= 0 {
		return r
	}
	src := s.samples(pc, pi)
	if src == nil {
		return r
	}
	// pi.width is the length on the page of the image's horizontal axis
	// (its pixel rows), turned or not. One scale for both axes, never
	// up.
	tw := float64(pi.width) / 72 * float64(st.dpi)
	th := float64(pi.height) / 72 * float64(st.dpi)
	scale := min(1, tw/float64(src.w), th/float64(src.h))
	w, h := max(1, int(math.Round(float64(src.w)*scale))), max(1, int(math.Round(float64(src.h)*scale)))
	pix := src.pix
	if w != src.w || h != src.h {
		pix = areaScale(src.pix, src.w, src.h, src.w*src.nch, src.nch, w, h)
	}
	s.keep(pi.objNr, src, pix, w, h)
	var img image.Image
	if src.nch == 1 {
		img = &image.Gray{Pix: pix, Stride: w, Rect: image.Rect(0, 0, w, h)}
	} else {
		img = &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: st.quality}); err != nil {
		return r
	}
	r.jpeg, r.w, r.h, r.gray, r.ok = buf.Bytes(), w, h, src.nch == 1, true
	r.dpi = int(math.Round(min(float64(w)/(pi.width/72), float64(h)/(pi.height/72))))
	return r
}

// keep caches the samples of the first attempt at their reduced size,
// within cacheBudget: later attempts only go lower.
func (s *shrinker) keep(objNr int, src *pixels, pix []byte, w, h int) {
	if !src.scanned {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached+int64(len(pix)) > cacheBudget {
		return
	}
	s.cache[objNr] = &pixels{pix: pix, w: w, h: h, nch: src.nch}
	s.cached += int64(len(pix))
}

// samples returns the samples of an image: from the cache, or decoded.
// nil when the image is left alone.
func (s *shrinker) samples(pc *model.Context, pi placedImage) *pixels {
	s.mu.Lock()
	if p := s.cache[pi.objNr]; p != nil {
		s.mu.Unlock()
		return p
	}
	e, ok := pc.FindTableEntryLight(pi.objNr)
	var sd types.StreamDict
	if ok && e != nil {
		sd, ok = e.Object.(types.StreamDict)
	}
	if !ok {
		s.mu.Unlock()
		return nil
	}
	if !shrinkable(sd) {
		s.mu.Unlock()
		return nil
	}
	// pdfcpu's context is not safe for concurrent use: extract under the
	// lock, decode outside it.
	data, err := extractXObject(pc, sd, pi.objNr)
	s.mu.Unlock()
	if err != nil {
		return nil
	}
	img, err := safeDecode(func(r io.Reader) (image.Image, error) {
		img, _, err := image.Decode(r)
		return img, err
	}, data)
	if err != nil {
		return nil
	}
	p := toPixels(img)
	p.scanned = true
	return p
}

// shrinkable reports whether Shrink can rewrite an image: not a mask,
// not of fewer than 8 bits per sample (a JPEG of a 1-bit scan is larger
// and blurred), not in an encoding it cannot decode (JPEG 2000, JBIG2).
func shrinkable(sd types.StreamDict) bool {
	if m := sd.Dict.BooleanEntry("ImageMask"); m != nil && *m {
		return false
	}
	if bpc := sd.Dict.IntEntry("BitsPerComponent"); bpc != nil && *bpc < 8 {
		return false
	}
	for _, f := range sd.FilterPipeline {
		switch f.Name {
		case "JPXDecode", "JBIG2Decode", "CCITTFaxDecode":
			return false
		}
	}
	return true
}

// toPixels returns img's samples: gray when it has no colour worth
// keeping (isGray), else RGBA.
func toPixels(img image.Image) *pixels {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if yc, ok := img.(*image.YCbCr); ok && isGrayYCbCr(yc) {
		// The luma plane is the gray image.
		pix := make([]byte, w*h)
		for y := range h {
			o := yc.YOffset(b.Min.X, b.Min.Y+y)
			copy(pix[y*w:(y+1)*w], yc.Y[o:o+w])
		}
		return &pixels{pix: pix, w: w, h: h, nch: 1}
	}
	if g, ok := img.(*image.Gray); ok {
		pix := make([]byte, w*h)
		for y := range h {
			copy(pix[y*w:(y+1)*w], g.Pix[g.PixOffset(b.Min.X, b.Min.Y+y):])
		}
		return &pixels{pix: pix, w: w, h: h, nch: 1}
	}
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Over)
	if isGrayRGBA(rgba) {
		g := image.NewGray(rgba.Bounds())
		draw.Draw(g, g.Bounds(), rgba, image.Point{}, draw.Src)
		return &pixels{pix: g.Pix, w: w, h: h, nch: 1}
	}
	return &pixels{pix: rgba.Pix, w: w, h: h, nch: 4}
}

// replacement is the image XObject for r in place of sd: a DCT image
// keeping what else sd carried (its soft mask, drawn over the same unit
// square at any resolution; intent; metadata; optional content).
func replacement(pc *model.Context, sd types.StreamDict, r encoded) (*types.StreamDict, error) {
	cs := model.DeviceRGBCS
	if r.gray {
		cs = model.DeviceGrayCS
	}
	nsd, err := model.CreateDCTImageStreamDict(pc.XRefTable, r.jpeg, r.w, r.h, 8, cs)
	if err != nil {
		return nil, err
	}
	for k, v := range sd.Dict {
		switch k {
		case "Width", "Height", "BitsPerComponent", "ColorSpace", "Filter", "DecodeParms",
			"Decode", "Length", "DL", "Type", "Subtype", "Interpolate":
			continue
		case "Mask":
			if _, isArray := v.(types.Array); isArray {
				continue // a colour key mask would not survive JPEG
			}
		}
		nsd.Dict[k] = v
	}
	nsd.Content = nil
	return nsd, nil
}

// extractXObject returns an image XObject as an image file (JPEG, PNG
// or TIFF) pdfcpu renders it to.
func extractXObject(pc *model.Context, sd types.StreamDict, objNr int) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("image obj#%d: %v", objNr, p)
		}
	}()
	c := sd
	c.Content = nil
	c.Dict = sd.Dict.Clone().(types.Dict)
	mi, err := pdfcpu.ExtractImage(pc, &c, false, "", objNr, false)
	if err != nil {
		return nil, err
	}
	if mi == nil || mi.Reader == nil {
		return nil, errors.New("no image")
	}
	return io.ReadAll(mi.Reader)
}

// Colour is "worth keeping" when more than grayShare of the samples
// differ by more than grayTolerance from the image's average tint: a
// page photographed under warm light is gray; a red seal of 1 % of the
// page keeps the page in colour.
const (
	grayTolerance = 12
	grayShare     = 0.001
)

func isGrayYCbCr(im *image.YCbCr) bool {
	return flat(im.Cb, 1) && flat(im.Cr, 1)
}

// flat reports whether the samples of a plane (every step-th) are,
// nearly all, within grayTolerance of their mean.
func flat(plane []uint8, step int) bool {
	if len(plane) == 0 {
		return true
	}
	var sum, n int
	for k := 0; k < len(plane); k += step {
		sum += int(plane[k])
		n++
	}
	mean := sum / n
	off := 0
	for k := 0; k < len(plane); k += step {
		if d := int(plane[k]) - mean; d > grayTolerance || d < -grayTolerance {
			off++
		}
	}
	return float64(off) <= grayShare*float64(n)
}

func isGrayRGBA(im *image.RGBA) bool {
	// Differences between channels, as a plane each.
	n := len(im.Pix) / 4
	rg, bg := make([]uint8, n), make([]uint8, n)
	for k := range n {
		p := im.Pix[4*k:]
		rg[k] = uint8(min(255, max(0, int(p[0])-int(p[1])+128)))
		bg[k] = uint8(min(255, max(0, int(p[2])-int(p[1])+128)))
	}
	return flat(rg, 1) && flat(bg, 1)
}
