package msg

// Texts of `mkspace validate`: help, flag descriptions, and the errors that
// stop it (exit 2).
func init() {
	register(map[string]Text{
		"validate.short": {
			ZH: "检查填好的工作簿和附件",
			EN: "check filled workbooks and their attachments",
		},
		"validate.long": {
			ZH: `检查申报材料包中填好的工作簿和附件 PDF，逐个单元格报告问题。

不带参数时检查当前文件夹。参数可以是：
  文件夹     一个申报材料包：读取其中所有 .xlsx（不含隐藏文件和 ~$ 临时文件）；
  .xlsx 文件 同一文件夹下给出的几个工作簿合起来作为一个申报材料包；
  .zip 文件  一个打包好的申报材料包。
给出多个申报材料包时并行检查，按参数顺序分别报告，最后给出合计。
每个申报材料包使用其文件夹中的 mkspace.yaml（--config 可指定其他配置文件）。

报告格式（--format，默认 text）：
  text    按文件、表分组，按行排序，最后一行是错误和警告的数量
  json    机器可读，含填报期、文件、计数和每个问题；多个申报材料包时为
          {"packages": [每个包一个对象], "summary": {合计}}
  sarif   SARIF 2.1.0，可上传到 GitHub 代码扫描（最多列出 25,000 条，即代码扫描的上限）
  junit   JUnit XML，每张表一个测试套件
  github  GitHub Actions 注释（::error / ::warning），最后一行 ::notice 汇总
--output 把报告写入文件；--report 格式=文件 可重复，在同一次运行中另外写出其他格式，
例如终端看 text，同时写出 sarif 和 junit 文件。文件先写入临时文件再改名，不会留下半个文件。
--max-findings N 最多列出 N 条问题（计数始终包含全部问题）。

退出码：
  0  没有错误（可以有警告）
  1  发现错误；加 --strict 时有警告也算
  2  无法运行：参数有误、路径不存在、配置文件无法读取、报告无法写入`,
			EN: `Checks the filled workbooks and attachment PDFs of packages and reports each problem at its cell.

Without arguments it checks the current folder. Each argument is:
  a folder       one package: every .xlsx in it (not hidden files, not ~$ lock files);
  .xlsx files    the workbooks given from one folder together form one package;
  a .zip file    a packed package.
Several packages are checked in parallel and reported in argument order, then a total.
Each package uses the mkspace.yaml in its folder (--config names another file).

Formats (--format, default text):
  text    grouped by file and sheet, ordered by row, with a closing count line
  json    machine-readable: window, files, counts and every finding; several packages
          give {"packages": [one object each], "summary": {totals}}
  sarif   SARIF 2.1.0, for GitHub code scanning (lists at most 25,000 results, its limit)
  junit   JUnit XML, a test suite per sheet
  github  GitHub Actions annotations (::error / ::warning), then a ::notice summary
--output writes the report to a file; --report FORMAT=FILE (repeatable) writes further
formats in the same run, e.g. text on the terminal plus SARIF and JUnit files. Files are
written to a temporary file first and then renamed: never half a file.
--max-findings N lists at most N findings (the counts always include all).

Exit status:
  0  no errors (warnings allowed)
  1  errors found; with --strict, warnings too
  2  could not run: bad flags, a path that does not exist, an unreadable config, a report that cannot be written`,
		},
		"validate.flag.format": {
			ZH: "报告格式：{formats}",
			EN: "report format: {formats}",
		},
		"validate.flag.output": {
			ZH: "把报告写入该文件（默认输出到终端）",
			EN: "write the report to this file (default: standard output)",
		},
		"validate.flag.report": {
			ZH: "另外写出一种格式的报告，格式=文件，可重复，如 sarif=结果.sarif",
			EN: "also write a report in another format, FORMAT=FILE, repeatable, e.g. sarif=results.sarif",
		},
		"validate.flag.max-findings": {
			ZH: "最多列出的问题条数，0 表示全部（计数不受影响）；html 报告不指定时最多列出 2000 条",
			EN: "list at most this many findings, 0 for all (the counts are not affected); the html report lists 2,000 unless given",
		},
		"validate.flag.summary": {
			ZH: "把每个申报材料包的结果写入汇总表（.csv 可用 Excel 打开，.xlsx 工作簿，或 .json）：名称、运营主体、受理机构、错误和警告数、备案条件自查、跨包重复",
			EN: "write one row per package to a summary table (.csv for Excel, an .xlsx workbook, or .json): name, operator, office, errors and warnings, the self-check, findings across packages",
		},
		"validate.flag.strict": {
			ZH: "有警告也以退出码 1 结束（含备案条件自查未满足）",
			EN: "exit 1 on warnings too (including unmet registration conditions)",
		},

		"validate.bad-format": {
			ZH: "不支持的报告格式“{value}”。可用的格式：{formats}。",
			EN: "unknown report format \"{value}\". Use one of: {formats}.",
		},
		"validate.bad-report": {
			ZH: "--report 的值“{value}”有误：应写成 格式=文件，如 sarif=结果.sarif。可用的格式：{formats}。",
			EN: "--report \"{value}\" is not FORMAT=FILE, e.g. sarif=results.sarif. Formats: {formats}.",
		},
		"validate.bad-max-findings": {
			ZH: "--max-findings 应为 0 或正整数（0 表示全部列出），而不是 {value}。",
			EN: "--max-findings must be 0 or a positive whole number (0 lists all), not {value}.",
		},
		"validate.same-file": {
			ZH: "两份报告不能写入同一个文件 {file}，请为每种格式指定不同的文件名。",
			EN: "two reports cannot go to the same file {file}: give each format its own file name.",
		},
		"validate.no-such-path": {
			ZH: "找不到 {path}。请检查申报材料包文件夹或工作簿的路径是否正确。",
			EN: "{path} does not exist. Check the path of the package folder or workbook.",
		},
		"validate.failed": {
			ZH: "无法检查申报材料包 {name}：{err}",
			EN: "could not check the package {name}: {err}",
		},
		"validate.written": {
			ZH: "{format} 报告已写入 {file}",
			EN: "{format} report written to {file}",
		},
		"validate.progress": {
			ZH: "检查中",
			EN: "checking",
		},
	})
}
