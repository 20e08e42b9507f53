package msg

// Texts of build-pdf and verify.
func init() {
	register(map[string]Text{
		"buildpdf.short": {"生成申报书 PDF（每页带同一版本号）", "render the 申报书 PDF (one version number on every page)"},
		"buildpdf.long": {
			"先检查数据（同 mkspace validate）；有错误时不生成，列出问题并以退出码 1 结束，除非加 --draft（草稿：每页标注“草稿 — 不可用于申报”）。\n" +
				"申报书包括封面（盖章处）、目录、承诺书、基础信息、服务场地、人员情况、孵化和服务情况、四部分文字材料和全部附件（每个文件一次，每页放在 A4 纸上按原方向缩放到页眉和页脚之间，页眉标明附件编号、所属表、名称和材料）。\n" +
				"每次生成都有新的版本号，印在每一页的水印和页脚上；PDF 的元数据记录版本号、生成时间和申报材料的数据摘要，并在输出文件夹的 版本记录.csv 中追加一行。\n" +
				"默认输出：申报材料包的 output/申报书-<版本号>.pdf。\n\n退出码：0 已生成；1 数据有错误，未生成；2 无法运行（参数、字体、文件读写问题）。",
			"Checks the data first (as mkspace validate); with errors it lists them and exits 1 without writing anything, unless --draft (every page marked 草稿 — 不可用于申报).\n" +
				"The 申报书 holds the cover (with the stamp box), contents, the commitment letter, the sections, the narratives and every attachment (each file once, every page framed on A4 in its orientation between a header naming the attachment, its table, row and material, and the footer).\n" +
				"Every build has a new version number, on every page as a watermark and in the footer; the PDF's metadata records the version, the time and the digest of the package, and a line is appended to 版本记录.csv in the output folder.\n" +
				"Default output: output/申报书-<version>.pdf in the package.\n\nExit status: 0 written; 1 the data has errors, nothing written; 2 could not run (arguments, font, files).",
		},
		"buildpdf.flag.output":         {"输出文件（默认 output/申报书-<版本号>.pdf）", "output file (default output/申报书-<version>.pdf)"},
		"buildpdf.flag.draft":          {"有错误也生成草稿，每页标注“草稿 — 不可用于申报”", "build a draft despite errors, every page marked as a draft"},
		"buildpdf.flag.no-attachments": {"不装订附件（承诺书仍装订）", "leave the attachments out (the commitment letter stays)"},
		"buildpdf.flag.force":          {"允许覆盖 -o 指定的已有文件", "allow -o to replace an existing file"},
		"buildpdf.refused": {
			"数据中有 {n} 个错误，未生成申报书。请按上面的提示修正后重新运行；如只想先预览版式，可加 --draft 生成草稿。",
			"The data has {n} error(s): no 申报书 was written. Fix them as listed above and run again; to preview the layout, add --draft.",
		},
		"buildpdf.done": {"已生成申报书 {file}（版本号 {version}，共 {pages} 页）", "Wrote {file} (version {version}, {pages} pages)"},
		"buildpdf.skipped": {
			"注意：附件 {file} 无法读取，草稿中未装订。",
			"Note: attachment {file} could not be read and is not bound in the draft.",
		},
		"buildpdf.draft-errors": {"这是草稿：数据中仍有 {n} 个错误，不可用于申报。", "This is a draft: the data still has {n} error(s); it cannot be submitted."},
		"buildpdf.warnings":     {"另有 {n} 个警告（如备案条件未满足），运行 mkspace validate 查看。", "There are {n} warning(s) (e.g. unmet conditions): run mkspace validate to see them."},
		"buildpdf.failed":       {"无法生成申报书：{err}", "cannot write the 申报书: {err}"},
	})
}

func init() {
	register(map[string]Text{
		"verify.ok": {
			"通过：{file} 是 mkspace 生成的申报书，版本号 {version}，共 {pages} 页，每页版本号一致；数据与申报材料包 {package} 一致。",
			"Passed: {file} is an mkspace 申报书, version {version}, {pages} pages, one version on every page; its data matches the package {package}.",
		},
		"verify.not-mkspace": {"这不是 mkspace 生成的申报书：页面上和元数据中都没有版本号。", "This is not a 申报书 made by mkspace: no version number on its pages nor in its metadata."},
		"verify.no-record":   {"元数据中没有版本记录：页面可能被其他软件重新组合过。", "The metadata records no version: the pages may have been put together by another program."},
		"verify.unstamped":   {"第 {pages} 页没有版本号页脚。", "Page(s) {pages} carry no version footer."},
		"verify.other-version": {
			"第 {pages} 页的版本号是 {other}，与申报书的 {version} 不同：这些页来自另一次生成的申报书。申报材料每页的版本号必须相同，请重新打印同一版本。",
			"Page(s) {pages} carry version {other}, not {version}: they come from another build. Every page must carry the same version: print one build again.",
		},
		"verify.no-watermark": {"第 {pages} 页缺少版本号水印。", "Page(s) {pages} lack the version watermark."},
		"verify.misnumbered":  {"第 {pages} 页的页码与其位置不符：有页面被删除、增加或调换过。", "Page(s) {pages} are numbered for another place: pages were removed, added or reordered."},
		"verify.missing-pages": {
			"缺少第 {pages} 页（页脚标明共 {total} 页）：这些页被删除了。请提交完整的申报书，或重新运行 mkspace build-pdf。",
			"Page(s) {pages} are missing (the footers count {total} pages): they were removed. Submit the whole 申报书, or run mkspace build-pdf again.",
		},
		"verify.duplicated-pages": {
			"第 {pages} 页出现了不止一次：同一页被重复放入。请提交 mkspace build-pdf 生成的原文件。",
			"Page(s) {pages} appear more than once: a page was put in twice. Submit the file mkspace build-pdf wrote.",
		},
		"verify.reordered-pages": {
			"第 {pages} 页不在原来的位置（现为文件的第 {at} 页）：页面顺序被调换过。请提交 mkspace build-pdf 生成的原文件。",
			"Page(s) {pages} are out of place (now at page {at} of the file): the pages were reordered. Submit the file mkspace build-pdf wrote.",
		},
		"verify.small-pages": {
			"第 {pages} 页小于 A7（74×105 毫米；第一页为 {size} 毫米），页脚的版本号和页码无法看清。请把该附件重新扫描为 A4 或 A5 后重新生成申报书。",
			"Page(s) {pages} are smaller than A7 (74 × 105 mm; the first is {size} mm): their version footer cannot be read. Scan that attachment again at A4 or A5 and build the 申报书 again.",
		},
		"verify.pages-more": {"等 {n}", "… ({n} in all)"},
		"verify.no-digest":  {"PDF 中没有可读的数据摘要，无法与申报材料包比对。", "The PDF records no readable digest: it cannot be compared with the package."},
		"verify.data-changed": {
			"数据已在生成申报书后修改：{changes}。请重新运行 mkspace build-pdf 生成新版本，并以新版本申报。",
			"The data changed after the 申报书 was generated: {changes}. Run mkspace build-pdf again and submit the new version.",
		},
		"verify.change.sheet.changed":   {"“{name}”表的数据已改变", "the data of sheet {name} changed"},
		"verify.change.sheet.added":     {"新增了“{name}”表的数据", "sheet {name} was added"},
		"verify.change.sheet.removed":   {"“{name}”表的数据已删除", "sheet {name} was removed"},
		"verify.change.file.changed":    {"附件 {name} 已改变", "attachment {name} changed"},
		"verify.change.file.added":      {"新增附件 {name}", "attachment {name} was added"},
		"verify.change.file.removed":    {"附件 {name} 已删除或不再被引用", "attachment {name} was removed or is no longer named"},
		"verify.more-changes":           {"另有 {n} 处改动", "and {n} more changes"},
		"verify.change.package.changed": {"申报材料包的内容已改变", "the package's content changed"},
	})
}
