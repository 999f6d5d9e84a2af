package session

import (
	"sync"
	"time"
)

// Phase is where a visitor stands with respect to inactivity.
type Phase int

const (
	// Present: the visitor acted recently.
	Present Phase = iota
	// Asking: the timeout passed; the kiosk asks "Vous êtes toujours là ?".
	Asking
	// Gone: nobody answered during the grace period; the session must end.
	Gone
)

// IdleWatch turns activity times into a Phase. It holds no timer of its own:
// the UI polls State once a second, and tests drive it with an injected clock.
// With time.Now the durations use Go's monotonic clock, so a PC whose wall
// clock jumps (dead BIOS battery, NTP catching up) neither resets a visitor
// early nor keeps a session open forever.
type IdleWatch struct {
	Timeout time.Duration
	Grace   time.Duration
	now     func() time.Time

	mu   sync.Mutex
	last time.Time
}

// NewIdleWatch starts a watch whose last activity is now.
func NewIdleWatch(timeout, grace time.Duration, now func() time.Time) *IdleWatch {
	if now == nil {
		now = time.Now
	}
	return &IdleWatch{Timeout: timeout, Grace: grace, now: now, last: now()}
}

// Activity records that the visitor did something (tap, click, key, scroll).
func (w *IdleWatch) Activity() {
	now := w.now()
	w.mu.Lock()
	w.last = now
	w.mu.Unlock()
}

// State returns the phase and, while Asking, the time left before Gone.
func (w *IdleWatch) State() (Phase, time.Duration) {
	// The clock is read outside the lock: nothing it does can leave the
	// watch locked.
	now := w.now()
	w.mu.Lock()
	idle := now.Sub(w.last)
	w.mu.Unlock()
	if idle < 0 {
		// A clock that went backwards is treated as fresh activity.
		w.Activity()
		return Present, 0
	}
	switch {
	case idle < w.Timeout:
		return Present, 0
	case idle < w.Timeout+w.Grace:
		return Asking, w.Timeout + w.Grace - idle
	default:
		return Gone, 0
	}
}

// Every calls f every d until done is closed: the shell's once-a-second
// tick (the idle watch, timed pages) and the daily retention purge.
func Every(d time.Duration, done <-chan struct{}, f func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			f()
		}
	}
}
