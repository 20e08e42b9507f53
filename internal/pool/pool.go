// Package pool runs a batch of independent jobs (the packages of one
// validate or verify run) on a bounded number of goroutines.
package pool

import (
	"context"
	"runtime"
	"sync"
)

// Run calls do(i) for every i in [0, n) on at most workers goroutines
// (0 or less: one per CPU), and done() after each job, on the calling
// goroutine (a progress bar needs no lock). do writes its result into
// slot i of the caller's slices, so results keep the order of the jobs
// whatever order they finish in.
//
// When ctx is cancelled, no further job starts; the jobs running finish
// and Run returns context.Cause(ctx), the results being incomplete.
func Run(ctx context.Context, n, workers int, do func(i int), done func()) error {
	if n == 0 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, n)

	jobs := make(chan int)
	finished := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				do(i)
				finished <- i
			}
		}()
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(finished)
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
	for range finished {
		if done != nil {
			done()
		}
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}
