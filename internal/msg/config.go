package msg

// Texts of the configuration (mkspace.yaml, --config FILE, MKSPACE_*
// variables): what cannot be read, settings that do not exist, values
// that do not fit. Commands stop on them (exit 2).
func init() {
	register(map[string]Text{
		"config.unreadable": {
			ZH: "无法读取配置文件 {file}：{err}。",
			EN: "cannot read the config file {file}: {err}.",
		},
		"config.not-utf8": {
			ZH: "配置文件 {file} 不是 UTF-8 编码（可能是用记事本按 ANSI 或 GBK 保存的）。请用记事本打开它，“另存为”时把编码选为 UTF-8。",
			EN: "the config file {file} is not UTF-8 (perhaps saved by Notepad as ANSI or GBK). Open it and save it again with the encoding UTF-8.",
		},
		"config.syntax": {
			ZH: "{where}：YAML 格式有误。请检查这一行和上一行的冒号、缩进、括号和引号是否成对；可参照 mkspace init 生成的 mkspace.yaml。",
			EN: "{where}: the YAML is malformed. Check the colons, indentation, brackets and quotes of this line and the one before; compare with the mkspace.yaml that mkspace init writes.",
		},
		"config.syntax-tab": {
			ZH: "{where}：这一行用 Tab 键缩进，而 YAML 只能用空格缩进。请把 Tab 换成空格（每级两个空格）。",
			EN: "{where}: this line is indented with a tab, and YAML allows spaces only. Replace the tab with spaces (two a level).",
		},
		"config.not-mapping": {
			ZH: "{where}：配置文件应由“配置项: 值”的行组成，例如 lang: zh。可参照 mkspace init 生成的 mkspace.yaml。",
			EN: "{where}: the config file must consist of \"setting: value\" lines, e.g. lang: zh. Compare with the mkspace.yaml that mkspace init writes.",
		},
		"config.duplicate": {
			ZH: "{where}：配置项 {key} 重复出现（第一次在第 {first} 行）。请删除其中一处。",
			EN: "{where}: {key} is set twice (first at line {first}). Delete one of them.",
		},
		"config.unknown": {
			ZH: "{where}：没有配置项 {key}，是否应为 {suggest}？请改正拼写：拼错的配置项不会生效。",
			EN: "{where}: there is no setting {key}; did you mean {suggest}? Correct it: a misspelt setting has no effect.",
		},
		"config.unknown-none": {
			ZH: "{where}：没有配置项 {key}（此处可用的配置项：{known}）。请改正拼写或删除这一行：拼错的配置项不会生效。",
			EN: "{where}: there is no setting {key} (the settings here are {known}). Correct or delete the line: a misspelt setting has no effect.",
		},
		"config.env-unknown": {
			ZH: "环境变量 {name} 不是 mkspace 的设置，是否应为 {suggest}？请改正变量名，或删除该变量。",
			EN: "the environment variable {name} is not a setting of mkspace; did you mean {suggest}? Correct its name or remove it.",
		},
		"config.not-value": {
			ZH: "{where}：配置项 {key} 应为单个值（默认值为 {example}），不能是列表或多项设置。",
			EN: "{where}: {key} takes a single value (its default is {example}), not a list or a group of settings.",
		},
		"config.empty": {
			ZH: "{where}：配置项 {key} 没有填写值。请填写（默认值为 {example}），或删除这一行以使用默认值。",
			EN: "{where}: {key} has no value. Fill it in (the default is {example}) or delete the line to use the default.",
		},
		"config.not-group": {
			ZH: "{where}：{key} 下应为各项设置，每项一行并缩进，例如 {example}。",
			EN: "{where}: {key} holds settings, one a line and indented, e.g. {example}.",
		},
		"config.not-list": {
			ZH: "{where}：{key} 应为选项列表，例如 {example}。",
			EN: "{where}: {key} must be a list of options, e.g. {example}.",
		},
		"config.empty-list": {
			ZH: "{where}：选项列表 {key} 是空的。请至少填写一个选项，或删除这一行以使用默认选项。",
			EN: "{where}: the option list {key} is empty. List at least one option, or delete the line to use the default options.",
		},
		"config.invalid": {
			ZH: "{where}：配置项 {key} 的值 {value} 无效，{want}。",
			EN: "{where}: {key} has an invalid value {value}: {want}.",
		},
		"config.window-order": {
			ZH: "{where}：填报期的结束日期 window.end（{end}）早于开始日期 window.start（{start}）。请检查这两个日期。",
			EN: "{where}: the window ends (window.end, {end}) before it starts (window.start, {start}). Check both dates.",
		},
		"config.where-line": {ZH: "{file} 第 {line} 行", EN: "{file}, line {line}"},
		"config.where-file": {ZH: "{file}", EN: "{file}"},
		"config.where-env":  {ZH: "环境变量 {name}", EN: "environment variable {name}"},
		"config.want.date": {
			ZH: "应为日期，写作 YYYY-MM-DD，例如 2021-10-31",
			EN: "write a date as YYYY-MM-DD, e.g. 2021-10-31",
		},
		"config.want.count": {
			ZH: "应为不小于 0 的整数，例如 {example}",
			EN: "write a whole number, 0 or more, e.g. {example}",
		},
		"config.want.positive": {
			ZH: "应为大于 0 的整数，例如 {example}",
			EN: "write a whole number above 0, e.g. {example}",
		},
		"config.want.number": {
			ZH: "应为不小于 0 的数，例如 {example}",
			EN: "write a number, 0 or more, e.g. {example}",
		},
		"config.want.size": {
			ZH: "应为大于 0 的大小：字节数（例如 3145728），或数字加单位，例如 3MB、3 MiB、500KB。这里 1 MB = 1 MiB = 1,048,576 字节，所以 3MB 就是“不大于3M”的 3,145,728 字节",
			EN: "write a size above 0: a number of bytes (e.g. 3145728) or a number and a unit, e.g. 3MB, 3 MiB, 500KB. Here 1 MB = 1 MiB = 1,048,576 bytes, so 3MB is the form's 3M, 3,145,728 bytes",
		},
		"config.want.font": {
			ZH: "应为一个 TrueType 字体文件名（.ttf），或按顺序排列的字体文件名列表，例如 [builtin, HanaMinA.ttf, HanaMinB.ttf]",
			EN: "name one TrueType font file (.ttf), or a list of them in order, e.g. [builtin, HanaMinA.ttf, HanaMinB.ttf]",
		},
		"config.want.choice": {
			ZH: "可选的值：{choices}",
			EN: "choose one of: {choices}",
		},
		"config.changed": {
			ZH: "{key}: {value}（默认 {default}）",
			EN: "{key}: {value} (default {default})",
		},
		"config.changed-empty": {ZH: "（空）", EN: "(empty)"},
		"verify.settings": {
			ZH: "注意：检查所用的配置与默认值不同：{list}",
			EN: "Note: checked with settings that differ from the defaults: {list}",
		},
		"summary.settings": {ZH: "与默认值不同的配置", EN: "settings changed from defaults"},
	})
}
