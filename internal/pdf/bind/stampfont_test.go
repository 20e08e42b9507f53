package bind

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/templates"
)

// The stamp's font is embedded from memory: a bind writes nothing into the
// temporary folder, and the font is a subset tagged by its glyphs, with
// its widths and the glyphs of the stamp only.
func TestStampFontEmbeddedFromMemory(t *testing.T) {
	f := getFixtures(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	in := Input{Body: f.body, Version: NewVersion(), Meta: testMeta()}
	var buf bytes.Buffer
	_, err := Bind(in, &buf)
	require.NoError(t, err)
	entries, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing written to the temporary folder")

	ctx, err := api.ReadContext(bytes.NewReader(buf.Bytes()), Config())
	require.NoError(t, err)
	var stamp types.Dict // the font of the stamp's forms
	for _, e := range ctx.Table {
		sd, ok := e.Object.(types.StreamDict)
		if !ok || sd.NameEntry(MarkerKey) == nil {
			continue
		}
		res, err := ctx.DereferenceDict(sd.Dict["Resources"])
		require.NoError(t, err)
		fonts, err := ctx.DereferenceDict(res["Font"])
		require.NoError(t, err)
		stamp, err = ctx.DereferenceDict(fonts["F1"])
		require.NoError(t, err)
	}
	require.NotNil(t, stamp, "the stamp's font")
	assert.Equal(t, "Type0", *stamp.NameEntry("Subtype"))
	assert.NotNil(t, stamp.IndirectRefEntry("ToUnicode"))
	desc, err := ctx.DereferenceArray(stamp["DescendantFonts"])
	require.NoError(t, err)
	cid, err := ctx.DereferenceDict(desc[0])
	require.NoError(t, err)
	assert.Equal(t, "CIDFontType2", *cid.NameEntry("Subtype"))
	assert.Equal(t, "Identity", *cid.NameEntry("CIDToGIDMap"))
	assert.Regexp(t, `^[A-Z]{6}\+`, *cid.NameEntry("BaseFont"), "a subset tag")
	w, err := ctx.DereferenceArray(cid["W"])
	require.NoError(t, err)
	assert.NotEmpty(t, w)
	fd, err := ctx.DereferenceDict(cid["FontDescriptor"])
	require.NoError(t, err)
	sd, _, err := ctx.DereferenceStreamDict(fd["FontFile2"])
	require.NoError(t, err)
	require.NoError(t, sd.Decode())
	assert.Less(t, len(sd.Content), len(templates.Font)/4, "a subset, not the whole font")
}

// Subsetting the stamp's font costs little: the font file is read in
// memory, only the glyphs used are copied.
func BenchmarkStampFontSubset(b *testing.B) {
	f := font.Shipped()
	var gids []uint16
	for _, r := range "版本号：MK-0123456789ABCDEFGHJKLMNPQRSTUVWXYZ第页共草稿不可用于申报" {
		g, ok := f.Glyph(r)
		require.True(b, ok)
		gids = append(gids, uint16(g))
	}
	var size int
	for b.Loop() {
		sub, err := f.Subset(gids)
		if err != nil {
			b.Fatal(err)
		}
		size = len(sub)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/subset")
	b.ReportMetric(float64(size)/1024, "KB-subset")
}

// A font without the stamp's characters (Latin only) is refused, naming
// them, before anything is written.
func TestStampFontLacksGlyphs(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	path := filepath.Join(t.TempDir(), "Go-Regular.ttf")
	require.NoError(t, os.WriteFile(path, goregular.TTF, 0o644))
	c, err := font.Load([]string{path})
	require.NoError(t, err)
	_, err = Bind(Input{Body: f.body, Version: NewVersion(), Font: c[0]}, io.Discard)
	var ge *GlyphError
	require.True(t, errors.As(err, &ge), "got %v", err)
	assert.Contains(t, ge.Chars, "版本号")
	assert.NotContains(t, ge.Chars, "M", "Go Regular has Latin letters")
	assert.Contains(t, mustMessage(t, err), "版本号")
}
