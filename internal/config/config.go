// Package config loads mkspace's settings: defaults, then `mkspace.yaml` in
// the package folder (or the file named by --config), then MKSPACE_*
// environment variables, then command-line flags — later wins.
package config

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// FileName is the config file looked up in a package folder.
const FileName = "mkspace.yaml"

// DateLayout is how dates are written in the config and in reports.
const DateLayout = "2006-01-02"

// Window is the reporting period (填报期), both days included.
type Window struct {
	Start time.Time `key:"window.start"`
	End   time.Time `key:"window.end" validate:"gtefield=Start"`
}

// Contains reports whether d (a date at midnight UTC) is inside the window.
func (w Window) Contains(d time.Time) bool {
	return !d.Before(w.Start) && !d.After(w.End)
}

// The settings below carry their key in mkspace.yaml (`key`) and what
// their value must be once read (`validate`, go-playground/validator; see
// validate.go): thresholds of 0 or more, limits above 0, one of the known
// words.

// Eligibility holds the thresholds of the self-check (ELIGIBILITY.md).
type Eligibility struct {
	OperatingMonths   int     `key:"eligibility.operating_months" validate:"gte=0"`
	TotalArea         float64 `key:"eligibility.total_area" validate:"gte=0"`
	Workstations      int     `key:"eligibility.workstations" validate:"gte=0"`
	ServiceAreaRatio  float64 `key:"eligibility.service_area_ratio" validate:"gte=0"`
	PublicServiceArea float64 `key:"eligibility.public_service_area" validate:"gte=0"` // must exceed
	Served            int     `key:"eligibility.served" validate:"gte=0"`
	Conversions       int     `key:"eligibility.conversions" validate:"gte=0"`
	Financed          int     `key:"eligibility.financed" validate:"gte=0"`
	ProfessionalStaff int     `key:"eligibility.professional_staff" validate:"gte=0"`
	Mentors           int     `key:"eligibility.mentors" validate:"gte=0"`
	Activities        int     `key:"eligibility.activities" validate:"gte=0"`
}

// Limits bound what a reader accepts from a user's file.
type Limits struct {
	UnzipBytes    int64 `key:"limits.unzip_bytes" validate:"gt=0"`     // all parts of one .xlsx, unpacked
	SheetXMLBytes int64 `key:"limits.sheet_xml_bytes" validate:"gt=0"` // one sheet's XML, unpacked
	CellChars     int   `key:"limits.cell_chars" validate:"gte=1"`     // one cell's text
}

// Config is the resolved configuration of one run (or one package).
type Config struct {
	File        string // the config file read, "" when none
	Lang        msg.Lang
	Window      Window
	MaxBytes    int64    `key:"attachments.max_bytes" validate:"gt=0"`
	CheckDigit  string   `key:"uscc.check_digit" validate:"oneof=error warning"`
	OutputDir   string   // output_dir, relative to the package folder
	Fonts       []string // pdf.font: one font or a list tried in order per character; none = the shipped font
	Eligibility Eligibility
	Lists       schema.Lists
	Limits      Limits

	// values are the settings as resolved, in the form Changed shows them.
	values map[string]string
}

// Defaults are the values used when nothing else is set; mkspace init writes
// them, commented, into mkspace.yaml.
var Defaults = map[string]any{
	"lang":                            "zh",
	"window.start":                    "2020-11-01",
	"window.end":                      "2021-10-31",
	"attachments.max_bytes":           3145728,
	"uscc.check_digit":                "error",
	"output_dir":                      "output",
	"pdf.font":                        "",
	"eligibility.operating_months":    18,
	"eligibility.total_area":          500,
	"eligibility.workstations":        30,
	"eligibility.service_area_ratio":  75,
	"eligibility.public_service_area": 0,
	"eligibility.served":              20,
	"eligibility.conversions":         10,
	"eligibility.financed":            5,
	"eligibility.professional_staff":  3,
	"eligibility.mentors":             3,
	"eligibility.activities":          10,
	"limits.unzip_bytes":              int64(2 << 30),
	"limits.sheet_xml_bytes":          int64(1 << 30),
	"limits.cell_chars":               32767,
}

// groupOrder and keyOrder are the order of mkspace.yaml: the top-level
// keys, then the keys inside each group. A key of Defaults missing here
// still comes (after the listed ones, alphabetically), so that no setting
// is ever left out.
var (
	groupOrder = []string{"lang", "window", "attachments", "uscc", "output_dir", "pdf", "eligibility", "limits"}
	keyOrder   = []string{
		"window.start", "window.end",
		"eligibility.operating_months", "eligibility.total_area", "eligibility.workstations",
		"eligibility.service_area_ratio", "eligibility.public_service_area", "eligibility.served",
		"eligibility.conversions", "eligibility.financed", "eligibility.professional_staff",
		"eligibility.mentors", "eligibility.activities",
		"limits.unzip_bytes", "limits.sheet_xml_bytes", "limits.cell_chars",
	}
)

// Keys returns the keys of Defaults in the order mkspace.yaml lists them.
func Keys() []string {
	rank := func(list []string, s string) int {
		if i := slices.Index(list, s); i >= 0 {
			return i
		}
		return len(list)
	}
	keys := leafKeys()
	slices.SortStableFunc(keys, func(a, b string) int {
		ga, _, _ := strings.Cut(a, ".")
		gb, _, _ := strings.Cut(b, ".")
		if d := rank(groupOrder, ga) - rank(groupOrder, gb); d != 0 {
			return d
		}
		if ga != gb {
			return strings.Compare(ga, gb)
		}
		return rank(keyOrder, a) - rank(keyOrder, b)
	})
	return keys
}

// Source says where to look for settings.
type Source struct {
	File  string         // --config; when empty, Dir/mkspace.yaml if it exists
	Dir   string         // the package folder
	Flags *pflag.FlagSet // flags that override (only those the user set)
}

// Error is a config problem; commands exit 2 on it. It names where the
// problem is: the file and line, or the environment variable.
type Error struct {
	Key  string   // message key in msg
	Args []string // its placeholders, besides {where}, {want} and {known}
	// File and Line locate the problem in a config file (Line 0: the
	// whole file); Env names the environment variable it came from.
	File string
	Line int
	Env  string
	// Want, when set, is the message key of what the value should be,
	// rendered in the reader's language as {want} (with WantArgs).
	Want     string
	WantArgs []string
	// List, when set, is rendered as {known}: the settings that exist.
	List []string
	// Err is the cause, rendered as {err}.
	Err error
	// More are further problems of the same file.
	More []*Error
}

func (e *Error) Error() string { return e.Localized(msg.ZH) }

func (e *Error) Unwrap() error { return e.Err }

// Localized renders the error in l, one problem a line.
func (e *Error) Localized(l msg.Lang) string {
	args := append(slices.Clone(e.Args), "where", e.where(l))
	if e.Want != "" {
		args = append(args, "want", l.T(e.Want, e.WantArgs...))
	}
	if e.List != nil {
		args = append(args, "known", strings.Join(e.List, l.Pick("、", ", ")))
	}
	if e.Err != nil {
		args = append(args, "err", l.Cause(e.Err))
	}
	if e.File != "" {
		args = append(args, "file", e.File)
	}
	s := l.T(e.Key, args...)
	for _, m := range e.More {
		s += "\n" + m.Localized(l)
	}
	return s
}

func (e *Error) where(l msg.Lang) string {
	switch {
	case e.Env != "":
		return l.T("config.where-env", "name", e.Env)
	case e.Line > 0:
		return l.T("config.where-line", "file", e.File, "line", strconv.Itoa(e.Line))
	}
	return l.T("config.where-file", "file", e.File)
}

// ShowFileAs names the config file name in the messages of e, e.g. the
// mkspace.yaml of a zip rather than its copy in a temporary folder.
func (e *Error) ShowFileAs(name string) {
	if e.File != "" {
		e.File = name
	}
	for i, a := range e.Args {
		if i%2 == 1 && e.Args[i-1] == "file" && a != "" {
			e.Args[i] = name
		}
	}
	for _, m := range e.More {
		m.ShowFileAs(name)
	}
}

// Load resolves the configuration.
func Load(src Source) (*Config, error) { return load(src, true) }

// Default returns the configuration with no file, environment or flags.
func Default() *Config {
	c, err := load(Source{}, false)
	if err != nil {
		panic(err) // the defaults are valid by construction; tests keep them so
	}
	return c
}

func load(src Source, env bool) (*Config, error) {
	v := viper.New()
	for k, val := range Defaults {
		v.SetDefault(k, val)
	}
	if env {
		if err := checkEnv(); err != nil {
			return nil, err
		}
		v.SetEnvPrefix(strings.TrimSuffix(envPrefix, "_"))
		v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
		v.AutomaticEnv()
	}

	file := src.File
	if file == "" && src.Dir != "" {
		cand := filepath.Join(src.Dir, FileName)
		if _, err := os.Stat(cand); err == nil {
			file = cand
		}
	}
	lines := map[string]int{}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, &Error{Key: "config.unreadable", File: file, Err: err}
		}
		data = bytes.TrimPrefix(data, []byte("\ufeff")) // Notepad's byte order mark
		if lines, err = checkYAML(file, data); err != nil {
			return nil, err
		}
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return nil, &Error{Key: "config.syntax", File: file}
		}
	}
	if src.Flags != nil {
		if f := src.Flags.Lookup("lang"); f != nil && f.Changed {
			v.Set("lang", f.Value.String())
		}
	}

	r := &reader{v: v, file: file, lines: lines, values: map[string]string{}}
	c := &Config{File: file}
	lang := r.str("lang")
	if l, err := msg.ParseLang(lang); err == nil {
		c.Lang = l
		r.values["lang"] = string(l)
	} else {
		r.invalid("lang", lang, "config.want.choice", "choices", "zh, en")
	}
	c.Window.Start = r.date("window.start")
	c.Window.End = r.date("window.end")
	c.MaxBytes = r.size("attachments.max_bytes")
	c.CheckDigit = strings.ToLower(r.str("uscc.check_digit"))
	r.values["uscc.check_digit"] = c.CheckDigit
	c.OutputDir = r.str("output_dir")
	c.Fonts = r.fonts("pdf.font")

	// Key by key: viper's UnmarshalKey of a section the file sets in part
	// would drop the defaults of the keys the file leaves out.
	e := &c.Eligibility
	for key, dst := range map[string]*int{
		"operating_months": &e.OperatingMonths, "workstations": &e.Workstations, "served": &e.Served,
		"conversions": &e.Conversions, "financed": &e.Financed, "professional_staff": &e.ProfessionalStaff,
		"mentors": &e.Mentors, "activities": &e.Activities,
	} {
		*dst = r.count("eligibility."+key, "config.want.count")
	}
	for key, dst := range map[string]*float64{
		"total_area": &e.TotalArea, "service_area_ratio": &e.ServiceAreaRatio, "public_service_area": &e.PublicServiceArea,
	} {
		*dst = r.number("eligibility." + key)
	}
	c.Limits.UnzipBytes = r.size("limits.unzip_bytes")
	c.Limits.SheetXMLBytes = r.size("limits.sheet_xml_bytes")
	c.Limits.CellChars = r.count("limits.cell_chars", "config.want.positive")
	r.validate(c)
	if err := r.first(); err != nil {
		return nil, err
	}

	overrides := map[string][]string{}
	if v.IsSet(optionsKey) {
		if err := v.UnmarshalKey(optionsKey, &overrides); err != nil {
			e := r.at(optionsKey)
			e.Key, e.Args = "config.not-group", []string{"key", optionsKey, "example", groupExample(optionsKey)}
			return nil, e
		}
	}
	base := schema.DefaultLists()
	if bad := base.UnknownLists(overrides); len(bad) > 0 {
		return nil, unknownKey(r.at(optionsKey+"."+bad[0]), optionsKey+"."+bad[0])
	}
	c.Lists = base.With(overrides)
	for _, name := range listNames() {
		r.values[optionsKey+"."+name] = strings.Join(c.Lists[name], ", ")
	}
	c.values = r.values
	return c, nil
}
