package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func exampleDir(name string) string { return filepath.Join("..", "..", "examples", name) }

func TestTotalsText(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "totals", exampleDir("good"))
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "【服务场地】")
	assert.Regexp(t, `众创空间服务场地总面积\s+1200\.50 平方米`, out)
	assert.Regexp(t, `比例\s+83\.3 %`, out)
	assert.Contains(t, out, "[满足] 运营时间满 18 个月")
	assert.Contains(t, out, "[请人工确认]")

	code, out, _ = runCLI(t, "totals", "--lang", "en", exampleDir("good"))
	assert.Equal(t, ExitOK, code)
	assert.Regexp(t, `Total service area\s+1200\.50 m²`, out)
	assert.Contains(t, out, "[met]")
}

func TestTotalsJSON(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "totals", "--format", "json", exampleDir("good"))
	require.Equal(t, ExitOK, code)
	var obj struct {
		Tool        string            `json:"tool"`
		Window      map[string]string `json:"window"`
		Totals      map[string]any    `json:"totals"`
		Eligibility []map[string]any  `json:"eligibility"`
		Summary     map[string]int    `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &obj), out)
	assert.Equal(t, "mkspace", obj.Tool)
	assert.Equal(t, "2021-10-31", obj.Window["end"])
	assert.Equal(t, 1200.5, obj.Totals["total_area"])
	assert.Equal(t, 83.3, obj.Totals["service_area_ratio"])
	assert.Len(t, obj.Eligibility, 13)
	assert.Equal(t, 0, obj.Summary["errors"])

	code, out, _ = runCLI(t, "totals", "--format", "json", exampleDir("good"), exampleDir("broken"))
	assert.Equal(t, ExitFindings, code, "the broken package has errors")
	var many struct {
		Packages []map[string]any `json:"packages"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &many), out)
	require.Len(t, many.Packages, 2)
	assert.Equal(t, exampleDir("broken"), many.Packages[1]["package"])
}

func TestTotalsErrorsAndFlags(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "totals", exampleDir("broken"))
	assert.Equal(t, ExitFindings, code)
	assert.Contains(t, out, "以上统计数可能不准确")

	code, _, errOut := runCLI(t, "totals", "--format", "xml", exampleDir("good"))
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, "text 或 json")

	code, _, errOut = runCLI(t, "totals", filepath.Join(t.TempDir(), "nothing-here"))
	assert.Equal(t, ExitNoRun, code)
	assert.NotEmpty(t, errOut)
}

func TestTotalsStrictFailsOnUnmetCondition(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "strict.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("eligibility: {activities: 100}\n"), 0o644))
	code, out, _ := runCLI(t, "totals", "--config", cfg, exampleDir("good"))
	assert.Equal(t, ExitOK, code, "an unmet condition is a warning")
	assert.Contains(t, out, "[不满足] 每年开展")
	code, _, _ = runCLI(t, "totals", "--strict", "--config", cfg, exampleDir("good"))
	assert.Equal(t, ExitFindings, code)
}
