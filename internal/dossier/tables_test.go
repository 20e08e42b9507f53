package dossier

import (
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/pdf/layout"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/totals"
)

// word is a word of `pdftotext -bbox`, on its page.
type word struct {
	page                  int
	x0, y0, x1, y1        float64
	text                  string
	pageWidth, pageHeight float64
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// bboxWords reads the words of a PDF's pages, in the order of the pages'
// content (the order the cells are set in).
func bboxWords(t *testing.T, pdf string) (pages [][]word) {
	t.Helper()
	out := pdfTool(t, "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-")
	for _, p := range strings.Split(out, "</page>") {
		m := bboxPage.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		w, h := num(m[1]), num(m[2])
		var ws []word
		for _, m := range bboxWord.FindAllStringSubmatch(p, -1) {
			ws = append(ws, word{page: len(pages) + 1, x0: num(m[1]), y0: num(m[2]), x1: num(m[3]), y1: num(m[4]),
				text: html.UnescapeString(m[5]), pageWidth: w, pageHeight: h})
		}
		pages = append(pages, ws)
	}
	return pages
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// pagesOf are the pages (as word lists) on which a table's title, or its
// title marked （续）, is set above its header (not the contents).
func pagesOf(pages [][]word, title string) [][]word {
	var out [][]word
	for _, ws := range pages {
		titled, header := false, false
		for _, w := range ws {
			centred := math.Abs((w.x0+w.x1)/2-w.pageWidth/2) < 5
			titled = titled || centred && (w.text == title || w.text == title+msg.ZH.T("doc.continued"))
			header = header || w.text == msg.ZH.T("doc.col.serial")
		}
		if titled && header {
			out = append(out, ws)
		}
	}
	return out
}

// linesOf is the number of consecutive words (cell lines) that together
// spell s on a page, 0 when none do (up to 4 lines).
func linesOf(ws []word, s string) int {
	for i := range ws {
		joined := ""
		for k := 0; k < 4 && i+k < len(ws); k++ {
			joined += ws[i+k].text
			if joined == s {
				return k + 1
			}
			if !strings.HasPrefix(s, joined) {
				break
			}
		}
	}
	return 0
}

// The enterprise table of the good example (22 enterprises) takes at most
// two landscape pages; no company name of up to 16 characters breaks over
// more than two lines; codes, dates and 附件 N are never broken; no line
// of a header or a cell of the service tables is one character alone
// (but 是 and 否).
func TestTablesLaidOutByContent(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	b := build(t, dir, Options{})
	pages := bboxWords(t, b.Path)

	ent := pagesOf(pages, schema.Enterprises.Sheet.Title)
	require.NotEmpty(t, ent)
	assert.LessOrEqual(t, len(ent), 2, "the enterprise table takes at most two pages")
	for _, ws := range ent {
		assert.Greater(t, ws[0].pageWidth, ws[0].pageHeight, "page %d is landscape", ws[0].page)
	}
	rows := b.Data.Sheets[schema.Enterprises.Sheet]
	require.Len(t, rows, 22)
	var all []word
	for _, ws := range ent {
		all = append(all, ws...)
	}
	for _, r := range rows {
		name := r.Text[schema.Enterprises.Name.Index()]
		n := linesOf(all, name)
		assert.NotZero(t, n, "%s is in the table", name)
		if utf8.RuneCountInString(name) <= 16 {
			assert.LessOrEqual(t, n, 2, "%s breaks over %d lines", name, n)
		}
		for _, c := range []schema.Col{schema.Enterprises.USCC, schema.Enterprises.RegisteredOn, schema.Enterprises.JoinedOn,
			schema.Enterprises.MovedOutOn, schema.Enterprises.FinancedOn, schema.Enterprises.Amount} {
			if v := r.Text[c.Index()]; v != "" {
				assert.Equal(t, 1, linesOf(all, v), "%s of %s on one line", c.Header(), name)
			}
		}
	}
	// 附件 N: the word 附件 and its number on one line
	for _, ws := range ent {
		for i, w := range ws {
			if w.text == "附件" {
				require.Less(t, i+1, len(ws))
				assert.Regexp(t, `^\d+$`, ws[i+1].text, "附件 and its number on one line")
				assert.InDelta(t, w.y0, ws[i+1].y0, 0.5, "附件 %s on one line", ws[i+1].text)
			}
		}
	}
	for _, title := range []string{schema.Teams.Sheet.Title, schema.Enterprises.Sheet.Title, schema.Venues.Sheet.Title, schema.Staff.Sheet.Title,
		schema.Mentors.Sheet.Title, schema.Activities.Sheet.Title, schema.Media.Sheet.Title} {
		for _, ws := range pagesOf(pages, title) {
			top := 0.0
			for _, w := range ws {
				if w.text == msg.ZH.T("doc.col.serial") {
					top = w.y0 - 40 // the header, a grouped one too
					break
				}
			}
			for _, w := range ws {
				if w.y0 < top || w.y0 > w.pageHeight-60 { // not the running header or the footer
					continue
				}
				if utf8.RuneCountInString(w.text) == 1 && w.text >= "\u2E80" && w.text != "是" && w.text != "否" {
					t.Errorf("%s, page %d: %q alone on a line", title, w.page, w.text)
				}
			}
		}
	}
}

// The venue table has the form's grouped header 其中（平方米） over the four
// parts of the area, below which they sit, and its area's unit; the team,
// enterprise and activity tables carry the periods of the configured
// window; the 申报书 prints only the form's figures.
func TestTablesAsTheFormWritesThem(t *testing.T) {
	t.Parallel()
	dir := copyExample(t, "good")
	b := build(t, dir, Options{})
	pages := bboxWords(t, b.Path)
	venues := pagesOf(pages, schema.Venues.Sheet.Title)
	require.Len(t, venues, 1)
	var group, part *word
	for i, w := range venues[0] {
		switch w.text {
		case "其中（平方米）":
			group = &venues[0][i]
		case "创业团队":
			part = &venues[0][i]
		}
	}
	require.NotNil(t, group, "the grouped header")
	require.NotNil(t, part, "创业团队和企业场地面积's header")
	assert.Less(t, group.y1, part.y0+0.5, "the group's header is above its parts'")
	// centred over four columns, the first of which is 创业团队和企业场地面积
	assert.Greater(t, (group.x0+group.x1)/2, part.x1, "the group spans the parts")

	text := squeeze(pdfTool(t, "pdftotext", "-raw", "-enc", "UTF-8", b.Path, "-"))
	for _, want := range []string{"众创空间面积（平方米）", "（自众创空间开始运营至2021年10月31日累计）", "（2020.11.1-2021.10.31）"} {
		assert.Contains(t, text, want)
	}
	l := msg.ZH
	for _, k := range []string{totals.KeyTeamsJoinedInWindow, totals.KeyEnterprisesJoinedInWindow,
		totals.KeyEnterpriseStaffInSpace, totals.KeyMentorsFullTime, totals.KeyMentorsPartTime} {
		assert.NotContains(t, text, squeeze(l.T("total."+k)), "not a figure of the form")
	}
	for _, k := range []string{totals.KeyTotalArea, totals.KeyManagementStaff, totals.KeyTeamsTotal,
		totals.KeyEnterprisesTotal, totals.KeyActivities} {
		assert.Contains(t, text, squeeze(l.T("total."+k)))
	}

	// another window, other dates
	cfg := config.Default()
	cfg.Window.Start = time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC)
	cfg.Window.End = time.Date(2022, 10, 31, 0, 0, 0, 0, time.UTC)
	d, err := Read([]string{dir}, cfg)
	require.NoError(t, err)
	got := ""
	for _, sec := range sections(d, map[string]string{}) {
		for _, bl := range sec.Blocks {
			if tb, ok := bl.(layout.Table); ok {
				got += tb.Subtitle
			}
		}
	}
	assert.Contains(t, got, "（自众创空间开始运营至2022年10月31日累计）")
	assert.Contains(t, got, "（2021.11.1-2022.10.31）")
}

// Every header with break points is a header the 申报书 prints, and its
// words spell it.
func TestHeaderWordsAreHeaders(t *testing.T) {
	t.Parallel()
	printed := map[string]bool{}
	for _, s := range schema.Sheets() {
		for i := range s.Columns {
			h, _ := columnHeader(s.Col(i))
			printed[strings.ReplaceAll(h, "\u200b", "")] = true
		}
	}
	for header, words := range headerWords {
		assert.Equal(t, header, strings.ReplaceAll(words, "|", ""), "the words of %s", header)
		assert.True(t, printed[header], "%s is a header of the 申报书", header)
	}
}
