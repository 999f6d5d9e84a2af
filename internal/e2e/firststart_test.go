package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFirstStart starts the real kiosk on an empty data directory: it opens
// on the setup's code, not on the visitors' welcome; the mediator chord
// does nothing there; the code is typed twice on the keyboard, each later
// step goes on with Enter, and the visitors' welcome comes at the end.
func TestFirstStart(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1280, 800)
	dataDir := t.TempDir()
	k := startFreshKiosk(t, d, dataDir, "--windowed")
	k.shot("01-setup-code")
	k.key("ctrl+alt+m")
	k.shot("02-chord-does-nothing")
	if n := k.sql("SELECT count(*) FROM mediator_pin"); n != "0" {
		t.Fatalf("%s PIN rows before any code was typed", n)
	}
	k.typeText("4821")
	k.key("Return")
	k.typeText("4821")
	k.key("Return")
	k.shot("03-setup-centre")
	if n := k.sql("SELECT count(*) FROM mediator_pin"); n != "1" {
		t.Fatalf("%s PIN rows after the code was typed twice", n)
	}
	for _, step := range []string{"04-setup-kiosk", "05-setup-printer", "06-setup-done", "07-welcome"} {
		k.key("Return")
		k.shot(step)
	}
	log, err := os.ReadFile(filepath.Join(dataDir, "pasapas.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"first start's setup", "mediator PIN chosen", "first start's setup done"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	// Now a visitor starts as usual, and the chord asks for the code.
	k.key("Return")
	if n := k.sql("SELECT count(*) FROM sessions WHERE status = 'active'"); n != "1" {
		t.Fatalf("%s active sessions after Commencer, want 1", n)
	}
	k.key("ctrl+alt+m")
	k.typeText("4821")
	k.key("Return")
	k.shot("08-mediator-menu")
}
