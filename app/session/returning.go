package session

import (
	"context"
	"errors"
	"sync"
	"time"

	"pasapas/app/throttle"
)

// What the "J'ai déjà un code" pad can answer besides a session.
var (
	ErrUnknownCode = errors.New("no stored session has this code")
	ErrExpiredCode = errors.New("this code's session is older than the retention")
	ErrPadSlowed   = errors.New("too many wrong codes: the pad waits")
)

// The code pad waits CodePadWait after CodePadTries wrong codes in a row:
// three tries a minute make guessing one of 31⁶ codes hopeless at the
// kiosk, while a visitor's typos cost them a minute at most.
const (
	CodePadTries = 3
	CodePadWait  = time.Minute
)

var codePadLockout = throttle.Policy{MaxTries: CodePadTries, Lock: CodePadWait}

// Earlier is where the pad looks codes up and keeps its lockout (the
// SQLite store in the kiosk).
type Earlier interface {
	// EarlierByCode returns the session to link a new one to, or
	// ErrUnknownCode, or ErrExpiredCode for a session started before cutoff.
	EarlierByCode(ctx context.Context, code Code, cutoff time.Time) (Record, error)
	LoadCodePad() (throttle.State, error)
	SaveCodePad(throttle.State) error
}

// CodePad finds a returning visitor's earlier session from the code they
// type, slowing down repeated wrong codes as the mediator PIN does.
type CodePad struct {
	store  Earlier
	now    func() time.Time
	cutoff func(now time.Time) time.Time
	mu     sync.Mutex
}

// NewCodePad looks codes up in store; cutoff gives the first instant the
// retention keeps at now; now is the clock (time.Now when nil).
func NewCodePad(store Earlier, cutoff func(now time.Time) time.Time, now func() time.Time) *CodePad {
	if now == nil {
		now = time.Now
	}
	return &CodePad{store: store, now: now, cutoff: cutoff}
}

// Wait is how long the pad waits before it takes another code (zero: it
// takes one now).
func (p *CodePad) Wait() (time.Duration, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st, err := p.store.LoadCodePad()
	return codePadLockout.Left(&st, p.now()), err
}

// Find looks up a typed code. It returns the session to pass as
// Visit.Earlier, or ErrBadCode (not six characters of the alphabet: not
// counted, the pad cannot type it), ErrUnknownCode (counted as a wrong
// try), ErrExpiredCode (a real code: not counted) or ErrPadSlowed, while
// the pad waits and when this wrong code made it wait.
func (p *CodePad) Find(ctx context.Context, typed string) (Record, error) {
	code, err := ParseCode(typed)
	if err != nil {
		return Record{}, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st, err := p.store.LoadCodePad()
	if err != nil {
		return Record{}, err
	}
	now := p.now()
	if codePadLockout.Left(&st, now) > 0 {
		return Record{}, ErrPadSlowed
	}
	rec, err := p.store.EarlierByCode(ctx, code, p.cutoff(now))
	switch {
	case errors.Is(err, ErrUnknownCode):
		left := codePadLockout.Fail(&st, now)
		if err := p.store.SaveCodePad(st); err != nil {
			return Record{}, err
		}
		if left == 0 {
			return Record{}, ErrPadSlowed
		}
		return Record{}, ErrUnknownCode
	case err != nil:
		return Record{}, err
	}
	if st.Succeed() {
		if err := p.store.SaveCodePad(st); err != nil {
			return Record{}, err
		}
	}
	return rec, nil
}
