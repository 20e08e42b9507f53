package rules

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// The row-state rules (不可填 and conditionally required columns) run on
// validator/v10's required_if / excluded_if, generated from the schema's
// Conditions — no table is described here a second time.
//
// For each sheet with conditions, a struct type is built once with
// reflect.StructOf: one string field per column that takes part in a
// condition, named C<column index>. A yes/no column used in a condition's
// When holds "是", "否" or "?" (unknown: empty, unreadable, or disabled by a
// conflict), so a condition on an unknown value never holds — validator
// compares the strings exactly. A column a condition requires or forbids
// holds "" when empty and "x" when it holds anything. Its tags are, for
// every condition naming it:
//
//	required_if=C3 否 C5 否     (Require; validator: all pairs must match)
//	excluded_if=C3 是 C5 否     (Forbid)
//
// A failing tag maps back to its condition through (field, tag, param), and
// so to the condition's label for the message.

const (
	condYes     = schema.Yes
	condNo      = schema.No
	condUnknown = "?"
	condFilled  = "x"
)

// condEngine is the compiled form of one sheet's conditions. It is
// immutable and shared by every run (validator is safe for concurrent use).
type condEngine struct {
	typ      reflect.Type
	validate *validator.Validate
	// field[i] is the struct field index of column i, or -1.
	field []int
	// matchCols are the columns used in some When (yes/no columns);
	// targetCols those required or forbidden by some condition.
	matchCols, targetCols []int
	// label maps "tag|field name|param" to the condition index.
	label map[string]int
	// colOf maps a field name back to its column index.
	colOf map[string]int
}

var (
	condMu      sync.Mutex
	condEngines = map[*schema.Sheet]*condEngine{}
	condVal     = validator.New()
)

// conditionsOf returns the compiled conditions of sheet, or nil when it has
// none. The result is cached.
func conditionsOf(s *schema.Sheet) (*condEngine, error) {
	condMu.Lock()
	defer condMu.Unlock()
	if e, ok := condEngines[s]; ok {
		return e, nil
	}
	e, err := compileConditions(s)
	if err != nil {
		return nil, err
	}
	condEngines[s] = e
	return e, nil
}

func fieldName(col int) string { return fmt.Sprintf("C%d", col) }

func compileConditions(s *schema.Sheet) (*condEngine, error) {
	if len(s.Conditions) == 0 {
		return nil, nil
	}
	e := &condEngine{field: make([]int, len(s.Columns)), label: map[string]int{}, colOf: map[string]int{}, validate: condVal}
	for i := range e.field {
		e.field[i] = -1
	}
	tags := map[int][]string{}
	for ci, c := range s.Conditions {
		if len(c.When) == 0 {
			return nil, fmt.Errorf("rules: sheet %s: condition %q has no When", s.Key, c.Label)
		}
		var params []string
		for _, m := range c.When {
			i := m.Col.Index()
			if s.Columns[i].Type != schema.YesNo {
				return nil, fmt.Errorf("rules: sheet %s: condition on %q, not a yes/no column", s.Key, m.Key)
			}
			e.addMatch(i)
			v := condNo
			if m.Value {
				v = condYes
			}
			params = append(params, fieldName(i), v)
		}
		param := strings.Join(params, " ")
		for _, list := range []struct {
			cols []schema.Col
			tag  string
		}{{c.RequireCols, "required_if"}, {c.ForbidCols, "excluded_if"}} {
			for _, col := range list.cols {
				i := col.Index()
				e.addTarget(i)
				tags[i] = append(tags[i], list.tag+"="+param)
				key := list.tag + "|" + fieldName(i) + "|" + param
				if _, dup := e.label[key]; !dup {
					e.label[key] = ci
				}
			}
		}
	}
	var fields []reflect.StructField
	for i := range s.Columns {
		if e.field[i] < 0 {
			continue
		}
		f := reflect.StructField{Name: fieldName(i), Type: reflect.TypeFor[string]()}
		if t := tags[i]; len(t) > 0 {
			f.Tag = reflect.StructTag(`validate:"` + strings.Join(t, ",") + `"`)
		}
		e.field[i] = len(fields)
		e.colOf[f.Name] = i
		fields = append(fields, f)
	}
	e.typ = reflect.StructOf(fields)
	return e, nil
}

func (e *condEngine) addMatch(i int) {
	if e.field[i] == -1 {
		e.field[i] = 0 // marked; numbered when the struct is built
		e.matchCols = append(e.matchCols, i)
	} else if !slices.Contains(e.matchCols, i) {
		e.matchCols = append(e.matchCols, i)
	}
}

func (e *condEngine) addTarget(i int) {
	if e.field[i] == -1 {
		e.field[i] = 0
	}
	if !slices.Contains(e.targetCols, i) {
		e.targetCols = append(e.targetCols, i)
	}
}

// condRow is the per-run instance: one struct value reused for every row,
// and the verdicts seen so far.
//
// The verdict of the conditions is a pure function of the row's signature —
// the match value of each yes/no column and whether each target column is
// filled — so it is memoised per signature: validator runs once per distinct
// combination (a few dozen in a real sheet), not once per row. The rules
// themselves stay validator's.
type condRow struct {
	e     *condEngine
	ptr   reflect.Value // *struct
	val   reflect.Value // struct, addressable
	memo  map[uint64][]condViolation
	Calls int // validator runs (for tests and benchmarks)
}

func (e *condEngine) newRow() *condRow {
	p := reflect.New(e.typ)
	return &condRow{e: e, ptr: p, val: p.Elem(), memo: map[uint64][]condViolation{}}
}

// condViolation is one failed condition on one column.
type condViolation struct {
	Rule string // finding.CellRequired or finding.CellNotFillable
	Col  int
	Cond int // index into Sheet.Conditions
}

// check sets the row's fields and runs the validator. yesno(i) gives the
// match value of yes/no column i ("是", "否" or "?"); filled(i) whether
// target column i holds anything.
func (r *condRow) check(yesno func(int) string, filled func(int) bool, out []condViolation) ([]condViolation, error) {
	e := r.e
	sig, ok := e.signature(yesno, filled)
	if ok {
		if v, seen := r.memo[sig]; seen {
			return append(out, v...), nil
		}
	}
	start := len(out)
	out, err := r.run(yesno, filled, out)
	if err == nil && ok {
		r.memo[sig] = append([]condViolation(nil), out[start:]...)
	}
	return out, err
}

// signature packs the row's condition inputs: two bits per yes/no column
// (是, 否, unknown), one per target column. ok is false when they do not fit
// in 64 bits (then the row is validated without the memo).
func (e *condEngine) signature(yesno func(int) string, filled func(int) bool) (sig uint64, ok bool) {
	if 2*len(e.matchCols)+len(e.targetCols) > 64 {
		return 0, false
	}
	for _, i := range e.matchCols {
		sig <<= 2
		switch yesno(i) {
		case condYes:
			sig |= 1
		case condNo:
			sig |= 2
		}
	}
	for _, i := range e.targetCols {
		sig <<= 1
		if !slices.Contains(e.matchCols, i) && filled(i) {
			sig |= 1
		}
	}
	return sig, true
}

// run validates one row with validator.
func (r *condRow) run(yesno func(int) string, filled func(int) bool, out []condViolation) ([]condViolation, error) {
	e := r.e
	r.Calls++
	for _, i := range e.matchCols {
		r.val.Field(e.field[i]).SetString(yesno(i))
	}
	for _, i := range e.targetCols {
		if slices.Contains(e.matchCols, i) {
			continue
		}
		v := ""
		if filled(i) {
			v = condFilled
		}
		r.val.Field(e.field[i]).SetString(v)
	}
	err := e.validate.Struct(r.ptr.Interface())
	if err == nil {
		return out, nil
	}
	var ve validator.ValidationErrors
	if !errors.As(err, &ve) {
		return out, err
	}
	for _, fe := range ve {
		var rule string
		switch fe.Tag() {
		case "required_if":
			rule = finding.CellRequired
		case "excluded_if":
			rule = finding.CellNotFillable
		default:
			return out, fmt.Errorf("rules: unexpected validation tag %q", fe.Tag())
		}
		ci, ok := e.label[fe.Tag()+"|"+fe.StructField()+"|"+fe.Param()]
		if !ok {
			return out, fmt.Errorf("rules: no condition for %s %s %s", fe.Tag(), fe.StructField(), fe.Param())
		}
		out = append(out, condViolation{Rule: rule, Col: e.colOf[fe.StructField()], Cond: ci})
	}
	return out, nil
}

// violations evaluates the sheet's conditions on the current row, once per
// row (after the conflicts: a yes/no they switched off is unknown).
func (tr *tableRun) violations() []condViolation {
	if tr.cond == nil {
		return nil
	}
	if !tr.violKnown {
		var err error
		tr.viol, err = tr.cond.check(tr.matchValue, tr.filled, tr.viol[:0])
		if err != nil {
			panic(err) // a fault of the description: TestEverySheetCompiles
		}
		tr.violKnown = true
	}
	return tr.viol
}

// matchValue is the condition value of yes/no column i.
func (tr *tableRun) matchValue(i int) string {
	if tr.state(i) != rows.Valid || tr.unknownMatch[i] {
		return condUnknown
	}
	if tr.val(i).Bool {
		return condYes
	}
	return condNo
}
