package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/schema"
)

// genPackage describes a generated package of an intake: only what the
// findings across packages compare is chosen; every other cell is filled
// with a plausible value.
type genPackage struct {
	Operator    string // USCC of 运营主体
	Venues      []string
	Staff       []genPerson
	Mentors     []genPerson
	Teams       []string
	Enterprises []genEnterprise
	// Files maps an attachment name (under attachments/) to its bytes; a
	// name not given gets bytes of its own package.
	Files map[string][]byte
}

type genPerson struct {
	Name, Unit, Employment, Proof string
	Age                           int
}

type genEnterprise struct {
	Name, Code, Joined, MovedOut string
}

// genUSCC is a valid 统一社会信用代码 made of n.
func genUSCC(n int) string {
	first := fmt.Sprintf("91330100MA%07d", n%10_000_000)
	return first + string(cell.USCCCheckChar(first))
}

// writeGenPackage writes p as a package folder dir: one workbook with
// every sheet, and the attachments it names.
func writeGenPackage(tb testing.TB, dir string, p genPackage) {
	tb.Helper()
	require.NoError(tb, os.MkdirAll(filepath.Join(dir, "attachments"), 0o755))
	f := excelize.NewFile()
	defer f.Close()
	files := map[string]bool{}
	proof := func(name string) string {
		if name == "" {
			name = "proof.pdf"
		}
		files[name] = true
		return "attachments/" + name
	}
	first := true
	for _, s := range schema.Sheets() {
		if first {
			require.NoError(tb, f.SetSheetName("Sheet1", s.Name))
			first = false
		} else {
			_, err := f.NewSheet(s.Name)
			require.NoError(tb, err)
		}
		var rows [][]any
		switch s.Key {
		case "basic":
			rows = append(rows, []any{s.FormHeaders[0], s.FormHeaders[1]})
			for _, c := range s.Columns {
				v := map[string]any{"name": "测试众创空间", "operator": "测试运营公司", "operator_uscc": p.Operator,
					"legal_representative": "张某", "region": "北京市海淀区", "address": "北京市海淀区某路1号",
					"operating_since": "2018-01-01", "contact": "李某", "phone": "13800138000", "email": "a@example.com",
					"agency": "某市科技局", "commitment": proof("commitment.pdf")}[c.Key]
				rows = append(rows, []any{c.Header, v})
			}
		case "venues":
			for i, a := range p.Venues {
				rows = append(rows, []any{a, 100, 60, 20, 10, 10, 10, "租赁", proof(fmt.Sprintf("venue-%d.pdf", i))})
			}
		case "staff":
			for _, x := range p.Staff {
				rows = append(rows, []any{x.Name, x.Age, "经理", "大学本科", "管理", "创业服务经验", proof(x.Proof)})
			}
		case "mentors":
			for _, x := range p.Mentors {
				rows = append(rows, []any{x.Name, x.Unit, "教授", "技术", x.Employment, proof(x.Proof)})
			}
		case "teams":
			for i, n := range p.Teams {
				rows = append(rows, []any{n, "2020-01-01", 3, "否", "", "否", "", proof(fmt.Sprintf("team-%d.pdf", i)), "否"})
			}
		case "enterprises":
			for i, e := range p.Enterprises {
				out, staff := "否", any(5)
				if e.MovedOut != "" {
					out, staff = "是", ""
				}
				rows = append(rows, []any{e.Name, e.Code, "否", "", "2019-01-01", e.Joined, out, staff, e.MovedOut,
					proof(fmt.Sprintf("agreement-%d.pdf", i)), proof(fmt.Sprintf("licence-%d.pdf", i)), "否"})
			}
		}
		if s.Kind == schema.Table {
			head := make([]any, len(s.Columns))
			for i, c := range s.Columns {
				head[i] = c.Header
			}
			rows = append([][]any{head}, rows...)
		}
		for r, row := range rows {
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			require.NoError(tb, f.SetSheetRow(s.Name, ref, &row))
		}
	}
	require.NoError(tb, f.SaveAs(filepath.Join(dir, "申报数据.xlsx")))
	for name := range files {
		data, ok := p.Files[name]
		if !ok {
			data = []byte("%PDF-1.4\n% " + dir + "/" + name + "\n%%EOF\n")
		}
		require.NoError(tb, os.WriteFile(filepath.Join(dir, "attachments", name), data, 0o644))
	}
}

// genDistinct is package n of an intake with nothing in common with any
// other: its own operator, venue, people, teams and enterprises.
func genDistinct(n int) genPackage {
	tag := func(s string) string { return fmt.Sprintf("%s%04d", s, n) }
	p := genPackage{Operator: genUSCC(n * 1000), Venues: []string{tag("北京市海淀区某路") + "号"}, Files: map[string][]byte{}}
	for i := range 3 {
		p.Staff = append(p.Staff, genPerson{Name: tag("员工") + string(rune('甲'+i)), Age: 30 + i, Proof: fmt.Sprintf("staff-%d.pdf", i)})
		p.Mentors = append(p.Mentors, genPerson{Name: tag("导师") + string(rune('甲'+i)), Unit: tag("单位"), Employment: "专职",
			Proof: fmt.Sprintf("mentor-%d.pdf", i)})
		p.Teams = append(p.Teams, tag("团队")+string(rune('甲'+i)))
		p.Enterprises = append(p.Enterprises, genEnterprise{Name: tag("企业") + string(rune('甲'+i)) + "有限公司",
			Code: genUSCC(n*1000 + 1 + i), Joined: "2020-01-01"})
	}
	return p
}

var _ = strings.Contains
