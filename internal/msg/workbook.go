package msg

// Texts of the workbook reader: files that cannot be read (FILE-UNREADABLE),
// sheets (SHEET-*), header rows and columns (HEADER-NOT-FOUND, COLUMN-*),
// and the errors that stop a command before any file is read (exit 2).
func init() {
	register(map[string]Text{
		// Command errors (exit 2).
		"workbook.no-paths": {
			ZH: "没有指定申报材料：请给出申报材料文件夹或 .xlsx 工作簿的路径。",
			EN: "no package given: name a package folder or one or more .xlsx workbooks.",
		},
		"workbook.path-missing": {
			ZH: "找不到 {path}。请检查路径是否正确（含空格的路径请加引号）。",
			EN: "{path} does not exist. Check the path (quote it if it contains spaces).",
		},
		"workbook.dir-unreadable": {
			ZH: "无法读取文件夹 {path}：{err}。请检查该文件夹的访问权限。",
			EN: "cannot list the folder {path}: {err}. Check its permissions.",
		},
		"workbook.mixed-paths": {
			ZH: "{path} 是文件夹：一次只能给出一个申报材料文件夹，或者一个或多个 .xlsx 文件，不能混用。",
			EN: "{path} is a folder: give either one package folder or one or more .xlsx files, not both.",
		},

		// FILE-UNREADABLE
		"workbook.no-workbook": {
			ZH: "{dir}：文件夹中没有 .xlsx 工作簿。请把填好的申报数据.xlsx 放入该文件夹（空白模板可用 mkspace template 生成）。",
			EN: "{dir}: the folder holds no .xlsx workbook. Put the filled-in 申报数据.xlsx into it (mkspace template writes a blank one).",
		},
		"workbook.no-workbook-others": {
			ZH: "{dir}：文件夹中没有 .xlsx 工作簿，只有 {names}。mkspace 只读取 .xlsx：请用 Excel 或 WPS 打开这些文件，“另存为”Excel 工作簿 (*.xlsx)。",
			EN: "{dir}: the folder holds no .xlsx workbook, only {names}. mkspace reads .xlsx only: open them in Excel or WPS and use Save As → Excel Workbook (*.xlsx).",
		},
		"workbook.file-unopenable": {
			ZH: "{file}：无法打开该文件（{err}）。请检查文件权限，并确认它没有被其他程序独占。",
			EN: "{file}: cannot open the file ({err}). Check its permissions and that no other program holds it locked.",
		},
		"workbook.empty": {
			ZH: "{file}：文件是空的（0 字节），可能保存或复制时中断。请重新保存或重新复制该工作簿。",
			EN: "{file}: the file is empty (0 bytes), perhaps an interrupted save or copy. Save or copy the workbook again.",
		},
		"workbook.xls": {
			ZH: "{file}：这是旧版 Excel 97-2003 (.xls) 或 WPS 表格 (.et) 格式的文件，不是 .xlsx（只是扩展名被改成了 .xlsx）。请用 Excel 或 WPS 打开它，选择“另存为”→“Excel 工作簿 (*.xlsx)”。",
			EN: "{file}: this is an old Excel 97-2003 (.xls) or WPS (.et) workbook, not an .xlsx (only its extension says .xlsx). Open it in Excel or WPS and use Save As → Excel Workbook (*.xlsx).",
		},
		"workbook.encrypted": {
			ZH: "{file}：工作簿设置了打开密码（已加密），无法读取。请用 Excel 或 WPS 打开，取消工作簿密码后另存（Excel：文件→信息→保护工作簿→用密码进行加密，清空密码；WPS：文件→文档加密→密码加密，清空密码）。",
			EN: "{file}: the workbook is encrypted with an open password and cannot be read. Open it in Excel or WPS, remove the password and save it again (Excel: File → Info → Protect Workbook → Encrypt with Password, clear the password).",
		},
		"workbook.csv": {
			ZH: "{file}：这是 CSV 或文本文件，不是 .xlsx（只是扩展名为 .xlsx）。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿 (*.xlsx)，或把数据粘贴到 mkspace template 生成的模板中。",
			EN: "{file}: this is a CSV or text file, not an .xlsx (only its extension says .xlsx). Open it in Excel or WPS and use Save As → Excel Workbook (*.xlsx), or paste the data into the workbook that mkspace template writes.",
		},
		"workbook.html": {
			ZH: "{file}：这是网页 (HTML) 格式的表格（常见于从其他系统导出的文件），不是 .xlsx。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿 (*.xlsx)。",
			EN: "{file}: this is a web-page (HTML) table, as some systems export, not an .xlsx. Open it in Excel or WPS and use Save As → Excel Workbook (*.xlsx).",
		},
		"workbook.xml2003": {
			ZH: "{file}：这是“XML 电子表格 2003”格式，不是 .xlsx。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿 (*.xlsx)。",
			EN: "{file}: this is an XML Spreadsheet 2003 file, not an .xlsx. Open it in Excel or WPS and use Save As → Excel Workbook (*.xlsx).",
		},
		"workbook.ods": {
			ZH: "{file}：这是 OpenDocument 表格 (.ods)，不是 .xlsx。请用 LibreOffice、WPS 或 Excel 打开后“另存为”Excel 工作簿 (*.xlsx)。",
			EN: "{file}: this is an OpenDocument spreadsheet (.ods), not an .xlsx. Open it in LibreOffice, WPS or Excel and save it as Excel Workbook (*.xlsx).",
		},
		"workbook.xlsb": {
			ZH: "{file}：这是 Excel 二进制工作簿 (.xlsb)，不是 .xlsx。请用 Excel 打开后“另存为”Excel 工作簿 (*.xlsx)。",
			EN: "{file}: this is an Excel Binary Workbook (.xlsb), not an .xlsx. Open it in Excel and use Save As → Excel Workbook (*.xlsx).",
		},
		"workbook.not-workbook": {
			ZH: "{file}：不是 Excel 工作簿（{kind}）。请确认选择了正确的文件；申报数据须为 .xlsx 格式。",
			EN: "{file}: not an Excel workbook ({kind}). Check that this is the right file; the application data must be an .xlsx workbook.",
		},
		"workbook.corrupt": {
			ZH: "{file}：文件已损坏或不完整（{err}），可能是下载或复制时中断。请用 Excel 或 WPS 打开并另存，或重新复制该文件。",
			EN: "{file}: the file is damaged or incomplete ({err}), perhaps an interrupted download or copy. Open it in Excel or WPS and save it again, or copy it again.",
		},
		"workbook.too-large": {
			ZH: "{file}：解压后的内容（{size}）超过了 {limit} 的上限，可能是异常文件（压缩炸弹）。请用 Excel 打开后另存一份再试；确实需要更大的文件时，可在 mkspace.yaml 中调高 {key}。",
			EN: "{file}: its unpacked content ({size}) exceeds the limit of {limit}; the file may be malicious (a zip bomb). Open it in Excel and save a fresh copy; if the file really is this large, raise {key} in mkspace.yaml.",
		},
		"workbook.sheet-too-large": {
			ZH: "{file}：工作表“{sheet}”解压后的内容（{size}）超过了 {limit} 的上限，未读取。请删除多余的行列后另存；确实需要时，可在 mkspace.yaml 中调高 {key}。",
			EN: "{file}: sheet {sheet} unpacks to {size}, beyond the limit of {limit}, and was not read. Delete unused rows and columns and save again; if it really is this large, raise {key} in mkspace.yaml.",
		},
		"workbook.sheet-corrupt": {
			ZH: "{file}：工作表“{sheet}”已损坏，无法完整读取（{err}）。请用 Excel 或 WPS 打开该工作簿并另存后再试。",
			EN: "{file}: sheet {sheet} is damaged and could not be read completely ({err}). Open the workbook in Excel or WPS, save it again and retry.",
		},
		"workbook.sheet-no-data": {
			ZH: "{file}：工作表“{sheet}”的数据部分缺失，文件已损坏。请用 Excel 或 WPS 打开该工作簿并另存后再试。",
			EN: "{file}: the data of sheet {sheet} is missing from the file, which is damaged. Open the workbook in Excel or WPS, save it again and retry.",
		},
		"workbook.bad-string-index": {
			ZH: "{file}：工作表“{sheet}”中有单元格引用了不存在的共享文本，这些单元格按空白读取，文件可能已损坏。请用 Excel 或 WPS 打开该工作簿并另存后再试。",
			EN: "{file}: some cells of sheet {sheet} refer to shared text that does not exist and were read as blank; the file may be damaged. Open the workbook in Excel or WPS, save it again and retry.",
		},
		"workbook.internal": {
			ZH: "{file}：读取时遇到无法解析的结构（{err}）。请用 Excel 或 WPS 打开该工作簿，另存为 .xlsx 后再试。",
			EN: "{file}: the file has a structure that could not be read ({err}). Open it in Excel or WPS, save it as .xlsx and retry.",
		},

		// SHEET-*
		"workbook.sheet-missing": {
			ZH: "缺少数据表“{sheet}”。请使用 mkspace template 生成的模板，保留该工作表及其表头（没有数据也请保留）；工作表名称须与模板完全一致。",
			EN: "sheet {sheet} ({sheet_en}) is missing. Use the workbook that mkspace template writes and keep this sheet and its header row, even with no data; the sheet name must match the template exactly.",
		},
		"workbook.sheet-duplicate": {
			ZH: "{file}：数据表“{sheet}”重复（已在 {first} 中出现）。每个数据表只能填写一份：请删除或合并其中一份；本次只读取 {first} 中的那一份。",
			EN: "{file}: sheet {sheet} appears again (it is already in {first}). Fill each data sheet once: delete or merge one copy; this run reads the one in {first}.",
		},
		"workbook.sheet-unknown": {
			ZH: "{file}：工作表“{sheet}”不是申报数据表，未读取。如不需要可删除；数据表的名称须与模板一致（{names}）。",
			EN: "{file}: sheet {sheet} is not a data sheet and was not read. Delete it if it is not needed; data sheets must be named as in the template ({names}).",
		},
		"workbook.sheet-unknown-like": {
			ZH: "{file}：工作表“{sheet}”不是申报数据表，未读取。是否应命名为“{like}”？请把工作表名称改为与模板完全一致。",
			EN: "{file}: sheet {sheet} is not a data sheet and was not read. Should it be called {like}? Rename it exactly as in the template.",
		},

		// HEADER-NOT-FOUND
		"workbook.header-not-found": {
			ZH: "{sheet}：找不到表头行（前 10 行中没有一行含有至少一半的列名，如“{examples}”）。请保留模板的表头行，列名与模板一致。",
			EN: "{sheet}: no header row found (none of rows 1-10 holds at least half of the column names, such as “{examples}”). Keep the template's header row with its column names.",
		},
		"workbook.form-header-not-found": {
			ZH: "{sheet}：找不到表头行（前 10 行中没有“{h1}”“{h2}”）。请保留模板第 1 行的“{h1} | {h2}”表头。",
			EN: "{sheet}: no header row found (rows 1-10 hold neither {h1} nor {h2}). Keep the template's header row {h1} | {h2}.",
		},

		// COLUMN-*
		"workbook.column-missing": {
			ZH: "{sheet}：缺少“{column}”列。请在表头行（第 {row} 行）补上该列，列名须与模板一致。",
			EN: "{sheet}: column {column} is missing. Add it to the header row (row {row}), named as in the template.",
		},
		"workbook.column-duplicate": {
			ZH: "{sheet}!{cell}：“{column}”列出现了两次（第一处在 {first} 列），只读取第一处。请删除重复的列。",
			EN: "{sheet}!{cell}: column {column} appears twice (first in column {first}); only the first is read. Delete the duplicate column.",
		},
		"workbook.column-unknown": {
			ZH: "{sheet}!{cell}：“{column}”不是该表的列名，该列未读取。如是模板的列名被改动，请改回模板中的列名；多余的列可删除。",
			EN: "{sheet}!{cell}: {column} is not a column of this sheet and was not read. If a template column was renamed, restore its name; delete columns that are not needed.",
		},
		"workbook.field-unknown": {
			ZH: "{sheet}!{cell}：“{column}”不是该表的项目，未读取。如是模板的项目名被改动，请改回模板中的名称。",
			EN: "{sheet}!{cell}: {column} is not an item of this sheet and was not read. If a template item was renamed, restore its name.",
		},
		"workbook.field-duplicate": {
			ZH: "{sheet}!{cell}：“{column}”出现了两次（第一次在第 {first} 行），只读取第一次。请删除重复的行。",
			EN: "{sheet}!{cell}: {column} appears twice (first in row {first}); only the first is read. Delete the duplicate row.",
		},
	})
}
