package msg

import (
	"math"
	"strconv"
)

// Bytes is a size as every message and note prints it: in B, KB, MB or
// GB of 1,024 (so the form's "不大于3M" limit, 3,145,728 bytes, is "3 MB"),
// whole when exact, else with one decimal rounded up — a file just over a
// limit never reads as equal to it.
func Bytes(n int64) string {
	if n < 0 {
		n = 0
	}
	units := []string{"B", "KB", "MB", "GB", "TB"}
	i, unit := 0, int64(1)
	for i < len(units)-1 && n >= unit*1024 {
		unit *= 1024
		i++
	}
	if n%unit == 0 {
		return strconv.FormatInt(n/unit, 10) + " " + units[i]
	}
	v := math.Ceil(float64(n)*10/float64(unit)) / 10
	if v >= 1024 && i < len(units)-1 { // rounded up into the next unit
		unit *= 1024
		i++
		v = math.Ceil(float64(n)*10/float64(unit)) / 10
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + units[i]
}
