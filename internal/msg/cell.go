package msg

// Texts of what a cell should hold, completing CELL-TYPE, CELL-FORMAT and
// USCC findings ("…，应填写{expected}"). Keys are the cell.Expect* constants.
func init() {
	register(map[string]Text{
		"cell.expect.text": {
			ZH: "文字",
			EN: "text",
		},
		"cell.expect.int": {
			ZH: "整数，如 12",
			EN: "a whole number such as 12",
		},
		"cell.expect.decimal": {
			ZH: "数字，如 120.5",
			EN: "a number such as 120.5",
		},
		"cell.expect.decimal-area": {
			ZH: "面积数字（单位平方米），如 120.5 或 120.5平方米",
			EN: "an area in square metres such as 120.5 (平方米 may follow)",
		},
		"cell.expect.decimal-money": {
			ZH: "金额数字（单位万元），如 120.5 或 120.5万元",
			EN: "an amount in 10,000 yuan such as 120.5 (万元 may follow)",
		},
		"cell.expect.date": {
			ZH: "日期，如 2021-10-31",
			EN: "a date such as 2021-10-31",
		},
		"cell.expect.yesno": {
			ZH: "是 或 否",
			EN: "是 (yes) or 否 (no)",
		},
		"cell.expect.enum": {
			ZH: "下拉列表中的一项",
			EN: "one of the options of the dropdown list",
		},
		"cell.expect.attachment": {
			ZH: "PDF 文件的路径（相对于申报材料文件夹），如 attachments/承诺书.pdf",
			EN: "the path of a PDF file, relative to the package folder, such as attachments/承诺书.pdf",
		},
		"cell.expect.uscc": {
			ZH: "18 位统一社会信用代码，如 91350100M000100Y43（不含字母 I、O、S、V、Z，第 3–8 位为数字）",
			EN: "an 18-character unified social credit code such as 91350100M000100Y43 (no letters I, O, S, V, Z; characters 3–8 are digits)",
		},
		"cell.expect.uscc-number": {
			ZH: "18 位统一社会信用代码。该单元格是数字格式，长数字会丢失末几位：请把单元格设为“文本”格式后重新输入",
			EN: "an 18-character unified social credit code. The cell is formatted as a number, which loses the last digits of a long number: format the cell as Text and enter the code again",
		},
		"cell.expect.uscc-check": {
			ZH: "校验位正确的统一社会信用代码（第 18 位是前 17 位的校验码，请对照营业执照核对是否抄错）",
			EN: "a unified social credit code with a correct check character (the 18th character is computed from the first 17: compare the code with the business licence)",
		},
		"cell.expect.phone": {
			ZH: "手机号如 13800138000，或座机如 010-88656315（分机可写 010-88656315-123）",
			EN: "a mobile number such as 13800138000 or a landline such as 010-88656315 (extension: 010-88656315-123)",
		},
		"cell.expect.email": {
			ZH: "电子邮箱地址，如 name@example.com（半角字符，不含空格）",
			EN: "an e-mail address such as name@example.com (half-width characters, no spaces)",
		},
		"cell.expect.url": {
			ZH: "以 http:// 或 https:// 开头的网址，如 https://www.example.com/news/1.html",
			EN: "a web address starting with http:// or https://, such as https://www.example.com/news/1.html",
		},
	})
}
