package sync_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
)

// endedSession stores one finished session, so the outbox has one.
func endedSession(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	rec, err := st.CreateSession(ctx, session.Record{ID: uuid.NewString(), KioskID: "borne-1", Lang: "fr", Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EndSession(ctx, rec.ID, session.Finished, time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
}

// TestAlertAfterADayOfFailures pushes to a loopback port where nothing
// listens: the push fails and the session stays in the outbox; the
// mediator's alert comes once pushing has failed for a day, also across a
// restart (the first failure's time is stored).
func TestAlertAfterADayOfFailures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pasapas.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	endedSession(t, st)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	for k, v := range map[string]string{settings.SyncURL: closed, settings.SyncToken: "jeton"} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	board := health.NewBoard(nil)
	push := func() {
		t.Helper()
		p := &kiosksync.Pusher{Store: st, Board: board, Now: func() time.Time { return now }}
		if res, err := p.Push(ctx); err == nil || res.Sent != 0 {
			t.Fatalf("push to a closed port: %+v, %v", res, err)
		}
		if n, _ := st.OutboxSize(ctx); n != 1 {
			t.Fatalf("%d sessions in the outbox, want the one kept", n)
		}
	}
	push()
	now = now.Add(23 * time.Hour)
	push()
	if board.Has(health.SyncFailing) {
		t.Fatal("alert after 23 hours")
	}
	// A restart: the store is opened again, the board is new.
	st.Close()
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	board = health.NewBoard(nil)
	now = now.Add(2 * time.Hour)
	push()
	alerts := board.List()
	if len(alerts) != 1 || alerts[0].Kind != health.SyncFailing || !strings.Contains(alerts[0].Detail, "127.0.0.1") {
		t.Fatalf("after 25 hours of failures: %+v", alerts)
	}
}

// TestNothingSetNothingSent: without sync.url and sync.token a push says so
// and leaves the outbox alone.
func TestNothingSetNothingSent(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "pasapas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := (&kiosksync.Pusher{Store: st}).Push(context.Background()); !errors.Is(err, kiosksync.ErrNotConfigured) {
		t.Fatalf("push without settings: %v", err)
	}
}

// TestBackoffDoublesToAnHour: waits grow from 15–30 s to at most an hour,
// never less than half the step, so kiosks cut off together spread out.
func TestBackoffDoublesToAnHour(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for fails, want := range map[int]time.Duration{1: 30 * time.Second, 2: time.Minute, 3: 2 * time.Minute, 7: 32 * time.Minute, 8: time.Hour, 50: time.Hour} {
		for range 100 {
			if got := kiosksync.Backoff(fails, r); got < want/2 || got > want {
				t.Fatalf("after %d failures: %v, want between %v and %v", fails, got, want/2, want)
			}
		}
	}
}
