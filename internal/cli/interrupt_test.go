package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildBinary builds mkspace into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mkspace")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mkspace")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// tempEntries lists what mkspace left in a temporary folder.
func tempEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		if strings.HasPrefix(e.Name(), "mkspace-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Ctrl+C or SIGTERM in the middle of a run — a batch verify or validate of
// zips unpacked into mkspace-verify-* folders, a build-pdf writing its
// 申报书 into a temporary file beside it — stops it: exit 130 or 143, the
// temporary files removed, no result written.
func TestInterruptRealBinary(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send to a process on Windows")
	}
	bin := buildBinary(t)
	batch := t.TempDir()
	var zips []string
	for i := range 30 {
		z := filepath.Join(batch, fmt.Sprintf("p%02d.zip", i))
		copyTo(t, goodZip(t), z)
		zips = append(zips, z)
	}
	work := t.TempDir()
	summary := filepath.Join(work, "汇总.csv")
	report := filepath.Join(work, "结果.json")
	pkg := filepath.Join(work, "good")
	require.NoError(t, os.CopyFS(pkg, os.DirFS(exampleDir("good"))))

	tests := []struct {
		name   string
		args   []string
		sig    syscall.Signal
		code   int
		marker string // the temporary entry that shows the run is mid-way
		in     string // where it appears ("": the temporary folder)
	}{
		{"verify, Ctrl+C", append([]string{"verify", "--summary", summary}, zips...), syscall.SIGINT, 130, "mkspace-verify-", ""},
		{"verify, SIGTERM", append([]string{"verify", "--summary", summary}, zips...), syscall.SIGTERM, 143, "mkspace-verify-", ""},
		{"validate zips, Ctrl+C", append([]string{"validate", "-f", "json", "-o", report}, zips...), syscall.SIGINT, 130, "mkspace-verify-", ""},
		{"build-pdf, Ctrl+C", []string{"build-pdf", pkg}, syscall.SIGINT, 130, ".申报书-", filepath.Join(pkg, "output")},
		{"build-pdf, SIGTERM", []string{"--lang", "en", "build-pdf", pkg}, syscall.SIGTERM, 143, ".申报书-", filepath.Join(pkg, "output")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "CI=true")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()

			deadline := time.After(2 * time.Minute)
		wait:
			for {
				select {
				case err := <-exited:
					t.Fatalf("the run ended (%v) before %s* appeared:\n%s\n%s", err, tt.marker, stdout.String(), stderr.String())
				case <-deadline:
					_ = cmd.Process.Kill()
					t.Fatalf("no %s* in %s", tt.marker, tmp)
				case <-time.After(time.Millisecond):
					if tt.in == "" {
						for _, e := range tempEntries(t, tmp) {
							if strings.HasPrefix(e, tt.marker) {
								break wait
							}
						}
						continue
					}
					es, _ := os.ReadDir(tt.in)
					for _, e := range es {
						if strings.HasPrefix(e.Name(), tt.marker) {
							break wait
						}
					}
				}
			}
			require.NoError(t, cmd.Process.Signal(tt.sig))
			var err error
			select {
			case err = <-exited:
			case <-time.After(2 * time.Minute):
				_ = cmd.Process.Kill()
				t.Fatal("the run did not stop")
			}
			var ee *exec.ExitError
			require.True(t, errors.As(err, &ee), "%v\n%s", err, stderr.String())
			assert.Equal(t, tt.code, ee.ExitCode(), "%s", stderr.String())
			assert.Empty(t, tempEntries(t, tmp), "temporary files left")
			assert.NoFileExists(t, summary)
			assert.NoFileExists(t, report)
			assert.NoDirExists(t, filepath.Join(pkg, "output"), "no 申报书, no version log")
			if tt.args[0] == "--lang" {
				assert.Contains(t, stderr.String(), "Interrupted (SIGTERM received)")
			} else {
				assert.Contains(t, stderr.String(), "已中断")
			}
		})
	}
}

// A run whose context is cancelled by a signal ends with that signal's
// exit status and message; the exit statuses are in every command's help.
func TestInterruptedRun(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		sig  os.Signal
		code int
		text string
	}{{os.Interrupt, ExitInterrupted, "已中断（Ctrl+C）"}, {syscall.SIGTERM, ExitTerminated, "已中断（收到终止信号 SIGTERM）"}} {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(&Interrupted{Signal: tt.sig})
		var out, errOut bytes.Buffer
		code := RunContext(ctx, &IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, []string{"validate", exampleDir("good")})
		assert.Equal(t, tt.code, code)
		assert.Contains(t, errOut.String(), tt.text)
		assert.Empty(t, out.String(), "no report")
	}
	root, _ := NewRoot(&IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help", "completion", "version":
			continue
		}
		assert.Contains(t, c.Long, "退出码 130：被 Ctrl+C 中断；143：被终止（SIGTERM）", c.Name())
		assert.Contains(t, c.Long, "Exit status 130: interrupted with Ctrl+C; 143: terminated (SIGTERM)", c.Name())
	}
	assert.Contains(t, root.Long, "130")
	assert.Contains(t, root.Long, "143")
}
