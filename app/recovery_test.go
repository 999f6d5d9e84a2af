package app

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/app/store/storetest"
)

// brokenFiles writes each kind of unusable database file a kiosk may find:
// the disk's own garbage, a file someone copied over it, another program's
// SQLite file, a file cut short.
var brokenFiles = map[string]func(t *testing.T, path string){
	"random bytes": func(t *testing.T, path string) {
		b := make([]byte, 8192)
		rand.Read(b)
		writeFile(t, path, b)
	},
	"text file": func(t *testing.T, path string) {
		writeFile(t, path, []byte(strings.Repeat("Ceci n'est pas une base de données.\n", 200)))
	},
	"other program's SQLite": func(t *testing.T, path string) {
		foreign(t, path, `CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('x', 'y')`)
	},
	"other program's SQLite with a version": func(t *testing.T, path string) {
		foreign(t, path, `CREATE TABLE sessions (token TEXT); PRAGMA user_version = 1`)
	},
	"other program's application_id": func(t *testing.T, path string) {
		foreign(t, path, `PRAGMA application_id = 1179603798`)
	},
	"truncated": func(t *testing.T, path string) {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		svc := session.NewService(st, "k", nil)
		for i := 0; i < 300; i++ {
			svc.Start("fr")
			svc.Record("step", session.Payload{"n": "1"})
			svc.Finish()
		}
		st.Close()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, b[:len(b)/2])
	},
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func foreign(t *testing.T, path, script string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
}

// startKiosk runs the kiosk on dir up to the window, which it replaces by
// check; it returns the log and what Run returned.
func startKiosk(t *testing.T, dir string, check func(*Kiosk)) (string, error) {
	t.Helper()
	var log bytes.Buffer
	noAlert := func(title, text string) { t.Errorf("alert %s: %s", title, text) }
	err := Run(dir, false, &log, noAlert, func(k *Kiosk) error {
		check(k)
		return nil
	})
	return log.String(), err
}

func TestUnusableDatabaseIsMovedAsideAndTheKioskStarts(t *testing.T) {
	for name, write := range brokenFiles {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, store.FileName)
			write(t, path)
			before, _ := os.ReadFile(path)

			log, err := startKiosk(t, dir, func(k *Kiosk) {
				if _, err := k.Sessions.Start("fr"); err != nil {
					t.Errorf("the fresh database does not take a session: %v", err)
				}
				alerts := k.Health.List()
				if len(alerts) != 1 || alerts[0].Kind != health.DatabaseMovedAside || !strings.HasPrefix(alerts[0].Detail, store.FileName+".broken-") {
					t.Errorf("alerts %+v, want one database.moved_aside", alerts)
				}
			})
			if err != nil {
				t.Fatalf("%v: %s", err, log)
			}
			if !strings.Contains(log, "moved aside") {
				t.Errorf("the log does not say the file was moved aside:\n%s", log)
			}
			moved := store.MovedAsideFiles(dir)
			if len(moved) != 1 {
				t.Fatalf("moved-aside files %v", moved)
			}
			if kept, _ := os.ReadFile(filepath.Join(dir, moved[0])); !bytes.Equal(kept, before) {
				t.Fatal("the moved-aside file is not the original")
			}
			if storetest.Integrity(t, path) != "ok" {
				t.Fatal("the fresh database is not sound")
			}
		})
	}
}

// TestMovedAsideAlertLastsUntilDismissed: the mediator may not open the
// console before the next restart; the alert stays until read.
func TestMovedAsideAlertLastsUntilDismissed(t *testing.T) {
	dir := t.TempDir()
	brokenFiles["text file"](t, filepath.Join(dir, store.FileName))
	var first health.Alert
	startKiosk(t, dir, func(k *Kiosk) { first = k.Health.List()[0] })
	startKiosk(t, dir, func(k *Kiosk) {
		if got := k.Health.List(); len(got) != 1 || got[0].Detail != first.Detail {
			t.Fatalf("after a restart: %+v", got)
		}
		k.Health.Dismiss(first)
	})
	startKiosk(t, dir, func(k *Kiosk) {
		if got := k.Health.List(); len(got) != 0 {
			t.Fatalf("dismissed alert back after a restart: %+v", got)
		}
	})
	// A second breakage is a new alert. (The first one's dismissal was kept
	// in the database just lost, so it may come back: noise, not harm.)
	time.Sleep(1100 * time.Millisecond) // a distinct name
	brokenFiles["random bytes"](t, filepath.Join(dir, store.FileName))
	startKiosk(t, dir, func(k *Kiosk) {
		if got := k.Health.List(); len(got) == 0 || got[len(got)-1].Detail == first.Detail {
			t.Fatalf("second breakage: %+v", got)
		}
	})
}

// TestNewerDatabaseIsRefusedUntouched: a file from a newer version holds
// good sessions; the program is what is out of date. The kiosk refuses to
// start, says to update, and leaves the file exactly as it was.
func TestNewerDatabaseIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	foreign(t, path, `PRAGMA user_version = 99`)
	before, _ := os.ReadFile(path)

	// The message goes to the screen (a message box on Windows), not only
	// to standard error, which a GUI program does not have there.
	var alerted string
	alert := func(title, text string) { alerted = title + "\n" + text }
	err = Run(dir, false, io.Discard, alert, func(*Kiosk) error { t.Fatal("the kiosk opened on a newer database"); return nil })
	if err == nil || !strings.Contains(alerted, "ne peut pas démarrer") || !strings.Contains(alerted, "Installez la dernière version") {
		t.Fatalf("%v, alert:\n%s", err, alerted)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the newer database was changed")
	}
	if moved := store.MovedAsideFiles(dir); len(moved) != 0 {
		t.Fatalf("the newer database was moved aside: %v", moved)
	}
}

// TestUnreadableDatabaseIsNotMovedAside: a permission problem is not a
// broken file; moving it aside would lose sessions for nothing.
func TestUnreadableDatabaseIsNotMovedAside(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file: no permission error to provoke")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, store.FileName)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Chmod(path, 0)
	if _, err := Open(dir, logrus.New()); err == nil {
		t.Fatal("opened an unreadable file")
	}
	if moved := store.MovedAsideFiles(dir); len(moved) != 0 {
		t.Fatalf("moved aside: %v", moved)
	}
}
