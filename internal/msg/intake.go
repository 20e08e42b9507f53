package msg

// Texts of the findings of an intake (package intake): what several
// packages of one run share, for the receiving office to look at.
func init() {
	register(map[string]Text{
		"intake.INTAKE-DUP-ENTERPRISE": {
			ZH: "入驻企业 {value} 出现在 {n} 个申报材料包中，入驻期间重叠：{list}。请核实该企业实际在哪个众创空间入驻孵化。",
			EN: "The enterprise {value} is in {n} packages with overlapping stays: {list}. Check which maker space it is really incubated in.",
		},
		"intake.INTAKE-DUP-ENTERPRISE.info": {
			ZH: "入驻企业 {value} 先后出现在 {n} 个申报材料包中，入驻期间前后衔接（从一个众创空间迁往另一个）：{list}。供知悉，通常无需处理。",
			EN: "The enterprise {value} is in {n} packages, one stay after the other (it moved from one maker space to the next): {list}. For information; usually nothing to do.",
		},
		"intake.INTAKE-DUP-TEAM": {
			ZH: "创业团队 {value} 出现在 {n} 个申报材料包中：{list}。请核实该团队在哪个众创空间入驻。",
			EN: "The team {value} is in {n} packages: {list}. Check which maker space it is in.",
		},
		"intake.INTAKE-DUP-PERSON": {
			ZH: "{value} 在 {n} 个申报材料包中均列为专职人员（姓名相同，且年龄、所在单位或证明材料相同）：{list}。请核实此人是否在多个众创空间专职任职。",
			EN: "{value} is listed as full-time staff in {n} packages (same name, and same age, employer or proof file): {list}. Check whether this person works full time for several maker spaces.",
		},
		"intake.INTAKE-DUP-VENUE": {
			ZH: "服务场地地址 {value} 出现在 {n} 个申报材料包中：{list}。请核实同一场地是否被多个众创空间申报。",
			EN: "The venue address {value} is in {n} packages: {list}. Check whether several maker spaces claim the same venue.",
		},
		"intake.INTAKE-DUP-FILE": {
			ZH: "同一附件文件（SHA-256 {value}）出现在 {n} 个申报材料包中：{list}。通用模板属正常；若为证明材料，请核实。",
			EN: "The same attachment file (SHA-256 {value}) is in {n} packages: {list}. A shared template is normal; if it is a proof, check it.",
		},
		"intake.INTAKE-SAME-APPLICANT": {
			ZH: "同一运营主体（统一社会信用代码 {value}）提交了 {n} 个申报材料包：{list}。{what}",
			EN: "One operator (unified social credit code {value}) sent {n} packages: {list}. {what}",
		},
		"intake.newer": {
			ZH: "较新的是 {package}（生成时间较晚），请以其为准并核实另一份是否撤回。",
			EN: "The newer one is {package} (made later): take it and check that the other is withdrawn.",
		},
		"intake.newer-unknown": {
			ZH: "无法判断哪个较新（缺少或相同的生成时间），请向申报单位核实以哪一份为准。",
			EN: "Which is newer cannot be told (no or equal generation times): ask the applicant which one counts.",
		},
		"intake.place":          {ZH: "{package} 的 {loc}", EN: "{package} {loc}"},
		"intake.place.stay":     {ZH: "{package} 的 {loc}（{start} 至 {end}）", EN: "{package} {loc} ({start} to {end})"},
		"intake.place.version":  {ZH: "{package} 的 {loc}（版本号 {version}，生成于 {at}）", EN: "{package} {loc} (version {version}, made {at})"},
		"intake.place.open-end": {ZH: "今", EN: "now"},
		"intake.place.unknown":  {ZH: "未填", EN: "not given"},
		"intake.heading":        {ZH: "跨包检查（涉及 {n} 个申报材料包）：", EN: "Across the packages ({n} packages involved):"},
		"intake.count": {
			ZH: "跨包检查：{n} 条需受理机构核实的提示（{warnings} 条警告，{ok} 条仅供知悉），不影响退出码。",
			EN: "Across the packages: {n} findings for the office to check ({warnings} warnings, {ok} for information); they do not change the exit code.",
		},
		"intake.package": {ZH: "（跨包）", EN: "(across packages)"},

		"summary.intake":         {ZH: "跨包提示", EN: "across packages"},
		"summary.sheet.main":     {ZH: "汇总", EN: "Summary"},
		"summary.sheet.intake":   {ZH: "跨包重复", EN: "Across packages"},
		"summary.sheet.findings": {ZH: "问题", EN: "Findings"},
		"summary.col.rule":       {ZH: "规则", EN: "rule"},
		"summary.col.severity":   {ZH: "级别", EN: "severity"},
		"summary.col.count":      {ZH: "涉及包数", EN: "packages"},
		"summary.col.key":        {ZH: "重复内容", EN: "shared value"},
		"summary.col.message":    {ZH: "说明", EN: "message"},
		"summary.col.places":     {ZH: "位置", EN: "places"},
		"summary.col.package-n":  {ZH: "申报材料包 {n}", EN: "package {n}"},
		"summary.col.package":    {ZH: "申报材料包", EN: "package"},
		"summary.col.workbook":   {ZH: "工作簿", EN: "workbook"},
		"summary.col.location":   {ZH: "位置", EN: "location"},
		"summary.link-tip":       {ZH: "转到汇总表中的该申报材料包", EN: "go to the package in the summary"},
		"report.info":            {ZH: "提示", EN: "info"},

		"verify.flag.merge": {
			ZH: "参数为多次核验写出的 JSON 汇总表（--summary x.json）：合并为一份，并对全部申报材料包做跨包检查",
			EN: "the arguments are JSON summaries of several runs (--summary x.json): merge them and compare all their packages",
		},
		"verify.merge-none":   {ZH: "--merge 需要至少一个 JSON 汇总表（mkspace verify … --summary x.json 写出）。", EN: "--merge needs at least one JSON summary (written by mkspace verify … --summary x.json)."},
		"verify.merge-bad":    {ZH: "{file} 不是 mkspace 写出的 JSON 汇总表，请用 mkspace verify … --summary x.json 重新生成。", EN: "{file} is not a JSON summary written by mkspace: write it again with mkspace verify … --summary x.json."},
		"verify.merge.ok":     {ZH: "通过：{file}（{name}）", EN: "passed: {file} ({name})"},
		"verify.merge.failed": {ZH: "未通过：{file}（{name}）：{message}", EN: "failed: {file} ({name}): {message}"},

		"report.rule.INTAKE-DUP-ENTERPRISE": {ZH: "同一入驻企业出现在多个申报材料包中", EN: "one enterprise in several packages"},
		"report.rule.INTAKE-DUP-TEAM":       {ZH: "同一创业团队出现在多个申报材料包中", EN: "one team in several packages"},
		"report.rule.INTAKE-DUP-PERSON":     {ZH: "同一专职人员出现在多个申报材料包中", EN: "one full-time person in several packages"},
		"report.rule.INTAKE-DUP-VENUE":      {ZH: "同一服务场地地址出现在多个申报材料包中", EN: "one venue address in several packages"},
		"report.rule.INTAKE-DUP-FILE":       {ZH: "同一附件文件出现在多个申报材料包中", EN: "one attachment file in several packages"},
		"report.rule.INTAKE-SAME-APPLICANT": {ZH: "同一运营主体提交了多个申报材料包", EN: "one operator sent several packages"},
	})
}
