package intake

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/mkspace/mkspace/internal/finding"
)

// Finding is one finding of the intake: a key that several packages share.
type Finding struct {
	Rule string `json:"rule"`
	// Severity is finding.Warning, or finding.Info for enterprises whose
	// stays follow one another (moved from one space to the next).
	Severity finding.Severity `json:"severity"`
	// Key is the shared key as the first package writes it (a code, a
	// name, an address, a file's SHA-256).
	Key    string  `json:"key"`
	Places []Place `json:"places"`
	// Newer is, for INTAKE-SAME-APPLICANT, the package judged newer ("":
	// neither version nor time tell).
	Newer string `json:"newer,omitempty"`
}

// Place is one package's cell in a finding.
type Place struct {
	Package string `json:"package"`
	File    string `json:"file,omitempty"`
	Sheet   string `json:"sheet"`
	Cell    string `json:"cell"`
	Value   string `json:"value,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	Version string `json:"version,omitempty"`
	Time    string `json:"time,omitempty"`
}

// Packages lists the distinct packages of the finding, in order.
func (f *Finding) Packages() []string {
	var out []string
	for _, p := range f.Places {
		if !slices.Contains(out, p.Package) {
			out = append(out, p.Package)
		}
	}
	return out
}

// Index holds the keys of the packages of one intake. Add is safe for
// concurrent use (the workers of a batch add as they finish).
type Index struct {
	mu   sync.Mutex
	pkgs []*Package
}

// Add adds the keys of one package. A package without an ID is ignored.
func (x *Index) Add(p *Package) {
	if p == nil || p.ID == "" {
		return
	}
	x.mu.Lock()
	x.pkgs = append(x.pkgs, p)
	x.mu.Unlock()
}

// Len is the number of packages added.
func (x *Index) Len() int { x.mu.Lock(); defer x.mu.Unlock(); return len(x.pkgs) }

// entry is one key of one package.
type entry struct {
	pkg int
	key *Key
}

// Findings compares the keys of every package added: findings in a fixed
// order (rule, then the first place), whatever order packages were added
// in. Fewer than two packages give none.
func (x *Index) Findings() []Finding {
	x.mu.Lock()
	pkgs := slices.Clone(x.pkgs)
	x.mu.Unlock()
	slices.SortStableFunc(pkgs, func(a, b *Package) int { return strings.Compare(a.ID, b.ID) })
	if len(pkgs) < 2 {
		return nil
	}
	byKind := map[string][]entry{}
	for i, p := range pkgs {
		for k := range p.Keys {
			key := &p.Keys[k]
			byKind[key.Kind] = append(byKind[key.Kind], entry{i, key})
		}
	}
	var out []Finding
	out = append(out, enterprises(pkgs, byKind[KindEnterprise])...)
	out = append(out, simple(pkgs, byKind[KindTeam], finding.IntakeDupTeam)...)
	out = append(out, persons(pkgs, byKind[KindPerson])...)
	out = append(out, simple(pkgs, byKind[KindVenue], finding.IntakeDupVenue)...)
	out = append(out, simple(pkgs, byKind[KindFile], finding.IntakeDupFile)...)
	out = append(out, applicants(pkgs)...)
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(ruleRank(a.Rule), ruleRank(b.Rule)),
			cmp.Compare(a.Places[0].Package, b.Places[0].Package),
			cmp.Compare(a.Places[0].Sheet, b.Places[0].Sheet),
			compareCells(a.Places[0].Cell, b.Places[0].Cell),
			cmp.Compare(a.Key, b.Key))
	})
	return out
}

func ruleRank(r string) int { return slices.Index(finding.IntakeRules(), r) }

// place is where entry e is.
func place(pkgs []*Package, e entry) Place {
	k := e.key
	return Place{Package: pkgs[e.pkg].ID, File: cmp.Or(k.File, pkgs[e.pkg].File), Sheet: k.Sheet, Cell: k.Cell, Value: k.Value,
		From: k.From, To: k.To}
}

// groups turns a union-find over entries into the groups that span at
// least two packages, each in package then sheet then cell order.
func groups(pkgs []*Package, es []entry, uf *unionFind) [][]entry {
	byRoot := map[int][]entry{}
	var roots []int
	for i, e := range es {
		r := uf.find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], e)
	}
	var out [][]entry
	for _, r := range roots {
		g := byRoot[r]
		first := g[0].pkg
		if !slices.ContainsFunc(g, func(e entry) bool { return e.pkg != first }) {
			continue // one package only: its own rules speak of it
		}
		slices.SortStableFunc(g, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.pkg, b.pkg), cmp.Compare(a.key.Sheet, b.key.Sheet), compareCells(a.key.Cell, b.key.Cell))
		})
		out = append(out, g)
	}
	return out
}

// simple groups entries by their normalised key.
func simple(pkgs []*Package, es []entry, rule string) []Finding {
	uf := newUnionFind(len(es))
	first := map[string]int{}
	for i, e := range es {
		if j, ok := first[e.key.Norm]; ok {
			uf.union(i, j)
		} else {
			first[e.key.Norm] = i
		}
	}
	var out []Finding
	for _, g := range groups(pkgs, es, uf) {
		f := Finding{Rule: rule, Severity: finding.Warning, Key: g[0].key.Value}
		if rule == finding.IntakeDupFile {
			f.Key = g[0].key.Norm
		}
		for _, e := range g {
			f.Places = append(f.Places, place(pkgs, e))
		}
		out = append(out, f)
	}
	return out
}

// enterprises groups the enterprises of several packages: one code; a
// name without a valid code joins the entries of its name when they hold
// at most one code (a name under two codes is two enterprises). Stays
// that overlap make a warning; stays that follow one another are
// information.
func enterprises(pkgs []*Package, es []entry) []Finding {
	uf := newUnionFind(len(es))
	byNorm := map[string]int{}
	codesOfName := map[string][]int{} // name → entries keyed by a code
	for i, e := range es {
		if j, ok := byNorm[e.key.Norm]; ok {
			uf.union(i, j)
		} else {
			byNorm[e.key.Norm] = i
		}
		if strings.HasPrefix(e.key.Norm, "U:") && e.key.Name != "" {
			codesOfName[e.key.Name] = append(codesOfName[e.key.Name], i)
		}
	}
	for i, e := range es {
		if !strings.HasPrefix(e.key.Norm, "N:") {
			continue
		}
		coded := codesOfName[e.key.Name]
		distinct := map[string]bool{}
		for _, j := range coded {
			distinct[es[j].key.Norm] = true
		}
		if len(distinct) == 1 {
			uf.union(i, coded[0])
		}
	}
	var out []Finding
	for _, g := range groups(pkgs, es, uf) {
		f := Finding{Rule: finding.IntakeDupEnterprise, Severity: finding.Info, Key: g[0].key.Value}
		for _, e := range g {
			f.Places = append(f.Places, place(pkgs, e))
		}
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				if g[i].pkg != g[j].pkg && overlap(g[i].key, g[j].key) {
					f.Severity = finding.Warning
				}
			}
		}
		out = append(out, f)
	}
	return out
}

// overlap reports whether two stays share a day. An unknown start counts
// as always; an empty end as still in the space.
func overlap(a, b *Key) bool {
	// [from, to]: to "" = open. Dates compare as text (YYYY-MM-DD).
	before := func(x, y *Key) bool { return x.To != "" && y.From != "" && x.To < y.From }
	return !before(a, b) && !before(b, a)
}

// persons groups people of one name in several packages when one more
// field matches: the age, the 所在单位 or the proof file.
func persons(pkgs []*Package, es []entry) []Finding {
	uf := newUnionFind(len(es))
	byName := map[string][]int{}
	for i, e := range es {
		byName[e.key.Norm] = append(byName[e.key.Norm], i)
	}
	for _, idx := range byName {
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				x, y := es[idx[a]], es[idx[b]]
				if x.pkg != y.pkg && samePerson(x.key, y.key) {
					uf.union(idx[a], idx[b])
				}
			}
		}
	}
	var out []Finding
	for _, g := range groups(pkgs, es, uf) {
		f := Finding{Rule: finding.IntakeDupPerson, Severity: finding.Warning, Key: g[0].key.Value}
		for _, e := range g {
			f.Places = append(f.Places, place(pkgs, e))
		}
		out = append(out, f)
	}
	return out
}

func samePerson(a, b *Key) bool {
	return a.Age > 0 && a.Age == b.Age || a.Name != "" && a.Name == b.Name || a.Proof != "" && a.Proof == b.Proof
}

// applicants groups packages of one operator code and says which is newer.
func applicants(pkgs []*Package) []Finding {
	by := map[string][]int{}
	var order []string
	for i, p := range pkgs {
		if p.Operator == "" {
			continue
		}
		if _, ok := by[p.Operator]; !ok {
			order = append(order, p.Operator)
		}
		by[p.Operator] = append(by[p.Operator], i)
	}
	var out []Finding
	for _, code := range order {
		idx := by[code]
		if len(idx) < 2 {
			continue
		}
		f := Finding{Rule: finding.IntakeSameApplicant, Severity: finding.Warning, Key: code}
		for _, i := range idx {
			p := pkgs[i]
			f.Places = append(f.Places, Place{Package: p.ID, File: p.OperatorFile, Sheet: "基础信息", Cell: p.OperatorCell,
				Value: code, Version: p.Version, Time: p.Time})
		}
		f.Newer = newest(f.Places)
		out = append(out, f)
	}
	return out
}

// newest is the package of the latest time (RFC 3339 in UTC compares as
// text), "" when the times do not tell (missing or equal).
func newest(ps []Place) string {
	best, tie := -1, false
	for i, p := range ps {
		if p.Time == "" {
			return ""
		}
		switch {
		case best < 0 || p.Time > ps[best].Time:
			best, tie = i, false
		case p.Time == ps[best].Time:
			tie = true
		}
	}
	if best < 0 || tie {
		return ""
	}
	return ps[best].Package
}

// compareCells orders A1 references by column letters, then row.
func compareCells(a, b string) int {
	la, lb := letters(a), letters(b)
	return cmp.Or(cmp.Compare(len(la), len(lb)), cmp.Compare(la, lb), cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
}

func letters(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	return ref[:i]
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[max(ra, rb)] = min(ra, rb)
	}
}
