package rules

// The validator/v10 engine the row-state conditions ran on before plain
// code evaluated them: kept here only to prove both give the same verdicts.

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
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
	vYes     = schema.Yes
	vNo      = schema.No
	vUnknown = "?"
	vFilled  = "x"
)

// vEngine is the compiled form of one sheet's conditions. It is
// immutable and shared by every run (validator is safe for concurrent use).
type vEngine struct {
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
	vMu      sync.Mutex
	vEngines = map[*schema.Sheet]*vEngine{}
	vVal     = validator.New()
)

// vConditionsOf returns the compiled conditions of sheet, or nil when it has
// none. The result is cached.
func vConditionsOf(s *schema.Sheet) (*vEngine, error) {
	vMu.Lock()
	defer vMu.Unlock()
	if e, ok := vEngines[s]; ok {
		return e, nil
	}
	e, err := vCompile(s)
	if err != nil {
		return nil, err
	}
	vEngines[s] = e
	return e, nil
}

func vFieldName(col int) string { return fmt.Sprintf("C%d", col) }

func vCompile(s *schema.Sheet) (*vEngine, error) {
	if len(s.Conditions) == 0 {
		return nil, nil
	}
	e := &vEngine{field: make([]int, len(s.Columns)), label: map[string]int{}, colOf: map[string]int{}, validate: vVal}
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
			v := vNo
			if m.Value {
				v = vYes
			}
			params = append(params, vFieldName(i), v)
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
				key := list.tag + "|" + vFieldName(i) + "|" + param
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
		f := reflect.StructField{Name: vFieldName(i), Type: reflect.TypeFor[string]()}
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

func (e *vEngine) addMatch(i int) {
	if e.field[i] == -1 {
		e.field[i] = 0 // marked; numbered when the struct is built
		e.matchCols = append(e.matchCols, i)
	} else if !slices.Contains(e.matchCols, i) {
		e.matchCols = append(e.matchCols, i)
	}
}

func (e *vEngine) addTarget(i int) {
	if e.field[i] == -1 {
		e.field[i] = 0
	}
	if !slices.Contains(e.targetCols, i) {
		e.targetCols = append(e.targetCols, i)
	}
}

// vRow is the per-run instance: one struct value reused for every row,
// and the verdicts seen so far.
//
// The verdict of the conditions is a pure function of the row's signature —
// the match value of each yes/no column and whether each target column is
// filled — so it is memoised per signature: validator runs once per distinct
// combination (a few dozen in a real sheet), not once per row. The rules
// themselves stay validator's.
type vRow struct {
	e     *vEngine
	ptr   reflect.Value // *struct
	val   reflect.Value // struct, addressable
	memo  map[uint64][]condViolation
	Calls int // validator runs (for tests and benchmarks)
}

func (e *vEngine) newRow() *vRow {
	p := reflect.New(e.typ)
	return &vRow{e: e, ptr: p, val: p.Elem(), memo: map[uint64][]condViolation{}}
}

// run validates one row with validator.
func (r *vRow) run(yesno func(int) string, filled func(int) bool, out []condViolation) ([]condViolation, error) {
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
			v = vFilled
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

// The plain evaluation gives validator's verdict for every combination of
// every sheet's condition inputs (yes/no values and filled targets).
func TestConditionsMatchValidator(t *testing.T) {
	tri := map[string]yesNo{vYes: yes, vNo: no, vUnknown: unknownYesNo}
	for _, s := range schema.Sheets() {
		if len(s.Conditions) == 0 {
			continue
		}
		e, err := vConditionsOf(s)
		require.NoError(t, err)
		r := e.newRow()
		targets := conditionTargets(s)
		holds := make([]bool, len(s.Conditions))
		vals := []string{vYes, vNo, vUnknown}
		nm, nt := len(e.matchCols), len(e.targetCols)
		total := 1
		for range nm {
			total *= 3
		}
		total <<= nt
		for n := 0; n < total; n++ {
			k := n
			match := map[int]string{}
			for _, i := range e.matchCols {
				match[i] = vals[k%3]
				k /= 3
			}
			fill := map[int]bool{}
			for _, i := range e.targetCols {
				fill[i] = k&1 == 1
				k >>= 1
			}
			want, err := r.run(func(i int) string { return match[i] }, func(i int) bool { return fill[i] }, nil)
			require.NoError(t, err)
			got := evalConditions(s, targets, func(i int) yesNo { return tri[match[i]] }, func(i int) bool { return fill[i] }, holds, nil)
			require.Equal(t, want, got, "%s: %v %v", s.Key, match, fill)
		}
		t.Logf("%s: %d combinations", s.Key, total)
	}
}
