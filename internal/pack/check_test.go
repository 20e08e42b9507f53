package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/dossier"
	"github.com/mkspace/mkspace/internal/msg"
)

// Every way a submitted zip can go wrong fails verify with its own
// message, and the temporary folder is gone afterwards.
func TestCheckTamperedZip(t *testing.T) {
	t.Parallel()
	fixture(t)
	base := readZip(t, fx.zip)
	const att = "attachments/创业团队/云帆无人机团队-入驻协议.pdf"
	for _, tc := range []struct {
		name  string
		edit  func(t *testing.T, ents []zent) []zent
		codes []string // the problems' codes, in order
		text  []string // in the Chinese lines, in order
	}{
		{
			name: "changed attachment",
			edit: func(t *testing.T, ents []zent) []zent {
				return setEntry(ents, att, append(entryData(t, ents, att), "\n% changed\n"...))
			},
			codes: []string{CodeFileChanged, CodePDFMismatch},
			text:  []string{att + " 与清单不符", "附件 " + att + " 已改变"},
		},
		{
			name: "changed attachment, manifest rewritten",
			edit: func(t *testing.T, ents []zent) []zent {
				return refreshManifest(t, setEntry(ents, att, append(entryData(t, ents, att), "\n% changed\n"...)))
			},
			codes: []string{CodePDFMismatch},
			text:  []string{"数据已在生成申报书后修改：附件 " + att + " 已改变"},
		},
		{
			name:  "removed file",
			edit:  func(t *testing.T, ents []zent) []zent { return dropEntry(ents, att) },
			codes: []string{CodeFileMissing, CodeDataError, CodePDFMismatch},
			text:  []string{"清单中的文件 " + att + " 不在申报材料包中", "数据错误：", "附件 " + att + " 已删除"},
		},
		{
			name: "added file",
			edit: func(t *testing.T, ents []zent) []zent {
				return setEntry(ents, "attachments/补充材料.pdf", entryData(t, ents, att))
			},
			codes: []string{CodeFileExtra},
			text:  []string{"attachments/补充材料.pdf 不在清单中"},
		},
		{
			name: "changed workbook",
			edit: func(t *testing.T, ents []zent) []zent {
				return setEntry(ents, "申报数据.xlsx", editWorkbook(t, entryData(t, ents, "申报数据.xlsx"), "联系人", "周末"))
			},
			codes: []string{CodeFileChanged, CodePDFMismatch},
			text:  []string{"申报数据.xlsx 与清单不符", "“基础信息”表的数据已改变"},
		},
		{
			name: "workbook with an error",
			edit: func(t *testing.T, ents []zent) []zent {
				return refreshManifest(t, setEntry(ents, "申报数据.xlsx", editWorkbook(t, entryData(t, ents, "申报数据.xlsx"), "联系电话", "无")))
			},
			codes: []string{CodeDataError, CodePDFMismatch},
			text:  []string{"数据错误：基础信息!B11：联系电话", "“基础信息”表的数据已改变"},
		},
		{
			name:  "manifest removed",
			edit:  func(t *testing.T, ents []zent) []zent { return dropEntry(ents, ManifestName) },
			codes: []string{CodeManifestMissing},
			text:  []string{"没有清单 manifest.json"},
		},
		{
			name: "manifest damaged",
			edit: func(t *testing.T, ents []zent) []zent {
				return setEntry(ents, ManifestName, []byte(`{"format": "mkspace-package"`))
			},
			codes: []string{CodeManifestInvalid},
			text:  []string{"清单 manifest.json 无法读取"},
		},
		{
			name: "zip slip",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: "../evil.pdf", Data: []byte("%PDF-1.4 evil")})
			},
			codes: []string{CodeUnsafePath},
			text:  []string{"“../evil.pdf”指向压缩包之外"},
		},
		{
			name: "zip slip with backslashes",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: `attachments\..\..\evil.pdf`, Data: []byte("%PDF-1.4 evil")})
			},
			codes: []string{CodeUnsafePath},
			text:  []string{`指向压缩包之外`},
		},
		{
			name: "absolute path",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: "/tmp/evil.pdf", Data: []byte("%PDF-1.4 evil")})
			},
			codes: []string{CodeUnsafePath},
			text:  []string{"“/tmp/evil.pdf”指向压缩包之外"},
		},
		{
			name: "symbolic link",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: "attachments/link.pdf", Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink | 0o777})
			},
			codes: []string{CodeSymlink},
			text:  []string{"“attachments/link.pdf”是符号链接"},
		},
		{
			name: "duplicate name",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: "ATTACHMENTS/承诺书.PDF", Data: []byte("%PDF-1.4 other")})
			},
			codes: []string{CodeDuplicate},
			text:  []string{"重名的条目“ATTACHMENTS/承诺书.PDF”"},
		},
		{
			name: "reserved name",
			edit: func(t *testing.T, ents []zent) []zent {
				return append(ents, zent{Name: "attachments/a.pdf:hidden", Data: []byte("x")})
			},
			codes: []string{CodeBadName},
			text:  []string{"条目名“attachments/a.pdf:hidden”无效"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ents := tc.edit(t, append([]zent(nil), base...))
			dir := t.TempDir()
			z := filepath.Join(dir, "submitted", "申报材料.zip")
			require.NoError(t, os.MkdirAll(filepath.Dir(z), 0o755))
			writeZip(t, z, ents)
			r := check(t, z, CheckOptions{})
			assert.False(t, r.OK())
			assert.Equal(t, tc.codes, codes(r), "%s", strings.Join(r.Lines(msg.ZH), "\n"))
			lines := r.Lines(msg.ZH)
			for i, want := range tc.text {
				if assert.Less(t, i, len(lines)) {
					assert.Contains(t, lines[i], want)
				}
			}
			for i, l := range r.Lines(msg.EN) {
				if r.Problems[i].Code == CodeDataError {
					continue // the findings are rendered in the config's language
				}
				assert.NotRegexp(t, `[\p{Han}]{4}`, strings.NewReplacer("申报书", "", "申报数据", "", "基础信息", "").Replace(stripNames(l)), "English line %d: %s", i, l)
			}
			// Nothing escaped next to the zip or above it.
			for _, p := range []string{filepath.Join(dir, "evil.pdf"), filepath.Join(dir, "submitted", "evil.pdf")} {
				assert.NoFileExists(t, p)
			}
		})
	}
}

// stripNames removes file names and quoted values (Chinese by nature) from
// an English line.
func stripNames(s string) string {
	for _, f := range strings.Fields(s) {
		if strings.ContainsAny(f, "/\"“.") {
			s = strings.ReplaceAll(s, f, "")
		}
	}
	return s
}

// A zip bomb — an entry of 2 GiB of zeros, 2.6 MB packed — is refused
// without unpacking it; so is an archive whose header understates its
// size, and one larger in all than the limit.
func TestCheckZipBomb(t *testing.T) {
	t.Parallel()
	fixture(t)
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.zip")
	f, err := os.Create(bomb)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range readZip(t, fx.zip) {
		w, err := zw.Create(e.Name)
		require.NoError(t, err)
		_, err = w.Write(e.Data)
		require.NoError(t, err)
	}
	w, err := zw.Create("attachments/zeros.pdf")
	require.NoError(t, err)
	_, err = io.Copy(w, io.LimitReader(zeros{}, 2<<30))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
	st, err := os.Stat(bomb)
	require.NoError(t, err)
	assert.Less(t, st.Size(), int64(16<<20), "a small file")

	r := check(t, bomb, CheckOptions{})
	assert.Equal(t, []string{CodeBomb}, codes(r))
	assert.Contains(t, r.Lines(msg.ZH)[0], "“attachments/zeros.pdf”解压后过大")
	assert.Contains(t, r.Lines(msg.ZH)[0], "压缩炸弹")
	require.NotNil(t, r.Manifest, "the package is still named")
	assert.Equal(t, "星火创客空间", r.Manifest.SpaceName)

	// 64 MiB of zeros under a header that claims 1 KiB: archive/zip stops
	// at the claimed size, and nothing beyond is written.
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.BestSpeed)
	require.NoError(t, err)
	_, err = io.Copy(fw, io.LimitReader(zeros{}, 64<<20))
	require.NoError(t, err)
	require.NoError(t, fw.Close())
	liar := filepath.Join(dir, "liar.zip")
	f, err = os.Create(liar)
	require.NoError(t, err)
	zw = zip.NewWriter(f)
	rw, err := zw.CreateRaw(&zip.FileHeader{Name: "a.pdf", Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: 1024, CRC32: crc32.ChecksumIEEE(make([]byte, 1024))})
	require.NoError(t, err)
	_, err = rw.Write(packed.Bytes())
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
	r = check(t, liar, CheckOptions{})
	assert.Equal(t, []string{CodeCorrupt}, codes(r))

	// The limits on the whole and on one entry, made small.
	r = check(t, fx.zip, CheckOptions{Limits: Limits{MaxTotalBytes: 1 << 20}})
	assert.Equal(t, []string{CodeBomb}, codes(r))
	assert.Contains(t, r.Lines(msg.ZH)[0], "总大小超过 1 MB")
	r = check(t, fx.zip, CheckOptions{Limits: Limits{MaxEntries: 10}})
	assert.Equal(t, []string{CodeTooManyRefs}, codes(r))
}

// What is not a zip says what it is.
func TestCheckNotZip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		data []byte
		text string
	}{
		{"申报材料.zip", []byte("这不是压缩包"), "不是 zip 压缩包"},
		{"申报材料.rar", []byte("Rar!\x1a\x07\x01\x00rest"), "是 RAR 压缩包"},
		{"空.zip", nil, "是空文件"},
		{"半个.zip", []byte("PK\x03\x04\x14\x00\x00\x00"), "不是 zip 压缩包，或已损坏"},
	} {
		p := filepath.Join(dir, tc.name)
		require.NoError(t, os.WriteFile(p, tc.data, 0o644))
		r := check(t, p, CheckOptions{})
		assert.Equal(t, []string{CodeNotZip}, codes(r), tc.name)
		assert.Contains(t, r.Lines(msg.ZH)[0], tc.text)
		assert.Contains(t, r.Lines(msg.ZH)[0], tc.name)
	}
	_, err := Check(filepath.Join(dir, "没有这个文件.zip"), CheckOptions{})
	assert.ErrorIs(t, err, fs.ErrNotExist, "a missing file is an error, not a problem")
}

// A 申报书 from an older build swapped into a newer package is caught,
// whether or not the manifest's checksums were rewritten to match.
func TestCheckOlderPDF(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	p1, err := Pack([]string{dir}, config.Default(), Options{})
	require.NoError(t, err)
	editPackage(t, dir, "联系人", "周末")
	b, err := dossier.Build([]string{dir}, config.Default(), dossier.Options{})
	require.NoError(t, err)
	p2, err := Pack([]string{dir}, config.Default(), Options{})
	require.NoError(t, err)
	require.True(t, p2.Reused)
	require.Equal(t, b.Version, p2.Manifest.Version)
	require.NotEqual(t, p1.Manifest.Version, p2.Manifest.Version)

	old, err := os.ReadFile(p1.PDF)
	require.NoError(t, err)
	ents := setEntry(readZip(t, p2.Output), p2.Manifest.PDF, old)
	swapped := filepath.Join(t.TempDir(), "swapped.zip")
	writeZip(t, swapped, ents)
	r := check(t, swapped, CheckOptions{})
	assert.Equal(t, []string{CodeFileChanged, CodePDFMismatch, CodeVersionMismatch, CodeDigestMismatch}, codes(r), "%v", r.Lines(msg.ZH))

	writeZip(t, swapped, refreshManifest(t, ents))
	r = check(t, swapped, CheckOptions{})
	assert.Equal(t, []string{CodePDFMismatch, CodeVersionMismatch, CodeDigestMismatch}, codes(r), "%v", r.Lines(msg.ZH))
	lines := r.Lines(msg.ZH)
	assert.Contains(t, lines[0], "数据已在生成申报书后修改：“基础信息”表的数据已改变")
	assert.Contains(t, lines[1], "申报书的版本号是 "+p1.Manifest.Version+"，清单记录的是 "+p2.Manifest.Version)
	assert.Equal(t, p1.Manifest.Version, r.Version())
}

// A folder unpacked from a zip is checked as the zip: files added,
// changed or linked are caught there too.
func TestCheckUnpackedFolder(t *testing.T) {
	t.Parallel()
	fixture(t)
	unpack := func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "unpacked")
		for _, e := range readZip(t, fx.zip) {
			p := filepath.Join(dir, filepath.FromSlash(e.Name))
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			require.NoError(t, os.WriteFile(p, e.Data, 0o644))
		}
		return dir
	}
	dir := unpack(t)
	// Files an operating system adds are neither missing nor extra.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte("x"), 0o644))
	r := check(t, dir, CheckOptions{})
	assert.True(t, r.OK(), "%v", r.Lines(msg.ZH))

	require.NoError(t, os.WriteFile(filepath.Join(dir, "attachments", "新增.pdf"), []byte("%PDF-1.4"), 0o644))
	r = check(t, dir, CheckOptions{})
	assert.Equal(t, []string{CodeFileExtra}, codes(r))

	dir = unpack(t)
	require.NoError(t, os.Symlink("/etc/passwd", filepath.Join(dir, "attachments", "link.pdf")))
	r = check(t, dir, CheckOptions{})
	assert.Equal(t, []string{CodeSymlink}, codes(r))
	assert.Equal(t, "星火创客空间", r.Manifest.SpaceName)

	dir = unpack(t)
	require.NoError(t, os.Remove(filepath.Join(dir, "attachments", "承诺书.pdf")))
	r = check(t, dir, CheckOptions{})
	assert.Equal(t, CodeFileMissing, codes(r)[0])
}

// A package folder without a 申报书 says to build one; its data is still
// checked.
func TestCheckFolderWithoutPDF(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "output")))
	editPackage(t, dir, "电子邮箱", "没有邮箱")
	r := check(t, dir, CheckOptions{})
	assert.Equal(t, []string{CodeNoPDF, CodeDataError}, codes(r))
	assert.Contains(t, r.Lines(msg.ZH)[0], "请先运行 mkspace build-pdf")
	errs, _, ok := r.Counts()
	assert.True(t, ok)
	assert.Equal(t, 1, errs)
}

// What a check read in place is listed (no output may replace it); a zip's
// files were read from a temporary folder.
func TestReportReads(t *testing.T) {
	t.Parallel()
	dir := goodCopy(t)
	r := check(t, dir, CheckOptions{})
	require.True(t, r.OK(), "%v", r.Lines(msg.ZH))
	reads := r.Reads()
	assert.Contains(t, reads, filepath.Join(dir, "申报数据.xlsx"))
	assert.Contains(t, reads, filepath.Join(dir, filepath.FromSlash(r.PDF)), "the 申报书")
	assert.Contains(t, reads, filepath.Join(dir, ManifestName))
	assert.Contains(t, reads, filepath.Join(dir, "attachments", "承诺书.pdf"))

	assert.Empty(t, check(t, zipCopy(t), CheckOptions{}).Reads())
}
