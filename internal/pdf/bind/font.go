package bind

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/font"
)

// fontMu serialises the use of pdfcpu's font folder, a process-wide
// setting (font.UserFontDir).
var fontMu sync.Mutex

// withFont makes a TrueType font usable by pdfcpu while fn runs, and
// gives fn its name. pdfcpu reads the fonts it embeds from a folder of
// installed fonts, by default in the user's home; here the font is
// installed into a temporary folder that is removed afterwards, and
// pdfcpu's previous setting is restored.
func withFont(ttf []byte, fn func(name string) error) error {
	fontMu.Lock()
	defer fontMu.Unlock()
	dir, err := os.MkdirTemp("", "mkspace-font-")
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	defer os.RemoveAll(dir)
	prev := font.UserFontDir
	defer func() {
		font.UserFontDir = prev
		_ = font.ReloadUserFonts()
	}()
	if err := installFont(dir, ttf); err != nil {
		return fmt.Errorf("font: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	var name string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".gob"); ok {
			name = n
		}
	}
	if name == "" {
		return fmt.Errorf("font: not installed in %s", filepath.Base(dir))
	}
	font.UserFontDir = dir
	if err := font.ReloadUserFonts(); err != nil {
		return fmt.Errorf("font: %w", err)
	}
	return fn(name)
}

func installFont(dir string, ttf []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return font.InstallFontFromBytesQuiet(dir, "stamp", ttf)
}

// missingGlyphs lists the characters of s that the installed font name
// cannot show.
func missingGlyphs(name string, s ...string) (string, error) {
	ttf, ok, err := font.UserFont(name)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("font %s is not installed", name)
	}
	var missing []rune
	seen := map[rune]bool{}
	for _, t := range s {
		for _, r := range t {
			if _, ok := ttf.Chars[uint32(r)]; !ok && !seen[r] && r != ' ' {
				seen[r] = true
				missing = append(missing, r)
			}
		}
	}
	return string(missing), nil
}
