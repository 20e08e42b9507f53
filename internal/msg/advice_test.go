package msg

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitAdvice(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang                  Lang
		text, problem, advice string
	}{
		{ZH, `"年龄"为 1990，应在 16 到 100 之间，请更正。`, `"年龄"为 1990。`, `应在 16 到 100 之间，请更正。`},
		{ZH, `"品牌和文化建设"为必填项目，请填写。`, `"品牌和文化建设"为必填项目。`, `请填写。`},
		{ZH, `"报道日期"无法识别"2021-02-30"，应填写日期。`, `"报道日期"无法识别"2021-02-30"。`, `应填写日期。`},
		{ZH, `校验位不正确。请对照营业执照核对，应为"X"。`, `校验位不正确。`, `请对照营业执照核对，应为"X"。`},
		{ZH, `附件不是 PDF 文件；如该文件是图片，请转换为 PDF。`, `附件不是 PDF 文件。`, `如该文件是图片，请转换为 PDF。`},
		{ZH, `缺少数据表"获得荣誉"。`, `缺少数据表"获得荣誉"。`, ``},
		{ZH, `请填写。`, `请填写。`, ``}, // nothing before the advice: all problem
		{EN, `"Age" is 1990; it must be between 16 and 100.`, `"Age" is 1990.`, `It must be between 16 and 100.`},
		{EN, `the attachment is missing. Check its name.`, `the attachment is missing.`, `Check its name.`},
		{EN, `"phone" is required; fill it in.`, `"phone" is required.`, `Fill it in.`},
		{EN, `only a problem`, `only a problem`, ``},
		{EN, `ends in a separator; `, `ends in a separator; `, ``},
	}
	for _, c := range cases {
		p, a := SplitAdvice(c.lang, c.text)
		assert.Equal(t, c.problem, p, c.text)
		assert.Equal(t, c.advice, a, c.text)
	}
}
