// Package pack writes and checks submitted packages (申报材料包): Pack
// validates a package, builds its 申报书 or reuses an up-to-date one, and
// writes a zip of the workbooks, the attachments the workbooks name, the
// 申报书 and a manifest with every file's size and SHA-256. Check verifies
// such a zip (unpacked safely into a temporary folder), a folder unpacked
// from one, a package folder with its newest 申报书, or a 申报书 and its
// package: checksums, files missing or extra, the data valid, the 申报书
// matching the data.
package pack

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
)

// Options control Pack.
type Options struct {
	// Output is the zip to write; "" means
	// <package>/<output_dir>/申报材料-<版本号>.zip.
	Output string
	// Force lets the zip replace an existing file.
	Force bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Inputs are the files the run reads (nil: none known): Pack adds the
	// files it packs and refuses to write the zip over one of them.
	Inputs *inputs.Set
	// Context, when cancelled, stops Pack before it writes the zip (and a
	// build before its 申报书 is in place); the error is context.Cause.
	Context context.Context
}

// Packed is the outcome of Pack.
type Packed struct {
	Data     *dossier.Data
	Manifest *Manifest
	Output   string // the zip written
	Size     int64
	// PDF is the 申报书 packed; Reused tells whether it was there already
	// (else Pack built it).
	PDF    string
	Reused bool
	Built  *dossier.Built
}

// ErrHasErrors: the data has errors; nothing was written. The Packed
// returned with it carries the findings.
var ErrHasErrors = dossier.ErrHasErrors

// DefaultName is the zip's default file name for a version.
func DefaultName(version string) string { return "申报材料-" + version + ".zip" }

// Pack validates the package made of paths (a folder, or workbooks of one
// folder), refusing it when the data has errors; reuses the newest 申报书
// in its output folder whose recorded digest equals the package's (not a
// draft, one version on every page, every attachment bound), or builds a
// new one; and writes the zip.
func Pack(paths []string, cfg *config.Config, opts Options) (*Packed, error) {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Stat(opts.Output); err == nil {
			return nil, &os.PathError{Op: "write", Path: opts.Output, Err: ErrExists}
		}
	}
	d, err := dossier.Read(paths, cfg)
	if err != nil {
		return nil, err
	}
	p := &Packed{Data: d}
	if errs, _ := d.Counts(); errs > 0 {
		return p, ErrHasErrors
	}
	cs, err := candidates(d.Dir, cfg)
	if err != nil {
		return p, err
	}
	var ver string
	for _, c := range cs {
		if reusable(c, d) {
			p.PDF, p.Reused, ver = c.Path, true, c.Info.Version
			break
		}
	}
	if !p.Reused {
		b, err := dossier.Build(paths, cfg, dossier.Options{Now: now, Inputs: opts.Inputs, Context: opts.Context})
		if b != nil && b.Data != nil {
			p.Data, d = b.Data, b.Data
		}
		if err != nil {
			return p, err
		}
		p.Built, p.PDF, ver = b, b.Path, b.Version
	}
	if !versionShape.MatchString(ver) {
		return p, fmt.Errorf("the 申报书 %s records an unusable version %q", p.PDF, ver)
	}

	members, err := membersOf(d, p.PDF)
	if err != nil {
		return p, err
	}
	created := now()
	p.Manifest = &Manifest{
		Format:        ManifestFormat,
		FormatVersion: FormatVersion,
		Tool:          "mkspace",
		ToolVersion:   version.Tool,
		Created:       created.Format(time.RFC3339),
		Version:       ver,
		Digest:        d.Digest.SHA256,
		SpaceName:     d.Field(schema.Basic.Name),
		Operator:      d.Field(schema.Basic.Operator),
		Agency:        d.Field(schema.Basic.Agency),
		PDF:           pdfEntry(p.PDF),
	}
	p.Output = opts.Output
	if p.Output == "" {
		p.Output = filepath.Join(outputDir(d.Dir, cfg), DefaultName(ver))
	}
	for _, m := range members {
		opts.Inputs.Add(m.Path)
	}
	if err := opts.Inputs.Check(p.Output); err != nil {
		return p, err
	}
	if opts.Context != nil && opts.Context.Err() != nil {
		return p, context.Cause(opts.Context)
	}
	p.Size, err = writeArchive(p.Output, members, p.Manifest, created, opts.Force)
	return p, err
}

// pdfEntry is the name of the 申报书 inside the zip: in output/, where
// build-pdf puts it, so that the unpacked folder is a package folder too.
func pdfEntry(pdf string) string { return "output/" + filepath.Base(pdf) }

func outputDir(dir string, cfg *config.Config) string {
	if filepath.IsAbs(cfg.OutputDir) {
		return cfg.OutputDir
	}
	return filepath.Join(dir, cfg.OutputDir)
}

// membersOf lists the files of the package: its workbooks, the mkspace.yaml
// of its folder, every attachment the workbooks name (each once; nothing
// else of the attachments folder) and the 申报书.
func membersOf(d *dossier.Data, pdf string) ([]member, error) {
	var out []member
	for _, f := range d.Files {
		rel, err := filepath.Rel(d.Dir, f)
		if err != nil || !filepath.IsLocal(rel) {
			rel = filepath.Base(f)
		}
		out = append(out, member{Name: filepath.ToSlash(rel), Role: RoleWorkbook, Path: f})
	}
	if st, err := os.Stat(filepath.Join(d.Dir, config.FileName)); err == nil && st.Mode().IsRegular() {
		out = append(out, member{Name: config.FileName, Role: RoleConfig, Path: filepath.Join(d.Dir, config.FileName)})
	}
	for _, a := range d.Attachments {
		name, code := entryName(a.Path)
		if code != "" || name != a.Path {
			return nil, fmt.Errorf("attachment %q cannot be named in a zip", a.Path)
		}
		out = append(out, member{Name: a.Path, Role: RoleAttachment, Path: a.Abs, Want: d.Digest.Files[a.Path]})
	}
	out = append(out, member{Name: pdfEntry(pdf), Role: RolePDF, Path: pdf})
	for _, m := range out {
		if _, code := entryName(m.Name); code != "" {
			return nil, fmt.Errorf("%q cannot be named in a zip", m.Name)
		}
	}
	return out, nil
}

// IsExists reports whether err says the output exists.
func IsExists(err error) bool { return errors.Is(err, ErrExists) }
