package app

import (
	"context"
	"strconv"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/activity"
	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
)

// RetentionDays is the stored retention, or the default when unset,
// unreadable or out of bounds.
func RetentionDays(ctx context.Context, st *store.Store) int {
	v, err := st.Setting(ctx, settings.RetentionDays, "")
	if err == nil {
		v, err = settings.Validate(settings.RetentionDays, v)
	}
	if n, convErr := strconv.Atoi(v); err == nil && convErr == nil {
		return n
	}
	return settings.DefaultRetentionDays
}

// retentionCutoff gives the first instant the retention keeps at a time:
// the code pad calls a code older than that expired.
func retentionCutoff(st *store.Store) func(now time.Time) time.Time {
	return func(now time.Time) time.Time {
		return activity.RetentionCutoff(now, RetentionDays(context.Background(), st))
	}
}

// clockSlack is how far the newest session may lie ahead of the clock
// before the clock is taken for wrong (NTP corrections are seconds).
const clockSlack = time.Hour

// Retention deletes the sessions older than the retention setting, at start
// and once a day, without trusting a wall clock that jumped (a PC with a
// dead BIOS battery, a date typed wrong):
//
//   - during a run, the time used is the start's wall clock plus the
//     monotonic time elapsed, when that is earlier than the wall clock: a
//     clock jumping forward mid-run purges nothing early (a PC that sleeps
//     only purges later by the time slept, until the next start);
//   - the automatic purge is skipped, with an alert for the mediator, when
//     the newest stored session lies in the future (the clock was set back)
//     or when it would delete every session, the newest too (the clock is
//     far ahead, or nobody used the kiosk for longer than the retention:
//     the mediator checks the date and purges from Réglages).
//
// Sessions of the current run are therefore never purged before they are
// really that old. The mediator's own purges (console, pasapas purge) are
// deliberate and not guarded.
type Retention struct {
	store *store.Store
	board *health.Board
	log   logrus.FieldLogger
	now   func() time.Time
	start time.Time
}

// NewRetention returns the kiosk's purge; now is the clock (time.Now when
// nil), whose readings must carry Go's monotonic clock.
func NewRetention(st *store.Store, board *health.Board, log logrus.FieldLogger, now func() time.Time) *Retention {
	if now == nil {
		now = time.Now
	}
	return &Retention{store: st, board: board, log: log, now: now, start: now()}
}

// trustedNow is the wall clock, held back to the start's wall clock plus
// the monotonic time elapsed since (Round(0) compares wall clocks only).
func (r *Retention) trustedNow() time.Time {
	now := r.now()
	elapsed := r.start.Add(now.Sub(r.start))
	if now.Round(0).After(elapsed.Round(0)) {
		return elapsed.Round(0)
	}
	return now.Round(0)
}

// Purge deletes the expired sessions unless the clock looks wrong; it
// returns how many went.
func (r *Retention) Purge(ctx context.Context) int {
	now := r.trustedNow()
	days := RetentionDays(ctx, r.store)
	cutoff := activity.RetentionCutoff(now, days)
	newest, found, err := r.store.NewestStart(ctx)
	if err != nil {
		r.log.WithError(err).Error("purging expired sessions")
		return 0
	}
	if !found {
		return 0
	}
	fields := logrus.Fields{"clock": now.Format(time.RFC3339), "newest_session": newest.Format(time.RFC3339), "retention_days": days}
	switch {
	case newest.After(now.Add(clockSlack)):
		r.log.WithFields(fields).Warn("the newest session lies in the future: the clock was set back; nothing purged")
		r.board.Raise(health.ClockSuspect, newest.Format(activity.DayLayout))
		return 0
	case newest.Before(cutoff):
		r.log.WithFields(fields).Warn("the purge would delete every session: the clock may be far ahead; nothing purged")
		r.board.Raise(health.ClockSuspect, newest.Format(activity.DayLayout))
		return 0
	}
	r.board.Clear(health.ClockSuspect)
	n, err := r.store.Purge(ctx, cutoff)
	switch {
	case err != nil:
		r.log.WithError(err).Error("purging expired sessions")
	case n > 0:
		r.log.WithFields(logrus.Fields{"sessions": n, "retention_days": days}).Info("expired sessions purged")
	}
	return n
}

// Keep purges once a day until done is closed.
func (r *Retention) Keep(done <-chan struct{}) {
	session.Every(24*time.Hour, done, func() { r.Purge(context.Background()) })
}
