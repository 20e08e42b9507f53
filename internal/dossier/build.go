package dossier

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/inputs"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/font"
	"github.com/mkspace/mkspace/internal/pdf/layout"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/version"
)

// Options control a build.
type Options struct {
	// Output is the PDF to write; "" means <package>/<output_dir>/申报书-<版本号>.pdf.
	Output string
	// Draft builds despite errors, with a draft version and every page
	// marked as such (bind.DraftMark).
	Draft bool
	// NoAttachments leaves the 附件 part out (the commitment letter stays).
	NoAttachments bool
	// Force lets Output replace an existing file.
	Force bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Inputs are the files the run reads (nil: none known). Build adds
	// those it reads (workbooks, attachments, the font) and refuses to
	// write the 申报书 over any of them, Force or not (*inputs.Error).
	Inputs *inputs.Set
	// Context, when cancelled, stops the build before anything is put in
	// place, its temporary files removed; the error is then
	// context.Cause. Nil: never cancelled.
	Context context.Context
}

// stopped returns the reason the build is cancelled, or nil.
func (o Options) stopped() error {
	if o.Context == nil || o.Context.Err() == nil {
		return nil
	}
	return context.Cause(o.Context)
}

// LogError is a version log that cannot be appended to (open in Excel,
// read-only, a folder of that name): the 申报书 is then not written
// either, so that no 申报书 exists without its record.
type LogError struct {
	Path string
	Err  error
}

func (e *LogError) Error() string { return "version log " + e.Path + ": " + e.Err.Error() }
func (e *LogError) Unwrap() error { return e.Err }

// LogName is the version log in the output folder: one line per build.
const LogName = "版本记录.csv"

// ErrHasErrors: the data has errors and the build was not a draft. The
// Built returned with it carries the findings.
var ErrHasErrors = errors.New("the package has errors")

// ErrGlyphsMissing: a cell holds a character that no font of pdf.font has
// (CELL-GLYPH-MISSING) and the build was not a draft: it would print as a
// blank. The Built returned with it carries the findings.
var ErrGlyphsMissing = errors.New("characters the fonts lack")

// GlyphsMissing counts the CELL-GLYPH-MISSING findings.
func GlyphsMissing(fs []finding.Finding) int {
	n := 0
	for i := range fs {
		if fs[i].Rule == finding.CellGlyphMissing {
			n++
		}
	}
	return n
}

// ErrExists: Output exists and Force was not given.
var ErrExists = fs.ErrExist

// Built is the outcome of a build.
type Built struct {
	Data    *Data
	Version string
	Path    string // the PDF written
	Log     string // the version log appended to
	Pages   int
	Size    int64
	// Skipped lists attachments left out of a draft because they could
	// not be read.
	Skipped []string
}

// Build reads the package, and unless it has errors (or opts.Draft) writes
// the 申报书 with a new version number on every page.
func Build(paths []string, cfg *config.Config, opts Options) (*Built, error) {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	d, err := Read(paths, cfg)
	if err != nil {
		return nil, err
	}
	b := &Built{Data: d}
	if errs, _ := d.Counts(); errs > 0 && !opts.Draft {
		return b, ErrHasErrors
	}
	opts.Inputs.Add(d.Files...)
	for _, a := range d.Attachments {
		opts.Inputs.Add(a.Abs)
	}
	for _, p := range font.Paths(d.Dir, cfg.Fonts) {
		if p != "" {
			opts.Inputs.Add(p)
		}
	}
	fonts, err := font.Open(d.Dir, cfg.Fonts)
	if err != nil {
		return b, err
	}
	if GlyphsMissing(d.Findings) > 0 && !opts.Draft {
		return b, ErrGlyphsMissing
	}
	if opts.Draft {
		b.Version = bind.NewDraftVersion()
	} else {
		b.Version = bind.NewVersion()
	}
	out := opts.Output
	if out == "" {
		out = filepath.Join(d.Dir, cfg.OutputDir, "申报书-"+b.Version+".pdf")
	}
	if err := opts.Inputs.Check(out); err != nil {
		return b, err
	}
	if _, err := os.Stat(out); err == nil && !opts.Force {
		return b, &os.PathError{Op: "write", Path: out, Err: ErrExists}
	}
	outDir := filepath.Dir(out)
	if _, err := os.Stat(outDir); errors.Is(err, fs.ErrNotExist) {
		// A build that fails leaves no new (empty) output folder.
		defer func() {
			if b.Path == "" {
				_ = os.Remove(outDir) // only when empty
			}
		}()
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return b, err
	}

	front, atts, skipped := boundFiles(d, opts.NoAttachments)
	b.Skipped = skipped
	ref := map[string]string{}
	space, operator, generated := d.Field(schema.Basic.Name), d.Field(schema.Basic.Operator), now()
	in := layout.Input{
		Info: layout.Info{Title: Title, Subject: Title + " " + space, Author: operator,
			Creator: "mkspace " + version.Tool, Created: generated},
		Header: layout.Header{Left: Title, Right: space},
		Cover: cover(coverData{SpaceName: space, Operator: operator, Agency: d.Field(schema.Basic.Agency),
			Contact: d.Field(schema.Basic.Contact), Phone: d.Field(schema.Basic.Phone),
			Generated: generated, Version: b.Version, Draft: opts.Draft}),
		Contents: true,
		Fonts:    fonts,
	}
	for _, f := range front {
		in.Front = append(in.Front, layout.AttachmentRef{Title: msg.ZH.T("doc.letter"), Pages: f.Pages})
	}
	for i, a := range atts {
		label := msg.ZH.T("doc.attachment-label", "n", strconv.Itoa(i+1))
		ref[a.Path] = label
		in.Attachments = append(in.Attachments, layout.AttachmentRef{
			Title: msg.ZH.T("doc.attachment-title", "label", label, "what", a.Title),
			Label: label, Cells: indexCells(a.Mentions), Pages: a.Pages})
	}
	in.Sections = sections(d, ref)

	var body bytes.Buffer
	lay, err := layout.Render(&body, in)
	if err != nil {
		return b, err
	}
	if len(lay.Missing) > 0 && !opts.Draft {
		// What the cells' check cannot see: the fixed texts of the
		// document in a configured font that lacks some of them.
		return b, fonts.MissingError(lay.Missing)
	}
	if err := opts.stopped(); err != nil {
		return b, err
	}
	files := append(append([]bound{}, front...), atts...)
	if len(lay.Slots) != len(files) {
		return b, fmt.Errorf("layout reserved %d places for %d documents", len(lay.Slots), len(files))
	}
	bi := bind.Input{
		Body:    body.Bytes(),
		Version: b.Version,
		Draft:   opts.Draft,
		Font:    fonts[0],
		Meta: bind.Meta{
			Title:     Title + "：" + space,
			Subject:   space,
			Author:    operator,
			Keywords:  msg.ZH.T("doc.keywords", "version", b.Version),
			Tool:      "mkspace " + version.Tool,
			Generated: generated,
			Digest:    d.Digest.String(),
			Bound:     []string{},
		},
	}
	for _, a := range atts {
		bi.Meta.Bound = append(bi.Meta.Bound, a.Path)
	}
	for i, s := range lay.Slots {
		doc := bind.Document{Path: files[i].Abs, Title: s.Title, After: s.After}
		if s.Attachment {
			label := in.Attachments[i-len(front)].Label
			doc.Label = s.Title
			doc.Continued = func(page, pages int) string {
				return msg.ZH.T("doc.attachment-continued", "label", label, "page", strconv.Itoa(page), "pages", strconv.Itoa(pages))
			}
		}
		bi.Documents = append(bi.Documents, doc)
	}
	for _, bm := range lay.Bookmarks {
		bi.Outline = append(bi.Outline, bind.Bookmark{Title: bm.Title, Level: bm.Level, Page: bm.Page})
	}
	// Both or neither: the whole PDF is written beside its place, then its
	// line is appended to the version log, and only then is the PDF put in
	// place (if that fails, the line is taken back).
	var res *bind.Result
	staged, err := atomicfile.Stage(out, func(w io.Writer) error {
		var err error
		res, err = bind.Bind(bi, w)
		return err
	})
	if err != nil {
		return b, err
	}
	defer staged.Discard()
	if err := opts.stopped(); err != nil {
		return b, err
	}
	b.Pages, b.Size = res.Pages, res.Size
	b.Log = filepath.Join(d.Dir, cfg.OutputDir, LogName)
	if err := os.MkdirAll(filepath.Dir(b.Log), 0o755); err != nil {
		return b, &LogError{Path: b.Log, Err: err}
	}
	log, err := openLog(b.Log)
	if err != nil {
		return b, &LogError{Path: b.Log, Err: err}
	}
	if err := log.append(b, out, generated, d.Digest); err != nil {
		log.undo()
		return b, &LogError{Path: b.Log, Err: err}
	}
	if err := staged.Commit(opts.Force); err != nil {
		log.undo()
		if errors.Is(err, fs.ErrExist) {
			return b, &os.PathError{Op: "write", Path: out, Err: ErrExists}
		}
		return b, err
	}
	b.Path = out
	if err := log.close(); err != nil {
		return b, &LogError{Path: b.Log, Err: err}
	}
	return b, nil
}

// boundFiles returns the commitment letter (front) and the attachments to
// bind, each distinct file once, with their page counts. Files that cannot
// be read are skipped (only a draft gets this far with such a file).
func boundFiles(d *Data, noAttachments bool) (front, atts []bound, skipped []string) {
	commitment := digest.CleanPath(d.Field(schema.Basic.Commitment))
	for _, a := range d.Attachments {
		isFront := a.Sheet == schema.Basic.Sheet && a.Path == commitment
		if noAttachments && !isFront {
			continue
		}
		pages, err := bind.Probe(a.Abs)
		if err != nil || len(pages) == 0 || !insideDir(d.Dir, a.Abs) {
			skipped = append(skipped, a.Path)
			continue
		}
		bf := bound{Attachment: a, Pages: len(pages), Title: mentionsText(a.Mentions)}
		if isFront {
			front = append(front, bf)
		} else {
			atts = append(atts, bf)
		}
	}
	return front, atts, skipped
}

// mentionGroup is the mentions of one file in one table's column: the
// rows' names in order.
type mentionGroup struct {
	table, material string
	names           []string
}

// groupMentions gathers the mentions of a file by table and column, in
// the order of their first mention.
func groupMentions(ms []Mention) []mentionGroup {
	var out []mentionGroup
	at := map[[2]string]int{}
	for _, m := range ms {
		k := [2]string{m.Sheet.Label(), m.Column}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, mentionGroup{table: k[0], material: k[1]})
		}
		if m.Name != "" {
			out[i].names = append(out[i].names, m.Name)
		}
	}
	return out
}

// mentionsText names a file by the rows naming it, as its label and its
// bookmark do: 累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议, several
// rows of one column together (累计创业团队 · 甲、乙 · 入驻协议), groups
// separated by ；.
func mentionsText(ms []Mention) string {
	var parts []string
	for _, g := range groupMentions(ms) {
		if len(g.names) == 0 { // a form's field
			parts = append(parts, msg.ZH.T("doc.attachment-field", "table", g.table, "material", g.material))
			continue
		}
		parts = append(parts, msg.ZH.T("doc.attachment-mention", "table", g.table,
			"rowname", strings.Join(g.names, msg.ZH.T("doc.attachment-names")), "material", g.material))
	}
	return strings.Join(parts, msg.ZH.T("doc.attachment-mentions"))
}

// indexCells are a file's cells in the 附件 index: 所属表, 名称, 材料, a line
// per table and column naming it.
func indexCells(ms []Mention) []string {
	var tables, names, materials []string
	for _, g := range groupMentions(ms) {
		tables = append(tables, g.table)
		names = append(names, strings.Join(g.names, msg.ZH.T("doc.attachment-names")))
		materials = append(materials, g.material)
	}
	return []string{strings.Join(tables, "\n"), strings.Join(names, "\n"), strings.Join(materials, "\n")}
}

func insideDir(dir, file string) bool {
	f, err := openInside(dir, file)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// versionLog is the version log opened for one line.
type versionLog struct {
	f       *os.File
	path    string
	created bool  // the file did not exist before
	size    int64 // its size before the line
}

// openLog opens the version log for appending, creating it. A log that is
// locked (open in Excel on Windows), read-only or a folder fails here,
// before the 申报书 is put in place.
func openLog(path string) (*versionLog, error) {
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &versionLog{f: f, path: path, created: errors.Is(statErr, fs.ErrNotExist), size: st.Size()}, nil
}

// append adds the build's line (a new log starts with a UTF-8 BOM and a
// header, so that Excel shows the Chinese), synced to disk.
func (l *versionLog) append(b *Built, pdf string, at time.Time, dg digest.Digest) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if l.size == 0 {
		buf.WriteString("\ufeff")
		_ = w.Write(strings.Split(msg.ZH.T("doc.log.header"), "|"))
	}
	rel, err := filepath.Rel(filepath.Dir(l.path), pdf)
	if err != nil {
		rel = pdf
	}
	_ = w.Write([]string{b.Version, at.Format(time.RFC3339), dg.SHA256, filepath.ToSlash(rel)})
	w.Flush()
	if _, err := l.f.Write(buf.Bytes()); err != nil {
		return err
	}
	return l.f.Sync()
}

// undo takes the line back: the log as it was (removed if it was new).
func (l *versionLog) undo() {
	_ = l.f.Truncate(l.size)
	_ = l.f.Close()
	if l.created {
		_ = os.Remove(l.path)
	}
}

func (l *versionLog) close() error { return l.f.Close() }
