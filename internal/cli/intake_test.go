package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/intake"
)

// plantedIntake writes five packages A–E that share, on purpose, one thing
// of every kind, next to near-misses that must not match; it returns the
// folders and the findings expected (rule/severity and every place).
func plantedIntake(t *testing.T) (dirs []string, want []string) {
	t.Helper()
	root := t.TempDir()
	p := make([]genPackage, 5)
	for i := range p {
		p[i] = genDistinct(i + 1)
	}
	A, B, C, D, E := &p[0], &p[1], &p[2], &p[3], &p[4]

	// One enterprise, overlapping stays (the name spelt differently).
	B.Enterprises[1].Code, B.Enterprises[1].Name = A.Enterprises[0].Code, "另一种写法有限公司"
	// One enterprise that moved from C to D: consecutive stays.
	D.Enterprises[0].Code = C.Enterprises[0].Code
	C.Enterprises[0].MovedOut, D.Enterprises[0].Joined = "2020-05-31", "2020-06-01"
	// Without a code, by its normalised name.
	A.Enterprises[2].Code, A.Enterprises[2].Name = "", "无码科技（北京）有限公司"
	E.Enterprises[2].Code, E.Enterprises[2].Name = "", "无码科技(北京) 有限责任公司"
	// Near-miss: one name, two codes.
	B.Enterprises[2].Name = "同名科技有限公司"
	C.Enterprises[2].Name = "同名科技有限公司"

	// One team.
	A.Teams[0], D.Teams[1] = "星火团队", " 星火团队"

	// People: name and age; name and 所在单位; name and proof file.
	B.Staff[0].Name, B.Staff[0].Age = "王小明", 35
	E.Staff[1].Name, E.Staff[1].Age = "王小明", 35
	A.Mentors[1].Name, A.Mentors[1].Unit = "李华", "清华大学"
	C.Mentors[0].Name, C.Mentors[0].Unit = "李华", "清华大学"
	B.Mentors[2].Name, B.Mentors[2].Proof = "陈晨", "chen-b.pdf"
	D.Staff[1].Name, D.Staff[1].Proof = "陈晨", "chen-d.pdf"
	B.Files["chen-b.pdf"] = []byte("%PDF-1.4\n% 陈晨的聘书\n%%EOF\n")
	D.Files["chen-d.pdf"] = B.Files["chen-b.pdf"]
	// Near-misses: one name, different age and unit; a part-time mentor.
	D.Staff[0].Name, D.Staff[0].Age = "赵强", 40
	E.Mentors[0].Name = "赵强"
	C.Staff[1].Name, C.Staff[1].Age = "周杰", 28
	D.Staff[2].Name, D.Staff[2].Age = "周杰", 45
	A.Mentors[2].Name, A.Mentors[2].Unit, A.Mentors[2].Employment = "孙丽", "某大学", "兼职"
	B.Mentors[1].Name, B.Mentors[1].Unit = "孙丽", "某大学"

	// One venue address, spelt differently.
	C.Venues[0], E.Venues[0] = "北京市朝阳区建国路88号（SOHO现代城）", "北京市朝阳区 建国路88号(SOHO现代城)"

	// One licence template in three packages.
	for _, x := range []*genPackage{A, B, C} {
		x.Files["licence-1.pdf"] = []byte("%PDF-1.4\n% 营业执照模板\n%%EOF\n")
	}
	// One operator, two packages.
	E.Operator = D.Operator

	for i, x := range p {
		d := filepath.Join(root, string(rune('A'+i)))
		writeGenPackage(t, d, x)
		dirs = append(dirs, d)
	}
	n := func(i int) string { return dirs[i] }
	want = []string{
		"INTAKE-DUP-ENTERPRISE/warning " + n(0) + ":入驻企业!B2," + n(1) + ":入驻企业!B3",
		"INTAKE-DUP-ENTERPRISE/info " + n(2) + ":入驻企业!B2," + n(3) + ":入驻企业!B2",
		"INTAKE-DUP-ENTERPRISE/warning " + n(0) + ":入驻企业!A4," + n(4) + ":入驻企业!A4",
		"INTAKE-DUP-TEAM/warning " + n(0) + ":创业团队!A2," + n(3) + ":创业团队!A3",
		"INTAKE-DUP-PERSON/warning " + n(1) + ":专业服务人员!A2," + n(4) + ":专业服务人员!A3",
		"INTAKE-DUP-PERSON/warning " + n(0) + ":创业导师!A3," + n(2) + ":创业导师!A2",
		"INTAKE-DUP-PERSON/warning " + n(1) + ":创业导师!A4," + n(3) + ":专业服务人员!A3",
		"INTAKE-DUP-VENUE/warning " + n(2) + ":服务场地!A2," + n(4) + ":服务场地!A2",
		"INTAKE-DUP-FILE/warning " + n(0) + ":入驻企业!K3," + n(1) + ":入驻企业!K3," + n(2) + ":入驻企业!K3",
		"INTAKE-DUP-FILE/warning " + n(1) + ":创业导师!F4," + n(3) + ":专业服务人员!G3",
		"INTAKE-SAME-APPLICANT/warning " + n(3) + ":基础信息!B4," + n(4) + ":基础信息!B4",
	}
	slices.Sort(want)
	return dirs, want
}

func intakeSignatures(fs []intake.Finding) []string {
	var out []string
	for _, f := range fs {
		var ps []string
		for _, p := range f.Places {
			ps = append(ps, p.Package+":"+p.Location())
		}
		out = append(out, f.Rule+"/"+string(f.Severity)+" "+strings.Join(ps, ","))
	}
	slices.Sort(out)
	return out
}

// A generated intake with a planted duplicate of every kind and
// near-misses: every planted one found, nothing else (recall and
// precision 100 %), and the exit code that of the packages alone.
func TestIntakePlanted(t *testing.T) {
	t.Parallel()
	dirs, want := plantedIntake(t)
	out := filepath.Join(t.TempDir(), "r.json")
	code, stdout, errOut := runCLI(t, append([]string{"validate", "--format", "json", "-o", out}, dirs...)...)
	require.NotEqual(t, ExitNoRun, code, stdout+errOut)
	var doc struct {
		Intake []intake.Finding `json:"intake"`
	}
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, want, intakeSignatures(doc.Intake))

	// The same packages one at a time: the same exit code each; the
	// findings across packages never make a batch fail.
	worst := ExitOK
	for _, d := range dirs {
		c, _, _ := runCLI(t, "validate", d)
		worst = max(worst, c)
	}
	assert.Equal(t, worst, code, "the exit code is the packages' own")
}

// summaryIntake reads the findings across packages of a JSON summary.
func summaryIntake(t *testing.T, path string) []intake.Finding {
	t.Helper()
	var doc struct {
		Intake   []intake.Finding `json:"intake"`
		Packages []struct {
			File   string          `json:"file"`
			Intake *intake.Package `json:"intake"`
		} `json:"packages"`
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &doc))
	for _, p := range doc.Packages {
		require.NotNil(t, p.Intake, "%s: the keys travel with the summary", p.File)
		assert.Equal(t, p.File, p.Intake.ID)
	}
	return doc.Intake
}

// An intake checked in two parts and merged gives the findings of one run
// over all its packages.
func TestMergeAgreesWithOneRun(t *testing.T) {
	t.Parallel()
	dirs, want := plantedIntake(t)
	tmp := t.TempDir()
	all, p1, p2, merged := filepath.Join(tmp, "all.json"), filepath.Join(tmp, "p1.json"), filepath.Join(tmp, "p2.json"),
		filepath.Join(tmp, "merged.json")
	code, out, errOut := runCLI(t, append([]string{"validate", "--summary", all}, dirs...)...)
	require.NotEqual(t, ExitNoRun, code, out+errOut)
	code1, out, errOut := runCLI(t, append([]string{"validate", "--summary", p1}, dirs[:2]...)...)
	require.NotEqual(t, ExitNoRun, code1, out+errOut)
	code2, out, errOut := runCLI(t, append([]string{"validate", "--summary", p2}, dirs[2:]...)...)
	require.NotEqual(t, ExitNoRun, code2, out+errOut)
	assert.Len(t, summaryIntake(t, p1), 2, "A and B alone: their enterprise and the licence template")

	mcode, mout, errOut := runCLI(t, "verify", "--merge", p1, p2, "--summary", merged)
	require.NotEqual(t, ExitNoRun, mcode, mout+errOut)
	single := summaryIntake(t, all)
	assert.Equal(t, want, intakeSignatures(single))
	assert.Equal(t, single, summaryIntake(t, merged), "the split run and the single run agree")
	for _, f := range single {
		assert.Contains(t, mout, f.Message("zh"))
	}
	assert.Contains(t, mout, "共核验 5 个")

	// A summary that is not one.
	bad := filepath.Join(tmp, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"a":1}`), 0o644))
	c, _, errOut := runCLI(t, "verify", "--merge", bad)
	assert.Equal(t, ExitNoRun, c)
	assert.Contains(t, errOut, "不是 mkspace 写出的 JSON 汇总表")
}
