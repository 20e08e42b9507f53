package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func copyPackage(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.CopyFS(dst, os.DirFS(exampleDir(name))))
	return dst
}

func TestBuildPDFCommand(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	code, out, errOut := runCLI(t, "build-pdf", dir, "--no-attachments")
	require.Equal(t, ExitOK, code, errOut)
	m := regexp.MustCompile(`已生成申报书 (.+\.pdf)（版本号 (\S+)，共 (\d+) 页）`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	assert.FileExists(t, m[1])
	assert.Equal(t, filepath.Join(dir, "output"), filepath.Dir(m[1]))

	code, out, _ = runCLI(t, "verify", m[1], dir)
	assert.Equal(t, ExitOK, code, out)
	assert.Contains(t, out, "通过")

	code, out, _ = runCLI(t, "--lang", "en", "build-pdf", dir, "--no-attachments")
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, out, "Wrote ")
}

func TestBuildPDFRefusesErrors(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "broken")
	code, out, errOut := runCLI(t, "build-pdf", dir)
	assert.Equal(t, ExitFindings, code)
	assert.Empty(t, out, "nothing on standard output")
	assert.Contains(t, errOut, "CELL-NOT-FILLABLE", "the findings are listed")
	assert.Contains(t, errOut, "未生成申报书")
	assert.Contains(t, errOut, "--draft")
	assert.NoDirExists(t, filepath.Join(dir, "output"))

	code, out, errOut = runCLI(t, "build-pdf", dir, "--draft", "--no-attachments")
	assert.Equal(t, ExitOK, code, errOut)
	assert.Regexp(t, `版本号 DRAFT-`, out)
	assert.Contains(t, errOut, "这是草稿")
}

func TestBuildPDFOutputFlag(t *testing.T) {
	t.Parallel()
	dir := copyPackage(t, "good")
	target := filepath.Join(t.TempDir(), "申报书.pdf")
	require.NoError(t, os.WriteFile(target, []byte("keep me"), 0o644))
	code, _, errOut := runCLI(t, "build-pdf", dir, "-o", target, "--no-attachments")
	assert.Equal(t, ExitNoRun, code)
	assert.Contains(t, errOut, "--force")
	got, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "keep me", string(got))

	code, _, errOut = runCLI(t, "build-pdf", dir, "-o", target, "--no-attachments", "--force")
	assert.Equal(t, ExitOK, code, errOut)
	got, err = os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "%PDF-", string(got[:5]))

	code, _, _ = runCLI(t, "build-pdf", filepath.Join(t.TempDir(), "none"))
	assert.Equal(t, ExitNoRun, code)
	code, _, _ = runCLI(t, "build-pdf", dir, dir)
	assert.Equal(t, ExitNoRun, code, "one package at a time")
}

// A version log that cannot be written (open in Excel: locked; here a
// folder of its name, which stops root too) stops build-pdf and pack before
// any 申报书 exists, with a message naming the log and what to do.
func TestBuildPDFLogLocked(t *testing.T) {
	t.Parallel()
	for _, cmd := range []string{"build-pdf", "pack"} {
		t.Run(cmd, func(t *testing.T) {
			dir := copyPackage(t, "good")
			log := filepath.Join(dir, "output", "版本记录.csv")
			require.NoError(t, os.MkdirAll(log, 0o755))
			args := []string{cmd, dir}
			if cmd == "build-pdf" {
				args = append(args, "--no-attachments")
			}
			code, out, errOut := runCLI(t, args...)
			assert.Equal(t, ExitNoRun, code, out)
			assert.Contains(t, errOut, "无法写入版本记录 "+log+"，申报书未生成")
			assert.Contains(t, errOut, "Excel 或 WPS")
			entries, err := os.ReadDir(filepath.Join(dir, "output"))
			require.NoError(t, err)
			require.Len(t, entries, 1, "only the log's folder: no 申报书, no zip, no temporary file")

			code, _, errOut = runCLI(t, append([]string{"--lang", "en"}, args...)...)
			assert.Equal(t, ExitNoRun, code)
			assert.Contains(t, errOut, "cannot write the version log "+log)
			assert.Contains(t, errOut, "Close it")
		})
	}
}
