package font

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/templates"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

func header(tag string) []byte { return append([]byte(tag), make([]byte, 60)...) }

func TestOpenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		path func(t *testing.T) string
		key  string // "" = the font loads
	}{
		{"shipped font", func(t *testing.T) string { return "" }, ""},
		{"a copy of the shipped font", func(t *testing.T) string { return writeFile(t, "copy.ttf", templates.Font) }, ""},
		{"no such file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope.ttf") }, "font.missing"},
		{"a folder", func(t *testing.T) string { return t.TempDir() }, "font.unreadable"},
		{"TrueType collection", func(t *testing.T) string { return writeFile(t, "wqy-microhei.ttc", header("ttcf")) }, "font.collection"},
		{"CFF OpenType", func(t *testing.T) string { return writeFile(t, "NotoSansCJK.otf", header("OTTO")) }, "font.cff"},
		{"WOFF", func(t *testing.T) string { return writeFile(t, "f.woff", header("wOFF")) }, "font.web"},
		{"WOFF2", func(t *testing.T) string { return writeFile(t, "f.woff2", header("wOF2")) }, "font.web"},
		{"Mac TrueType", func(t *testing.T) string { return writeFile(t, "f.ttf", header("true")) }, "font.mac"},
		{"HTML saved as .ttf", func(t *testing.T) string {
			return writeFile(t, "f.ttf", []byte("<!DOCTYPE html><html><body>404</body></html>"))
		}, "font.not-font"},
		{"empty file", func(t *testing.T) string { return writeFile(t, "f.ttf", nil) }, "font.not-font"},
		{"truncated TrueType", func(t *testing.T) string { return writeFile(t, "cut.ttf", templates.Font[:4096]) }, "font.damaged"},
		{"TrueType header only", func(t *testing.T) string { return writeFile(t, "h.ttf", header("\x00\x01\x00\x00")) }, "font.damaged"},
		{"Latin-only TrueType", func(t *testing.T) string { return writeFile(t, "Go-Regular.ttf", goregular.TTF) }, "font.no-glyphs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Open("", []string{tt.path(t)})
			if tt.key == "" {
				require.NoError(t, err)
				require.Len(t, c, 1)
				return
			}
			require.Error(t, err)
			var fe *Error
			require.True(t, errors.As(err, &fe), "want a *FontError, got %T: %v", err, err)
			assert.Equal(t, tt.key, fe.Key)
			assert.True(t, msg.Has(fe.Key), "message %s is in the catalogue", fe.Key)
			for _, l := range []msg.Lang{msg.ZH, msg.EN} {
				s := fe.Localized(l)
				assert.NotContains(t, s, "{", "%s: placeholder left in %q", l, s)
				assert.Contains(t, s, filepath.Base(fe.Args[1]), "%s message names the file", l)
			}
		})
	}
}

func TestNoGlyphsNamesTheCharacters(t *testing.T) {
	t.Parallel()
	_, err := Open("", []string{writeFile(t, "Go-Regular.ttf", goregular.TTF)})
	var fe *Error
	require.True(t, errors.As(err, &fe), "got %v", err)
	assert.Contains(t, fe.Localized(msg.ZH), "中文申报")
	assert.NotContains(t, fe.Localized(msg.ZH), "0123", "Go Regular has digits")
}

// A font that cannot be embedded but has a character map (an OpenType/CFF
// font) still tells validate what it covers; Check refuses it for a
// document.
func TestCoverageOfAFontThatCannotBeEmbedded(t *testing.T) {
	t.Parallel()
	otf := append([]byte("OTTO"), templates.Font[4:]...)
	path := writeFile(t, "NotoSansCJK.otf", otf)
	c, err := Load([]string{path})
	require.NoError(t, err)
	assert.Empty(t, c.Missing("中文"), "its coverage is known")
	var fe *Error
	require.ErrorAs(t, c.Check(), &fe)
	assert.Equal(t, "font.cff", fe.Key)
	_, err = Open("", []string{path})
	assert.ErrorAs(t, err, &fe)
}

// Each file is read once per run, and again when it changes.
func TestLoadOncePerFile(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "copy.ttf", templates.Font)
	a, err := Load([]string{path, ""})
	require.NoError(t, err)
	b, err := Load([]string{path, ""})
	require.NoError(t, err)
	assert.Same(t, a[0], b[0])
	assert.Same(t, a[1], b[1])
	assert.Same(t, Shipped(), a[1])
	assert.True(t, a[0].Shipped(), "a copy of the shipped font")
	assert.Equal(t, "copy.ttf", a[0].Name())

	require.NoError(t, os.WriteFile(path, append(templates.Font[:len(templates.Font):len(templates.Font)], 0), 0o644))
	require.NoError(t, os.Chtimes(path, time.Now(), time.Now().Add(time.Hour)))
	c, err := Load([]string{path})
	require.NoError(t, err)
	assert.NotSame(t, a[0], c[0], "read again once changed")
	assert.False(t, c[0].Shipped())
}

// Glyphs and advances are those the PDF writer uses.
func TestGlyphAndAdvance(t *testing.T) {
	t.Parallel()
	f := Shipped()
	g, ok := f.Glyph('中')
	require.True(t, ok)
	assert.InDelta(t, 1.0, f.Advance(g), 0.001, "a Chinese character is one em")
	_, ok = f.Glyph('𠀀')
	assert.False(t, ok, "not in the shipped font")
	assert.False(t, f.Has('𠀀'))
}
