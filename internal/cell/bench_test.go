package cell

import (
	"testing"

	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

func benchParse(b *testing.B, col *schema.Column, cells []workbook.Cell) {
	lists := schema.DefaultLists()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, p := Parse(col, cells[i%len(cells)], false, lists); p != nil {
			b.Fatalf("problem %v", p)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cells/s")
}

func BenchmarkParseDate(b *testing.B) {
	col := &schema.Column{Key: "d", Type: schema.Date}
	benchParse(b, col, []workbook.Cell{
		{Value: "44500", Kind: workbook.KindNumber},
		{Value: "2021-10-31", Kind: workbook.KindString},
		{Value: "2021年1月5日", Kind: workbook.KindString},
	})
}

func BenchmarkParseDecimal(b *testing.B) {
	col := &schema.Column{Key: "a", Type: schema.Decimal, Unit: schema.SquareMetre}
	benchParse(b, col, []workbook.Cell{
		{Value: "800.00000000000011", Kind: workbook.KindNumber},
		{Value: "1,234.5", Kind: workbook.KindString},
		{Value: "120.5 平方米", Kind: workbook.KindString},
	})
}
