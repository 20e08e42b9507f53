package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// completion writes scripts for the shells cobra knows; any other shell is
// refused with exit 2 and the list of those it knows.
func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errOut := runCLI(t, "completion", sh)
		assert.Equal(t, ExitOK, code, "%s: %s", sh, errOut)
		assert.Contains(t, out, "mkspace", sh)
	}
	for _, sh := range []string{"tcsh", "cmd", "BASH"} {
		code, out, errOut := runCLI(t, "completion", sh)
		assert.Equal(t, ExitNoRun, code, sh)
		assert.Empty(t, out, sh)
		assert.Contains(t, errOut, "不支持为 "+sh+" 生成自动补全脚本。支持的 shell：bash、zsh、fish、powershell", sh)
		code, _, errOut = runCLI(t, "--lang", "en", "completion", sh)
		assert.Equal(t, ExitNoRun, code, sh)
		assert.Contains(t, errOut, "cannot write a completion script for "+sh+". Supported shells: bash, zsh, fish and powershell", sh)
	}
	code, out, _ := runCLI(t, "completion")
	assert.Equal(t, ExitOK, code, "without a shell: the help")
	assert.Contains(t, out, "bash")
}
