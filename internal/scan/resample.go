package scan

// areaScale resamples an image of w × h pixels of nch interleaved 8-bit
// channels (rows stride bytes apart) to tw × th pixels, each output
// pixel the average of the source area it covers, partial pixels
// weighted by their share. For reducing scans of text this box filter
// keeps strokes without the aliasing of point sampling, at a cost linear
// in the source's pixels (x/image/draw's CatmullRom took seconds per
// page for the same work). Only downsampling: tw ≤ w, th ≤ h.
func areaScale(src []byte, w, h, stride, nch, tw, th int) []byte {
	xs := spans(w, tw)
	ys := spans(h, th)
	out := make([]byte, tw*th*nch)
	row := make([]float32, tw*nch) // one source row, scaled horizontally
	acc := make([]float32, tw*nch)
	lastRow := -1
	for oy, sy := range ys {
		clear(acc)
		for _, c := range sy {
			if c.i != lastRow {
				hscale(src[c.i*stride:c.i*stride+w*nch], nch, xs, row)
				lastRow = c.i
			}
			for k, v := range row {
				acc[k] += c.w * v
			}
		}
		o := out[oy*tw*nch : (oy+1)*tw*nch]
		for k, v := range acc {
			o[k] = uint8(min(255, v+0.5))
		}
	}
	return out
}

// contribution is a source index and its weight in an output pixel.
type contribution struct {
	i int
	w float32
}

// spans returns, for each of m output pixels along an axis of n source
// pixels, the source pixels it covers and their weights (summing to 1).
func spans(n, m int) [][]contribution {
	s := float64(n) / float64(m)
	out := make([][]contribution, m)
	for o := range out {
		lo, hi := float64(o)*s, float64(o+1)*s
		for i := int(lo); i < n && float64(i) < hi; i++ {
			overlap := min(float64(i+1), hi) - max(float64(i), lo)
			if overlap > 1e-9 {
				out[o] = append(out[o], contribution{i, float32(overlap / s)})
			}
		}
	}
	return out
}

func hscale(src []byte, nch int, xs [][]contribution, dst []float32) {
	for ox, sx := range xs {
		d := dst[ox*nch : ox*nch+nch]
		clear(d)
		for _, c := range sx {
			p := src[c.i*nch : c.i*nch+nch]
			for k := range d {
				d[k] += c.w * float32(p[k])
			}
		}
	}
}
