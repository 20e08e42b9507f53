package totals

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/schema"
)

// Thresholds are the self-check's minimums (config `eligibility:`), and
// whether each still has the regulation's default value.
type Thresholds struct {
	config.Eligibility
	Defaults config.Eligibility
}

// ThresholdsOf returns the thresholds of cfg.
func ThresholdsOf(cfg *config.Config) Thresholds {
	return Thresholds{Eligibility: cfg.Eligibility, Defaults: config.Default().Eligibility}
}

// Self-check keys (ELIGIBILITY.md).
const (
	EligOperatingMonths        = "operating_months"
	EligAreaOrWorkstations     = "area_or_workstations"
	EligServiceAreaRatio       = "service_area_ratio"
	EligPublicServiceArea      = "public_service_area"
	EligServed                 = "served"
	EligConversionsOrFinancing = "conversions_or_financing"
	EligProfessionalStaff      = "professional_staff"
	EligMentors                = "mentors"
	EligActivities             = "activities"
)

// ManualChecks are the conditions the workbook cannot show: 请人工确认.
var ManualChecks = []string{"manual_sustainable", "manual_operator", "manual_cases", "manual_statistics"}

// Part is one comparison of a condition: Total op Required.
type Part struct {
	Total    string          // figure key
	Strict   bool            // > rather than ≥
	Required decimal.Decimal // threshold
	Actual   Figure
	Default  bool // the threshold is the regulation's default
}

func (p Part) met() bool {
	if p.Actual.Null {
		return false
	}
	c := p.Actual.Value.Cmp(p.Required)
	return c > 0 || (c == 0 && !p.Strict)
}

// Check is one condition of the self-check. Parts holds one comparison, or
// two for the "or" conditions; none for a condition to confirm by hand.
type Check struct {
	Key   string
	Parts []Part
	Met   *bool // nil: 请人工确认
}

// Manual reports whether a person must confirm the condition.
func (c Check) Manual() bool { return c.Met == nil }

// Rule is the finding id of an unmet condition: ELIG-<KEY>.
func (c Check) Rule() string {
	return finding.EligPrefix + strings.ToUpper(strings.ReplaceAll(c.Key, "_", "-"))
}

// EligDef is one condition of the self-check: met when any of its
// comparisons holds.
type EligDef struct {
	Key   string
	Parts []EligPart
}

// EligPart compares a figure with a threshold of the configuration.
type EligPart struct {
	Figure string
	Strict bool // > rather than ≥
	Min    func(config.Eligibility) decimal.Decimal
}

func atLeast(figure string, min func(config.Eligibility) decimal.Decimal) EligPart {
	return EligPart{Figure: figure, Min: min}
}

func count(v func(config.Eligibility) int) func(config.Eligibility) decimal.Decimal {
	return func(e config.Eligibility) decimal.Decimal { return decimal.NewFromInt(int64(v(e))) }
}

func amount(v func(config.Eligibility) float64) func(config.Eligibility) decimal.Decimal {
	return func(e config.Eligibility) decimal.Decimal { return decimal.NewFromFloat(v(e)) }
}

// EligDefs are the conditions of the self-check that the figures decide, in
// ELIGIBILITY.md's order; the 汇总 sheet writes them as formulas too.
var EligDefs = []*EligDef{
	{EligOperatingMonths, []EligPart{atLeast(KeyOperatingMonths, count(func(e config.Eligibility) int { return e.OperatingMonths }))}},
	{EligAreaOrWorkstations, []EligPart{
		atLeast(KeyTotalArea, amount(func(e config.Eligibility) float64 { return e.TotalArea })),
		atLeast(KeyWorkstations, count(func(e config.Eligibility) int { return e.Workstations }))}},
	{EligServiceAreaRatio, []EligPart{atLeast(KeyServiceAreaRatio, amount(func(e config.Eligibility) float64 { return e.ServiceAreaRatio }))}},
	{EligPublicServiceArea, []EligPart{{Figure: KeyPublicServiceArea, Strict: true,
		Min: amount(func(e config.Eligibility) float64 { return e.PublicServiceArea })}}},
	{EligServed, []EligPart{atLeast(KeyServedInWindow, count(func(e config.Eligibility) int { return e.Served }))}},
	{EligConversionsOrFinancing, []EligPart{
		atLeast(KeyConversionsInWindow, count(func(e config.Eligibility) int { return e.Conversions })),
		atLeast(KeyFinancedInWindow, count(func(e config.Eligibility) int { return e.Financed }))}},
	{EligProfessionalStaff, []EligPart{atLeast(KeyProfessionalStaff, count(func(e config.Eligibility) int { return e.ProfessionalStaff }))}},
	{EligMentors, []EligPart{atLeast(KeyMentors, count(func(e config.Eligibility) int { return e.Mentors }))}},
	{EligActivities, []EligPart{atLeast(KeyActivities, count(func(e config.Eligibility) int { return e.Activities }))}},
}

// Sheets are the sheets the condition's figures are computed from.
func (c *EligDef) Sheets() []*schema.Sheet {
	var out []*schema.Sheet
	for _, p := range c.Parts {
		for _, s := range Lookup(p.Figure).Sheets() {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

func evaluate(t *Totals, th Thresholds) []Check {
	var checks []Check
	for _, c := range EligDefs {
		ch := Check{Key: c.Key}
		met := false
		for _, p := range c.Parts {
			req, def := p.Min(th.Eligibility), p.Min(th.Defaults)
			part := Part{Total: p.Figure, Strict: p.Strict, Required: req, Actual: t.Get(p.Figure), Default: req.Equal(def)}
			ch.Parts = append(ch.Parts, part)
			met = met || part.met()
		}
		ch.Met = &met
		checks = append(checks, ch)
	}
	for _, k := range ManualChecks {
		checks = append(checks, Check{Key: k})
	}
	return checks
}

// MarshalJSON writes {key, required, actual, met}: numbers for a single
// comparison, objects keyed by total for an "or" condition, nulls and
// "manual": true for a condition to confirm by hand.
func (c Check) MarshalJSON() ([]byte, error) {
	obj := map[string]any{"key": c.Key, "rule": c.Rule(), "met": c.Met}
	switch len(c.Parts) {
	case 0:
		obj["required"], obj["actual"], obj["manual"] = nil, nil, true
	case 1:
		obj["required"], obj["actual"] = json.Number(c.Parts[0].Required.String()), figureJSON(c.Parts[0].Actual)
	default:
		req, act := map[string]any{}, map[string]any{}
		for _, p := range c.Parts {
			req[p.Total] = json.Number(p.Required.String())
			act[p.Total] = figureJSON(p.Actual)
		}
		obj["required"], obj["actual"] = req, act
	}
	return json.Marshal(obj)
}

func figureJSON(f Figure) any {
	if f.Null {
		return nil
	}
	return json.Number(f.Display())
}

// Findings returns an ELIG-<KEY> finding for every unmet condition (warnings;
// the caller makes them errors under --strict).
func (t *Totals) Findings(l msg.Lang) []finding.Finding {
	var out []finding.Finding
	for _, c := range t.Eligibility {
		if c.Met == nil || *c.Met {
			continue
		}
		out = append(out, finding.Finding{
			Rule:     c.Rule(),
			Severity: finding.Warning,
			Column:   l.T("total." + c.Parts[0].Total),
			Value:    ActualText(c, l),
			Message: l.T("elig.unmet",
				"condition", l.T("elig."+c.Key),
				"required", RequiredText(c, l),
				"actual", ActualText(c, l),
				"source", sourceText(c, l)),
		})
	}
	return out
}

// RequiredText renders what a condition requires, e.g. "≥ 500 平方米 或 ≥ 30 个工位".
func RequiredText(c Check, l msg.Lang) string {
	if c.Manual() {
		return l.T("elig.manual")
	}
	parts := make([]string, len(c.Parts))
	for i, p := range c.Parts {
		op := "≥"
		if p.Strict {
			op = ">"
		}
		f := Figure{Key: p.Total, Kind: p.Actual.Kind, Value: p.Required}
		parts[i] = l.T("total."+p.Total) + " " + op + " " + trimZeros(f) + unitText(f.Kind, l)
	}
	return strings.Join(parts, l.T("elig.or"))
}

// ActualText renders the actual figures of a condition.
func ActualText(c Check, l msg.Lang) string {
	if c.Manual() {
		return "—"
	}
	parts := make([]string, len(c.Parts))
	for i, p := range c.Parts {
		v := p.Actual.Display()
		if p.Actual.Null {
			v = "—"
		} else {
			v += unitText(p.Actual.Kind, l)
		}
		if len(c.Parts) > 1 {
			v = l.T("total."+p.Total) + " " + v
		}
		parts[i] = v
	}
	return strings.Join(parts, l.T("elig.list-sep"))
}

func sourceText(c Check, l msg.Lang) string {
	for _, p := range c.Parts {
		if !p.Default {
			return l.T("elig.source-config")
		}
	}
	return l.T("elig.source-regulation")
}

// trimZeros prints a threshold without needless decimals: 500, 75, 0.
func trimZeros(f Figure) string { return f.Value.String() }

func unitText(k Kind, l msg.Lang) string {
	switch k {
	case Area:
		return l.T("unit.m2")
	case Money:
		return l.T("unit.wanyuan")
	case Ratio:
		return " %"
	}
	return ""
}
