package main

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// expectation is one finding the validator must report on the broken
// package: the contract of its golden test.
type expectation struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Sheet    string `json:"sheet"`
	Row      int    `json:"row,omitempty"`
	Column   string `json:"column"`
	Cell     string `json:"cell"`
	Value    string `json:"value"`
	Mistake  string `json:"mistake"`           // what was planted, Chinese
	MistakeE string `json:"mistake_en"`        // the same in English
	Note     string `json:"note,omitempty"`    // why no second finding follows, Chinese
	NoteE    string `json:"note_en,omitempty"` // the same in English
}

type breaker struct {
	p   *pkg
	exp []expectation
}

// find returns the record number (1-based) and the row of the record whose
// key column holds value.
func (b *breaker) find(sheet, key, value string) (int, row) {
	for i, r := range b.p.tables[sheet] {
		if r[key] == value {
			return i + 1, r
		}
	}
	panic(fmt.Sprintf("no %s with %s = %q", sheet, key, value))
}

// expect records a finding at column key of record n (0 for a form field).
func (b *breaker) expect(rule, sheetKey, key string, n int, value any, zh, en string) {
	s := schema.ByKey(sheetKey)
	c := s.Column(key)
	ref := cellRef(s, key, n)
	row := firstDataRow + n - 1
	if s.Kind == schema.Form {
		row = fieldRow(s, key)
	}
	b.exp = append(b.exp, expectation{Rule: rule, Severity: string(finding.DefaultSeverity(rule)), Sheet: s.Name, Row: row, Column: c.Header,
		Cell: ref, Value: display(value), Mistake: zh, MistakeE: en})
}

// note explains, on the last expectation, why the mistake gives no second
// finding.
func (b *breaker) note(zh, en string) {
	b.exp[len(b.exp)-1].Note, b.exp[len(b.exp)-1].NoteE = zh, en
}

// display is a value as the user sees it in the cell.
func display(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case raw:
		return string(v)
	case bool:
		if v {
			return schema.Yes
		}
		return schema.No
	case dec:
		return string(v)
	case textDate:
		return v.T.Format(v.Layout)
	}
	if t, ok := dateOf(v); ok {
		return t.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

// The user password of the encrypted attachment of the broken package.
const brokenPassword = "xh2021"

// broken returns a copy of g with the typical mistakes planted, and the
// findings the validator must report. Each mistake is planted so that it
// causes exactly one finding; the comments say why no second one follows.
func broken(g *pkg) (*pkg, []expectation) {
	b := &breaker{p: g.clone()}
	p := b.p
	basic := p.forms["basic"]

	// 基础信息
	basic["phone"] = "0573-8688"
	b.expect("CELL-FORMAT", "basic", "phone", 0, basic["phone"], "联系电话位数不足", "phone number too short")
	basic["email"] = "service.xinghuo.example.com"
	b.expect("CELL-FORMAT", "basic", "email", 0, basic["email"], "电子邮箱缺少 @", "e-mail address without @")

	// 宣传报道
	n, r := b.find("media", "outlet", "科技创业周刊")
	r["url"] = "www.example.com/kjcy/2021/07/22/xinghuo.html"
	b.expect("CELL-FORMAT", "media", "url", n, r["url"], "报道链接缺少 http:// 或 https://", "link without http:// or https://")
	n, r = b.find("media", "outlet", "青澜日报")
	r["date"] = raw("2021-02-30")
	b.expect("CELL-TYPE", "media", "date", n, r["date"], "不存在的日期（2月30日）", "impossible date (30 February)")
	b.note("无法识别的值视为未知，不再引起其他规则（如 DATE-AFTER-WINDOW）", "a value that does not parse counts as unknown for every other rule")

	// 获得荣誉
	n, r = b.find("honors", "issuer", "青澜市云溪区人民政府")
	r["date"] = day(2021, 11, 18)
	b.expect("DATE-AFTER-WINDOW", "honors", "date", n, r["date"], "获得日期晚于填报期截止日 2021-10-31", "date after the window end")

	// 服务场地: the four parts of the second venue add up to 345.5, not 340.5.
	n, r = b.find("venues", "tenure", "委托管理")
	r["other_area"] = dec("20")
	b.expect("VENUE-AREA-SUM", "venues", "area", n, r["area"], "四项面积之和 345.5 与众创空间面积 340.5 不符（其它面积多填 5 平方米）", "the four parts add up to 345.5, not 340.5")

	// 专业服务人员
	n, r = b.find("staff", "name", "陈昊")
	// Written as Excel writes the character (excelize would write U+FFFD).
	r["experience"] = strings.Replace(r["experience"].(string), "；", "；_x000B_", 1)
	b.expect("CELL-CONTROL-CHAR", "staff", "experience", n, strings.Replace(r["experience"].(string), "_x000B_", "\v", 1), "从 Word 粘贴的手动换行符（\\x0b，Shift+Enter）", "a manual line break pasted from Word (\\x0b, Shift+Enter)")
	b.note("该单元格视为无法识别，不再检查长度等规则", "the cell counts as unreadable: no length or other rule follows")
	n, r = b.find("staff", "name", "孙婧")
	r["name"] = "孙䶮"
	b.expect("CELL-GLYPH-MISSING", "staff", "name", n, r["name"], "姓名用了内置字体没有的生僻字“䶮”（扩展 A 区）", "a rare character (䶮, CJK Extension A) the shipped font lacks")
	b.note("警告：生成申报书时会被拒绝，除非在 pdf.font 中配置含该字的字体", "a warning; build-pdf refuses unless pdf.font names a font that has it")
	n, r = b.find("staff", "name", "王思颖")
	r["education"] = "本科"
	b.expect("CELL-ENUM", "staff", "education", n, r["education"], "学历不在选项中（应为“大学本科”）", "education not one of the options (大学本科)")
	n, r = b.find("staff", "name", "赵一鸣")
	r["age"] = 1990
	b.expect("CELL-RANGE", "staff", "age", n, r["age"], "年龄栏填了出生年份", "the year of birth entered as age")

	// 创业团队
	n, r = b.find("teams", "name", "跃动体育团队")
	r["members"] = 5
	b.expect("CELL-NOT-FILLABLE", "teams", "members", n, r["members"], "已迁出的团队填了创业团队人员数量", "a moved-out team with its member count filled")

	n, r = b.find("teams", "name", "墨点教育团队")
	delete(r, "registered_on")
	// Its enterprise (青澜墨点教育科技有限公司) still names it: with the team's
	// date missing there is nothing to compare, so no XREF-REGDATE-MISMATCH.
	b.expect("CELL-REQUIRED", "teams", "registered_on", n, nil, "已转化为企业的团队未填转化为企业注册时间", "a converted team without its registration date")
	b.note("其企业“青澜墨点教育科技有限公司”仍填写该团队：团队的日期为空，无从比较，不报 XREF-REGDATE-MISMATCH", "its enterprise still names it; with the team date empty there is nothing to compare, so no XREF-REGDATE-MISMATCH")

	n, r = b.find("teams", "name", "方圆设计团队")
	r["moved_out"] = true
	r["moved_out_on"] = day(2021, 9, 30)
	// Converted and moved out: no state applies, so no 不可填 finding; its
	// enterprise still names a team marked converted, so no XREF finding.
	b.expect("TEAM-STATUS-CONFLICT", "teams", "moved_out", n, r["moved_out"], "团队既填“已转化为企业”又填“已迁出”", "a team both converted and moved out")
	b.note("状态冲突时不适用任何状态的必填/不可填规则；其企业仍指向“是否转化为企业”为是的团队，不报 XREF-*", "no state applies, so no required / not-fillable finding; its enterprise names a team marked converted, so no XREF-*")

	n, r = b.find("teams", "name", "光合摄影团队")
	r["moved_out_on"] = day(2020, 9, 30)
	b.expect("DATE-ORDER", "teams", "moved_out_on", n, r["moved_out_on"], "迁出时间 2020-09-30 早于入驻时间 2020-12-21", "moved out before it joined")

	n, r = b.find("teams", "name", "声呐音频团队")
	r["amount"] = raw("abc")
	b.expect("CELL-TYPE", "teams", "amount", n, r["amount"], "投融资金额不是数字", "amount is not a number")
	b.note("“投融资金额”已填（只是无法识别），不再报 CELL-REQUIRED", "the amount is filled (only unreadable), so no CELL-REQUIRED")

	n, r = b.find("teams", "name", "易修家电团队")
	r["financed_on"] = day(2021, 6, 1)
	b.expect("CELL-NOT-FILLABLE", "teams", "financed_on", n, r["financed_on"], "未获得投融资的团队填了获得时间", "a team not financed with a financing date")

	n, r = b.find("teams", "name", "小满宠物团队")
	kept := map[string]file{r["agreement"].(string): p.files[r["agreement"].(string)]}
	r["agreement"] = att + "创业团队/小满宠物团队-入驻协议书.pdf"
	b.expect("ATTACHMENT-MISSING", "teams", "agreement", n, r["agreement"], "附件文件名写错（多了一个“书”字；文件夹中是 …入驻协议.pdf，消息会提示）", "attachment name mistyped (one character too many; the message names the real file)")

	n, r = b.find("teams", "name", "山海户外装备团队")
	r["agreement"] = att + "创业团队/山海户外装备团队-入驻协议.docx"
	p.files[r["agreement"].(string)] = file{raw: docx("创业团队入驻协议")}
	b.expect("ATTACHMENT-NOT-PDF", "teams", "agreement", n, r["agreement"], "附件是 Word 文档而不是 PDF", "a Word document instead of a PDF")

	n, _ = b.find("teams", "name", "星图遥感团队")
	next, below := b.find("teams", "name", "橙子短视频团队")
	delete(below, "moved_out")
	p.merges = append(p.merges, merge{sheet: "teams", key: "moved_out", first: n, last: next})
	b.expect("CELL-MERGED", "teams", "moved_out", n, nil, "两个团队的“是否迁出”合并成一个单元格", "是否迁出 of two teams merged into one cell")
	b.exp[len(b.exp)-1].Cell += ":" + cellRef(schema.ByKey("teams"), "moved_out", next)
	b.note("合并区域只有左上角单元格有值；被合并的单元格不再报 CELL-REQUIRED", "only the top-left cell of a merged range holds a value; the covered cell gets no CELL-REQUIRED")

	_, dup := b.find("teams", "name", "萤火虫科普团队")
	n = p.add("teams", row{"name": "萤火虫科普团队", "joined_on": day(2021, 6, 1), "members": 3, "converted": false, "moved_out": false,
		"financed": false, "agreement": dup["agreement"]})
	b.expect("DUPLICATE-VALUE", "teams", "name", n, "萤火虫科普团队", "团队名称重复（同一团队填了两行）", "the same team entered twice")
	b.note("报在后出现的一行；两行都是在孵团队，没有企业指向它们", "reported on the later row; both rows are teams in the space that no enterprise names")

	bb := builder{p}
	var zeroTime time.Time
	t := bb.team("云杉新材料团队", day(2021, 1, 5), 0, day(2021, 7, 1), zeroTime, nil)
	n = p.add("teams", t)
	b.expect("XREF-TEAM-NO-ENTERPRISE", "teams", "converted", n, true, "已转化为企业的团队在入驻企业表中没有对应企业", "a converted team that no enterprise names")
	b.note("报在该团队的“是否转化为企业”单元格", "reported on the team's 是否转化为企业 cell")

	// 入驻企业
	n, r = b.find("enterprises", "name", "青澜锐刻激光技术有限公司")
	delete(r, "amount")
	b.expect("CELL-REQUIRED", "enterprises", "amount", n, nil, "获得投融资的企业未填投融资金额", "a financed enterprise without the amount")

	_, first := b.find("enterprises", "name", "青澜知味食品科技有限公司")
	n, r = b.find("enterprises", "name", "青澜云端医疗器械有限公司")
	r["uscc"] = first["uscc"]
	b.expect("DUPLICATE-VALUE", "enterprises", "uscc", n, r["uscc"], "统一社会信用代码与上一行重复（复制粘贴）", "the code of the row above pasted again")
	b.note("报在后出现的一行", "reported on the later row")

	n, r = b.find("enterprises", "name", "青澜鲲鹏航空科技有限公司")
	code := r["uscc"].(string)
	r["uscc"] = usccWrongCheck(code[:17])
	b.expect("USCC-CHECK-DIGIT", "enterprises", "uscc", n, r["uscc"], "统一社会信用代码校验位错误", "wrong check character")

	n, r = b.find("enterprises", "name", "青澜木棉服饰设计有限公司")
	code = r["uscc"].(string)
	r["uscc"] = code[:6] + "O" + code[7:]
	b.expect("USCC-INVALID", "enterprises", "uscc", n, r["uscc"], "统一社会信用代码中数字 0 写成了字母 O", "the digit 0 typed as the letter O")
	b.note("格式错误时不再检查校验位（不报 USCC-CHECK-DIGIT）", "a malformed code gets no USCC-CHECK-DIGIT as well")

	n, r = b.find("enterprises", "name", "青澜匠心机器人有限公司")
	r["joined_on"] = day(2020, 12, 1)
	b.expect("CELL-NOT-FILLABLE", "enterprises", "joined_on", n, r["joined_on"], "由团队转化的企业填了入驻时间", "an enterprise converted from a team with a join date")

	n, r = b.find("enterprises", "name", "青澜蓝鲸数据科技有限公司")
	r["registered_on"] = day(2021, 9, 16)
	b.expect("XREF-REGDATE-MISMATCH", "enterprises", "registered_on", n, r["registered_on"], "注册时间与团队的转化为企业注册时间 2021-09-13 不一致", "registration date differs from the team's (2021-09-13)")

	e := bb.enterprise("青澜云帆航拍服务有限公司", uscc("91"+divYunxi+"MA2HH3K8L"), "云帆航拍团队", day(2021, 5, 6), zeroTime, 3, zeroTime, nil)
	n = p.add("enterprises", e)
	b.expect("XREF-TEAM-UNKNOWN", "enterprises", "team", n, e["team"], "团队名称在创业团队表中不存在", "names a team that is not in 创业团队")
	b.note("团队不存在，也就没有日期可比较", "no such team, so no date to compare")

	e = bb.enterprise("青澜星图遥感科技有限公司", uscc("91"+divYunxi+"MA2HJ5M2N"), "星图遥感团队", day(2021, 10, 8), zeroTime, 6, zeroTime, nil)
	n = p.add("enterprises", e)
	// The team is in the space (not converted), so it has no date to compare.
	b.expect("XREF-TEAM-NOT-CONVERTED", "enterprises", "team", n, e["team"], "所填团队的“是否转化为企业”为否", "names a team that is not marked converted")
	b.note("该团队未转化，没有转化为企业注册时间可比较，不报 XREF-REGDATE-MISMATCH", "the team is not converted and has no date to compare, so no XREF-REGDATE-MISMATCH")

	e = bb.enterprise("青澜听语科技服务有限公司", uscc("91"+divYunxi+"MA2HK8P4Q"), "听语AI团队", day(2020, 12, 8), zeroTime, 2, zeroTime, nil)
	n = p.add("enterprises", e)
	b.expect("XREF-TEAM-MULTI-ENTERPRISE", "enterprises", "team", n, e["team"], "两家企业填了同一个团队", "a second enterprise naming the same team")
	b.note("报在第二家企业；其注册时间与团队的转化为企业注册时间相同", "reported on the second enterprise; its 注册时间 equals the team's date")

	n, r = b.find("enterprises", "name", "青澜极光软件有限公司")
	p.files[r["license"].(string)] = file{raw: scanImage()}
	b.expect("ATTACHMENT-NOT-PDF", "enterprises", "license", n, r["license"], "文件名为 .pdf，内容却是 PNG 图片", "named .pdf but a PNG image")

	n, r = b.find("enterprises", "name", "青澜百川环保科技有限公司")
	r["agreement"] = "../good/" + r["agreement"].(string)
	b.expect("ATTACHMENT-OUTSIDE", "enterprises", "agreement", n, r["agreement"], "附件路径用 ../ 指到申报材料包文件夹之外", "a ../ path leaving the package folder")
	b.note("该文件在 examples/good 中存在，仍报 ATTACHMENT-OUTSIDE 而不是 ATTACHMENT-MISSING；单独复制 broken 文件夹时同样报 OUTSIDE", "the file exists (in examples/good): still ATTACHMENT-OUTSIDE, not ATTACHMENT-MISSING, also when broken/ is copied alone")

	n, r = b.find("enterprises", "name", "青澜知味食品科技有限公司")
	r["license"] = `D:\申报材料\营业执照\青澜知味食品科技有限公司.pdf`
	b.expect("ATTACHMENT-OUTSIDE", "enterprises", "license", n, r["license"], "附件填了本机的绝对路径（Windows）", "an absolute Windows path")
	b.note("盘符路径在任何操作系统上都是绝对路径", "a drive-letter path is absolute on every operating system")

	n, r = b.find("enterprises", "name", "青澜长风新能源有限公司")
	r["license"] = "/home/lin/申报材料/青澜长风新能源有限公司-营业执照.pdf"
	b.expect("ATTACHMENT-OUTSIDE", "enterprises", "license", n, r["license"], "附件填了本机的绝对路径（Linux / macOS）", "an absolute POSIX path")
	b.note("以 / 开头的路径在任何操作系统上都是绝对路径", "a path starting with / is absolute on every operating system")

	n, r = b.find("enterprises", "name", "青澜微澜储能科技有限公司")
	f := p.files[r["financing_proof"].(string)]
	p.files[r["financing_proof"].(string)] = file{doc: f.doc, userPass: brokenPassword}
	b.expect("ATTACHMENT-UNREADABLE", "enterprises", "financing_proof", n, r["financing_proof"], "PDF 设置了打开密码", "a PDF that needs a password to open")
	b.note("打开密码为 xh2021（仅供测试）", "the user password is xh2021 (for tests)")

	// 创新创业活动
	n = p.add("activities", row{"name": "2020年秋季创业训练营", "kind": "创业教育培训", "date": day(2020, 10, 17),
		"summary": "为期2天的创业入门培训，38人参加。", "proof": p.attach(att+"创新创业活动/2020年秋季创业训练营.pdf",
			onePage("2020年秋季创业训练营", "", "2020年10月17日至18日，38人参加。"))})
	b.expect("DATE-OUTSIDE-WINDOW", "activities", "date", n, day(2020, 10, 17), "活动日期早于填报期 2020-11-01", "an activity before the window")

	n, r = b.find("activities", "name", "导师一对一辅导日")
	r["date"] = raw("2021-06")
	b.expect("CELL-TYPE", "activities", "date", n, r["date"], "活动日期只填到月份", "a date with the month only")
	b.note("日期未知，不报 DATE-OUTSIDE-WINDOW；该活动不计入活动次数", "the date is unknown: no DATE-OUTSIDE-WINDOW; the activity is not counted")

	n, r = b.find("activities", "name", "天使投资对接会")
	r["proof"] = p.attach(att+"创新创业活动/天使投资对接会-签到凭条.pdf", doc{Pages: []page{{Size: receipt, Title: "签到凭条",
		Lines: []string{"天使投资对接会", "2021年2月25日"}}}})
	b.expect("ATTACHMENT-PAGE-TOO-SMALL", "activities", "proof", n, r["proof"], "证明材料是 58 毫米宽的小票，页面太小，印不下页脚", "the proof is a 58 mm wide receipt: too small to carry the footer")

	n, r = b.find("activities", "name", "知识产权保护与专利布局讲座")
	r["kind"] = "专题讲座"
	b.expect("CELL-ENUM", "activities", "kind", n, r["kind"], "活动类型不在选项中（应为“论坛讲座”）", "activity type not one of the options (论坛讲座)")

	n, r = b.find("activities", "name", "第二届“星火杯”创新创业大赛")
	r["summary"] = longSummary()
	b.expect("CELL-TOO-LONG", "activities", "summary", n, r["summary"], fmt.Sprintf("简要概述 %d 字，超过 500 字", len([]rune(r["summary"].(string)))), "summary longer than 500 characters")

	// Values typed as text that read: checks and totals count them, the
	// 汇总 sheet's formulas do not (13 activities instead of 14, a total
	// area of 340.5 instead of 1200.5) — `mkspace fix` types them.
	n, r = b.find("activities", "name", "创业基础训练营（春季班）")
	r["date"] = textDate{day(2021, 3, 20), "2006.1.2"}
	b.expect("CELL-TEXT-VALUE", "activities", "date", n, r["date"], "活动日期写成文字 2021.3.20，汇总表不计入这次活动", "the date typed as text 2021.3.20: the 汇总 sheet leaves the activity out")
	n, r = b.find("venues", "tenure", "租赁")
	r["area"] = raw("860平方米")
	b.expect("CELL-TEXT-VALUE", "venues", "area", n, r["area"], "面积写成文字“860平方米”，汇总表的总面积少算 860", "the area typed as text 860平方米: the 汇总 sheet's total area misses 860")

	// 文字材料
	delete(p.forms["narrative"], "brand")
	b.expect("CELL-REQUIRED", "narrative", "brand", 0, nil, "文字材料“品牌和文化建设”未填写", "the 品牌和文化建设 section left empty")
	b.note("栏目行还在，只是内容为空；报在该栏目的内容单元格", "the section row is there with an empty value; reported on its value cell")

	p.prune()
	maps.Copy(p.files, kept) // the file the mistyped name means stays
	sortExpectations(b.exp)
	return p, b.exp
}

// sortExpectations orders the list as a report reads: by sheet (in workbook
// order), row, then column.
func sortExpectations(exp []expectation) {
	sheetIndex := func(name string) int {
		return slices.IndexFunc(schema.Sheets(), func(s *schema.Sheet) bool { return s.Name == name })
	}
	slices.SortStableFunc(exp, func(a, b expectation) int {
		if c := cmp.Compare(sheetIndex(a.Sheet), sheetIndex(b.Sheet)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Row, b.Row); c != 0 {
			return c
		}
		s := schema.ByName(a.Sheet)
		return cmp.Compare(s.MatchHeader(a.Column), s.MatchHeader(b.Column))
	})
}

// prune drops the attachments no cell names any more.
func (p *pkg) prune() {
	named := map[string]bool{}
	for _, s := range schema.Sheets() {
		for _, c := range s.Columns {
			if c.Type != schema.Attachment {
				continue
			}
			var vals []any
			if s.Kind == schema.Form {
				vals = append(vals, p.forms[s.Key][c.Key])
			}
			for _, r := range p.tables[s.Key] {
				vals = append(vals, r[c.Key])
			}
			for _, v := range vals {
				if v, ok := v.(string); ok {
					named[strings.ReplaceAll(v, `\`, "/")] = true
				}
			}
		}
	}
	for path := range p.files {
		if !named[path] {
			delete(p.files, path)
		}
	}
}

// docx returns a minimal Word document (what a filler attaches by mistake
// instead of the PDF).
func docx(text string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` +
			text + `</w:t></w:r></w:p></w:body></w:document>`},
	}
	for _, part := range parts {
		w, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(part.body)); err != nil {
			panic(err)
		}
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// scanImage returns a small grey PNG: a photo of a licence saved with a .pdf
// name.
func scanImage() []byte {
	img := image.NewGray(image.Rect(0, 0, 64, 45))
	for y := 0; y < 45; y++ {
		for x := 0; x < 64; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(200 + (x*y)%40)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// longSummary is a summary of more than 500 characters: the whole press
// release pasted into the cell.
func longSummary() string {
	parts := []string{
		"第二届“星火杯”创新创业大赛由星火创客空间主办，青澜市云溪区科技局指导，面向青澜市及周边地区的创业团队和初创企业，设智能制造、新能源、数字服务和文化创意四个赛道。",
		"大赛自2021年4月启动报名，共收到56个项目报名，其中创业团队项目31个、初创企业项目25个，参赛人员来自12所高校和20余家企业。",
		"经过资格审查、线上初评和复赛路演三个阶段，18个项目进入决赛。决赛于2021年6月26日在星火大厦路演厅举行，邀请投资机构合伙人、行业专家和创业导师共9人担任评委。",
		"评委从技术创新性、商业模式、团队能力和市场前景四个方面评分，最终评出一等奖1项、二等奖3项、三等奖4项，获奖项目分别获得2万元至10万元不等的创业扶持资金和一年免费工位。",
		"大赛同期举办投融资对接会，6家投资机构与决赛项目开展一对一交流，现场达成投资意向5项，意向金额合计1800万元。",
		"大赛期间还组织了赛前训练营和导师辅导，帮助参赛团队完善商业计划书和路演材料，参赛者普遍反映收获很大。",
		"赛后，空间对获奖项目建立跟踪服务档案，优先推荐入驻并对接产业资源，已有4个获奖项目签订入驻协议。",
		"青澜日报、青澜电视台等媒体对决赛进行了报道，大赛的影响力进一步提升，下一届大赛计划增设大学生专项赛道，并邀请更多产业投资机构参与。",
	}
	return strings.Join(parts, "")
}
