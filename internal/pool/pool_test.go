package pool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunKeepsOrderAndBound(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{0, 1, 3, 100} {
		const n = 50
		out := make([]int, n)
		var running, most atomic.Int32
		dones := 0
		err := Run(context.Background(), n, workers, func(i int) {
			r := running.Add(1)
			for {
				m := most.Load()
				if r <= m || most.CompareAndSwap(m, r) {
					break
				}
			}
			out[i] = i * i
			running.Add(-1)
		}, func() { dones++ })
		require.NoError(t, err)
		for i := range out {
			assert.Equal(t, i*i, out[i], "slot %d", i)
		}
		assert.Equal(t, n, dones, "done after every job")
		if workers > 0 {
			assert.LessOrEqual(t, int(most.Load()), workers, "at most %d at once", workers)
		}
	}
	require.NoError(t, Run(context.Background(), 0, 2, func(int) { t.Fatal("no job") }, nil))
}

func TestRunStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	why := errors.New("interrupted")
	ctx, cancel := context.WithCancelCause(context.Background())
	var ran atomic.Int32
	err := Run(ctx, 1000, 2, func(i int) {
		if ran.Add(1) == 3 {
			cancel(why)
		}
	}, nil)
	assert.ErrorIs(t, err, why, "the cause of the cancellation")
	assert.Less(t, int(ran.Load()), 1000, "no further job starts")
}
