package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/uuid"

	"pasapas/app/pin"
	"pasapas/app/session"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "pasapas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenSetsDurableJournal(t *testing.T) {
	s := openTemp(t)
	var mode string
	var sync, busy int
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`PRAGMA busy_timeout`).Scan(&busy); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != 2 || busy < 1000 {
		t.Fatalf("journal_mode=%s synchronous=%d busy_timeout=%d; want wal, 2 (FULL), ≥1000", mode, sync, busy)
	}
	if v, _ := s.Version(); v != SchemaVersion() {
		t.Fatalf("version %d, want %d", v, SchemaVersion())
	}
}

// oldSession stores an active session with the columns of schema version
// 1, which every later version has (CreateSession writes the newest
// schema's), and returns its code.
func oldSession(t *testing.T, old *Store, id string, started time.Time) session.Code {
	t.Helper()
	code, err := session.NewCode(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.Exec(`INSERT INTO sessions (id, code, kiosk_id, lang, started_at, status) VALUES (?, ?, 'k', 'fr', ?, 'active')`,
		id, string(code), toMillis(started)); err != nil {
		t.Fatal(err)
	}
	return code
}

// TestMigrateFromEveryVersion builds a file at each older schema version,
// stores a session where the schema allows it, and checks Open brings it up
// to date without losing it.
func TestMigrateFromEveryVersion(t *testing.T) {
	for from := 0; from < SchemaVersion(); from++ {
		path := filepath.Join(t.TempDir(), "old.db")
		old, err := openAt(path, from)
		if err != nil {
			t.Fatalf("building version %d: %v", from, err)
		}
		var code session.Code
		if from >= 1 {
			code = oldSession(t, old, "u-1", time.Now())
		}
		old.Close()

		s, err := Open(path)
		if err != nil {
			t.Fatalf("migrating from version %d: %v", from, err)
		}
		if v, _ := s.Version(); v != SchemaVersion() {
			t.Fatalf("from %d: version %d", from, v)
		}
		if code != "" {
			if _, err := s.SessionByCode(context.Background(), code); err != nil {
				t.Fatalf("from %d: session lost: %v", from, err)
			}
		}
		s.Close()
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`PRAGMA user_version = 999`)
	s.Close()
	if _, err := Open(path); err == nil {
		t.Fatal("a file from a newer program was opened")
	}
}

func TestSessionLifecycle(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc := session.NewService(s, "kiosk-1", func() time.Time { return now })

	rec, err := svc.Start("fr")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Record("home.choice", session.Payload{"choice": "assess"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.Record("typed", session.Payload{"text": "Jean Dupont"}); !errors.Is(err, session.ErrNotCode) {
		t.Fatalf("free text accepted: %v", err)
	}
	svc.SetNeeds([]string{"caf", "ameli"})
	if got := svc.Needs(); len(got) != 2 || got[0] != "caf" {
		t.Fatalf("needs %v", got)
	}
	now = now.Add(7 * time.Minute)
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	if svc.Current() != nil || svc.Needs() != nil {
		t.Fatal("session still in memory after Finish")
	}

	got, err := s.SessionByCode(context.Background(), rec.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != session.Finished || got.Duration() != 7*time.Minute || got.KioskID != "kiosk-1" || got.Lang != "fr" {
		t.Fatalf("stored %+v", got)
	}
	events, err := s.Events(context.Background(), rec.ID)
	if err != nil || len(events) != 1 || events[0].Payload["choice"] != "assess" {
		t.Fatalf("events %+v, %v", events, err)
	}

	// Starting again while a session is open abandons the open one.
	first, _ := svc.Start("en")
	second, _ := svc.Start("fr")
	if first.Code == second.Code {
		t.Fatal("two sessions share a code")
	}
	got, _ = s.SessionByCode(context.Background(), first.Code)
	if got.Status != session.Abandoned {
		t.Fatalf("first session %s, want abandoned", got.Status)
	}
}

func TestCodesStayUniqueOverManySessions(t *testing.T) {
	s := openTemp(t)
	seen := map[session.Code]bool{}
	for i := 0; i < 3000; i++ {
		rec, err := s.CreateSession(context.Background(), session.Record{ID: uuid.NewString(), KioskID: "k", Lang: "fr", Started: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if seen[rec.Code] {
			t.Fatalf("code %s given twice", rec.Code)
		}
		seen[rec.Code] = true
	}
}

func TestAbandonOpenSessionsAfterCrash(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	open, _ := s.CreateSession(ctx, session.Record{ID: "open", KioskID: "k", Lang: "fr", Started: start})
	s.AddEvent(ctx, "open", session.Event{At: start.Add(3 * time.Minute), Kind: "step"})
	done, _ := s.CreateSession(ctx, session.Record{ID: "done", KioskID: "k", Lang: "fr", Started: start})
	s.EndSession(ctx, "done", session.Finished, start.Add(time.Minute))

	n, err := s.AbandonOpenSessions(ctx)
	if err != nil || n != 1 {
		t.Fatalf("abandoned %d, %v; want 1", n, err)
	}
	got, _ := s.SessionByCode(ctx, open.Code)
	if got.Status != session.Abandoned || got.Duration() != 3*time.Minute {
		t.Fatalf("open session became %+v", got)
	}
	got, _ = s.SessionByCode(ctx, done.Code)
	if got.Status != session.Finished {
		t.Fatalf("finished session became %s", got.Status)
	}
}

func TestSettings(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if v, _ := s.Setting(ctx, "centre.name", "def"); v != "def" {
		t.Fatalf("default %q", v)
	}
	s.SetSetting(ctx, "centre.name", "EPN de Die")
	s.SetSetting(ctx, "centre.name", "France Services Die")
	if v, _ := s.Setting(ctx, "centre.name", "def"); v != "France Services Die" {
		t.Fatalf("got %q", v)
	}
}

func TestPINLockoutSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pin.db")
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	g := pin.NewGuard(s, clock)
	if err := g.Set("4821"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < pin.MaxTries; i++ {
		g.Check("0000")
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g = pin.NewGuard(s, clock)
	if _, err := g.Check("4821"); !errors.Is(err, pin.ErrLocked) {
		t.Fatalf("after restart: %v, want ErrLocked", err)
	}
	now = now.Add(pin.LockDuration)
	if _, err := g.Check("4821"); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
}
