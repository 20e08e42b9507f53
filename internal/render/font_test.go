package render

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

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

func TestNewFontErrors(t *testing.T) {
	tests := []struct {
		name string
		path func(t *testing.T) string
		key  string // "" = the font loads
	}{
		{"shipped font", func(t *testing.T) string { return "" }, ""},
		{"a copy of the shipped font", func(t *testing.T) string { return writeFile(t, "copy.ttf", templates.Font) }, ""},
		{"no such file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope.ttf") }, "render.font-missing"},
		{"a folder", func(t *testing.T) string { return t.TempDir() }, "render.font-unreadable"},
		{"TrueType collection", func(t *testing.T) string { return writeFile(t, "wqy-microhei.ttc", header("ttcf")) }, "render.font-collection"},
		{"CFF OpenType", func(t *testing.T) string { return writeFile(t, "NotoSansCJK.otf", header("OTTO")) }, "render.font-cff"},
		{"WOFF", func(t *testing.T) string { return writeFile(t, "f.woff", header("wOFF")) }, "render.font-web"},
		{"WOFF2", func(t *testing.T) string { return writeFile(t, "f.woff2", header("wOF2")) }, "render.font-web"},
		{"Mac TrueType", func(t *testing.T) string { return writeFile(t, "f.ttf", header("true")) }, "render.font-mac"},
		{"HTML saved as .ttf", func(t *testing.T) string {
			return writeFile(t, "f.ttf", []byte("<!DOCTYPE html><html><body>404</body></html>"))
		}, "render.font-not-font"},
		{"empty file", func(t *testing.T) string { return writeFile(t, "f.ttf", nil) }, "render.font-not-font"},
		{"truncated TrueType", func(t *testing.T) string { return writeFile(t, "cut.ttf", templates.Font[:4096]) }, "render.font-damaged"},
		{"TrueType header only", func(t *testing.T) string { return writeFile(t, "h.ttf", header("\x00\x01\x00\x00")) }, "render.font-damaged"},
		{"Latin-only TrueType", func(t *testing.T) string { return writeFile(t, "Go-Regular.ttf", goregular.TTF) }, "render.font-no-glyphs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(Options{FontPath: tt.path(t)})
			if tt.key == "" {
				require.NoError(t, err)
				require.NotNil(t, d)
				return
			}
			require.Error(t, err)
			assert.Nil(t, d)
			var fe *FontError
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
	_, err := New(Options{FontPath: writeFile(t, "Go-Regular.ttf", goregular.TTF)})
	var fe *FontError
	require.True(t, errors.As(err, &fe), "got %v", err)
	assert.Contains(t, fe.Localized(msg.ZH), "中文申报")
	assert.NotContains(t, fe.Localized(msg.ZH), "0123", "Go Regular has digits")
}

func TestFontPath(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "f.ttf")
	tests := []struct{ dir, configured, want string }{
		{"pkg", "", ""},
		{"pkg", "fonts/f.ttf", filepath.Join("pkg", "fonts", "f.ttf")},
		{"pkg", abs, abs},
		{".", "f.ttf", "f.ttf"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FontPath(tt.dir, tt.configured), "FontPath(%q, %q)", tt.dir, tt.configured)
	}
}

func TestFontName(t *testing.T) {
	assert.Equal(t, "MKSPCE+WenQuanYiMicroHei", fontName(""))
	assert.Equal(t, "MKSPCE+SimHei", fontName("/x/SimHei.ttf"))
	assert.Equal(t, "MKSPCE+Font", fontName("/x/黑体.ttf"))
	assert.Equal(t, "MKSPCE+ab-c", fontName("a b/ab-c 字.ttf"))
}
