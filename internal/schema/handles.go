package schema

import (
	"fmt"
	"reflect"
)

// Col is a typed handle on one column of a table sheet (or one field of a
// form sheet). Outside this package columns are addressed through handles
// only — schema.Teams.Converted, never the key "converted" — so that a
// misspelt column does not compile. Handles are resolved once at start-up
// from the description in sheets.go (a handle naming no column stops the
// program before it starts; TestHandles checks both directions).
type Col struct {
	sheet *Sheet
	index int
}

// Sheet is the sheet the column belongs to.
func (c Col) Sheet() *Sheet { return c.sheet }

// Index is the column's index in Sheet().Columns: the index of its value in
// a typed row.
func (c Col) Index() int { return c.index }

// Column is the column's description.
func (c Col) Column() *Column { return &c.sheet.Columns[c.index] }

// Key is the column's machine key (as JSON and the digest spell it).
func (c Col) Key() string { return c.Column().Key }

// Header is the column's header (a form sheet: the field's name).
func (c Col) Header() string { return c.Column().Header }

// Col returns the handle of column i.
func (s *Sheet) Col(i int) Col { return Col{sheet: s, index: i} }

// Lookup returns the handle of the column with key. It serves data keyed by
// column key (test fixtures, the examples' generator); code names columns
// through the handles below.
func (s *Sheet) Lookup(key string) (Col, bool) {
	i := s.ColumnIndex(key)
	if i < 0 {
		return Col{}, false
	}
	return s.Col(i), true
}

// The handles of every sheet: a struct per sheet whose fields are its
// columns, each tagged with the column's key.

// BasicCols are the fields of 基础信息.
type BasicCols struct {
	Sheet               *Sheet
	Name                Col `key:"name"`
	Operator            Col `key:"operator"`
	OperatorUSCC        Col `key:"operator_uscc"`
	LegalRepresentative Col `key:"legal_representative"`
	Region              Col `key:"region"`
	Address             Col `key:"address"`
	OperatingSince      Col `key:"operating_since"`
	Incubator           Col `key:"incubator"`
	Contact             Col `key:"contact"`
	Phone               Col `key:"phone"`
	Email               Col `key:"email"`
	Agency              Col `key:"agency"`
	Commitment          Col `key:"commitment"`
}

// MediaCols are the columns of 宣传报道.
type MediaCols struct {
	Sheet  *Sheet
	Title  Col `key:"title"`
	Outlet Col `key:"outlet"`
	Date   Col `key:"date"`
	URL    Col `key:"url"`
	Proof  Col `key:"proof"`
}

// HonorsCols are the columns of 获得荣誉.
type HonorsCols struct {
	Sheet  *Sheet
	Title  Col `key:"title"`
	Issuer Col `key:"issuer"`
	Date   Col `key:"date"`
	Proof  Col `key:"proof"`
}

// VenuesCols are the columns of 服务场地.
type VenuesCols struct {
	Sheet              *Sheet
	Address            Col `key:"address"`
	Area               Col `key:"area"`
	TeamEnterpriseArea Col `key:"team_enterprise_area"`
	PublicServiceArea  Col `key:"public_service_area"`
	SelfUseArea        Col `key:"self_use_area"`
	OtherArea          Col `key:"other_area"`
	Workstations       Col `key:"workstations"`
	Tenure             Col `key:"tenure"`
	Proof              Col `key:"proof"`
}

// StaffCols are the columns of 专业服务人员.
type StaffCols struct {
	Sheet      *Sheet
	Name       Col `key:"name"`
	Age        Col `key:"age"`
	Title      Col `key:"title"`
	Education  Col `key:"education"`
	Major      Col `key:"major"`
	Experience Col `key:"experience"`
	Proof      Col `key:"proof"`
}

// MentorsCols are the columns of 创业导师.
type MentorsCols struct {
	Sheet      *Sheet
	Name       Col `key:"name"`
	Employer   Col `key:"employer"`
	Title      Col `key:"title"`
	Field      Col `key:"field"`
	Employment Col `key:"employment"`
	Proof      Col `key:"proof"`
}

// FinancingCols are the financing columns that 创业团队 and 入驻企业 share.
type FinancingCols struct {
	Financed       Col `key:"financed"`
	FinancedOn     Col `key:"financed_on"`
	Amount         Col `key:"amount"`
	FinancingProof Col `key:"financing_proof"`
}

// TeamsCols are the columns of 创业团队.
type TeamsCols struct {
	Sheet        *Sheet
	Name         Col `key:"name"`
	JoinedOn     Col `key:"joined_on"`
	Members      Col `key:"members"`
	Converted    Col `key:"converted"`
	RegisteredOn Col `key:"registered_on"`
	MovedOut     Col `key:"moved_out"`
	MovedOutOn   Col `key:"moved_out_on"`
	Agreement    Col `key:"agreement"`
	FinancingCols
}

// EnterprisesCols are the columns of 入驻企业.
type EnterprisesCols struct {
	Sheet        *Sheet
	Name         Col `key:"name"`
	USCC         Col `key:"uscc"`
	FromTeam     Col `key:"from_team"`
	Team         Col `key:"team"`
	RegisteredOn Col `key:"registered_on"`
	JoinedOn     Col `key:"joined_on"`
	MovedOut     Col `key:"moved_out"`
	Staff        Col `key:"staff"`
	MovedOutOn   Col `key:"moved_out_on"`
	Agreement    Col `key:"agreement"`
	License      Col `key:"license"`
	FinancingCols
}

// ActivitiesCols are the columns of 创新创业活动.
type ActivitiesCols struct {
	Sheet   *Sheet
	Name    Col `key:"name"`
	Kind    Col `key:"kind"`
	Date    Col `key:"date"`
	Summary Col `key:"summary"`
	Proof   Col `key:"proof"`
}

// NarrativeCols are the sections of 文字材料.
type NarrativeCols struct {
	Sheet       *Sheet
	Capability  Col `key:"capability"`
	Performance Col `key:"performance"`
	Brand       Col `key:"brand"`
	Plan        Col `key:"plan"`
}

// The sheets and their columns.
var (
	Basic       = BasicCols{Sheet: basic}
	Media       = MediaCols{Sheet: media}
	Honors      = HonorsCols{Sheet: honors}
	Venues      = VenuesCols{Sheet: venues}
	Staff       = StaffCols{Sheet: staff}
	Mentors     = MentorsCols{Sheet: mentors}
	Teams       = TeamsCols{Sheet: teams}
	Enterprises = EnterprisesCols{Sheet: enterprises}
	Activities  = ActivitiesCols{Sheet: activities}
	Narrative   = NarrativeCols{Sheet: narrative}
)

// handleSets pairs every sheet with its handles (in the order of sheets).
var handleSets = []struct {
	sheet   *Sheet
	handles any
}{
	{basic, &Basic}, {media, &Media}, {honors, &Honors}, {venues, &Venues}, {staff, &Staff},
	{mentors, &Mentors}, {teams, &Teams}, {enterprises, &Enterprises}, {activities, &Activities}, {narrative, &Narrative},
}

func init() {
	for _, h := range handleSets {
		bindHandles(h.sheet, reflect.ValueOf(h.handles).Elem())
	}
	for _, s := range sheets {
		resolve(s)
	}
}

var colType = reflect.TypeFor[Col]()

// bindHandles fills every Col field of v (embedded structs included) with
// the column its key tag names.
func bindHandles(s *Sheet, v reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Type == colType:
			j := s.ColumnIndex(f.Tag.Get("key"))
			if j < 0 {
				panic(fmt.Sprintf("schema: %s.%s names no column of sheet %s", t.Name(), f.Name, s.Key))
			}
			v.Field(i).Set(reflect.ValueOf(s.Col(j)))
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			bindHandles(s, v.Field(i))
		}
	}
}

// handlesOf lists the handles of sheet s, in field order (for tests).
func handlesOf(s *Sheet) []Col {
	for _, h := range handleSets {
		if h.sheet == s {
			var out []Col
			collectHandles(reflect.ValueOf(h.handles).Elem(), &out)
			return out
		}
	}
	return nil
}

func collectHandles(v reflect.Value, out *[]Col) {
	for i := range v.NumField() {
		switch f := v.Field(i); {
		case f.Type() == colType:
			*out = append(*out, f.Interface().(Col))
		case v.Type().Field(i).Anonymous && f.Kind() == reflect.Struct:
			collectHandles(f, out)
		}
	}
}

// resolve turns the keys a sheet's description names (date order,
// conditions, conflicts) into handles, once. A key that names no column is
// a fault of the description: the program does not start.
func resolve(s *Sheet) {
	col := func(what, key string) Col {
		i := s.ColumnIndex(key)
		if i < 0 {
			panic(fmt.Sprintf("schema: sheet %s: %s names unknown column %q", s.Key, what, key))
		}
		return s.Col(i)
	}
	cols := func(what string, keys []string) []Col {
		out := make([]Col, len(keys))
		for i, k := range keys {
			out[i] = col(what, k)
		}
		return out
	}
	// The When lists may be shared by two sheets' descriptions (the
	// financing conditions): each sheet resolves its own copy.
	matches := func(what string, ms []Match) []Match {
		out := make([]Match, len(ms))
		for i, m := range ms {
			m.Col = col(what, m.Key)
			if m.Col.Column().Type != YesNo {
				panic(fmt.Sprintf("schema: sheet %s: %s on %q, not a yes/no column", s.Key, what, m.Key))
			}
			out[i] = m
		}
		return out
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		c.NotBeforeCols = cols("column "+c.Key+": NotBefore", c.NotBefore)
	}
	for i := range s.Conditions {
		c := &s.Conditions[i]
		if len(c.When) == 0 {
			panic(fmt.Sprintf("schema: sheet %s: condition %q has no When", s.Key, c.Label))
		}
		c.When = matches("condition", c.When)
		c.RequireCols = cols("condition", c.Require)
		c.ForbidCols = cols("condition", c.Forbid)
	}
	for i := range s.Conflicts {
		c := &s.Conflicts[i]
		c.When = matches("conflict", c.When)
		c.AtCol = col("conflict", c.At)
	}
}
