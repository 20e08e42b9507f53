package dossier

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/pdf/bind"
	"github.com/mkspace/mkspace/internal/pdf/layout"
)

// The cover names the space, its operator (with the box for its stamp,
// saying whose), the agency, the contact person and phone, the date of
// the application (the build) and the version; a draft's says so.
func TestCover(t *testing.T) {
	t.Parallel()
	c := coverData{SpaceName: "星火创客空间", Operator: "杭州星火科技企业孵化器有限公司", Agency: "浙江省科学技术厅",
		Contact: "林晓雯", Phone: "0573-86881234-802",
		Generated: time.Date(2025, 3, 18, 9, 30, 0, 0, time.UTC), Version: "MK-7KQ4-9XH2-3TCW"}
	for _, draft := range []bool{false, true} {
		c.Draft = draft
		var buf bytes.Buffer
		lay, err := layout.Render(&buf, layout.Input{Cover: cover(c)})
		require.NoError(t, err)
		require.Equal(t, 1, lay.Pages, "one page")
		text := squeeze(pdfTool(t, "pdftotext", "-raw", "-enc", "UTF-8", writeFile(t, "cover.pdf", buf.Bytes()), "-"))
		for _, want := range []string{Title, "众创空间名称：星火创客空间", "运营主体：杭州星火科技企业孵化器有限公司", "运营主体（盖章）",
			"受理机构：浙江省科学技术厅", "联系人：林晓雯", "联系电话：0573-86881234-802", "申报日期：2025年3月18日", "版本号：MK-7KQ4-9XH2-3TCW"} {
			assert.Contains(t, text, want)
		}
		if draft {
			assert.Contains(t, text, squeeze(bind.DraftMark))
		} else {
			assert.NotContains(t, text, "草稿")
			assert.NotContains(t, text, "生成日期")
		}
	}
}
