package msg

// Texts of `mkspace init`: its help and report, the README of the
// attachments folder, and the comments of the mkspace.yaml it writes
// (init.yaml.<config key>, init.yaml.<group>).
func init() {
	register(map[string]Text{
		"init.short": {
			ZH: "生成申报材料包文件夹（填报工作簿、配置文件、附件文件夹、承诺书模板）",
			EN: "create a package folder (workbook, config, attachments folder, commitment letter)",
		},
		"init.long": {
			ZH: "在 DIR（默认为当前文件夹）中生成申报材料包：填报工作簿 申报数据.xlsx、配置文件 mkspace.yaml（每一项都有说明和默认值）、附件文件夹 attachments/ 和 承诺书模板.pdf（打印、签字、盖章后扫描成 PDF 作为附件）。文件夹不存在时自动创建。已存在的文件一律不动，只提示“已跳过”。\n\n退出码：0 完成；2 无法运行（如文件夹无法写入）。",
			EN: "Creates a package in DIR (default: the current folder): the workbook 申报数据.xlsx, the config mkspace.yaml (every key with a comment and its default), the attachments/ folder and 承诺书模板.pdf, the commitment letter to print, sign, stamp and scan as an attachment. The folder is created if needed. Existing files are never touched: they are reported as skipped.\n\nExit status: 0 done; 2 could not run (e.g. the folder is not writable).",
		},
		"init.flag-name": {
			ZH: "众创空间名称，预先填入承诺书模板",
			EN: "the maker space's name, pre-filled in the commitment letter",
		},
		"init.created": {
			ZH: "已创建  {file}",
			EN: "created  {file}",
		},
		"init.skipped": {
			ZH: "已跳过  {file}（已存在，未做修改）",
			EN: "skipped  {file} (exists, left unchanged)",
		},
		"init.next": {
			ZH: "申报材料包文件夹：{dir}\n下一步：\n  1. 用 Excel、WPS 或 LibreOffice 填写 {workbook}（先看其中的“填报说明”表）；\n  2. 打印 {letter}，签字、盖章后扫描成 PDF，与其他证明材料一起放进 {attachments} 文件夹；\n  3. 运行 mkspace validate {dir} 检查填写内容和附件。",
			EN: "Package folder: {dir}\nNext:\n  1. fill in {workbook} with Excel, WPS or LibreOffice (start with its 填报说明 sheet);\n  2. print {letter}, sign and stamp it, scan it to PDF and put it with the other proofs into {attachments};\n  3. run mkspace validate {dir} to check the data and the attachments.",
		},
		"init.attachments-readme": {
			ZH: `附件文件夹

请把申报所需的证明材料（PDF 文件）放在这个文件夹里，例如：
  - 已签字盖章的承诺书：打印 承诺书模板.pdf，签字、盖章后扫描成 PDF；
  - 宣传报道、获得荣誉、服务场地、专业服务人员、创业导师、创新创业活动的证明材料；
  - 创业团队和入驻企业的入驻协议、营业执照（加盖公章的复印件）、投融资证明材料。

要求：
  - 每个附件须为 PDF 文件，大小不超过 {mib}（{max} 字节）；
  - 需要密码才能打开的 PDF 无法装订进申报书，请提供无需密码即可打开的文件；
  - 在 申报数据.xlsx 的“证明材料”等附件列中填写文件路径，从申报材料包文件夹算起，
    例如 attachments/场地租赁合同.pdf；可以建子文件夹，
    例如 attachments/创业团队/入驻协议-星火团队.pdf；
  - 同一个文件可以在多处填写，申报书中只装订一次。

填好后运行 mkspace validate 检查附件是否齐全、格式和大小是否符合要求。`,
			EN: `Attachments folder

Put the proof documents of the application (PDF files) into this folder, e.g.:
  - the signed and stamped commitment letter: print 承诺书模板.pdf, sign and stamp it, scan it to PDF;
  - the proofs of media reports, honours, venues, service staff, mentors and activities;
  - the sign-in agreements, business licences (stamped copies) and financing proofs of teams and enterprises.

Rules:
  - every attachment is a PDF file of at most {mib} ({max} bytes);
  - a PDF that needs a password to open cannot be bound into the application document;
  - in the attachment columns of 申报数据.xlsx (证明材料 etc.) write the file's path from the
    package folder, e.g. attachments/场地租赁合同.pdf; sub-folders are fine,
    e.g. attachments/创业团队/入驻协议-星火团队.pdf;
  - the same file may be named in several cells; it is bound once.

Then run mkspace validate to check that every attachment is there, is a PDF and is small enough.`,
		},

		// mkspace.yaml
		"init.yaml.header": {
			ZH: "mkspace 配置文件。mkspace 从申报材料包文件夹读取它（也可用 --config 指定其他文件）。\n每一项都已写好默认值，一般无需修改；只改需要改的项，删除某一项即恢复默认值。\n以 # 开头的是说明文字，不影响设置。\n优先级：命令行参数 > 环境变量 MKSPACE_*（如 MKSPACE_LANG=en）> 本文件 > 默认值。",
			EN: "mkspace configuration. mkspace reads it from the package folder (or the file given with --config).\nEvery key holds its default; change only what you need, delete a key to restore its default.\nLines starting with # are comments.\nPrecedence: command-line flags > MKSPACE_* environment variables (e.g. MKSPACE_LANG=en) > this file > defaults.",
		},
		"init.yaml.lang": {
			ZH: "提示信息的语言：zh 中文，en 英文（命令行 --lang 优先）。",
			EN: "language of messages: zh Chinese, en English (--lang wins).",
		},
		"init.yaml.window": {
			ZH: "填报期，起止两天都包括，日期写成 YYYY-MM-DD。\n累计类表格（创业团队、入驻企业等）统计到结束日期为止；创新创业活动的日期须在填报期之内。",
			EN: "the reporting window, both days included, dates as YYYY-MM-DD.\nCumulative tables (teams, enterprises…) count up to the end date; activity dates must lie inside the window.",
		},
		"init.yaml.window.start": {
			ZH: "填报期开始日期",
			EN: "first day of the window",
		},
		"init.yaml.window.end": {
			ZH: "填报期结束日期，即累计数据的截止日",
			EN: "last day of the window: the cut-off of every cumulative table",
		},
		"init.yaml.attachments.max_bytes": {
			ZH: "每个附件 PDF 的大小上限：字节数，或带单位如 3MB、500KB（1 MB = 1,048,576 字节；网上系统要求“不大于3M”）",
			EN: "size limit of every attachment PDF: bytes, or with a unit such as 3MB, 500KB (1 MB = 1,048,576 bytes; the online system allows 3 MB)",
		},
		"init.yaml.uscc.check_digit": {
			ZH: "统一社会信用代码校验位不符时：error 作为错误；warning 只作提醒\n（少数早期试点地区的合法代码校验位不符，遇到时可改为 warning）",
			EN: "a USCC whose check digit is wrong is: error, or only a warning\n(a few legal codes of early pilot regions fail the check; use warning for them)",
		},
		"init.yaml.output_dir": {
			ZH: "生成的申报书 PDF 和版本记录存放的文件夹，从申报材料包文件夹算起",
			EN: "folder of the generated application PDF and its version log, relative to the package folder",
		},
		"init.yaml.pdf.font": {
			ZH: "生成 PDF 所用的中文字体文件（TrueType .ttf；相对路径从申报材料包文件夹算起）。\n留空 \"\" 即使用内置的文泉驿微米黑字体。不支持 .ttc 字体集合和 .otf 字体。\n也可写字体列表，逐字依次查找，builtin 为内置字体；如生僻字（扩展 B 区）：\n[builtin, /usr/share/fonts/truetype/hanazono/HanaMinB.ttf] 或 [builtin, \"C:/Windows/Fonts/simsunb.ttf\"]",
			EN: "the Chinese font of the PDFs (a TrueType .ttf file; relative paths start at the package folder).\nEmpty \"\" uses the built-in WenQuanYi Micro Hei. Font collections (.ttc) and .otf fonts are not supported.\nA list is tried in order for each character, builtin being the built-in font; e.g. for rare ideographs (Extension B):\n[builtin, /usr/share/fonts/truetype/hanazono/HanaMinB.ttf] or [builtin, \"C:/Windows/Fonts/simsunb.ttf\"]",
		},
		"init.yaml.eligibility": {
			ZH: "备案条件自查的门槛（《国家众创空间备案暂行规定》，国科火字〔2017〕120号）。\n未达到时只给出提醒，不会阻止生成申报书（validate --strict 时视为不通过）。",
			EN: "thresholds of the registration self-check (国科火字〔2017〕120号).\nA condition not met is a warning; it never blocks the PDF (validate --strict fails on it).",
		},
		"init.yaml.eligibility.operating_months": {
			ZH: "运营时间不少于多少个月（从开始运营时间到填报期结束日期）",
			EN: "months of operation at least (from the start of operation to the window end)",
		},
		"init.yaml.eligibility.total_area": {
			ZH: "服务场地总面积不低于多少平方米（与创业工位数二者满足其一即可）",
			EN: "total venue area at least, m² (this or the workstations)",
		},
		"init.yaml.eligibility.workstations": {
			ZH: "创业工位不少于多少个（与服务场地总面积二者满足其一即可）",
			EN: "workstations at least (this or the total area)",
		},
		"init.yaml.eligibility.service_area_ratio": {
			ZH: "创业团队和企业场地与公共服务场地面积之和占总面积的比例不低于多少（%）",
			EN: "team/enterprise area plus public service area, as a share of the total area, at least (%)",
		},
		"init.yaml.eligibility.public_service_area": {
			ZH: "公共服务场地面积须大于多少平方米（0 即须有公共服务场地）",
			EN: "public service area must exceed, m² (0: there must be some)",
		},
		"init.yaml.eligibility.served": {
			ZH: "填报期内协议入驻的创业团队和企业不少于多少家",
			EN: "teams and enterprises in the space during the window, at least",
		},
		"init.yaml.eligibility.conversions": {
			ZH: "填报期内创业团队转化注册为企业不少于多少家（与获得投融资的家数二者满足其一即可）",
			EN: "teams registered as enterprises during the window, at least (this or the financed count)",
		},
		"init.yaml.eligibility.financed": {
			ZH: "填报期内获得投融资的团队和企业不少于多少家（与转化注册的家数二者满足其一即可）",
			EN: "teams and enterprises financed during the window, at least (this or the conversions)",
		},
		"init.yaml.eligibility.professional_staff": {
			ZH: "具备专业服务能力的专职人员不少于多少名",
			EN: "full-time professional service staff, at least",
		},
		"init.yaml.eligibility.mentors": {
			ZH: "专兼职创业导师不少于多少名",
			EN: "mentors (full- or part-time), at least",
		},
		"init.yaml.eligibility.activities": {
			ZH: "填报期内开展创新创业活动不少于多少场次",
			EN: "activities held during the window, at least",
		},
		"init.yaml.limits": {
			ZH: "读取工作簿时的安全上限，防止损坏或异常的文件耗尽内存，一般无需修改。",
			EN: "safety limits when reading workbooks, so that a damaged or hostile file cannot exhaust memory; rarely changed.",
		},
		"init.yaml.limits.unzip_bytes": {
			ZH: "一个 .xlsx 文件解压后的总大小上限：字节数，或带单位如 2GB",
			EN: "total unpacked size of one .xlsx: bytes, or with a unit such as 2GB",
		},
		"init.yaml.limits.sheet_xml_bytes": {
			ZH: "一张工作表解压后的大小上限：字节数，或带单位如 1GB",
			EN: "unpacked size of one sheet: bytes, or with a unit such as 1GB",
		},
		"init.yaml.limits.cell_chars": {
			ZH: "一个单元格最多多少个字符（Excel 的上限为 32767）",
			EN: "characters in one cell, at most (Excel's own limit is 32767)",
		},
		"init.yaml.options": {
			ZH: "下拉选项列表（可选）。如受理机构要求不同的选项，可替换下面的列表：去掉 options: 一行和相应列表行开头的 \"# \"，再修改。\n工作簿的下拉列表和检查都按这里的列表进行；修改后请运行 mkspace template 重新生成工作簿。",
			EN: "option lists (optional). To replace a dropdown's options, remove the \"# \" in front of options: and of the list's line, then edit it.\nThe workbook's dropdowns and the checks follow these lists; run mkspace template afterwards to write a new workbook.",
		},
	})
}
