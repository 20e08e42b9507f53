package pack

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
)

// ZipData is a packed package unpacked into a temporary folder for its
// data to be read (`mkspace validate x.zip`, `mkspace totals x.zip`).
type ZipData struct {
	*Unpacked
	Zip string // the zip, as given
	// Config is what the data is read with: the configuration given,
	// else the package's own mkspace.yaml.
	Config *config.Config
}

// UnpackData unpacks the packed package zip safely (see Unpack) to read
// its data with cfg — or, when cfg was not loaded from a file given (no
// --config), with the package's own mkspace.yaml as verify does, in cfg's
// language. An archive that cannot be unpacked safely, or whose
// mkspace.yaml does not load, gives no folder but the FILE-UNREADABLE
// finding saying why; the error is for what stops the run. The caller
// removes the folder (Remove).
func UnpackData(zip string, cfg *config.Config) (*ZipData, *finding.Finding, error) {
	unreadable := func(text string) *finding.Finding {
		return &finding.Finding{Rule: finding.FileUnreadable, Severity: finding.Error, Message: text}
	}
	u, err := Unpack(zip, CheckOptions{})
	var ae *ArchiveError
	if errors.As(err, &ae) {
		return nil, unreadable(ae.Localized(cfg.Lang)), nil
	}
	if err != nil {
		return nil, nil, err
	}
	if cfg.File == "" {
		c, err := config.Load(config.Source{Dir: u.Dir})
		var ce *config.Error
		if errors.As(err, &ce) {
			ce.ShowFileAs(filepath.Join(zip, config.FileName)) // not its copy in a temporary folder
		}
		if err != nil {
			u.Remove()
			return nil, unreadable(cfg.Lang.T("pkgcheck.config", "err", cfg.Lang.Cause(err))), nil
		}
		c.Lang = cfg.Lang
		cfg = c
	}
	return &ZipData{Unpacked: u, Zip: zip, Config: cfg}, nil, nil
}

// Localize renames, in the files and findings read from the temporary
// folder, each file as the zip's entry (the folder itself as the zip):
// the folder is gone when the user reads them.
func (z *ZipData) Localize(files []string, fs []finding.Finding) {
	for i, f := range files {
		if rel, err := filepath.Rel(z.Dir, f); err == nil && filepath.IsLocal(rel) {
			files[i] = filepath.ToSlash(rel)
		}
	}
	for i := range fs {
		if rel, err := filepath.Rel(z.Dir, fs[i].File); err == nil && rel == "." {
			fs[i].File = filepath.Base(z.Zip)
		} else if err == nil && filepath.IsLocal(rel) {
			fs[i].File = filepath.ToSlash(rel)
		}
		fs[i].Message = strings.ReplaceAll(fs[i].Message, z.Dir, filepath.Base(z.Zip))
	}
}
