package fix

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/pdf/testpdf"
	"github.com/mkspace/mkspace/internal/scan"
)

// photo is a JPEG of w×h noisy pixels (a phone photo compresses badly
// too), written to the package-relative path rel.
func photo(t *testing.T, dir, rel string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8(200 + r.IntN(56))
			if (x/40+y/60)%3 == 0 {
				v = uint8(r.IntN(60)) // "text"
			}
			img.Set(x, y, color.RGBA{v, v, v, 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}))
	put(t, dir, rel, buf.Bytes())
	return buf.Bytes()
}

func put(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(rel))
	require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
	require.NoError(t, os.WriteFile(full, data, 0o644))
}

func planWith(t *testing.T, dir string, cfg *config.Config, actions ...Action) (*Package, []Change) {
	t.Helper()
	p, err := Load(dir, cfg)
	require.NoError(t, err)
	cs, err := Plan(p, actions)
	require.NoError(t, err)
	return p, cs
}

func TestImageAction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	team := cellv{"teams", "name", 1, "绿芽团队"}
	named := cellv{"teams", "agreement", 1, "attachments/创业团队/绿芽团队-入驻协议.jpg"}
	for _, tc := range []struct {
		name   string
		cells  []cellv
		photos []string
		other  map[string]string // rel → content
		want   []string
		msgKey string
	}{
		{name: "a cell naming an image", cells: []cellv{team, named},
			photos: []string{"attachments/创业团队/绿芽团队-入驻协议.jpg"},
			want:   []string{"image@创业团队!H2=attachments/创业团队/绿芽团队-入驻协议.pdf"}},
		{name: "a blank cell and the image its row names", cells: []cellv{team},
			photos: []string{"attachments/创业团队/绿芽团队 入驻协议.JPG"},
			want:   []string{"image@创业团队!H2=attachments/创业团队/绿芽团队 入驻协议.pdf"}},
		{name: "a blank cell with a PDF by convention is link's, not image's", cells: []cellv{team},
			photos: []string{"attachments/创业团队/绿芽团队-入驻协议.jpg"},
			other:  map[string]string{"attachments/创业团队/绿芽团队-入驻协议扫描.pdf": "%PDF-1.4\n%%EOF\n"},
			want:   []string{}},
		{name: "two images for one cell: not guessed", cells: []cellv{team},
			photos: []string{"attachments/a/绿芽团队-入驻协议.jpg", "attachments/b/绿芽团队-入驻协议.png"},
			want:   []string{}},
		{name: "a PDF of the name exists already: listed", cells: []cellv{team, named},
			photos: []string{"attachments/创业团队/绿芽团队-入驻协议.jpg"},
			other:  map[string]string{"attachments/创业团队/绿芽团队-入驻协议.pdf": "%PDF-1.4\n%%EOF\n"},
			want:   []string{"image.exists@创业团队!H2=attachments/创业团队/绿芽团队-入驻协议.pdf"}},
		{name: "a damaged image: listed with its reason", cells: []cellv{team, named},
			other:  map[string]string{"attachments/创业团队/绿芽团队-入驻协议.jpg": "\xff\xd8\xff\xe0 not really"},
			want:   []string{"image@创业团队!H2="},
			msgKey: "scan.image-corrupt"},
		{name: "a filled cell naming a PDF: nothing", cells: []cellv{team, {"teams", "agreement", 1, "attachments/x.pdf"}},
			photos: []string{"attachments/创业团队/绿芽团队-入驻协议.jpg"},
			want:   []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := newPackage(t, tc.cells)
			for _, p := range tc.photos {
				photo(t, dir, p, 120, 160)
			}
			for rel, s := range tc.other {
				put(t, dir, rel, []byte(s))
			}
			_, cs := planWith(t, dir, config.Default(), imageAction{ctx})
			assert.Equal(t, tc.want, brief(cs))
			if tc.msgKey != "" {
				require.Len(t, cs, 1)
				assert.True(t, cs[0].Skipped)
				assert.Equal(t, tc.msgKey, cs[0].Msg)
			}
		})
	}
}

func TestImageActionApplied(t *testing.T) {
	t.Parallel()
	dir := newPackage(t, []cellv{{"teams", "name", 1, "绿芽团队"}, {"teams", "name", 2, "橙子团队"},
		{"teams", "agreement", 2, "attachments/创业团队/共用协议.png"},
		{"teams", "financed", 1, "是"}, {"teams", "financing_proof", 1, "attachments/创业团队/共用协议.png"}})
	photo(t, dir, "attachments/创业团队/绿芽团队-入驻协议.jpg", 300, 400)
	var png bytes.Buffer
	require.NoError(t, jpeg.Encode(&png, image.NewGray(image.Rect(0, 0, 50, 80)), nil)) // a JPEG named .png: read by content
	put(t, dir, "attachments/创业团队/共用协议.png", png.Bytes())
	before, err := os.ReadFile(filepath.Join(dir, "attachments/创业团队/绿芽团队-入驻协议.jpg"))
	require.NoError(t, err)

	p, cs := planWith(t, dir, config.Default(), Actions(context.Background(), false)...)
	assert.ElementsMatch(t, []string{
		"image@创业团队!H2=attachments/创业团队/绿芽团队-入驻协议.pdf",
		"image@创业团队!H3=attachments/创业团队/共用协议.pdf",
		"image@创业团队!L2=attachments/创业团队/共用协议.pdf",
	}, brief(cs))
	_, err = Apply(context.Background(), p, cs, Options{NoBackup: true})
	require.NoError(t, err)

	for _, pdf := range []string{"绿芽团队-入驻协议.pdf", "共用协议.pdf"} {
		data, err := os.ReadFile(filepath.Join(dir, "attachments/创业团队", pdf))
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(data, []byte("%PDF-")), pdf)
	}
	after, err := os.ReadFile(filepath.Join(dir, "attachments/创业团队/绿芽团队-入驻协议.jpg"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "the image is kept")
	f, err := excelize.OpenFile(filepath.Join(dir, "申报数据.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	for ref, want := range map[string]string{"H2": "attachments/创业团队/绿芽团队-入驻协议.pdf", "H3": "attachments/创业团队/共用协议.pdf", "L2": "attachments/创业团队/共用协议.pdf"} {
		v, err := f.GetCellValue("创业团队", ref)
		require.NoError(t, err)
		assert.Equal(t, want, v, ref)
	}

	// Again: nothing left to do.
	_, again := planWith(t, dir, config.Default(), Actions(context.Background(), false)...)
	assert.Empty(t, brief(again))
}

func TestShrinkAction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := newPackage(t, []cellv{{"teams", "name", 1, "绿芽团队"},
		{"teams", "agreement", 1, "attachments/创业团队/绿芽团队-入驻协议.pdf"},
		{"teams", "name", 2, "橙子团队"},
		{"teams", "agreement", 2, "attachments/创业团队/橙子团队-入驻协议.pdf"},
		{"teams", "name", 3, "小团队"},
		{"teams", "agreement", 3, "attachments/创业团队/小团队-入驻协议.pdf"},
	})
	// A scan: one A4 page at 300 dpi, stored as the photo's JPEG.
	img := filepath.Join(dir, "scan.jpg")
	photo(t, dir, "scan.jpg", 2480, 3508)
	var scanned bytes.Buffer
	require.NoError(t, scan.ImagesToPDF(ctx, []string{img}, &scanned))
	put(t, dir, "attachments/创业团队/绿芽团队-入驻协议.pdf", scanned.Bytes())
	// Text only, as large: its size is not in images.
	text := testpdf.Pages(strings.Repeat("lorem ipsum ", len(scanned.Bytes())/12), testpdf.A4)
	put(t, dir, "attachments/创业团队/橙子团队-入驻协议.pdf", text)
	put(t, dir, "attachments/创业团队/小团队-入驻协议.pdf", []byte("%PDF-1.4\n%%EOF\n"))

	cfg := config.Default()
	cfg.MaxBytes = int64(scanned.Len()) / 3
	require.Greater(t, int64(len(text)), cfg.MaxBytes, "the text PDF is over the limit too")
	p, cs := planWith(t, dir, cfg, shrinkAction{ctx})
	require.Len(t, cs, 2, "%v", brief(cs))
	got := map[string]Change{}
	for _, c := range cs {
		got[c.Ref] = c
	}
	assert.Equal(t, "attachments/创业团队/绿芽团队-入驻协议.原件.pdf", got["H2"].New)
	assert.False(t, got["H2"].Skipped)
	assert.True(t, got["H3"].Skipped)
	assert.Equal(t, "scan.not-scanned", got["H3"].Msg)

	_, err := Apply(ctx, p, cs, Options{NoBackup: true})
	require.NoError(t, err)
	orig, err := os.ReadFile(filepath.Join(dir, "attachments/创业团队/绿芽团队-入驻协议.原件.pdf"))
	require.NoError(t, err)
	assert.Equal(t, scanned.Bytes(), orig, "the original is kept byte for byte")
	st, err := os.Stat(filepath.Join(dir, "attachments/创业团队/绿芽团队-入驻协议.pdf"))
	require.NoError(t, err)
	assert.LessOrEqual(t, st.Size(), cfg.MaxBytes)
	same, err := os.ReadFile(filepath.Join(dir, "attachments/创业团队/橙子团队-入驻协议.pdf"))
	require.NoError(t, err)
	assert.Equal(t, text, same, "a PDF that cannot be shrunk is left as it is")

	// Again: under the limit now; the original is named by no cell.
	_, again := planWith(t, dir, cfg, shrinkAction{ctx})
	assert.Equal(t, []string{"shrink@创业团队!H3=" /* still listed */}, brief(again))
}
