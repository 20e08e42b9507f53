package msg

// Texts of the marked-up copy of a workbook (`validate --annotate`): the
// 检查结果 sheet, the notes, and what validate says about the copies.
func init() {
	register(map[string]Text{
		"annotate.col.severity": {ZH: "级别", EN: "Severity"},
		"annotate.col.sheet":    {ZH: "表", EN: "Sheet"},
		"annotate.col.cell":     {ZH: "单元格", EN: "Cell"},
		"annotate.col.problem":  {ZH: "问题", EN: "Problem"},
		"annotate.col.fix":      {ZH: "怎么改", EN: "How to fix"},
		"annotate.col.rule":     {ZH: "规则", EN: "Rule"},
		"annotate.none": {
			ZH: "没有发现问题。",
			EN: "No problems found.",
		},
		"annotate.workbook-level": {
			ZH: "整个工作簿",
			EN: "whole workbook",
		},
		"annotate.note-rule": {ZH: "（{rule}）", EN: " ({rule})"},
		"annotate.written": {
			ZH: "已写出标注问题的工作簿副本：{file}（原工作簿未改动）",
			EN: "Wrote the marked-up copy of the workbook: {file} (the original is unchanged)",
		},
		"annotate.zip-skipped": {
			ZH: "{file} 是打包好的 zip，不生成标注副本：请解压后检查其中的文件夹。",
			EN: "{file} is a packed zip: no marked-up copy; unpack it and check the folder.",
		},
		"annotate.not-xlsx": {
			ZH: "--annotate 的文件名应以 .xlsx 结尾，如 {example}。",
			EN: "the --annotate file name must end in .xlsx, e.g. {example}.",
		},
		"annotate.one-file": {
			ZH: "检查了 {n} 个工作簿，--annotate 只能给一个文件夹（每个工作簿在其中写一个副本）或不带值（写在各申报材料包的 output 文件夹中）。",
			EN: "{n} workbooks were checked: give --annotate a folder (one copy each is written into it) or no value (copies go into each package's output folder).",
		},
		"annotate.failed": {
			ZH: "无法生成 {file} 的标注副本，已跳过：{err}",
			EN: "no marked-up copy of {file}: {err}",
		},
		"validate.flag.annotate": {
			ZH: "另外写出每个工作簿的标注副本：有问题的单元格标色并加批注，第一张表“检查结果”列出全部问题；默认写到申报材料包文件夹的 output/检查结果-工作簿名.xlsx，也可用 --annotate=文件.xlsx 或 --annotate=文件夹 指定；原工作簿不会改动",
			EN: "also write a marked-up copy of each workbook: cells with a problem coloured and given a note, a first sheet 检查结果 listing every problem; by default output/检查结果-<workbook name>.xlsx in the package folder, or --annotate=FILE.xlsx or --annotate=FOLDER; the original is never changed",
		},
	})
}
