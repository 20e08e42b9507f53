package msg

// Texts of the workbook reader about the inside of a workbook: character
// encodings of its parts, parts named twice, sheets that are not worksheets
// (macro, dialog and chart sheets), and merged cells across data rows
// (CELL-MERGED).
func init() {
	register(map[string]Text{
		// FILE-UNREADABLE
		"workbook.encoding": {
			ZH: "{file}：工作簿使用了无法识别的字符编码“{encoding}”，无法读取。请用 Excel 或 WPS 打开该文件，“另存为”Excel 工作簿 (*.xlsx) 后再试。",
			EN: "{file}: the workbook is written in a character encoding that cannot be read, “{encoding}”. Open it in Excel or WPS, use Save As → Excel Workbook (*.xlsx) and retry.",
		},
		"workbook.sheet-encoding": {
			ZH: "{file}：工作表“{sheet}”使用了无法识别的字符编码“{encoding}”，未读取。请用 Excel 或 WPS 打开该工作簿，“另存为”Excel 工作簿 (*.xlsx) 后再试。",
			EN: "{file}: sheet {sheet} is written in a character encoding that cannot be read, “{encoding}”, and was not read. Open the workbook in Excel or WPS, use Save As → Excel Workbook (*.xlsx) and retry.",
		},
		"workbook.duplicate-part": {
			ZH: "{file}：压缩包中有两个名称相同（或只有大小写不同）的部件：{a} 与 {b}，无法确定哪一个是工作簿的真实内容，文件可能被改动过或已损坏。请用 Excel 或 WPS 打开该工作簿，“另存为”Excel 工作簿 (*.xlsx) 后再试。",
			EN: "{file}: the archive holds two parts whose names are the same or differ only in case, {a} and {b}; which one is the workbook's real content cannot be told, and the file may have been altered or damaged. Open the workbook in Excel or WPS, use Save As → Excel Workbook (*.xlsx) and retry.",
		},
		"workbook.sheet-special": {
			ZH: "{file}：工作表“{sheet}”是{kind}，不是普通工作表，其中的数据无法读取（mkspace 不会运行其中的任何宏）。请插入一个普通工作表，命名为“{sheet}”，把数据复制进去（或改用 mkspace template 生成的模板），再删除原来的表。",
			EN: "{file}: sheet {sheet} is {kind}, not an ordinary worksheet, and its data cannot be read (mkspace never runs macros). Insert an ordinary worksheet named {sheet}, copy the data into it (or use the workbook mkspace template writes) and delete the old sheet.",
		},

		// SHEET-UNKNOWN
		"workbook.sheet-special-unknown": {
			ZH: "{file}：工作表“{sheet}”是{kind}，不是申报数据表，未读取（mkspace 不会运行其中的任何宏）。如不需要，请删除该表。",
			EN: "{file}: sheet {sheet} is {kind}, not a data sheet, and was not read (mkspace never runs macros). Delete it if it is not needed.",
		},
		"workbook.kind.macrosheet":  {ZH: "Excel 4.0 宏表", EN: "an Excel 4.0 macro sheet"},
		"workbook.kind.dialogsheet": {ZH: "Excel 5.0 对话框表", EN: "an Excel 5.0 dialog sheet"},
		"workbook.kind.chartsheet":  {ZH: "图表工作表", EN: "a chart sheet"},
		"workbook.kind.other":       {ZH: "特殊工作表（{root}）", EN: "a special sheet ({root})"},
		"workbook.kind.not-plain":   {ZH: "不是普通文件", EN: "not a plain file"},
		"workbook.kind.folder":      {ZH: "文件夹", EN: "a folder"},
		"workbook.kind.unknown":     {ZH: "未知格式", EN: "an unknown format"},
		"workbook.reason.empty-zip": {ZH: "空压缩包", EN: "an empty zip archive"},

		// CELL-MERGED
		"CELL-MERGED": {
			ZH: "{sheet}!{cell}：这些合并单元格跨越了 {rows} 个数据行（第 {first}–{last} 行），合并后只有左上角的 {topleft} 有值，其余各行的这些单元格都读作空白。请选中该区域取消合并（“开始”选项卡中的“合并后居中”），再在每一行分别填写。",
			EN: "{sheet}!{cell}: these merged cells span {rows} data rows ({first}–{last}); only the top-left cell, {topleft}, holds the value and the other rows read as blank there. Select the range, unmerge it (Home → Merge & Center) and fill in each row.",
		},
		"report.rule.CELL-MERGED": {ZH: "合并单元格跨越多个数据行", EN: "merged cells across data rows"},
		"TEMPLATE-VERSION.old": {
			ZH: "{file} 由旧版填报模板（模板版本 {have}）生成，本程序的模板版本为 {want}：表头、选项或说明可能已有变化。请运行 mkspace template 生成新模板，把数据复制到新模板中再检查。",
			EN: "{file} was made from an older template (version {have}); this mkspace writes version {want}: headers, options or notes may have changed. Run mkspace template for a new workbook, copy the data into it and check again.",
		},
		"TEMPLATE-VERSION.new": {
			ZH: "{file} 由较新的填报模板（模板版本 {have}）生成，本程序只认识模板版本 {want}：检查结果可能不完整。请更新 mkspace 后再检查。",
			EN: "{file} was made from a newer template (version {have}) than this mkspace knows ({want}): the check may be incomplete. Update mkspace and check again.",
		},
		"report.rule.TEMPLATE-VERSION": {ZH: "工作簿的模板版本与本程序不同", EN: "workbook made from another template version"},
	})
}
