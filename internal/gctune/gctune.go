// Package gctune sets the garbage collector for mkspace's heavy one-shot
// runs (a batch of packages, a 申报书): the work allocates much short-lived
// memory, and collecting less often is worth 10–15 % of the time at a peak
// still far below the machine's memory.
package gctune

import (
	"os"
	"runtime/debug"
)

// Percent is GOGC during a heavy run; MemoryLimit is the soft limit that
// makes the collector work harder again as the heap nears it. The live
// heap of an intake of 1,000 packages is about 200 MiB (their keys and
// results), of one package of a million rows about 250 MiB. The heap grows
// up to the limit before the collector works harder, so the limit is the
// batch's peak: measured on 1,000 copies of examples/good, 776 MiB at a
// limit of 768 MiB, 520 MiB at 512 MiB (GOGC 100 alone: 410 MiB, but a
// third slower).
const (
	Percent     = 400
	MemoryLimit = 512 << 20
)

// Heavy applies the settings unless the user set GOGC or GOMEMLIMIT, and
// returns the function that restores the previous ones.
func Heavy() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(Percent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(MemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
