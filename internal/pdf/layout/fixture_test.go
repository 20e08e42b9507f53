package layout

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A fictional maker space, as the builder of the 申报书 would hand it over:
// every value already formatted.

var (
	fxPrefixes = []string{"云帆", "星河", "青禾", "智造", "数联", "极光", "芯动", "鹿鸣", "墨子", "海棠", "天枢", "知行", "凌云", "绿洲", "匠心", "启明"}
	fxTrades   = []string{"智能硬件", "工业互联网", "生物医药", "新材料", "文化创意", "跨境电商", "人工智能", "现代农业", "新能源", "教育科技"}
	fxOrgs     = []string{"有限公司", "科技有限公司", "信息技术有限公司", "生物科技有限公司", "文化传媒有限公司"}
	fxKinds    = []string{"创业培训", "投融资对接", "创业沙龙", "路演活动", "创业大赛", "导师辅导", "政策宣讲"}
	fxPeople   = []string{"王晓明", "李静", "张伟", "刘洋", "陈思远", "杨帆", "赵敏", "黄磊", "周婷", "吴昊", "欧阳长青", "司马文"}
)

func fxDate(i int) string {
	d := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*11%900)
	return d.Format("2006-01-02")
}

func fxMoney(i int) string {
	v := 50 + (i*137)%950
	return fmt.Sprintf("%d.%02d", v, (i*7)%100)
}

func fxName(i int) string {
	return fxPrefixes[i%len(fxPrefixes)] + fxTrades[(i/len(fxPrefixes))%len(fxTrades)]
}

// fixture is the input of a 申报书 with the given numbers of team,
// enterprise and activity rows; long is whether cells hold long text.
func fixture(teams, enterprises, activities int) Input {
	teamRows := make([][]string, teams)
	for i := range teamRows {
		converted, movedOut := i%5 == 1, i%7 == 3 && i%5 != 1
		financed := i%3 == 0
		row := []string{strconv.Itoa(i + 1), fxName(i) + "项目团队", fxDate(i), strconv.Itoa(3 + i%9), yn(converted), "", yn(movedOut), "", yn(financed), "", ""}
		if i%9 == 4 {
			row[1] = fxName(i) + "（面向中小制造企业的设备预测性维护与能耗优化）项目团队"
		}
		if converted {
			row[3], row[5] = "", fxDate(i+40)
		}
		if movedOut {
			row[3], row[7] = "", fxDate(i+60)
		}
		if financed {
			row[9], row[10] = fxDate(i+20), fxMoney(i)
		}
		teamRows[i] = row
	}
	entRows := make([][]string, enterprises)
	for i := range entRows {
		fromTeam, movedOut := i%4 == 0, i%11 == 5
		financed := i%3 == 1
		name := fxName(i+3) + fxOrgs[i%len(fxOrgs)]
		if i%6 == 2 {
			name = "杭州市西湖区" + fxName(i+3) + "（智慧城市感知终端研发中心）" + fxOrgs[i%len(fxOrgs)]
		}
		row := []string{strconv.Itoa(i + 1), name, fmt.Sprintf("91330106MA2%07dX", 1000000+i*7919%9000000), yn(fromTeam), "", fxDate(i), "", yn(movedOut), "", "", yn(financed), "", "", fxTrades[i%len(fxTrades)], ""}
		if fromTeam {
			row[4] = fxName(i) + "项目团队"
		} else {
			row[6] = fxDate(i + 15)
		}
		if movedOut {
			row[9] = fxDate(i + 70)
		} else {
			row[8] = strconv.Itoa(5 + i%40)
		}
		if financed {
			row[11], row[12] = fxDate(i+30), fxMoney(i+1)
		}
		if i%5 == 0 {
			row[14] = "2023年获评省级科技型中小企业，拥有发明专利2项、实用新型专利5项；入选市“雏鹰计划”培育名单。"
		}
		entRows[i] = row
	}
	actRows := make([][]string, activities)
	for i := range actRows {
		kind := fxKinds[i%len(fxKinds)]
		actRows[i] = []string{strconv.Itoa(i + 1), fmt.Sprintf("第%d期%s：%s", i/len(fxKinds)+1, kind, fxTrades[i%len(fxTrades)]), kind,
			fxDate(i * 3),
			"邀请" + fxPeople[i%len(fxPeople)] + "等专家围绕" + fxTrades[i%len(fxTrades)] + "领域的商业模式、融资路径和知识产权保护进行分享，" + strconv.Itoa(20+i%60) + "名创业者参加，现场对接项目" + strconv.Itoa(1+i%6) + "个。"}
	}
	narrative := func(topic string, n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%s方面，本空间坚持“专业化、市场化、国际化”的发展方向，围绕%s和%s两大产业方向，构建了“创业苗圃—众创空间—孵化器—加速器”全链条孵化服务体系。"+
				"截至2024年底，累计服务创业团队和企业%d家，其中获得投融资的%d家，融资总额%s万元；与%d家投资机构、%d所高校（科研院所）建立了长期合作关系，"+
				"聘请创业导师%d名（其中专职导师%d名），每月定期举办创业沙龙、投融资对接会和政策宣讲会。（%d）",
				topic, fxTrades[i%len(fxTrades)], fxTrades[(i+3)%len(fxTrades)], 120+i*7, 30+i, fxMoney(i), 12+i, 5+i%3, 36+i, 8+i%4, i+1)
		}
		return b.String()
	}
	const title, space = "国家备案众创空间申报书", "星火创客空间"
	return Input{
		Info: Info{Title: title, Subject: title + " " + space, Author: "杭州星火科技企业孵化器有限公司",
			Creator: "mkspace test", Created: time.Date(2025, 3, 18, 9, 30, 0, 0, time.UTC)},
		Header: Header{Left: title, Right: space},
		Cover: testCover(title, false, [][2]string{
			{"众创空间名称：", space},
			{"运营主体：", "杭州星火科技企业孵化器有限公司"},
			{"受理机构：", "浙江省科学技术厅"},
			{"生成日期：", "2025年3月18日"},
			{"版本号：", "V25C18-7KQ4-MX2W"},
		}),
		Contents: true,
		Front:    []AttachmentRef{{Title: "承诺书", Pages: 1}},
		Sections: []Section{
			{Title: "一、基础信息", Blocks: []Block{
				KeyValues{Title: "众创空间基本情况", Items: [][2]string{
					{"众创空间名称", "星火创客空间"}, {"运营主体名称", "杭州星火科技企业孵化器有限公司"},
					{"运营主体统一社会信用代码", "91330106MA2H3K5X7Q"}, {"法定代表人", "欧阳长青"},
					{"所属区市", "浙江省杭州市西湖区"}, {"通讯地址", "浙江省杭州市西湖区文三路 478 号华星科技大厦 12 层 1201–1218 室（邮编 310012）"},
					{"开始运营时间", "2019-06-18"}, {"依托孵化器", "杭州星火国家级科技企业孵化器"},
					{"联系人", "李静"}, {"联系电话", "0571-88656315"}, {"电子邮箱", "lijing@xinghuo-space.example.cn"},
					{"受理机构", "浙江省科学技术厅"},
				}},
				KeyValues{Title: "宣传与荣誉", Items: [][2]string{{"主流媒体报道次数", "5"}, {"获得荣誉数量", "3"}}, PerRow: 2},
				Table{Title: "宣传报道", Columns: []Column{{Header: "序号", Width: 4, Align: Center}, {Header: "报道标题", Width: 30}, {Header: "媒体名称", Width: 14}, {Header: "报道日期", Width: 11, Align: Center}, {Header: "报道链接", Width: 26}},
					Rows: [][]string{
						{"1", "星火创客空间：让好点子在这里落地生根", "浙江日报", "2024-05-12", "https://zjrb.example.cn/html/2024-05/12/content_2718281.htm"},
						{"2", "西湖区众创空间扶持政策见成效，三年孵化企业超百家", "杭州日报", "2024-07-03", "https://hzrb.example.cn/a/20240703/1234.html"},
						{"3", "“双创”周特别报道：青年创业者的追梦之路", "浙江卫视", "2024-10-16", ""},
						{"4", "从车库到产业园：一家硬件初创企业的成长", "科技日报", "2024-11-20", "https://kjrb.example.cn/n/2024/1120/c1004-3141.html"},
						{"5", "众创空间如何做好专业化服务？", "中国高新技术产业导报", "2024-12-08", ""},
					}},
				Table{Title: "获得荣誉", Columns: []Column{{Header: "序号", Width: 4, Align: Center}, {Header: "荣誉名称", Width: 36}, {Header: "授予单位", Width: 24}, {Header: "获得日期", Width: 11, Align: Center}},
					Rows: [][]string{
						{"1", "浙江省省级众创空间", "浙江省科学技术厅", "2021-12-20"},
						{"2", "杭州市优秀科技企业孵化器（众创空间）绩效评价 A 类", "杭州市科学技术局", "2023-06-30"},
						{"3", "西湖区大学生创业示范基地", "杭州市西湖区人力资源和社会保障局", "2024-04-15"},
					}},
			}},
			{Title: "二、服务场地", Blocks: []Block{
				KeyValues{Items: [][2]string{
					{"众创空间服务场地总面积（平方米）", "2,860.00"}, {"其中：创业团队和企业场地面积（平方米）", "1,720.00"},
					{"公共服务场地面积（平方米）", "605.50"}, {"自用面积（平方米）", "320.00"}, {"其他面积（平方米）", "214.50"},
					{"提供创业工位数量（个）", "236"}, {"创业团队和企业场地与公共服务场地的面积占总面积比例", "81.3 %"},
				}},
				Table{Title: "服务场地", Columns: []Column{{Header: "序号", Width: 3, Align: Center}, {Header: "孵化场地地址", Width: 20}, {Header: "众创空间面积（平方米）", Width: 8, Align: Right}, {Header: "创业团队和企业场地面积（平方米）", Width: 9, Align: Right}, {Header: "公共服务场地面积（平方米）", Width: 8, Align: Right}, {Header: "自用场地面积（平方米）", Width: 8, Align: Right}, {Header: "其它面积（平方米）", Width: 7, Align: Right}, {Header: "创业工位数", Width: 6, Align: Right}, {Header: "产权情况", Width: 6, Align: Center}},
					Rows: [][]string{
						{"1", "浙江省杭州市西湖区文三路 478 号华星科技大厦 12 层", "1,860.00", "1,120.00", "405.50", "200.00", "134.50", "156", "租赁"},
						{"2", "浙江省杭州市西湖区西园八路 2 号紫金众创小镇 B 座 3 层", "1,000.00", "600.00", "200.00", "120.00", "80.00", "80", "自有"},
					}},
			}},
			{Title: "三、人员情况", Blocks: []Block{
				KeyValues{Items: [][2]string{{"众创空间管理服务人员数量", "14"}, {"其中：专职专业服务人员", "6"}, {"兼专职创业导师数量", "8"}, {"其中：专职创业导师", "3"}, {"兼职创业导师", "5"}}},
				Table{Title: "专业服务人员情况列表", Columns: []Column{{Header: "序号", Width: 3, Align: Center}, {Header: "姓名", Width: 6}, {Header: "年龄", Width: 4, Align: Right}, {Header: "职务", Width: 8}, {Header: "学历", Width: 5, Align: Center}, {Header: "所学专业", Width: 9}, {Header: "创业、投融资、企业管理等经验或创业服务相关培训情况", Width: 30}},
					Rows: func() [][]string {
						var rows [][]string
						for i := range 6 {
							rows = append(rows, []string{strconv.Itoa(i + 1), fxPeople[i], strconv.Itoa(28 + i*3), []string{"总经理", "运营总监", "投融资经理", "创业服务专员", "技术经理人", "财务顾问"}[i], []string{"硕士", "本科", "博士", "本科", "硕士", "本科"}[i], fxTrades[i] + "管理",
								"曾任某上市公司投资部经理，主导完成天使轮及 A 轮投资项目 12 个，累计投资金额 1.2 亿元；持有国家级创业导师、技术经纪人证书，参加科技部火炬中心举办的孵化器从业人员培训（初级、中级）并结业。"})
						}
						return rows
					}()},
				Table{Title: "创业导师", Columns: []Column{{Header: "序号", Width: 3, Align: Center}, {Header: "姓名", Width: 6}, {Header: "所在单位", Width: 20}, {Header: "职务", Width: 9}, {Header: "服务领域", Width: 14}, {Header: "专职/兼职", Width: 5, Align: Center}},
					Rows: func() [][]string {
						var rows [][]string
						for i := range 8 {
							rows = append(rows, []string{strconv.Itoa(i + 1), fxPeople[(i+4)%len(fxPeople)], fxPrefixes[i] + "创业投资管理合伙企业（有限合伙）", "合伙人", fxTrades[i%len(fxTrades)] + "、企业管理", []string{"专职", "兼职"}[i%2]})
						}
						return rows
					}()},
			}},
			{Title: "四、孵化和服务情况", Blocks: []Block{
				Table{Title: "累计创业团队情况汇总表", Columns: []Column{
					{Header: "序号", Width: 3, Align: Center}, {Header: "团队名称", Width: 16}, {Header: "入驻时间", Width: 8, Align: Center},
					{Header: "创业团队人员数量", Width: 5, Align: Right}, {Header: "是否转化为企业", Width: 5, Align: Center}, {Header: "转化为企业注册时间", Width: 8, Align: Center},
					{Header: "是否迁出", Width: 4, Align: Center}, {Header: "迁出时间", Width: 8, Align: Center}, {Header: "是否获得投融资", Width: 5, Align: Center},
					{Header: "获得时间", Width: 8, Align: Center}, {Header: "投融资金额（万元）", Width: 7, Align: Right},
				}, Rows: teamRows, Totals: [][2]string{{"累计入驻创业团队", strconv.Itoa(teams)}, {"在孵团队", "23"}, {"已转化为企业", "8"}, {"已迁出", "9"}, {"获得投融资的团队数", "14"}, {"投融资金额（万元）", "7,318.42"}}},
				Table{Title: "累计入驻企业情况汇总表", Landscape: true, Columns: []Column{
					{Header: "序号", Width: 3, Align: Center}, {Header: "企业名称", Width: 16}, {Header: "统一社会信用代码", Width: 12},
					{Header: "是否由创业团队转化为企业", Width: 5, Align: Center}, {Header: "团队名称", Width: 10}, {Header: "注册时间", Width: 7, Align: Center},
					{Header: "入驻时间", Width: 7, Align: Center}, {Header: "是否迁出", Width: 4, Align: Center}, {Header: "企业人员数量", Width: 4, Align: Right},
					{Header: "迁出时间", Width: 7, Align: Center}, {Header: "是否获得投融资", Width: 5, Align: Center}, {Header: "获得时间", Width: 7, Align: Center},
					{Header: "投融资金额（万元）", Width: 6, Align: Right}, {Header: "所属领域", Width: 7}, {Header: "备注", Width: 14},
				}, Rows: entRows, Totals: [][2]string{{"累计入驻企业", strconv.Itoa(enterprises)}, {"由团队转化", "7"}, {"在孵企业", "23"}, {"已迁出", "2"}, {"获得投融资的企业数", "8"}, {"投融资金额（万元）", "4,210.00"}, {"在孵企业人员总数", "512"}}},
				Table{Title: "开展创新创业活动情况汇总表", Columns: []Column{{Header: "序号", Width: 3, Align: Center}, {Header: "活动名称", Width: 16}, {Header: "活动类型", Width: 7, Align: Center}, {Header: "活动日期", Width: 8, Align: Center}, {Header: "简要概述", Width: 30}},
					Rows: actRows, Totals: [][2]string{{"开展创新创业活动次数", strconv.Itoa(activities)}, {"其中：创业培训", "3"}, {"投融资对接", "3"}, {"创业沙龙", "3"}}},
			}},
			{Title: "五、服务能力", Blocks: []Block{Paragraphs{Text: narrative("服务能力", 5)}}},
			{Title: "六、服务绩效", Blocks: []Block{Paragraphs{Title: "（一）孵化成效", Text: narrative("孵化成效", 3)}, Paragraphs{Title: "（二）投融资服务", Text: narrative("投融资服务", 3)}}},
			{Title: "七、品牌和文化建设", Blocks: []Block{Paragraphs{Text: narrative("品牌建设", 4)}}},
			{Title: "八、发展思路、目标及措施", Blocks: []Block{Paragraphs{Text: narrative("发展思路", 6)}}},
		},
		Attachments: func() []AttachmentRef {
			var out []AttachmentRef
			for i := range 8 {
				out = append(out, AttachmentRef{Title: fmt.Sprintf("入驻企业 第 %d 行 营业执照：attachments/营业执照-%s.pdf", i+2, fxName(i+3)), Pages: 1 + i%3})
			}
			return out
		}(),
	}
}

// testCover is a cover as the 申报书 has one: the title, the draft mark,
// and fields on underlines with the box for a stamp beside the second.
func testCover(title string, draft bool, fields [][2]string) []Block {
	out := []Block{Space{Top: 190}, Paragraphs{Text: title, Style: Style{Size: 26, Leading: 1.5, Align: Center}}}
	if draft {
		out = append(out, Space{Height: 28}, Notice{Text: "草稿 — 不可用于申报"})
	}
	f := Fields{MinSize: 11, Gap: 20, Align: Center}
	for _, kv := range fields {
		f.Items = append(f.Items, Field{Label: kv[0], Value: kv[1], Blank: true})
	}
	if len(fields) > 1 {
		f.Stamp = &Stamp{Field: 1, Label: "（盖章）"}
	}
	return append(out, Space{Height: 60, Top: 420}, f)
}

// withCover gives in a cover of its title, the contents and a running
// header, as the 申报书 has them.
func withCover(in Input, title, space string) Input {
	in.Info.Title = title
	in.Header = Header{Left: title, Right: space}
	in.Cover = testCover(title, false, [][2]string{{"众创空间名称：", space}})
	in.Contents = true
	return in
}

func yn(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
