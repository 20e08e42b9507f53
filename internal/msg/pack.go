package msg

// Texts of `mkspace pack`, of `mkspace verify` of packed packages, folders
// and batches, and of the summary table.
func init() {
	register(map[string]Text{
		"pack.short": {"打包申报材料：工作簿、附件、申报书和清单，生成一个 zip 文件", "pack a submission: workbooks, attachments, the 申报书 and a manifest, in one zip"},
		"pack.long": {
			"先检查数据（同 mkspace validate）；有错误时不打包，列出问题并以退出码 1 结束。\n" +
				"输出文件夹中已有与当前数据一致的申报书（不是草稿、每页版本号一致、装订了全部附件）时直接使用最新的一份，否则先生成新的申报书（同 mkspace build-pdf）。\n" +
				"zip 中包括：全部工作簿、mkspace.yaml（如有）、工作簿中填写的每个附件（attachments 文件夹中未被引用的文件不打包）、申报书（output/申报书-<版本号>.pdf）和清单 manifest.json（工具版本、版本号、数据摘要、众创空间名称、运营主体、受理机构、生成时间、每个文件的大小和 SHA-256）。\n" +
				"文件名使用 UTF-8 编码并设置了 UTF-8 标志，Windows 资源管理器和 unzip 都能正确显示中文。文件先写入临时文件再改名，不会留下半个文件；已有的文件不会被覆盖，除非加 --force。\n" +
				"默认输出：申报材料包的 output/申报材料-<版本号>.zip。收到的 zip 可用 mkspace verify 核验。\n\n" +
				"退出码：0 已打包；1 数据有错误，未打包；2 无法运行（参数、文件读写问题）。",
			"Checks the data first (as mkspace validate); with errors it lists them and exits 1 without writing anything.\n" +
				"When the output folder holds a 申报书 matching the data as it is (not a draft, one version on every page, every attachment bound), the newest such one is packed; otherwise a new one is built first (as mkspace build-pdf).\n" +
				"The zip holds every workbook, mkspace.yaml (if any), every attachment the workbooks name (nothing else of the attachments folder), the 申报书 (output/申报书-<version>.pdf) and manifest.json (tool version, version number, digest, maker space, operator, receiving office, time, and every file with its size and SHA-256).\n" +
				"Entry names are UTF-8 with the UTF-8 flag set, so Windows Explorer and unzip show the Chinese right. The zip is written to a temporary file and renamed: never half a file; an existing file is kept unless --force.\n" +
				"Default output: output/申报材料-<version>.zip in the package. Check a received zip with mkspace verify.\n\n" +
				"Exit status: 0 packed; 1 the data has errors, nothing written; 2 could not run (arguments, files).",
		},
		"pack.flag.output": {"输出的 zip 文件（默认 output/申报材料-<版本号>.zip）", "the zip to write (default output/申报材料-<version>.zip)"},
		"pack.flag.force":  {"允许覆盖已有的 zip 文件", "allow replacing an existing zip"},
		"pack.not-zip-name": {
			"输出文件 {file} 的扩展名应为 .zip，例如 {example}。",
			"The output {file} should end in .zip, e.g. {example}.",
		},
		"pack.not-folder": {"{path} 是 zip 文件；请给出申报材料包文件夹。核验 zip 请用 mkspace verify。", "{path} is a zip: give the package folder. To check a zip, use mkspace verify."},
		"pack.refused": {
			"数据中有 {n} 个错误，未打包。请按上面的提示修正后重新运行。",
			"The data has {n} error(s): nothing was packed. Fix them as listed above and run again.",
		},
		"pack.reused": {"使用已有的申报书 {file}（版本号 {version}，与当前数据一致）", "Using the existing {file} (version {version}, matching the data)"},
		"pack.built":  {"已生成申报书 {file}（版本号 {version}，共 {pages} 页）", "Wrote {file} (version {version}, {pages} pages)"},
		"pack.done": {
			"已打包 {file}（版本号 {version}，{n} 个文件和清单 manifest.json，{size}）",
			"Packed {file} (version {version}, {n} files and manifest.json, {size})",
		},
		"pack.exists": {
			"{file} 已存在，未覆盖。要替换它，请加 --force；或用 -o 指定另一个文件名。",
			"{file} exists and was kept. Add --force to replace it, or name another file with -o.",
		},
		"pack.changed": {
			"打包时发现文件被修改：{err}。请在文件不再变动时重新运行 mkspace pack。",
			"A file changed while packing: {err}. Run mkspace pack again when the files no longer change.",
		},
		"pack.failed": {"无法打包：{err}", "cannot pack: {err}"},

		"verify.pkg.short": {
			"核验申报材料：zip 包、申报材料包文件夹或申报书 PDF（可一次核验多个）",
			"check submissions: a packed zip, a package folder or a 申报书 PDF (several at once)",
		},
		"verify.pkg.long": {
			`核验申报材料，可以是：
  zip 文件   mkspace pack 生成的申报材料包：安全解压到临时文件夹（拒绝含“..”或绝对路径、符号链接、
             重名、解压后过大的条目），核对清单 manifest.json 中每个文件的大小和 SHA-256、
             没有缺少或多出的文件，再检查数据没有错误、申报书与数据一致、版本号与清单一致；
             临时文件夹用后即删除。
  文件夹     申报材料包文件夹：检查数据，并核验 output 文件夹中最新的申报书；
             含 manifest.json 的文件夹（解压后的 zip）按 zip 核验。
  PDF 文件   申报书：每页版本号一致，且与申报材料包的数据一致（mkspace verify 申报书.pdf [申报材料包]）。
给出多个时并行核验（如 mkspace verify 收件/*.zip），按参数顺序逐个报告，最后给出合计；
--summary 汇总.csv（或 .json）为每个申报材料包写一行：文件、众创空间名称、运营主体、受理机构、
版本号、错误数、警告数、各项备案条件自查、是否通过和第一个问题。CSV 带 UTF-8 BOM，可直接用 Excel 打开；
.xlsx 为 Excel 工作簿：汇总、跨包重复、问题三张表。
给出两个及以上申报材料包时，另做跨包检查（同一入驻企业、创业团队、专职人员、场地地址、附件文件，
同一运营主体的多份申报），列在各包结果之后；这些提示供受理机构核实，不影响退出码。
--merge 汇总1.json 汇总2.json … 合并多台机器分别核验的 JSON 汇总表，跨包检查结果与一次核验全部相同。
核验 zip 时使用包内的 mkspace.yaml；受理机构要统一标准时，用 --config 指定自己的配置文件。

退出码：0 全部通过；1 有未通过的；2 无法运行（参数有误、文件不存在、无法写入汇总表）。`,
			`Checks submissions. Each argument is:
  a zip file   a package written by mkspace pack: unpacked safely into a temporary folder (entries with
               "..", absolute paths, symbolic links, duplicate names or an oversized expansion are
               refused), every file's size and SHA-256 checked against manifest.json, no file missing or
               extra, then the data free of errors, the 申报书 matching the data and its version equal to
               the manifest's; the temporary folder is always removed.
  a folder     a package folder: its data, and the newest 申报书 of its output folder; a folder holding
               manifest.json (an unpacked zip) is checked as the zip.
  a PDF file   a 申报书: one version on every page, matching its package (mkspace verify 申报书.pdf [PACKAGE]).
Several are checked in parallel (e.g. mkspace verify inbox/*.zip) and reported in argument order, then a total.
--summary FILE.csv (or .json) writes one row per package: file, maker space, operator, receiving office,
version, errors, warnings, each registration condition, passed or not, and the first problem. The CSV has
a UTF-8 BOM and opens in Excel as it is; .xlsx is an Excel workbook with the sheets Summary, Across packages
and Findings.
With two or more packages, the findings across packages follow the packages' own (one enterprise, team,
full-time person, venue address or attachment file in several packages; two packages of one operator):
for the office to check, they never change the exit status.
--merge a.json b.json … merges the JSON summaries of an intake verified in parts on several machines: the
findings across packages are those of one run over all.
A zip is checked with the mkspace.yaml inside it; an office that wants its own rules names its config with --config.

Exit status: 0 all passed; 1 some failed; 2 could not run (bad arguments, a missing file, a summary that cannot be written).`,
		},
		"verify.flag.summary": {"把每个申报材料包的结果写入汇总表（.csv、.json、Excel 工作簿 .xlsx，或可在浏览器中查看和打印的 .html）", "write one row per package to a summary table (.csv, .json, an Excel workbook .xlsx, or .html to view and print in a browser)"},
		"verify.bad-summary":  {"汇总表 {file} 的扩展名应为 .csv、.json、.xlsx 或 .html。", "The summary {file} should end in .csv, .json, .xlsx or .html."},
		"verify.no-target":    {"找不到 {path}。", "no such file or folder: {path}."},
		"verify.progress":     {"核验中", "checking"},
		"verify.check-failed": {"无法核验 {name}：{err}", "cannot check {name}: {err}"},
		"verify.pkg.ok": {
			"通过：{file} — {name}（版本号 {version}；{details}）",
			"Passed: {file} — {name} (version {version}; {details})",
		},
		"verify.pkg.ok.files":    {"{n} 个文件与清单一致", "{n} files match the manifest"},
		"verify.pkg.ok.data":     {"数据无错误", "no errors in the data"},
		"verify.pkg.ok.warnings": {"{n} 个警告", "{n} warning(s)"},
		"verify.pkg.ok.pdf":      {"申报书 {pdf} 共 {pages} 页，每页版本号一致，与数据一致", "{pdf}: {pages} pages, one version on every page, matching the data"},
		"verify.pkg.failed":      {"未通过：{file}{name}", "Failed: {file}{name}"},
		"verify.total": {
			"共核验 {n} 个：{ok} 个通过，{failed} 个未通过。",
			"Checked {n}: {ok} passed, {failed} failed.",
		},
		"verify.summary-written": {"汇总表已写入 {file}", "Summary written to {file}"},

		"pkgcheck.not-zip":       {"{file} 不是 zip 压缩包，或已损坏。请提交用 mkspace pack 生成的 .zip 文件。", "{file} is not a zip archive, or it is damaged. Submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.rar":   {"{file} 是 RAR 压缩包，不是 zip。请提交用 mkspace pack 生成的 .zip 文件。", "{file} is a RAR archive, not a zip. Submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.7z":    {"{file} 是 7z 压缩包，不是 zip。请提交用 mkspace pack 生成的 .zip 文件。", "{file} is a 7z archive, not a zip. Submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.gz":    {"{file} 是 gzip 压缩文件，不是 zip。请提交用 mkspace pack 生成的 .zip 文件。", "{file} is a gzip file, not a zip. Submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.pdf":   {"{file} 是 PDF 文件，不是 zip。核验申报书请给出 .pdf 扩展名，或提交 mkspace pack 生成的 .zip 文件。", "{file} is a PDF, not a zip. Name a 申报书 with its .pdf extension, or submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.empty": {"{file} 是空文件。请提交用 mkspace pack 生成的 .zip 文件。", "{file} is empty. Submit the .zip that mkspace pack writes."},
		"pkgcheck.not-zip.jpg":   {"{file} 是 JPEG 图片，不是申报材料包。mkspace verify 核验的是 mkspace pack 生成的 .zip、申报材料包文件夹或申报书 PDF。", "{file} is a JPEG image, not a package. mkspace verify checks the .zip that mkspace pack writes, a package folder or a 申报书 PDF."},
		"pkgcheck.not-zip.png":   {"{file} 是 PNG 图片，不是申报材料包。mkspace verify 核验的是 mkspace pack 生成的 .zip、申报材料包文件夹或申报书 PDF。", "{file} is a PNG image, not a package. mkspace verify checks the .zip that mkspace pack writes, a package folder or a 申报书 PDF."},
		"pkgcheck.not-zip.ole": {
			"{file} 是 Office 97-2003 文件（.xls 或 .doc），不是申报材料包。工作簿请用 Excel 或 WPS 另存为 .xlsx 后用 mkspace validate 检查；mkspace verify 核验的是 mkspace pack 生成的 .zip。",
			"{file} is an Office 97-2003 file (.xls or .doc), not a package. Save a workbook as .xlsx in Excel or WPS and check it with mkspace validate; mkspace verify checks the .zip that mkspace pack writes.",
		},
		"pkgcheck.not-zip.special": {"{file} 不是普通文件（管道、设备等），未读取。请给出 mkspace pack 生成的 .zip 文件。", "{file} is not a plain file (a pipe, a device…) and was not read. Give the .zip that mkspace pack writes."},
		"pkgcheck.not-package.xlsx": {
			"{file} 是 Excel 工作簿，不是申报材料包。检查工作簿请用 mkspace validate {file}；mkspace verify 核验的是 mkspace pack 生成的 .zip、申报材料包文件夹或申报书 PDF。",
			"{file} is an Excel workbook, not a package. To check a workbook, use mkspace validate {file}; mkspace verify checks the .zip that mkspace pack writes, a package folder or a 申报书 PDF.",
		},
		"pkgcheck.not-package.docx": {
			"{file} 是 Word 文档，不是申报材料包。mkspace verify 核验的是 mkspace pack 生成的 .zip、申报材料包文件夹或申报书 PDF。",
			"{file} is a Word document, not a package. mkspace verify checks the .zip that mkspace pack writes, a package folder or a 申报书 PDF.",
		},
		"pkgcheck.not-package.pptx": {
			"{file} 是 PowerPoint 演示文稿，不是申报材料包。mkspace verify 核验的是 mkspace pack 生成的 .zip、申报材料包文件夹或申报书 PDF。",
			"{file} is a PowerPoint presentation, not a package. mkspace verify checks the .zip that mkspace pack writes, a package folder or a 申报书 PDF.",
		},
		"pkgcheck.not-package.odf": {
			"{file} 是 OpenDocument 文档（.ods、.odt 等），不是申报材料包。工作簿请另存为 .xlsx 后用 mkspace validate 检查；mkspace verify 核验的是 mkspace pack 生成的 .zip。",
			"{file} is an OpenDocument file (.ods, .odt…), not a package. Save a workbook as .xlsx and check it with mkspace validate; mkspace verify checks the .zip that mkspace pack writes.",
		},
		"pkgcheck.empty-zip": {
			"{file} 是空的压缩包，其中没有任何文件。请用 mkspace pack 重新打包后提交。",
			"{file} is an empty archive: it holds no file. Pack again with mkspace pack and resubmit.",
		},
		"pkgcheck.no-workbook": {
			"{file} 中没有工作簿（顶层没有 .xlsx 文件），不是完整的申报材料包。请用 mkspace pack 重新打包后提交。",
			"{file} holds no workbook (no .xlsx at its top level): it is not a complete package. Pack again with mkspace pack and resubmit.",
		},
		"pkgcheck.no-workbook.nested": {
			"{file} 的顶层没有工作簿，工作簿在子文件夹中（如 {name}）：打包时多套了一层文件夹。请用 mkspace pack 重新打包后提交。",
			"{file} holds no workbook at its top level; the workbook is in a subfolder (e.g. {name}): a folder too many was packed. Pack again with mkspace pack and resubmit.",
		},
		"pkgcheck.legacy-names": {
			"{file} 中有 {n} 个文件名不是 UTF-8 编码（如“{example}”）：这是 Windows 自带的“发送到→压缩(zipped)文件夹”等旧工具打的包，文件名在其他电脑上会显示为乱码；已拒绝解压。请用 mkspace pack 重新打包；或用 7-Zip 打包，并在“参数”栏填写 cu（使用 UTF-8 文件名）。",
			"{n} file names in {file} are not UTF-8 (e.g. \"{example}\"): it was packed with Windows' built-in \"Send to → Compressed (zipped) folder\" or another old tool, and the names turn to gibberish on other computers; nothing was unpacked. Pack again with mkspace pack, or with 7-Zip with cu in the Parameters box (UTF-8 names).",
		},
		"pkgcheck.outside": {
			"{name} 指向申报材料包之外（经“..”、绝对路径或符号链接），可能是恶意文件；未读取。",
			"{name} leads outside the package (through \"..\", an absolute path or a symbolic link) and may be malicious; it was not read.",
		},
		"pkgcheck.too-large": {
			"{name} 大于 {limit}，未读取。",
			"{name} is larger than {limit} and was not read.",
		},
		"pkgcheck.output-outside": {
			"配置的输出文件夹 {dir} 不在申报材料包内（绝对路径或含“..”），申报书只在包内查找；未查找。请把 mkspace.yaml 中的 output_dir 设为包内的文件夹（默认 output）。",
			"The configured output folder {dir} is not inside the package (an absolute path or \"..\"); the 申报书 is looked for inside the package only. Set output_dir in mkspace.yaml to a folder inside the package (output by default).",
		},
		"pkgcheck.more": {"……另有 {n} 个同类问题未列出。", "… and {n} more of the same kind."},
		"pkgcheck.unsafe-path": {
			"压缩包中的条目“{name}”指向压缩包之外（含“..”或绝对路径），可能是恶意文件；已拒绝解压。",
			"The entry \"{name}\" points outside the archive (\"..\" or an absolute path) and may be malicious; nothing was unpacked.",
		},
		"pkgcheck.bad-name": {
			"压缩包中的条目名“{name}”无效（不是 UTF-8 编码，或含控制字符、Windows 不允许的字符）；已拒绝解压。请用 mkspace pack 重新打包。",
			"The entry name \"{name}\" is not valid (not UTF-8, or with control characters or characters Windows forbids); nothing was unpacked. Pack again with mkspace pack.",
		},
		"pkgcheck.symlink": {
			"压缩包中的条目“{name}”是符号链接；申报材料包只应包含普通文件，已拒绝解压。",
			"The entry \"{name}\" is a symbolic link; a package holds plain files only, so nothing was unpacked.",
		},
		"pkgcheck.symlink-file": {
			"文件夹中的 {name} 是符号链接；申报材料包只应包含普通文件，未继续核验。",
			"{name} in the folder is a symbolic link; a package holds plain files only, so the check stopped.",
		},
		"pkgcheck.special": {
			"“{name}”不是普通文件（设备、管道等）；已拒绝。",
			"\"{name}\" is not a plain file (a device, a pipe…); refused.",
		},
		"pkgcheck.duplicate": {
			"压缩包中有重名的条目“{name}”（不区分大小写时相同）；已拒绝解压。",
			"The archive holds the name \"{name}\" twice (ignoring case); nothing was unpacked.",
		},
		"pkgcheck.bomb": {
			"压缩包中的条目“{name}”解压后过大（超过 {limit}，或超过压缩后大小的 {ratio} 倍），可能是“压缩炸弹”；已停止解压。",
			"The entry \"{name}\" expands too far (over {limit}, or over {ratio} times its packed size): it may be a zip bomb; unpacking stopped.",
		},
		"pkgcheck.bomb-total": {
			"压缩包解压后的总大小超过 {limit}，可能是“压缩炸弹”；已停止解压。",
			"The archive expands to more than {limit} in all: it may be a zip bomb; unpacking stopped.",
		},
		"pkgcheck.too-many": {
			"压缩包中的条目超过 {limit} 个，不像是申报材料包；已拒绝解压。",
			"The archive holds more than {limit} entries, too many for a package; nothing was unpacked.",
		},
		"pkgcheck.encrypted": {
			"压缩包中的“{name}”设有密码，无法核验。请提交不加密的压缩包。",
			"\"{name}\" is password-protected and cannot be checked. Submit an archive without a password.",
		},
		"pkgcheck.corrupt": {
			"压缩包中的“{name}”已损坏或使用了不支持的压缩方式，无法解压。请重新打包后提交。",
			"\"{name}\" is damaged or compressed in an unsupported way and cannot be unpacked. Pack again and resubmit.",
		},
		"pkgcheck.no-manifest": {
			"没有清单 manifest.json：这不是 mkspace pack 生成的申报材料包，无法核对文件是否齐全、是否被修改。",
			"No manifest.json: this was not packed by mkspace pack, so files cannot be checked for completeness or changes.",
		},
		"pkgcheck.bad-manifest": {
			"清单 manifest.json 无法读取：{err}。请用 mkspace pack 重新打包。",
			"manifest.json cannot be read: {err}. Pack again with mkspace pack.",
		},
		"pkgcheck.manifest-name": {
			"清单中的文件名“{name}”无效（含“..”、绝对路径或不允许的字符）。",
			"The manifest names an invalid file \"{name}\" (\"..\", an absolute path or forbidden characters).",
		},
		"pkgcheck.file-missing": {
			"清单中的文件 {name} 不在申报材料包中：打包后被删除了。",
			"{name}, listed in the manifest, is not in the package: it was removed after packing.",
		},
		"pkgcheck.file-size": {
			"{name} 与清单不符：大小 {size} 字节，清单记录 {want} 字节。打包后被修改过。",
			"{name} does not match the manifest: {size} bytes, the manifest says {want}. It changed after packing.",
		},
		"pkgcheck.file-changed": {
			"{name} 与清单不符：SHA-256 校验值不同，打包后被修改过。",
			"{name} does not match the manifest: its SHA-256 differs; it changed after packing.",
		},
		"pkgcheck.file-extra": {
			"{name} 不在清单中：打包后被加入。",
			"{name} is not in the manifest: it was added after packing.",
		},
		"pkgcheck.config":     {"申报材料包中的配置文件无法使用：{err}", "The package's configuration cannot be used: {err}"},
		"pkgcheck.data-error": {"数据错误：{message}", "Data error: {message}"},
		"pkgcheck.data-more": {
			"数据中共有 {n} 个错误（以上列出前 {shown} 个）；运行 mkspace validate 查看全部。",
			"The data has {n} errors in all ({shown} listed above); run mkspace validate to see them all.",
		},
		"pkgcheck.no-pdf": {
			"没有找到申报书（{dir} 文件夹中没有 申报书-*.pdf）。请先运行 mkspace build-pdf。",
			"No 申报书 found (no 申报书-*.pdf in the {dir} folder). Run mkspace build-pdf first.",
		},
		"pkgcheck.pdf-unreadable": {"申报书 {file} 无法读取：{err}", "The 申报书 {file} cannot be read: {err}"},
		"pkgcheck.draft": {
			"申报书 {file} 是草稿（版本号 {version}），不可用于申报。请修正数据后运行 mkspace build-pdf 生成正式版本。",
			"The 申报书 {file} is a draft (version {version}) and cannot be submitted. Fix the data and run mkspace build-pdf.",
		},
		"pkgcheck.unbound": {
			"申报书中没有装订 {n} 个附件（如 {first}），可能是用 --no-attachments 生成的。请重新运行 mkspace build-pdf（不加 --no-attachments）。",
			"The 申报书 does not bind {n} attachment(s) (e.g. {first}); it may have been built with --no-attachments. Run mkspace build-pdf again without it.",
		},
		"pkgcheck.version-mismatch": {
			"申报书的版本号是 {pdf}，清单记录的是 {manifest}：申报书被换成了另一次生成的版本。",
			"The 申报书 carries version {pdf}, the manifest says {manifest}: the 申报书 was swapped for another build.",
		},
		"pkgcheck.digest-mismatch": {
			"清单记录的数据摘要与申报书记录的不同：清单或申报书在打包后被改动过。",
			"The manifest records another digest than the 申报书: the manifest or the 申报书 changed after packing.",
		},

		"summary.file":        {"文件", "file"},
		"summary.name":        {"众创空间名称", "maker space"},
		"summary.operator":    {"运营主体", "operator"},
		"summary.agency":      {"受理机构", "receiving office"},
		"summary.version":     {"版本号", "version"},
		"summary.errors":      {"错误数", "errors"},
		"summary.warnings":    {"警告数", "warnings"},
		"summary.verified":    {"核验通过", "verified"},
		"summary.problem":     {"第一个问题", "first problem"},
		"summary.problems":    {"问题数", "problems"},
		"summary.yes":         {"是", "yes"},
		"summary.no":          {"否", "no"},
		"summary.met":         {"满足", "met"},
		"summary.not-met":     {"未满足", "not met"},
		"summary.manual":      {"请人工确认", "confirm by hand"},
		"summary.elig-prefix": {"自查：", "check: "},

		"summary.elig.operating_months":         {"运营时间", "operating months"},
		"summary.elig.area_or_workstations":     {"场地面积或工位", "area or workstations"},
		"summary.elig.service_area_ratio":       {"场地面积占比", "service area ratio"},
		"summary.elig.public_service_area":      {"公共服务场地", "public service area"},
		"summary.elig.served":                   {"协议入驻团队和企业", "teams and enterprises served"},
		"summary.elig.conversions_or_financing": {"团队转化或获得融资", "conversions or financing"},
		"summary.elig.professional_staff":       {"专职服务人员", "professional staff"},
		"summary.elig.mentors":                  {"创业导师", "mentors"},
		"summary.elig.activities":               {"创新创业活动", "activities"},
	})
}
