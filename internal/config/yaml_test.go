package config

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/msg"
)

func TestCommentedRoundTrip(t *testing.T) {
	t.Parallel()
	want := Default()
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		t.Run(string(l), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), Commented(l), 0o644))
			got, err := Load(Source{Dir: dir})
			require.NoError(t, err)
			got.File = ""
			assert.Equal(t, want, got, "mkspace.yaml holds the defaults")
		})
	}
}

func TestCommentedOptionsExample(t *testing.T) {
	t.Parallel()
	// Uncommenting the options example gives a valid config with the
	// default lists.
	var b strings.Builder
	inOptions := false
	for _, line := range strings.Split(string(Commented(msg.ZH)), "\n") {
		if line == "# options:" {
			inOptions = true
		}
		if inOptions {
			line = strings.TrimPrefix(line, "# ")
		}
		b.WriteString(line + "\n")
	}
	require.True(t, inOptions, "the file has an options example")
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, FileName), []byte(b.String()), 0o644))
	got, err := Load(Source{Dir: dir})
	require.NoError(t, err, "uncommented:\n%s", b.String())
	assert.Equal(t, Default().Lists, got.Lists)
}

func TestCommentedCoversDefaults(t *testing.T) {
	t.Parallel()
	keys := Keys()
	var want []string
	for k := range Defaults {
		want = append(want, k)
	}
	assert.ElementsMatch(t, want, keys, "every default, once")

	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		text := string(Commented(l))
		lines := strings.Split(text, "\n")
		for _, k := range keys {
			key := "init.yaml." + k
			require.True(t, msg.Has(key), "comment %s", key)
			assert.NotEmpty(t, msg.EN.T(key))
			// The key's line, preceded by its comment.
			_, sub, nested := strings.Cut(k, ".")
			prefix := k + ":"
			if nested {
				prefix = "  " + sub + ":"
			}
			i := slices.IndexFunc(lines, func(s string) bool { return strings.HasPrefix(s, prefix+" ") })
			require.Greater(t, i, 0, "%s: line of %s", l, k)
			assert.Regexp(t, `^\s*# `, lines[i-1], "%s: comment above %s", l, k)
		}
		assert.NotRegexp(t, regexp.MustCompile(`[ \t]\n`), text, "no trailing blanks")
	}
	assert.Regexp(t, `[\p{Han}]`, string(Commented(msg.ZH)), "Chinese comments")
}

func TestREADMEListsConfigKeys(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	readme := string(data)
	for _, k := range Keys() {
		v := YAMLValue(Defaults[k])
		assert.Contains(t, readme, "| `"+k+"` | `"+v+"` |", "README's config table row of %s with its default", k)
	}
}
