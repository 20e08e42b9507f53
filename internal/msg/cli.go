package msg

// Texts of the command layer: errors that stop a command (exit 2).
func init() {
	register(map[string]Text{
		"cli.bad-lang": {
			ZH: "不支持的语言 {value}，请使用 zh 或 en。",
			EN: "unsupported language {value}: use zh or en.",
		},
		"cli.exists": {
			ZH: "文件 {file} 已存在，未做任何修改。如需覆盖，请加 --force；或用 -o 指定其他文件名。",
			EN: "{file} already exists and was left unchanged. Add --force to overwrite it, or choose another name with -o.",
		},
		"cli.write-failed": {
			ZH: "无法写入 {file}：{err}。",
			EN: "cannot write {file}: {err}.",
		},
		"cli.unknown-sheet": {
			ZH: "没有名为 {name} 的表。可选：{names}",
			EN: "there is no sheet called {name}. Choose from: {names}",
		},
		"cli.cannot-use": {
			ZH: "无法使用 {path}：{err}。",
			EN: "cannot use {path}: {err}.",
		},
		"cli.os-failed": {
			ZH: "无法完成：{err}。",
			EN: "could not finish: {err}.",
		},
		"cli.failed": {
			ZH: "mkspace 遇到了意外的问题：{err}。这是 mkspace 自身的问题，请把这条信息反馈给维护者。",
			EN: "mkspace met an unexpected problem: {err}. This is a fault of mkspace: please report this message.",
		},
	})
}

func init() {
	register(map[string]Text{
		"cli.bad-flags": {
			ZH: "命令参数有误：{err}。运行 {cmd} --help 查看用法。",
			EN: "bad arguments: {err}. Run {cmd} --help for usage.",
		},
		"cli.flag-unknown": {
			ZH: "没有 {flag} 这个选项",
			EN: "there is no option {flag}",
		},
		"cli.flag-needs-value": {
			ZH: "选项 {flag} 后面须跟一个值",
			EN: "the option {flag} needs a value",
		},
		"cli.flag-bad-value": {
			ZH: "选项 {flag} 的值 {value} 无效，{want}",
			EN: "the option {flag} has an invalid value {value}: {want}",
		},
		"cli.flag-syntax": {
			ZH: "无法识别选项 {flag} 的写法（选项写作 --名称 或 -字母）",
			EN: "{flag} is not written as an option is (--name or -letter)",
		},
		"cli.want.int": {
			ZH: "应为整数，例如 10",
			EN: "write a whole number, e.g. 10",
		},
		"cli.want.bool": {
			ZH: "只需写选项本身，不带值（或写 =true、=false）",
			EN: "write the option alone, without a value (or =true, =false)",
		},
		"cli.want.other": {
			ZH: "请按 --help 中的说明填写",
			EN: "see --help for what it takes",
		},
		"cli.bad-args": {
			ZH: "命令 {cmd} 的参数个数不对（给出了 {n} 个）。用法：{use}。运行 {cmd} --help 查看说明。",
			EN: "wrong number of arguments for {cmd} ({n} given). Usage: {use}. Run {cmd} --help for details.",
		},
		"cli.unknown-command": {
			ZH: "没有 {name} 这个命令。{hint}可用的命令：{commands}。运行 mkspace --help 查看说明。",
			EN: "there is no command {name}. {hint}The commands are: {commands}. Run mkspace --help for details.",
		},
		"cli.did-you-mean": {
			ZH: "是否应为 {name}？",
			EN: "Did you mean {name}? ",
		},
	})
}
