package msg

// Texts of converting images to PDF and of bringing scanned PDFs under
// the size limit (package scan); scan.MessageKey maps its errors to the
// keys scan.image-*, scan.not-scanned, scan.illegible and scan.pdf-*.
// Placeholders: {file} the image or PDF, {pdf} the PDF written,
// {original} where the original PDF is kept, {pages} a page count,
// {size}, {before}, {after}, {limit} sizes (msg.Bytes), {dpi} a
// resolution in dots per inch.
func init() {
	register(map[string]Text{
		"scan.image-unsupported": {
			"{file} 不是 JPEG、PNG 或 TIFF 图片，无法转换为 PDF。请用手机相册或扫描软件把它另存为 JPG 或 PDF 后再试。",
			"{file} is not a JPEG, PNG or TIFF image and cannot be converted to PDF. Save it as JPG or PDF from the phone's gallery or the scanning software and try again.",
		},
		"scan.image-corrupt": {
			"图片 {file} 已损坏或不完整，无法读取，没有生成 PDF。请重新拍照或扫描，或从原处重新复制这张图片。",
			"The image {file} is damaged or incomplete and cannot be read; no PDF was written. Take the photo or scan again, or copy the image again from where it came from.",
		},
		"scan.image-too-large": {
			"图片 {file} 的像素过多（超过 2.5 亿像素），没有转换。请在手机或扫描软件中调低分辨率后再试。",
			"The image {file} has too many pixels (over 250 million) and was not converted. Lower the resolution in the phone or the scanning software and try again.",
		},
		"scan.converted": {
			"已将 {file} 转换为 {pdf}（{pages} 页，A4），原图片保留。",
			"Converted {file} to {pdf} ({pages} A4 page(s)); the image is kept.",
		},
		"scan.shrunk": {
			"已压缩 {file}：{before} → {after}（上限 {limit}，图片分辨率 {dpi} dpi，文字层不变），原件保存为 {original}。",
			"Shrank {file}: {before} → {after} (limit {limit}, images at {dpi} dpi, text unchanged); the original is kept as {original}.",
		},
		"scan.not-scanned": {
			"{file} 有 {size}，超过上限 {limit}；它的大小主要不是扫描图片（而是文字、字体或其他内容），压缩图片无法使它变小，未做修改。请用生成它的软件重新导出（另存为 PDF 时选择“最小文件大小”），或拆分成几个文件。",
			"{file} is {size}, over the limit of {limit}, and its size is not in scanned images (but text, fonts or other content): shrinking images cannot make it smaller, so it was left unchanged. Export it again from the software that made it (choose the smallest file size when saving as PDF), or split it into several files.",
		},
		"scan.illegible": {
			"{file} 有 {size}，即使把图片降到还能看清文字的最低分辨率 {dpi} dpi，也无法小于上限 {limit}，未做修改。请把它拆分成几个文件，或重新扫描时选择灰度（黑白）模式、200 dpi。",
			"{file} is {size} and cannot get under the limit of {limit} even with its images at {dpi} dpi, the lowest resolution at which text stays legible, so it was left unchanged. Split it into several files, or scan it again in grayscale at 200 dpi.",
		},
		"scan.pdf-password": {
			"{file} 需要密码才能打开，无法压缩，未做修改。请提供未加密的 PDF。",
			"{file} needs a password to open and cannot be shrunk; it was left unchanged. Provide the PDF without encryption.",
		},
		"scan.pdf-unreadable": {
			"{file} 无法作为 PDF 读取（文件损坏或不是 PDF），未做修改。请用生成它的软件重新导出 PDF。",
			"{file} cannot be read as a PDF (damaged, or not a PDF) and was left unchanged. Export the PDF again from the software that made it.",
		},
	})
}
