package pack

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/mkspace/mkspace/internal/msg"
)

// gbk encodes s as Windows' Chinese code page does.
func gbk(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	require.NoError(t, err)
	return b
}

// writeRawZip writes entries whose names are written as given, with the
// UTF-8 flag only when utf8Flag (archive/zip sets it on its own for valid
// UTF-8 names that need it).
func writeRawZip(t testing.TB, path string, names []string, utf8Flag bool) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	for _, n := range names {
		h := &zip.FileHeader{Name: n, Method: zip.Deflate, NonUTF8: !utf8Flag}
		if utf8Flag {
			h.Flags |= 0x800
		}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		require.NoError(t, err)
		_, err = w.Write([]byte("%PDF-1.4\n%%EOF\n"))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
}

// Every message about a zip names the zip (never the temporary folder it
// is unpacked into), says what is wrong once, and lists at most a few
// entries of one kind.
func TestCheckZipMessages(t *testing.T) {
	t.Parallel()
	fixture(t)
	dir := t.TempDir()

	// 111 names in GBK without the UTF-8 flag, as Windows' "send to
	// compressed folder" wrote them.
	var names []string
	names = append(names, gbk(t, "申报数据.xlsx"))
	for i := range 110 {
		names = append(names, gbk(t, fmt.Sprintf("附件/创业团队/团队%03d-入驻协议.pdf", i)))
	}
	legacy := filepath.Join(dir, "旧压缩.zip")
	writeRawZip(t, legacy, names, false)

	// The good package and 10,000 files added to it.
	ents := readZip(t, fx.zip)
	for i := range 10000 {
		ents = append(ents, zent{Name: fmt.Sprintf("extra/%05d.pdf", i), Data: []byte("x")})
	}
	many := filepath.Join(dir, "多出文件.zip")
	writeZip(t, many, ents)

	// Names with the UTF-8 flag that are no UTF-8: each a bad name.
	var bad []string
	for i := range 30 {
		bad = append(bad, fmt.Sprintf("a%02d\xff.pdf", i))
	}
	badNames := filepath.Join(dir, "坏文件名.zip")
	writeRawZip(t, badNames, bad, true)

	empty := filepath.Join(dir, "空压缩包.zip")
	writeRawZip(t, empty, nil, true)
	onlyDirs := filepath.Join(dir, "只有文件夹.zip")
	writeZip(t, onlyDirs, []zent{{Name: "__MACOSX/._x", Data: []byte("x")}, {Name: ".DS_Store", Data: []byte("x")}})
	noWorkbook := filepath.Join(dir, "没有工作簿.zip")
	writeRawZip(t, noWorkbook, []string{"attachments/承诺书.pdf"}, true)
	nested := filepath.Join(dir, "多一层.zip")
	var nestedEnts []zent
	for _, e := range readZip(t, fx.zip) {
		nestedEnts = append(nestedEnts, zent{Name: "申报材料/" + e.Name, Data: e.Data})
	}
	writeZip(t, nested, nestedEnts)

	workbook := filepath.Join(dir, "申报数据.xlsx")
	copyFile(t, filepath.Join(fx.good, "申报数据.xlsx"), workbook)
	workbookAsZip := filepath.Join(dir, "其实是工作簿.zip")
	copyFile(t, workbook, workbookAsZip)
	docx := filepath.Join(dir, "说明.docx")
	writeZip(t, docx, []zent{{Name: "[Content_Types].xml", Data: []byte("<Types/>")}, {Name: "word/document.xml", Data: []byte("<w:document/>")}})
	jpg := filepath.Join(dir, "扫描件.jpg")
	require.NoError(t, os.WriteFile(jpg, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), 0o644))
	png := filepath.Join(dir, "截图.png")
	require.NoError(t, os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644))
	xls := filepath.Join(dir, "旧表格.xls")
	require.NoError(t, os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 0o644))

	for _, tc := range []struct {
		path  string
		codes []string
		lines int      // the number of lines, when it matters
		text  []string // in the Chinese lines, in order
	}{
		{path: legacy, codes: []string{CodeLegacyNames},
			text: []string{"旧压缩.zip 中有 111 个文件名不是 UTF-8 编码（如“申报数据.xlsx”）", "mkspace pack", "7-Zip"}},
		{path: many, codes: repeat(CodeFileExtra, ShownPerKind+1), lines: ShownPerKind + 1,
			text: []string{"extra/00000.pdf 不在清单中", "另有 9990 个同类问题未列出"}},
		{path: badNames, codes: repeat(CodeBadName, ShownPerKind+1), lines: ShownPerKind + 1,
			text: []string{`"a00\xff.pdf"`, "另有 20 个同类问题未列出"}},
		{path: empty, codes: []string{CodeEmpty}, text: []string{"空压缩包.zip 是空的压缩包"}},
		{path: onlyDirs, codes: []string{CodeEmpty}, text: []string{"只有文件夹.zip 是空的压缩包"}},
		{path: noWorkbook, codes: []string{CodeManifestMissing, CodeNoWorkbook},
			text: []string{"没有清单", "没有工作簿.zip 中没有工作簿"}},
		{path: nested, codes: []string{CodeManifestMissing, CodeNoWorkbook},
			text: []string{"没有清单", "多一层.zip 的顶层没有工作簿，工作簿在子文件夹中（如 申报材料/申报数据.xlsx）"}},
		{path: workbook, codes: []string{CodeNotPackage}, text: []string{"申报数据.xlsx 是 Excel 工作簿", "mkspace validate 申报数据.xlsx"}},
		{path: workbookAsZip, codes: []string{CodeNotPackage}, text: []string{"其实是工作簿.zip 是 Excel 工作簿"}},
		{path: docx, codes: []string{CodeNotPackage}, text: []string{"说明.docx 是 Word 文档"}},
		{path: jpg, codes: []string{CodeNotZip}, text: []string{"扫描件.jpg 是 JPEG 图片"}},
		{path: png, codes: []string{CodeNotZip}, text: []string{"截图.png 是 PNG 图片"}},
		{path: xls, codes: []string{CodeNotZip}, text: []string{"旧表格.xls 是 Office 97-2003 文件"}},
	} {
		name := filepath.Base(tc.path)
		r := check(t, tc.path, CheckOptions{})
		assert.Equal(t, tc.codes, codes(r), name)
		lines := r.Lines(msg.ZH)
		if tc.lines > 0 {
			assert.Len(t, lines, tc.lines, name)
		}
		all := strings.Join(lines, "\n")
		for _, s := range tc.text {
			assert.Contains(t, all, s, name)
		}
		assert.NotContains(t, all, "mkspace-verify-", "%s: the temporary folder is not named", name)
		assert.NotContains(t, all, os.TempDir(), name)
		names := strings.NewReplacer(name, "", "申报书", "", "申报材料/", "", "申报数据.xlsx", "")
		for _, l := range r.Lines(msg.EN) {
			assert.NotRegexp(t, `\p{Han}{2}`, names.Replace(l), "%s: English", name)
		}
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// Unpack (validate and totals of a zip) says what is wrong with an archive
// as verify does: one message for legacy names, lists cut short.
func TestUnpackMessages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var bad []string
	for i := range 30 {
		bad = append(bad, fmt.Sprintf("a%02d\xff.pdf", i))
	}
	z := filepath.Join(dir, "坏文件名.zip")
	writeRawZip(t, z, bad, true)
	_, err := Unpack(z, CheckOptions{TempDir: dir})
	var ae *ArchiveError
	require.ErrorAs(t, err, &ae)
	assert.Len(t, ae.Problems, ShownPerKind+1)
	assert.Contains(t, ae.Localized(msg.ZH), "另有 20 个同类问题未列出")

	legacy := filepath.Join(dir, "旧.zip")
	writeRawZip(t, legacy, []string{gbk(t, "申报数据.xlsx"), gbk(t, "附件/承诺书.pdf")}, false)
	_, err = Unpack(legacy, CheckOptions{TempDir: dir})
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, []string{CodeLegacyNames}, func() (c []string) {
		for _, p := range ae.Problems {
			c = append(c, p.Code)
		}
		return c
	}())
	assert.Contains(t, ae.Localized(msg.ZH), "旧.zip 中有 2 个文件名不是 UTF-8 编码（如“申报数据.xlsx”）")
}
