package cli

import (
	"runtime"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// runPool calls do(i) for every i in [0, n) on at most workers goroutines
// (0: one per CPU), with a progress bar labelled label on a terminal when
// there are at least progressMin jobs (none with --quiet, when standard
// error is not a terminal, or when CI is set: see StdIO). do writes its
// result into slot i of the caller's slices, so results keep the order of
// the jobs whatever order they finish in.
//
// When the run is interrupted (g.Context), no further job starts; the jobs
// running finish (each removes its own temporary files) and runPool
// returns the reason (an *Interrupted), the results being incomplete.
func runPool(g *Globals, n, workers int, label string, do func(i int)) error {
	if n == 0 {
		return nil
	}
	ctx := g.Context()
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, n)

	var bar *progressbar.ProgressBar
	if g.IO.Terminal && !g.Quiet && n >= progressMin {
		bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(g.IO.Err),
			progressbar.OptionSetDescription(label),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}

	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				do(i)
				done <- i
			}
		}()
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(done)
		}()
		for i := range n {
			if ctx.Err() != nil {
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range done {
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if err := stopped(ctx); err != nil {
		if bar != nil {
			_ = bar.Exit()
		}
		return err
	}
	if bar != nil {
		_ = bar.Finish()
	}
	return nil
}
