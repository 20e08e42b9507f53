package msg

// Texts about where a command writes, about an interrupted run, and about
// shell completion: errors that stop a command (exit 2), and the help
// line on exit statuses 130 and 143.
func init() {
	register(map[string]Text{
		"cli.output-is-input": {
			ZH: "不能把结果写入 {file}：这是本次读取的申报材料文件（工作簿、配置文件、附件或正在核验的文件），写入会毁掉它，加 --force 也不会覆盖。未做任何修改。请另选一个文件名，例如写到 output 文件夹或申报材料包以外的文件夹中。",
			EN: "will not write to {file}: it is a file this run reads (a workbook, the config, an attachment or the file being verified), and writing would destroy it — --force does not change that. Nothing was changed. Choose another name, e.g. in the output folder or outside the package.",
		},
		"cli.output-is-input-as": {
			ZH: "不能把结果写入 {file}：它与本次读取的申报材料文件 {input} 是同一个文件（链接或不同写法的同一路径），写入会毁掉它，加 --force 也不会覆盖。未做任何修改。请另选一个文件名。",
			EN: "will not write to {file}: it is the same file as {input}, which this run reads (a link, or another spelling of the path), and writing would destroy it — --force does not change that. Nothing was changed. Choose another name.",
		},
		"cli.output-is-folder": {
			ZH: "{file} 是一个文件夹，不能作为输出文件（加 --force 也不会替换文件夹）。请写出完整的文件名，例如 {example}。",
			EN: "{file} is a folder, not a file to write (--force does not replace a folder). Give a file name, e.g. {example}.",
		},
		"buildpdf.not-pdf-name": {
			ZH: "申报书的文件名应以 .pdf 结尾：{file}。请改为例如 {example}。",
			EN: "the 申报书 should be named with .pdf at the end: {file}. Use e.g. {example}.",
		},
		"buildpdf.log-locked": {
			ZH: "无法写入版本记录 {file}，申报书未生成，也没有记录新版本。这个文件可能正在 Excel 或 WPS 中打开（打开时会被锁定），或者是只读的，或者同名的是一个文件夹。请关闭它（或取消只读）后重新运行 mkspace build-pdf。",
			EN: "cannot write the version log {file}: no 申报书 was written and no version recorded. The file may be open in Excel or WPS (which locks it), read-only, or a folder of that name. Close it (or make it writable) and run mkspace build-pdf again.",
		},
		"cli.interrupting": {
			ZH: "正在停止，清理临时文件……（再按一次 Ctrl+C 立即退出，临时文件可能留下）",
			EN: "Stopping and removing temporary files… (press Ctrl+C again to quit at once; temporary files may be left)",
		},
		"cli.interrupted": {
			ZH: "已中断（{signal}）：没有写出结果文件，临时文件已删除。",
			EN: "Interrupted ({signal}): no result was written and the temporary files were removed.",
		},
		"cli.signal.interrupt": {ZH: "Ctrl+C", EN: "Ctrl+C"},
		"cli.signal.terminate": {ZH: "收到终止信号 SIGTERM", EN: "SIGTERM received"},
		"cli.exit-interrupt": {
			ZH: "退出码 130：被 Ctrl+C 中断；143：被终止（SIGTERM）。中断时不写出结果文件，并删除临时文件。",
			EN: "Exit status 130: interrupted with Ctrl+C; 143: terminated (SIGTERM). An interrupted run writes no result and removes its temporary files.",
		},
		"cli.completion-shell": {
			ZH: "不支持为 {shell} 生成自动补全脚本。支持的 shell：bash、zsh、fish、powershell，例如 mkspace completion bash。",
			EN: "cannot write a completion script for {shell}. Supported shells: bash, zsh, fish and powershell; e.g. mkspace completion bash.",
		},
	})
}
