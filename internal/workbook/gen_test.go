package workbook

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/mkspace/mkspace/internal/schema"
)

// Test-workbook generators shared by tests and benchmarks.

// usccAlphabet is the character set of GB 32100-2015.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccFor returns a valid 18-character USCC built from n.
func usccFor(n int) string {
	body := []byte(fmt.Sprintf("913101%011d", n)) // 17 characters
	weights := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * weights[i]
	}
	return string(body) + string(usccAlphabet[(31-sum%31)%31])
}

// headers returns the template headers of a sheet, with a leading 序号.
func headers(key string) []any {
	sh := schema.ByKey(key)
	out := []any{"序号"}
	for _, c := range sh.Columns {
		out = append(out, c.Header)
	}
	return out
}

var benchEpoch = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)

func serial(t time.Time) float64 {
	return t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

// teamRow returns realistic values of team i in the order of headers("teams").
func teamRow(i int) []any {
	joined := benchEpoch.AddDate(0, 0, i%1800)
	row := []any{i + 1, fmt.Sprintf("第%06d号创业团队（智能硬件方向）", i+1), serial(joined)}
	switch i % 3 {
	case 0: // in the space
		row = append(row, 3+i%7, "否", nil, "否", nil)
	case 1: // converted
		row = append(row, nil, "是", serial(joined.AddDate(0, 3, 0)), "否", nil)
	default: // moved out
		row = append(row, nil, "否", nil, "是", serial(joined.AddDate(0, 6, 0)))
	}
	row = append(row, fmt.Sprintf("附件/创业团队/%06d-入驻协议.pdf", i+1))
	if i%4 == 0 {
		row = append(row, "是", serial(joined.AddDate(0, 2, 0)), 50+float64(i%97)*1.25, fmt.Sprintf("附件/创业团队/%06d-投融资证明.pdf", i+1))
	} else {
		row = append(row, "否", nil, nil, nil)
	}
	return row
}

// enterpriseRow returns realistic values of enterprise i in the order of
// headers("enterprises").
func enterpriseRow(i int) []any {
	reg := benchEpoch.AddDate(0, 0, i%1800)
	row := []any{i + 1, fmt.Sprintf("某某%06d科技有限公司", i+1), usccFor(i + 1)}
	if i%2 == 0 {
		row = append(row, "是", fmt.Sprintf("第%06d号创业团队（智能硬件方向）", 3*i+2), serial(reg), nil)
	} else {
		row = append(row, "否", nil, serial(reg), serial(reg.AddDate(0, 1, 0)))
	}
	if i%5 == 0 {
		row = append(row, "是", nil, serial(reg.AddDate(1, 0, 0)))
	} else {
		row = append(row, "否", 5+i%40, nil)
	}
	row = append(row, fmt.Sprintf("附件/入驻企业/%06d-入驻协议.pdf", i+1), fmt.Sprintf("附件/入驻企业/%06d-营业执照.pdf", i+1))
	if i%3 == 0 {
		row = append(row, "是", serial(reg.AddDate(0, 8, 0)), 300+float64(i%50)*10.5, fmt.Sprintf("附件/入驻企业/%06d-投融资证明.pdf", i+1))
	} else {
		row = append(row, "否", nil, nil, nil)
	}
	return row
}

// writeLargeWorkbook writes teams 创业团队 rows and enterprises 入驻企业 rows
// with excelize's StreamWriter (shared strings, as Excel writes them, are not
// used by StreamWriter: it writes inline strings).
func writeLargeWorkbook(path string, teams, enterprises int) error {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	write := func(sheet, key string, n int, row func(int) []any) error {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", headers(key)); err != nil {
			return err
		}
		dates := map[int]bool{}
		for i, c := range schema.ByKey(key).Columns {
			dates[i+1] = c.Type == schema.Date
		}
		for i := 0; i < n; i++ {
			vals := row(i)
			cells := make([]any, len(vals))
			for j, v := range vals {
				if dates[j] && v != nil {
					cells[j] = excelize.Cell{StyleID: dateStyle, Value: v}
				} else {
					cells[j] = v
				}
			}
			if err := sw.SetRow(fmt.Sprintf("A%d", i+2), cells); err != nil {
				return err
			}
		}
		return sw.Flush()
	}
	if err := write("创业团队", "teams", teams, teamRow); err != nil {
		return err
	}
	if err := write("入驻企业", "enterprises", enterprises, enterpriseRow); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	return f.SaveAs(path)
}
