package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
)

// problemOf loads body as the package's mkspace.yaml and returns the
// problem in English ("" when it loads).
func problemOf(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(body), 0o644))
	_, err := Load(Source{Dir: dir})
	if err == nil {
		return ""
	}
	var ce *Error
	require.ErrorAs(t, err, &ce)
	return strings.ReplaceAll(ce.Localized(msg.EN), dir+string(filepath.Separator), "")
}

// Every rule of a value once read gives the message that says what the
// setting takes, with the line it is on.
func TestValidateRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ yaml, want string }{
		{"window:\n  start: 2021-10-31\n  end: 2020-11-01\n",
			"mkspace.yaml, line 3: the window ends (window.end, 2020-11-01) before it starts (window.start, 2021-10-31). Check both dates."},
		{"window:\n  start: 2021-10-31\n  end: 2021-10-31\n", ""},
		{"attachments:\n  max_bytes: 0\n",
			"mkspace.yaml, line 2: attachments.max_bytes has an invalid value 0: write a size above 0: a number of bytes (e.g. 3145728) or a number and a unit, e.g. 3MB, 3 MiB, 500KB. Here 1 MB = 1 MiB = 1,048,576 bytes, so 3MB is the form's 3M, 3,145,728 bytes."},
		{"uscc:\n  check_digit: maybe\n",
			"mkspace.yaml, line 2: uscc.check_digit has an invalid value maybe: choose one of: error, warning."},
		{"uscc:\n  check_digit: WARNING\n", ""},
		{"eligibility:\n  served: -1\n",
			"mkspace.yaml, line 2: eligibility.served has an invalid value -1: write a whole number, 0 or more, e.g. 20."},
		{"eligibility:\n  served: 0\n", ""},
		{"eligibility:\n  total_area: -0.5\n",
			"mkspace.yaml, line 2: eligibility.total_area has an invalid value -0.5: write a number, 0 or more, e.g. 500."},
		{"limits:\n  cell_chars: 0\n",
			"mkspace.yaml, line 2: limits.cell_chars has an invalid value 0: write a whole number above 0, e.g. 32767."},
		{"limits:\n  unzip_bytes: 0\n",
			"mkspace.yaml, line 2: limits.unzip_bytes has an invalid value 0: write a size above 0: a number of bytes (e.g. 3145728) or a number and a unit, e.g. 3MB, 3 MiB, 500KB. Here 1 MB = 1 MiB = 1,048,576 bytes, so 3MB is the form's 3M, 3,145,728 bytes."},
	} {
		assert.Equal(t, tc.want, problemOf(t, tc.yaml), "%s", tc.yaml)
	}
}

// A value that does not read and one that reads but breaks the rule of its
// setting say alike what the setting takes.
func TestValidateSameWantAsUnreadable(t *testing.T) {
	t.Parallel()
	want := func(msg string) string { _, w, _ := strings.Cut(msg, ": write "); return w }
	for _, tc := range []struct{ key, bad, outOfRange string }{
		{"eligibility.served", "lots", "-3"},
		{"eligibility.total_area", "big", "-3"},
		{"limits.cell_chars", "many", "0"},
		{"limits.sheet_xml_bytes", "huge", "0"},
		{"attachments.max_bytes", "3 parsecs", "0"},
	} {
		group, name, _ := strings.Cut(tc.key, ".")
		yaml := func(v string) string { return group + ":\n  " + name + ": " + v + "\n" }
		bad, out := problemOf(t, yaml(tc.bad)), problemOf(t, yaml(tc.outOfRange))
		require.NotEmpty(t, want(bad), bad)
		assert.Equal(t, want(bad), want(out), tc.key)
	}
}

// Of several settings that do not fit, the first in the order of
// mkspace.yaml is named (whether it does not read or breaks its rule).
func TestValidateFirstInFileOrder(t *testing.T) {
	t.Parallel()
	for range 20 { // the thresholds were once read in a random order
		got := problemOf(t, "eligibility:\n  activities: -1\n  served: -2\n  mentors: -3\n  operating_months: -4\n")
		assert.Contains(t, got, "eligibility.operating_months", "the first of the thresholds in mkspace.yaml")
	}
	got := problemOf(t, "window:\n  start: 2021-10-31\n  end: 2020-11-01\nattachments:\n  max_bytes: lots\n")
	assert.Contains(t, got, "window.end")
	got = problemOf(t, "limits:\n  cell_chars: 0\nuscc:\n  check_digit: maybe\n")
	assert.Contains(t, got, "uscc.check_digit", "uscc comes before limits in mkspace.yaml")
}
