package bind

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/digest"
	"github.com/mkspace/mkspace/internal/msg"
)

// geometry of the fixture pages as stored.
func pagesOf(ps []fxPage) []Page {
	out := make([]Page, len(ps))
	for i, p := range ps {
		out[i] = Page{Width: p.size[0], Height: p.size[1], Rotate: p.rotate}
	}
	return out
}

func repeatPage(p Page, n int) []Page {
	out := make([]Page, n)
	for i := range out {
		out[i] = p
	}
	return out
}

func testMeta() Meta {
	b := digest.New()
	b.Sheet("基础信息")
	b.Row([]string{"众创空间名称", "星火空间"})
	return Meta{
		Title:     "国家备案众创空间申报书",
		Subject:   "星火空间",
		Tool:      "mkspace test",
		Generated: time.Date(2026, 11, 2, 9, 30, 15, 0, time.FixedZone("CST", 8*3600)),
		Digest:    b.Sum().String(),
	}
}

// The whole chain on a package with every kind of attachment: pages,
// sizes, rotations, footers, fonts, outline, metadata, and Inspect.
func TestBindPackage(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	version := NewVersion()
	docs := []Document{
		{Path: f.mixed, Title: "入驻企业 第 5 行 营业执照：附件/混合页面.pdf", After: 5},
		{Path: f.owner, Title: "创业导师 第 2 行 聘书：附件/权限密码.pdf", After: 5},
		{Path: f.objstm, Title: "宣传报道 第 3 行 报道：附件/对象流.pdf", After: 5},
		{Path: f.long, Title: "服务场地 第 2 行 租赁合同：附件/三百页.pdf", After: 5},
	}
	in := Input{Body: f.body, Documents: docs, Version: version, Meta: testMeta()}
	out := filepath.Join(t.TempDir(), "申报书-"+version+".pdf")
	res, err := BindFile(in, out)
	require.NoError(t, err)

	want := pagesOf(f.bodyPages)
	// The documents' pages are framed on A4 in their orientation as
	// viewed.
	for _, p := range pagesOf(f.mixedPages) {
		if w, h := p.Displayed(); w > h {
			want = append(want, Page{841.89, 595.28, 0})
		} else {
			want = append(want, Page{595.28, 841.89, 0})
		}
	}
	want = append(want, repeatPage(Page{595.28, 841.89, 0}, 2+1+300)...)
	total := len(want)
	assert.Equal(t, total, res.Pages)
	assert.Equal(t, []int{6, 12, 14, 15}, res.Starts)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, st.Size(), res.Size)

	t.Run("body pages kept, documents framed on A4", func(t *testing.T) {
		assert.Equal(t, want, pdfinfoPages(t, out))
		probed, err := Probe(out)
		require.NoError(t, err)
		assert.Equal(t, want, probed)
	})
	t.Run("footer on every page", func(t *testing.T) {
		texts := pageTexts(t, out, "-raw")
		require.Len(t, texts, total)
		for i, text := range texts {
			assert.Regexp(t, footerRE(version, i+1, total), text, "page %d", i+1)
			assert.Equal(t, 1, strings.Count(text, version), "page %d: the watermark stays out of the text", i+1)
		}
		// The body's own text comes back.
		assert.Contains(t, texts[3], "四、孵化和服务情况")
		assert.Contains(t, texts[12], "聘书")
	})
	t.Run("qpdf check", func(t *testing.T) { qpdfCheck(t, out) })
	t.Run("fonts embedded", func(t *testing.T) {
		fonts := pdffonts(t, out)
		for name, emb := range fonts {
			assert.True(t, emb, "font %s is not embedded", name)
		}
		var subset bool
		for name := range fonts {
			subset = subset || strings.HasSuffix(name, "+WenQuanYiMicroHei")
		}
		assert.True(t, subset, "the stamp's subset font: %v", fonts)
	})
	t.Run("document information", func(t *testing.T) {
		assert.Equal(t, "mkspace", pdfinfoField(t, out, "Producer"))
		assert.Equal(t, "国家备案众创空间申报书", pdfinfoField(t, out, "Title"))
		assert.Equal(t, "mkspace test", pdfinfoField(t, out, "Creator"))
	})
	t.Run("inspect", func(t *testing.T) {
		info, err := Inspect(out)
		require.NoError(t, err)
		assert.Equal(t, total, info.Pages)
		assert.Equal(t, version, info.Version)
		assert.Equal(t, in.Meta.Digest, info.Digest)
		assert.True(t, in.Meta.Generated.Equal(info.Generated), "generated %v, want %v", info.Generated, in.Meta.Generated)
		assert.Equal(t, "国家备案众创空间申报书", info.Title)
		assert.Equal(t, "mkspace", info.Producer)
		assert.Equal(t, "mkspace test", info.Tool)
		assert.False(t, info.Draft)
		for i, s := range info.Stamps {
			assert.Equal(t, Stamp{Version: version, Number: i + 1, Total: total, Watermark: version, Width: s.Width, Height: s.Height}, s, "page %d", i+1)
			assert.Positive(t, s.Width, "page %d: its size", i+1)
		}
		assert.Empty(t, info.Problems())
		_, err = digest.Parse(info.Digest)
		assert.NoError(t, err)
	})
	t.Run("outline", func(t *testing.T) {
		bms := readOutline(t, out)
		assert.Equal(t, []Bookmark{
			{"封面", 1, 1}, {"目录", 1, 2}, {"一、基础信息", 1, 3}, {"四、孵化和服务情况", 1, 4}, {"附件", 1, 5},
			{docs[0].Title, 1, 6}, {docs[1].Title, 1, 12}, {docs[2].Title, 1, 14}, {docs[3].Title, 1, 15},
		}, bms)
	})
}

// readOutline returns the outline of a PDF, flattened.
func readOutline(t *testing.T, path string) []Bookmark {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	bms, err := api.Bookmarks(bytes.NewReader(data), Config())
	require.NoError(t, err)
	var out []Bookmark
	var walk func(level int, bms []pdfcpu.Bookmark)
	walk = func(level int, bms []pdfcpu.Bookmark) {
		for _, b := range bms {
			out = append(out, Bookmark{Title: b.Title, Level: level, Page: b.PageFrom})
			walk(level+1, b.Kids)
		}
	}
	walk(1, bms)
	return out
}

// Documents bound inside the body (the 承诺书 after the contents) and an
// outline given in full.
func TestBindInsideBodyWithOutline(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	version := NewVersion()
	outline := []Bookmark{
		{"封面", 1, 1}, {"目录", 1, 2},
		{"承诺书", 1, 3},
		{"一、基础信息", 1, 5}, {"媒体报道", 2, 5}, {"四、孵化和服务情况", 1, 6},
		{"附件", 1, 7}, {"对象流", 2, 8},
	}
	in := Input{
		Body: f.body,
		Documents: []Document{
			{Path: f.owner, After: 2},  // pages 3–4
			{Path: f.objstm, After: 5}, // page 8
		},
		Outline: outline,
		Version: version,
		Meta:    testMeta(),
	}
	var buf bytes.Buffer
	res, err := Bind(in, &buf)
	require.NoError(t, err)
	assert.Equal(t, 8, res.Pages)
	assert.Equal(t, []int{3, 8}, res.Starts)
	out := filepath.Join(t.TempDir(), "out.pdf")
	require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o644))

	texts := pageTexts(t, out, "-raw")
	require.Len(t, texts, 8)
	for i, want := range []string{"封面", "目录", "聘书", "聘书 续", "一、基础信息", "四、孵化和服务情况", "附件", "对象流"} {
		assert.Contains(t, texts[i], want, "page %d", i+1)
		assert.Regexp(t, footerRE(version, i+1, 8), texts[i])
	}
	assert.Equal(t, outline, readOutline(t, out))
	qpdfCheck(t, out)
}

// Without documents the body alone is stamped.
func TestBindBodyOnly(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	version := NewVersion()
	var buf bytes.Buffer
	res, err := Bind(Input{Body: f.body, Version: version}, &buf)
	require.NoError(t, err)
	assert.Equal(t, 5, res.Pages)
	info, err := InspectReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Empty(t, info.Problems())
	assert.Equal(t, version, info.Version)
	assert.False(t, info.Generated.IsZero())
}

func TestBindDraft(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	version := NewDraftVersion()
	out := filepath.Join(t.TempDir(), "draft.pdf")
	_, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: f.mixed, After: 5}}, Version: version, Draft: true, Meta: testMeta()}, out)
	require.NoError(t, err)
	texts := pageTexts(t, out, "-raw")
	for i, text := range texts {
		assert.Contains(t, text, DraftMark+" 版本号："+version, "page %d", i+1)
		assert.Regexp(t, footerRE(version, i+1, len(texts)), text)
	}
	info, err := Inspect(out)
	require.NoError(t, err)
	assert.True(t, info.Draft)
	for _, s := range info.Stamps {
		assert.True(t, s.Draft)
		assert.Equal(t, version, s.Watermark)
	}
	assert.Empty(t, info.Problems())
}

// Two builds of the same input: different versions; pages of both in one
// PDF, a page removed, a PDF without stamps — each caught by Problems.
func TestInspectCatchesMixedBuilds(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	dir := t.TempDir()
	build := func(name string) (string, string) {
		v := NewVersion()
		p := filepath.Join(dir, name)
		_, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: f.owner, After: 5}}, Version: v, Meta: testMeta()}, p)
		require.NoError(t, err)
		return p, v
	}
	a, va := build("a.pdf")
	b, vb := build("b.pdf")
	require.NotEqual(t, va, vb)

	t.Run("pages of two builds", func(t *testing.T) {
		mixed := filepath.Join(dir, "mixed.pdf")
		qpdf(t, "--empty", "--pages", a, "1-3", b, "4-7", "--", mixed)
		info, err := Inspect(mixed)
		require.NoError(t, err)
		assert.Equal(t, []string{va, va, va, vb, vb, vb, vb}, versions(info))
		assert.Equal(t, vb, info.DocumentVersion(), "most pages")
		assert.Equal(t, []Problem{{Kind: NoRecord}, {Kind: OtherVersion, Pages: []int{1, 2, 3}, Version: va}}, info.Problems())
	})
	t.Run("one page swapped, information kept", func(t *testing.T) {
		swapped := filepath.Join(dir, "swapped.pdf")
		qpdf(t, a, "--pages", a, "1-2", b, "3", a, "4-z", "--", swapped)
		info, err := Inspect(swapped)
		require.NoError(t, err)
		assert.Equal(t, va, info.Version)
		assert.Equal(t, []Problem{{Kind: OtherVersion, Pages: []int{3}, Version: vb}}, info.Problems())
	})
	t.Run("a page removed", func(t *testing.T) {
		cut := filepath.Join(dir, "cut.pdf")
		qpdf(t, a, "--pages", a, "1-2,4-z", "--", cut)
		info, err := Inspect(cut)
		require.NoError(t, err)
		assert.Equal(t, []Problem{{Kind: Missing, Pages: []int{3}, Total: 7}}, info.Problems())
	})
	t.Run("pages reordered", func(t *testing.T) {
		re := filepath.Join(dir, "reordered.pdf")
		qpdf(t, a, "--pages", a, "2,1,3-z", "--", re)
		info, err := Inspect(re)
		require.NoError(t, err)
		assert.Equal(t, []Problem{{Kind: Reordered, Pages: []int{2}, At: []int{1}}}, info.Problems())
	})
	t.Run("an unstamped page added", func(t *testing.T) {
		added := filepath.Join(dir, "added.pdf")
		qpdf(t, a, "--pages", a, f.objstm, "--", added)
		info, err := Inspect(added)
		require.NoError(t, err)
		assert.Equal(t, []Problem{{Kind: Unstamped, Pages: []int{8}}}, info.Problems(), "the page added explains the count")
	})
	t.Run("not a 申报书", func(t *testing.T) {
		info, err := InspectReader(bytes.NewReader(f.body))
		require.NoError(t, err)
		assert.Equal(t, 5, info.Pages)
		assert.Empty(t, info.Version)
		assert.Equal(t, []Problem{{Kind: NotStamped}}, info.Problems())
	})
	t.Run("a 申报书 bound into another", func(t *testing.T) {
		vc := NewVersion()
		c := filepath.Join(dir, "c.pdf")
		_, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: a, After: 5}}, Version: vc}, c)
		require.NoError(t, err)
		info, err := Inspect(c)
		require.NoError(t, err)
		assert.Empty(t, info.Problems(), "the outermost stamp counts")
		assert.Equal(t, vc, info.Stamps[7].Version)
	})
}

func versions(info *Info) []string {
	out := make([]string, len(info.Stamps))
	for i, s := range info.Stamps {
		out[i] = s.Version
	}
	return out
}

func TestBindErrors(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	v := NewVersion()
	cases := []struct {
		name string
		in   Input
		path string // of the DocumentError; "-" when not a DocumentError
		want error
	}{
		{"needs a password", Input{Body: f.body, Documents: []Document{{Path: f.user, After: 5}}, Version: v}, f.user, ErrNeedsPassword},
		{"damaged", Input{Body: f.body, Documents: []Document{{Path: f.bad, After: 5}}, Version: v}, f.bad, ErrUnreadable},
		{"missing", Input{Body: f.body, Documents: []Document{{Path: f.bad + ".gone", After: 5}}, Version: v}, f.bad + ".gone", fs.ErrNotExist},
		{"body not a PDF", Input{Body: []byte("not a pdf"), Version: v}, "", ErrUnreadable},
		{"no version", Input{Body: f.body}, "-", nil},
		{"not a version", Input{Body: f.body, Version: "MK-1234"}, "-", nil},
		{"after past the body", Input{Body: f.body, Documents: []Document{{Path: f.owner, After: 6}}, Version: v}, "-", nil},
		{"out of order", Input{Body: f.body, Documents: []Document{{Path: f.owner, After: 3}, {Path: f.owner, After: 2}}, Version: v}, "-", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Bind(tc.in, &buf)
			require.Error(t, err)
			assert.Zero(t, buf.Len(), "nothing written")
			var de *DocumentError
			if tc.path == "-" {
				assert.False(t, errors.As(err, &de), "%v", err)
				return
			}
			require.True(t, errors.As(err, &de), "%T %v", err, err)
			assert.Equal(t, tc.path, de.Path)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

// A failed binding leaves the previous file and no temporary file; a
// successful one replaces it whole.
func TestBindFileAtomic(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "申报书.pdf")
	require.NoError(t, os.WriteFile(out, []byte("previous"), 0o644))

	_, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: f.user, After: 5}}, Version: NewVersion()}, out)
	require.Error(t, err)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "previous", string(data))

	v := NewVersion()
	_, err = BindFile(Input{Body: f.body, Version: v}, out)
	require.NoError(t, err)
	info, err := Inspect(out)
	require.NoError(t, err)
	assert.Equal(t, v, info.Version)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left: %v", entries)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o644), st.Mode().Perm())

	// A folder that cannot be written to: an error, not a panic.
	_, err = BindFile(Input{Body: f.body, Version: v}, filepath.Join(dir, "missing", "x.pdf"))
	assert.Error(t, err)
}

// pdfcpu must not write its configuration (or anything else) into the
// user's home, nor the stamp anything into the temporary folder.
func TestNothingWrittenToHome(t *testing.T) {
	f := getFixtures(t)
	home, tmp := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("TMPDIR", tmp)
	Cleanup()
	out := filepath.Join(t.TempDir(), "out.pdf")
	_, err := BindFile(Input{Body: f.body, Documents: []Document{{Path: f.owner, After: 5}}, Version: NewVersion(), Meta: testMeta()}, out)
	require.NoError(t, err)
	_, err = Inspect(out)
	require.NoError(t, err)
	_, err = Probe(f.mixed)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, Normalize(bytes.NewReader(mustRead(t, f.owner)), &buf))
	Cleanup()

	for _, d := range []string{home, tmp} {
		entries, err := os.ReadDir(d)
		require.NoError(t, err)
		assert.Empty(t, entries, "%s holds %v", d, entries)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	for _, path := range []string{f.owner, f.objstm} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Normalize(bytes.NewReader(mustRead(t, path)), &buf))
			out := buf.Bytes()
			assert.NotContains(t, string(out), "/Encrypt")
			assert.NotContains(t, string(out), "/ObjStm")
			assert.NotContains(t, string(out), "/XRef")
			p := filepath.Join(t.TempDir(), "n.pdf")
			require.NoError(t, os.WriteFile(p, out, 0o644))
			qpdfCheck(t, p)
			assert.Contains(t, strings.Join(pageTexts(t, p), ""), "页")
		})
	}
	err := Normalize(bytes.NewReader(mustRead(t, f.user)), &bytes.Buffer{})
	assert.ErrorIs(t, err, ErrNeedsPassword)
}

func TestProbe(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	pages, err := Probe(f.mixed)
	require.NoError(t, err)
	assert.Equal(t, pagesOf(f.mixedPages), pages)
	w, h := pages[2].Displayed()
	assert.Equal(t, [2]float64{842, 595}, [2]float64{w, h})
	_, err = Probe(f.user)
	assert.ErrorIs(t, err, ErrNeedsPassword)
}

func TestMessage(t *testing.T) {
	t.Parallel()
	f := getFixtures(t)
	v := NewVersion()
	bindErr := func(in Input) error {
		_, err := Bind(in, &bytes.Buffer{})
		require.Error(t, err)
		return err
	}
	cases := []struct {
		name string
		err  error
		zh   string
		en   string
	}{
		{"password", bindErr(Input{Body: f.body, Documents: []Document{{Path: f.user}}, Version: v}), "设置了打开密码", "needs a password"},
		{"damaged", bindErr(Input{Body: f.body, Documents: []Document{{Path: f.bad}}, Version: v}), "无法读取", "cannot be read"},
		{"missing", bindErr(Input{Body: f.body, Documents: []Document{{Path: f.bad + ".gone"}}, Version: v}), "找不到附件", "is missing"},
		{"body", bindErr(Input{Body: []byte("x"), Version: v}), "正文无法装订", "body of the"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			zh, ok := Message(msg.ZH, tc.err)
			require.True(t, ok)
			assert.Contains(t, zh, tc.zh)
			assert.NotContains(t, zh, "{")
			en, ok := Message(msg.EN, tc.err)
			require.True(t, ok)
			assert.Contains(t, en, tc.en)
			var de *DocumentError
			require.ErrorAs(t, tc.err, &de)
			if de.Path != "" {
				assert.Contains(t, zh, de.Path)
			}
		})
	}
	_, ok := Message(msg.ZH, errors.New("disk full"))
	assert.False(t, ok)
}

// Every error of Bind has its message: a document, the stamp's font (its
// characters, or its folder that cannot be written), a fault to report.
func TestMessageOfEveryBindError(t *testing.T) {
	f := getFixtures(t)
	_, fault := Bind(Input{Body: f.body, Version: "MK-NOT-A-VERSION"}, &bytes.Buffer{})
	require.Error(t, fault)

	_, noTemp := os.ReadDir(filepath.Join(t.TempDir(), "missing"))
	noTemp = &Error{Font: true, Err: noTemp}

	cases := []struct {
		name   string
		err    error
		zh, en string
	}{
		{"fault", fault, "mkspace 自身的问题", "fault of mkspace"},
		{"no temporary folder", noTemp, "临时文件夹", "temporary folder"},
		{"glyphs", &GlyphError{Chars: "版"}, "缺少这些字符：版", "lacks these characters: 版"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			zh, ok := Message(msg.ZH, tc.err)
			require.True(t, ok, "%v", tc.err)
			assert.Contains(t, zh, tc.zh)
			en, ok := Message(msg.EN, tc.err)
			require.True(t, ok)
			assert.Contains(t, en, tc.en)
			var loc interface{ Localized(msg.Lang) string }
			require.ErrorAs(t, tc.err, &loc)
			assert.Equal(t, zh, loc.Localized(msg.ZH))
		})
	}
	assert.NotContains(t, mustMessage(t, noTemp), "mkdir", "the system's refusal in plain words")
}

func mustMessage(t *testing.T, err error) string {
	t.Helper()
	text, ok := Message(msg.ZH, err)
	require.True(t, ok)
	return text
}
