package fault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pasapas/app"
	"pasapas/app/health"
	"pasapas/app/logging"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/app/store/storetest"
	"pasapas/ui"
	"pasapas/ui/launch"
	"pasapas/ui/uitest"
)

// tinyDisk mounts a tmpfs of size (e.g. "640k") and returns it; the test
// is skipped, saying why, where mounting is not allowed.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("full disk: mounting a small tmpfs needs root (as in CI); skipped")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("full disk: mounting a tmpfs is not permitted here (%v); skipped", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmounting the tmpfs: %v", err)
		}
	})
	return dir
}

// visitor drives the headless kiosk screens as a visitor's fingers do.
type visitor struct {
	t     *testing.T
	shell *ui.Kiosk
}

func (v visitor) tap(id string) {
	v.t.Helper()
	b, ok := v.shell.Screen().Buttons[id]
	if !ok {
		v.t.Fatalf("screen %s has no button %q", v.shell.Screen().Name, id)
	}
	test.Tap(b)
}

func (v visitor) screen() string { return v.shell.Screen().Name }

// walk begins the first walkthrough of the list (its start and the
// documents missing are written), then goes back home the way Escape does
// (the abandon is written).
func (v visitor) walk() {
	v.t.Helper()
	v.tap("guide")
	for id := range v.shell.Screen().Buttons {
		if strings.HasPrefix(id, "proc.") {
			v.tap(id)
			break
		}
	}
	for i := 0; i < 10 && v.screen() == "walk.check"; i++ {
		if _, ok := v.shell.Screen().Buttons["next"]; ok {
			v.tap("next")
		} else {
			v.tap("start")
		}
	}
	for i := 0; i < 20 && v.screen() != "home" && v.shell.Screen().Back != nil; i++ {
		v.shell.Screen().Back()
	}
}

// openKiosk is the real start-up on dir (log file included) with the
// screens in a headless window, as ui/launch builds them. The kiosk is an
// installed one (a mediator code is set), so it opens on the welcome and
// not on the first start's setup.
func openKiosk(t *testing.T, dir string) (*app.Kiosk, visitor) {
	t.Helper()
	log, closer, err := logging.Setup(dir, uitest.Writer(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closer.Close() })
	k, err := app.Open(dir, log)
	if err != nil {
		t.Fatalf("the kiosk does not start: %v", err)
	}
	// Closed before the tmpfs is unmounted, even when the test stops early.
	t.Cleanup(func() { k.Store.Close() })
	if set, err := k.PIN.IsSet(); err != nil {
		t.Fatal(err)
	} else if !set {
		if err := k.PIN.Set("4821"); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1024, 768))
	return k, visitor{t: t, shell: ui.Create(test.NewTempApp(t), w, launch.Services(k))}
}

// TestFullDisk fills the data directory's disk with visitors' sessions. The
// kiosk must go on (a plain message, then welcome, never a crash), tell
// the mediator console, and keep a sound file with every session stored
// as finished before the disk filled.
func TestFullDisk(t *testing.T) {
	dir := tinyDisk(t, "1m")
	k, v := openKiosk(t, dir)
	ctx := context.Background()
	var finished []session.Code
	full := false
	for i := 0; i < 5000 && !full; i++ {
		v.tap("start")
		if v.screen() == "error" {
			full = true
			break
		}
		code := k.Sessions.Current().Code
		v.walk()
		if v.screen() == "home" {
			v.tap("finish")
		}
		if rec, err := k.Store.SessionByCode(ctx, code); err == nil && rec.Status == session.Finished {
			finished = append(finished, code)
		}
		full = k.Health.Has(health.DiskFull)
		if v.screen() != "welcome" {
			v.tap("ok")
		}
	}
	if !full || len(finished) == 0 {
		t.Fatalf("after %d finished sessions the disk is still not full: the test proved nothing", len(finished))
	}
	t.Logf("disk full after %d finished sessions", len(finished))

	// The next visitors: a plain message, then welcome, again and again.
	for range 3 {
		if v.screen() != "welcome" {
			v.tap("ok")
		}
		v.tap("start")
		switch v.screen() {
		case "error":
			if got, want := v.shell.Screen().Labels["body"].Text, k.Text.T("fr", "error.storage"); got != want {
				t.Fatalf("message %q, want the plain %q", got, want)
			}
		case "home":
			// A checkpoint made room for a start; the end may still fail.
			v.tap("finish")
		default:
			t.Fatalf("screen %s after start on a full disk", v.screen())
		}
		v.tap("ok")
		if v.screen() != "welcome" {
			t.Fatalf("screen %s, want welcome", v.screen())
		}
	}
	alerts := k.Health.List()
	if !k.Health.Has(health.DiskFull) {
		t.Fatalf("alerts %+v: the disk full is not on the mediator's board", alerts)
	}
	for _, a := range alerts {
		if a.Kind == health.DiskFull {
			if text := k.Text.T("fr", a.Key()); !strings.Contains(text, "disque est plein") || !strings.Contains(text, "Libérez de la place") {
				t.Fatalf("the console says %q", text)
			}
		}
	}
	logText, _ := os.ReadFile(filepath.Join(dir, logging.FileName))
	if strings.Contains(string(logText), "screen crashed") {
		t.Fatalf("a screen crashed on the full disk:\n%s", logText)
	}

	// A restart on the still full disk: the kiosk starts.
	k.Store.Close()
	k2, _ := openKiosk(t, dir)
	k2.Store.Close()
	checkSound(t, dir, finished)
}

// checkSound checks the file once copied to a disk with room again (as
// when the mediator frees space): integrity_check is ok and every session
// in finished is there, finished.
func checkSound(t *testing.T, dir string, finished []session.Code) {
	t.Helper()
	room := t.TempDir()
	for _, name := range []string{store.FileName, store.FileName + "-wal"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(room, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(room, store.FileName)
	if got := storetest.Integrity(t, path); got != "ok" {
		t.Fatalf("integrity_check after the full disk: %s", got)
	}
	k, err := app.Open(room, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer k.Store.Close()
	for _, code := range finished {
		rec, err := k.Store.SessionByCode(context.Background(), code)
		if err != nil || rec.Status != session.Finished {
			t.Fatalf("session %s stored finished before the disk filled: %+v %v", code, rec, err)
		}
	}
}
