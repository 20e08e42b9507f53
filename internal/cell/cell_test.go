package cell

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

const (
	str  = workbook.KindString
	num  = workbook.KindNumber
	boo  = workbook.KindBool
	frm  = workbook.KindFormula
	errk = workbook.KindError
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestTrimText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"abc", "abc"},
		{"  abc\t", "abc"},
		{"\u3000张三\u3000", "张三"},
		{"\u00a0张三\u00a0", "张三"},
		{"\u200b\ufeff张三\u200d", "张三"},
		{"\r\n张 三\n", "张 三"},
		{" \u3000\u00a0\u200b ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, TrimText(tt.in), "TrimText(%q)", tt.in)
	}
}

func TestParseInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		kind workbook.Kind
		want int64
		ok   bool
	}{
		{"12", str, 12, true},
		{" 12 ", str, 12, true},
		{"\u300012\u3000", str, 12, true},
		{"１２", str, 12, true},
		{"1,000", str, 1000, true},
		{"1，000", str, 1000, true}, // full-width comma folds
		{"1,234,567", str, 1234567, true},
		{"-5", str, -5, true},
		{"+5", str, 5, true},
		{"－５", str, -5, true},
		{"12.0", str, 12, true},
		{"1,000.00", str, 1000, true},
		{"0", str, 0, true},
		{"9223372036854775807", str, 9223372036854775807, true},
		{"12", num, 12, true},
		{"12.0", num, 12, true},
		{"1.2E+3", num, 1200, true},
		{"12.000000000000002", num, 12, true}, // float noise
		{"-3", num, -3, true},
		{"12", frm, 12, true},
		{"1,000", frm, 1000, true},

		{"12.5", str, 0, false},
		{"12.5", num, 0, false},
		{"1,00", str, 0, false},
		{"1,5", str, 0, false},
		{",100", str, 0, false},
		{"1000,", str, 0, false},
		{"1,0000", str, 0, false},
		{"1234,567", str, 0, false},
		{"1 000", str, 0, false},
		{"12人", str, 0, false},
		{"十二", str, 0, false},
		{"1.2E3", str, 0, false}, // no exponent in text
		{"--5", str, 0, false},
		{"-", str, 0, false},
		{".", str, 0, false},
		{"9223372036854775808", str, 0, false},
		{"1", boo, 0, false},
		{"#N/A", errk, 0, false},
		{"abc", num, 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseInt(tt.in, tt.kind)
		assert.Equal(t, tt.ok, ok, "ParseInt(%q, %d) ok", tt.in, tt.kind)
		if tt.ok {
			assert.Equal(t, tt.want, got, "ParseInt(%q, %d)", tt.in, tt.kind)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		kind workbook.Kind
		unit schema.Unit
		want string
		ok   bool
	}{
		{"120.5", str, schema.NoUnit, "120.5", true},
		{"１２０．５", str, schema.NoUnit, "120.5", true},
		{"1,234.56", str, schema.NoUnit, "1234.56", true},
		{".5", str, schema.NoUnit, "0.5", true},
		{"5.", str, schema.NoUnit, "5", true},
		{"-0.25", str, schema.NoUnit, "-0.25", true},
		{"0.1", num, schema.NoUnit, "0.1", true},
		{"1.2E-3", num, schema.NoUnit, "0.0012", true},
		{"1.2e3", num, schema.NoUnit, "1200", true},
		{"800.00000000000011", num, schema.NoUnit, "800", true},
		{"0.30000000000000004", num, schema.NoUnit, "0.3", true},
		{"3.2999999999999998", num, schema.NoUnit, "3.3", true},
		{"123456789012.34567", num, schema.NoUnit, "123456789012.346", true},
		{"120平方米", str, schema.SquareMetre, "120", true},
		{"120 平方米", str, schema.SquareMetre, "120", true},
		{"120.5㎡", str, schema.SquareMetre, "120.5", true},
		{"120m²", str, schema.SquareMetre, "120", true},
		{"120m2", str, schema.SquareMetre, "120", true},
		{"120M2", str, schema.SquareMetre, "120", true},
		{"120 ｍ２", str, schema.SquareMetre, "120", true},
		{"50万元", str, schema.TenThousandYuan, "50", true},
		{"50 万", str, schema.TenThousandYuan, "50", true},
		{"1,500.5万元", str, schema.TenThousandYuan, "1500.5", true},
		{"50", frm, schema.TenThousandYuan, "50", true},
		{"50万元", frm, schema.TenThousandYuan, "50", true},

		{"120平方米", str, schema.NoUnit, "", false},          // no unit on this column
		{"120平方米", str, schema.TenThousandYuan, "", false}, // wrong unit
		{"50万元", str, schema.SquareMetre, "", false},
		{"50元", str, schema.TenThousandYuan, "", false},
		{"50亿", str, schema.TenThousandYuan, "", false},
		{"万元", str, schema.TenThousandYuan, "", false},
		{"120平方米平方米", str, schema.SquareMetre, "", false},
		{"1.2E3", str, schema.NoUnit, "", false},
		{"1,5", str, schema.NoUnit, "", false},
		{"12。5", str, schema.NoUnit, "", false},
		{"1.2.3", str, schema.NoUnit, "", false},
		{"abc", str, schema.NoUnit, "", false},
		{"1e999999999", num, schema.NoUnit, "", false},
		{"1", boo, schema.NoUnit, "", false},
	}
	for _, tt := range tests {
		got, ok := ParseDecimal(tt.in, tt.kind, tt.unit)
		assert.Equal(t, tt.ok, ok, "ParseDecimal(%q, %d, %d) ok", tt.in, tt.kind, tt.unit)
		if tt.ok {
			assert.True(t, decimal.RequireFromString(tt.want).Equal(got), "ParseDecimal(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDecimalExactSum(t *testing.T) {
	t.Parallel()
	for _, kind := range []workbook.Kind{str, num} {
		a, ok := ParseDecimal("0.1", kind, schema.NoUnit)
		require.True(t, ok)
		b, ok := ParseDecimal("0.2", kind, schema.NoUnit)
		require.True(t, ok)
		assert.Equal(t, "0.3", a.Add(b).String(), "kind %d", kind)
	}
	// Excel's own noisy sum, read back from a numeric cell.
	s, ok := ParseDecimal("0.30000000000000004", num, schema.NoUnit)
	require.True(t, ok)
	assert.Equal(t, "0.3", s.String())
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		kind  workbook.Kind
		d1904 bool
		want  time.Time
		ok    bool
	}{
		{"2021-10-31", str, false, date(2021, 10, 31), true},
		{"2021/10/31", str, false, date(2021, 10, 31), true},
		{"2021.10.31", str, false, date(2021, 10, 31), true},
		{"2021年10月31日", str, false, date(2021, 10, 31), true},
		{"2021年10月31", str, false, date(2021, 10, 31), true},
		{"20211031", str, false, date(2021, 10, 31), true},
		{"2021-1-5", str, false, date(2021, 1, 5), true},
		{"2021/1/5", str, false, date(2021, 1, 5), true},
		{"2021年1月5日", str, false, date(2021, 1, 5), true},
		{"２０２１－１０－３１", str, false, date(2021, 10, 31), true},
		{"２０２１年１０月３１日", str, false, date(2021, 10, 31), true},
		{" 2021-10-31\u3000", str, false, date(2021, 10, 31), true},
		{"2021-10-31 14:30", str, false, date(2021, 10, 31), true},
		{"2021-10-31T14:30:00", str, false, date(2021, 10, 31), true},
		{"2021-10-31T14:30:00Z", str, false, date(2021, 10, 31), true},
		{"2021-10-31T14:30:00.123+08:00", str, false, date(2021, 10, 31), true},
		{"2021/10/31 0:00:00", str, false, date(2021, 10, 31), true},
		{"2021年10月31日 9:05", str, false, date(2021, 10, 31), true},
		{"20211031 14:30", str, false, date(2021, 10, 31), true},
		{"2020-02-29", str, false, date(2020, 2, 29), true},
		{"2021-10-31", frm, false, date(2021, 10, 31), true},
		// Serial days.
		{"44500", num, false, date(2021, 10, 31), true},
		{"44501", num, false, date(2021, 11, 1), true},
		{"44500.75", num, false, date(2021, 10, 31), true},
		{"44500.999999999993", num, false, date(2021, 11, 1), true}, // rounds to midnight
		{"44500", frm, false, date(2021, 10, 31), true},
		{"43038", num, true, date(2021, 10, 31), true},
		{"44500", num, true, date(2025, 11, 1), true},
		{"1", num, false, date(1900, 1, 1), true},
		{"59", num, false, date(1900, 2, 28), true},
		{"61", num, false, date(1900, 3, 1), true},
		{"0", num, true, date(1904, 1, 1), true},
		{"2958465", num, false, date(9999, 12, 31), true},
		{"20211031", num, false, date(2021, 10, 31), true},

		{"2021-10", str, false, time.Time{}, false},
		{"2021年10月", str, false, time.Time{}, false},
		{"2021/10", str, false, time.Time{}, false},
		{"2021-02-30", str, false, time.Time{}, false},
		{"2021-02-29", str, false, time.Time{}, false},
		{"2021-13-01", str, false, time.Time{}, false},
		{"2021-00-10", str, false, time.Time{}, false},
		{"2021-10-00", str, false, time.Time{}, false},
		{"2021-10-32", str, false, time.Time{}, false},
		{"20211331", str, false, time.Time{}, false},
		{"2021-10/31", str, false, time.Time{}, false},
		{"21-10-31", str, false, time.Time{}, false},
		{"10/31/2021", str, false, time.Time{}, false},
		{"31.10.2021", str, false, time.Time{}, false},
		{"2021-010-31", str, false, time.Time{}, false},
		{"2021-10-31abc", str, false, time.Time{}, false},
		{"2021-10-31 25:00", str, false, time.Time{}, false},
		{"2021-10-31 14", str, false, time.Time{}, false},
		{"202110311", str, false, time.Time{}, false},
		{"0001-01-01", str, false, time.Time{}, false},
		{"1899-12-31", str, false, time.Time{}, false},
		{"44500", str, false, time.Time{}, false}, // a serial as text is not a date
		{"明天", str, false, time.Time{}, false},
		{"0", num, false, time.Time{}, false},
		{"60", num, false, time.Time{}, false}, // 1900-02-29 never was
		{"0.5", num, false, time.Time{}, false},
		{"-1", num, false, time.Time{}, false},
		{"2958466", num, false, time.Time{}, false},
		{"5000000", num, false, time.Time{}, false},
		{"20211331", num, false, time.Time{}, false},
		{"20211031.5", num, false, time.Time{}, false},
		{"1", boo, false, time.Time{}, false},
		{"#VALUE!", errk, false, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in, tt.kind, tt.d1904)
		assert.Equal(t, tt.ok, ok, "ParseDate(%q, %d, 1904=%v) ok", tt.in, tt.kind, tt.d1904)
		if tt.ok {
			assert.Equal(t, tt.want, got, "ParseDate(%q, %d, 1904=%v)", tt.in, tt.kind, tt.d1904)
		}
	}
}

// The 1900 and 1904 systems are 1462 days apart for every date after
// 1900-03-01.
func TestSerialSystems(t *testing.T) {
	t.Parallel()
	for _, serial := range []int{1462, 1500, 44500, 2958465} {
		a, ok := ParseDate(itoa(serial), num, false)
		require.True(t, ok, "serial %d", serial)
		b, ok := ParseDate(itoa(serial-1462), num, true)
		require.True(t, ok, "serial %d (1904)", serial-1462)
		assert.Equal(t, a, b, "serial %d", serial)
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestParseYesNo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		kind workbook.Kind
		want bool
		ok   bool
	}{
		{"是", str, true, true},
		{"否", str, false, true},
		{" 是\u3000", str, true, true},
		{"1", boo, true, true},
		{"0", boo, false, true},
		{"TRUE", str, true, true},
		{"true", str, true, true},
		{"False", str, false, true},
		{"ＴＲＵＥ", str, true, true},
		{"TRUE", frm, true, true},
		{"是", frm, true, true},

		{"1", str, false, false},
		{"1", num, false, false},
		{"Y", str, false, false},
		{"yes", str, false, false},
		{"是的", str, false, false},
		{"不是", str, false, false},
		{"√", str, false, false},
		{"#N/A", errk, false, false},
	}
	for _, tt := range tests {
		got, ok := ParseYesNo(tt.in, tt.kind)
		assert.Equal(t, tt.ok, ok, "ParseYesNo(%q, %d) ok", tt.in, tt.kind)
		if tt.ok {
			assert.Equal(t, tt.want, got, "ParseYesNo(%q, %d)", tt.in, tt.kind)
		}
	}
}

func TestUSCC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        string
		norm      string
		patternOK bool
		checkOK   bool
	}{
		{"91350100M000100Y43", "91350100M000100Y43", true, true},
		{"91310110666007217T", "91310110666007217T", true, true},
		{"914403001922038216", "914403001922038216", true, true},
		{"91512081MA62K0260E", "91512081MA62K0260E", true, true},
		{"91512081ma62k0260e", "91512081MA62K0260E", true, true},
		{" ９１３５０１００Ｍ０００１００Ｙ４３\u3000", "91350100M000100Y43", true, true},
		// Check digit wrong, shape right.
		{"914403001922038217", "914403001922038217", true, false},
		{"91350211M0000XUF46", "91350211M0000XUF46", true, false},
		{"91350100M000100Y44", "91350100M000100Y44", true, false},
		// 'Z' is outside the alphabet: the pattern fails, not just the check.
		{"91350100M000100Y4Z", "91350100M000100Y4Z", false, false},
		{"91350100M000100Y4", "91350100M000100Y4", false, false},
		{"91350100M000100Y433", "91350100M000100Y433", false, false},
		{"9135010AM000100Y43", "9135010AM000100Y43", false, false}, // letter in 3–8
		{"91350100I000100Y43", "91350100I000100Y43", false, false},
		{"91350100O000100Y43", "91350100O000100Y43", false, false},
		{"9135 0100M000100Y4", "9135 0100M000100Y4", false, false},
		{"9.14403001922038E+17", "9.14403001922038E+17", false, false},
		{"91350100M000100Y4三", "91350100M000100Y4三", false, false},
		{"", "", false, false},
	}
	for _, tt := range tests {
		norm, p, c := USCC(tt.in)
		assert.Equal(t, tt.norm, norm, "USCC(%q) normalised", tt.in)
		assert.Equal(t, tt.patternOK, p, "USCC(%q) pattern", tt.in)
		assert.Equal(t, tt.checkOK, c, "USCC(%q) check", tt.in)
	}
}

// The check digit of a sum divisible by 31 is '0'.
func TestUSCCCheckZero(t *testing.T) {
	t.Parallel()
	// All zeros: Σ = 0 → '0'.
	_, p, c := USCC("000000000000000000")
	assert.True(t, p)
	assert.True(t, c)
	assert.Equal(t, byte('0'), USCCCheckChar("00000000000000000"))
	// 9·1 + W(28)·3 = 93 = 3·31: a non-trivial sum divisible by 31.
	_, p, c = USCC("9W0000000000000000")
	assert.True(t, p && c, "9W0000000000000000 passes with check digit 0")
	_, p, c = USCC("9W000000000000000Y")
	assert.True(t, p && !c, "9W000000000000000Y fails the check")
}

func TestValidPhone(t *testing.T) {
	t.Parallel()
	good := []string{"13800138000", "19912345678", "010-88656315", "01088656315", "0591-8765432",
		"0591-87654321", "010-88656315-123", "010-88656315-123456", "０１０－８８６５６３１５", " 13800138000 "}
	bad := []string{"12800138000", "1380013800", "138001380000", "10-88656315", "010-886563", "010-886563151",
		"010-88656315-", "010-88656315-1234567", "+8613800138000", "138 0013 8000", "(010)88656315",
		"010--88656315", "88656315", "abc", ""}
	for _, s := range good {
		assert.True(t, ValidPhone(s), "ValidPhone(%q)", s)
	}
	for _, s := range bad {
		assert.False(t, ValidPhone(s), "ValidPhone(%q)", s)
	}
}

func TestValidEmail(t *testing.T) {
	t.Parallel()
	good := []string{"name@example.com", "a.b+c@mail.example.com.cn", "zhang_san@163.com", " x@qq.com "}
	bad := []string{"name@example", "name", "@example.com", "name@", "Name <name@example.com>",
		"name @example.com", "name@exa mple.com", "name＠example.com", "name@example.com.", "a@@b.com", ""}
	for _, s := range good {
		assert.True(t, ValidEmail(s), "ValidEmail(%q)", s)
	}
	for _, s := range bad {
		assert.False(t, ValidEmail(s), "ValidEmail(%q)", s)
	}
}

func TestValidURL(t *testing.T) {
	t.Parallel()
	good := []string{"http://www.example.com", "https://news.example.cn/2021/10/31/1.html?id=3#top",
		"HTTPS://EXAMPLE.COM/", "https://新华网.cn/a", "http://127.0.0.1:8080/x"}
	bad := []string{"www.example.com", "ftp://example.com", "https://", "https:///path", "http//example.com",
		"https://exa mple.com", "https：//example.com", "mailto:a@b.com", "javascript:alert(1)", "https:example.com", ""}
	for _, s := range good {
		assert.True(t, ValidURL(s), "ValidURL(%q)", s)
	}
	for _, s := range bad {
		assert.False(t, ValidURL(s), "ValidURL(%q)", s)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	lists := schema.DefaultLists()
	col := func(typ schema.Type, mod ...func(*schema.Column)) *schema.Column {
		c := &schema.Column{Key: "k", Header: "h", Type: typ}
		for _, m := range mod {
			m(c)
		}
		return c
	}
	unit := func(u schema.Unit) func(*schema.Column) { return func(c *schema.Column) { c.Unit = u } }
	format := func(f schema.Format) func(*schema.Column) { return func(c *schema.Column) { c.Format = f } }
	opts := func(name string) func(*schema.Column) { return func(c *schema.Column) { c.Options = name } }

	tests := []struct {
		name string
		col  *schema.Column
		cell workbook.Cell
		want Value
		rule string
		exp  string
	}{
		{"empty", col(schema.Int), workbook.Cell{}, Value{Empty: true}, "", ""},
		{"blank text", col(schema.Date), workbook.Cell{Value: " \u3000", Kind: str}, Value{Empty: true}, "", ""},
		{"empty formula", col(schema.Date), workbook.Cell{Value: "", Kind: frm}, Value{Empty: true}, "", ""},
		{"text", col(schema.Text), workbook.Cell{Value: "  张三\u3000", Kind: str}, Value{Text: "张三"}, "", ""},
		{"text from number", col(schema.Text), workbook.Cell{Value: "3.2999999999999998", Kind: num}, Value{Text: "3.3"}, "", ""},
		{"text from bool", col(schema.Text), workbook.Cell{Value: "1", Kind: boo}, Value{Text: "TRUE"}, "", ""},
		{"text formula kept", col(schema.Text), workbook.Cell{Value: "0123", Kind: frm}, Value{Text: "0123"}, "", ""},
		{"phone formula", col(schema.Text, format(schema.Phone)), workbook.Cell{Value: "01088656315", Kind: frm}, Value{Text: "01088656315"}, "", ""},
		{"text error", col(schema.Text), workbook.Cell{Value: "#N/A", Kind: errk}, Value{Text: "#N/A"}, finding.CellType, ExpectText},
		{"int", col(schema.Int), workbook.Cell{Value: "１,２００", Kind: str}, Value{Int: 1200}, "", ""},
		{"int fraction", col(schema.Int), workbook.Cell{Value: "12.5", Kind: num}, Value{Text: "12.5"}, finding.CellType, ExpectInt},
		{"int error", col(schema.Int), workbook.Cell{Value: "#DIV/0!", Kind: errk}, Value{Text: "#DIV/0!"}, finding.CellType, ExpectInt},
		{"int formula", col(schema.Int), workbook.Cell{Value: "7", Kind: frm}, Value{Int: 7}, "", ""},
		{"area", col(schema.Decimal, unit(schema.SquareMetre)), workbook.Cell{Value: "120.5 ㎡", Kind: str}, Value{Dec: decimal.RequireFromString("120.5")}, "", ""},
		{"area bad", col(schema.Decimal, unit(schema.SquareMetre)), workbook.Cell{Value: "120亩", Kind: str}, Value{Text: "120亩"}, finding.CellType, ExpectDecimalArea},
		{"money bad", col(schema.Decimal, unit(schema.TenThousandYuan)), workbook.Cell{Value: "五十万", Kind: str}, Value{Text: "五十万"}, finding.CellType, ExpectDecimalMoney},
		{"decimal bad", col(schema.Decimal), workbook.Cell{Value: "x", Kind: str}, Value{Text: "x"}, finding.CellType, ExpectDecimal},
		{"date serial", col(schema.Date), workbook.Cell{Value: "44500", Kind: num}, Value{Date: date(2021, 10, 31)}, "", ""},
		{"date text", col(schema.Date), workbook.Cell{Value: "2021年1月5日", Kind: str}, Value{Date: date(2021, 1, 5)}, "", ""},
		{"date month only", col(schema.Date), workbook.Cell{Value: "2021-10", Kind: str}, Value{Text: "2021-10"}, finding.CellType, ExpectDate},
		{"date error", col(schema.Date), workbook.Cell{Value: "#N/A", Kind: errk}, Value{Text: "#N/A"}, finding.CellType, ExpectDate},
		{"yes", col(schema.YesNo), workbook.Cell{Value: "是", Kind: str}, Value{Bool: true}, "", ""},
		{"no bool", col(schema.YesNo), workbook.Cell{Value: "0", Kind: boo}, Value{Bool: false}, "", ""},
		{"yesno bad", col(schema.YesNo), workbook.Cell{Value: "Y", Kind: str}, Value{Text: "Y"}, finding.CellType, ExpectYesNo},
		{"enum", col(schema.Enum, opts(schema.ListEducation)), workbook.Cell{Value: " 大学本科 ", Kind: str}, Value{Text: "大学本科"}, "", ""},
		{"enum bad", col(schema.Enum, opts(schema.ListEducation)), workbook.Cell{Value: "本科", Kind: str}, Value{Text: "本科"}, finding.CellEnum, ExpectEnum},
		{"enum error", col(schema.Enum, opts(schema.ListEducation)), workbook.Cell{Value: "#N/A", Kind: errk}, Value{Text: "#N/A"}, finding.CellType, ExpectEnum},
		{"attachment", col(schema.Attachment), workbook.Cell{Value: " 附件\\承诺书.pdf ", Kind: str}, Value{Text: "附件\\承诺书.pdf"}, "", ""},
		{"uscc", col(schema.USCC), workbook.Cell{Value: "91512081ma62k0260e", Kind: str}, Value{Text: "91512081MA62K0260E"}, "", ""},
		{"uscc invalid", col(schema.USCC), workbook.Cell{Value: "91350100M000100Y4Z", Kind: str}, Value{Text: "91350100M000100Y4Z"}, finding.USCCInvalid, ExpectUSCC},
		{"uscc check", col(schema.USCC), workbook.Cell{Value: "91350211M0000XUF46", Kind: str}, Value{Text: "91350211M0000XUF46"}, finding.USCCCheckDigit, ExpectUSCCCheck},
		{"uscc as number", col(schema.USCC), workbook.Cell{Value: "9.1440300192203802E+17", Kind: num}, Value{Text: "9.1440300192203802E+17"}, finding.USCCInvalid, ExpectUSCCNumber},
		{"phone", col(schema.Text, format(schema.Phone)), workbook.Cell{Value: "13800138000", Kind: num}, Value{Text: "13800138000"}, "", ""},
		{"phone bad", col(schema.Text, format(schema.Phone)), workbook.Cell{Value: "8865631", Kind: str}, Value{Text: "8865631"}, finding.CellFormat, ExpectPhone},
		{"email bad", col(schema.Text, format(schema.Email)), workbook.Cell{Value: "a@b", Kind: str}, Value{Text: "a@b"}, finding.CellFormat, ExpectEmail},
		{"url", col(schema.Text, format(schema.URL)), workbook.Cell{Value: "https://a.cn/x", Kind: str}, Value{Text: "https://a.cn/x"}, "", ""},
		{"url bad", col(schema.Text, format(schema.URL)), workbook.Cell{Value: "www.a.cn", Kind: str}, Value{Text: "www.a.cn"}, finding.CellFormat, ExpectURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, p := Parse(tt.col, tt.cell, false, lists)
			if tt.rule == "" {
				assert.Nil(t, p, "problem")
			} else if assert.NotNil(t, p, "problem") {
				assert.Equal(t, tt.rule, p.Rule)
				assert.Equal(t, tt.exp, p.Expected)
			}
			assert.True(t, tt.want.Dec.Equal(got.Dec), "Dec got %s want %s", got.Dec, tt.want.Dec)
			got.Dec, tt.want.Dec = decimal.Decimal{}, decimal.Decimal{}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseEnumFolding(t *testing.T) {
	t.Parallel()
	lists := schema.DefaultLists().With(map[string][]string{schema.ListTenure: {"自有产权(含划拨)", "租赁"}})
	c := &schema.Column{Key: "tenure", Type: schema.Enum, Options: schema.ListTenure}
	v, p := Parse(c, workbook.Cell{Value: "自有产权（含划拨）", Kind: str}, false, lists)
	require.Nil(t, p)
	assert.Equal(t, "自有产权(含划拨)", v.Text, "canonical option returned")
	_, p = Parse(c, workbook.Cell{Value: "委托管理", Kind: str}, false, lists)
	require.NotNil(t, p, "option of the default list replaced by the config")
	assert.Equal(t, finding.CellEnum, p.Rule)
}

func TestParse1904(t *testing.T) {
	t.Parallel()
	c := &schema.Column{Key: "d", Type: schema.Date}
	v, p := Parse(c, workbook.Cell{Value: "43038", Kind: num}, true, nil)
	require.Nil(t, p)
	assert.Equal(t, date(2021, 10, 31), v.Date)
	v, p = Parse(c, workbook.Cell{Value: "43038", Kind: num}, false, nil)
	require.Nil(t, p)
	assert.Equal(t, date(2017, 10, 30), v.Date)
}

// Every column of the schema gets a registered message key.
func TestExpectKeysRegistered(t *testing.T) {
	t.Parallel()
	for _, k := range ExpectKeys() {
		assert.True(t, msg.Has(k), "msg key %s", k)
		assert.NotEqual(t, k, msg.EN.T(k), "EN text of %s", k)
	}
	for _, s := range schema.Sheets() {
		for i := range s.Columns {
			assert.Contains(t, ExpectKeys(), ExpectKey(&s.Columns[i]), "%s.%s", s.Key, s.Columns[i].Key)
		}
	}
}
