package msg

// Texts of binding the 申报书: a document that cannot be bound into it, the
// font of the version stamp, a fault of the binding.
func init() {
	register(map[string]Text{
		"bind.needs-password": {
			ZH: "附件 {file} 设置了打开密码，无法装订进申报书。请改用不需要密码即可打开的 PDF（只限制打印、复制等权限的密码不影响装订）。",
			EN: "the attachment {file} needs a password to open and cannot be bound into the 申报书. Use a PDF that opens without a password (a password that only restricts printing or copying is fine).",
		},
		"bind.unreadable": {
			ZH: "附件 {file} 无法读取（{err}），无法装订进申报书。请用 PDF 阅读器打开确认文件完好，必要时重新导出或重新扫描为 PDF。",
			EN: "the attachment {file} cannot be read ({err}) and cannot be bound into the 申报书. Open it in a PDF reader to check it, and export or scan it again if needed.",
		},
		"bind.no-pages": {
			ZH: "附件 {file} 没有任何页面，无法装订进申报书。请检查文件内容。",
			EN: "the attachment {file} has no pages and cannot be bound into the 申报书. Check its content.",
		},
		"bind.missing": {
			ZH: "找不到附件 {file}，无法装订进申报书。请检查文件是否被移动或改名。",
			EN: "the attachment {file} is missing and cannot be bound into the 申报书. Check whether it was moved or renamed.",
		},
		"bind.reason.password": {
			ZH: "需要密码才能打开",
			EN: "it needs a password to open",
		},
		"bind.reason.no-pages": {
			ZH: "文件中没有任何页面",
			EN: "it has no pages",
		},
		"bind.reason.missing": {
			ZH: "文件不存在",
			EN: "the file does not exist",
		},
		"bind.reason.damaged": {
			ZH: "文件已损坏，无法按 PDF 解析",
			EN: "the file is damaged and cannot be parsed as a PDF",
		},
		"bind.font-glyphs": {
			ZH: "所用字体缺少这些字符：{chars}，无法在每页印上版本号。请在 mkspace.yaml 的 pdf.font 中选择含中文的 TrueType 字体（.ttf），或删除该项改用内置字体",
			EN: "the font in use lacks these characters: {chars}, so the version number cannot be printed on every page. Set pdf.font in mkspace.yaml to a TrueType font (.ttf) with Chinese, or remove it to use the built-in font",
		},
		"bind.font-install": {
			ZH: "无法准备印版本号所用的字体：{err}。请检查临时文件夹（环境变量 TMPDIR 或 TEMP 所指）是否存在、可以写入且有足够空间。",
			EN: "cannot prepare the font that prints the version number: {err}. Check that the temporary folder (named by TMPDIR or TEMP) exists, can be written to and has room.",
		},
		"bind.fault": {
			ZH: "申报书无法装订（{err}）。这是 mkspace 自身的问题，请把这条信息反馈给维护者。",
			EN: "the 申报书 cannot be bound ({err}). This is a fault of mkspace: please report this message.",
		},
		"bind.body": {
			ZH: "申报书正文无法装订（{err}）。这是 mkspace 自身的问题，请把这条信息反馈给维护者。",
			EN: "the body of the 申报书 cannot be bound ({err}). This is a fault of mkspace: please report this message.",
		},
	})
}
