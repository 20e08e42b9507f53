package msg

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBytes(t *testing.T) {
	t.Parallel()
	for n, want := range map[int64]string{
		0: "0 B", 1023: "1023 B", 1024: "1 KB", 500 << 10: "500 KB", 1536: "1.5 KB",
		3 << 20: "3 MB", 3<<20 + 1: "3.1 MB", 3 << 19: "1.5 MB", 16 << 30: "16 GB",
		1<<30 - 1: "1.0 GB", -5: "0 B",
	} {
		assert.Equal(t, want, Bytes(n), "Bytes(%d)", n)
	}
}
