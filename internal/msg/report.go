package msg

// Texts of the validation reports (package report): severities, count lines,
// group headings and the short description of every rule id (SARIF
// tool.driver.rules).
func init() {
	register(map[string]Text{
		"report.error":         {ZH: "错误", EN: "error"},
		"report.warning":       {ZH: "警告", EN: "warning"},
		"report.errors-one":    {ZH: "1 个错误", EN: "1 error"},
		"report.errors-many":   {ZH: "{n} 个错误", EN: "{n} errors"},
		"report.warnings-one":  {ZH: "1 个警告", EN: "1 warning"},
		"report.warnings-many": {ZH: "{n} 个警告", EN: "{n} warnings"},
		"report.count": {
			ZH: "共 {errors}，{warnings}",
			EN: "{errors}, {warnings}",
		},
		"report.no-findings": {
			ZH: "未发现问题。",
			EN: "No problems found.",
		},
		"report.more": {
			ZH: "…另有 {n} 条未列出（计数包含全部问题；--max-findings 0 可全部列出）",
			EN: "… +{n} more not listed (the counts include them; --max-findings 0 lists all)",
		},
		"report.package-heading": {
			ZH: "【{name}】",
			EN: "[{name}]",
		},
		"report.package-count": {
			ZH: "{name}：{count}",
			EN: "{name}: {count}",
		},
		"report.total": {
			ZH: "合计 {n} 个申报材料包：{count}",
			EN: "All {n} packages: {count}",
		},
		"report.package-level": {
			ZH: "（申报材料包）",
			EN: "(package)",
		},
		"report.file-level": {
			ZH: "文件",
			EN: "files",
		},
		"report.passed": {
			ZH: "检查通过",
			EN: "passed",
		},
		"report.not-listed-case": {
			ZH: "未列出的问题",
			EN: "findings not listed",
		},
		"report.detail": {
			ZH: "规则：{rule}\n级别：{severity}\n位置：{location}\n文件：{file}\n列：{column}\n值：{value}\n\n{message}",
			EN: "rule: {rule}\nseverity: {severity}\nlocation: {location}\nfile: {file}\ncolumn: {column}\nvalue: {value}\n\n{message}",
		},

		// Short descriptions of the rule ids (SPEC §2).
		"report.rule.FILE-UNREADABLE":            {ZH: "文件无法作为 .xlsx 工作簿读取", EN: "the file cannot be read as an .xlsx workbook"},
		"report.rule.SHEET-MISSING":              {ZH: "缺少数据表", EN: "a data sheet is missing"},
		"report.rule.SHEET-DUPLICATE":            {ZH: "同一数据表出现在多个文件中", EN: "a data sheet is in more than one file"},
		"report.rule.SHEET-UNKNOWN":              {ZH: "无法识别的表", EN: "a sheet that is not part of the form"},
		"report.rule.HEADER-NOT-FOUND":           {ZH: "前 10 行中找不到表头", EN: "no header row in rows 1–10"},
		"report.rule.COLUMN-MISSING":             {ZH: "缺少列", EN: "a column is missing"},
		"report.rule.COLUMN-DUPLICATE":           {ZH: "列重复", EN: "a column appears twice"},
		"report.rule.COLUMN-UNKNOWN":             {ZH: "无法识别的列", EN: "a column that is not part of the form"},
		"report.rule.CELL-REQUIRED":              {ZH: "必填项为空", EN: "a required value is empty"},
		"report.rule.CELL-NOT-FILLABLE":          {ZH: "不可填项目填了内容", EN: "a value where the row's state says it must stay empty"},
		"report.rule.CELL-TYPE":                  {ZH: "值的类型不对", EN: "a value that does not parse as the column's type"},
		"report.rule.CELL-ENUM":                  {ZH: "不是可选项之一", EN: "a value that is not one of the options"},
		"report.rule.CELL-RANGE":                 {ZH: "数值超出允许范围", EN: "a number outside its range"},
		"report.rule.CELL-TOO-LONG":              {ZH: "文字超过长度上限", EN: "text longer than allowed"},
		"report.rule.CELL-FORMAT":                {ZH: "电话、电子邮箱或网址格式不对", EN: "a malformed phone number, e-mail address or URL"},
		"report.rule.USCC-INVALID":               {ZH: "统一社会信用代码格式不对", EN: "a malformed unified social credit code"},
		"report.rule.USCC-CHECK-DIGIT":           {ZH: "统一社会信用代码校验位不对", EN: "a unified social credit code with a wrong check digit"},
		"report.rule.DUPLICATE-VALUE":            {ZH: "应唯一的值重复出现", EN: "a value that must be unique appears again"},
		"report.rule.DATE-AFTER-WINDOW":          {ZH: "日期晚于填报期截止日", EN: "a date after the end of the reporting window"},
		"report.rule.DATE-OUTSIDE-WINDOW":        {ZH: "活动日期不在填报期内", EN: "an activity date outside the reporting window"},
		"report.rule.DATE-ORDER":                 {ZH: "日期早于其应晚于的日期", EN: "a date before the date it must follow"},
		"report.rule.TEAM-STATUS-CONFLICT":       {ZH: "创业团队既已转化为企业又已迁出", EN: "a team both converted to an enterprise and moved out"},
		"report.rule.VENUE-AREA-SUM":             {ZH: "各部分面积之和不等于众创空间面积", EN: "venue areas do not add up"},
		"report.rule.ATTACHMENT-OUTSIDE":         {ZH: "附件路径在申报材料包之外", EN: "an attachment path that leaves the package folder"},
		"report.rule.ATTACHMENT-MISSING":         {ZH: "附件文件不存在", EN: "an attachment file that does not exist"},
		"report.rule.ATTACHMENT-NOT-PDF":         {ZH: "附件不是 PDF 文件", EN: "an attachment that is not a PDF"},
		"report.rule.ATTACHMENT-TOO-LARGE":       {ZH: "附件超过大小上限", EN: "an attachment larger than allowed"},
		"report.rule.ATTACHMENT-UNREADABLE":      {ZH: "附件 PDF 无法打开", EN: "an attachment PDF that cannot be opened"},
		"report.rule.ATTACHMENT-PAGE-TOO-SMALL":  {ZH: "附件页面小于 A7，印在申报书中难以看清", EN: "an attachment page too small to read in the printed document"},
		"report.rule.XREF-TEAM-UNKNOWN":          {ZH: "入驻企业所填团队名称在创业团队表中不存在", EN: "an enterprise names a team that is not in 创业团队"},
		"report.rule.XREF-TEAM-NOT-CONVERTED":    {ZH: "入驻企业所填团队未标记为已转化为企业", EN: "an enterprise names a team that is not marked as converted"},
		"report.rule.XREF-REGDATE-MISMATCH":      {ZH: "企业注册时间与团队的转化为企业注册时间不一致", EN: "the enterprise's registration date differs from its team's"},
		"report.rule.XREF-TEAM-MULTI-ENTERPRISE": {ZH: "多个入驻企业填了同一个团队", EN: "two enterprises name the same team"},
		"report.rule.XREF-TEAM-NO-ENTERPRISE":    {ZH: "已转化为企业的团队没有对应的入驻企业", EN: "a converted team that no enterprise names"},
		"report.rule.ELIG":                       {ZH: "备案条件未满足：{key}", EN: "registration condition not met: {key}"},
	})
}
