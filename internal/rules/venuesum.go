package rules

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/schema"
)

// VENUE-AREA-SUM (SPEC §1, 服务场地): the four parts add up to 众创空间面积
// within 0.01 m², reported on 众创空间面积 with both figures; checked when
// all five are known.
var venueAreaSum = Rule{
	ID: finding.VenueAreaSum, Severity: finding.Error, Message: finding.VenueAreaSum,
	Row: func(r *Rule, t *tableRun) {
		v := schema.Venues
		if t.sheet != v.Sheet {
			return
		}
		total := v.Area.Index()
		if !t.readable(total) {
			return
		}
		parts := venueParts
		sum := decimal.Zero
		for _, p := range parts {
			if !t.readable(p.Index()) {
				return
			}
			sum = sum.Add(t.val(p.Index()).Dec)
		}
		area := t.val(total).Dec
		if area.Sub(sum).Abs().LessThanOrEqual(venueTolerance) {
			return
		}
		texts := make([]string, len(parts))
		for k, p := range parts {
			texts[k] = t.columnName(p.Index()) + " " + t.val(p.Index()).Dec.String()
		}
		t.emit(r, "", total, t.cellAt(total), area.String(),
			"area", area.String(), "sum", sum.String(), "parts", strings.Join(texts, " + "))
	},
}

var (
	venueParts = []schema.Col{schema.Venues.TeamEnterpriseArea, schema.Venues.PublicServiceArea,
		schema.Venues.SelfUseArea, schema.Venues.OtherArea}
	venueTolerance = decimal.New(1, -2)
)
