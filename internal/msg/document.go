package msg

// The fixed texts of the 申报书 (always set in Chinese: it is the document
// submitted) and of the files written beside it. The English is for
// reference and for the tests that every text has both.
func init() {
	register(map[string]Text{
		"doc.title":            {ZH: "国家备案众创空间申报书", EN: "Application for national registration of a maker space"},
		"doc.none":             {ZH: "无", EN: "none"},
		"doc.continued":        {ZH: "（续）", EN: " (continued)"},
		"doc.contents":         {ZH: "目　录", EN: "Contents"},
		"doc.contents-mark":    {ZH: "目录", EN: "Contents"},
		"doc.attachments":      {ZH: "附件", EN: "Attachments"},
		"doc.col.serial":       {ZH: "序号", EN: "No."},
		"doc.col.with-unit":    {ZH: "{title}（{unit}）", EN: "{title} ({unit})"},
		"doc.col.area-parts":   {ZH: "其中（平方米）", EN: "Of which (square metres)"},
		"doc.col.financing":    {ZH: "获得投融资情况", EN: "Financing"},
		"doc.table.cumulative": {ZH: "（自众创空间开始运营至{end}累计）", EN: "(cumulative from the start of operation to {end})"},
		"doc.table.period":     {ZH: "（{start}-{end}）", EN: "({start} to {end})"},
		"doc.col.attachment":   {ZH: "附件", EN: "Attachment"},
		"doc.col.page":         {ZH: "起止页码", EN: "Pages"},
		"doc.col.pages":        {ZH: "页数", EN: "Pages"},
		"doc.cover.stamp":      {ZH: "运营主体（盖章）", EN: "Operator (stamp)"},
		"doc.cover.space":      {ZH: "众创空间名称：", EN: "Maker space: "},
		"doc.cover.operator":   {ZH: "运营主体：", EN: "Operator: "},
		"doc.cover.agency":     {ZH: "受理机构：", EN: "Receiving office: "},
		"doc.cover.contact":    {ZH: "联系人：", EN: "Contact person: "},
		"doc.cover.phone":      {ZH: "联系电话：", EN: "Phone: "},
		"doc.cover.date":       {ZH: "申报日期：", EN: "Date of application: "},
		"doc.cover.version":    {ZH: "版本号：", EN: "Version: "},
		"doc.date":             {ZH: "{y}年{m}月{d}日", EN: "{y}-{m}-{d}"},
		"doc.letter":           {ZH: "承诺书", EN: "Commitment letter"},
		"doc.attachment-label": {ZH: "附件 {n}", EN: "Attachment {n}"},
		"doc.keywords":         {ZH: "版本号 {version}", EN: "version {version}"},
		"doc.section.basic":    {ZH: "一、基础信息", EN: "1. Basic information"},
		"doc.section.venues":   {ZH: "二、服务场地", EN: "2. Service venues"},
		"doc.section.staff":    {ZH: "三、人员情况", EN: "3. Staff"},
		"doc.section.services": {ZH: "四、孵化和服务情况", EN: "4. Incubation and services"},
		"doc.section.numbers":  {ZH: "五|六|七|八", EN: "5|6|7|8"},
		"doc.section.text":     {ZH: "{n}、{title}", EN: "{n}. {title}"},
		"doc.block.media":      {ZH: "宣传报道和获得荣誉", EN: "Media reports and honours"},
		"doc.block.venues":     {ZH: "服务场地情况（由下表数据自动汇总生成）", EN: "Service venues (summed from the table below)"},
		"doc.block.staff":      {ZH: "服务队伍情况（由下表信息累计自动生成）", EN: "Service team (counted from the tables below)"},
		"doc.log.header":       {ZH: "版本号|生成时间|数据摘要(SHA-256)|文件", EN: "version|generated|data digest (SHA-256)|file"},
	})
	// The 附件 labels, index and bookmarks name an attachment by the rows
	// naming it: 附件 45  累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议.
	register(map[string]Text{
		"doc.attachment-title":     {ZH: "{label}  {what}", EN: "{label}  {what}"},
		"doc.attachment-mention":   {ZH: "{table} · {rowname} · {material}", EN: "{table} · {rowname} · {material}"},
		"doc.attachment-field":     {ZH: "{table} · {material}", EN: "{table} · {material}"},
		"doc.attachment-names":     {ZH: "、", EN: ", "},
		"doc.attachment-mentions":  {ZH: "；", EN: "; "},
		"doc.attachment-continued": {ZH: "{label}（续 {page}/{pages}）", EN: "{label} (continued {page}/{pages})"},
		"doc.col.table":            {ZH: "所属表", EN: "Table"},
		"doc.col.name":             {ZH: "名称", EN: "Name"},
		"doc.col.material":         {ZH: "材料", EN: "Material"},
	})
}
