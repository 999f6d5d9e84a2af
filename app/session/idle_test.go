package session

import (
	"fmt"
	"testing"
	"time"

	"pasapas/internal/clocktest"
)

// TestIdleResetSurvivesWallClockJumps: on a PC with a dead BIOS battery the
// date is set back or forward while a visitor is at the kiosk. With
// time.Now's monotonic reading, the prompt still comes after the timeout
// and the reset after the grace: never at once (forward), never days later
// or not at all (back).
func TestIdleResetSurvivesWallClockJumps(t *testing.T) {
	if err := clocktest.Check(); err != nil {
		t.Fatal(err)
	}
	const timeout, grace = 120 * time.Second, 30 * time.Second
	jumps := []time.Duration{0, -3 * time.Hour, -2 * 24 * time.Hour, -20 * 365 * 24 * time.Hour,
		3 * time.Hour, 2 * 24 * time.Hour, 400 * 24 * time.Hour}
	// The jump lands while the visitor is idle, or during the prompt.
	for _, at := range []time.Duration{30 * time.Second, timeout + 5*time.Second} {
		for _, jump := range jumps {
			t.Run(fmt.Sprintf("%v after %v", jump, at), func(t *testing.T) {
				base := time.Now()
				var elapsed time.Duration
				clock := func() time.Time {
					now := base.Add(elapsed)
					if elapsed >= at {
						now = clocktest.Jump(now, jump)
					}
					return now
				}
				w := NewIdleWatch(timeout, grace, clock)
				for _, step := range []struct {
					elapsed time.Duration
					want    Phase
					left    time.Duration
				}{
					{at - time.Second, phaseAt(at-time.Second, timeout, grace), 0},
					{at, phaseAt(at, timeout, grace), 0},
					{timeout - time.Second, Present, 0},
					{timeout, Asking, grace},
					{timeout + grace - time.Second, Asking, time.Second},
					{timeout + grace, Gone, 0},
				} {
					if step.elapsed < elapsed {
						continue
					}
					elapsed = step.elapsed
					got, left := w.State()
					if step.want == Asking && step.left == 0 {
						step.left = timeout + grace - elapsed
					}
					if got != step.want || left != step.left {
						t.Fatalf("after %v idle: %v %v, want %v %v", elapsed, got, left, step.want, step.left)
					}
				}
			})
		}
	}
}

func phaseAt(idle, timeout, grace time.Duration) Phase {
	switch {
	case idle < timeout:
		return Present
	case idle < timeout+grace:
		return Asking
	}
	return Gone
}
