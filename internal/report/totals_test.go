package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/finding"
	"github.com/mkspace/mkspace/internal/msg"
	"github.com/mkspace/mkspace/internal/totals"
)

func TestWriteTotals(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	res := totals.New(cfg).Result(totals.ThresholdsOf(cfg))
	pkg := func(name string, fs ...finding.Finding) Package {
		return Package{Name: name, Files: []string{"申报数据.xlsx"}, Findings: fs, Totals: res, Eligibility: res.Eligibility}
	}
	one := Input{Lang: msg.EN, Window: window, Packages: []Package{pkg("A")}}

	var b bytes.Buffer
	require.NoError(t, WriteTotals(&b, JSON, one))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, "mkspace", doc["tool"])
	assert.Equal(t, map[string]any{"start": "2020-11-01", "end": "2021-10-31"}, doc["window"], "the run's window")
	assert.Equal(t, map[string]any{"errors": 0.0, "warnings": 0.0}, doc["summary"])
	assert.Contains(t, doc, "totals")
	assert.Contains(t, doc, "eligibility")

	two := Input{Lang: msg.EN, Window: window, Packages: []Package{pkg("A"), pkg("B=", finding.Finding{Severity: finding.Error})}}
	b.Reset()
	require.NoError(t, WriteTotals(&b, JSON, two))
	var many struct {
		Packages []struct {
			Package string         `json:"package"`
			Summary map[string]int `json:"summary"`
		} `json:"packages"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &many))
	require.Len(t, many.Packages, 2)
	assert.Equal(t, "B=", many.Packages[1].Package)
	assert.Equal(t, 1, many.Packages[1].Summary["errors"])

	b.Reset()
	require.NoError(t, WriteTotals(&b, Text, two))
	assert.Contains(t, b.String(), "== A ==\n")
	assert.Contains(t, b.String(), "\n"+msg.EN.T("totals.has-errors", "n", "1")+"\n")

	assert.Error(t, WriteTotals(&b, SARIF, one), "totals are text or json")
}
