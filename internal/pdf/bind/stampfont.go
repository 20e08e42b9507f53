package bind

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	pdfcpufont "github.com/pdfcpu/pdfcpu/pkg/font"

	"github.com/mkspace/mkspace/internal/pdf/font"
)

// The stamp's font is embedded by pdfcpu, which reads a font only from its
// folder of installed fonts (pdfcpufont.UserFontDir, a setting of the whole
// process), as a .gob file it writes when the font is installed. Each font
// the stamp uses is installed once per process, into a temporary folder
// (mkspace-font-*) that stays pdfcpu's font folder until Cleanup removes
// it.
var installed struct {
	mu      sync.Mutex
	dir     string
	names   map[*font.Font]string // each font's name in pdfcpu
	active  int                   // binds using the folder
	closing bool                  // Cleanup was called while binds were running
}

// stampFont makes f usable by pdfcpu and returns its name there; release
// says the bind is done with it.
func stampFont(f *font.Font) (name string, release func(), err error) {
	installed.mu.Lock()
	defer installed.mu.Unlock()
	if installed.dir == "" {
		dir, err := os.MkdirTemp("", "mkspace-font-")
		if err != nil {
			return "", nil, err
		}
		installed.dir, installed.names = dir, map[*font.Font]string{}
		pdfcpufont.UserFontDir = dir
	}
	name, ok := installed.names[f]
	if !ok {
		if name, err = install(installed.dir, f.Data()); err != nil {
			if len(installed.names) == 0 && installed.active == 0 {
				removeFonts()
			}
			return "", nil, err
		}
		installed.names[f] = name
	}
	installed.active++
	var once sync.Once
	return name, func() { once.Do(releaseFonts) }, nil
}

func releaseFonts() {
	installed.mu.Lock()
	defer installed.mu.Unlock()
	installed.active--
	if installed.active == 0 && installed.closing {
		removeFonts()
	}
}

// Cleanup removes the folder of the stamp's fonts (see stampFont), at
// once or, while a bind still uses it, when that bind ends. A later bind
// installs its font again. A program that binds calls it before it exits;
// the command line calls it when a command ends, interrupted or not.
func Cleanup() {
	installed.mu.Lock()
	defer installed.mu.Unlock()
	if installed.active > 0 {
		installed.closing = true
		return
	}
	removeFonts()
}

// removeFonts removes the folder and makes pdfcpu forget its fonts.
func removeFonts() {
	if installed.dir == "" {
		return
	}
	_ = os.RemoveAll(installed.dir)
	installed.dir, installed.names, installed.closing = "", nil, false
	pdfcpufont.UserFontDir = ""
	_ = pdfcpufont.ReloadUserFonts()
}

// install installs a TrueType font into the folder dir, under a name no
// other font there has, and has pdfcpu read the folder again.
func install(dir string, ttf []byte) (string, error) {
	sub, err := os.MkdirTemp(dir, "install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(sub)
	if err := installFont(sub, ttf); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(sub)
	if err != nil {
		return "", err
	}
	var ps string // the font's PostScript name, as pdfcpu names the file
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".gob"); ok {
			ps = n
		}
	}
	if ps == "" {
		return "", fmt.Errorf("font not installed")
	}
	name := ps
	for i := 2; ; i++ {
		if _, err := os.Lstat(filepath.Join(dir, name+".gob")); err != nil {
			break
		}
		name = fmt.Sprintf("%s-%d", ps, i)
	}
	if err := os.Rename(filepath.Join(sub, ps+".gob"), filepath.Join(dir, name+".gob")); err != nil {
		return "", err
	}
	return name, pdfcpufont.ReloadUserFonts()
}

func installFont(dir string, ttf []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	return pdfcpufont.InstallFontFromBytesQuiet(dir, "stamp", ttf)
}
