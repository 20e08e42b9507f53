package totals

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
)

func checkOf(t *Totals, key string) Check {
	for _, c := range t.Eligibility {
		if c.Key == key {
			return c
		}
	}
	panic("no check " + key)
}

// figures builds totals directly from counts and sums, to test the
// self-check independently of the row logic.
func figures(cfg *config.Config, set func(a *Accumulator)) *Totals {
	a := New(cfg)
	set(a)
	return a.Result(ThresholdsOf(cfg))
}

func met(t *Totals, key string) bool { return *checkOf(t, key).Met }

func TestEligibilityEachConditionMetAndNot(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	cases := []struct {
		key      string
		pass, no func(a *Accumulator)
	}{
		{EligOperatingMonths,
			func(a *Accumulator) {
				a.dates[index(KeyOperatingMonths)], a.known[index(KeyOperatingMonths)] = day("2020-04-30").Date, true
			},
			func(a *Accumulator) {
				a.dates[index(KeyOperatingMonths)], a.known[index(KeyOperatingMonths)] = day("2020-05-01").Date, true
			}},
		{EligAreaOrWorkstations, // either half suffices
			func(a *Accumulator) { a.sums[index(KeyTotalArea)] = dec("500").Dec },
			func(a *Accumulator) {
				a.sums[index(KeyTotalArea)] = dec("499.99").Dec
				a.sums[index(KeyWorkstations)] = num(29).Dec
			}},
		{EligAreaOrWorkstations,
			func(a *Accumulator) { a.sums[index(KeyWorkstations)] = num(30).Dec },
			func(a *Accumulator) {}},
		{EligServiceAreaRatio,
			func(a *Accumulator) {
				a.sums[index(KeyTotalArea)] = dec("100").Dec
				a.sums[index(KeyTeamEnterpriseArea)] = dec("74.96").Dec // 74.96 → 75.0 as displayed
			},
			func(a *Accumulator) {
				a.sums[index(KeyTotalArea)] = dec("100").Dec
				a.sums[index(KeyTeamEnterpriseArea)] = dec("74.94").Dec
			}},
		{EligPublicServiceArea,
			func(a *Accumulator) { a.sums[index(KeyPublicServiceArea)] = dec("0.01").Dec },
			func(a *Accumulator) {}},
		{EligServed,
			func(a *Accumulator) { a.counts[index(KeyServedInWindow)] = 20 },
			func(a *Accumulator) { a.counts[index(KeyServedInWindow)] = 19 }},
		{EligConversionsOrFinancing,
			func(a *Accumulator) { a.counts[index(KeyConversionsInWindow)] = 10 },
			func(a *Accumulator) {
				a.counts[index(KeyConversionsInWindow)] = 9
				a.counts[index(KeyFinancedInWindow)] = 4
			}},
		{EligConversionsOrFinancing,
			func(a *Accumulator) { a.counts[index(KeyFinancedInWindow)] = 5 },
			func(a *Accumulator) {}},
		{EligProfessionalStaff,
			func(a *Accumulator) { a.counts[index(KeyProfessionalStaff)] = 3 },
			func(a *Accumulator) { a.counts[index(KeyProfessionalStaff)] = 2 }},
		{EligMentors,
			func(a *Accumulator) { a.counts[index(KeyMentors)] = 3 },
			func(a *Accumulator) { a.counts[index(KeyMentors)] = 2 }},
		{EligActivities,
			func(a *Accumulator) { a.counts[index(KeyActivities)] = 10 },
			func(a *Accumulator) { a.counts[index(KeyActivities)] = 9 }},
	}
	for _, c := range cases {
		assert.True(t, met(figures(cfg, c.pass), c.key), "%s should be met", c.key)
		tot := figures(cfg, c.no)
		assert.False(t, met(tot, c.key), "%s should not be met", c.key)
		var rules []string
		for _, f := range tot.Findings(msg.ZH) {
			rules = append(rules, f.Rule)
		}
		assert.Contains(t, rules, checkOf(tot, c.key).Rule())
	}
}

func TestEligibilityManualChecks(t *testing.T) {
	t.Parallel()
	tot := figures(config.Default(), func(*Accumulator) {})
	for _, k := range ManualChecks {
		c := checkOf(tot, k)
		assert.True(t, c.Manual(), k)
		assert.Equal(t, "请人工确认", RequiredText(c, msg.ZH))
	}
	for _, f := range tot.Findings(msg.ZH) {
		assert.NotContains(t, f.Rule, "MANUAL", "a condition to confirm by hand is never a finding")
	}
}

func TestEligibilityThresholdsFromConfig(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	cfg.Eligibility.Activities = 3
	cfg.Eligibility.Mentors = 5
	tot := figures(cfg, func(a *Accumulator) { a.counts[index(KeyActivities)] = 3; a.counts[index(KeyMentors)] = 4 })
	assert.True(t, met(tot, EligActivities), "3 activities meet a threshold lowered to 3")
	assert.False(t, met(tot, EligMentors), "4 mentors miss a threshold raised to 5")
	var f string
	for _, x := range tot.Findings(msg.ZH) {
		if x.Rule == "ELIG-MENTORS" {
			f = x.Message
		}
	}
	assert.Contains(t, f, "mkspace.yaml", "the message says the threshold comes from the config")
	assert.Contains(t, f, "≥ 5")
}

func TestEligibilityJSON(t *testing.T) {
	t.Parallel()
	tot := compute(t, config.Default(), smallPackage())
	out, err := json.Marshal(tot.Eligibility)
	require.NoError(t, err)
	var list []map[string]any
	require.NoError(t, json.Unmarshal(out, &list))
	require.Len(t, list, 9+len(ManualChecks))
	byKey := map[string]map[string]any{}
	for _, c := range list {
		byKey[c["key"].(string)] = c
	}
	assert.Equal(t, 18.0, byKey[EligOperatingMonths]["actual"])
	assert.Equal(t, true, byKey[EligOperatingMonths]["met"])
	assert.Equal(t, map[string]any{"total_area": 500.0, "workstations": 30.0}, byKey[EligAreaOrWorkstations]["required"])
	assert.Equal(t, map[string]any{"total_area": 800.3, "workstations": 40.0}, byKey[EligAreaOrWorkstations]["actual"])
	assert.Nil(t, byKey["manual_cases"]["met"])
	assert.Equal(t, "ELIG-ACTIVITIES", byKey[EligActivities]["rule"])
}
