package font

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

func TestOpenErrors(t *testing.T) {
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
	_, err := Open("", []string{writeFile(t, "Go-Regular.ttf", goregular.TTF)})
	var fe *Error
	require.True(t, errors.As(err, &fe), "got %v", err)
	assert.Contains(t, fe.Localized(msg.ZH), "中文申报")
	assert.NotContains(t, fe.Localized(msg.ZH), "0123", "Go Regular has digits")
}
