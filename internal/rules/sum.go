package rules

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
	"github.com/mkspace/mkspace/internal/workbook"
)

// VENUE-AREA-SUM (SPEC §1, 服务场地): the four parts add up to 众创空间面积
// within 0.01 m².
var (
	venueTotal     = schema.Venues.Area
	venueParts     = []schema.Col{schema.Venues.TeamEnterpriseArea, schema.Venues.PublicServiceArea, schema.Venues.SelfUseArea, schema.Venues.OtherArea}
	venueTolerance = decimal.New(1, -2)
)

type sumRule struct {
	total int
	parts []int
}

func sumRuleOf(s *schema.Sheet) (*sumRule, error) {
	if s != venueTotal.Sheet() {
		return nil, nil
	}
	r := &sumRule{total: venueTotal.Index()}
	for _, c := range venueParts {
		r.parts = append(r.parts, c.Index())
	}
	return r, nil
}

// check compares the parts with the total when all five are known.
func (r *sumRule) check(tr *tableRun, cellAt func(int) workbook.Cell) {
	if !tr.known(r.total) {
		return
	}
	sum := decimal.Zero
	for _, i := range r.parts {
		if !tr.known(i) {
			return
		}
		sum = sum.Add(tr.vals[i].Dec)
	}
	total := tr.vals[r.total].Dec
	if total.Sub(sum).Abs().LessThanOrEqual(venueTolerance) {
		return
	}
	sep := " + "
	parts := make([]string, len(r.parts))
	for k, i := range r.parts {
		parts[k] = tr.columnName(i) + " " + tr.vals[i].Dec.String()
	}
	tr.emit(finding.VenueAreaSum, "", r.total, cellAt(r.total), total.String(),
		"area", total.String(), "sum", sum.String(), "parts", strings.Join(parts, sep))
}
