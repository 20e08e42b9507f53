package fix

import (
	"path"
	"slices"
	"strings"

	"github.com/mkspace/mkspace/internal/attachname"
	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/rules"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// materials lists, per attachment column key, the words of a file name that
// name its material, the usual one first, then the synonyms people use.
var materials = map[string][]string{
	"agreement":       {"入驻协议", "入驻合同", "入孵协议", "孵化协议", "协议", "合同"},
	"license":         {"营业执照", "执照"},
	"financing_proof": {"投融资证明", "融资证明", "投资证明", "投资协议", "增资协议", "融资协议", "投资", "融资"},
	"proof":           {"证明材料", "证明", "聘书", "证书"},
	"commitment":      {"承诺书"},
}

// cellsOf calls fn for every present cell of the table's rows in column i.
func eachCell(t *Table, i int, fn func(r *Row, c workbook.Cell)) {
	if i < 0 || t.Present != nil && (i >= len(t.Present) || !t.Present[i]) {
		return
	}
	for k := range t.Rows {
		r := &t.Rows[k]
		if i < len(r.Cells) && r.Cells[i].Ref != "" {
			fn(r, r.Cells[i])
		}
	}
}

func change(action string, t *Table, col *schema.Column, c workbook.Cell) Change {
	return Change{Action: action, File: t.File, Sheet: t.Name, Ref: c.Ref, Column: col.Header, Old: cell.TrimText(c.Value)}
}

// linkAction fills a blank attachment cell with the one file under
// attachments/ that the row's name and the column's material name.
type linkAction struct{}

func (linkAction) Name() string { return ActionLink }

func (linkAction) Plan(p *Package) ([]Change, error) {
	var out []Change
	named := namedFiles(p)
	pdfs := make([]string, 0, len(p.Attachments))
	for _, f := range p.Attachments {
		if strings.EqualFold(path.Ext(f), ".pdf") {
			pdfs = append(pdfs, f)
		}
	}
	for _, t := range p.Tables {
		s := t.Sheet
		attach := attachColumns(s)
		for _, i := range attach {
			col := &s.Columns[i]
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				if r.States[i] != rows.Empty || forbidden(s, r, col.Key) {
					return // a filled cell is never changed; a 不可填 one stays empty
				}
				name, ok := rowName(s, r)
				if !ok {
					return
				}
				cands := matchFiles(pdfs, named, s, attach, i, name)
				switch {
				case len(cands) == 1:
					ch := change(ActionLink, t, col, c)
					ch.New = cands[0]
					sheet, ref, v := t.Name, c.Ref, cands[0]
					ch.Set = func(e *Editor) error { return e.SetText(sheet, ref, v) }
					out = append(out, ch)
				case len(cands) > 1:
					ch := change(ActionLink, t, col, c)
					ch.Variant, ch.Skipped, ch.Candidates = "ambiguous", true, cands
					out = append(out, ch)
				}
			})
		}
	}
	return out, nil
}

// rowName is the normalised value of the column that names the row in
// its files' names (<名称>-<材料>.pdf; "" for a form); false when a table's
// row has no name to match files by.
func rowName(s *schema.Sheet, r *Row) (string, bool) {
	name := ""
	if c, ok := s.NameCol(); ok {
		if r.States[c.Index()] != rows.Valid {
			return "", false
		}
		name = attachname.Normal(r.Values[c.Index()].Text)
	}
	return name, name != "" || s.Kind != schema.Table
}

// forbidden reports whether the row's state makes column key 不可填.
func forbidden(s *schema.Sheet, r *Row, key string) bool {
	for _, c := range s.Conditions {
		holds := true
		for _, m := range c.When {
			i := m.Col.Index()
			if r.States[i] != rows.Valid || r.Values[i].Bool != m.Value {
				holds = false
				break
			}
		}
		if holds && slices.Contains(c.Forbid, key) {
			return true
		}
	}
	return false
}

// matchFiles returns the files that the row named name (normalised; "" for
// a form) and attachment column i of sheet s may mean, by tiers: the file
// named exactly <name>-<material> (or <name> in a sheet of one attachment
// column); else those whose name holds both, in the sheet's own folder;
// else anywhere under attachments/. The first tier with a file decides. A
// file that another column's usual material names, or that a cell names
// already, is not offered.
func matchFiles(files []string, named map[string]bool, s *schema.Sheet, attach []int, i int, name string) []string {
	key := s.Columns[i].Key
	mats := materials[key]
	single := len(attach) == 1
	var others []string
	for _, j := range attach {
		if j != i && len(materials[s.Columns[j].Key]) > 0 {
			others = append(others, attachname.Normal(materials[s.Columns[j].Key][0]))
		}
	}
	var exact, folder, anywhere []string
	for _, f := range files {
		if named[f] {
			continue
		}
		stem := attachname.Stem(f)
		if name != "" && !strings.Contains(stem, name) {
			continue
		}
		other := false
		for _, o := range others {
			if strings.Contains(stem, o) {
				other = true
			}
		}
		if other {
			continue
		}
		hasMat := false
		isExact := single && stem == name && name != ""
		for _, m := range mats {
			m = attachname.Normal(m)
			if strings.Contains(stem, m) {
				hasMat = true
			}
			if stem == name+m {
				isExact = true
			}
		}
		if !hasMat && !(single && name != "") {
			continue
		}
		switch {
		case isExact:
			exact = append(exact, f)
		case path.Dir(f) == attachname.Folder+"/"+s.Name:
			folder = append(folder, f)
		default:
			anywhere = append(anywhere, f)
		}
	}
	for _, tier := range [][]string{exact, folder, anywhere} {
		if len(tier) > 0 {
			return tier
		}
	}
	return nil
}

// typeAction rewrites a date or number held as text that reads (2021.3.15,
// 860平方米, １２０) as a real date or number cell (CELL-TEXT-VALUE).
type typeAction struct{}

func (typeAction) Name() string { return ActionType }

func (typeAction) Plan(p *Package) ([]Change, error) {
	var out []Change
	for _, t := range p.Tables {
		for i := range t.Sheet.Columns {
			col := &t.Sheet.Columns[i]
			if !rules.TextValueColumn(col) {
				continue
			}
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				if r.States[i] != rows.Valid || c.Kind != workbook.KindString {
					return
				}
				ch := change(ActionType, t, col, c)
				v := r.Values[i]
				ch.New = shown(col, v)
				sheet, ref := t.Name, c.Ref
				ch.Set = func(e *Editor) error { return e.SetValue(sheet, ref, col, v) }
				out = append(out, ch)
			})
		}
	}
	return out, nil
}

// shown is a typed value as the report shows it.
func shown(col *schema.Column, v cell.Value) string {
	switch col.Type {
	case schema.Date:
		return v.Date.Format(config.DateLayout)
	case schema.Int:
		return itoa(v.Int)
	case schema.Decimal:
		return v.Dec.String()
	case schema.YesNo:
		if v.Bool {
			return schema.Yes
		}
		return schema.No
	}
	return v.Text
}

func itoa(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// formulaAction replaces a formula in a data cell by the value Excel, WPS
// or LibreOffice cached with it; unless apply, it is only offered.
type formulaAction struct{ apply bool }

func (formulaAction) Name() string { return ActionFormula }

func (a formulaAction) Plan(p *Package) ([]Change, error) {
	var out []Change
	for _, t := range p.Tables {
		for i := range t.Sheet.Columns {
			col := &t.Sheet.Columns[i]
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				if c.Kind != workbook.KindFormula || c.Uncached || r.States[i] != rows.Valid {
					return
				}
				ch := change(ActionFormula, t, col, c)
				v := r.Values[i]
				ch.New = shown(col, v)
				if !a.apply {
					ch.Variant, ch.Skipped = "offer", true
				} else {
					sheet, ref := t.Name, c.Ref
					ch.Set = func(e *Editor) error {
						if err := e.F.SetCellFormula(sheet, ref, ""); err != nil {
							return err
						}
						return e.SetValue(sheet, ref, col, v)
					}
				}
				out = append(out, ch)
			})
		}
	}
	return out, nil
}

// regdateAction fills a converted enterprise's blank 注册时间 from its
// team's 转化为企业注册时间.
type regdateAction struct{}

func (regdateAction) Name() string { return ActionRegdate }

func (regdateAction) Plan(p *Package) ([]Change, error) {
	teams, ents := p.Table(schema.Teams.Sheet.Key), p.Table(schema.Enterprises.Sheet.Key)
	if teams == nil || ents == nil {
		return nil, nil
	}
	T, E := schema.Teams, schema.Enterprises
	dates := map[string]cell.Value{}
	for k := range teams.Rows {
		r := &teams.Rows[k]
		n, c, d := T.Name.Index(), T.Converted.Index(), T.RegisteredOn.Index()
		if r.States[n] == rows.Valid && r.States[c] == rows.Valid && r.Values[c].Bool && r.States[d] == rows.Valid {
			name := r.Values[n].Text
			if _, dup := dates[name]; dup {
				dates[name] = cell.Value{Empty: true} // two teams of that name: no guess
				continue
			}
			dates[name] = r.Values[d]
		}
	}
	var out []Change
	reg := E.RegisteredOn.Index()
	col := &E.Sheet.Columns[reg]
	eachCell(ents, reg, func(r *Row, c workbook.Cell) {
		f, tm := E.FromTeam.Index(), E.Team.Index()
		if r.States[reg] != rows.Empty || r.States[f] != rows.Valid || !r.Values[f].Bool || r.States[tm] != rows.Valid {
			return
		}
		v, ok := dates[r.Values[tm].Text]
		if !ok || v.Empty {
			return
		}
		ch := change(ActionRegdate, ents, col, c)
		ch.New = shown(col, v)
		sheet, ref := ents.Name, c.Ref
		ch.Set = func(e *Editor) error { return e.SetValue(sheet, ref, col, v) }
		out = append(out, ch)
	})
	return out, nil
}

// nearNameAction corrects an attachment cell naming a missing file when
// exactly one existing file is near it (attachname.Suggest): the path
// without attachments/ or .pdf, or a name within a small edit distance.
type nearNameAction struct{}

func (nearNameAction) Name() string { return ActionNearName }

func (nearNameAction) Plan(p *Package) ([]Change, error) {
	exists := map[string]bool{}
	for _, f := range p.Attachments {
		exists[f] = true
	}
	var out []Change
	for _, t := range p.Tables {
		for i := range t.Sheet.Columns {
			col := &t.Sheet.Columns[i]
			if col.Type != schema.Attachment {
				continue
			}
			eachCell(t, i, func(r *Row, c workbook.Cell) {
				v := cell.TrimText(c.Value)
				if r.States[i] != rows.Valid || v == "" || path.IsAbs(v) || strings.Contains(v, "..") {
					return
				}
				clean := strings.TrimPrefix(path.Clean(strings.ReplaceAll(v, `\`, "/")), "./")
				if exists[clean] || fileExists(p.Dir, clean) {
					return
				}
				s := attachname.Suggest(v, p.Attachments)
				if len(s) != 1 {
					return
				}
				ch := change(ActionNearName, t, col, c)
				ch.New = s[0]
				sheet, ref, nv := t.Name, c.Ref, s[0]
				ch.Set = func(e *Editor) error { return e.SetText(sheet, ref, nv) }
				out = append(out, ch)
			})
		}
	}
	return out, nil
}
