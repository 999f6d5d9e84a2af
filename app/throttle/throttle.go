// Package throttle slows down guessing at a pad: after a number of wrong
// tries in a row the pad waits before it takes the next one. Its state is
// stored by the caller, so a restart does not clear it. The mediator PIN
// (app/pin) and the visitor's "J'ai déjà un code" pad share it.
package throttle

import "time"

// State is what is stored between tries.
type State struct {
	Failures    int
	LockedUntil time.Time
}

// Policy is how many wrong tries in a row lock the pad, and for how long.
type Policy struct {
	MaxTries int
	Lock     time.Duration
}

// Left is the lock time left at now (zero when the pad is open). A wall
// clock set back (dead BIOS battery) must not lock the pad for days: the
// wait never exceeds the policy's, and st is brought back to it.
func (p Policy) Left(st *State, now time.Time) time.Duration {
	if st.LockedUntil.IsZero() {
		return 0
	}
	left := st.LockedUntil.Sub(now)
	if left <= 0 {
		return 0
	}
	if left > p.Lock {
		st.LockedUntil = now.Add(p.Lock)
		left = p.Lock
	}
	return left
}

// Fail counts a wrong try at now and returns the tries left before the
// pad locks: zero when this one locked it.
func (p Policy) Fail(st *State, now time.Time) (triesLeft int) {
	st.Failures++
	st.LockedUntil = time.Time{}
	if st.Failures >= p.MaxTries {
		st.Failures = 0
		st.LockedUntil = now.Add(p.Lock)
		return 0
	}
	return p.MaxTries - st.Failures
}

// Succeed clears the count after a right try; it reports whether st
// changed (and so needs storing).
func (st *State) Succeed() (changed bool) {
	if st.Failures == 0 && st.LockedUntil.IsZero() {
		return false
	}
	*st = State{}
	return true
}
