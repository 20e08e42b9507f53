package msg

// Texts for a file given to a command that reads another kind: a PDF or an
// image where a workbook is expected.
func init() {
	register(map[string]Text{
		"workbook.pdf": {
			ZH: "{file}：这是 PDF 文件，不是 Excel 工作簿。核验申报书请用 mkspace verify {file}；附件 PDF 请在工作簿的附件列中填写它的路径。申报数据须为 .xlsx 工作簿。",
			EN: "{file}: this is a PDF, not an Excel workbook. To check a 申报书, use mkspace verify {file}; for an attachment PDF, write its path in the workbook's attachment column. The application data must be an .xlsx workbook.",
		},
		"workbook.image": {
			ZH: "{file}：这是图片（JPEG 或 PNG），不是 Excel 工作簿。扫描件请转成 PDF 作为附件，并在工作簿的附件列中填写路径；申报数据须为 .xlsx 工作簿。",
			EN: "{file}: this is an image (JPEG or PNG), not an Excel workbook. Turn a scan into a PDF attachment and write its path in the workbook's attachment column; the application data must be an .xlsx workbook.",
		},
	})
}
