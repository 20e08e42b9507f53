package msg

// Texts of `mkspace fix`: its help, and one line per change it makes or
// lists.
func init() {
	register(map[string]Text{
		"fix.short": {ZH: "自动改正能安全改正的内容（附件路径、文字形式的日期和数字等）", EN: "correct what can be corrected safely (attachment paths, dates and numbers typed as text…)"},
		"fix.long": {
			ZH: `自动改正申报材料包中能安全改正的内容，逐项报告：
  · 空白的附件单元格：attachments/ 下按"名称-材料.pdf"只找到一个文件时填入（多个可能时只列出，不猜）；
  · 附件是照片或扫描图片（.jpg/.png/.tif）时，转换为同名的 A4 PDF 并改填该 PDF（原图片保留）；
  · 超过大小上限的扫描件 PDF：把其中的图片降到 200 dpi 左右重新压缩（文字不变），原件另存为"<名称>.原件.pdf"（不会打包）；压缩后仍看不清或不是扫描件的只列出；
  · 以文字形式填写的日期、数字（2021.3.15、860平方米、１２０）改为真正的日期、数字，汇总表才会计入；
  · 由团队转化的企业空白的"注册时间"，按"创业团队"表中该团队的转化为企业注册时间填入；
  · 附件路径找不到、而只有一个相近的文件时，改为该文件；
  · 数据单元格中的公式：列出其计算结果；加 --values 时替换为该值。
已填写的附件单元格不会被改动。工作簿先写入同一文件夹中的临时文件再替换，原文件保存为 申报数据.xlsx.bak-<时间>（--no-backup 不保存）；--dry-run 只列出将做的修改，不改任何文件。

退出码：0 完成（或无需修改）；2 无法运行。`,
			EN: `Correct what can be corrected safely in a package, reporting each change:
  · a blank attachment cell is filled when exactly one file under attachments/ is named "<name>-<material>.pdf" for its row (several: listed, never guessed);
  · an attachment that is a photo or scanned image (.jpg/.png/.tif) becomes an A4 PDF of the same name, which the cell then names (the image is kept);
  · a scanned PDF over the size limit has its images downsampled to about 200 dpi and re-encoded (text unchanged), the original kept as "<name>.原件.pdf" (never packed); one that would not stay legible, or is not a scan, is listed only;
  · dates and numbers typed as text (2021.3.15, 860平方米, １２０) become real dates and numbers, which the 汇总 sheet counts;
  · a blank 注册时间 of an enterprise converted from a team is filled from the team's 转化为企业注册时间;
  · an attachment path naming a missing file is corrected when exactly one existing file is near it;
  · formulas in data cells: their cached value is listed; with --values the formula is replaced by it.
A filled attachment cell is never changed. The workbook is written to a temporary file in its folder and then put in place; the original is kept as 申报数据.xlsx.bak-<time> (not with --no-backup); --dry-run lists what would change and changes nothing.

Exit status: 0 done (or nothing to do); 2 could not run.`,
		},
		"fix.flag.dry-run":   {ZH: "只列出将做的修改，不改任何文件", EN: "list what would change; change nothing"},
		"fix.flag.no-backup": {ZH: "不保留原工作簿的备份", EN: "keep no backup of the workbook"},
		"fix.flag.values":    {ZH: "把数据单元格中的公式替换为其计算结果", EN: "replace formulas in data cells by their cached values"},

		"fix.link":           {ZH: `{loc}："{column}"填入"{new}"（按文件名找到的唯一附件）。`, EN: `{loc}: "{column}" set to "{new}" (the one file its name points to).`},
		"fix.link.ambiguous": {ZH: `{loc}："{column}"有多个可能的附件，未填写，请自行选择：{candidates}。`, EN: `{loc}: "{column}" may be any of several files, so it was left blank; choose one: {candidates}.`},
		"fix.type":           {ZH: `{loc}："{column}"中的文字"{old}"改为日期/数字 {new}，汇总表会计入。`, EN: `{loc}: the text "{old}" in "{column}" is now the date or number {new}, which the 汇总 sheet counts.`},
		"fix.formula":        {ZH: `{loc}："{column}"中的公式"{old}"替换为其计算结果 {new}。`, EN: `{loc}: the formula "{old}" in "{column}" replaced by its value {new}.`},
		"fix.formula.offer":  {ZH: `{loc}："{column}"中是公式，使用其计算结果 {new}；运行 mkspace fix --values 可把公式替换为该值。`, EN: `{loc}: "{column}" holds a formula whose value {new} is used; run mkspace fix --values to replace the formula by it.`},
		"fix.regdate":        {ZH: `{loc}："{column}"按"创业团队"表中该团队的转化为企业注册时间填入 {new}。`, EN: `{loc}: "{column}" set to {new}, the team's 转化为企业注册时间 in the 创业团队 sheet.`},
		"fix.near-name":      {ZH: `{loc}：找不到附件"{old}"，唯一相近的文件是"{new}"，已改为该文件。`, EN: `{loc}: the attachment "{old}" does not exist; the one near file is "{new}", which the cell now names.`},

		"fix.image":        {ZH: `{loc}："{column}"的图片"{image}"已转换为 A4 PDF"{new}"，单元格改为该 PDF，原图片保留。`, EN: `{loc}: the image "{image}" of "{column}" is converted to the A4 PDF "{new}", which the cell now names; the image is kept.`},
		"fix.image.exists": {ZH: `{loc}："{column}"是图片，而同名的"{new}"已经存在，未转换；如它就是这张图片的 PDF，请把单元格改为它。`, EN: `{loc}: "{column}" names an image, and "{new}" exists already, so nothing was converted; if it is this image's PDF, make the cell name it.`},
		"fix.shrink":       {ZH: `{loc}：已压缩"{file}"：{before} → {after}（上限 {limit}，图片 {dpi} dpi，文字不变），原件另存为"{original}"（不会打包）。`, EN: `{loc}: shrank "{file}": {before} → {after} (limit {limit}, images at {dpi} dpi, text unchanged); the original is kept as "{original}" (never packed).`},
		"fix.at":           {ZH: "{loc}：{message}", EN: "{loc}: {message}"},

		"fix.nothing":           {ZH: "没有需要自动改正的内容。", EN: "Nothing to correct."},
		"fix.summary":           {ZH: "共 {n} 处修改，{count} 处只列出、未修改。", EN: "{n} change(s); {count} listed only, not made."},
		"fix.dry-run":           {ZH: "以上为预览（--dry-run），没有修改任何文件。", EN: "A preview (--dry-run): no file was changed."},
		"fix.written":           {ZH: "已写入 {file}，原文件备份为 {backup}。", EN: "Wrote {file}; the original is kept as {backup}."},
		"fix.written-no-backup": {ZH: "已写入 {file}（未保留备份）。", EN: "Wrote {file} (no backup kept)."},
		"fix.failed":            {ZH: "无法写入 {file}，原工作簿没有改动：{err}", EN: "Could not write {file}; the workbook is unchanged: {err}"},
	})
}
