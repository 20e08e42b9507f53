package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

func TestScanContent(t *testing.T) {
	content := []byte(`% a comment with Do inside
q 1 0 0 1 0 0 cm (a string (nested) with \) and Do) Tj
<< /MCID 0 >> BDC [(x) 5 (y)] TJ <48656c6c6f> Tj EMC
BI /W 4 /H 1 /BPC 8 /CS /G ID ` + "\x00EI\xffDo" + ` EI
/Im0 Do Q 2.5 -.5 +3 4 5 6 cm /Fm1 Do`)
	var got []string
	scanContent(content, func(o op) {
		got = append(got, fmt.Sprintf("%s %v", o.name, o.operands))
	})
	assert.Equal(t, []string{
		"q []", "cm [1 0 0 1 0 0]", "Tj [<nil>]", "BDC [<nil> MCID 0]", "TJ [<nil> 5 <nil>]", "Tj [<nil>]", "EMC []",
		"BI []", // the inline image's dictionary and data are skipped
		"Do [Im0]", "Q []", "cm [2.5 -0.5 3 4 5 6]", "Do [Fm1]",
	}, got)
}

func TestMatrixMul(t *testing.T) {
	scale := matrix{2, 0, 0, 3, 0, 0}
	move := matrix{1, 0, 0, 1, 10, 20}
	// Scale first, then move: (1, 1) → (2, 3) → (12, 23).
	m := scale.mul(move)
	assert.Equal(t, matrix{2, 0, 0, 3, 10, 20}, m)
	m = move.mul(scale)
	assert.Equal(t, matrix{2, 0, 0, 3, 20, 60}, m)
}

// rawPDF is a one-page PDF whose page content is content, with an image
// XObject Im0 (a JPEG of w × h) and, when form is not empty, a form
// XObject Fm0 with that content using Im0.
func rawPDF(t *testing.T, content, form string, w, h int) []byte {
	t.Helper()
	jpg := encodeJPEG(t, image.NewGray(image.Rect(0, 0, w, h)), 90)
	var p pdfWriter
	p.start()
	img := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n", w, h, len(jpg))
		b.Write(jpg)
		b.WriteString("\nendstream")
	})
	xobjects := fmt.Sprintf("/Im0 %d 0 R", img)
	if form != "" {
		fm := p.object(func(b *bytes.Buffer) {
			fmt.Fprintf(b, "<< /Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Matrix [0.5 0 0 0.5 0 0] /Resources << /XObject << /Im0 %d 0 R >> >> /Length %d >>\nstream\n%s\nendstream", img, len(form), form)
		})
		xobjects += fmt.Sprintf(" /Fm0 %d 0 R", fm)
	}
	cs := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
	})
	pg := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << %s >> >> /Contents %d 0 R >>", xobjects, cs)
	})
	p.kids = append(p.kids, pg)
	return p.finish()
}

// TestSurveyPlacement: the size an image is drawn at, through nested
// matrices, a quarter turn and a form XObject.
func TestSurveyPlacement(t *testing.T) {
	for _, tc := range []struct {
		name, content, form string
		width, height       float64
	}{
		{"plain", "q 400 0 0 600 10 10 cm /Im0 Do Q", "", 400, 600},
		{"nested", "q 2 0 0 2 0 0 cm q 100 0 0 150 0 0 cm /Im0 Do Q Q", "", 200, 300},
		{"turned", "q 0 600 -400 0 500 0 cm /Im0 Do Q", "", 600, 400},
		{"form", "q 1 0 0 1 20 20 cm /Fm0 Do Q", "q 400 0 0 600 0 0 cm /Im0 Do Q", 200, 300},
		{"largest use", "q 100 0 0 100 0 0 cm /Im0 Do Q q 300 0 0 200 0 0 cm /Im0 Do Q", "", 300, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc, err := bind.Read(bytes.NewReader(rawPDF(t, tc.content, tc.form, 60, 90)))
			require.NoError(t, err)
			imgs, imageBytes, err := survey(pc)
			require.NoError(t, err)
			require.Len(t, imgs, 1)
			assert.Positive(t, imageBytes)
			assert.InDelta(t, tc.width, imgs[0].width, 1e-6)
			assert.InDelta(t, tc.height, imgs[0].height, 1e-6)
		})
	}
}

// TestShrinkColour: a page with a red seal stays in colour; the same
// page without it becomes gray.
func TestShrinkColour(t *testing.T) {
	for _, seal := range []bool{false, true} {
		page := photoOfText(t, 200, 3)
		if seal {
			b := page.Bounds()
			cx, cy, r := b.Dx()*2/3, b.Dy()*3/4, b.Dx()/12 // about 2 % of the page
			for y := cy - r; y <= cy+r; y++ {
				for x := cx - r; x <= cx+r; x++ {
					if d := math.Hypot(float64(x-cx), float64(y-cy)); d < float64(r) && d > float64(r)*0.8 || d < float64(r)*0.3 {
						page.Set(x, y, color.RGBA{200, 30, 40, 255})
					}
				}
			}
		}
		in, err := convert(t, map[string][]byte{"p.jpg": encodeJPEG(t, page, 95)}, "p.jpg")
		require.NoError(t, err)
		out, res, err := Shrink(context.Background(), in, int64(len(in))/2, Options{TargetDPI: 150})
		require.NoError(t, err)
		require.True(t, res.Fits)
		infos := listImages(t, out)
		require.Len(t, infos, 1)
		want := "gray"
		if seal {
			want = "rgb"
		}
		assert.Equal(t, want, infos[0].color, "seal %v", seal)
	}
}

// TestMessageKeys: every error has a message, in both languages, that
// takes the placeholders the package documents.
func TestMessageKeys(t *testing.T) {
	for _, err := range []error{
		&ImageError{Path: "a.gif", Err: ErrUnsupportedImage},
		&ImageError{Path: "a.jpg", Err: fmt.Errorf("%w: unexpected EOF", ErrCorruptImage)},
		&ImageError{Path: "a.png", Err: ErrImageTooLarge},
		fmt.Errorf("%w: x", ErrNotScanned),
		fmt.Errorf("%w: x", ErrIllegible),
		&bind.DocumentError{Err: bind.ErrNeedsPassword},
		&bind.DocumentError{Err: fmt.Errorf("%w: x", bind.ErrUnreadable)},
	} {
		key := MessageKey(err)
		require.NotEmpty(t, key, "%v", err)
		require.True(t, msg.Has(key), key)
		for _, l := range []msg.Lang{msg.ZH, msg.EN} {
			s := l.T(key, "file", "attachments/x.pdf", "size", "12 MB", "limit", "3 MB", "dpi", "100")
			assert.NotContains(t, s, "{", "%s %s: %s", key, l, s)
			assert.Contains(t, s, "attachments/x.pdf")
		}
	}
	assert.Empty(t, MessageKey(nil))
	assert.Empty(t, MessageKey(errors.New("other")))
	for _, key := range []string{"scan.converted", "scan.shrunk"} {
		s := msg.ZH.T(key, "file", "a.jpg", "pdf", "a.pdf", "pages", "1", "before", "12 MB", "after", "2 MB",
			"limit", "3 MB", "dpi", "150", "original", "a.原件.pdf")
		assert.NotContains(t, s, "{", s)
	}
}

// TestShrinkUndecodable: a large image that cannot be decoded is not a
// scan Shrink can help with, and it says so at once.
func TestShrinkUndecodable(t *testing.T) {
	junk := bytes.Repeat([]byte("not a jpeg "), 20_000)
	var p pdfWriter
	p.start()
	img := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /XObject /Subtype /Image /Width 2000 /Height 3000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n", len(junk))
		b.Write(junk)
		b.WriteString("\nendstream")
	})
	content := "q 595 0 0 842 0 0 cm /Im0 Do Q"
	cs := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
	})
	pg := p.object(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", img, cs)
	})
	p.kids = append(p.kids, pg)
	in := p.finish()
	out, _, err := Shrink(context.Background(), in, int64(len(in))/2, Options{})
	require.ErrorIs(t, err, ErrNotScanned)
	assert.Nil(t, out)
}
