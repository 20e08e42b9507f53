package schema

import "fmt"

// The data sheets of SPEC §1, in the order of the online form.

func lim(v string) *Limit       { return &Limit{Value: v} }
func gt(v string) *Limit        { return &Limit{Value: v, Exclusive: true} }
func yes(k string) Match        { return Match{Key: k, Value: true} }
func no(k string) Match         { return Match{Key: k, Value: false} }
func keys(k ...string) []string { return k }

var basic = &Sheet{
	Name: "基础信息", NameEN: "Basic information", Key: "basic", Title: "基础信息",
	Kind: Form, FormHeaders: [2]string{"项目", "内容"},
	Columns: []Column{
		{Key: "name", Header: "众创空间名称", HeaderEN: "Maker space name", Type: Text, MaxLen: 100, Required: true, Width: 40},
		{Key: "operator", Header: "运营主体名称", HeaderEN: "Operator", Type: Text, MaxLen: 100, Required: true},
		{Key: "operator_uscc", Header: "运营主体统一社会信用代码", HeaderEN: "Operator USCC", Type: USCC, Required: true, Hint: "18 位统一社会信用代码，如 91350100M000100Y43", HintEN: "the 18-character unified social credit code"},
		{Key: "legal_representative", Header: "法定代表人", HeaderEN: "Legal representative", Type: Text, MaxLen: 50, Required: true},
		{Key: "region", Header: "所属区市", HeaderEN: "Region", Type: Text, MaxLen: 50, Required: true, Hint: "如 北京市海淀区", HintEN: "e.g. 北京市海淀区"},
		{Key: "address", Header: "通讯地址", HeaderEN: "Postal address", Type: Text, MaxLen: 200, Required: true},
		{Key: "operating_since", Header: "开始运营时间", HeaderEN: "Operating since", Type: Date, Required: true, Dates: NotAfterWindowEnd},
		{Key: "incubator", Header: "依托孵化器", HeaderEN: "Parent incubator", Type: Text, MaxLen: 100},
		{Key: "contact", Header: "联系人", HeaderEN: "Contact person", Type: Text, MaxLen: 50, Required: true},
		{Key: "phone", Header: "联系电话", HeaderEN: "Phone", Type: Text, Format: Phone, Required: true, Hint: "手机号如 13800138000，或座机如 010-88656315", HintEN: "a mobile such as 13800138000 or a landline such as 010-88656315"},
		{Key: "email", Header: "电子邮箱", HeaderEN: "E-mail", Type: Text, Format: Email, Required: true},
		{Key: "agency", Header: "受理机构", HeaderEN: "Receiving office", Type: Text, MaxLen: 100, Required: true, Hint: "申报材料提交给的管理部门", HintEN: "the office the package is submitted to"},
		{Key: "commitment", Header: "承诺书", HeaderEN: "Commitment letter", Type: Attachment, Required: true, Hint: "签字盖章后的承诺书扫描件", HintEN: "the signed and stamped commitment letter"},
	},
}

var media = &Sheet{
	Name: "宣传报道", NameEN: "Media reports", Key: "media", Title: "宣传报道", Naming: "title",
	Columns: []Column{
		{Key: "title", Header: "报道标题", HeaderEN: "Title", Type: Text, MaxLen: 200, Required: true, Width: 36},
		{Key: "outlet", Header: "媒体名称", HeaderEN: "Outlet", Type: Text, MaxLen: 100, Required: true, Width: 18},
		{Key: "date", Header: "报道日期", HeaderEN: "Date", Type: Date, Required: true, Dates: NotAfterWindowEnd},
		{Key: "url", Header: "报道链接", HeaderEN: "Link", Type: Text, Format: URL, Width: 30, Hint: "以 http:// 或 https:// 开头", HintEN: "starting with http:// or https://"},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true},
	},
}

var honors = &Sheet{
	Name: "获得荣誉", NameEN: "Honours", Key: "honors", Title: "获得荣誉", Naming: "title",
	Columns: []Column{
		{Key: "title", Header: "荣誉名称", HeaderEN: "Honour", Type: Text, MaxLen: 200, Required: true, Width: 36},
		{Key: "issuer", Header: "授予单位", HeaderEN: "Issued by", Type: Text, MaxLen: 100, Required: true, Width: 24},
		{Key: "date", Header: "获得日期", HeaderEN: "Date", Type: Date, Required: true, Dates: NotAfterWindowEnd},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true},
	},
}

var venues = &Sheet{
	Name: "服务场地", NameEN: "Service venues", Key: "venues", Title: "服务场地", Naming: "address",
	Columns: []Column{
		{Key: "address", Header: "孵化场地地址", HeaderEN: "Venue address", Type: Text, MaxLen: 200, Required: true, Width: 36},
		{Key: "area", Header: "众创空间面积", HeaderEN: "Area", Type: Decimal, Unit: SquareMetre, Required: true, Min: gt("0"), Hint: "等于下面四项面积之和", HintEN: "the sum of the four parts"},
		{Key: "team_enterprise_area", Header: "创业团队和企业场地面积", HeaderEN: "Team and enterprise area", Type: Decimal, Unit: SquareMetre, Required: true, Min: lim("0")},
		{Key: "public_service_area", Header: "公共服务场地面积", HeaderEN: "Public service area", Type: Decimal, Unit: SquareMetre, Required: true, Min: lim("0")},
		{Key: "self_use_area", Header: "自用场地面积", HeaderEN: "Self-use area", Type: Decimal, Unit: SquareMetre, Required: true, Min: lim("0")},
		{Key: "other_area", Header: "其它面积", HeaderEN: "Other area", Type: Decimal, Unit: SquareMetre, Required: true, Min: lim("0")},
		{Key: "workstations", Header: "创业工位数", HeaderEN: "Workstations", Type: Int, Required: true, Min: lim("0")},
		{Key: "tenure", Header: "产权情况", HeaderEN: "Tenure", Type: Enum, Options: ListTenure, Required: true},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true, Hint: "产权证明或租赁合同", HintEN: "title deed or lease"},
	},
}

var staff = &Sheet{
	Name: "专业服务人员", NameEN: "Professional staff", Key: "staff", Title: "专业服务人员情况列表", Naming: "name",
	Columns: []Column{
		{Key: "name", Header: "姓名", HeaderEN: "Name", Type: Text, MaxLen: 50, Required: true},
		{Key: "age", Header: "年龄", HeaderEN: "Age", Type: Int, Required: true, Min: lim("16"), Max: lim("100")},
		{Key: "title", Header: "职务", HeaderEN: "Position", Type: Text, MaxLen: 50, Required: true},
		{Key: "education", Header: "学历", HeaderEN: "Education", Type: Enum, Options: ListEducation, Required: true},
		{Key: "major", Header: "所学专业", HeaderEN: "Field of study", Type: Text, MaxLen: 100, Required: true},
		{Key: "experience", Header: "创业、投融资、企业管理等经验或创业服务相关培训情况", HeaderEN: "Experience and training", Type: Text, MaxLen: 1000, Required: true, Width: 50},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true},
	},
}

var mentors = &Sheet{
	Name: "创业导师", NameEN: "Mentors", Key: "mentors", Title: "创业导师的聘书或聘用文件", Naming: "name",
	Columns: []Column{
		{Key: "name", Header: "姓名", HeaderEN: "Name", Type: Text, MaxLen: 50, Required: true},
		{Key: "employer", Header: "所在单位", HeaderEN: "Employer", Type: Text, MaxLen: 100, Required: true, Width: 28},
		{Key: "title", Header: "职务", HeaderEN: "Position", Type: Text, MaxLen: 50, Required: true},
		{Key: "field", Header: "服务领域", HeaderEN: "Field", Type: Text, MaxLen: 100, Required: true, Width: 20},
		{Key: "employment", Header: "专职/兼职", HeaderEN: "Full/part time", Type: Enum, Options: ListEmployment, Required: true},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true, Hint: "聘书或聘用文件", HintEN: "the letter of appointment"},
	},
}

var financingColumns = []Column{
	{Key: "financed", Header: "是否获得投融资", HeaderEN: "Financed", Type: YesNo, Required: true},
	{Key: "financed_on", Header: "获得时间", HeaderEN: "Financed on", Type: Date, Dates: NotAfterWindowEnd},
	{Key: "amount", Header: "投融资金额(万元)", HeaderEN: "Amount (10k yuan)", Type: Decimal, Unit: TenThousandYuan, Min: gt("0")},
	{Key: "financing_proof", Header: "投融资证明材料", HeaderEN: "Financing proof", Type: Attachment},
}

var financingConditions = []Condition{
	{When: []Match{yes("financed")}, Label: "获得投融资的", LabelEN: "a financed %s",
		Require: keys("financed_on", "amount", "financing_proof")},
	{When: []Match{no("financed")}, Label: "未获得投融资的", LabelEN: "a %s without financing",
		Forbid: keys("financed_on", "amount", "financing_proof")},
}

var teams = &Sheet{
	Name: "创业团队", NameEN: "Startup teams", Key: "teams", Title: "累计创业团队情况汇总表",
	Short: "累计创业团队", Naming: "name",
	Columns: append([]Column{
		{Key: "name", Header: "团队名称", HeaderEN: "Team", Type: Text, MaxLen: 100, Required: true, Unique: true, Width: 24},
		{Key: "joined_on", Header: "入驻时间", HeaderEN: "Joined on", Type: Date, Required: true, Dates: NotAfterWindowEnd},
		{Key: "members", Header: "创业团队人员数量", HeaderEN: "Members", Type: Int, Min: lim("1")},
		{Key: "converted", Header: "是否转化为企业", HeaderEN: "Converted", Type: YesNo, Required: true},
		{Key: "registered_on", Header: "转化为企业注册时间", HeaderEN: "Registered on", Type: Date, Dates: NotAfterWindowEnd, NotBefore: keys("joined_on")},
		{Key: "moved_out", Header: "是否迁出", HeaderEN: "Moved out", Type: YesNo, Required: true},
		{Key: "moved_out_on", Header: "迁出时间", HeaderEN: "Moved out on", Type: Date, Dates: NotAfterWindowEnd, NotBefore: keys("joined_on")},
		{Key: "agreement", Header: "入驻协议", HeaderEN: "Agreement", Type: Attachment, Required: true},
	}, financingColumns...),
	Conditions: append([]Condition{
		{When: []Match{no("converted"), no("moved_out")}, Label: "在孵的创业团队", LabelEN: "a team in the space",
			Require: keys("members"), Forbid: keys("registered_on", "moved_out_on")},
		{When: []Match{yes("converted"), no("moved_out")}, Label: "已转化为企业的创业团队", LabelEN: "a team converted into an enterprise",
			Require: keys("registered_on"), Forbid: keys("members", "moved_out_on")},
		{When: []Match{no("converted"), yes("moved_out")}, Label: "已迁出的创业团队", LabelEN: "a team that moved out",
			Require: keys("moved_out_on"), Forbid: keys("members", "registered_on")},
	}, teamFinancing...),
	Conflicts: []Conflict{{When: []Match{yes("converted"), yes("moved_out")}, Rule: "TEAM-STATUS-CONFLICT", At: "moved_out"}},
}

var teamFinancing = financingFor("创业团队", "team")

var enterprises = &Sheet{
	Name: "入驻企业", NameEN: "Enterprises", Key: "enterprises", Title: "累计入驻企业情况汇总表",
	Short: "累计入驻企业", Naming: "name",
	Columns: append([]Column{
		{Key: "name", Header: "企业名称", HeaderEN: "Enterprise", Type: Text, MaxLen: 100, Required: true, Unique: true, Width: 28},
		{Key: "uscc", Header: "统一社会信用代码", HeaderEN: "USCC", Type: USCC, Required: true, Unique: true, Width: 22},
		{Key: "from_team", Header: "是否由创业团队转化为企业", HeaderEN: "Converted from a team", Type: YesNo, Required: true},
		{Key: "team", Header: "团队名称", HeaderEN: "Team", Type: Text, MaxLen: 100, Width: 20, Hint: "须与“创业团队”表中的团队名称一致", HintEN: "as written in the 创业团队 sheet"},
		{Key: "registered_on", Header: "注册时间", HeaderEN: "Registered on", Type: Date, Required: true, Dates: NotAfterWindowEnd},
		{Key: "joined_on", Header: "入驻时间", HeaderEN: "Joined on", Type: Date, Dates: NotAfterWindowEnd},
		{Key: "moved_out", Header: "是否迁出", HeaderEN: "Moved out", Type: YesNo, Required: true},
		{Key: "staff", Header: "企业人员数量", HeaderEN: "Staff", Type: Int, Min: lim("1")},
		{Key: "moved_out_on", Header: "迁出时间", HeaderEN: "Moved out on", Type: Date, Dates: NotAfterWindowEnd, NotBefore: keys("joined_on", "registered_on")},
		{Key: "agreement", Header: "入驻协议", HeaderEN: "Agreement", Type: Attachment, Required: true},
		{Key: "license", Header: "营业执照", HeaderEN: "Business licence", Type: Attachment, Required: true, Hint: "加盖公章的营业执照复印件", HintEN: "the stamped copy of the business licence"},
	}, financingColumns...),
	Conditions: append([]Condition{
		{When: []Match{yes("from_team")}, Label: "由创业团队转化的企业", LabelEN: "an enterprise converted from a team",
			Require: keys("team"), Forbid: keys("joined_on")},
		{When: []Match{no("from_team")}, Label: "非由创业团队转化的企业", LabelEN: "an enterprise not converted from a team",
			Require: keys("joined_on"), Forbid: keys("team")},
		{When: []Match{yes("moved_out")}, Label: "已迁出的企业", LabelEN: "an enterprise that moved out",
			Require: keys("moved_out_on"), Forbid: keys("staff")},
		{When: []Match{no("moved_out")}, Label: "未迁出的企业", LabelEN: "an enterprise still in the space",
			Require: keys("staff"), Forbid: keys("moved_out_on")},
	}, financingFor("企业", "enterprise")...),
}

// financingFor returns the financing conditions (seed rule 5) with labels
// naming the kind of row.
func financingFor(zh, en string) []Condition {
	out := make([]Condition, len(financingConditions))
	for i, c := range financingConditions {
		c.Label += zh
		c.LabelEN = fmt.Sprintf(c.LabelEN, en)
		out[i] = c
	}
	return out
}

var activities = &Sheet{
	Name: "创新创业活动", NameEN: "Activities", Key: "activities", Title: "开展创新创业活动情况汇总表", Naming: "name",
	Columns: []Column{
		{Key: "name", Header: "活动名称", HeaderEN: "Activity", Type: Text, MaxLen: 200, Required: true, Width: 32},
		{Key: "kind", Header: "活动类型", HeaderEN: "Type", Type: Enum, Options: ListActivityKind, Required: true},
		{Key: "date", Header: "活动日期", HeaderEN: "Date", Type: Date, Required: true, Dates: InsideWindow},
		{Key: "summary", Header: "简要概述", HeaderEN: "Summary", Type: Text, MaxLen: 500, Required: true, Width: 50},
		{Key: "proof", Header: "证明材料", HeaderEN: "Proof", Type: Attachment, Required: true},
	},
}

var narrative = &Sheet{
	Name: "文字材料", NameEN: "Narrative", Key: "narrative", Title: "文字材料",
	Kind: Form, FormHeaders: [2]string{"栏目", "内容"},
	Columns: []Column{
		{Key: "capability", Header: "服务能力", HeaderEN: "Service capability", Type: Text, MaxLen: 5000, Required: true},
		{Key: "performance", Header: "服务绩效", HeaderEN: "Service performance", Type: Text, MaxLen: 5000, Required: true},
		{Key: "brand", Header: "品牌和文化建设", HeaderEN: "Brand and culture", Type: Text, MaxLen: 5000, Required: true},
		{Key: "plan", Header: "发展思路、目标及措施", HeaderEN: "Development plan, goals and measures", Aliases: []string{"发展规划、目标及措施"}, Type: Text, MaxLen: 5000, Required: true},
	},
}

var sheets = []*Sheet{basic, media, honors, venues, staff, mentors, teams, enterprises, activities, narrative}
