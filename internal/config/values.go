package config

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/viper"

	"github.com/mkspace/mkspace/internal/msg"
)

// reader reads the settings' values from viper, checks them and records
// each as text (for Changed); a value that does not fit is an Error that
// names where it was set.
type reader struct {
	v      *viper.Viper
	file   string
	lines  map[string]int
	values map[string]string
	// errs are the problems found, the first of each setting (see first).
	errs map[string]*Error
}

// fail records e as the problem of key, unless it has one already.
func (r *reader) fail(key string, e *Error) {
	if r.errs == nil {
		r.errs = map[string]*Error{}
	}
	if _, ok := r.errs[key]; !ok {
		r.errs[key] = e
	}
}

// first returns the problem of the first setting in the order of
// mkspace.yaml that has one, or nil.
func (r *reader) first() error {
	for _, k := range Keys() {
		if e, ok := r.errs[k]; ok {
			return e
		}
	}
	return nil
}

// at is an Error located where key was set: its environment variable, or
// its line in the file.
func (r *reader) at(key string) *Error {
	if env := envSet(key); env != "" {
		return &Error{Env: env}
	}
	return &Error{File: r.file, Line: r.lines[key]}
}

// invalid records that key has a value that does not fit: want says
// what it should be.
func (r *reader) invalid(key, value, want string, wantArgs ...string) {
	e := r.at(key)
	e.Key, e.Args, e.Want, e.WantArgs = "config.invalid", []string{"key", key, "value", value}, want, wantArgs
	r.fail(key, e)
}

func (r *reader) str(key string) string {
	s := valueText(r.v.Get(key))
	r.values[key] = s
	return s
}

// fonts reads pdf.font: one font file, or a list of them tried in order
// for each character ("builtin" is the shipped font). An empty name alone
// means the shipped font.
func (r *reader) fonts(key string) []string {
	var out []string
	switch x := r.v.Get(key).(type) {
	case nil:
	case string:
		if strings.TrimSpace(x) != "" {
			out = []string{x}
		}
	case []string:
		out = x
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok || strings.TrimSpace(s) == "" {
				r.invalid(key, valueText(e), "config.want.font")
				return nil
			}
			out = append(out, s)
		}
	default:
		r.invalid(key, valueText(x), "config.want.font")
		return nil
	}
	r.values[key] = strings.Join(out, ", ")
	return out
}

// date reads a YYYY-MM-DD value; YAML may already have made it a time
// (of that day, at any hour).
func (r *reader) date(key string) time.Time {
	var d time.Time
	switch x := r.v.Get(key).(type) {
	case time.Time:
		d = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	default:
		s := strings.TrimSpace(valueText(x))
		t, err := time.Parse(DateLayout, s)
		if err != nil {
			r.invalid(key, s, "config.want.date")
			return time.Time{}
		}
		d = t
	}
	r.values[key] = d.Format(DateLayout)
	return d
}

// count reads a whole number; want says what the setting takes (its
// bounds are checked with the others: validate.go).
func (r *reader) count(key, want string) int {
	raw := r.v.Get(key)
	f, ok := number(raw)
	if !ok || f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		r.invalid(key, valueText(raw), want, "example", exampleOf(key))
		return 0
	}
	r.values[key] = strconv.Itoa(int(f))
	return int(f)
}

// number reads a finite number.
func (r *reader) number(key string) float64 {
	raw := r.v.Get(key)
	f, ok := number(raw)
	if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
		r.invalid(key, valueText(raw), "config.want.number", "example", exampleOf(key))
		return 0
	}
	r.values[key] = strconv.FormatFloat(f, 'f', -1, 64)
	return f
}

// size reads a size in bytes (see ParseSize).
func (r *reader) size(key string) int64 {
	raw := r.v.Get(key)
	n, ok := ParseSize(valueText(raw))
	if !ok {
		r.invalid(key, valueText(raw), "config.want.size")
		return 0
	}
	r.values[key] = strconv.FormatInt(n, 10)
	return n
}

// number reads a YAML number, or the text of one (from the environment).
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// sizeText is a size: a number, optionally with a fraction, and a unit.
var sizeText = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*([A-Za-z]*)$`)

// sizeUnits are the units a size may carry, in lower case. Every one is
// binary: the form's "不大于3M" means 3 MiB (3,145,728 bytes), and people
// write that as 3M, 3MB or 3 MiB alike.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
}

// ParseSize reads a size in bytes: 3145728, 3MB, 3 MB, 3MiB, 3M, 1.5 GB
// (binary units, case ignored; a fraction of a byte is dropped).
func ParseSize(s string) (int64, bool) {
	m := sizeText.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	unit, ok := sizeUnits[strings.ToLower(m[2])]
	if !ok {
		return 0, false
	}
	if !strings.Contains(m[1], ".") {
		n, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || n > math.MaxInt64/unit {
			return 0, false
		}
		return n * unit, true
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil || f*float64(unit) >= math.MaxInt64 {
		return 0, false
	}
	return int64(f * float64(unit)), true
}

// valueText writes a setting's value as a person wrote it: dates as
// YYYY-MM-DD, numbers as numbers, nothing as "".
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format(DateLayout)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int, int64, uint64, bool:
		return fmt.Sprint(x)
	}
	return fmt.Sprint(v)
}

// defaultValues are the values of the defaults, as Changed compares them.
var defaultValues = sync.OnceValue(func() map[string]string { return Default().values })

// Setting is a setting whose value differs from its default.
type Setting struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Default string `json:"default"`
}

// Text renders s for a person in l: window.start: 2020-06-01（默认 2020-11-01）.
func (s Setting) Text(l msg.Lang) string {
	empty := func(v string) string {
		if v == "" {
			return l.T("config.changed-empty")
		}
		return v
	}
	return l.T("config.changed", "key", s.Key, "value", empty(s.Value), "default", empty(s.Default))
}

// Changed returns the settings of c that differ from the defaults, in the
// order of mkspace.yaml, the option lists last: what a package relaxed or
// tightened in its own mkspace.yaml (or the environment set). The
// language of messages is left out: it changes no verdict.
func (c *Config) Changed() []Setting {
	if c == nil || c.values == nil {
		return nil
	}
	def := defaultValues()
	var out []Setting
	keys := Keys()
	for _, name := range listNames() {
		keys = append(keys, optionsKey+"."+name)
	}
	for _, k := range keys {
		if k == "lang" || c.values[k] == def[k] {
			continue
		}
		out = append(out, Setting{Key: k, Value: c.values[k], Default: def[k]})
	}
	return out
}
