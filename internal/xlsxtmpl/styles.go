package xlsxtmpl

import "github.com/xuri/excelize/v2"

// Colours of the workbook.
const (
	colorHeader    = "DDEBF7" // header fill
	colorField     = "F2F2F2" // form field names
	colorRequired  = "C00000" // the * of a required header
	colorGrey      = "D9D9D9" // 不可填 for the row's state
	colorMissing   = "FFF2CC" // required and still empty
	colorWrongFill = "FFC7CE" // 不可填 but filled: clear it
	colorWrongFont = "9C0006"
	colorBorder    = "BFBFBF"
	colorMetFill   = "C6EFCE" // a registration condition met
	colorMetFont   = "006100"
	colorHeading   = "1F4E79"
)

// styles are the cell and conditional styles, created once per workbook.
type styles struct {
	header, field, value, longValue           int
	dateValue                                 int
	text, date, integer, decimal, gen, choice int
	title, heading, sub, para, bullet         int
	count, area, ratio, key, remark           int
	sumLabel, sumGroup, elig                  int
	// conditional (dxf) styles
	cfGrey, cfMissing, cfWrong, cfMet int
}

func border() []excelize.Border {
	var out []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: t, Color: colorBorder, Style: 1})
	}
	return out
}

func fill(c string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Color: []string{c}, Pattern: 1}
}

func numFmt(s string) *string { return &s }

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	mk := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(s)
		}
	}
	mkCF := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = f.NewConditionalStyle(s)
		}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	mk(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(colorHeader), Border: border(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	mk(&st.field, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(colorField), Border: border(),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&st.value, &excelize.Style{Border: border(), NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&st.dateValue, &excelize.Style{Border: border(), CustomNumFmt: numFmt("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	mk(&st.longValue, &excelize.Style{Border: border(), NumFmt: 49, Alignment: top})
	mk(&st.text, &excelize.Style{NumFmt: 49}) // "@": keeps codes, phone numbers and paths as typed
	mk(&st.date, &excelize.Style{CustomNumFmt: numFmt("yyyy-mm-dd")})
	mk(&st.integer, &excelize.Style{NumFmt: 1})
	mk(&st.decimal, &excelize.Style{CustomNumFmt: numFmt("0.00")})
	mk(&st.gen, &excelize.Style{})
	mk(&st.choice, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	mk(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: colorHeading}, Alignment: &excelize.Alignment{Vertical: "center"}})
	mk(&st.heading, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Color: colorHeading}, Fill: fill(colorHeader), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&st.sub, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&st.para, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	mk(&st.bullet, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 2}})
	mk(&st.count, &excelize.Style{NumFmt: 1, Border: border(), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	mk(&st.area, &excelize.Style{CustomNumFmt: numFmt("0.00"), Border: border(), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	mk(&st.ratio, &excelize.Style{CustomNumFmt: numFmt(`0.0" %"`), Border: border(), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	mk(&st.key, &excelize.Style{Font: &excelize.Font{Size: 8, Color: "808080"}, Alignment: &excelize.Alignment{Vertical: "center"}})
	mk(&st.remark, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	mk(&st.sumLabel, &excelize.Style{Border: border(), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&st.sumGroup, &excelize.Style{Font: &excelize.Font{Bold: true, Color: colorHeading}, Fill: fill(colorField), Border: border(),
		Alignment: &excelize.Alignment{Vertical: "center"}})
	mk(&st.elig, &excelize.Style{Border: border(), Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mkCF(&st.cfMet, &excelize.Style{Fill: fill(colorMetFill), Font: &excelize.Font{Color: colorMetFont, Bold: true}})
	mkCF(&st.cfGrey, &excelize.Style{Fill: fill(colorGrey)})
	mkCF(&st.cfMissing, &excelize.Style{Fill: fill(colorMissing)})
	mkCF(&st.cfWrong, &excelize.Style{Fill: fill(colorWrongFill), Font: &excelize.Font{Color: colorWrongFont, Bold: true}})
	return st, err
}
