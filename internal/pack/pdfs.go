package pack

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"

	"github.com/mkspace/mkspace/internal/bind"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/pdfconf"
)

// PDFPattern matches the 申报书 build-pdf writes into the output folder.
const PDFPattern = "申报书-*.pdf"

// candidate is a 申报书 found in an output folder.
type candidate struct {
	Path string
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
// folder keeps it, unlike the files' times).
func candidates(dir string, cfg *config.Config) ([]candidate, error) {
	out := cfg.OutputDir
	if !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	names, err := filepath.Glob(filepath.Join(out, PDFPattern))
	if err != nil {
		return nil, err
	}
	var cs []candidate
	for _, n := range names {
		st, err := os.Lstat(n)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		c := candidate{Path: n, modTime: st.ModTime()}
		c.Info, c.Err = bind.Inspect(n)
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
	missing, err := unbound(c.Path, d)
	return err == nil && len(missing) == 0
}

// unbound lists the attachments of d that the 申报书 pdf does not bind (a
// 申报书 built with --no-attachments binds none but the commitment
// letter). build-pdf gives every bound attachment a bookmark whose title
// ends with the attachment's path.
func unbound(pdf string, d *dossier.Data) ([]string, error) {
	commitment := digest.CleanPath(d.Field("basic", "commitment"))
	var want []string
	for _, a := range d.Attachments {
		if a.Path != commitment {
			want = append(want, a.Path)
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
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
func bookmarkTitles(pdf string) (titles []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			titles, err = nil, fmt.Errorf("read the bookmarks of %s: %v", pdf, p)
		}
	}()
	data, err := os.ReadFile(pdf)
	if err != nil {
		return nil, err
	}
	ctx, err := api.ReadContext(bytes.NewReader(data), pdfconf.New())
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
