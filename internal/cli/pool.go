package cli

import (
	"github.com/schollz/progressbar/v3"

	"github.com/mkspace/mkspace/internal/pool"
)

// runPool calls do(i) for every i in [0, n) on at most workers goroutines
// (pool.Run), with a progress bar labelled label on a terminal when there
// are at least progressMin jobs (none with --quiet, when standard error is
// not a terminal, or when CI is set: see StdIO).
//
// When the run is interrupted (g.Context), no further job starts; the jobs
// running finish (each removes its own temporary files) and runPool
// returns the reason (an *Interrupted), the results being incomplete.
func runPool(g *Globals, n, workers int, label string, do func(i int)) error {
	var bar *progressbar.ProgressBar
	if g.IO.Terminal && !g.Quiet && n >= progressMin {
		bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(g.IO.Err),
			progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}
	err := pool.Run(g.Context(), n, workers, do, func() {
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	switch {
	case bar == nil:
	case err != nil:
		_ = bar.Exit()
	default:
		_ = bar.Finish()
	}
	return err
}
