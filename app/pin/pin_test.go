package pin_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasapas/app/pin"
	"pasapas/app/store"
)

func TestValidFormat(t *testing.T) {
	tests := map[string]bool{
		"1234": true, "12345678": true, "123": false, "123456789": false,
		"12a4": false, "": false, "１２３４": false, // full-width digits are not ASCII
	}
	for in, want := range tests {
		if got := pin.ValidFormat(in); got != want {
			t.Errorf("ValidFormat(%q) = %v", in, got)
		}
	}
}

func TestHashIsSaltedAndChecks(t *testing.T) {
	a, err := pin.Hash("4821")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pin.Hash("4821")
	if a == b {
		t.Fatal("same PIN gave the same hash: no salt")
	}
	if !strings.HasPrefix(a, "$argon2id$") || strings.Contains(a, "4821") {
		t.Fatalf("hash %q", a)
	}
	if !pin.Matches(a, "4821") || pin.Matches(a, "4822") || pin.Matches("garbage", "4821") {
		t.Fatal("Matches is wrong")
	}
}

func newGuard(t *testing.T, now *time.Time) *pin.Guard {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "pin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return pin.NewGuard(s, func() time.Time { return *now })
}

func TestCheckLocksAfterFiveWrongTries(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	g := newGuard(t, &now)
	if _, err := g.Check("1234"); !errors.Is(err, pin.ErrNotSet) {
		t.Fatalf("before Set: %v", err)
	}
	if err := g.Set("12"); !errors.Is(err, pin.ErrFormat) {
		t.Fatalf("short PIN accepted: %v", err)
	}
	if err := g.Set("4821"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < pin.MaxTries; i++ {
		left, err := g.Check("0000")
		if !errors.Is(err, pin.ErrWrong) || left != pin.MaxTries-i {
			t.Fatalf("try %d: left=%d err=%v", i, left, err)
		}
	}
	if _, err := g.Check("0000"); !errors.Is(err, pin.ErrLocked) {
		t.Fatalf("fifth wrong try: %v", err)
	}
	if _, err := g.Check("4821"); !errors.Is(err, pin.ErrLocked) {
		t.Fatalf("right PIN while locked: %v", err)
	}
	now = now.Add(pin.LockDuration - time.Second)
	if d, _ := g.LockedFor(); d != time.Second {
		t.Fatalf("locked for %v, want 1s", d)
	}
	now = now.Add(time.Second)
	if _, err := g.Check("4821"); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
}

func TestRightPINResetsFailures(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	g := newGuard(t, &now)
	g.Set("4821")
	for i := 0; i < pin.MaxTries-1; i++ {
		g.Check("0000")
	}
	if _, err := g.Check("4821"); err != nil {
		t.Fatal(err)
	}
	if left, err := g.Check("0000"); left != pin.MaxTries-1 || !errors.Is(err, pin.ErrWrong) {
		t.Fatalf("failures not reset: left=%d", left)
	}
}

func TestClockSetBackDoesNotLockForever(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	g := newGuard(t, &now)
	g.Set("4821")
	for i := 0; i < pin.MaxTries; i++ {
		g.Check("0000")
	}
	now = now.AddDate(-3, 0, 0) // the BIOS battery died overnight
	if d, _ := g.LockedFor(); d > pin.LockDuration {
		t.Fatalf("locked for %v after the clock went back", d)
	}
}
