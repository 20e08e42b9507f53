package main

import (
	"fmt"
	"time"
)

// The good example: 星火创客空间, a made-up maker space in a made-up city
// (青澜市云溪区). Every person, company, code and address is invented; every
// 统一社会信用代码 has a valid form and check digit.
//
// The figures it must give are planned in ../README.md and checked by
// gen_test.go (plannedTotals).

const (
	spaceName    = "星火创客空间"
	operatorName = "青澜星火众创科技服务有限公司"
	legalRep     = "周志远"
	region       = "青澜市云溪区"
	address      = "青澜市云溪区科创大道88号星火大厦3层"
	agency       = "青澜市科学技术局"
	att          = "attachments/"
)

// Administrative division codes used in the made-up codes (six digits of a
// code; these are invented too).
const (
	divYunxi  = "339901" // 青澜市云溪区
	divLinjia = "339902" // 青澜市临江区
)

var operatorUSCC = uscc("91" + divYunxi + "MA2H7K3X5")

// fin is a financing record: 获得时间 and 投融资金额(万元).
type fin struct {
	on     time.Time
	amount dec
}

func cn(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) }

type builder struct{ p *pkg }

func (b builder) team(name string, joined time.Time, members int, reg, moved time.Time, f *fin) row {
	p := b.p
	r := row{
		"name": name, "joined_on": joined,
		"converted": !reg.IsZero(), "moved_out": !moved.IsZero(), "financed": f != nil,
		"agreement": p.attach(att+"创业团队/"+name+"-入驻协议.pdf",
			onePage("创业团队入驻协议", operatorName, fmt.Sprintf("乙方“%s”自%s起入驻%s，协议期限二年。", name, cn(joined), spaceName))),
	}
	if members > 0 {
		r["members"] = members
	}
	if !reg.IsZero() {
		r["registered_on"] = reg
	}
	if !moved.IsZero() {
		r["moved_out_on"] = moved
	}
	if f != nil {
		r["financed_on"] = f.on
		r["amount"] = f.amount
		r["financing_proof"] = p.attach(att+"创业团队/"+name+"-投融资证明.pdf",
			onePage("投资协议（摘要）", "", fmt.Sprintf("投资方于%s向“%s”投入资金%s万元。", cn(f.on), name, f.amount)))
	}
	return r
}

// enterprise: team != "" means converted from that team (then joined is
// zero); moved zero means still in the space.
func (b builder) enterprise(name, code, team string, reg, joined time.Time, staff int, moved time.Time, f *fin) row {
	p := b.p
	start := joined
	if team != "" {
		start = reg
	}
	r := row{
		"name": name, "uscc": code, "from_team": team != "", "registered_on": reg,
		"moved_out": !moved.IsZero(), "financed": f != nil,
		"agreement": p.attach(att+"入驻企业/"+name+"-入驻协议.pdf",
			onePage("企业入驻协议", operatorName, fmt.Sprintf("乙方%s自%s起入驻%s，协议期限三年。", name, cn(start), spaceName))),
		"license": p.attach(att+"入驻企业/"+name+"-营业执照.pdf",
			doc{Pages: []page{{Size: a4Landscape, Title: "营业执照（副本）", Seal: name,
				Lines: []string{fmt.Sprintf("名称：%s　统一社会信用代码：%s　成立日期：%s", name, code, cn(reg))}}}}),
	}
	if team != "" {
		r["team"] = team
	} else {
		r["joined_on"] = joined
	}
	if staff > 0 {
		r["staff"] = staff
	}
	if !moved.IsZero() {
		r["moved_out_on"] = moved
	}
	if f != nil {
		r["financed_on"] = f.on
		r["amount"] = f.amount
		r["financing_proof"] = p.attach(att+"入驻企业/"+name+"-投融资证明.pdf",
			onePage("增资协议（摘要）", "", fmt.Sprintf("投资方于%s向%s投资%s万元。", cn(f.on), name, f.amount)))
	}
	return r
}

func good() *pkg {
	p := newPkg()
	b := builder{p}
	var zero time.Time

	p.forms["basic"] = row{
		"name":                 spaceName,
		"operator":             operatorName,
		"operator_uscc":        operatorUSCC,
		"legal_representative": legalRep,
		"region":               region,
		"address":              address,
		"operating_since":      day(2019, 6, 18),
		"incubator":            "青澜市云溪区科技企业孵化器",
		"contact":              "林晓雯",
		"phone":                "0573-86881234-802",
		"email":                "service@xinghuo.example.com",
		"agency":               agency,
		"commitment":           p.attach(att+"承诺书.pdf", commitmentLetter()),
	}

	// 宣传报道
	for _, m := range []struct {
		title, outlet string
		on            time.Time
		url, file     string
	}{
		{"“双创周”路演日：40余家投资机构走进星火创客空间", "青澜电视台", day(2020, 12, 9), "https://tv.example.com/qinglan/news/20201209/0042.html", "青澜电视台-双创周路演日.pdf"},
		{"星火创客空间：让青年创客的点子落地生根", "青澜日报", day(2021, 3, 18), "https://news.example.com/qinglan/2021-03/18/content_5861.html", "青澜日报-让青年创客的点子落地生根.pdf"},
		{"创客空间里的“硬科技”——记星火创客空间孵化的团队", "科技创业周刊", day(2021, 7, 22), "", "科技创业周刊-创客空间里的硬科技.pdf"},
	} {
		p.add("media", row{"title": m.title, "outlet": m.outlet, "date": m.on, "url": m.url,
			"proof": p.attach(att+"宣传报道/"+m.file, onePage(m.outlet, "", m.title, cn(m.on)+"刊发。"))})
	}

	// 获得荣誉
	for _, h := range []struct {
		title, issuer string
		on            time.Time
		file          string
	}{
		{"青澜市级众创空间", "青澜市科学技术局", day(2020, 5, 20), "青澜市级众创空间.pdf"},
		{"2021年度云溪区优秀双创服务机构", "青澜市云溪区人民政府", day(2021, 9, 28), "云溪区优秀双创服务机构.pdf"},
	} {
		p.add("honors", row{"title": h.title, "issuer": h.issuer, "date": h.on,
			"proof": p.attach(att+"获得荣誉/"+h.file, doc{Pages: []page{{Size: a4Landscape, Title: "荣誉证书", Seal: h.issuer,
				Lines: []string{spaceName + "：", "被评为“" + h.title + "”。特发此证。", cn(h.on)}}}})})
	}

	// 服务场地: two floors of one building; the parts add up exactly.
	lease := doc{Pages: []page{
		{Size: a4, Title: "房屋租赁合同", Seal: operatorName, Lines: []string{
			"出租方：青澜云溪科创置业有限公司　承租方：" + operatorName,
			"租赁房屋：星火大厦3-4层，建筑面积860平方米，租期自2019年5月1日至2027年4月30日。"}},
		{Size: a4Landscape, Title: "附件：租赁场地平面图", Lines: []string{
			"3层：创业工位区、路演厅、会议室；4层：团队办公室、共享实验室、办公区。"}},
	}}
	p.add("venues", row{"address": "青澜市云溪区科创大道88号星火大厦3-4层", "area": dec("860"),
		"team_enterprise_area": dec("520"), "public_service_area": dec("180"), "self_use_area": dec("100"), "other_area": dec("60"),
		"workstations": 96, "tenure": "租赁", "proof": p.attach(att+"服务场地/星火大厦3-4层房屋租赁合同.pdf", lease)})
	p.add("venues", row{"address": "青澜市云溪区科创大道88号星火大厦5层B区", "area": dec("340.5"),
		"team_enterprise_area": dec("210.5"), "public_service_area": dec("90"), "self_use_area": dec("25"), "other_area": dec("15"),
		"workstations": 40, "tenure": "委托管理", "proof": p.attach(att+"服务场地/星火大厦5层B区委托管理协议.pdf",
			onePage("场地委托管理协议", operatorName, "委托方青澜云溪科创置业有限公司将星火大厦5层B区340.5平方米委托运营主体管理。"))})

	// 专业服务人员
	for _, s := range []struct {
		name              string
		age               int
		title, edu, major string
		exp, cert         string
	}{
		{"林晓雯", 34, "运营总监", "硕士研究生", "企业管理",
			"曾任科技企业孵化器项目经理5年，负责入驻评审和孵化服务体系建设；持有创业咨询师证书，累计组织路演及对接活动60余场。", "创业咨询师证书"},
		{"陈昊", 38, "投资服务经理", "博士研究生", "金融学",
			"8年股权投资经历，曾任投资机构投资经理，主导天使轮及A轮投资项目12个；负责空间投融资对接服务。", "基金从业资格证书"},
		{"王思颖", 29, "创业服务专员", "大学本科", "工商管理",
			"参加科技企业孵化器从业人员培训并取得结业证书，负责团队入驻、档案管理和创业辅导预约。", "孵化从业人员培训结业证书"},
		{"赵一鸣", 31, "技术服务经理", "大学本科", "机械设计制造及其自动化",
			"6年智能硬件研发经验，负责共享实验室、样机加工平台的运营和技术咨询服务。", "工程师职称证书"},
		{"孙婧", 27, "企业服务专员", "大专及以下", "会计",
			"持初级会计专业技术资格证书，负责入驻企业工商注册、财税代办和政策申报服务。", "会计专业技术资格证书"},
	} {
		p.add("staff", row{"name": s.name, "age": s.age, "title": s.title, "education": s.edu, "major": s.major, "experience": s.exp,
			"proof": p.attach(att+"专业服务人员/"+s.name+"-"+s.cert+".pdf", onePage(s.cert, "", "姓名："+s.name+"　专业："+s.major))})
	}

	// 创业导师: letters of appointment on A5.
	for _, m := range []struct{ name, employer, title, field, kind string }{
		{"郑国梁", "青澜大学创新创业学院", "副院长", "创业教育、技术转移", "兼职"},
		{"何雪", "远川资本管理有限公司", "合伙人", "股权投资、企业融资", "兼职"},
		{"刘振华", operatorName, "首席创业导师", "商业模式、团队管理", "专职"},
		{"许文博", "明正知识产权代理有限公司", "专利代理师", "知识产权", "兼职"},
		{"冯佳", operatorName, "创业导师", "市场营销、品牌建设", "专职"},
	} {
		p.add("mentors", row{"name": m.name, "employer": m.employer, "title": m.title, "field": m.field, "employment": m.kind,
			"proof": p.attach(att+"创业导师/"+m.name+"-聘书.pdf", doc{Pages: []page{{Size: a5, Title: "聘　书", Seal: operatorName,
				Lines: []string{"兹聘请" + m.name + "为" + spaceName + m.kind + "创业导师，聘期二年。"}}}})})
	}

	// 创业团队: 13 converted (12 inside the window), 7 in the space, 4 moved out.
	teams := []row{
		b.team("云帆无人机团队", day(2019, 9, 10), 0, day(2020, 6, 15), zero, nil),
		b.team("绿芽农业物联网团队", day(2020, 3, 2), 0, day(2020, 11, 20), zero, nil),
		b.team("听语AI团队", day(2020, 5, 11), 0, day(2020, 12, 8), zero, &fin{day(2020, 10, 12), "50"}),
		b.team("拾光文创团队", day(2020, 6, 1), 0, day(2021, 1, 15), zero, nil),
		b.team("锐刻激光团队", day(2020, 7, 20), 0, day(2021, 3, 5), zero, nil),
		b.team("青禾健康团队", day(2020, 8, 3), 0, day(2021, 3, 26), zero, nil),
		b.team("智链物流团队", day(2020, 9, 14), 0, day(2021, 4, 19), zero, nil),
		b.team("墨点教育团队", day(2020, 10, 8), 0, day(2021, 5, 10), zero, nil),
		b.team("微澜储能团队", day(2020, 11, 16), 0, day(2021, 6, 2), zero, nil),
		b.team("匠心机器人团队", day(2020, 12, 1), 0, day(2021, 6, 28), zero, nil),
		b.team("方圆设计团队", day(2021, 1, 11), 0, day(2021, 7, 15), zero, nil),
		b.team("知行编程团队", day(2021, 2, 22), 0, day(2021, 8, 9), zero, nil),
		b.team("蓝鲸数据团队", day(2021, 3, 15), 0, day(2021, 9, 13), zero, nil),
		b.team("萤火虫科普团队", day(2020, 4, 20), 4, zero, zero, nil),
		b.team("山海户外装备团队", day(2020, 9, 1), 3, zero, zero, nil),
		b.team("声呐音频团队", day(2020, 12, 14), 5, zero, zero, &fin{day(2021, 4, 20), "30"}),
		b.team("易修家电团队", day(2021, 3, 8), 3, zero, zero, nil),
		b.team("小满宠物团队", day(2021, 5, 17), 4, zero, zero, nil),
		b.team("星图遥感团队", day(2021, 7, 5), 6, zero, zero, &fin{day(2021, 9, 15), "80"}),
		b.team("橙子短视频团队", day(2021, 9, 6), 2, zero, zero, nil),
		b.team("极客咖啡团队", day(2019, 8, 12), 0, zero, day(2020, 7, 31), nil),
		b.team("雪松翻译团队", day(2019, 11, 4), 0, zero, day(2020, 10, 30), nil),
		b.team("跃动体育团队", day(2020, 6, 15), 0, zero, day(2021, 1, 29), nil),
		b.team("光合摄影团队", day(2020, 12, 21), 0, zero, day(2021, 9, 30), nil),
	}
	// Every date is a date cell: a date typed as text reads, but the 汇总
	// sheet's formulas do not count it (CELL-TEXT-VALUE; the broken example
	// has some).
	// One path written with a backslash, as Windows users do.
	teams[19]["agreement"] = `attachments\创业团队\橙子短视频团队-入驻协议.pdf`
	for _, t := range teams {
		p.add("teams", t)
	}

	// 入驻企业: 13 converted from the teams above, 9 joined directly; 3 moved out.
	yx := func(org string) string { return uscc("91" + divYunxi + org) }
	lj := func(org string) string { return uscc("91" + divLinjia + org) }
	ents := []row{
		b.enterprise("青澜云帆智能科技有限公司", yx("MA2H8A1B3"), "云帆无人机团队", day(2020, 6, 15), zero, 0, day(2020, 9, 15), nil),
		b.enterprise("青澜绿芽农业科技有限公司", yx("MA2H9C4D6"), "绿芽农业物联网团队", day(2020, 11, 20), zero, 8, zero, nil),
		b.enterprise("青澜听语智能科技有限公司", yx("MA2H9E7F2"), "听语AI团队", day(2020, 12, 8), zero, 12, zero, &fin{day(2021, 6, 18), "300"}),
		b.enterprise("青澜拾光文化创意有限公司", yx("MA2HA0G5H"), "拾光文创团队", day(2021, 1, 15), zero, 6, zero, nil),
		b.enterprise("青澜锐刻激光技术有限公司", yx("MA2HA3J8K"), "锐刻激光团队", day(2021, 3, 5), zero, 9, zero, &fin{day(2021, 8, 26), "200"}),
		b.enterprise("青澜青禾健康管理有限公司", yx("MA2HA6L1M"), "青禾健康团队", day(2021, 3, 26), zero, 7, zero, nil),
		b.enterprise("青澜智链供应链管理有限公司", yx("MA2HB2N4P"), "智链物流团队", day(2021, 4, 19), zero, 10, zero, &fin{day(2021, 9, 10), "500"}),
		b.enterprise("青澜墨点教育科技有限公司", yx("MA2HB5Q7R"), "墨点教育团队", day(2021, 5, 10), zero, 5, zero, nil),
		b.enterprise("青澜微澜储能科技有限公司", yx("MA2HC1T3U"), "微澜储能团队", day(2021, 6, 2), zero, 11, zero, &fin{day(2021, 10, 20), "1000"}),
		b.enterprise("青澜匠心机器人有限公司", yx("MA2HC4W6X"), "匠心机器人团队", day(2021, 6, 28), zero, 8, zero, nil),
		b.enterprise("青澜方圆设计有限公司", yx("MA2HD0Y9A"), "方圆设计团队", day(2021, 7, 15), zero, 4, zero, nil),
		b.enterprise("青澜知行信息技术有限公司", yx("MA2HD3B2C"), "知行编程团队", day(2021, 8, 9), zero, 5, zero, nil),
		b.enterprise("青澜蓝鲸数据科技有限公司", yx("MA2HE6D5E"), "蓝鲸数据团队", day(2021, 9, 13), zero, 6, zero, nil),
		b.enterprise("青澜博远电子有限公司", lj("MA2G3P6Q1"), "", day(2018, 5, 10), day(2019, 7, 1), 15, zero, &fin{day(2020, 9, 1), "150"}),
		b.enterprise("青澜木棉服饰设计有限公司", yx("MA2G7R2T4"), "", day(2019, 3, 12), day(2019, 10, 15), 6, zero, nil),
		b.enterprise("青澜极光软件有限公司", yx("MA2GC8U5W"), "", day(2020, 2, 28), day(2020, 4, 1), 9, zero, &fin{day(2021, 2, 8), "120"}),
		b.enterprise("青澜鲲鹏航空科技有限公司", lj("MA2GF1X8Y"), "", day(2020, 8, 18), day(2020, 11, 2), 7, zero, nil),
		b.enterprise("青澜百川环保科技有限公司", lj("MA2GD4A7B"), "", day(2019, 12, 5), day(2021, 1, 4), 10, zero, &fin{day(2021, 7, 1), "260"}),
		b.enterprise("青澜知味食品科技有限公司", yx("MA2HF2C6D"), "", day(2021, 2, 1), day(2021, 4, 12), 4, zero, nil),
		b.enterprise("青澜云端医疗器械有限公司", yx("MA2HG7E3F"), "", day(2021, 5, 20), day(2021, 6, 15), 3, zero, nil),
		b.enterprise("青澜飞鸟物联网科技有限公司", lj("MA2F9G4H8"), "", day(2018, 11, 20), day(2019, 5, 6), 0, day(2020, 9, 30), nil),
		b.enterprise("青澜长风新能源有限公司", lj("MA2G2J7K5"), "", day(2019, 6, 10), day(2019, 9, 2), 0, day(2021, 5, 31), nil),
	}
	// A licence scanned sideways: the page carries /Rotate 90.
	lic := ents[13]["license"].(string)
	f := p.files[lic]
	rotated := *f.doc
	rotated.Pages = []page{rotated.Pages[0]}
	rotated.Pages[0].Size = a4
	rotated.Rotate = []int{1}
	p.files[lic] = file{doc: &rotated}
	for _, e := range ents {
		p.add("enterprises", e)
	}

	// 创新创业活动: 14, all inside the window; the 星火夜话 salons share one proof.
	salon := p.attach(att+"创新创业活动/星火夜话系列创业沙龙.pdf", onePage("“星火夜话”系列创业沙龙活动记录", spaceName,
		"第1期2020年11月19日，第2期2021年1月21日，第3期2021年5月20日，每期参加者30余人。"))
	for _, a := range []struct {
		name, kind string
		on         time.Time
		summary    string
		proof      string
	}{
		{"“星火夜话”创业沙龙第1期：从想法到产品", "创业沙龙", day(2020, 11, 19), "邀请3位连续创业者分享产品从0到1的经验，32名创业者参加。", salon},
		{"云溪区双创周·星火项目路演日", "项目路演", day(2020, 12, 9), "12个项目现场路演，40余家投资机构参加，达成意向投资4项。", ""},
		{"“星火夜话”创业沙龙第2期：早期团队股权设计", "创业沙龙", day(2021, 1, 21), "律师和投资人讲解早期股权结构与期权池设置，28人参加。", salon},
		{"天使投资对接会", "投融资对接", day(2021, 2, 25), "组织8个在孵项目与6家天使投资机构一对一对接。", ""},
		{"创业基础训练营（春季班）", "创业教育培训", day(2021, 3, 20), "为期3天的创业基础培训，覆盖商业模式、财务和法务，45人结业。", ""},
		{"智能硬件专场路演", "项目路演", day(2021, 4, 15), "9个智能硬件项目路演，邀请产业投资方点评。", ""},
		{"知识产权保护与专利布局讲座", "论坛讲座", day(2021, 4, 27), "专利代理师讲解专利申请策略与侵权风险防范，60人参加。", ""},
		{"“星火夜话”创业沙龙第3期：创业者的第一次融资", "创业沙龙", day(2021, 5, 20), "已完成融资的创业者分享融资经历，35人参加。", salon},
		{"导师一对一辅导日", "导师辅导", day(2021, 6, 10), "5位创业导师为14个团队提供一对一辅导。", ""},
		{"第二届“星火杯”创新创业大赛", "创业大赛", day(2021, 6, 26), "56个项目报名，18个项目进入决赛，评出一、二、三等奖8项。", ""},
		{"创业财税实务培训", "创业教育培训", day(2021, 7, 8), "讲解小微企业税收优惠、发票管理和研发费用加计扣除。", ""},
		{"硬科技项目投融资对接会", "投融资对接", day(2021, 8, 19), "10个硬科技项目与8家投资机构对接，3个项目进入尽职调查。", ""},
		{"星火秋季项目路演", "项目路演", day(2021, 9, 23), "11个项目路演，其中6个为当期转化注册的企业。", ""},
		{"青澜—临江众创空间交流会", "交流合作", day(2021, 10, 15), "与临江区4家众创空间交流孵化服务经验，签署资源共享协议。", ""},
	} {
		proof := a.proof
		if proof == "" {
			proof = p.attach(att+"创新创业活动/"+a.name+".pdf", onePage(a.name, "", cn(a.on)+"，"+a.summary))
		}
		p.add("activities", row{"name": a.name, "kind": a.kind, "date": a.on, "summary": a.summary, "proof": proof})
	}

	p.forms["narrative"] = narrative()
	return p
}

// commitmentLetter is the signed and stamped letter, as a scan would show it.
func commitmentLetter() doc {
	return doc{Pages: []page{{Size: a4, Title: "承诺书", Seal: operatorName, Lines: []string{
		"科技部火炬中心：",
		"本单位申报国家备案众创空间，郑重承诺：所提交的申报材料及数据真实、准确、完整，不存在虚报、瞒报、伪造等情形；如有不实，本单位愿承担相应责任。",
		"众创空间名称：" + spaceName,
		"运营主体（盖章）：" + operatorName,
		"法定代表人（签字）：" + legalRep,
		"2021年11月5日",
	}}}}
}
