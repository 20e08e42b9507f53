package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/schema"
)

// PDFPattern matches the 申报书 build-pdf writes into the output folder.
const PDFPattern = "申报书-*.pdf"

// candidate is a 申报书 found in an output folder.
type candidate struct {
	Path string // on disk
	Name string // inside the package folder, '/' separators
	Info *bind.Info
	// Err says why the file could not be read as a PDF.
	Err     error
	modTime time.Time
}

// when is the time the candidate was generated: the time its metadata
// records, else the file's modification time.
func (c candidate) when() time.Time {
	if c.Info != nil && !c.Info.Generated.IsZero() {
		return c.Info.Generated
	}
	return c.modTime
}

// candidates reads every 申报书-*.pdf of the package's output folder,
// newest first (by the generation time the PDF records; a copy of a
// folder keeps it, unlike the files' times). The output folder is looked
// for inside the package folder only, as build-pdf writes it there: one
// that leads outside (an absolute path, "..", a link) is
// safefile.ErrOutside. Only regular files are read, under
// bind.MaxPDFBytes.
func candidates(dir string, cfg *config.Config) ([]candidate, error) {
	out := path.Clean(filepath.ToSlash(cfg.OutputDir))
	if safefile.Outside(out) {
		return nil, &fs.PathError{Op: "open", Path: cfg.OutputDir, Err: safefile.ErrOutside}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	od, err := safefile.OpenDirIn(root, out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	entries, err := od.ReadDir(-1)
	od.Close()
	if err != nil {
		return nil, err
	}
	var cs []candidate
	for _, e := range entries {
		if ok, _ := path.Match(PDFPattern, e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		name := path.Join(out, e.Name())
		f, err := safefile.OpenIn(root, name)
		if err != nil {
			continue
		}
		c := candidate{Path: filepath.Join(dir, filepath.FromSlash(name)), Name: name}
		if st, err := f.Stat(); err == nil {
			c.modTime = st.ModTime()
		}
		data, err := safefile.ReadAll(f, bind.MaxPDFBytes)
		f.Close()
		if err != nil {
			c.Err = err
		} else {
			c.Info, c.Err = bind.InspectReader(bytes.NewReader(data))
		}
		cs = append(cs, c)
	}
	slices.SortStableFunc(cs, func(a, b candidate) int {
		if c := b.when().Compare(a.when()); c != 0 {
			return c
		}
		if c := b.modTime.Compare(a.modTime); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return cs, nil
}

// readCandidate reads a candidate again, inside the package folder dir.
func readCandidate(dir string, c candidate, limit int64) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return safefile.ReadFileIn(root, c.Name, limit)
}

// reusable reports whether a 申报书 may go into a package of data d as it
// is: an mkspace 申报书, not a draft, one version on every page, its
// recorded digest equal to the data's, and every attachment bound in.
func reusable(c candidate, d *dossier.Data) bool {
	if c.Err != nil || c.Info == nil || c.Info.Draft || len(c.Info.Problems()) > 0 {
		return false
	}
	rec, err := digest.Parse(c.Info.Digest)
	if err != nil || !rec.Equal(d.Digest) {
		return false
	}
	data, err := readCandidate(d.Dir, c, bind.MaxPDFBytes)
	if err != nil {
		return false
	}
	missing, err := unbound(data, d)
	return err == nil && len(missing) == 0
}

// unbound lists the attachments of d that the 申报书 pdf does not bind (a
// 申报书 built with --no-attachments binds none but the commitment
// letter). build-pdf records the attachments it binds (bind.KeyBound);
// earlier versions gave each a bookmark whose title ends with its path.
func unbound(pdf []byte, d *dossier.Data) ([]string, error) {
	commitment := digest.CleanPath(d.Field(schema.Basic.Commitment))
	var want []string
	for _, a := range d.Attachments {
		if a.Path != commitment {
			want = append(want, a.Path)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	if info, err := bind.ReadInfo(bytes.NewReader(pdf)); err == nil && info.BoundRecorded {
		bound := map[string]bool{}
		for _, p := range info.Bound {
			bound[p] = true
		}
		var missing []string
		for _, p := range want {
			if !bound[p] {
				missing = append(missing, p)
			}
		}
		return missing, nil
	}
	// A 申报书 of an earlier mkspace: its bookmarks end with the paths.
	titles, err := bookmarkTitles(pdf)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, p := range want {
		found := false
		for _, t := range titles {
			if strings.HasSuffix(t, "："+p) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, p)
		}
	}
	return missing, nil
}

// bookmarkTitles reads the titles of every bookmark of a PDF.
func bookmarkTitles(pdf []byte) (titles []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			titles, err = nil, fmt.Errorf("read the bookmarks: %v", p)
		}
	}()
	ctx, err := api.ReadContext(bytes.NewReader(pdf), bind.Config())
	if err != nil {
		return nil, err
	}
	// Reading without pdfcpu's validation (slow) leaves the outline to
	// locate.
	if ctx.Outlines == nil {
		cat, err := ctx.Catalog()
		if err != nil {
			return nil, err
		}
		if o, ok := cat["Outlines"]; ok && o != nil {
			if ctx.Outlines, err = ctx.DereferenceDict(o); err != nil {
				return nil, err
			}
		}
	}
	bms, err := pdfcpu.Bookmarks(ctx)
	if err != nil {
		return nil, err
	}
	var walk func([]pdfcpu.Bookmark)
	walk = func(bms []pdfcpu.Bookmark) {
		for _, b := range bms {
			titles = append(titles, b.Title)
			walk(b.Kids)
		}
	}
	walk(bms)
	return titles, nil
}
