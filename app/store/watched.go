package store

import (
	"context"
	"errors"
	"time"

	"pasapas/app/health"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/throttle"
	"pasapas/assessment"
)

// Watched is the store as the session service, the PIN guard and the
// self-assessment see it: every failed write raises an alert for the
// mediator (the visitor only gets a plain message), and the next write that
// succeeds clears it.
type Watched struct {
	*Store
	board *health.Board
}

// Watch is st raising its failed writes on board.
func Watch(st *Store, board *health.Board) Watched {
	return Watched{Store: st, board: board}
}

var (
	_ session.Store    = Watched{}
	_ pin.StateStore   = Watched{}
	_ assessment.Store = Watched{}
	_ session.Earlier  = Watched{}
)

func (w Watched) note(err error) error {
	switch {
	case err == nil:
		w.board.Clear(health.DiskFull)
		w.board.Clear(health.StorageError)
	case errors.Is(err, session.ErrNotCode):
		// A programming error, already returned to the caller: not the disk.
	case IsDiskFull(err):
		w.board.Raise(health.DiskFull, "")
	default:
		w.board.Raise(health.StorageError, err.Error())
	}
	return err
}

func (w Watched) CreateSession(ctx context.Context, rec session.Record) (session.Record, error) {
	rec, err := w.Store.CreateSession(ctx, rec)
	return rec, w.note(err)
}

func (w Watched) AddEvent(ctx context.Context, sessionID string, e session.Event) error {
	return w.note(w.Store.AddEvent(ctx, sessionID, e))
}

func (w Watched) EndSession(ctx context.Context, sessionID string, status session.Status, at time.Time) error {
	return w.note(w.Store.EndSession(ctx, sessionID, status, at))
}

func (w Watched) SaveAssessment(ctx context.Context, sessionID string, r assessment.Result) error {
	return w.note(w.Store.SaveAssessment(ctx, sessionID, r))
}

func (w Watched) SavePIN(s pin.State) error {
	return w.note(w.Store.SavePIN(s))
}

func (w Watched) SaveCodePad(s throttle.State) error {
	return w.note(w.Store.SaveCodePad(s))
}
