// Package intake finds what no single package shows: the same enterprise,
// team, person, venue or attachment file in several packages of one
// intake, and two packages of one applicant.
//
// It works in a streaming pass. While a package is read, a Collector (a
// consumer of its typed rows) keeps only keys: for every row that matters
// the normalised key, the sheet and cell, and what comparing needs (an
// enterprise's dates, a person's age and unit, a proof file's SHA-256).
// Once a package is checked its keys go into an Index and its rows are
// gone; the Index compares keys only. A Package is small and travels in
// the JSON summary, so that the summaries of split runs merge into the
// findings of one run (Merge).
package intake

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/safefile"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// Kinds of keys.
const (
	KindEnterprise = "E" // 入驻企业: by code, else by name
	KindTeam       = "T" // 创业团队: by name
	KindPerson     = "P" // 专职 staff and mentors: by name plus one more field
	KindVenue      = "V" // 服务场地: by address
	KindFile       = "F" // an attachment: by SHA-256
)

// Key is one entry of a package: compact, since every package's keys are
// kept for the whole run and written into the JSON summary.
type Key struct {
	Kind string `json:"k"`
	// Norm is the normalised key: "U:"+code or "N:"+name for an
	// enterprise, the name, address or hex SHA-256 otherwise.
	Norm string `json:"n"`
	// Name is the normalised name of an enterprise (also when keyed by
	// its code), the normalised 所在单位 of a mentor.
	Name string `json:"a,omitempty"`
	Age  int    `json:"g,omitempty"` // a staff member's age
	// Proof is the SHA-256 of a person's proof file.
	Proof string `json:"p,omitempty"`
	// From and To are an enterprise's stay (YYYY-MM-DD; To empty: still
	// in the space).
	From string `json:"f,omitempty"`
	To   string `json:"t,omitempty"`
	// File, Sheet and Cell place it; Value is the cell as written.
	File  string `json:"w,omitempty"`
	Sheet string `json:"s"`
	Cell  string `json:"c"`
	Value string `json:"v,omitempty"`
}

// Package is what the index keeps of one package.
type Package struct {
	// ID names the package as the run was given it (a zip, a folder).
	ID string `json:"id"`
	// Operator is the normalised 运营主体统一社会信用代码 ("" when it has
	// not the shape of a code), at OperatorCell of 基础信息.
	Operator     string `json:"operator_uscc,omitempty"`
	OperatorFile string `json:"operator_file,omitempty"`
	OperatorCell string `json:"operator_cell,omitempty"`
	// Version is the 版本号 of its 申报书, Time when it was made (RFC 3339):
	// they say which of two packages of one applicant is newer.
	Version string `json:"version,omitempty"`
	Time    string `json:"time,omitempty"`
	// File is the workbook of every key that names none (most packages
	// have one workbook: it is written once, not with every key).
	File string `json:"file,omitempty"`
	Keys []Key  `json:"keys"`
}

// MaxHashBytes bounds the bytes of one attachment hashed (the rules report
// a file larger than the limit; such a file is not compared).
const MaxHashBytes = 64 << 20

// Collector gathers the keys of one package from its typed rows (a
// rows.Consumer). A second pass over the same package (a check that reads
// the data again) replaces the keys of the first.
type Collector struct {
	cur, done Package
	dir       string
	file      string
	hashes    map[string]string // attachment value → hex SHA-256 ("" unreadable)
}

// NewCollector returns a collector for the package id.
func NewCollector(id string) *Collector {
	return &Collector{cur: Package{ID: id}, done: Package{ID: id}, hashes: map[string]string{}}
}

// Package returns the keys collected by the last complete pass.
func (c *Collector) Package() *Package { p := c.done; return &p }

// Begin notes the workbook a table is in: attachment paths are relative
// to its folder.
func (c *Collector) Begin(t *workbook.Table) {
	c.file = t.RelFile
	if c.dir == "" && t.File != "" {
		c.dir = filepath.Dir(t.File)
	}
}

// EndTable does nothing.
func (c *Collector) EndTable(*workbook.Table, error) {}

// End completes a pass.
func (c *Collector) End() {
	// The workbook most keys are in is said once.
	n := map[string]int{}
	for _, k := range c.cur.Keys {
		n[k.File]++
	}
	for f, m := range n {
		if m > n[c.cur.File] || m == n[c.cur.File] && f < c.cur.File {
			c.cur.File = f
		}
	}
	for i := range c.cur.Keys {
		if c.cur.Keys[i].File == c.cur.File {
			c.cur.Keys[i].File = ""
		}
	}
	c.done = c.cur
	c.cur = Package{ID: c.done.ID}
}

// Row keeps the keys of one row.
func (c *Collector) Row(r *rows.Row) {
	text := func(col schema.Col) (string, workbook.Cell) {
		v, ok := r.Value(col)
		cl := r.Cell(col)
		if !ok || r.States[col.Index()] != rows.Valid {
			return "", cl
		}
		return strings.TrimSpace(cmp.Or(v.Text, cl.Value)), cl
	}
	date := func(col schema.Col) string {
		if v, ok := r.Value(col); ok && r.States[col.Index()] == rows.Valid {
			return v.Date.Format(config.DateLayout)
		}
		return ""
	}
	add := func(k Key, cl workbook.Cell) {
		if k.Norm == "" {
			return
		}
		k.File, k.Sheet, k.Cell = c.file, r.Sheet.Name, cl.Ref
		c.cur.Keys = append(c.cur.Keys, k)
	}
	switch r.Sheet {
	case schema.Basic.Sheet:
		if v, cl := text(schema.Basic.OperatorUSCC); v != "" {
			c.cur.Operator, c.cur.OperatorFile, c.cur.OperatorCell = NormUSCC(v), c.file, cl.Ref
		}
	case schema.Enterprises.Sheet:
		e := schema.Enterprises
		name, ncl := text(e.Name)
		code, ccl := text(e.USCC)
		// A converted enterprise joined as a team: its stay starts with
		// its registration.
		from := cmp.Or(date(e.JoinedOn), date(e.RegisteredOn))
		k := Key{Kind: KindEnterprise, Name: NormName(name), From: from, To: date(e.MovedOutOn)}
		switch {
		case code != "":
			k.Norm, k.Value = "U:"+NormUSCC(code), code
			add(k, ccl)
		case k.Name != "":
			k.Norm, k.Value = "N:"+k.Name, name
			add(k, ncl)
		}
	case schema.Teams.Sheet:
		if name, cl := text(schema.Teams.Name); name != "" {
			add(Key{Kind: KindTeam, Norm: NormName(name), Value: name}, cl)
		}
	case schema.Venues.Sheet:
		if a, cl := text(schema.Venues.Address); a != "" {
			add(Key{Kind: KindVenue, Norm: NormAddress(a), Value: a}, cl)
		}
	case schema.Staff.Sheet:
		s := schema.Staff
		if name, cl := text(s.Name); name != "" {
			k := Key{Kind: KindPerson, Norm: NormPerson(name), Value: name, Proof: c.hash(r, s.Proof)}
			if v, ok := r.Value(s.Age); ok && r.States[s.Age.Index()] == rows.Valid {
				k.Age = int(v.Int)
			}
			add(k, cl)
		}
	case schema.Mentors.Sheet:
		m := schema.Mentors
		if emp, _ := text(m.Employment); emp != "专职" {
			break
		}
		if name, cl := text(m.Name); name != "" {
			unit, _ := text(m.Employer)
			add(Key{Kind: KindPerson, Norm: NormPerson(name), Value: name, Name: NormName(unit),
				Proof: c.hash(r, m.Proof)}, cl)
		}
	}
	// Every attachment cell: its file's SHA-256.
	for i := range r.Sheet.Columns {
		if r.Sheet.Columns[i].Type != schema.Attachment {
			continue
		}
		col := r.Sheet.Col(i)
		if h := c.hash(r, col); h != "" {
			add(Key{Kind: KindFile, Norm: h, Value: strings.TrimSpace(r.Cell(col).Value)}, r.Cell(col))
		}
	}
}

// hash is the hex SHA-256 of the file the attachment cell col names, ""
// when it is empty or cannot be read inside the package folder.
func (c *Collector) hash(r *rows.Row, col schema.Col) string {
	v := strings.TrimSpace(r.Cell(col).Value)
	if v == "" || c.dir == "" {
		return ""
	}
	if h, ok := c.hashes[v]; ok {
		return h
	}
	h := hashIn(c.dir, v)
	c.hashes[v] = h
	return h
}

// hashIn hashes the file name (as an attachment cell writes it) inside
// dir only: a name that leads outside, a link out or a special file is
// not read.
func hashIn(dir, name string) string {
	name = filepath.Clean(filepath.FromSlash(strings.ReplaceAll(name, `\`, "/")))
	if filepath.IsAbs(name) || safefile.Outside(name) {
		return ""
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return ""
	}
	defer root.Close()
	f, err := safefile.OpenIn(root, name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, &safefile.LimitedReader{R: f, N: MaxHashBytes}); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
