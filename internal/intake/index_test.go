package intake

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
)

func ent(code, name, from, to, cell string) Key {
	k := Key{Kind: KindEnterprise, Name: NormName(name), From: from, To: to, Sheet: "入驻企业", Cell: cell}
	if code != "" {
		k.Norm, k.Value = "U:"+code, code
	} else {
		k.Norm, k.Value = "N:"+k.Name, name
	}
	return k
}

func person(name string, age int, unit, proof, cell string) Key {
	sheet := "专业服务人员"
	if unit != "" {
		sheet = "创业导师"
	}
	return Key{Kind: KindPerson, Norm: NormPerson(name), Value: name, Age: age, Name: NormName(unit), Proof: proof, Sheet: sheet, Cell: cell}
}

// signature is what a finding says: rule, severity and its places.
func signature(f Finding) string {
	var ps []string
	for _, p := range f.Places {
		ps = append(ps, p.Package+":"+p.Location())
	}
	return f.Rule + "/" + string(f.Severity) + " " + strings.Join(ps, ",")
}

func signatures(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, signature(f))
	}
	slices.Sort(out)
	return out
}

// Every kind fires on what it must and stays quiet on near-misses.
func TestIndexFindings(t *testing.T) {
	t.Parallel()
	a := &Package{ID: "A.zip", Operator: "91350100M000100Y43", OperatorCell: "B4", Time: "2021-10-01T10:00:00Z", Keys: []Key{
		ent("91310110666007217T", "上海某某科技有限公司", "2020-01-01", "", "C3"),         // overlaps B's
		ent("914403001922038216", "深圳某某有限公司", "2019-01-01", "2020-05-31", "C4"), // followed by B's
		ent("91512081MA62K0260E", "同名企业有限公司", "2020-01-01", "", "C5"),           // near-miss: same name, other code in B
		ent("", "无码企业（北京）有限公司", "2020-01-01", "", "B6"),                         // no code: by name
		{Kind: KindTeam, Norm: NormName("星火团队"), Value: "星火团队", Sheet: "创业团队", Cell: "B2"},
		{Kind: KindVenue, Norm: NormAddress("北京市海淀区中关村大街1号"), Value: "北京市海淀区中关村大街1号", Sheet: "服务场地", Cell: "B2"},
		person("张三", 35, "", "", "B2"),    // same age in B
		person("李四", 40, "", "", "B3"),    // near-miss: other age, no unit in B
		person("王五", 0, "某某大学", "", "B2"), // same unit in C
		person("赵六", 30, "", "h-proof", "B4"),
		{Kind: KindFile, Norm: "h-licence", Value: "attachments/模板.pdf", Sheet: "入驻企业", Cell: "K3"},
		{Kind: KindFile, Norm: "h-licence", Value: "attachments/模板.pdf", Sheet: "入驻企业", Cell: "K4"},
		{Kind: KindFile, Norm: "h-a-only", Value: "attachments/a.pdf", Sheet: "入驻企业", Cell: "K5"},
	}}
	b := &Package{ID: "B.zip", Operator: "91350100M000100Y43", OperatorCell: "B4", Time: "2021-10-20T10:00:00Z", Keys: []Key{
		ent("91310110666007217T", "上海某某科技有限责任公司", "2021-01-01", "", "C7"),
		ent("914403001922038216", "深圳某某有限公司", "2020-06-01", "", "C8"),
		ent("91350211M0000XUF46", "同名企业有限公司", "2020-01-01", "", "C9"),
		ent("", "无码企业(北京)有限责任公司", "2021-01-01", "", "B10"),
		{Kind: KindTeam, Norm: NormName(" 星火团队 "), Value: " 星火团队 ", Sheet: "创业团队", Cell: "B5"},
		{Kind: KindVenue, Norm: NormAddress("北京市海淀区中关村大街１号"), Value: "北京市海淀区中关村大街１号", Sheet: "服务场地", Cell: "B3"},
		person("张三", 35, "", "", "B3"),
		person("李四", 41, "", "", "B4"),
		person("赵六", 0, "别的单位", "h-proof", "B5"),
		{Kind: KindFile, Norm: "h-licence", Value: "附件/licence.pdf", Sheet: "入驻企业", Cell: "K8"},
		{Kind: KindFile, Norm: "h-b-only", Value: "attachments/b.pdf", Sheet: "入驻企业", Cell: "K9"},
	}}
	c := &Package{ID: "C.zip", Operator: "91310110666007217T", Keys: []Key{
		person("王五", 0, "某某大学", "", "B6"),
		person("李四", 0, "某某研究院", "", "B7"), // near-miss: same name, nothing else shared
		ent("", "别的企业有限公司", "2020-01-01", "", "B3"),
	}}
	var x Index
	x.Add(c)
	x.Add(b)
	x.Add(a)
	got := x.Findings()
	want := []string{
		"INTAKE-DUP-ENTERPRISE/warning A.zip:入驻企业!C3,B.zip:入驻企业!C7",
		"INTAKE-DUP-ENTERPRISE/info A.zip:入驻企业!C4,B.zip:入驻企业!C8",
		"INTAKE-DUP-ENTERPRISE/warning A.zip:入驻企业!B6,B.zip:入驻企业!B10",
		"INTAKE-DUP-TEAM/warning A.zip:创业团队!B2,B.zip:创业团队!B5",
		"INTAKE-DUP-PERSON/warning A.zip:专业服务人员!B2,B.zip:专业服务人员!B3",
		"INTAKE-DUP-PERSON/warning A.zip:创业导师!B2,C.zip:创业导师!B6",
		"INTAKE-DUP-PERSON/warning A.zip:专业服务人员!B4,B.zip:创业导师!B5",
		"INTAKE-DUP-VENUE/warning A.zip:服务场地!B2,B.zip:服务场地!B3",
		"INTAKE-DUP-FILE/warning A.zip:入驻企业!K3,A.zip:入驻企业!K4,B.zip:入驻企业!K8",
		"INTAKE-SAME-APPLICANT/warning A.zip:基础信息!B4,B.zip:基础信息!B4",
	}
	slices.Sort(want)
	assert.Equal(t, want, signatures(got), "recall and precision")

	for _, f := range got {
		for _, l := range []msg.Lang{msg.ZH, msg.EN} {
			m := f.Message(l)
			assert.NotContains(t, m, "{", m)
			for _, p := range f.Packages() {
				assert.Contains(t, m, p, "the message names every package")
			}
		}
		if f.Rule == finding.IntakeSameApplicant {
			assert.Equal(t, "B.zip", f.Newer)
			assert.Contains(t, f.Message(msg.ZH), "较新的是 B.zip")
		}
		if f.Rule == finding.IntakeDupFile {
			assert.Equal(t, "h-licence", f.Key, "listed once")
		}
	}
}

// The order in which packages are added does not change the findings.
func TestIndexOrderIndependent(t *testing.T) {
	t.Parallel()
	mk := func(id string, i int) *Package {
		return &Package{ID: id, Keys: []Key{{Kind: KindTeam, Norm: "t", Value: "t", Sheet: "创业团队", Cell: fmt.Sprintf("B%d", i+2)}}}
	}
	var x, y Index
	for i, id := range []string{"a", "b", "c"} {
		x.Add(mk(id, i))
	}
	for i, id := range []string{"c", "b", "a"} {
		y.Add(mk(id, 2-i))
	}
	require.Equal(t, x.Findings(), y.Findings())
	assert.Len(t, x.Findings(), 1)
}

// One package alone, or keys repeated inside one package, give nothing.
func TestIndexOnePackage(t *testing.T) {
	t.Parallel()
	var x Index
	x.Add(&Package{ID: "a", Operator: "X", Keys: []Key{
		{Kind: KindTeam, Norm: "t", Sheet: "创业团队", Cell: "B2"}, {Kind: KindTeam, Norm: "t", Sheet: "创业团队", Cell: "B3"}}})
	assert.Empty(t, x.Findings())
	x.Add(&Package{ID: "b", Operator: "Y"})
	assert.Empty(t, x.Findings())
}

func TestOverlap(t *testing.T) {
	t.Parallel()
	k := func(f, to string) *Key { return &Key{From: f, To: to} }
	assert.True(t, overlap(k("2020-01-01", ""), k("2021-01-01", "")))
	assert.True(t, overlap(k("2020-01-01", "2020-06-01"), k("2020-06-01", "")), "the same day")
	assert.False(t, overlap(k("2020-01-01", "2020-05-31"), k("2020-06-01", "")))
	assert.False(t, overlap(k("2021-01-01", ""), k("2020-01-01", "2020-12-31")))
	assert.True(t, overlap(k("", ""), k("2020-01-01", "2020-12-31")), "unknown dates overlap")
}

func TestNewest(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "b", newest([]Place{{Package: "a", Time: "2021-01-01T00:00:00Z"}, {Package: "b", Time: "2021-02-01T00:00:00Z"}}))
	assert.Equal(t, "", newest([]Place{{Package: "a", Time: "2021-01-01T00:00:00Z"}, {Package: "b"}}))
	assert.Equal(t, "", newest([]Place{{Package: "a", Time: "2021-01-01T00:00:00Z"}, {Package: "b", Time: "2021-01-01T00:00:00Z"}}))
}
