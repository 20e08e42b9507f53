package msg

// Texts of the data rules (package rules): one per rule id, and variants
// keyed "RULE.variant". Every text names the place ({loc}: "创业团队!H7", or
// the sheet when there is no cell), the value and what to do.
//
// Placeholders used throughout: {loc}, {column} (the header; in English the
// header followed by its English name), {value}.
func init() {
	register(map[string]Text{
		// Required and 不可填.
		"CELL-REQUIRED": {
			ZH: `{loc}："{column}"为必填项目，请填写。`,
			EN: `{loc}: "{column}" is required; fill it in.`,
		},
		"CELL-REQUIRED.field-missing": {
			ZH: `{loc}：缺少"{column}"这一行，请在第一列写上"{column}"，并在第二列填写内容。`,
			EN: `{loc}: the row "{column}" is missing; add it (the field name in the first column, its value in the second).`,
		},
		"CELL-REQUIRED.condition": {
			ZH: `{loc}：{label}，"{column}"为必填项目，请填写。`,
			EN: `{loc}: for {label}, "{column}" is required; fill it in.`,
		},
		"CELL-NOT-FILLABLE": {
			ZH: `{loc}：{label}，"{column}"为不可填项目，请清空该单元格。`,
			EN: `{loc}: for {label}, "{column}" must stay empty; clear the cell.`,
		},

		// Values that do not read.
		"CELL-TYPE": {
			ZH: `{loc}："{column}"无法识别"{value}"，应填写{expected}。`,
			EN: `{loc}: "{column}" cannot read "{value}"; expected {expected}.`,
		},
		"CELL-TYPE.formula": {
			ZH: `{loc}："{column}"中是公式，请改为直接填写数值（复制后用"选择性粘贴 → 数值"），应填写{expected}。校验和申报书只使用填写的数据，不使用公式的计算结果。`,
			EN: `{loc}: "{column}" holds a formula; enter the value itself instead (copy, then Paste Special → Values); expected {expected}. Checks and the application document use entered data only, never a formula's result.`,
		},
		"CELL-ENUM": {
			ZH: `{loc}："{value}"不是"{column}"的可选项，请从下拉列表中选择：{options}。`,
			EN: `{loc}: "{value}" is not an option of "{column}"; choose one from the dropdown list: {options}.`,
		},
		"CELL-FORMAT": {
			ZH: `{loc}：{column}"{value}"格式不正确，应填写{expected}。`,
			EN: `{loc}: {column} "{value}" is malformed; expected {expected}.`,
		},
		"USCC-INVALID": {
			ZH: `{loc}：统一社会信用代码"{value}"格式不正确，应填写{expected}。`,
			EN: `{loc}: the unified social credit code "{value}" is malformed; expected {expected}.`,
		},
		"USCC-CHECK-DIGIT": {
			ZH: `{loc}：统一社会信用代码"{value}"的校验位（第 18 位）不正确，按前 17 位计算应为"{check}"。请对照营业执照核对是否抄错。`,
			EN: `{loc}: the check character (18th) of the unified social credit code "{value}" is wrong: the first 17 characters give "{check}". Compare the code with the business licence.`,
		},
		"USCC-CHECK-DIGIT.warning": {
			ZH: `{loc}：统一社会信用代码"{value}"的校验位（第 18 位）与按前 17 位计算的"{check}"不符。少数早期试点地区的合法代码如此；否则请对照营业执照核对是否抄错。`,
			EN: `{loc}: the check character (18th) of the unified social credit code "{value}" differs from "{check}", computed from the first 17. A few codes of early pilot regions are legal so; otherwise compare the code with the business licence.`,
		},
		"CELL-TOO-LONG": {
			ZH: `{loc}："{column}"共 {len} 个字，超过上限 {max} 个字，请精简。`,
			EN: `{loc}: "{column}" has {len} characters, more than the {max} allowed; shorten it.`,
		},
		"CELL-RANGE": {
			ZH: `{loc}："{column}"为 {value}，应{bound}，请更正。`,
			EN: `{loc}: "{column}" is {value}; it must be {bound}. Correct it.`,
		},
		"rules.bound.gt": {ZH: "大于 {n}", EN: "greater than {n}"},
		"rules.bound.ge": {ZH: "不小于 {n}", EN: "at least {n}"},
		"rules.bound.lt": {ZH: "小于 {n}", EN: "less than {n}"},
		"rules.bound.le": {ZH: "不大于 {n}", EN: "at most {n}"},
		"rules.bound.between": {
			ZH: "在 {min} 到 {max} 之间",
			EN: "between {min} and {max}",
		},
		"rules.bound.and": {ZH: "{a}且{b}", EN: "{a} and {b}"},
		"DUPLICATE-VALUE": {
			ZH: `{loc}：{column}"{value}"与 {first} 重复，本表中不能重复。请删除重复的行，或更正其中一个。`,
			EN: `{loc}: {column} "{value}" repeats {first}; it must be unique in the sheet. Delete the duplicate row or correct one of them.`,
		},

		// Dates.
		"DATE-AFTER-WINDOW": {
			ZH: `{loc}："{column}" {value} 晚于填报期截止日 {end}（本表数据截至该日），请核对更正。`,
			EN: `{loc}: "{column}" {value} is after the end of the reporting period, {end} (the data run up to that day); correct it.`,
		},
		"DATE-OUTSIDE-WINDOW": {
			ZH: `{loc}："{column}" {value} 不在填报期 {start} 至 {end} 内。本表只填写填报期内开展的活动，请更正日期或删除该行。`,
			EN: `{loc}: "{column}" {value} is outside the reporting period {start} to {end}. List only activities held in the period: correct the date or delete the row.`,
		},
		"DATE-ORDER": {
			ZH: `{loc}："{column}" {value} 早于"{other}" {other_value}（{other_loc}），请核对这两个日期。`,
			EN: `{loc}: "{column}" {value} is before "{other}" {other_value} ({other_loc}); check both dates.`,
		},

		// Rows.
		"TEAM-STATUS-CONFLICT": {
			ZH: `{loc}：同一创业团队不能既"已转化为企业"又"已迁出"。转化为企业的团队，"是否迁出"请填 否，该企业此后的迁出情况在"入驻企业"表中填写。`,
			EN: `{loc}: a team cannot be both converted into an enterprise and moved out. For a converted team enter 否 (no) in "是否迁出"; record the enterprise's later move in the 入驻企业 sheet.`,
		},
		"VENUE-AREA-SUM": {
			ZH: `{loc}："众创空间面积" {area} 平方米与四项面积之和 {sum} 平方米（{parts}）不一致，二者应相等，请更正。`,
			EN: `{loc}: "众创空间面积" (area) {area} m² differs from the sum of the four parts, {sum} m² ({parts}); they must be equal. Correct them.`,
		},

		// Cross-table.
		"XREF-TEAM-UNKNOWN": {
			ZH: `{loc}："创业团队"表中没有名为"{value}"的团队。请使"团队名称"与"创业团队"表中的写法完全一致，或在"创业团队"表中补充该团队。`,
			EN: `{loc}: the 创业团队 sheet has no team called "{value}". Write the team name exactly as in the 创业团队 sheet, or add the team there.`,
		},
		"XREF-TEAM-NOT-CONVERTED": {
			ZH: `{loc}：团队"{value}"在"创业团队"表中（{team_loc}）"是否转化为企业"不是 是。如该团队已转化为本企业，请在"创业团队"表中改为 是 并填写转化为企业注册时间；否则请更正本行。`,
			EN: `{loc}: team "{value}" is not marked as converted (是否转化为企业) in the 创业团队 sheet ({team_loc}). If it became this enterprise, enter 是 there and its registration date; otherwise correct this row.`,
		},
		"XREF-REGDATE-MISMATCH": {
			ZH: `{loc}：注册时间 {value} 与"创业团队"表中团队"{team}"的转化为企业注册时间 {team_date}（{team_loc}）不一致，请统一。`,
			EN: `{loc}: the registration date {value} differs from the date team "{team}" was registered as an enterprise in the 创业团队 sheet, {team_date} ({team_loc}); make them agree.`,
		},
		"XREF-TEAM-MULTI-ENTERPRISE": {
			ZH: `{loc}：团队"{value}"已被 {first} 的企业填写为来源团队。一个创业团队通常只转化为一家企业，请核对。`,
			EN: `{loc}: team "{value}" is already named as the origin of the enterprise at {first}. A team usually becomes one enterprise; check both rows.`,
		},
		"XREF-TEAM-NO-ENTERPRISE": {
			ZH: `{loc}：团队"{team}"已转化为企业，但"入驻企业"表中没有企业的"团队名称"为该团队。请在"入驻企业"表中补充该企业（"是否由创业团队转化为企业"填 是，"团队名称"填 {team}）。`,
			EN: `{loc}: team "{team}" is marked as converted, but no enterprise in the 入驻企业 sheet names it. Add the enterprise there (是否由创业团队转化为企业: 是, 团队名称: {team}).`,
		},

		// Attachments.
		"ATTACHMENT-OUTSIDE": {
			ZH: `{loc}：附件路径"{value}"指向申报材料文件夹之外。请把文件放进申报材料文件夹，并填写相对于该文件夹的路径，如 attachments/{name}。`,
			EN: `{loc}: the attachment path "{value}" leads outside the package folder. Put the file inside the package folder and enter its path relative to that folder, e.g. attachments/{name}.`,
		},
		"ATTACHMENT-OUTSIDE.absolute": {
			ZH: `{loc}：附件路径"{value}"是绝对路径，换一台电脑就找不到该文件。请把文件放进申报材料文件夹，并填写相对于该文件夹的路径，如 attachments/{name}。`,
			EN: `{loc}: the attachment path "{value}" is absolute, so another computer cannot find it. Put the file inside the package folder and enter its path relative to that folder, e.g. attachments/{name}.`,
		},
		"ATTACHMENT-OUTSIDE.link": {
			ZH: `{loc}：附件"{value}"是指向申报材料文件夹之外的链接（快捷方式），请把文件本身复制到申报材料文件夹内。`,
			EN: `{loc}: the attachment "{value}" is a link to a file outside the package folder; copy the file itself into the package folder.`,
		},
		"ATTACHMENT-MISSING": {
			ZH: `{loc}：找不到附件"{value}"。请检查文件名（含扩展名 .pdf）和所在文件夹是否与填写的一致；路径相对于申报材料文件夹。`,
			EN: `{loc}: the attachment "{value}" does not exist. Check the file name (with its .pdf extension) and folder; the path is relative to the package folder.`,
		},
		"ATTACHMENT-MISSING.near": {
			ZH: `{loc}：找不到附件"{value}"。是否是"{near}"？请改正单元格中的路径（mkspace fix 可自动改正）。`,
			EN: `{loc}: the attachment "{value}" does not exist. Did you mean "{near}"? Correct the path in the cell (mkspace fix can do it).`,
		},
		"ATTACHMENT-MISSING.case": {
			ZH: `{loc}：附件路径"{value}"与实际的"{actual}"只是字母大小写不同：这样的路径在 Windows、macOS 上能打开，在区分大小写的系统上（如受理机构在 Linux 上的检查）找不到文件。请把单元格中的路径改为 {actual}。`,
			EN: `{loc}: the attachment path "{value}" differs from the actual "{actual}" only in upper/lower case: such a path opens on Windows and macOS but not on a case-sensitive system (such as the receiving office's checks on Linux). Change the path in the cell to {actual}.`,
		},
		"ATTACHMENT-MISSING.folder": {
			ZH: `{loc}："{value}"是文件夹而不是文件，请填写其中 PDF 文件的路径，如 {value}/文件名.pdf。`,
			EN: `{loc}: "{value}" is a folder, not a file; enter the path of the PDF file in it, e.g. {value}/name.pdf.`,
		},
		"ATTACHMENT-NOT-PDF": {
			ZH: `{loc}：附件"{value}"不是 PDF 文件。请转换为 PDF 后放入申报材料文件夹，并更新该单元格中的路径。`,
			EN: `{loc}: the attachment "{value}" is not a PDF. Convert it to PDF, put it in the package folder and update the path in this cell.`,
		},
		"ATTACHMENT-NOT-PDF.name": {
			ZH: `{loc}：附件"{value}"不是 PDF 文件（文件名应以 .pdf 结尾）。请转换为 PDF，放入申报材料文件夹，并更新该单元格中的路径。`,
			EN: `{loc}: the attachment "{value}" is not a PDF (the name must end in .pdf). Convert it to PDF, put it in the package folder and update the path in this cell.`,
		},
		"ATTACHMENT-NOT-PDF.content": {
			ZH: `{loc}：附件"{value}"的文件名是 .pdf，但内容不是 PDF（可能是改了扩展名的图片或 Word 文件）。请用"导出为 PDF"或扫描软件重新生成 PDF。`,
			EN: `{loc}: the attachment "{value}" is named .pdf but is not a PDF inside (perhaps a renamed picture or Word file). Produce a real PDF with "Export as PDF" or the scanning software.`,
		},
		"ATTACHMENT-TOO-LARGE": {
			ZH: `{loc}：附件"{value}"大小为 {size}，超过上限 {max}。请压缩 PDF 或降低扫描分辨率（如 150 dpi）后重新保存。`,
			EN: `{loc}: the attachment "{value}" is {size}, more than the {max} allowed. Compress the PDF or scan at a lower resolution (e.g. 150 dpi) and save it again.`,
		},
		"ATTACHMENT-UNREADABLE": {
			ZH: `{loc}：附件"{value}"无法按 PDF 解析，文件可能已损坏。请用 PDF 阅读器打开确认，并重新导出或扫描为 PDF。`,
			EN: `{loc}: the attachment "{value}" cannot be read as a PDF; the file may be damaged. Open it in a PDF reader to check, and export or scan it to PDF again.`,
		},
		"ATTACHMENT-UNREADABLE.password": {
			ZH: `{loc}：附件"{value}"设有打开密码，无法装订进申报书。请去除打开密码后重新保存（只限制编辑或打印的权限密码不影响）。`,
			EN: `{loc}: the attachment "{value}" needs a password to open, so it cannot be bound into the application document. Save it again without the open password (a permissions-only password is fine).`,
		},
		"ATTACHMENT-UNREADABLE.truncated": {
			ZH: `{loc}：附件"{value}"不完整（文件末尾缺失，可能是复制或下载中断），请重新复制或导出该文件。`,
			EN: `{loc}: the attachment "{value}" is incomplete (its end is missing, perhaps an interrupted copy or download); copy or export it again.`,
		},
		"ATTACHMENT-PAGE-TOO-SMALL": {
			ZH: `{loc}：附件"{value}"的第 {page} 页只有 {size} 毫米，小于 A7（74×105 毫米）：申报书不会放大附件，它将以原尺寸印在 A4 纸中央，审核人难以看清。请把它重新扫描为 A4 或 A5 大小的 PDF。`,
			EN: `{loc}: page {page} of the attachment "{value}" is only {size} mm, smaller than A7 (74 × 105 mm): the application document never enlarges an attachment, so it would print at that size in the middle of an A4 sheet, hard for a reviewer to read. Scan it again as an A4 or A5 PDF.`,
		},
		"ATTACHMENT-PAGE-TOO-SMALL.many": {
			ZH: `{loc}：附件"{value}"有 {count} 页小于 A7（74×105 毫米），如第 {page} 页只有 {size} 毫米：申报书不会放大附件，这些页将以原尺寸印在 A4 纸中央，审核人难以看清。请把它重新扫描为 A4 或 A5 大小的 PDF。`,
			EN: `{loc}: {count} pages of the attachment "{value}" are smaller than A7 (74 × 105 mm), page {page} being only {size} mm: the application document never enlarges an attachment, so they would print at that size in the middle of an A4 sheet, hard for a reviewer to read. Scan it again as an A4 or A5 PDF.`,
		},
		"ATTACHMENT-UNREADABLE.permission": {
			ZH: `{loc}：没有读取附件"{value}"的权限，请检查该文件的权限设置。`,
			EN: `{loc}: no permission to read the attachment "{value}"; check the file's permissions.`,
		},
	})
}

func init() {
	register(map[string]Text{
		"rules.read-failed": {
			ZH: `读取工作表"{sheet}"时出错：{err}。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`,
			EN: `reading the sheet {sheet} failed: {err}. Open the file in Excel or WPS, save it again as .xlsx and retry.`,
		},
	})
}
