//go:build !unix

package document

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
