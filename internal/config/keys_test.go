package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
)

func loadYAML(t *testing.T, body string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(body), 0o644))
	return Load(Source{Dir: dir})
}

// A setting that does not exist, at any depth, is an error naming it, its
// line and the setting it most likely means.
func TestUnknownKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml string
		key        string // the message key
		args       []string
		line       int
	}{
		{"misspelt leaf", "window: {strat: 2020-06-01}\n", "config.unknown", []string{"key", "window.strat", "suggest", "window.start"}, 1},
		{"misspelt group", "lang: zh\nattachment:\n  max_bytes: 1000\n", "config.unknown", []string{"key", "attachment", "suggest", "attachments"}, 2},
		{"misspelt eligibility", "elegibility:\n  mentors: 1\n", "config.unknown", []string{"key", "elegibility", "suggest", "eligibility"}, 1},
		{"plural", "eligibility:\n  served: 1\n  mentor: 1\n", "config.unknown", []string{"key", "eligibility.mentor", "suggest", "eligibility.mentors"}, 3},
		{"swapped letters", "uscc: {chekc_digit: warning}\n", "config.unknown", []string{"key", "uscc.chekc_digit", "suggest", "uscc.check_digit"}, 1},
		{"wrong group", "window: {max_bytes: 10}\n", "config.unknown", []string{"key", "window.max_bytes", "suggest", "attachments.max_bytes"}, 1},
		{"top level", "max_bytes: 10\n", "config.unknown", []string{"key", "max_bytes", "suggest", "attachments.max_bytes"}, 1},
		{"option list", "options:\n  tenur: [a]\n", "config.unknown", []string{"key", "options.tenur", "suggest", "options.tenure"}, 2},
		{"yes/no list", "options: {yesno: [Y, N]}\n", "config.unknown-none", []string{"key", "options.yesno"}, 1},
		{"nothing near", "colour: blue\n", "config.unknown-none", []string{"key", "colour"}, 1},
		{"case is ignored", "Window: {Strat: 2020-06-01}\n", "config.unknown", []string{"key", "window.strat", "suggest", "window.start"}, 1},
		{"through a merge key", "window:\n  <<: {strat: 2020-06-01}\n", "config.unknown", []string{"key", "window.strat", "suggest", "window.start"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadYAML(t, tt.yaml)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.key, ce.Key)
			assert.Equal(t, tt.args, ce.Args)
			assert.Equal(t, tt.line, ce.Line)
			assert.Contains(t, ce.Localized(msg.ZH), FileName)
			assert.Contains(t, ce.Localized(msg.EN), tt.args[1])
		})
	}
}

// A file given with --config is checked the same way.
func TestUnknownKeysInExplicitFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "office.yaml")
	require.NoError(t, os.WriteFile(file, []byte("\ufeffwindow:\n  start: 2020-11-01\n  ned: 2021-10-31\n"), 0o644))
	_, err := Load(Source{File: file, Dir: t.TempDir()})
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, file, ce.File)
	assert.Equal(t, 3, ce.Line, "lines counted after a byte order mark")
	assert.Equal(t, []string{"key", "window.ned", "suggest", "window.end"}, ce.Args)
}

// Every problem of a file is listed, one a line.
func TestUnknownKeysAllListed(t *testing.T) {
	t.Parallel()
	_, err := loadYAML(t, "attachment: {max_bytes: 1}\nelegibility: {mentors: 1}\nwindow: {strat: 2020-01-01}\n")
	var ce *Error
	require.ErrorAs(t, err, &ce)
	text := ce.Localized(msg.ZH)
	for _, want := range []string{"第 1 行", "attachments", "第 2 行", "eligibility", "第 3 行", "window.start"} {
		assert.Contains(t, text, want)
	}
}

// The settings that exist are those of Defaults: a setting added there is
// accepted in a file with no second list to keep.
func TestKnownKeysComeFromDefaults(t *testing.T) {
	t.Parallel()
	_, err := loadYAML(t, "pdf: {paper: A4}\n")
	require.Error(t, err)
	Defaults["pdf.paper"] = "A4"
	defer delete(Defaults, "pdf.paper")
	_, err = loadYAML(t, "pdf: {paper: A5}\n")
	assert.NoError(t, err)
	for _, k := range leafKeys() {
		assert.True(t, isLeaf(k))
		assert.Equal(t, k, nearest(k), "a known key is its own nearest")
	}
}

// Values of the wrong shape or kind are errors naming the setting, the
// line and what it should be; none shows a Go value.
func TestBadValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		yaml, key, want string
	}{
		{"window: {end: 2021-13-45}\n", "config.invalid", "config.want.date"},
		{"window: {end: }\n", "config.empty", ""},
		{"window: 2021\n", "config.not-group", ""},
		{"window: {end: [a]}\n", "config.not-value", ""},
		{"attachments: {max_bytes: lots}\n", "config.invalid", "config.want.size"},
		{"attachments: {max_bytes: 0}\n", "config.invalid", "config.want.size"},
		{"eligibility: {mentors: -1}\n", "config.invalid", "config.want.count"},
		{"eligibility: {mentors: 2.5}\n", "config.invalid", "config.want.count"},
		{"eligibility: {total_area: much}\n", "config.invalid", "config.want.number"},
		{"limits: {cell_chars: 0}\n", "config.invalid", "config.want.positive"},
		{"limits: {unzip_bytes: 1 XB}\n", "config.invalid", "config.want.size"},
		{"uscc: {check_digit: maybe}\n", "config.invalid", "config.want.choice"},
		{"lang: fr\n", "config.invalid", "config.want.choice"},
		{"options: {tenure: 3}\n", "config.not-list", ""},
		{"options: {tenure: []}\n", "config.empty-list", ""},
		{"options: [a]\n", "config.not-group", ""},
		{"- a\n", "config.not-mapping", ""},
		{"lang: zh\nlang: en\n", "config.duplicate", ""},
		{"window: [unclosed\n", "config.syntax", ""},
		{"window:\n\tend: 2021-10-31\n", "config.syntax-tab", ""},
		{"options:\n  tenure: [\xd7\xd4\xd3\xd0]\n", "config.not-utf8", ""},
		{"window: {start: 2021-06-01, end: 2020-10-31T10:00:00Z}\n", "config.window-order", ""},
	}
	for _, tt := range tests {
		t.Run(tt.yaml, func(t *testing.T) {
			_, err := loadYAML(t, tt.yaml)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.key, ce.Key)
			assert.Equal(t, tt.want, ce.Want)
			for _, l := range []msg.Lang{msg.ZH, msg.EN} {
				text := ce.Localized(l)
				assert.Contains(t, text, FileName)
				assert.NotRegexp(t, `<nil>|UTC|strconv|interface|cast|\[\]|map\[`, text)
			}
		})
	}
}

func TestEnvironment(t *testing.T) {
	t.Setenv("MKSPACE_XLSX_CORPUS", "/somewhere") // another use of the prefix: left alone
	_, err := Load(Source{})
	require.NoError(t, err)

	t.Setenv("MKSPACE_WINDOW_STRAT", "2020-06-01")
	_, err = Load(Source{})
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "config.env-unknown", ce.Key)
	assert.Equal(t, []string{"name", "MKSPACE_WINDOW_STRAT", "suggest", "MKSPACE_WINDOW_START"}, ce.Args)
	assert.NotPanics(t, func() { Default() }, "the defaults read no environment")
	os.Unsetenv("MKSPACE_WINDOW_STRAT")

	t.Setenv("MKSPACE_ATTACHMENTS_MAX_BYTES", "lots")
	_, err = Load(Source{})
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "MKSPACE_ATTACHMENTS_MAX_BYTES", ce.Env)
	assert.Contains(t, ce.Localized(msg.ZH), "环境变量 MKSPACE_ATTACHMENTS_MAX_BYTES")

	t.Setenv("MKSPACE_ATTACHMENTS_MAX_BYTES", "5 MiB")
	c, err := Load(Source{})
	require.NoError(t, err)
	assert.Equal(t, int64(5<<20), c.MaxBytes)
}

func TestParseSize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int64{
		"3145728": 3145728, "3MB": 3145728, "3 MB": 3145728, "3MiB": 3145728, "3 MiB": 3145728, "3M": 3145728,
		"3mb": 3145728, "500KB": 512000, "500 k": 512000, "1.5 MB": 1572864, "2GB": 2 << 30, "10 B": 10,
	} {
		got, ok := ParseSize(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "lots", "3 XB", "-1", "3 MB MB", "1e6", "99999999999999999999"} {
		_, ok := ParseSize(in)
		assert.False(t, ok, in)
	}
	c, err := loadYAML(t, "attachments: {max_bytes: 3MB}\n")
	require.NoError(t, err)
	assert.Equal(t, int64(3145728), c.MaxBytes, "3MB is the form's 3M")
}

// Changed lists the settings that differ from the defaults, in file order.
func TestChanged(t *testing.T) {
	t.Parallel()
	assert.Empty(t, Default().Changed())
	c, err := loadYAML(t, "lang: en\neligibility: {mentors: 1}\nwindow: {start: 2020-06-01}\nattachments: {max_bytes: 3MB}\noptions: {tenure: [自有, 租用]}\n")
	require.NoError(t, err)
	assert.Equal(t, []Setting{
		{Key: "window.start", Value: "2020-06-01", Default: "2020-11-01"},
		{Key: "eligibility.mentors", Value: "1", Default: "3"},
		{Key: "options.tenure", Value: "自有, 租用", Default: "自有产权, 委托管理, 租赁"},
	}, c.Changed(), "the language and an unchanged value written otherwise are left out")
	assert.Equal(t, "window.start: 2020-06-01（默认 2020-11-01）", c.Changed()[0].Text(msg.ZH))
	assert.Equal(t, "window.start: 2020-06-01 (default 2020-11-01)", c.Changed()[0].Text(msg.EN))
	assert.Equal(t, "pdf.font: x.ttf（默认 （空））", Setting{Key: "pdf.font", Value: "x.ttf"}.Text(msg.ZH))
	assert.Nil(t, (&Config{}).Changed(), "a config not loaded has nothing to compare")
}

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"strat", "start", 1}, {"attachment", "attachments", 1}, {"elegibility", "eligibility", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}} {
		assert.Equal(t, tt.d, distance(tt.a, tt.b), "%s/%s", tt.a, tt.b)
	}
}

func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	_, err := Load(Source{File: t.TempDir()})
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "config.unreadable", ce.Key)
	assert.True(t, errors.Is(err, err), "unwraps")
	assert.Contains(t, ce.Localized(msg.ZH), "是文件夹")
}
