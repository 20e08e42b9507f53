package attachname

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormal(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "绿芽团队入驻协议", Normal("绿芽团队 - 入驻协议"))
	assert.Equal(t, "abc120盖章", Normal("ＡＢＣ １２０（盖章）"))
	assert.Equal(t, "绿芽入驻协议", Stem(`attachments\创业团队\绿芽-入驻协议.PDF`))
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	files := []string{"attachments/创业团队/绿芽-入驻协议.pdf", "attachments/入驻企业/绿芽-入驻协议.pdf", "attachments/创业团队/橙子-入驻协议.pdf"}
	for _, tc := range []struct {
		written string
		want    []string
	}{
		{"attachments/创业团队/绿芽-入驻协议书.pdf", []string{"attachments/创业团队/绿芽-入驻协议.pdf", "attachments/入驻企业/绿芽-入驻协议.pdf"}},
		{"创业团队/绿芽-入驻协议.pdf", []string{"attachments/创业团队/绿芽-入驻协议.pdf"}},
		{`attachments\创业团队\橙子-入驻协议`, []string{"attachments/创业团队/橙子-入驻协议.pdf"}},
		{"attachments/创业团队/小满-营业执照.pdf", nil},
	} {
		assert.Equal(t, tc.want, Suggest(tc.written, files), tc.written)
	}
	assert.Equal(t, 1, Distance("入驻协议书", "入驻协议"))
	assert.Equal(t, 0, Distance("", ""))
}
