package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mkspace/mkspace/internal/lotest"

	"github.com/mkspace/mkspace/internal/config"
	"github.com/mkspace/mkspace/internal/totals"
)

// TestMain doubles as the child process of the memory benchmarks: with
// MKSPACE_RULES_CHILD=validate it validates the package folder named by
// MKSPACE_RULES_DIR, as `mkspace validate` does (rules and totals in one
// pass), and prints its peak resident set size instead of running tests.
func TestMain(m *testing.M) {
	if os.Getenv("MKSPACE_RULES_CHILD") == "validate" {
		os.Exit(childValidate(os.Getenv("MKSPACE_RULES_DIR")))
	}
	os.Exit(lotest.Main(m))
}

func childValidate(dir string) int {
	cfg := config.Default()
	acc := totals.New(cfg)
	res, err := Validate([]string{dir}, cfg, acc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	acc.Result(totals.ThresholdsOf(cfg))
	rowFindings := 0
	for _, f := range res.Findings {
		if f.Row != 0 {
			rowFindings++
		}
	}
	fmt.Printf("row-findings: %d\n", rowFindings)
	// VmHWM is this process's peak resident set (ru_maxrss would count the
	// parent's size at fork).
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Println(line)
			}
		}
	}
	return 0
}
