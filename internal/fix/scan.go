package fix

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mkspace/mkspace/internal/atomicfile"
	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/scan"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Ids of the actions on attachment files.
const (
	ActionImage  = "image"
	ActionShrink = "shrink"
)

// OriginalSuffix ends the name under which shrink keeps an original PDF:
// <name>.原件.pdf, beside it; no cell names it, so pack leaves it out.
const OriginalSuffix = ".原件.pdf"

// imageAction turns a photo or scan saved as an image into the A4 PDF an
// attachment must be: an attachment cell naming an image (or, when blank,
// the one image the row's name and material point to while no PDF does)
// gets a PDF beside the image (one page, EXIF orientation honoured; shrunk
// when over the size limit) and names it. The image is kept. The
// conversion is done while planning, in memory, so that --dry-run reports
// a damaged image as the run would.
type imageAction struct{ ctx context.Context }

func (imageAction) Name() string { return ActionImage }

func (a imageAction) Plan(p *Package) ([]Change, error) {
	var out []Change
	have := map[string]bool{}
	for _, f := range p.Attachments {
		have[f] = true
	}
	named := namedFiles(p)
	var images, pdfs []string
	for _, f := range p.Attachments {
		switch {
		case scan.IsImageName(f):
			images = append(images, f)
		case strings.EqualFold(path.Ext(f), ".pdf"):
			pdfs = append(pdfs, f)
		}
	}
	made := map[string]*converted{} // image → its PDF, once per image
	for _, t := range p.Tables {
		s := t.Sheet
		attach := attachColumns(s)
		for _, i := range attach {
			col := &s.Columns[i]
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				img := ""
				switch r.States[i] {
				case rows.Valid:
					v := cleanRel(cell.TrimText(c.Value))
					if !scan.IsImageName(v) || !have[v] {
						return
					}
					img = v
				case rows.Empty:
					if forbidden(s, r, col.Key) {
						return
					}
					name, ok := rowName(s, r)
					if !ok {
						return
					}
					if len(matchFiles(pdfs, named, s, attach, i, name)) > 0 {
						return // a PDF is there: link's
					}
					cands := matchFiles(images, named, s, attach, i, name)
					if len(cands) != 1 {
						return // none, or several: link lists PDFs only; an image is not guessed either
					}
					img = cands[0]
				default:
					return
				}
				ch := change(ActionImage, t, col, c)
				conv := made[img]
				if conv == nil {
					conv = a.convert(p, img, have)
					made[img] = conv
				}
				if conv.err != nil {
					ch.Skipped, ch.Msg = true, scan.MessageKey(conv.err)
					if ch.Msg == "" {
						ch.Msg = "scan.image-corrupt"
					}
					ch.Args = []string{"file", img}
					out = append(out, ch)
					return
				}
				if conv.exists {
					ch.Variant, ch.Skipped, ch.New = "exists", true, conv.pdf
					out = append(out, ch)
					return
				}
				ch.New = conv.pdf
				ch.Args = []string{"image", img, "pages", "1"}
				if !conv.written {
					conv.written = true
					ch.Files = conv.write
				}
				sheet, ref, v := t.Name, c.Ref, conv.pdf
				ch.Set = func(e *Editor) error { return e.SetText(sheet, ref, v) }
				out = append(out, ch)
			})
		}
	}
	return out, nil
}

// converted is one image's PDF, made in memory.
type converted struct {
	pdf     string // package-relative
	data    []byte
	err     error
	exists  bool // a file of the PDF's name is there already: not replaced
	written bool // a change writes it already
	abs     string
}

func (c *converted) write(context.Context) error {
	return atomicfile.WriteReader(c.abs, false, bytes.NewReader(c.data))
}

func (a imageAction) convert(p *Package, img string, have map[string]bool) *converted {
	pdf := strings.TrimSuffix(img, path.Ext(img)) + ".pdf"
	c := &converted{pdf: pdf, abs: filepath.Join(p.Dir, filepath.FromSlash(pdf))}
	if have[pdf] {
		c.exists = true
		return c
	}
	var buf bytes.Buffer
	if err := scan.ImagesToPDF(a.ctx, []string{filepath.Join(p.Dir, filepath.FromSlash(img))}, &buf); err != nil {
		c.err = err
		return c
	}
	c.data = buf.Bytes()
	if limit := p.Cfg.MaxBytes; limit > 0 && int64(len(c.data)) > limit {
		if small, _, err := scan.Shrink(a.ctx, c.data, limit, scan.DefaultOptions()); err == nil {
			c.data = small
		} // else: kept as converted; validate reports its size
	}
	return c
}

// shrinkAction brings a PDF an attachment cell names under
// attachments.max_bytes when its size is in scanned images: they are
// downsampled and re-encoded (scan.Shrink), text kept; the original is
// kept as <name>.原件.pdf. A PDF that cannot fit at a legible resolution,
// or whose size is not in images, is listed and left as it is. The work
// is done while planning, so that --dry-run says what the run would do.
type shrinkAction struct{ ctx context.Context }

func (shrinkAction) Name() string { return ActionShrink }

func (a shrinkAction) Plan(p *Package) ([]Change, error) {
	limit := p.Cfg.MaxBytes
	if limit <= 0 {
		return nil, nil
	}
	var out []Change
	done := map[string]bool{}
	for _, t := range p.Tables {
		for _, i := range attachColumns(t.Sheet) {
			col := &t.Sheet.Columns[i]
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				if r.States[i] != rows.Valid {
					return
				}
				rel := cleanRel(cell.TrimText(c.Value))
				if done[rel] || !strings.EqualFold(path.Ext(rel), ".pdf") || !fileExists(p.Dir, rel) {
					return
				}
				abs := filepath.Join(p.Dir, filepath.FromSlash(rel))
				st, err := os.Stat(abs)
				if err != nil || st.Size() <= limit {
					return
				}
				done[rel] = true
				ch := change(ActionShrink, t, col, c)
				ch.Old = rel
				data, err := os.ReadFile(abs)
				var small []byte
				var res scan.Result
				if err == nil {
					small, res, err = scan.Shrink(a.ctx, data, limit, scan.DefaultOptions())
				}
				if err != nil {
					if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
						return
					}
					ch.Skipped, ch.Msg = true, scan.MessageKey(err)
					if ch.Msg == "" {
						ch.Msg = "scan.pdf-unreadable"
					}
					ch.Args = []string{"file", rel, "size", msg.Bytes(st.Size()), "limit", msg.Bytes(limit),
						"dpi", strconv.Itoa(scan.DefaultOptions().MinDPI)}
					out = append(out, ch)
					return
				}
				orig := strings.TrimSuffix(rel, path.Ext(rel)) + OriginalSuffix
				ch.New = orig
				ch.Args = []string{"file", rel, "before", msg.Bytes(res.Before), "after", msg.Bytes(res.After),
					"limit", msg.Bytes(limit), "dpi", strconv.Itoa(res.DPI), "original", orig}
				origAbs := filepath.Join(p.Dir, filepath.FromSlash(orig))
				ch.Files = func(context.Context) error {
					// The original first, never over a file of that name;
					// then the smaller PDF in its place.
					if err := atomicfile.WriteReader(origAbs, false, bytes.NewReader(data)); err != nil {
						return err
					}
					return atomicfile.WriteReader(abs, true, bytes.NewReader(small))
				}
				out = append(out, ch)
			})
		}
	}
	return out, nil
}

// attachColumns are the indexes of a sheet's attachment columns.
func attachColumns(s *schema.Sheet) []int {
	var out []int
	for i := range s.Columns {
		if s.Columns[i].Type == schema.Attachment {
			out = append(out, i)
		}
	}
	return out
}

// namedFiles are the files some attachment cell names already.
func namedFiles(p *Package) map[string]bool {
	named := map[string]bool{}
	for _, t := range p.Tables {
		for _, i := range attachColumns(t.Sheet) {
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				if v := cell.TrimText(c.Value); v != "" {
					named[cleanRel(v)] = true
				}
			})
		}
	}
	return named
}

// cleanRel is a cell's attachment path as the package's file list spells
// it ("/" separators, no "./").
func cleanRel(v string) string {
	return strings.TrimPrefix(path.Clean(strings.ReplaceAll(v, `\`, "/")), "./")
}
