// Package config loads mkspace's settings: defaults, then `mkspace.yaml` in
// the package folder (or the file named by --config), then MKSPACE_*
// environment variables, then command-line flags — later wins.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cast"
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
	Start, End time.Time
}

// Contains reports whether d (a date at midnight UTC) is inside the window.
func (w Window) Contains(d time.Time) bool {
	return !d.Before(w.Start) && !d.After(w.End)
}

// Eligibility holds the thresholds of the self-check (ELIGIBILITY.md).
type Eligibility struct {
	OperatingMonths   int     `mapstructure:"operating_months"`
	TotalArea         float64 `mapstructure:"total_area"`
	Workstations      int     `mapstructure:"workstations"`
	ServiceAreaRatio  float64 `mapstructure:"service_area_ratio"`
	PublicServiceArea float64 `mapstructure:"public_service_area"` // must exceed
	Served            int     `mapstructure:"served"`
	Conversions       int     `mapstructure:"conversions"`
	Financed          int     `mapstructure:"financed"`
	ProfessionalStaff int     `mapstructure:"professional_staff"`
	Mentors           int     `mapstructure:"mentors"`
	Activities        int     `mapstructure:"activities"`
}

// Limits bound what a reader accepts from a user's file.
type Limits struct {
	UnzipBytes    int64 `mapstructure:"unzip_bytes"`     // all parts of one .xlsx, unpacked
	SheetXMLBytes int64 `mapstructure:"sheet_xml_bytes"` // one sheet's XML, unpacked
	CellChars     int   `mapstructure:"cell_chars"`      // one cell's text
}

// Config is the resolved configuration of one run (or one package).
type Config struct {
	File        string // the config file read, "" when none
	Lang        msg.Lang
	Window      Window
	MaxBytes    int64    // attachments.max_bytes
	CheckDigit  string   // uscc.check_digit: "error" or "warning"
	OutputDir   string   // output_dir, relative to the package folder
	Fonts       []string // pdf.font: one font or a list tried in order per character; none = the shipped font
	Eligibility Eligibility
	Lists       schema.Lists
	Limits      Limits
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

// Source says where to look for settings.
type Source struct {
	File  string         // --config; when empty, Dir/mkspace.yaml if it exists
	Dir   string         // the package folder
	Flags *pflag.FlagSet // flags that override (only those the user set)
}

// Error is a config problem; commands exit 2 on it.
type Error struct {
	Key  string // message key in msg
	Args []string
}

func (e *Error) Error() string { return msg.ZH.T(e.Key, e.Args...) }

// Localized renders the error in lang.
func (e *Error) Localized(l msg.Lang) string { return l.T(e.Key, e.Args...) }

// Load resolves the configuration.
func Load(src Source) (*Config, error) {
	v := viper.New()
	for k, val := range Defaults {
		v.SetDefault(k, val)
	}
	v.SetEnvPrefix("MKSPACE")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	file := src.File
	if file == "" && src.Dir != "" {
		cand := filepath.Join(src.Dir, FileName)
		if _, err := os.Stat(cand); err == nil {
			file = cand
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			reason := err.Error()
			if errors.Is(err, fs.ErrNotExist) {
				reason = "文件不存在 / no such file"
			}
			return nil, &Error{Key: "cli.config-unreadable", Args: []string{"file", file, "err", reason}}
		}
	}
	if src.Flags != nil {
		if f := src.Flags.Lookup("lang"); f != nil && f.Changed {
			v.Set("lang", f.Value.String())
		}
	}

	c := &Config{File: file, OutputDir: v.GetString("output_dir")}
	var err error
	if c.Fonts, err = fonts(v.Get("pdf.font")); err != nil {
		return nil, err
	}
	if c.Lang, err = msg.ParseLang(v.GetString("lang")); err != nil {
		return nil, &Error{Key: "cli.bad-lang", Args: []string{"value", v.GetString("lang")}}
	}
	if c.Window.Start, err = date(v, "window.start"); err != nil {
		return nil, err
	}
	if c.Window.End, err = date(v, "window.end"); err != nil {
		return nil, err
	}
	if c.Window.End.Before(c.Window.Start) {
		return nil, &Error{Key: "cli.config-invalid", Args: []string{"key", "window", "value", v.GetString("window.end"), "err", "end before start / 结束日期早于开始日期"}}
	}
	c.MaxBytes = v.GetInt64("attachments.max_bytes")
	if c.MaxBytes <= 0 {
		return nil, invalid("attachments.max_bytes", v.GetString("attachments.max_bytes"), "must be > 0 / 须大于 0")
	}
	c.CheckDigit = strings.ToLower(v.GetString("uscc.check_digit"))
	if c.CheckDigit != "error" && c.CheckDigit != "warning" {
		return nil, invalid("uscc.check_digit", c.CheckDigit, "error | warning")
	}
	// Key by key: viper's UnmarshalKey of a section the file sets in part
	// would drop the defaults of the keys the file leaves out.
	e := &c.Eligibility
	for key, dst := range map[string]*int{
		"operating_months": &e.OperatingMonths, "workstations": &e.Workstations, "served": &e.Served,
		"conversions": &e.Conversions, "financed": &e.Financed, "professional_staff": &e.ProfessionalStaff,
		"mentors": &e.Mentors, "activities": &e.Activities,
	} {
		if *dst, err = cast.ToIntE(v.Get("eligibility." + key)); err != nil {
			return nil, invalid("eligibility."+key, v.GetString("eligibility."+key), err.Error())
		}
	}
	for key, dst := range map[string]*float64{
		"total_area": &e.TotalArea, "service_area_ratio": &e.ServiceAreaRatio, "public_service_area": &e.PublicServiceArea,
	} {
		if *dst, err = cast.ToFloat64E(v.Get("eligibility." + key)); err != nil {
			return nil, invalid("eligibility."+key, v.GetString("eligibility."+key), err.Error())
		}
	}
	if c.Limits.UnzipBytes, err = cast.ToInt64E(v.Get("limits.unzip_bytes")); err != nil {
		return nil, invalid("limits.unzip_bytes", v.GetString("limits.unzip_bytes"), err.Error())
	}
	if c.Limits.SheetXMLBytes, err = cast.ToInt64E(v.Get("limits.sheet_xml_bytes")); err != nil {
		return nil, invalid("limits.sheet_xml_bytes", v.GetString("limits.sheet_xml_bytes"), err.Error())
	}
	if c.Limits.CellChars, err = cast.ToIntE(v.Get("limits.cell_chars")); err != nil {
		return nil, invalid("limits.cell_chars", v.GetString("limits.cell_chars"), err.Error())
	}
	overrides := map[string][]string{}
	if v.IsSet("options") {
		if err := v.UnmarshalKey("options", &overrides); err != nil {
			return nil, invalid("options", "", err.Error())
		}
	}
	base := schema.DefaultLists()
	if bad := base.UnknownLists(overrides); len(bad) > 0 {
		return nil, &Error{Key: "cli.config-unknown-list", Args: []string{"name", bad[0]}}
	}
	c.Lists = base.With(overrides)
	return c, nil
}

// Default returns the configuration with no file, environment or flags.
func Default() *Config {
	c, err := Load(Source{})
	if err != nil {
		panic(err) // the defaults are valid by construction; tests keep them so
	}
	return c
}

func invalid(key, value, reason string) error {
	return &Error{Key: "cli.config-invalid", Args: []string{"key", key, "value", value, "err", reason}}
}

// fonts reads pdf.font: one file name, or a list of them (tried in order
// for each character; "builtin" is the shipped font). An empty name alone
// means the shipped font.
func fonts(v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		if strings.TrimSpace(x) == "" {
			return nil, nil
		}
		return []string{x}, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, invalid("pdf.font", fmt.Sprint(e), "一个字体文件名，或字体文件名的列表 / a font file, or a list of font files")
			}
			out = append(out, s)
		}
		return out, nil
	case []string:
		return x, nil
	}
	return nil, invalid("pdf.font", fmt.Sprint(v), "一个字体文件名，或字体文件名的列表 / a font file, or a list of font files")
}

// date reads a YYYY-MM-DD value; YAML may already have made it a time.
func date(v *viper.Viper, key string) (time.Time, error) {
	switch x := v.Get(key).(type) {
	case time.Time:
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), nil
	default:
		s := strings.TrimSpace(fmt.Sprint(x))
		t, err := time.Parse(DateLayout, s)
		if err != nil {
			return time.Time{}, invalid(key, s, "YYYY-MM-DD, 如 2021-10-31")
		}
		return t, nil
	}
}
