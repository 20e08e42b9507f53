package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsonField(t *testing.T, s, key string) any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &m))
	return m[key]
}

// tree is every file of a folder with its bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	}))
	return out
}

func TestFixDryRunChangesNothing(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "broken")
	before := tree(t, dir)
	code, out, _ := runCLI(t, "fix", dir, "--dry-run")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, `服务场地!B2："众创空间面积"中的文字"860平方米"改为日期/数字 860`)
	assert.Contains(t, out, "--dry-run")
	assert.Equal(t, before, tree(t, dir), "--dry-run leaves every file byte-identical")
}

// The broken example's text area and date make the 汇总 sheet lie; after
// fix validate has no CELL-TEXT-VALUE left, the totals are the same, and a
// second run has nothing to do.
func TestFixBrokenExample(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "broken")
	_, totalsBefore, _ := runCLI(t, "totals", dir, "--format", "json")
	code, out, errOut := runCLI(t, "fix", dir)
	require.Equal(t, ExitOK, code, errOut)
	assert.Contains(t, out, "备份为 申报数据.xlsx.bak-")
	_, vout, _ := runCLI(t, "validate", dir)
	assert.NotContains(t, vout, "CELL-TEXT-VALUE")
	_, totalsAfter, _ := runCLI(t, "totals", dir, "--format", "json")
	assert.Equal(t, jsonField(t, totalsBefore, "totals"), jsonField(t, totalsAfter, "totals"), "the totals counted the text values already")
	code, out, _ = runCLI(t, "fix", dir, "--no-backup")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "没有需要自动改正的内容")
}

// The unlinked example (blank attachment cells, two text values): fix
// fills and types them all, and the package validates clean.
func TestFixUnlinkedExample(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "unlinked")
	code, _, _ := runCLI(t, "validate", dir)
	require.Equal(t, ExitFindings, code)
	code, out, errOut := runCLI(t, "fix", dir, "--no-backup")
	require.Equal(t, ExitOK, code, errOut)
	assert.Contains(t, out, "按文件名找到的唯一附件")
	assert.Contains(t, out, "（未保留备份）")
	code, vout, _ := runCLI(t, "validate", dir)
	assert.Equal(t, ExitOK, code, vout)
	assert.Contains(t, vout, "共 0 个错误，0 个警告")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".bak-", "--no-backup keeps no backup")
	}
}
