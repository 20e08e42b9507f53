package layout

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata/")
	keep   = flag.String("keep", "", "also write the fixture's PDF into this folder, to look at")
)

// tool returns the path of an external program, skipping the test when it
// is missing outside CI (in CI it must be there).
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s is not installed", name)
		}
		t.Fatalf("%s is needed in CI: %v", name, err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	require.NoError(t, err, "%s %v: %s", name, args, out)
	return string(out)
}

// renderFile renders in to a file in a temporary folder.
func renderFile(t *testing.T, in Input) (string, *Layout) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "申报书.pdf")
	var buf bytes.Buffer
	lay, err := Render(&buf, in)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path, lay
}

// pageTexts returns the text of every page, as pdftotext -raw gives it.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// squeeze removes white space: the text of a wrapped cell comes back in
// several lines.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestRenderFixture(t *testing.T) {
	t.Parallel()
	in := fixture(40, 25, 20)
	path, lay := renderFile(t, in)
	if *keep != "" {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(*keep, "fixture.pdf"), data, 0o644))
	}
	pages := pageTexts(t, path)
	require.Len(t, pages, lay.Pages, "pdftotext pages vs Layout.Pages")
	all := squeeze(strings.Join(pages, ""))

	t.Run("qpdf --check", func(t *testing.T) {
		out := run(t, "qpdf", "--check", path)
		assert.Contains(t, out, "No syntax or stream encoding errors")
	})

	t.Run("font embedded as a subset", func(t *testing.T) {
		out := run(t, "pdffonts", path)
		assert.Regexp(t, `(?m)^[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes yes yes`, out)
	})

	t.Run("page sizes", func(t *testing.T) {
		out := run(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(lay.Pages), path)
		sizes := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(out, -1)
		require.Len(t, sizes, lay.Pages)
		landscapes := 0
		for i, m := range sizes {
			want := "595.28 x 841.89"
			if lay.Landscape[i] {
				want = "841.89 x 595.28"
				landscapes++
			}
			assert.Equal(t, want, m[2]+" x "+m[3], "page %s", m[1])
		}
		assert.GreaterOrEqual(t, landscapes, 2, "the enterprise table spans landscape pages")
	})

	t.Run("section titles", func(t *testing.T) {
		for _, s := range in.Sections {
			p := lay.Written(lay.SectionPages[s.Title])
			require.NotZero(t, p, "section %s", s.Title)
			assert.True(t, strings.HasPrefix(squeeze(pages[p-1]), squeeze(in.Header.Left+in.Header.Right+s.Title)),
				"page %d starts with the running header and %s: %.80q", p, s.Title, pages[p-1])
		}
	})

	t.Run("contents", func(t *testing.T) {
		toc := squeeze(pages[1])
		require.Contains(t, toc, "目录")
		attached := attachmentTitles(lay)
		for _, b := range lay.Bookmarks[1:] {
			if attached[b.Title] {
				assert.NotContains(t, toc, squeeze(b.Title), "an attachment is listed under 附件, not in the contents")
				continue
			}
			assert.Contains(t, toc, squeeze(b.Title)+strconv.Itoa(b.Page), "contents line of %q", b.Title)
		}
	})

	t.Run("outline", func(t *testing.T) {
		var doc struct {
			Outlines []struct {
				Title string `json:"title"`
				Page  int    `json:"destpageposfrom1"`
			} `json:"outlines"`
		}
		require.NoError(t, json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc))
		var want, got []string
		for _, b := range lay.Bookmarks {
			if w := lay.Written(b.Page); b.Level == 1 && w > 0 {
				want = append(want, b.Title+"@"+strconv.Itoa(w))
			}
		}
		for _, o := range doc.Outlines {
			got = append(got, o.Title+"@"+strconv.Itoa(o.Page))
		}
		assert.Equal(t, want, got)
	})

	t.Run("every table's text in order", func(t *testing.T) {
		for _, s := range in.Sections {
			for _, b := range s.Blocks {
				tb, ok := b.(Table)
				if !ok {
					continue
				}
				var headers []string
				for _, c := range tb.Columns {
					headers = append(headers, c.Header)
				}
				assert.Contains(t, all, squeeze(strings.Join(headers, "")), "header of %s", tb.Title)
				// every row, cell after cell
				at := 0
				for i, r := range tb.Rows {
					row := squeeze(strings.Join(r, ""))
					j := strings.Index(all[at:], row)
					if !assert.GreaterOrEqual(t, j, 0, "%s row %d %q after offset %d", tb.Title, i+1, row, at) {
						break
					}
					at += j + len(row)
				}
			}
		}
	})

	t.Run("table header on every page a table spans", func(t *testing.T) {
		first := lay.Written(lay.SectionPages[in.Sections[0].Title]) - 1 // after the contents
		for _, s := range in.Sections {
			for _, b := range s.Blocks {
				tb, ok := b.(Table)
				if !ok {
					continue
				}
				var headers []string
				for _, c := range tb.Columns {
					headers = append(headers, c.Header)
				}
				head := squeeze(strings.Join(headers, ""))
				spans := map[int]bool{}
				for _, r := range tb.Rows {
					row := squeeze(strings.Join(r[:2], ""))
					for i := first; i < len(pages); i++ {
						if p := squeeze(pages[i]); strings.Contains(p, row) {
							spans[i] = true
							if !assert.Regexp(t, regexp.QuoteMeta(squeeze(tb.Title))+"(（续）)?"+regexp.QuoteMeta(head), p, "page %d holds row %q of %s", i+1, row, tb.Title) {
								return
							}
						}
					}
				}
				switch tb.Title {
				case "累计创业团队情况汇总表", "累计入驻企业情况汇总表", "开展创新创业活动情况汇总表":
					assert.GreaterOrEqual(t, len(spans), 2, "%s crosses pages", tb.Title)
				default:
					assert.Len(t, spans, 1, "%s fits on a page", tb.Title)
				}
			}
		}
	})

	t.Run("last rows", func(t *testing.T) {
		assert.Contains(t, all, "鹿鸣生物医药项目团队", "team 40")
		assert.Contains(t, all, squeeze(in.Sections[3].Blocks[2].(Table).Rows[19][4]), "summary of activity 20")
	})

	t.Run("no line starts with closing punctuation", func(t *testing.T) {
		for i, p := range pages {
			for _, ln := range strings.Split(p, "\n") {
				r, _ := utf8.DecodeRuneInString(strings.TrimSpace(ln))
				assert.NotContains(t, "，。、；：？！）」』》”’", string(r), "page %d line %q", i+1, ln)
			}
		}
	})

	t.Run("cover", func(t *testing.T) {
		cover := squeeze(pages[0])
		for _, s := range []string{in.Info.Title, "众创空间名称：星火创客空间", "运营主体：杭州星火科技企业孵化器有限公司", "（盖章）", "受理机构：浙江省科学技术厅", "生成日期：2025年3月18日", "版本号：V25C18-7KQ4-MX2W"} {
			assert.Contains(t, cover, squeeze(s))
		}
		assert.NotContains(t, cover, "草稿")
	})

	t.Run("layout golden", func(t *testing.T) {
		got, err := json.MarshalIndent(lay, "", "  ")
		require.NoError(t, err)
		golden := filepath.Join("testdata", "fixture-layout.json")
		if *update {
			require.NoError(t, os.MkdirAll("testdata", 0o755))
			require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test -update to create it")
		assert.JSONEq(t, string(want), string(got))
	})
}

func TestDraftCover(t *testing.T) {
	t.Parallel()
	in := fixture(2, 2, 2)
	in.Cover = testCover(in.Info.Title, true, [][2]string{{"版本号：", "DRAFT-7KQ4-MX2W-3TCW"}})
	in.Sections, in.Attachments = in.Sections[:1], nil
	path, _ := renderFile(t, in)
	assert.Contains(t, squeeze(pageTexts(t, path)[0]), "草稿—不可用于申报")
}

func TestLayoutNumbers(t *testing.T) {
	t.Parallel()
	in := withCover(Input{
		Front: []AttachmentRef{{Title: "承诺书", Pages: 2}},
		Sections: []Section{
			{Title: "一、基础信息", Blocks: []Block{&KeyValues{Title: "基本情况", Items: [][2]string{{"名称", "测试空间"}}}}},
			{Title: "二、宽表", Blocks: []Block{Table{Title: "宽表", Landscape: true, Columns: []Column{{Header: "甲"}, {Header: "乙"}}}}},
			{Title: "三、说明", Blocks: []Block{Paragraphs{Title: "（一）概况", Text: "第一段。\n第二段。"}}},
		},
		Attachments: []AttachmentRef{{Title: "附件甲", Pages: 3}, {Title: "附件乙", Pages: 1}},
	}, "国家备案众创空间申报书", "测试空间")
	var buf bytes.Buffer
	lay, err := Render(&buf, in)
	require.NoError(t, err)

	// cover, contents, 3 sections, the list of attachments
	assert.Equal(t, 6, lay.Pages)
	assert.Equal(t, []bool{false, false, false, true, false, false}, lay.Landscape)
	assert.Equal(t, 6+2+3+1, lay.TotalPages)
	assert.Equal(t, []Slot{
		{Title: "承诺书", After: 2, Page: 3, Pages: 2},
		{Title: "附件甲", After: 6, Page: 9, Pages: 3, Attachment: true},
		{Title: "附件乙", After: 6, Page: 12, Pages: 1, Attachment: true},
	}, lay.Slots)
	assert.Equal(t, []Bookmark{
		{"目录", 1, 2}, {"承诺书", 1, 3},
		{"一、基础信息", 1, 5}, {"基本情况", 2, 5},
		{"二、宽表", 1, 6}, {"宽表", 2, 6},
		{"三、说明", 1, 7}, {"（一）概况", 2, 7},
		{"附件", 1, 8}, {"附件甲", 2, 9}, {"附件乙", 2, 12},
	}, lay.Bookmarks)
	assert.Equal(t, map[string]int{"一、基础信息": 5, "二、宽表": 6, "三、说明": 7}, lay.SectionPages)

	written := []int{0, 1, 2, 0, 0, 3, 4, 5, 6, 0, 0, 0, 0, 0}
	for bound, want := range written {
		assert.Equal(t, want, lay.Written(bound), "Written(%d)", bound)
	}
	_, ok := in.Sections[0].Blocks[0].(*KeyValues)
	assert.True(t, ok, "the input is not changed")

	t.Run("bookmark on a landscape page points inside it", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a.pdf")
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		var doc struct {
			Outlines []struct {
				Title string `json:"title"`
				Dest  []any  `json:"dest"`
			} `json:"outlines"`
		}
		require.NoError(t, json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc))
		for _, o := range doc.Outlines {
			if o.Title == "二、宽表" {
				y, _ := o.Dest[3].(float64)
				assert.InDelta(t, 595.28-20*mm+10, y, 1)
				return
			}
		}
		t.Error("no bookmark 二、宽表")
	})
}

func TestTablesOddCases(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("这是一个很长的单元格，里面的文字要在单元格内换行。", 200)
	in := withCover(Input{
		Sections: []Section{{Title: "一、表格", Blocks: []Block{
			Table{Title: "空表", Columns: []Column{{Header: "甲"}, {Header: "乙"}}},
			Table{Title: "超高的行", Columns: []Column{{Header: "序号", Width: 1}, {Header: "内容", Width: 3}}, Rows: [][]string{{"1", long}, {"2", "短"}, {"3"}}},
		}}},
	}, "申报书", "测试空间")
	path, lay := renderFile(t, in)
	pages := pageTexts(t, path)
	cont := "申报书测试空间超高的行（续）序号内容" // running header, title and header row of a continued page
	all := strings.ReplaceAll(squeeze(strings.Join(pages, "")), cont, "")
	assert.Contains(t, all, "空表甲乙无", "an empty table shows 无")
	assert.Contains(t, all, squeeze(long), "a row taller than a page is split, not cut")
	assert.Equal(t, 5, lay.Pages, "the tall row spans three pages")
	for i, p := range pages[3:] {
		assert.True(t, strings.HasPrefix(squeeze(p), cont), "page %d repeats the title and header: %.60q", i+4, p)
	}
	assert.Contains(t, all, "2短3")
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(*Input)
		want string
	}{
		{"row wider than the table", func(in *Input) {
			in.Sections = []Section{{Title: "一", Blocks: []Block{Table{Columns: []Column{{Header: "甲"}}, Rows: [][]string{{"1", "2"}}}}}}
		}, "2 cells for 1 columns"},
		{"table without columns", func(in *Input) {
			in.Sections = []Section{{Title: "一", Blocks: []Block{Table{Title: "表"}}}}
		}, "no columns"},
		{"nil block", func(in *Input) {
			in.Sections = []Section{{Title: "一", Blocks: []Block{(*Table)(nil)}}}
		}, "not a KeyValues"},
		{"attachment without pages", func(in *Input) {
			in.Attachments = []AttachmentRef{{Title: "附件", Pages: 0}}
		}, "at least one page"},
		{"label share out of range", func(in *Input) {
			in.Sections = []Section{{Title: "一", Blocks: []Block{KeyValues{LabelShare: 1.5}}}}
		}, "label share"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Info: Info{Title: "申报书"}}
			tt.edit(&in)
			var buf bytes.Buffer
			lay, err := Render(&buf, in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Nil(t, lay)
			assert.Zero(t, buf.Len(), "nothing written on error")
		})
	}
}

func TestMissingGlyphs(t *testing.T) {
	t.Parallel()
	in := Input{Sections: []Section{{Title: "一", Blocks: []Block{Paragraphs{Text: "笑脸😀和𠀀"}}}}}
	var buf bytes.Buffer
	lay, err := Render(&buf, in)
	require.NoError(t, err)
	assert.Equal(t, []rune{'😀', '𠀀'}, lay.Missing)
}

func TestSubsetTagFollowsText(t *testing.T) {
	t.Parallel()
	m, err := loadMetrics(nil)
	require.NoError(t, err)
	m.use("甲乙")
	a := m.family()
	m.use("丙")
	b := m.family()
	assert.Regexp(t, `^[A-Z]{6}\+WenQuanYiMicroHei$`, a)
	assert.NotEqual(t, a, b)
}

func TestLongContents(t *testing.T) {
	t.Parallel()
	in := fixture(3, 3, 3)
	in.Attachments = nil
	for i := range 90 {
		in.Attachments = append(in.Attachments, AttachmentRef{Title: "创业团队 第 " + strconv.Itoa(i+2) + " 行 入驻协议：attachments/入驻协议/" + strings.Repeat("很长的文件名", i%4*3) + strconv.Itoa(i) + ".pdf", Pages: 1})
	}
	path, lay := renderFile(t, in)
	if *keep != "" {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(*keep, "long-contents.pdf"), data, 0o644))
	}
	pages := pageTexts(t, path)
	contents := lay.Slots[0].After - 1 // pages between the cover and the commitment letter
	assert.Equal(t, 1, contents, "90 attachments do not lengthen the contents: the list under 附件 names them")
	toc := squeeze(pages[1])
	attached := attachmentTitles(lay)
	for _, b := range lay.Bookmarks[1:] {
		if !attached[b.Title] {
			assert.Contains(t, toc, squeeze(b.Title)+strconv.Itoa(b.Page))
		}
	}
	assert.Contains(t, toc, "附件")
	assert.Equal(t, lay.Pages+1+90, lay.TotalPages)
	last := lay.Slots[len(lay.Slots)-1]
	assert.Equal(t, lay.TotalPages, last.Page, "the last attachment is the last page")
	// the list of attachments gives the same pages
	list := squeeze(strings.Join(pages[lay.Written(lay.Bookmarks[len(lay.Bookmarks)-91].Page)-1:], ""))
	for i, s := range lay.Slots[1:] {
		assert.Contains(t, list, strconv.Itoa(i+1)+squeeze(s.Title)+strconv.Itoa(s.Page)+"1")
	}
}

// attachmentTitles are the titles of the attachments' slots.
func attachmentTitles(lay *Layout) map[string]bool {
	out := map[string]bool{}
	for _, s := range lay.Slots {
		if s.Attachment {
			out[s.Title] = true
		}
	}
	return out
}
