package msg

// Texts of the fonts of the PDF: a font named by pdf.font cannot be used,
// or lacks characters the 申报书 prints.
func init() {
	register(map[string]Text{
		"font.missing": {
			ZH: "找不到配置项 pdf.font 指定的字体文件 {file}。请检查路径（相对路径从申报材料包文件夹算起），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置的文泉驿微米黑字体。",
			EN: "the font file {file} named by pdf.font does not exist. Check the path (relative paths start at the package folder), or remove pdf.font from mkspace.yaml to use the built-in WenQuanYi Micro Hei font.",
		},
		"font.unreadable": {
			ZH: "无法读取字体文件 {file}：{err}。请检查文件权限，或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "cannot read the font file {file}: {err}. Check its permissions, or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.collection": {
			ZH: "{file} 是字体集合文件（.ttc，一个文件里装着多个字体），无法直接使用。请改用单个 TrueType 字体文件（.ttf），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置的文泉驿微米黑字体。",
			EN: "{file} is a font collection (.ttc, several fonts in one file) and cannot be used as is. Use a single TrueType font file (.ttf), or remove pdf.font from mkspace.yaml to use the built-in WenQuanYi Micro Hei font.",
		},
		"font.cff": {
			ZH: "{file} 是 OpenType/CFF 字体（例如思源黑体、Noto Sans CJK 的 .otf 文件），无法嵌入 PDF。请改用 TrueType 字体（.ttf），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "{file} is an OpenType font with CFF outlines (such as the .otf files of Source Han Sans or Noto Sans CJK), which cannot be embedded. Use a TrueType font (.ttf), or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.web": {
			ZH: "{file} 是网页字体（.woff / .woff2），无法嵌入 PDF。请改用 TrueType 字体（.ttf），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "{file} is a web font (.woff / .woff2), which cannot be embedded. Use a TrueType font (.ttf), or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.mac": {
			ZH: "{file} 是旧式 Mac 字体，无法嵌入 PDF。请改用 TrueType 字体（.ttf），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "{file} is a legacy Mac font, which cannot be embedded. Use a TrueType font (.ttf), or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.not-font": {
			ZH: "{file} 不是字体文件。配置项 pdf.font 须指向一个 TrueType 字体文件（.ttf）；删除该项即使用内置字体。",
			EN: "{file} is not a font file. pdf.font must name a TrueType font file (.ttf); remove it to use the built-in font.",
		},
		"font.damaged": {
			ZH: "字体文件 {file} 无法解析，可能已损坏。请换一个 TrueType 字体文件（.ttf），或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "the font file {file} cannot be parsed; it may be damaged. Use another TrueType font file (.ttf), or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.no-glyphs": {
			ZH: "字体 {file} 缺少这些字符：{chars}，用它生成的 PDF 中这些字会显示为空白。请选择同时包含中文、英文字母和数字的 TrueType 字体，或删除 mkspace.yaml 中的 pdf.font 一项，改用内置字体。",
			EN: "the font {file} lacks these characters: {chars}; they would print as blanks. Choose a TrueType font with Chinese, Latin letters and digits, or remove pdf.font from mkspace.yaml to use the built-in font.",
		},
		"font.glyphs-missing": {
			ZH: "申报书所用字体（{fonts}）中没有以下字符，它们会显示为空白：{glyphs}。请在 pdf.font 中换用或加入含有这些字符的 TrueType 字体（见 README“字体”一节）；只需预览时可加 --draft。",
			EN: "The font(s) of the 申报书 ({fonts}) lack these characters, which would print as blanks: {glyphs}. Use or add a TrueType font that has them in pdf.font (see \"Fonts\" in the README); add --draft for a preview only.",
		},
	})
}
