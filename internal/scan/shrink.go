package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/draw"

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

func (o Options) withDefaults() Options {
	if o.TargetDPI <= 0 {
		o.TargetDPI = 200
	}
	if o.MinDPI <= 0 {
		o.MinDPI = 100
	}
	if o.MinDPI > o.TargetDPI {
		o.MinDPI = o.TargetDPI
	}
	if o.Quality <= 0 || o.Quality > 100 {
		o.Quality = 75
	}
	if o.MinQuality <= 0 || o.MinQuality > o.Quality {
		o.MinQuality = min(40, o.Quality)
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
// size is not in images (less than half of the file, or what is not an
// image alone exceeds maxBytes). ErrIllegible: it cannot fit without
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
		a, err := attempt(ctx, pdf, imgs, st)
		if err != nil {
			return nil, res, err
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

// survey finds the image XObjects of pc, the size each is drawn at, and
// how many bytes all images take.
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
		imageBytes += int64(len(sd.Raw))
		if p := placed[nr]; p != nil {
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
}

// attempt rewrites the PDF with its images at step st.
func attempt(ctx context.Context, pdf []byte, imgs []placedImage, st step) (attemptResult, error) {
	var a attemptResult
	pc, err := bind.Read(bytes.NewReader(pdf))
	if err != nil {
		return a, err
	}
	for _, pi := range imgs {
		if err := ctx.Err(); err != nil {
			return a, err
		}
		e, ok := pc.FindTableEntryLight(pi.objNr)
		if !ok || e == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok {
			continue
		}
		nsd, dpi, ok := reencode(pc, sd, pi, st)
		if ok && len(nsd.Raw) < len(sd.Raw) {
			e.Object = *nsd
			a.replaced++
			if a.dpi == 0 || dpi < a.dpi {
				a.dpi = dpi
			}
			a.images += int64(len(nsd.Raw))
		} else {
			a.images += int64(len(sd.Raw))
		}
	}
	var buf bytes.Buffer
	if err := bind.Write(pc, &buf); err != nil {
		return a, err
	}
	a.out = buf.Bytes()
	a.rest = int64(len(a.out)) - a.images
	return a, nil
}

// reencode returns img downsampled to st.dpi at its placed size and
// encoded as JPEG at st.quality, and its resulting resolution. ok is
// false for images it leaves alone: masks, 1-bit images (a JPEG of them
// is larger and blurred), images it cannot decode.
func reencode(pc *model.Context, sd types.StreamDict, pi placedImage, st step) (*types.StreamDict, int, bool) {
	if m := sd.Dict.BooleanEntry("ImageMask"); m != nil && *m {
		return nil, 0, false
	}
	if bpc := sd.Dict.IntEntry("BitsPerComponent"); bpc != nil && *bpc < 8 {
		return nil, 0, false
	}
	if pi.width <= 0 || pi.height <= 0 {
		return nil, 0, false
	}
	src, err := decodeXObject(pc, sd, pi.objNr)
	if err != nil {
		return nil, 0, false
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	// Pixels for st.dpi at the placed size, never more than there are.
	tw := min(w, int(math.Ceil(pi.width/72*float64(st.dpi))))
	th := min(h, int(math.Ceil(pi.height/72*float64(st.dpi))))
	// pi.width is the length on the page of the image's horizontal axis
	// (its pixel rows), turned or not. One scale for both axes.
	scale := min(float64(tw)/float64(w), float64(th)/float64(h))
	tw, th = max(1, int(math.Round(float64(w)*scale))), max(1, int(math.Round(float64(h)*scale)))
	gray := isGray(src)
	var dst draw.Image
	if gray {
		dst = image.NewGray(image.Rect(0, 0, tw, th))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, tw, th))
	}
	if tw == w && th == h {
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	} else {
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: st.quality}); err != nil {
		return nil, 0, false
	}
	cs := model.DeviceRGBCS
	if gray {
		cs = model.DeviceGrayCS
	}
	nsd, err := model.CreateDCTImageStreamDict(pc.XRefTable, buf.Bytes(), tw, th, 8, cs)
	if err != nil {
		return nil, 0, false
	}
	// Keep what else the image carried: its soft mask (drawn over the
	// same unit square at any resolution), intent, metadata, optional
	// content membership.
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
	dpi := int(math.Round(float64(tw) / (pi.width / 72)))
	if d := int(math.Round(float64(th) / (pi.height / 72))); d < dpi {
		dpi = d
	}
	return nsd, dpi, true
}

// decodeXObject decodes an image XObject's samples into an image.
func decodeXObject(pc *model.Context, sd types.StreamDict, objNr int) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("image obj#%d: %v", objNr, p)
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
	img, _, err = image.Decode(mi.Reader)
	return img, err
}

// isGray reports whether an image has no colour worth keeping: a gray
// image, or one whose every sampled pixel is within a few levels of gray
// (a scan in colour mode of a black-and-white page).
func isGray(img image.Image) bool {
	switch im := img.(type) {
	case *image.Gray, *image.Gray16:
		return true
	case *image.YCbCr:
		for _, c := range [][]uint8{im.Cb, im.Cr} {
			for k := 0; k < len(c); k += 7 {
				if c[k] < 124 || c[k] > 132 {
					return false
				}
			}
		}
		return true
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 5 {
		for x := b.Min.X; x < b.Max.X; x += 5 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, g) > 4<<8 || diff(g, bl) > 4<<8 || diff(r, bl) > 4<<8 {
				return false
			}
		}
	}
	return true
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
