package dossier

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/pdf/bind"
)

// copyExample copies examples/<name> into a temporary folder.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "examples", name)
	dst := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	return dst
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

func build(t *testing.T, dir string, opts Options) *Built {
	t.Helper()
	b, err := Build([]string{dir}, config.Default(), opts)
	require.NoError(t, err)
	return b
}

// The good example builds; every page carries the version and its number;
// verify passes; a second build of the same data has another version and
// the same digest; both are logged.
func TestBuildAndVerifyGoodExample(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	b1 := build(t, dir, Options{})
	assert.True(t, bind.ValidVersion(b1.Version))
	assert.LessOrEqual(t, len(b1.Version), 24)
	assert.Equal(t, filepath.Join(dir, "output", "申报书-"+b1.Version+".pdf"), b1.Path)
	assert.Greater(t, b1.Pages, 100, "the attachments are bound")

	v, err := Verify(b1.Path, []string{dir}, config.Default())
	require.NoError(t, err)
	assert.True(t, v.OK(), "%v", v.Lines("zh"))
	assert.Equal(t, b1.Version, v.Version)
	require.Len(t, v.Info.Stamps, b1.Pages)
	for i, s := range v.Info.Stamps {
		assert.Equal(t, b1.Version, s.Version, "page %d", i+1)
		assert.Equal(t, i+1, s.Number)
	}

	b2 := build(t, dir, Options{})
	assert.NotEqual(t, b1.Version, b2.Version, "a new version at every generation")
	assert.True(t, b1.Data.Digest.Equal(b2.Data.Digest), "unchanged data, same digest")

	log, err := os.ReadFile(b1.Log)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(log), "\ufeff")), "\n")
	require.Len(t, lines, 3, "header and one line per build")
	assert.Contains(t, lines[1], b1.Version)
	assert.Contains(t, lines[2], b2.Version)
	assert.Contains(t, lines[2], b2.Data.Digest.SHA256)
}

func TestPDFTextAndFonts(t *testing.T) {
	t.Parallel()
	needTool(t, "pdftotext")
	needTool(t, "qpdf")
	needTool(t, "pdffonts")
	dir := copyExample(t, "good")
	b := build(t, dir, Options{})
	out, err := exec.Command("pdftotext", "-raw", b.Path, "-").Output()
	require.NoError(t, err)
	text := string(out)
	pages := strings.Split(text, "\f")
	footer := regexp.MustCompile(`版本号：` + regexp.QuoteMeta(b.Version) + `\s+第 (\d+) 页 共 (\d+) 页`)
	for i, p := range pages[:b.Pages] {
		m := footer.FindStringSubmatch(p)
		if assert.NotNil(t, m, "page %d has the footer", i+1) {
			assert.Equal(t, i+1, atoi(m[1]))
			assert.Equal(t, b.Pages, atoi(m[2]))
		}
	}
	for _, want := range []string{"国家备案众创空间申报书", "星火创客空间", "累计创业团队情况汇总表", "累计入驻企业情况汇总表",
		"1200.50 平方米", "83.3 %", "五、服务能力", "八、发展思路、目标及措施", "承诺书"} {
		assert.Contains(t, text, want)
	}
	check, err := exec.Command("qpdf", "--check", b.Path).CombinedOutput()
	assert.NoError(t, err, string(check))
	fonts, err := exec.Command("pdffonts", b.Path).Output()
	require.NoError(t, err)
	assert.Contains(t, string(fonts), "WenQuanYiMicroHei")
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// verify fails after a cell of the workbook changes, and after an
// attachment changes, naming what changed.
func TestVerifyNamesWhatChanged(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	b := build(t, dir, Options{NoAttachments: true})

	att := filepath.Join(dir, "attachments", "获得荣誉", "青澜市级众创空间.pdf")
	orig, err := os.ReadFile(att)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(att, append(orig, []byte("\n%changed\n")...), 0o644))
	v, err := Verify(b.Path, []string{dir}, config.Default())
	require.NoError(t, err)
	assert.False(t, v.OK())
	assert.Equal(t, []digest.Change{{Kind: digest.KindFile, Name: "attachments/获得荣誉/青澜市级众创空间.pdf", Op: digest.Changed}}, v.Changes)
	assert.Contains(t, strings.Join(v.Lines("zh"), "\n"), "数据已在生成申报书后修改")
	require.NoError(t, os.WriteFile(att, orig, 0o644))

	book := filepath.Join(dir, "申报数据.xlsx")
	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("创新创业活动", "A2", "改过名字的活动"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	v, err = Verify(b.Path, []string{dir}, config.Default())
	require.NoError(t, err)
	assert.False(t, v.OK())
	assert.Equal(t, []digest.Change{{Kind: digest.KindSheet, Name: "创新创业活动", Op: digest.Changed}}, v.Changes)
}

// Saving the workbook again unchanged keeps the digest.
func TestDigestIgnoresResave(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	d1, err := Read([]string{dir}, config.Default())
	require.NoError(t, err)
	book := filepath.Join(dir, "申报数据.xlsx")
	f, err := excelize.OpenFile(book)
	require.NoError(t, err)
	require.NoError(t, f.SetDocProps(&excelize.DocProperties{Creator: "someone else"}))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	d2, err := Read([]string{dir}, config.Default())
	require.NoError(t, err)
	assert.True(t, d1.Digest.Equal(d2.Digest))
}

// A PDF made of pages of two builds fails verify.
func TestVerifyMixedBuilds(t *testing.T) {
	t.Parallel()
	needTool(t, "qpdf")
	dir := copyExample(t, "good")
	b1 := build(t, dir, Options{NoAttachments: true})
	b2 := build(t, dir, Options{NoAttachments: true})
	mixed := filepath.Join(t.TempDir(), "mixed.pdf")
	out, err := exec.Command("qpdf", "--empty", "--pages", b1.Path, "1-3", b2.Path, "4-z", "--", mixed).CombinedOutput()
	require.NoError(t, err, string(out))
	v, err := Verify(mixed, []string{dir}, config.Default())
	require.NoError(t, err)
	assert.False(t, v.OK())
	var kinds []bind.ProblemKind
	for _, p := range v.Problems {
		kinds = append(kinds, p.Kind)
	}
	assert.Contains(t, kinds, bind.OtherVersion)
	assert.Contains(t, strings.Join(v.Lines("zh"), "\n"), "来自另一次生成的申报书")
}

// A package with errors is refused unless --draft; nothing is written.
func TestBuildRefusesErrorsUnlessDraft(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "broken")
	b, err := Build([]string{dir}, config.Default(), Options{})
	require.ErrorIs(t, err, ErrHasErrors)
	errs, _ := b.Data.Counts()
	assert.Positive(t, errs)
	_, statErr := os.Stat(filepath.Join(dir, "output"))
	assert.ErrorIs(t, statErr, fs.ErrNotExist, "nothing written")

	d := build(t, dir, Options{Draft: true})
	assert.True(t, bind.IsDraftVersion(d.Version))
	assert.NotEmpty(t, d.Skipped, "unreadable attachments are left out of the draft")
	info, err := bind.Inspect(d.Path)
	require.NoError(t, err)
	assert.True(t, info.Draft)
	for i, s := range info.Stamps {
		assert.True(t, s.Draft, "page %d marked as a draft", i+1)
	}
}

// -o never replaces an existing file without Force.
func TestBuildOutputExists(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	out := filepath.Join(t.TempDir(), "申报书.pdf")
	require.NoError(t, os.WriteFile(out, []byte("mine"), 0o644))
	_, err := Build([]string{dir}, config.Default(), Options{Output: out, NoAttachments: true})
	require.True(t, errors.Is(err, fs.ErrExist), "%v", err)
	got, _ := os.ReadFile(out)
	assert.Equal(t, "mine", string(got))
	b := build(t, dir, Options{Output: out, NoAttachments: true, Force: true, Now: func() time.Time {
		return time.Date(2021, 11, 5, 9, 0, 0, 0, time.UTC)
	}})
	info, err := bind.Inspect(b.Path)
	require.NoError(t, err)
	assert.Equal(t, b.Version, info.Version)
	assert.Equal(t, 2021, info.Generated.Year())
}

// Every attachment's pages are framed on A4 in their orientation as
// viewed (the example has a two-page lease, A4 portrait then landscape, a
// licence page with /Rotate 90 and A5 appointment letters), and the PDF has
// the bookmarks of every section and attachment.
func TestAttachmentsFramedAndBookmarked(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	b := build(t, dir, Options{})
	out, err := bind.Probe(b.Path)
	require.NoError(t, err)
	require.Len(t, out, b.Pages)
	pos := 0 // attachments are bound in table order: search forward
	rotated, twoSizes, a5 := false, false, false
	for _, a := range b.Data.Attachments {
		src, err := bind.Probe(a.Abs)
		require.NoError(t, err, a.Path)
		found := -1
		for i := pos; i+len(src) <= len(out) && found < 0; i++ {
			same := true
			for j, p := range src {
				o := out[i+j]
				w, h := p.Displayed()
				want := bind.Page{Width: 595.28, Height: 841.89}
				if w > h {
					want = bind.Page{Width: 841.89, Height: 595.28}
				}
				if o != want {
					same = false
					break
				}
			}
			if same {
				found = i
			}
		}
		require.GreaterOrEqual(t, found, 0, "%s: its pages, framed on A4, are in the 申报书", a.Path)
		pos = found + len(src)
		for _, p := range src {
			rotated = rotated || p.Rotate != 0
			a5 = a5 || math.Round(p.Width) == 420
		}
		twoSizes = twoSizes || (len(src) > 1 && src[0].Width != src[1].Width)
	}
	assert.True(t, rotated, "the example has a rotated page")
	assert.True(t, twoSizes, "the example has an attachment with two page sizes")
	assert.True(t, a5, "the example has an A5 page")

	titles := outlineTitles(t, b.Path)
	for _, want := range []string{"目录", "承诺书", "一、基础信息", "四、孵化和服务情况", "八、发展思路、目标及措施", "附件",
		"附件 45  累计入驻企业 · 青澜云帆智能科技有限公司 · 入驻协议"} {
		assert.Contains(t, titles, want, "bookmark %s", want)
	}
	for _, title := range titles {
		assert.NotContains(t, title, ".pdf", "bookmark %s names no file", title)
		assert.NotRegexp(t, `第 \d+ 行`, title, "bookmark %s names no Excel row", title)
	}
}

// outlineTitles reads the titles of a PDF's bookmarks with qpdf.
func outlineTitles(t *testing.T, path string) []string {
	t.Helper()
	needTool(t, "qpdf")
	js, err := exec.Command("qpdf", "--json", "--json-key=outlines", path).Output()
	require.NoError(t, err)
	var doc struct {
		Outlines []outlineItem `json:"outlines"`
	}
	require.NoError(t, json.Unmarshal(js, &doc))
	var out []string
	var walk func([]outlineItem)
	walk = func(items []outlineItem) {
		for _, it := range items {
			out = append(out, it.Title)
			walk(it.Kids)
		}
	}
	walk(doc.Outlines)
	return out
}

type outlineItem struct {
	Title string        `json:"title"`
	Kids  []outlineItem `json:"kids"`
}

// A long list of changes is cut after a few, with a count of the rest.
func TestVerifyLinesCapChanges(t *testing.T) {
	t.Parallel()
	v := &Verdict{}
	for i := range 30 {
		v.Changes = append(v.Changes, digest.Change{Kind: digest.KindFile, Name: fmt.Sprintf("attachments/%02d.pdf", i), Op: digest.Removed})
	}
	lines := v.Lines("zh")
	require.Len(t, lines, 1)
	assert.Contains(t, lines[0], "attachments/07.pdf")
	assert.NotContains(t, lines[0], "attachments/08.pdf")
	assert.Contains(t, lines[0], "另有 22 处改动")
}
