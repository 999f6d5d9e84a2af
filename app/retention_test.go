package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	"pasapas/internal/clocktest"
)

var discardLog = &logrus.Logger{Out: io.Discard, Formatter: new(logrus.TextFormatter), Level: logrus.InfoLevel}

// retentionStore holds one ended session per age in days (negative: in the
// future), under retention.days = 30. It returns the codes by age.
func retentionStore(t *testing.T, now time.Time, ages ...int) (*store.Store, map[int]session.Code) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if err := st.SetSetting(ctx, settings.RetentionDays, "30"); err != nil {
		t.Fatal(err)
	}
	codes := map[int]session.Code{}
	for _, age := range ages {
		at := now.AddDate(0, 0, -age)
		rec, err := st.CreateSession(ctx, session.Record{ID: fmt.Sprint("age", age), KioskID: "k", Lang: "fr", Started: at})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.EndSession(ctx, rec.ID, session.Finished, at.Add(10*time.Minute)); err != nil {
			t.Fatal(err)
		}
		codes[age] = rec.Code
	}
	return st, codes
}

// kept lists the ages of the sessions still stored.
func kept(t *testing.T, st *store.Store, codes map[int]session.Code) map[int]bool {
	t.Helper()
	out := map[int]bool{}
	for age, code := range codes {
		if _, err := st.SessionByCode(context.Background(), code); err == nil {
			out[age] = true
		}
	}
	return out
}

// TestRetentionDistrustsAWrongClock: the purge at start and once a day
// deletes what is older than the retention, but a clock set back purges
// nothing and a clock far ahead never wipes every session; either way the
// mediator is told.
func TestRetentionDistrustsAWrongClock(t *testing.T) {
	real := time.Now()
	for _, tt := range []struct {
		name  string
		clock time.Time
		kept  []int
		alert bool
	}{
		{"right clock", real, []int{0, 10}, false},
		{"set back 3 hours", real.Add(-3 * time.Hour), []int{0, 10, 40}, true},
		{"set back to 2000", time.Date(2000, 1, 1, 0, 0, 0, 0, time.Local), []int{0, 10, 40}, true},
		{"forward 25 days", real.AddDate(0, 0, 25), []int{0}, false},
		{"forward a year", real.AddDate(1, 0, 0), []int{0, 10, 40}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, codes := retentionStore(t, real, 0, 10, 40)
			board := health.NewBoard(nil)
			NewRetention(st, board, discardLog, func() time.Time { return tt.clock }).Purge(context.Background())
			got := kept(t, st, codes)
			if len(got) != len(tt.kept) {
				t.Fatalf("kept %v, want ages %v", got, tt.kept)
			}
			for _, age := range tt.kept {
				if !got[age] {
					t.Fatalf("the %d-day-old session was purged (kept %v)", age, got)
				}
			}
			if board.Has(health.ClockSuspect) != tt.alert {
				t.Fatalf("clock alert %v, want %v", board.Has(health.ClockSuspect), tt.alert)
			}
		})
	}
}

// TestRetentionFollowsTheMonotonicClockDuringARun: the wall clock jumps 25
// days ahead a day after the start. The daily purge counts one day, not 26:
// the 10-day-old session stays (it would go by the wall clock), the
// expired one goes, and a session of this run is never touched.
func TestRetentionFollowsTheMonotonicClockDuringARun(t *testing.T) {
	if err := clocktest.Check(); err != nil {
		t.Fatal(err)
	}
	base := time.Now()
	st, codes := retentionStore(t, base, 0, 10, 40)
	var elapsed, jump time.Duration
	clock := func() time.Time { return clocktest.Jump(base.Add(elapsed), jump) }
	board := health.NewBoard(nil)
	r := NewRetention(st, board, discardLog, clock)
	elapsed, jump = 24*time.Hour, 25*24*time.Hour
	if n := r.Purge(context.Background()); n != 1 {
		t.Fatalf("purged %d sessions, want the expired one", n)
	}
	if got := kept(t, st, codes); !got[0] || !got[10] || got[40] {
		t.Fatalf("kept %v, want the sessions of 0 and 10 days", got)
	}
	if board.Has(health.ClockSuspect) {
		t.Fatal("alert for a jump the monotonic clock absorbed")
	}
}

// TestClockAlertClearsOnceTheDateIsRight: the alert is not for ever; the
// next purge with a sane clock takes it down.
func TestClockAlertClearsOnceTheDateIsRight(t *testing.T) {
	real := time.Now()
	st, _ := retentionStore(t, real, 0, 40)
	board := health.NewBoard(nil)
	clock := real.AddDate(-1, 0, 0)
	r := NewRetention(st, board, discardLog, func() time.Time { return clock })
	r.Purge(context.Background())
	if !board.Has(health.ClockSuspect) {
		t.Fatal("no alert for a clock a year behind")
	}
	clock = real
	if n := r.Purge(context.Background()); n != 1 || board.Has(health.ClockSuspect) {
		t.Fatalf("purged %d, alert %v once the clock is right", n, board.Has(health.ClockSuspect))
	}
}

func TestStartPurgesExpiredSessions(t *testing.T) {
	dir := t.TempDir()
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	old, _ := st.CreateSession(ctx, session.Record{ID: "old", KioskID: "k", Lang: "fr", Started: time.Now().AddDate(0, 0, -40)})
	st.EndSession(ctx, "old", session.Finished, time.Now().AddDate(0, 0, -40))
	// A recent one too: a purge that would empty the file waits for the
	// mediator (see Retention).
	st.CreateSession(ctx, session.Record{ID: "new", KioskID: "k", Lang: "fr", Started: time.Now()})
	st.SetSetting(ctx, "retention.days", "30")
	st.Close()
	log := logrus.New()
	log.SetOutput(io.Discard)
	k, err := Open(dir, log)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Store.Close()
	if _, err := k.Store.SessionByCode(ctx, old.Code); err == nil {
		t.Fatal("a 40-day-old session survived a start with a 30-day retention")
	}
}

// TestCodePadFollowsTheRetentionSetting: a code is expired exactly when
// the purge would take its session, under the centre's retention.days.
func TestCodePadFollowsTheRetentionSetting(t *testing.T) {
	now := time.Date(2026, 12, 2, 15, 0, 0, 0, time.Local)
	st, codes := retentionStore(t, now, 29, 31)
	pad := session.NewCodePad(st, retentionCutoff(st), func() time.Time { return now })
	ctx := context.Background()
	if _, err := pad.Find(ctx, string(codes[29])); err != nil {
		t.Fatalf("29 days old under 30 days' retention: %v", err)
	}
	if _, err := pad.Find(ctx, string(codes[31])); !errors.Is(err, session.ErrExpiredCode) {
		t.Fatalf("31 days old: %v", err)
	}
	if err := st.SetSetting(ctx, settings.RetentionDays, "60"); err != nil {
		t.Fatal(err)
	}
	if _, err := pad.Find(ctx, string(codes[31])); err != nil {
		t.Fatalf("31 days old under 60 days' retention: %v", err)
	}
}
