package dossier

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/mkspace/mkspace/internal/analysis"
	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Row is one data row as the 申报书 prints it.
type Row struct {
	Number int      // Excel row (for a form: each field has its own, see Numbers)
	Text   []string // display text per schema column
	// Numbers holds, for a form sheet, the Excel row of each field.
	Numbers []int
}

// Attachment is one distinct attachment file, at its first mention.
type Attachment struct {
	Path   string // as the digest records it: relative to the package, '/' separators
	Abs    string // the file on disk
	Sheet  *schema.Sheet
	Row    int    // Excel row of the first mention
	Column string // header of the first mention
	Count  int    // number of cells naming it
	// Mentions are the cells naming it, in table order (the first is
	// Sheet, Row, Column).
	Mentions []Mention
}

// Mention is a cell that names an attachment, in a reader's terms.
type Mention struct {
	Sheet  *schema.Sheet
	Row    int    // Excel row
	Column string // the column's header: the kind of material (入驻协议)
	// Name is the row's name (its Sheet.Naming column: 团队名称, 企业名称,
	// 姓名 …); "" for a form's field.
	Name string
}

// Data is everything read from a package in one pass.
type Data struct {
	*analysis.Outcome
	Config      *config.Config
	Sheets      map[*schema.Sheet][]Row
	Attachments []Attachment // every distinct file, in table order
	Digest      digest.Digest
	// Missing lists attachment files named by the workbook that could not
	// be read for the digest (they are also findings).
	Missing []string
}

// Field returns the display text of a form sheet's field ("" if absent).
func (d *Data) Field(field schema.Col) string {
	rows := d.Sheets[field.Sheet()]
	if len(rows) == 0 || field.Index() >= len(rows[0].Text) {
		return ""
	}
	return rows[0].Text[field.Index()]
}

// collector is the consumer of the typed rows that keeps them as the
// 申报书 prints them and feeds the digest.
type collector struct {
	sheets map[*schema.Sheet][]Row
	dig    *digest.Builder
	cur    *schema.Sheet
	norm   []string
}

func (c *collector) Begin(*workbook.Table)           {}
func (c *collector) EndTable(*workbook.Table, error) {}
func (c *collector) End()                            {}

func (c *collector) Row(r *rows.Row) {
	s := r.Sheet
	if s != c.cur {
		c.dig.Sheet(s.Name)
		c.cur = s
	}
	row := Row{Number: r.Number, Text: make([]string, len(s.Columns))}
	if s.Kind == schema.Form {
		row.Numbers = make([]int, len(s.Columns))
	}
	c.norm = c.norm[:0]
	for i := range s.Columns {
		if i >= len(r.Values) {
			c.norm = append(c.norm, "")
			continue
		}
		disp, norm := format(&s.Columns[i], r, i)
		row.Text[i] = disp
		c.norm = append(c.norm, norm)
		if row.Numbers != nil {
			row.Numbers[i] = r.Cells[i].Row
		}
	}
	c.dig.Row(c.norm)
	c.sheets[s] = append(c.sheets[s], row)
}

// format returns the display text of cell i and its normalised form for
// the digest. A cell that does not read shows (and digests) its raw text.
func format(col *schema.Column, r *rows.Row, i int) (display, norm string) {
	switch r.States[i] {
	case rows.Absent, rows.Empty:
		return "", ""
	case rows.Invalid:
		raw := cell.TrimText(r.Cells[i].Value)
		return raw, "\x00" + raw
	}
	v := r.Values[i]
	switch col.Type {
	case schema.Int:
		s := strconv.FormatInt(v.Int, 10)
		return s, s
	case schema.Decimal:
		return v.Dec.StringFixed(2), v.Dec.String()
	case schema.Date:
		s := v.Date.Format(config.DateLayout)
		return s, s
	case schema.YesNo:
		if v.Bool {
			return schema.Yes, schema.Yes
		}
		return schema.No, schema.No
	}
	return v.Text, v.Text
}

// Read reads the package made of paths in one pass: findings, totals, the
// rows of every sheet, the distinct attachments and the digest; more
// consumers get the typed rows too.
func Read(paths []string, cfg *config.Config, more ...rows.Consumer) (*Data, error) {
	col := &collector{sheets: map[*schema.Sheet][]Row{}, dig: digest.New()}
	o, err := analysis.Run(paths, cfg, append([]rows.Consumer{col}, more...)...)
	if err != nil {
		return nil, err
	}
	d := &Data{Outcome: o, Config: cfg, Sheets: col.sheets}
	d.Attachments = attachments(o.Dir, col.sheets)
	for _, a := range d.Attachments {
		f, err := openInside(o.Dir, a.Abs)
		if err != nil {
			d.Missing = append(d.Missing, a.Path)
			continue
		}
		err = col.dig.Attachment(a.Path, &safefile.LimitedReader{R: f, N: maxAttachmentRead})
		f.Close()
		if err != nil {
			d.Missing = append(d.Missing, a.Path)
		}
	}
	d.Digest = col.dig.Sum()
	return d, nil
}

// attachments lists every distinct attachment file in table order (the
// order of the sheets, rows and columns), each at its first mention.
func attachments(dir string, sheets map[*schema.Sheet][]Row) []Attachment {
	var out []Attachment
	index := map[string]int{}
	for _, s := range schema.Sheets() {
		for _, r := range sheets[s] {
			for i, c := range s.Columns {
				if c.Type != schema.Attachment || r.Text[i] == "" {
					continue
				}
				p := digest.CleanPath(r.Text[i])
				row := r.Number
				if r.Numbers != nil {
					row = r.Numbers[i]
				}
				m := Mention{Sheet: s, Row: row, Column: c.Header}
				if nc, ok := s.NameCol(); ok && nc.Index() < len(r.Text) {
					m.Name = r.Text[nc.Index()]
				}
				if j, ok := index[p]; ok {
					out[j].Count++
					out[j].Mentions = append(out[j].Mentions, m)
					continue
				}
				index[p] = len(out)
				out = append(out, Attachment{Path: p, Abs: filepath.Join(dir, filepath.FromSlash(p)),
					Sheet: s, Row: row, Column: c.Header, Count: 1, Mentions: []Mention{m}})
			}
		}
	}
	return out
}

// maxAttachmentRead bounds the bytes of one attachment read for the
// digest (far above any attachment size limit: the rules report a file
// too large; this only keeps a file that keeps growing from being read
// without end).
const maxAttachmentRead = 1 << 30

// openInside opens file only when it lies inside dir once symbolic links
// are resolved, as the rules resolve it, and is a regular file (the rules
// report the others as ATTACHMENT-OUTSIDE or ATTACHMENT-NOT-PDF; they are
// never read). The file is opened through os.Root: a link swapped in since
// it was resolved does not lead out either.
func openInside(dir, file string) (*os.File, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, &fs.PathError{Op: "open", Path: file, Err: safefile.ErrOutside}
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return safefile.OpenIn(r, filepath.ToSlash(rel))
}
