// Package clocktest makes the readings of a PC whose wall clock jumps (a dead
// BIOS battery, someone fixing the date, NTP catching up): times whose wall
// part moves while their monotonic part, which Go's time.Now also carries,
// does not. The time package offers no way to build such a value, so Jump
// edits its fields; Check proves the edit still does what it says.
package clocktest

import (
	"fmt"
	"time"
	"unsafe"
)

// layout mirrors time.Time (wall, ext, loc). With a monotonic reading, wall
// holds a flag bit, 33 bits of seconds since 1885 and 30 bits of
// nanoseconds; ext holds the monotonic reading.
type layout struct {
	wall uint64
	ext  int64
	loc  *time.Location
}

const (
	hasMonotonic = 1 << 63
	nsecShift    = 30
	nsecMask     = 1<<nsecShift - 1
)

// Jump returns t with its wall clock moved by d (whole seconds) and its
// monotonic reading unchanged. t must come from time.Now (possibly moved by
// Add), so that it has a monotonic reading.
func Jump(t time.Time, d time.Duration) time.Time {
	if d%time.Second != 0 {
		panic("clocktest.Jump: whole seconds only")
	}
	l := (*layout)(unsafe.Pointer(&t))
	if l.wall&hasMonotonic == 0 {
		panic("clocktest.Jump: the time has no monotonic reading")
	}
	sec := int64(l.wall<<1>>(nsecShift+1)) + int64(d/time.Second)
	if sec < 0 || sec >= 1<<33 {
		panic("clocktest.Jump: wall clock out of the range 1885-2157")
	}
	l.wall = l.wall&nsecMask | uint64(sec)<<nsecShift | hasMonotonic
	return t
}

// Check tells whether Jump works on this Go version: the wall clock moves,
// durations between readings do not.
func Check() error {
	base := time.Now()
	later := base.Add(time.Minute)
	j := Jump(later, -48*time.Hour)
	if got := j.Sub(base); got != time.Minute {
		return fmt.Errorf("clocktest: monotonic duration %v after a jump, want 1m", got)
	}
	if got := j.Round(0).Sub(base.Round(0)); got != time.Minute-48*time.Hour {
		return fmt.Errorf("clocktest: wall duration %v after a jump, want %v", got, time.Minute-48*time.Hour)
	}
	return nil
}
