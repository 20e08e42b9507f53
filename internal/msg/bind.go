package msg

// Texts of binding the 申报书: a document that cannot be bound into it.
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
		"bind.body": {
			ZH: "申报书正文无法装订（{err}）。这是 mkspace 自身的问题，请把这条信息反馈给维护者。",
			EN: "the body of the 申报书 cannot be bound ({err}). This is a fault of mkspace: please report this message.",
		},
	})
}
