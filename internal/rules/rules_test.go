package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

const pdfPath = "附件/a.pdf"

// Valid rows of every sheet; each case changes a few cells.
var (
	basicOK = rowVals{
		"name": "星火众创空间", "operator": "星火科技有限公司", "operator_uscc": "91350100M000100Y43",
		"legal_representative": "张三", "region": "北京市海淀区", "address": "北京市海淀区中关村大街1号",
		"operating_since": "2019-03-01", "incubator": "", "contact": "李四", "phone": "010-88656315",
		"email": "lisi@example.com", "agency": "北京市科学技术委员会", "commitment": pdfPath,
	}
	mediaOK    = rowVals{"title": "报道", "outlet": "人民日报", "date": "2021-05-01", "url": "https://example.com/a", "proof": pdfPath}
	honorsOK   = rowVals{"title": "荣誉", "issuer": "科技局", "date": "2021-05-01", "proof": pdfPath}
	venueOK    = rowVals{"address": "中关村大街1号", "area": "1000", "team_enterprise_area": "600", "public_service_area": "250", "self_use_area": "100", "other_area": "50", "workstations": "120", "tenure": "租赁", "proof": pdfPath}
	staffOK    = rowVals{"name": "王五", "age": "35", "title": "经理", "education": "大学本科", "major": "管理", "experience": "十年创业服务经验", "proof": pdfPath}
	mentorOK   = rowVals{"name": "赵六", "employer": "某投资公司", "title": "合伙人", "field": "投融资", "employment": "兼职", "proof": pdfPath}
	activityOK = rowVals{"name": "路演", "kind": "项目路演", "date": "2021-03-01", "summary": "项目路演活动", "proof": pdfPath}
	narrOK     = rowVals{"capability": "服务能力……", "performance": "服务绩效……", "brand": "品牌……", "plan": "思路……"}

	// A team in the space, one converted, one moved out.
	teamIn        = rowVals{"name": "团队甲", "joined_on": "2021-01-05", "members": "5", "converted": "否", "moved_out": "否", "agreement": pdfPath, "financed": "否"}
	teamConverted = rowVals{"name": "团队乙", "joined_on": "2020-01-05", "converted": "是", "registered_on": "2020-09-01", "moved_out": "否", "agreement": pdfPath, "financed": "否"}
	teamMovedOut  = rowVals{"name": "团队丙", "joined_on": "2020-01-05", "converted": "否", "moved_out": "是", "moved_out_on": "2020-12-01", "agreement": pdfPath, "financed": "否"}
	teamFinanced  = with(teamIn, "name", "团队丁", "financed", "是", "financed_on", "2021-06-01", "amount", "50万元", "financing_proof", pdfPath) // text: the in-memory tables leave CELL-TEXT-VALUE out

	// An enterprise that joined directly, and the one team 乙 became.
	entDirect = rowVals{"name": "企业一", "uscc": "91310110666007217T", "from_team": "否", "registered_on": "2019-05-01", "joined_on": "2020-06-01", "moved_out": "否", "staff": "10", "agreement": pdfPath, "license": pdfPath, "financed": "否"}
	entFromB  = rowVals{"name": "企业二", "uscc": "914403001922038216", "from_team": "是", "team": "团队乙", "registered_on": "2020-09-01", "moved_out": "否", "staff": "8", "agreement": pdfPath, "license": pdfPath, "financed": "否"}
)

// pkgDir is a package folder holding the attachment every base row names.
func pkgDir(t testing.TB) string {
	dir := t.TempDir()
	writeFile(t, dir, pdfPath, minimalPDF("a"))
	return dir
}

// validPackage is every sheet with valid rows.
func validPackage() []memTable {
	return []memTable{
		table("basic", basicOK),
		table("media", mediaOK),
		table("honors", honorsOK),
		table("venues", venueOK),
		table("staff", staffOK),
		table("mentors", mentorOK),
		table("teams", teamIn, teamConverted, teamMovedOut, teamFinanced),
		table("enterprises", entDirect, entFromB),
		table("activities", activityOK),
		table("narrative", narrOK),
	}
}

func TestValidPackageHasNoFindings(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), validPackage()...)
	assert.Empty(t, fs, dump(fs))
}

type ruleCase struct {
	name   string
	tables []memTable
	want   []string // brief(findings), any order
	cfg    func(*config.Config)
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	dir := pkgDir(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := config.Default()
			if tc.cfg != nil {
				tc.cfg(cfg)
			}
			fs := check(t, cfg, dir, tc.tables...)
			want := append([]string{}, tc.want...)
			if want == nil {
				want = []string{}
			}
			assert.ElementsMatch(t, want, brief(fs), "findings:\n%s", dump(fs))
			for _, f := range fs {
				assert.NotEmpty(t, f.Message)
				assert.NotContains(t, f.Message, "{", "unfilled placeholder: %s", f.Message)
				assert.True(t, msg.Has(f.Rule), "no catalogue text for %s", f.Rule)
			}
		})
	}
}

// Teams sheet letters: A name, B joined_on, C members, D converted,
// E registered_on, F moved_out, G moved_out_on, H agreement, I financed,
// J financed_on, K amount, L financing_proof.
func TestTeamStates(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "in space, complete", tables: teams(teamIn)},
		{name: "in space needs members", tables: teams(with(teamIn, "members", "")),
			want: []string{"CELL-REQUIRED@创业团队!C2"}},
		{name: "in space: registration date not fillable", tables: teams(with(teamIn, "registered_on", "2021-02-01")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!E2"}},
		{name: "in space: moved-out date not fillable", tables: teams(with(teamIn, "moved_out_on", "2021-02-01")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!G2"}},
		{name: "converted, complete", tables: teams(teamConverted)},
		{name: "converted needs registration date", tables: teams(with(teamConverted, "registered_on", "")),
			want: []string{"CELL-REQUIRED@创业团队!E2"}},
		{name: "converted: members not fillable", tables: teams(with(teamConverted, "members", "3")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!C2"}},
		{name: "converted: moved-out date not fillable", tables: teams(with(teamConverted, "moved_out_on", "2021-05-01")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!G2"}},
		{name: "moved out, complete", tables: teams(teamMovedOut)},
		{name: "moved out needs date", tables: teams(with(teamMovedOut, "moved_out_on", "")),
			want: []string{"CELL-REQUIRED@创业团队!G2"}},
		{name: "moved out: members and registration not fillable", tables: teams(with(teamMovedOut, "members", "2", "registered_on", "2020-03-01")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!C2", "CELL-NOT-FILLABLE@创业团队!E2"}},
		{name: "not fillable wins over a value that does not read", tables: teams(with(teamConverted, "moved_out_on", "无")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!G2"}},
		{name: "both converted and moved out: one conflict, no state rules",
			tables: teams(with(teamIn, "converted", "是", "moved_out", "是", "registered_on", "2021-02-01", "moved_out_on", "2021-03-01")),
			want:   []string{"TEAM-STATUS-CONFLICT@创业团队!F2"}},
		{name: "conflict leaves the financing rules on",
			tables: teams(with(teamIn, "converted", "是", "moved_out", "是", "financed", "是")),
			want: []string{"TEAM-STATUS-CONFLICT@创业团队!F2", "CELL-REQUIRED@创业团队!J2",
				"CELL-REQUIRED@创业团队!K2", "CELL-REQUIRED@创业团队!L2"}},
		{name: "unreadable yes/no: no state rules", tables: teams(with(teamIn, "converted", "也许", "members", "", "registered_on", "2021-02-01")),
			want: []string{"CELL-TYPE@创业团队!D2"}},
		{name: "empty yes/no: required, no state rules", tables: teams(with(teamIn, "moved_out", "", "members", "", "moved_out_on", "2021-02-01")),
			want: []string{"CELL-REQUIRED@创业团队!F2"}},
		{name: "yes/no as boolean cells", tables: teams(with(teamConverted, "converted", boolean("1"), "moved_out", boolean("0")))},
		{name: "yes/no as TRUE/FALSE text", tables: teams(with(teamMovedOut, "converted", "FALSE", "moved_out", "true"))},
		{name: "financed, complete", tables: teams(teamFinanced)},
		{name: "financed needs date, amount and proof", tables: teams(with(teamIn, "financed", "是")),
			want: []string{"CELL-REQUIRED@创业团队!J2", "CELL-REQUIRED@创业团队!K2", "CELL-REQUIRED@创业团队!L2"}},
		{name: "not financed: date, amount, proof not fillable", tables: teams(with(teamFinanced, "financed", "否")),
			want: []string{"CELL-NOT-FILLABLE@创业团队!J2", "CELL-NOT-FILLABLE@创业团队!K2", "CELL-NOT-FILLABLE@创业团队!L2"}},
		{name: "amount must be > 0", tables: teams(with(teamFinanced, "amount", "0")),
			want: []string{"CELL-RANGE@创业团队!K2"}},
		{name: "amount 0.01 is fine", tables: teams(with(teamFinanced, "amount", "0.01"))},
		{name: "members must be ≥ 1", tables: teams(with(teamIn, "members", "0")),
			want: []string{"CELL-RANGE@创业团队!C2"}},
		{name: "agreement required for every team", tables: teams(with(teamConverted, "agreement", "")),
			want: []string{"CELL-REQUIRED@创业团队!H2"}},
	})
}

func teams(rows ...rowVals) []memTable { return []memTable{table("teams", rows...)} }
func ents(rows ...rowVals) []memTable  { return []memTable{table("enterprises", rows...)} }

// The message of SPEC §2's example, word for word (the column letter differs:
// the example's sheet has a 序号 column first).
func TestNotFillableMessage(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), teams(with(teamConverted, "moved_out_on", "2021-05-01"))...)
	require.Len(t, fs, 1, dump(fs))
	f := fs[0]
	assert.Equal(t, `创业团队!G2：已转化为企业的创业团队，"迁出时间"为不可填项目，请清空该单元格。`, f.Message)
	assert.Equal(t, finding.Finding{Rule: "CELL-NOT-FILLABLE", Severity: finding.Error, File: "申报数据.xlsx", Sheet: "创业团队",
		Row: 2, Column: "迁出时间", Cell: "G2", Value: "2021-05-01", Message: f.Message}, f)

	cfg := config.Default()
	cfg.Lang = msg.EN
	fs = check(t, cfg, pkgDir(t), teams(with(teamConverted, "moved_out_on", "2021-05-01"))...)
	require.Len(t, fs, 1)
	assert.Equal(t, `创业团队!G2: for a team converted into an enterprise, "迁出时间 (Moved out on)" must stay empty; clear the cell.`, fs[0].Message)
}

// Enterprise letters: A name, B uscc, C from_team, D team, E registered_on,
// F joined_on, G moved_out, H staff, I moved_out_on, J agreement, K license,
// L financed, M financed_on, N amount, O financing_proof.
func TestEnterpriseStates(t *testing.T) {
	t.Parallel()
	movedOut := with(entDirect, "moved_out", "是", "staff", "", "moved_out_on", "2021-01-01")
	runCases(t, []ruleCase{
		{name: "direct, complete", tables: ents(entDirect)},
		{name: "direct needs joined date", tables: ents(with(entDirect, "joined_on", "")),
			want: []string{"CELL-REQUIRED@入驻企业!F2"}},
		{name: "direct: team not fillable", tables: ents(with(entDirect, "team", "团队乙")),
			want: []string{"CELL-NOT-FILLABLE@入驻企业!D2"}},
		{name: "from a team needs the team", tables: ents(with(entFromB, "team", "")),
			want: []string{"CELL-REQUIRED@入驻企业!D2"}},
		{name: "from a team: joined date not fillable", tables: ents(with(entFromB, "joined_on", "2020-10-01")),
			want: []string{"CELL-NOT-FILLABLE@入驻企业!F2"}},
		{name: "moved out, complete", tables: ents(movedOut)},
		{name: "moved out needs date, staff not fillable", tables: ents(with(movedOut, "moved_out_on", "", "staff", "3")),
			want: []string{"CELL-REQUIRED@入驻企业!I2", "CELL-NOT-FILLABLE@入驻企业!H2"}},
		{name: "in space needs staff, date not fillable", tables: ents(with(entDirect, "staff", "", "moved_out_on", "2021-01-01")),
			want: []string{"CELL-REQUIRED@入驻企业!H2", "CELL-NOT-FILLABLE@入驻企业!I2"}},
		{name: "licence and agreement required", tables: ents(with(entDirect, "license", "", "agreement", "")),
			want: []string{"CELL-REQUIRED@入驻企业!J2", "CELL-REQUIRED@入驻企业!K2"}},
		{name: "financed needs the trio", tables: ents(with(entDirect, "financed", "是")),
			want: []string{"CELL-REQUIRED@入驻企业!M2", "CELL-REQUIRED@入驻企业!N2", "CELL-REQUIRED@入驻企业!O2"}},
		{name: "staff ≥ 1", tables: ents(with(entDirect, "staff", "0")),
			want: []string{"CELL-RANGE@入驻企业!H2"}},
	})
}

func TestCellRules(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("字", n) }
	runCases(t, []ruleCase{
		// CELL-REQUIRED on plain required columns and form fields.
		{name: "required text empty", tables: []memTable{table("media", with(mediaOK, "title", ""))},
			want: []string{"CELL-REQUIRED@宣传报道!A2"}},
		{name: "required text of spaces only", tables: []memTable{table("media", with(mediaOK, "title", " \u3000\u00a0"))},
			want: []string{"CELL-REQUIRED@宣传报道!A2"}},
		{name: "optional text empty", tables: []memTable{table("media", with(mediaOK, "url", ""))}},
		{name: "form field empty", tables: []memTable{table("basic", with(basicOK, "contact", ""))},
			want: []string{"CELL-REQUIRED@基础信息!B10"}},
		{name: "form field row missing", tables: []memTable{table("basic", with(basicOK, "commitment", absent))},
			want: []string{"CELL-REQUIRED@基础信息:承诺书"}},
		{name: "optional form field row missing", tables: []memTable{table("basic", with(basicOK, "incubator", absent))}},
		{name: "narrative section missing", tables: []memTable{table("narrative", with(narrOK, "plan", absent))},
			want: []string{"CELL-REQUIRED@文字材料:发展思路、目标及措施"}},
		{name: "table column absent: no per-row finding", tables: []memTable{table("media", with(mediaOK, "title", absent), with(mediaOK, "title", absent))}},

		// CELL-TYPE.
		{name: "bad date", tables: []memTable{table("media", with(mediaOK, "date", "2021-02-30"))},
			want: []string{"CELL-TYPE@宣传报道!C2"}},
		{name: "month-only date", tables: []memTable{table("media", with(mediaOK, "date", "2021-10"))},
			want: []string{"CELL-TYPE@宣传报道!C2"}},
		{name: "every accepted date form", tables: []memTable{table("media",
			with(mediaOK, "date", "2021/10/31"), with(mediaOK, "date", "2021.10.31"), with(mediaOK, "date", "2021年10月31日"),
			with(mediaOK, "date", "20211031"), with(mediaOK, "date", "2021-1-5"), with(mediaOK, "date", "2021-10-31 12:30"),
			with(mediaOK, "date", num("44500")))}},
		{name: "bad int", tables: []memTable{table("staff", with(staffOK, "age", "三十"))},
			want: []string{"CELL-TYPE@专业服务人员!B2"}},
		{name: "int with a fraction", tables: []memTable{table("staff", with(staffOK, "age", num("35.5")))},
			want: []string{"CELL-TYPE@专业服务人员!B2"}},
		{name: "accepted numbers", tables: []memTable{table("venues",
			with(venueOK, "area", "1,000", "workstations", "１２０"),
			with(venueOK, "area", "1000平方米", "team_enterprise_area", "600㎡", "public_service_area", "250m²", "self_use_area", "100 m2"))}},
		{name: "bad decimal unit", tables: []memTable{table("venues", with(venueOK, "other_area", "50亩"))},
			want: []string{"CELL-TYPE@服务场地!F2"}},
		{name: "formula never calculated where a value belongs", tables: []memTable{table("venues", with(venueOK, "area", uncached("SUM(C2:F2)")))},
			want: []string{"CELL-TYPE@服务场地!B2"}},
		{name: "formula with a cached value: its value", tables: []memTable{table("venues", with(venueOK, "area", formula("1000")))}},
		{name: "formula with a cached value that does not read", tables: []memTable{table("venues", with(venueOK, "area", formula("#N/A")))},
			want: []string{"CELL-TYPE@服务场地!B2"}},
		{name: "formula never calculated in a yes/no: unknown, no state rules", tables: teams(with(teamIn, "converted", uncached("IF(1,\"否\")"), "members", "")),
			want: []string{"CELL-TYPE@创业团队!D2"}},

		// CELL-ENUM.
		{name: "not an option", tables: []memTable{table("venues", with(venueOK, "tenure", "自有"))},
			want: []string{"CELL-ENUM@服务场地!H2"}},
		{name: "options after trimming", tables: []memTable{table("staff", with(staffOK, "education", " 硕士研究生 "))}},
		{name: "configured options", tables: []memTable{table("activities", with(activityOK, "kind", "参观"))},
			cfg: func(c *config.Config) {
				c.Lists = c.Lists.With(map[string][]string{"activity_kind": {"参观", "路演"}})
			}},
		{name: "default option no longer listed", tables: []memTable{table("activities", activityOK)},
			cfg: func(c *config.Config) {
				c.Lists = c.Lists.With(map[string][]string{"activity_kind": {"参观", "路演"}})
			},
			want: []string{"CELL-ENUM@创新创业活动!B2"}},

		// CELL-RANGE.
		{name: "age 15", tables: []memTable{table("staff", with(staffOK, "age", "15"))}, want: []string{"CELL-RANGE@专业服务人员!B2"}},
		{name: "age 16 and 100", tables: []memTable{table("staff", with(staffOK, "age", "16"), with(staffOK, "age", num("100")))}},
		{name: "age 101", tables: []memTable{table("staff", with(staffOK, "age", "101"))}, want: []string{"CELL-RANGE@专业服务人员!B2"}},
		{name: "area 0 (must be > 0)", tables: []memTable{table("venues", with(venueOK, "area", "0", "team_enterprise_area", "0", "public_service_area", "0", "self_use_area", "0", "other_area", "0"))},
			want: []string{"CELL-RANGE@服务场地!B2"}},
		{name: "negative part", tables: []memTable{table("venues", with(venueOK, "other_area", "-50", "area", "900"))},
			want: []string{"CELL-RANGE@服务场地!F2"}},

		// CELL-TOO-LONG.
		{name: "100 characters", tables: teams(with(teamIn, "name", long(100)))},
		{name: "101 characters", tables: teams(with(teamIn, "name", long(101))), want: []string{"CELL-TOO-LONG@创业团队!A2"}},

		// CELL-FORMAT.
		{name: "bad phone", tables: []memTable{table("basic", with(basicOK, "phone", "12345"))}, want: []string{"CELL-FORMAT@基础信息!B11"}},
		{name: "mobile phone", tables: []memTable{table("basic", with(basicOK, "phone", "13800138000"))}},
		{name: "bad e-mail", tables: []memTable{table("basic", with(basicOK, "email", "lisi.example.com"))}, want: []string{"CELL-FORMAT@基础信息!B12"}},
		{name: "bad URL", tables: []memTable{table("media", with(mediaOK, "url", "www.example.com"))}, want: []string{"CELL-FORMAT@宣传报道!D2"}},

		// USCC.
		{name: "USCC pattern", tables: ents(with(entDirect, "uscc", "91350100M000100Y4Z")), want: []string{"USCC-INVALID@入驻企业!B2"}},
		{name: "USCC length", tables: ents(with(entDirect, "uscc", "9135010")), want: []string{"USCC-INVALID@入驻企业!B2"}},
		{name: "USCC lower case folded", tables: ents(with(entDirect, "uscc", "91512081ma62k0260e"))},
		{name: "USCC check digit", tables: ents(with(entDirect, "uscc", "914403001922038217")), want: []string{"USCC-CHECK-DIGIT@入驻企业!B2"}},
		{name: "operator USCC", tables: []memTable{table("basic", with(basicOK, "operator_uscc", "91350211M0000XUF46"))},
			want: []string{"USCC-CHECK-DIGIT@基础信息!B4"}},
	})
}

func TestNarrativeTooLong(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), table("narrative", with(narrOK, "brand", strings.Repeat("字", 5001))))
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, "CELL-TOO-LONG", fs[0].Rule)
	assert.Equal(t, "B4", fs[0].Cell)
	assert.Equal(t, "品牌和文化建设", fs[0].Column)
	assert.Contains(t, fs[0].Message, "5001")
	assert.Len(t, []rune(fs[0].Value), 5001, "the finding carries the whole value")
	assert.Less(t, len([]rune(fs[0].Message)), 200, "the message shows a short excerpt")

	fs = check(t, nil, pkgDir(t), table("narrative", with(narrOK, "brand", strings.Repeat("字", 5000))))
	assert.Empty(t, fs, dump(fs))
}

func TestCheckDigitSeverity(t *testing.T) {
	t.Parallel()
	bad := ents(with(entDirect, "uscc", "91350211M0000XUF46"))
	fs := check(t, nil, pkgDir(t), bad...)
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, finding.Error, fs[0].Severity)
	assert.Contains(t, fs[0].Message, `应为"R"`, "the message gives the computed check character")

	cfg := config.Default()
	cfg.CheckDigit = "warning"
	fs = check(t, cfg, pkgDir(t), bad...)
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, finding.Warning, fs[0].Severity)
}

func TestEnumMessageListsOptions(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), table("venues", with(venueOK, "tenure", "自有")))
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, `服务场地!H2："自有"不是"产权情况"的可选项，请从下拉列表中选择：自有产权、委托管理、租赁。`, fs[0].Message)
}

func TestDates(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "joined on the window end", tables: teams(with(teamIn, "joined_on", "2021-10-31"))},
		{name: "joined after the window end", tables: teams(with(teamIn, "joined_on", "2021-11-01")),
			want: []string{"DATE-AFTER-WINDOW@创业团队!B2"}},
		{name: "configured window end", tables: teams(with(teamIn, "joined_on", "2021-11-01")),
			cfg: func(c *config.Config) { c.Window.End = c.Window.End.AddDate(0, 1, 0) }},
		{name: "report date after the end", tables: []memTable{table("media", with(mediaOK, "date", "2022-01-01"))},
			want: []string{"DATE-AFTER-WINDOW@宣传报道!C2"}},
		{name: "operating since after the end", tables: []memTable{table("basic", with(basicOK, "operating_since", "2021-11-01"))},
			want: []string{"DATE-AFTER-WINDOW@基础信息!B8"}},
		{name: "activity on the first and last day", tables: []memTable{table("activities",
			with(activityOK, "date", "2020-11-01"), with(activityOK, "date", "2021-10-31"))}},
		{name: "activity before and after the window", tables: []memTable{table("activities",
			with(activityOK, "date", "2020-10-31"), with(activityOK, "date", "2021-11-01"))},
			want: []string{"DATE-OUTSIDE-WINDOW@创新创业活动!C2", "DATE-OUTSIDE-WINDOW@创新创业活动!C3"}},
		{name: "moved out the day it joined", tables: teams(with(teamMovedOut, "moved_out_on", "2020-01-05"))},
		{name: "moved out before joining", tables: teams(with(teamMovedOut, "moved_out_on", "2020-01-04")),
			want: []string{"DATE-ORDER@创业团队!G2"}},
		{name: "registered before joining", tables: teams(with(teamConverted, "registered_on", "2019-12-31")),
			want: []string{"DATE-ORDER@创业团队!E2"}},
		{name: "join date unreadable: no order check", tables: teams(with(teamMovedOut, "joined_on", "去年", "moved_out_on", "2010-01-01")),
			want: []string{"CELL-TYPE@创业团队!B2"}},
		{name: "enterprise moved out before joining", tables: ents(with(entDirect, "moved_out", "是", "staff", "", "moved_out_on", "2020-05-01")),
			want: []string{"DATE-ORDER@入驻企业!I2"}},
		{name: "converted enterprise: order against the registration date",
			tables: ents(with(entFromB, "moved_out", "是", "staff", "", "moved_out_on", "2020-08-01")),
			want:   []string{"DATE-ORDER@入驻企业!I2"}},
		{name: "converted enterprise with a 不可填 join date: registration date applies",
			tables: ents(with(entFromB, "joined_on", "2020-01-01", "moved_out", "是", "staff", "", "moved_out_on", "2020-08-01")),
			want:   []string{"CELL-NOT-FILLABLE@入驻企业!F2", "DATE-ORDER@入驻企业!I2"}},
		{name: "after the window and before joining: both", tables: teams(with(teamMovedOut, "joined_on", "2021-12-01", "moved_out_on", "2021-11-15")),
			want: []string{"DATE-AFTER-WINDOW@创业团队!B2", "DATE-AFTER-WINDOW@创业团队!G2", "DATE-ORDER@创业团队!G2"}},
	})
}

func TestUniqueness(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "distinct names", tables: teams(teamIn, teamConverted, teamMovedOut)},
		{name: "same team name", tables: teams(teamIn, with(teamMovedOut, "name", "团队甲")),
			want: []string{"DUPLICATE-VALUE@创业团队!A3"}},
		{name: "same after trimming and width folding", tables: teams(with(teamIn, "name", "ABC团队"), with(teamMovedOut, "name", " ＡＢＣ团队\u3000")),
			want: []string{"DUPLICATE-VALUE@创业团队!A3"}},
		{name: "third copy reported too", tables: teams(teamIn, with(teamMovedOut, "name", "团队甲"), with(teamConverted, "name", "团队甲")),
			want: []string{"DUPLICATE-VALUE@创业团队!A3", "DUPLICATE-VALUE@创业团队!A4"}},
		{name: "USCC case-folded", tables: ents(entDirect, with(entFromB, "team", "", "from_team", "否", "joined_on", "2020-01-01", "uscc", "91310110666007217t")),
			want: []string{"DUPLICATE-VALUE@入驻企业!B3"}},
		{name: "enterprise name", tables: ents(entDirect, with(entFromB, "name", "企业一")),
			want: []string{"DUPLICATE-VALUE@入驻企业!A3"}},
		{name: "names not unique elsewhere", tables: []memTable{table("staff", staffOK, staffOK)}},
	})
	fs := check(t, nil, pkgDir(t), teams(teamIn, with(teamMovedOut, "name", "团队甲"))...)
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "创业团队!A2", "the message names the first row's cell")
}

func TestVenueAreaSum(t *testing.T) {
	t.Parallel()
	runCases(t, []ruleCase{
		{name: "parts add up", tables: []memTable{table("venues", venueOK)}},
		{name: "within 0.01", tables: []memTable{table("venues", with(venueOK, "area", "100", "team_enterprise_area", "30", "public_service_area", "30", "self_use_area", "30", "other_area", "9.99"))}},
		{name: "exact decimals, no float drift", tables: []memTable{table("venues", with(venueOK, "area", "0.3", "team_enterprise_area", "0.1", "public_service_area", "0.1", "self_use_area", "0.1", "other_area", "0"))}},
		{name: "off by 0.02", tables: []memTable{table("venues", with(venueOK, "area", "100", "team_enterprise_area", "30", "public_service_area", "30", "self_use_area", "30", "other_area", "9.98"))},
			want: []string{"VENUE-AREA-SUM@服务场地!B2"}},
		{name: "a part missing: required, no sum", tables: []memTable{table("venues", with(venueOK, "other_area", ""))},
			want: []string{"CELL-REQUIRED@服务场地!F2"}},
		{name: "a part unreadable: no sum", tables: []memTable{table("venues", with(venueOK, "other_area", "五十"))},
			want: []string{"CELL-TYPE@服务场地!F2"}},
	})
	fs := check(t, nil, pkgDir(t), table("venues", with(venueOK, "area", "1200")))
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "1200")
	assert.Contains(t, fs[0].Message, "1000")
}

func TestCrossTable(t *testing.T) {
	t.Parallel()
	noEnt := func(rows ...rowVals) []memTable {
		return []memTable{table("teams", rows...), table("enterprises", entDirect)}
	}
	both := func(teamRows []rowVals, entRows ...rowVals) []memTable {
		return []memTable{table("teams", teamRows...), table("enterprises", entRows...)}
	}
	tr := func(r ...rowVals) []rowVals { return r }
	runCases(t, []ruleCase{
		{name: "team and enterprise agree", tables: both(tr(teamIn, teamConverted), entDirect, entFromB)},
		{name: "team name matched after trimming and width folding", tables: both(tr(with(teamConverted, "name", "ABC")), with(entFromB, "team", " ＡＢＣ "))},
		{name: "unknown team", tables: both(tr(teamConverted), entFromB, with(entFromB, "name", "企业三", "uscc", "91512081MA62K0260E", "team", "团队戊")),
			want: []string{"XREF-TEAM-UNKNOWN@入驻企业!D3"}},
		{name: "team not converted", tables: both(tr(teamIn), with(entFromB, "team", "团队甲")),
			want: []string{"XREF-TEAM-NOT-CONVERTED@入驻企业!D2"}},
		{name: "team conversion unreadable: no xref finding", tables: both(tr(with(teamConverted, "converted", "?")), entFromB),
			want: []string{"CELL-TYPE@创业团队!D2"}},
		{name: "registration dates differ", tables: both(tr(teamConverted), with(entFromB, "registered_on", "2020-09-02")),
			want: []string{"XREF-REGDATE-MISMATCH@入驻企业!E2"}},
		{name: "two enterprises from one team", tables: both(tr(teamConverted), entFromB, with(entFromB, "name", "企业三", "uscc", "91512081MA62K0260E")),
			want: []string{"XREF-TEAM-MULTI-ENTERPRISE@入驻企业!D3"}},
		{name: "converted team without enterprise", tables: noEnt(teamIn, teamConverted),
			want: []string{"XREF-TEAM-NO-ENTERPRISE@创业团队!D3"}},
		{name: "no enterprise sheet: no xref", tables: teams(teamConverted)},
		{name: "no team sheet: no xref", tables: ents(entFromB)},
		{name: "direct enterprise naming a team (不可填) still counts as naming it",
			tables: both(tr(teamConverted), with(entDirect, "team", "团队乙")),
			want:   []string{"CELL-NOT-FILLABLE@入驻企业!D2"}},
		{name: "conflicting team: no missing-enterprise warning", tables: noEnt(with(teamConverted, "moved_out", "是")),
			want: []string{"TEAM-STATUS-CONFLICT@创业团队!F2"}},
		{name: "enterprise with unknown origin: no xref", tables: both(tr(teamIn), with(entFromB, "from_team", "不详")),
			want: []string{"CELL-TYPE@入驻企业!C2"}},
	})

	dir := pkgDir(t)
	fs := check(t, nil, dir, both(tr(teamConverted), entFromB, with(entFromB, "name", "企业三", "uscc", "91512081MA62K0260E"))...)
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, finding.Warning, fs[0].Severity)
	assert.Contains(t, fs[0].Message, "入驻企业!D2")

	fs = check(t, nil, dir, noEnt(teamConverted)...)
	require.Len(t, fs, 1, dump(fs))
	assert.Equal(t, finding.Warning, fs[0].Severity)
	assert.Equal(t, "是否转化为企业", fs[0].Column)

	fs = check(t, nil, dir, both(tr(teamConverted), with(entFromB, "registered_on", "2020-09-02"))...)
	require.Len(t, fs, 1, dump(fs))
	assert.Contains(t, fs[0].Message, "2020-09-01")
	assert.Contains(t, fs[0].Message, "创业团队!E2")
}

// Every rule a message is built for has a Chinese and an English text, and
// no text leaves a placeholder unfilled.
func TestMessagesComplete(t *testing.T) {
	t.Parallel()
	for _, r := range finding.Rules() {
		switch r {
		case finding.FileUnreadable, finding.SheetMissing, finding.SheetDuplicate, finding.SheetUnknown,
			finding.HeaderNotFound, finding.ColumnMissing, finding.ColumnDuplicate, finding.ColumnUnknown,
			finding.TemplateVersion:
			continue // the reader's
		}
		assert.True(t, msg.Has(r), "no text for %s", r)
		assert.NotEqual(t, msg.ZH.T(r), msg.EN.T(r), "%s: the English text is missing", r)
	}
}

// CELL-TEXT-VALUE: a date or number that reads but is text warns at its
// cell; a typed one, a text column, and a text that does not read (which is
// CELL-TYPE alone) do not.
func TestTextValue(t *testing.T) {
	t.Parallel()
	dir := pkgDir(t)
	venue := with(venueOK, "area", num("1000"), "team_enterprise_area", num("600"), "public_service_area", num("250"),
		"self_use_area", num("100"), "other_area", num("50"), "workstations", num("120"))
	activity := with(activityOK, "date", num("44256"))
	for _, tc := range []struct {
		name   string
		tables []memTable
		want   []string
	}{
		{name: "typed values", tables: []memTable{table("venues", venue), table("activities", activity)}},
		{name: "a text area", tables: []memTable{table("venues", with(venue, "area", "1000平方米"))},
			want: []string{"CELL-TEXT-VALUE@服务场地!B2"}},
		{name: "full-width digits", tables: []memTable{table("venues", with(venue, "workstations", "１２０"))},
			want: []string{"CELL-TEXT-VALUE@服务场地!G2"}},
		{name: "a text date", tables: []memTable{table("activities", with(activity, "date", "2021.3.1"))},
			want: []string{"CELL-TEXT-VALUE@创新创业活动!C2"}},
		{name: "a text that does not read: CELL-TYPE alone", tables: []memTable{table("activities", with(activity, "date", "2021-03"))},
			want: []string{"CELL-TYPE@创新创业活动!C2"}},
		{name: "a formula with a cached value", tables: []memTable{table("venues", with(venue, "area", formula("1000")))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fs := checkAll(t, nil, dir, tc.tables...)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			assert.ElementsMatch(t, want, brief(fs), dump(fs))
			for _, f := range fs {
				if f.Rule == finding.CellTextValue {
					assert.Equal(t, finding.Warning, f.Severity)
					assert.Contains(t, f.Message, "mkspace fix")
				}
			}
		})
	}
}

// ATTACHMENT-MISSING names the file the path most likely means: one
// character off, attachments/ left out, .pdf left out; nothing near, the
// plain message.
func TestAttachmentMissingDidYouMean(t *testing.T) {
	t.Parallel()
	dir := pkgDir(t)
	writeFile(t, dir, "attachments/创业团队/绿芽-入驻协议.pdf", minimalPDF("b"))
	for _, tc := range []struct{ written, near string }{
		{"attachments/创业团队/绿芽-入驻协议书.pdf", "attachments/创业团队/绿芽-入驻协议.pdf"},
		{"创业团队/绿芽-入驻协议.pdf", "attachments/创业团队/绿芽-入驻协议.pdf"},
		{"attachments/创业团队/绿芽-入驻协议", "attachments/创业团队/绿芽-入驻协议.pdf"},
		{"attachments/创业团队/完全不同的文件名.pdf", ""},
	} {
		fs := check(t, nil, dir, table("teams", with(teamIn, "agreement", tc.written)))
		require.Len(t, fs, 1, dump(fs))
		assert.Equal(t, finding.AttachmentMissing, fs[0].Rule)
		if tc.near == "" {
			assert.NotContains(t, fs[0].Message, "是否是", tc.written)
			continue
		}
		assert.Contains(t, fs[0].Message, `。是否是"`+tc.near+`"？`, tc.written)
	}
}

// ATTACHMENT-OUTSIDE's advice names the folder the package uses.
func TestAttachmentOutsideAdvice(t *testing.T) {
	t.Parallel()
	fs := check(t, nil, pkgDir(t), table("teams", with(teamIn, "agreement", "../a.pdf")))
	require.Len(t, fs, 1, dump(fs))
	assert.Contains(t, fs[0].Message, "attachments/a.pdf")
	assert.NotContains(t, fs[0].Message, "附件/")
}
