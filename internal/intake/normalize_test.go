package intake

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormName(t *testing.T) {
	t.Parallel()
	same := [][]string{
		{"北京某某科技有限公司", "北京某某科技有限责任公司", "北京某某科技公司", " 北京 某某科技\u3000有限公司 ", "北京某某科技股份有限公司"},
		{"某某科技（北京）有限公司", "某某科技(北京)有限公司", "某某科技【北京】有限公司", "某某科技 ( 北京 ) 有限公司"},
		{"ＡＢＣ科技有限公司", "abc科技有限公司", "ABC科技公司"},
		{"Acme Co., Ltd.", "ACME CO.,LTD", "acme company limited", "Acme Ltd", "Acme Inc."},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			assert.Equal(t, NormName(group[0]), NormName(s), "%q and %q", group[0], s)
		}
	}
	different := [][2]string{
		{"北京某某科技有限公司", "上海某某科技有限公司"},
		{"某某科技有限公司", "某某信息有限公司"},
		{"某某科技（北京）有限公司", "某某科技（上海）有限公司"},
	}
	for _, d := range different {
		assert.NotEqual(t, NormName(d[0]), NormName(d[1]), "%q and %q", d[0], d[1])
	}
	assert.Equal(t, "公司", NormName("公司"), "a name that is only a suffix is kept")
}

func TestNormAddress(t *testing.T) {
	t.Parallel()
	a := NormAddress("北京市海淀区中关村大街1号（创业大厦）5层")
	for _, s := range []string{"北京市 海淀区 中关村大街１号(创业大厦)5层", "北京市海淀区中关村大街1号创业大厦5层", "北京市，海淀区中关村大街1号-创业大厦5层"} {
		assert.Equal(t, a, NormAddress(s), s)
	}
	assert.NotEqual(t, a, NormAddress("北京市海淀区中关村大街2号创业大厦5层"))
}

func TestNormPerson(t *testing.T) {
	t.Parallel()
	assert.Equal(t, NormPerson("阿卜杜·热合曼"), NormPerson("阿卜杜・热合曼 "))
	assert.Equal(t, NormPerson("张 三"), NormPerson("张三"))
	assert.NotEqual(t, NormPerson("张三"), NormPerson("张珊"))
}

func TestNormUSCC(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "91350100M000100Y43", NormUSCC(" 91350100m000100y43"))
	assert.Equal(t, "91350100M000100Y43", NormUSCC("９１３５０１００Ｍ０００１００Ｙ４３"))
}
