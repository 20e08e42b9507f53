package msg

// Texts of the command layer: errors that stop a command (exit 2).
func init() {
	register(map[string]Text{
		"cli.config-unreadable": {
			ZH: "无法读取配置文件 {file}：{err}。请检查 YAML 格式（可用 mkspace init 生成的 mkspace.yaml 作参照）。",
			EN: "cannot read the config file {file}: {err}. Check its YAML (compare with the mkspace.yaml that mkspace init writes).",
		},
		"cli.config-invalid": {
			ZH: "配置项 {key} 的值 {value} 无效：{err}",
			EN: "config key {key} has an invalid value {value}: {err}",
		},
		"cli.config-unknown-list": {
			ZH: "配置项 options 中的 {name} 不是可替换的选项列表（可用：tenure 产权情况、education 学历、employment 专职/兼职、activity_kind 活动类型）。",
			EN: "options.{name} is not a replaceable option list (use tenure, education, employment or activity_kind).",
		},
		"cli.bad-lang": {
			ZH: "不支持的语言 {value}，请使用 zh 或 en。",
			EN: "unsupported language {value}: use zh or en.",
		},
		"cli.exists": {
			ZH: "文件 {file} 已存在，未做任何修改。如需覆盖，请加 --force；或用 -o 指定其他文件名。",
			EN: "{file} already exists and was left unchanged. Add --force to overwrite it, or choose another name with -o.",
		},
		"cli.write-failed": {
			ZH: "无法写入 {file}：{err}。请检查该文件夹是否存在、是否有写入权限、磁盘是否已满。",
			EN: "cannot write {file}: {err}. Check that the folder exists, is writable and the disk is not full.",
		},
		"cli.unknown-sheet": {
			ZH: "没有名为 {name} 的表。可选：{names}",
			EN: "there is no sheet called {name}. Choose from: {names}",
		},
		"cli.failed": {
			ZH: "mkspace：{err}",
			EN: "mkspace: {err}",
		},
	})
}

func init() {
	register(map[string]Text{
		"cli.bad-flags": {
			ZH: "命令参数有误：{err}。运行 {cmd} --help 查看用法。",
			EN: "bad arguments: {err}. Run {cmd} --help for usage.",
		},
	})
}
