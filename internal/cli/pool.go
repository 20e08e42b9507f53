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
func runPool(g *Globals, n, workers int, label string, do func(i int)) {
	if n == 0 {
		return
	}
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
		for i := range n {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	for range done {
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
}
