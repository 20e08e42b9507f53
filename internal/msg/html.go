package msg

// Texts of the HTML pages: the report of `validate --format html` and the
// office's table of `verify --summary FILE.html`, and the short summary a
// double-click prints on Windows.
func init() {
	register(map[string]Text{
		"html.title":          {"{name} 检查报告", "Check report: {name}"},
		"html.title-several":  {"检查报告（{n} 个申报材料包）", "Check report ({n} packages)"},
		"html.space":          {"众创空间名称", "Maker space"},
		"html.operator":       {"运营主体", "Operator"},
		"html.agency":         {"受理机构", "Receiving office"},
		"html.version":        {"检查工具版本", "Checked with"},
		"html.window":         {"填报期", "Window"},
		"html.window-value":   {"{start} 至 {end}", "{start} to {end}"},
		"html.unknown":        {"（未填写）", "(not filled in)"},
		"html.counts":         {"检查结果", "Result"},
		"html.errors":         {"错误", "errors"},
		"html.warnings":       {"警告", "warnings"},
		"html.ok":             {"没有错误，可以生成申报书。", "No errors: the application document can be built."},
		"html.not-ok":         {"请先改正下列错误，再重新检查。", "Correct the errors below, then check again."},
		"html.selfcheck":      {"备案条件自查", "Registration self-check"},
		"html.intake":         {"跨包重复（供受理机构核查）", "Across the packages (for the office to look at)"},
		"html.intake-note":    {"同一企业、团队、人员、场地或附件文件出现在多个申报材料包中。这些提示不计入任何申报材料包的错误和警告。", "The same enterprise, team, person, venue or attachment file appears in several packages. These notes count towards no package's errors or warnings."},
		"html.selfcheck-note": {"自查只看表格中的数据；是否备案由主管部门决定。", "The self-check reads the workbook's data only; the authorities decide on registration."},
		"html.condition":      {"条件", "Condition"},
		"html.result":         {"结果", "Result"},
		"html.required":       {"要求", "Required"},
		"html.actual":         {"实际", "Actual"},
		"html.part-required":  {"要求：{required}", "Required: {required}"},
		"html.part-actual":    {"实际：{actual}", "Actual: {actual}"},
		"html.met":            {"满足", "met"},
		"html.not-met":        {"不满足", "not met"},
		"html.manual":         {"请人工确认", "confirm by hand"},
		"html.findings":       {"问题清单", "Findings"},
		"html.sort-hint":      {"点击表头可按该列排序。", "Click a column heading to sort by it."},
		"html.col.cell":       {"单元格", "Cell"},
		"html.col.severity":   {"级别", "Severity"},
		"html.col.rule":       {"规则", "Rule"},
		"html.col.problem":    {"问题", "Problem"},
		"html.col.advice":     {"怎么改", "What to do"},
		"html.package-level":  {"申报材料包", "Package"},
		"html.more": {
			ZH: "另有 {n} 条问题未列出（上面的计数包含全部问题；加 --max-findings 0 可全部列出）。",
			EN: "{n} more findings are not listed (the counts above include them; add --max-findings 0 to list all).",
		},
		"html.no-findings": {"未发现问题。", "No problems found."},
		"html.totals":      {"汇总数据（按网上填报表分组）", "Totals (in the online form's groups)"},
		"html.no-totals":   {"数据无法读取，没有汇总。", "The data could not be read: no totals."},
		"html.footer":      {"由 mkspace {version} 生成。本页不联网，可直接打印（A4）。", "Made by mkspace {version}. This page uses no network and prints on A4."},

		"html.summary.title":  {"批量核验汇总", "Batch summary"},
		"html.summary.counts": {"共 {n} 个申报材料包：{ok} 个通过，{failed} 个未通过。", "{n} packages: {ok} passed, {failed} failed."},

		"click.checking": {
			ZH: "正在检查文件夹：{dir}",
			EN: "Checking the folder {dir}",
		},
		"click.result": {
			ZH: "检查完成：{count}。",
			EN: "Checked: {count}.",
		},
		"click.report": {
			ZH: "检查报告已保存到：{file}（已在浏览器中打开）",
			EN: "The report is saved as {file} (opened in the browser)",
		},
		"click.open-failed": {
			ZH: "无法自动打开浏览器，请双击打开：{file}",
			EN: "The browser could not be opened; double-click {file} to open it",
		},
		"click.failed": {
			ZH: "检查未能完成：{err}",
			EN: "The check could not run: {err}",
		},
		"click.press-enter": {
			ZH: "按回车键关闭此窗口。",
			EN: "Press Enter to close this window.",
		},
	})
}
