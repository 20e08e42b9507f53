package msg

// Texts about the characters of cells: control characters pasted in
// unseen, and characters the fonts of the 申报书 cannot print.
func init() {
	register(map[string]Text{
		"CELL-CONTROL-CHAR": {
			ZH: `{loc}："{column}"的内容"{value}"中含有看不见的控制字符 {chars}（通常是从网页、聊天软件或其他系统复制粘贴带来的），请删除：在单元格中重新输入内容，或在空白列中用公式 =CLEAN(单元格) 清除后"选择性粘贴 → 数值"粘回。`,
			EN: `{loc}: "{column}" ("{value}") holds the invisible control character(s) {chars} (usually pasted in from a web page, a chat or another system); delete them: type the content again, or clean it with =CLEAN(cell) in a spare column and paste it back with Paste Special → Values.`,
		},
		"CELL-GLYPH-MISSING": {
			ZH: `{loc}："{column}"中的{glyphs}在申报书所用字体（{fonts}）中没有，生成的申报书中会显示为空白。请在 mkspace.yaml 的 pdf.font 中加入含有这些字的 TrueType 字体（见 README“字体”一节），或改用其他写法。`,
			EN: `{loc}: in "{column}", {glyphs} is not in the font(s) of the 申报书 ({fonts}) and would print as a blank. Add a TrueType font that has it to pdf.font in mkspace.yaml (see "Fonts" in the README), or write it otherwise.`,
		},
		"CELL-GLYPH-MISSING.ext": {
			ZH: `{loc}："{column}"中的{glyphs}是 CJK 扩展区的生僻字，申报书所用字体（{fonts}）中没有，生成的申报书中会显示为空白。请在 mkspace.yaml 中设置 pdf.font: [builtin, 含扩展区的字体]，例如 Linux 上花园明朝字体的 HanaMinA.ttf（扩展 A 区）和 HanaMinB.ttf（扩展 B 区及以后，Debian/Ubuntu 软件包 fonts-hanazono），或 Windows 自带的 C:/Windows/Fonts/simsunb.ttf（SimSun-ExtB，扩展 B 区）；详见 README“字体”一节。`,
			EN: `{loc}: in "{column}", {glyphs} is a rare ideograph of a CJK extension that the font(s) of the 申报书 ({fonts}) lack; it would print as a blank. Set pdf.font: [builtin, a font with the extensions] in mkspace.yaml, e.g. the Hanazono fonts HanaMinA.ttf (Extension A) and HanaMinB.ttf (Extension B and beyond; Debian/Ubuntu package fonts-hanazono), or Windows' own C:/Windows/Fonts/simsunb.ttf (SimSun-ExtB, Extension B); see "Fonts" in the README.`,
		},
		"CELL-GLYPH-MISSING.emoji": {
			ZH: `{loc}："{column}"中的{glyphs}是表情符号或图形符号，中文字体都没有，生成的申报书中会显示为空白。请删除它（正式材料中也不宜使用）。`,
			EN: `{loc}: in "{column}", {glyphs} is an emoji or pictograph, which no Chinese font has; it would print as a blank. Remove it (it has no place in a formal application either).`,
		},
		"rules.glyph":      {ZH: `"{char}"（{code}）`, EN: `"{char}" ({code})`},
		"rules.glyph-more": {ZH: `等 {n} 个字符`, EN: ` and others ({n} characters)`},

		"report.rule.CELL-CONTROL-CHAR": {ZH: "单元格中有看不见的控制字符", EN: "an invisible control character in a cell"},
		"CELL-TEXT-VALUE": {
			ZH: `{loc}："{column}"中的"{value}"是文字：汇总表不会计入以文字形式填写的数字/日期，运行 mkspace fix 可自动改正。`,
			EN: `{loc}: "{value}" in "{column}" is text: the 汇总 sheet does not count numbers or dates entered as text; run mkspace fix to correct it.`,
		},
		"report.rule.CELL-TEXT-VALUE":    {ZH: "以文字形式填写的数字或日期", EN: "a number or date entered as text"},
		"report.rule.CELL-GLYPH-MISSING": {ZH: "申报书所用字体中没有的字符", EN: "a character the fonts of the 申报书 lack"},

		"buildpdf.glyphs-missing": {
			ZH: "数据中有 {n} 处字符在申报书所用字体中没有，生成的申报书会显示为空白（见上）；未生成申报书。请按提示在 pdf.font 中配置含这些字的字体或修改数据；只需预览时可加 --draft。",
			EN: "{n} cell(s) hold characters that the fonts of the 申报书 lack and would print as blanks (see above); nothing was written. Configure a font that has them in pdf.font or change the data as each finding says; add --draft for a preview only.",
		},
	})
}
