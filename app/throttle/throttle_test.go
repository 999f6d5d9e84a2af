package throttle

import (
	"testing"
	"time"
)

func TestPolicy(t *testing.T) {
	p := Policy{MaxTries: 3, Lock: time.Minute}
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	var st State
	for _, want := range []int{2, 1, 0} {
		if got := p.Fail(&st, now); got != want {
			t.Fatalf("tries left %d, want %d", got, want)
		}
	}
	if got := p.Left(&st, now.Add(20*time.Second)); got != 40*time.Second {
		t.Errorf("locked for %v, want 40s", got)
	}
	if got := p.Left(&st, now.Add(time.Minute)); got != 0 {
		t.Errorf("still locked for %v after the lock", got)
	}
	// A clock set back a day waits no more than the lock.
	if got := p.Left(&st, now.Add(-24*time.Hour)); got != time.Minute {
		t.Errorf("clock set back: locked for %v, want 1m", got)
	}
	if !st.Succeed() || st != (State{}) {
		t.Errorf("a right try leaves %+v", st)
	}
	if st.Succeed() {
		t.Error("clearing a clear state reports a change")
	}
}
