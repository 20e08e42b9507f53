package totals

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/cell"
	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/rows"
	"github.com/mkspace/mkspace/internal/schema"
)

// typed values for building rows by hand.
func day(s string) cell.Value {
	d, err := time.Parse(config.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return cell.Value{Date: d}
}
func yes() cell.Value          { return cell.Value{Bool: true, Text: schema.Yes} }
func no() cell.Value           { return cell.Value{Bool: false, Text: schema.No} }
func num(n int64) cell.Value   { return cell.Value{Int: n, Dec: decimal.NewFromInt(n)} }
func dec(s string) cell.Value  { return cell.Value{Dec: decimal.RequireFromString(s)} }
func text(s string) cell.Value { return cell.Value{Text: s} }
func unreadable() cell.Value   { return cell.Value{Text: "?"} }
func rowOf(sheet *schema.Sheet, kv map[string]cell.Value, bad ...string) ([]cell.Value, []bool) {
	vals := make([]cell.Value, len(sheet.Columns))
	ok := make([]bool, len(sheet.Columns))
	for i := range vals {
		vals[i], ok[i] = cell.Value{Empty: true}, true
	}
	for k, v := range kv {
		i := sheet.ColumnIndex(k)
		if i < 0 {
			panic("no column " + k + " in " + sheet.Name)
		}
		vals[i] = v
	}
	for _, k := range bad {
		ok[sheet.ColumnIndex(k)] = false
	}
	return vals, ok
}

// typed is the typed row of values vals, of which those not ok could not be
// read.
func typed(s *schema.Sheet, vals []cell.Value, ok []bool) *rows.Row {
	r := &rows.Row{Sheet: s, Values: vals, States: make([]rows.State, len(vals))}
	for i, v := range vals {
		switch {
		case !ok[i]:
			r.States[i] = rows.Invalid
		case v.Empty:
			r.States[i] = rows.Empty
		default:
			r.States[i] = rows.Valid
		}
	}
	return r
}

type testRows []struct {
	sheet string
	kv    map[string]cell.Value
	bad   []string
}

func compute(t *testing.T, cfg *config.Config, rs testRows) *Totals {
	t.Helper()
	a := New(cfg)
	for _, r := range rs {
		s := schema.ByKey(r.sheet)
		require.NotNil(t, s, r.sheet)
		v, ok := rowOf(s, r.kv, r.bad...)
		a.Row(typed(s, v, ok))
	}
	return a.Result(ThresholdsOf(cfg))
}

func display(t *Totals, key string) string { return t.Get(key).Display() }

// smallPackage is a package whose totals are computed by hand below.
func smallPackage() testRows {
	return testRows{
		{"basic", map[string]cell.Value{"operating_since": day("2020-04-30")}, nil},
		{"media", nil, nil}, {"media", nil, nil}, {"media", nil, nil},
		{"honors", nil, nil},
		// Two venues: 0.1 + 0.2 must stay exact.
		{"venues", map[string]cell.Value{"area": dec("500.1"), "team_enterprise_area": dec("300.1"), "public_service_area": dec("100"),
			"self_use_area": dec("50"), "other_area": dec("50"), "workstations": num(30)}, nil},
		{"venues", map[string]cell.Value{"area": dec("300.2"), "team_enterprise_area": dec("200.2"), "public_service_area": dec("50"),
			"self_use_area": dec("25"), "other_area": dec("25"), "workstations": num(10)}, nil},
		{"staff", nil, nil}, {"staff", nil, nil}, {"staff", nil, nil},
		{"mentors", map[string]cell.Value{"employment": text("专职")}, nil},
		{"mentors", map[string]cell.Value{"employment": text("兼职")}, nil},
		{"mentors", map[string]cell.Value{"employment": text("兼职")}, nil},
		// Teams: in the space (joined on the window's first day), converted
		// (registered on its last day), moved out before the window, moved out
		// on the window's first day, joined the day after the window.
		{"teams", map[string]cell.Value{"joined_on": day("2020-11-01"), "converted": no(), "moved_out": no(), "members": num(3),
			"financed": yes(), "financed_on": day("2021-10-31"), "amount": dec("0.1")}, nil},
		{"teams", map[string]cell.Value{"joined_on": day("2020-01-01"), "converted": yes(), "moved_out": no(), "registered_on": day("2021-10-31"),
			"financed": yes(), "financed_on": day("2020-10-31"), "amount": dec("0.2")}, nil},
		{"teams", map[string]cell.Value{"joined_on": day("2019-06-01"), "converted": no(), "moved_out": yes(), "moved_out_on": day("2020-10-31"), "financed": no()}, nil},
		{"teams", map[string]cell.Value{"joined_on": day("2020-10-31"), "converted": no(), "moved_out": yes(), "moved_out_on": day("2020-11-01"), "financed": no()}, nil},
		{"teams", map[string]cell.Value{"joined_on": day("2021-11-01"), "converted": no(), "moved_out": no(), "members": num(2), "financed": no()}, nil},
		// Enterprises: converted from the team above (registered on the
		// window's last day), direct (joined the day before the window),
		// moved out inside the window.
		{"enterprises", map[string]cell.Value{"from_team": yes(), "team": text("T2"), "registered_on": day("2021-10-31"), "moved_out": no(), "staff": num(7), "financed": no()}, nil},
		{"enterprises", map[string]cell.Value{"from_team": no(), "registered_on": day("2019-01-01"), "joined_on": day("2020-10-31"), "moved_out": no(), "staff": num(5),
			"financed": yes(), "financed_on": day("2021-01-01"), "amount": dec("100.005")}, nil},
		{"enterprises", map[string]cell.Value{"from_team": no(), "registered_on": day("2019-01-01"), "joined_on": day("2020-11-01"), "moved_out": yes(), "moved_out_on": day("2021-05-01"), "financed": no()}, nil},
		// Activities: first day, last day, day before, day after the window.
		{"activities", map[string]cell.Value{"kind": text("创业沙龙"), "date": day("2020-11-01")}, nil},
		{"activities", map[string]cell.Value{"kind": text("项目路演"), "date": day("2021-10-31")}, nil},
		{"activities", map[string]cell.Value{"kind": text("项目路演"), "date": day("2020-10-31")}, nil},
		{"activities", map[string]cell.Value{"kind": text("创业沙龙"), "date": day("2021-11-01")}, nil},
	}
}

func TestTotalsByHand(t *testing.T) {
	t.Parallel()
	tot := compute(t, config.Default(), smallPackage())
	want := map[string]string{
		KeyMediaReports: "3", KeyHonors: "1",
		KeyTotalArea:          "800.30", // 500.1 + 300.2
		KeyTeamEnterpriseArea: "500.30", // 300.1 + 200.2: exact, no float drift
		KeyPublicServiceArea:  "150.00",
		KeySelfUseArea:        "75.00",
		KeyOtherArea:          "75.00",
		KeyWorkstations:       "40",
		KeyServiceAreaRatio:   "81.3", // 650.3 / 800.3 = 81.2570… → 81.3
		KeyProfessionalStaff:  "3", KeyMentors: "3", KeyManagementStaff: "6",
		KeyMentorsFullTime: "1", KeyMentorsPartTime: "2",
		KeyTeamsTotal: "5", KeyTeamsInSpace: "2", KeyTeamsConverted: "1", KeyTeamsMovedOut: "2",
		KeyTeamsFinanced: "2", KeyTeamsFinancingAmount: "0.30", // 0.1 + 0.2
		KeyTeamsJoinedInWindow: "1", // only 2020-11-01; 2020-10-31 and 2021-11-01 are outside
		KeyEnterprisesTotal:    "3", KeyEnterprisesFromTeams: "1", KeyEnterprisesInSpace: "2", KeyEnterprisesMovedOut: "1",
		KeyEnterprisesFinanced: "1", KeyEnterprisesFinancingAmount: "100.01", // 100.005 half up
		KeyEnterprisesJoinedInWindow: "2", // converted (registered 2021-10-31) and joined 2020-11-01
		KeyEnterpriseStaffInSpace:    "12",
		KeyActivities:                "2",
		// Served: teams not converted in the space during the window: T1 (joined
		// on the first day), T4 (moved out on the first day); not T3 (moved out
		// the day before), not T5 (joined the day after) → 2; all three
		// enterprises were in the space during the window → 3.
		KeyServedInWindow:      "5",
		KeyConversionsInWindow: "1", // T2 registered on the last day
		KeyFinancedInWindow:    "2", // T1 on the last day, E2; not T2 (the day before)
		KeyOperatingMonths:     "18",
	}
	for k, v := range want {
		assert.Equal(t, v, display(tot, k), k)
	}
	assert.Equal(t, map[string]int{"创业沙龙": 1, "项目路演": 1, "创业大赛": 0, "创业教育培训": 0, "投融资对接": 0,
		"论坛讲座": 0, "导师辅导": 0, "交流合作": 0, "其他": 0}, tot.ActivitiesByType)
	assert.Empty(t, tot.LeftOut)
}

func TestRatioRoundsHalfUp(t *testing.T) {
	t.Parallel()
	// 81.25 % exactly: Go's %.1f would give 81.2 (half to even); the form shows 81.3.
	tot := compute(t, config.Default(), testRows{{"venues", map[string]cell.Value{
		"area": dec("400"), "team_enterprise_area": dec("300"), "public_service_area": dec("25"),
		"self_use_area": dec("75"), "other_area": dec("0"), "workstations": num(0)}, nil}})
	assert.Equal(t, "81.3", display(tot, KeyServiceAreaRatio))
	// 30.0 % as in the online form's example: 1 + 2 of 10.
	tot = compute(t, config.Default(), testRows{{"venues", map[string]cell.Value{
		"area": dec("10"), "team_enterprise_area": dec("1"), "public_service_area": dec("2"),
		"self_use_area": dec("4"), "other_area": dec("3"), "workstations": num(2)}, nil}})
	assert.Equal(t, "30.0", display(tot, KeyServiceAreaRatio))
	assert.Equal(t, "30.0 %", FigureText(tot.Get(KeyServiceAreaRatio), msg.ZH))
}

func TestEmptyPackage(t *testing.T) {
	t.Parallel()
	tot := compute(t, config.Default(), nil)
	for _, f := range tot.Figures {
		switch f.Key {
		case KeyServiceAreaRatio, KeyOperatingMonths:
			assert.True(t, f.Null, f.Key)
		default:
			assert.False(t, f.Null, f.Key)
			assert.True(t, f.Value.IsZero(), f.Key)
		}
	}
	out, err := json.Marshal(tot)
	require.NoError(t, err)
	var obj map[string]any
	require.NoError(t, json.Unmarshal(out, &obj))
	assert.Nil(t, obj[KeyServiceAreaRatio])
	assert.Contains(t, obj, KeyServiceAreaRatio)
	assert.Equal(t, 0.0, obj[KeyTotalArea])
}

func TestUnreadableCellsAreLeftOutAndCounted(t *testing.T) {
	t.Parallel()
	tot := compute(t, config.Default(), testRows{
		{"venues", map[string]cell.Value{"area": unreadable(), "team_enterprise_area": dec("10"), "public_service_area": dec("5"),
			"self_use_area": dec("0"), "other_area": dec("0"), "workstations": num(3)}, []string{"area"}},
		{"venues", map[string]cell.Value{"area": dec("20"), "team_enterprise_area": dec("10"), "public_service_area": dec("5"),
			"self_use_area": dec("5"), "other_area": dec("0"), "workstations": num(3)}, nil},
		{"teams", map[string]cell.Value{"joined_on": day("2021-01-01"), "converted": unreadable(), "moved_out": no(), "financed": no()}, []string{"converted"}},
	})
	assert.Equal(t, "20.00", display(tot, KeyTotalArea), "the readable row still counts")
	assert.Equal(t, "20.00", display(tot, KeyTeamEnterpriseArea))
	assert.Equal(t, map[string]int{KeyTotalArea: 1, KeyTeamsInSpace: 1}, tot.LeftOut)
	assert.Equal(t, "1", display(tot, KeyTeamsTotal))
	var buf bytes.Buffer
	require.NoError(t, WriteText(&buf, tot, config.Default().Window, msg.ZH))
	assert.Contains(t, buf.String(), "众创空间服务场地总面积 未计入 1 行")
}

func TestWholeMonths(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		since, end string
		want       int
	}{
		{"2020-04-30", "2021-10-31", 18},
		{"2020-05-01", "2021-10-31", 17},
		{"2020-04-01", "2021-10-31", 18},
		{"2021-10-31", "2021-10-31", 0},
		{"2022-01-01", "2021-10-31", 0},
		{"2020-03-31", "2020-04-30", 1}, // the end is the last day of its month
		{"2020-03-15", "2020-04-14", 0},
	} {
		assert.Equal(t, c.want, WholeMonths(day(c.since).Date, day(c.end).Date), c.since+"→"+c.end)
	}
}
