package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

func day(s string) time.Time { d, _ := time.Parse(DateLayout, s); return d }

func TestDefaults(t *testing.T) {
	t.Parallel()
	c := Default()
	assert.Equal(t, msg.ZH, c.Lang)
	assert.Equal(t, day("2020-11-01"), c.Window.Start)
	assert.Equal(t, day("2021-10-31"), c.Window.End)
	assert.Equal(t, int64(3145728), c.MaxBytes)
	assert.Equal(t, "error", c.CheckDigit)
	assert.Equal(t, 18, c.Eligibility.OperatingMonths)
	assert.Equal(t, 500.0, c.Eligibility.TotalArea)
	assert.Equal(t, schema.DefaultLists(), c.Lists)
	assert.True(t, c.Window.Contains(day("2020-11-01")))
	assert.True(t, c.Window.Contains(day("2021-10-31")))
	assert.False(t, c.Window.Contains(day("2020-10-31")))
	assert.False(t, c.Window.Contains(day("2021-11-01")))
}

// The package's mkspace.yaml, then MKSPACE_* variables, then flags: later wins.
func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(`
lang: en
window: {start: 2021-01-01, end: 2021-12-31}
attachments: {max_bytes: 1000}
uscc: {check_digit: warning}
eligibility: {activities: 12}
options: {tenure: [自有, 租用]}
`), 0o644))
	c, err := Load(Source{Dir: dir})
	require.NoError(t, err)
	assert.Equal(t, msg.EN, c.Lang)
	assert.Equal(t, day("2021-12-31"), c.Window.End)
	assert.Equal(t, int64(1000), c.MaxBytes)
	assert.Equal(t, "warning", c.CheckDigit)
	assert.Equal(t, 12, c.Eligibility.Activities)
	assert.Equal(t, 3, c.Eligibility.Mentors, "unset keys keep their default")
	assert.Equal(t, []string{"自有", "租用"}, c.Lists[schema.ListTenure])
	assert.Equal(t, filepath.Join(dir, FileName), c.File)

	t.Setenv("MKSPACE_ATTACHMENTS_MAX_BYTES", "2000")
	t.Setenv("MKSPACE_LANG", "zh")
	c, err = Load(Source{Dir: dir})
	require.NoError(t, err)
	assert.Equal(t, int64(2000), c.MaxBytes, "the environment wins over the file")
	assert.Equal(t, msg.ZH, c.Lang)

	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("lang", "", "")
	require.NoError(t, fs.Parse([]string{"--lang", "en"}))
	c, err = Load(Source{Dir: dir, Flags: fs})
	require.NoError(t, err)
	assert.Equal(t, msg.EN, c.Lang, "a flag wins over the environment")
}

func TestExplicitFileAndErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	c, err := Load(Source{File: write("other.yaml", "window: {end: 2022-10-31}\n"), Dir: t.TempDir()})
	require.NoError(t, err)
	assert.Equal(t, day("2022-10-31"), c.Window.End)

	for name, body := range map[string]string{
		"bad-yaml.yaml":  "window: [unclosed\n",
		"bad-date.yaml":  "window: {end: 2021-13-45}\n",
		"reversed.yaml":  "window: {start: 2021-10-31, end: 2020-11-01}\n",
		"bad-lang.yaml":  "lang: fr\n",
		"bad-digit.yaml": "uscc: {check_digit: maybe}\n",
		"bad-size.yaml":  "attachments: {max_bytes: 0}\n",
		"bad-list.yaml":  "options: {colours: [red]}\n",
		"bad-yesno.yaml": "options: {yesno: [Y, N]}\n",
	} {
		_, err := Load(Source{File: write(name, body)})
		var ce *Error
		require.ErrorAs(t, err, &ce, name)
		assert.NotEmpty(t, ce.Localized(msg.ZH), name)
		assert.NotEqual(t, ce.Localized(msg.ZH), ce.Localized(msg.EN), name)
	}
	_, err = Load(Source{File: filepath.Join(dir, "missing.yaml")})
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Contains(t, ce.Localized(msg.ZH), "missing.yaml")
}

// pdf.font names one font or a list of fonts tried in order.
func TestFonts(t *testing.T) {
	t.Parallel()
	assert.Empty(t, Default().Fonts, "the shipped font")
	for yaml, want := range map[string][]string{
		`pdf: {font: ""}`:                                        nil,
		`pdf: {font: fonts/HanaMinA.ttf}`:                        {"fonts/HanaMinA.ttf"},
		`pdf: {font: [builtin, "C:/Windows/Fonts/simsunb.ttf"]}`: {"builtin", "C:/Windows/Fonts/simsunb.ttf"},
		"pdf:\n  font:\n    - a.ttf\n    - b.ttf\n":              {"a.ttf", "b.ttf"},
	} {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(yaml), 0o644))
		c, err := Load(Source{Dir: dir})
		require.NoError(t, err, yaml)
		assert.Equal(t, want, c.Fonts, yaml)
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(`pdf: {font: [a.ttf, {x: 1}]}`), 0o644))
	_, err := Load(Source{Dir: dir})
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Contains(t, ce.Localized(msg.ZH), "pdf.font")
}
