package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestKioskSession starts the real kiosk full screen, refuses Alt+F4, runs a
// session with the keyboard and the mouse, opens the mediator menu with the
// key chord and quits from it, then reads the SQLite file.
func TestKioskSession(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1920, 1080)
	dataDir := t.TempDir()
	setPIN(t, dataDir, "4821")
	k := startKiosk(t, d, dataDir)

	x, y, w, h := k.geometry()
	if x != 0 || y != 0 || w != d.width || h != d.height {
		t.Fatalf("window at %d,%d size %dx%d; want the whole %dx%d screen", x, y, w, h, d.width, d.height)
	}
	if state := k.run("xprop", "-id", k.window, "_NET_WM_STATE"); !strings.Contains(state, "_NET_WM_STATE_FULLSCREEN") {
		t.Fatalf("window is not full screen: %s", state)
	}
	k.shot("01-welcome")

	k.key("alt+F4")
	if !k.stillRunning() {
		t.Fatal("Alt+F4 closed the kiosk")
	}

	k.key("Return") // Commencer
	k.shot("02-home")
	if n := k.sql("SELECT count(*) FROM sessions WHERE status = 'active'"); n != "1" {
		t.Fatalf("%s active sessions after Commencer, want 1", n)
	}

	// "Terminer" fills the right half of the bottom row.
	k.click(0.75, 0.955)
	k.shot("03-goodbye")
	if got := k.sql("SELECT status, length(code), ended_at > started_at FROM sessions"); got != "finished|6|1" {
		t.Fatalf("stored session %q, want finished|6|1", got)
	}

	k.key("Return") // back to welcome
	k.key("ctrl+alt+m")
	k.shot("04-pinpad")
	k.typeText("4821")
	k.key("Return")
	k.shot("05-mediator-menu")
	// Tab goes through the console's eight sections, then "Quitter".
	for range 9 {
		k.key("Tab")
	}
	k.shot("06-quit-focused")
	k.lastKey("Return")
	if err := k.waitExit(10 * time.Second); err != nil {
		t.Fatalf("kiosk exit: %v", err)
	}
	if got := k.sql("PRAGMA journal_mode"); got != "wal" {
		t.Fatalf("journal_mode %s", got)
	}
	if got := k.sql("PRAGMA integrity_check"); got != "ok" {
		t.Fatalf("integrity_check: %s", got)
	}
}
