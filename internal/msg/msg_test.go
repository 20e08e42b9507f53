package msg

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every text has both languages, and the English uses the same
// placeholders as the Chinese.
func TestCatalogueComplete(t *testing.T) {
	t.Parallel()
	for _, k := range Keys() {
		tx := catalogue[k]
		assert.NotEmpty(t, tx.ZH, "%s: Chinese", k)
		assert.NotEmpty(t, tx.EN, "%s: English", k)
		en := placeholders(tx.EN)
		for p := range en { // an English-only variant of a placeholder, e.g. {sheet_en}
			if strings.HasSuffix(p, "_en") && placeholders(tx.ZH)[strings.TrimSuffix(p, "_en")] {
				delete(en, p)
				en[strings.TrimSuffix(p, "_en")] = true
			}
		}
		assert.Equal(t, placeholders(tx.ZH), en, "%s: placeholders", k)
	}
}

func placeholders(s string) map[string]bool {
	out := map[string]bool{}
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		name := s[i+1 : i+j]
		if name != "" && !strings.ContainsAny(name, " \n:\"") {
			out[name] = true
		}
		s = s[i+j+1:]
	}
}

func TestRender(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "文件 a.xlsx 已存在，未做任何修改。如需覆盖，请加 --force；或用 -o 指定其他文件名。",
		ZH.T("cli.exists", "file", "a.xlsx"))
	assert.Contains(t, EN.T("cli.exists", "file", "a.xlsx"), "a.xlsx already exists")
	assert.Equal(t, "no.such.key", ZH.T("no.such.key"), "a missing text shows its key")
	for in, want := range map[string]Lang{"": ZH, "zh": ZH, "zh-CN": ZH, "EN": EN, "en_US": EN} {
		got, err := ParseLang(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseLang("fr")
	assert.Error(t, err)
	assert.Equal(t, "b", EN.Pick("a", "b"))
	assert.Equal(t, "a", ZH.Pick("a", "b"))
	assert.Equal(t, "a", EN.Pick("a", ""))
}
