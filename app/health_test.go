package app

import (
	"bytes"
	"context"
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
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
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
// check; it returns what Run returned and the log.
func startKiosk(t *testing.T, dir string, check func(*Kiosk)) (error, string) {
	t.Helper()
	var log bytes.Buffer
	noAlert := func(title, text string) { t.Errorf("alert %s: %s", title, text) }
	err := Run(dir, false, &log, noAlert, func(k *Kiosk) error {
		check(k)
		return nil
	})
	return err, log.String()
}

func TestUnusableDatabaseIsMovedAsideAndTheKioskStarts(t *testing.T) {
	for name, write := range brokenFiles {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, DBFileName)
			write(t, path)
			before, _ := os.ReadFile(path)

			err, log := startKiosk(t, dir, func(k *Kiosk) {
				if _, err := k.Sessions.Start("fr"); err != nil {
					t.Errorf("the fresh database does not take a session: %v", err)
				}
				alerts := k.Health.List()
				if len(alerts) != 1 || alerts[0].Kind != health.DatabaseMovedAside || !strings.HasPrefix(alerts[0].Detail, DBFileName+".broken-") {
					t.Errorf("alerts %+v, want one database.moved_aside", alerts)
				}
			})
			if err != nil {
				t.Fatalf("%v: %s", err, log)
			}
			if !strings.Contains(log, "moved aside") {
				t.Errorf("the log does not say the file was moved aside:\n%s", log)
			}
			moved := MovedAsideFiles(dir)
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
	brokenFiles["text file"](t, filepath.Join(dir, DBFileName))
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
	brokenFiles["random bytes"](t, filepath.Join(dir, DBFileName))
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
	path := filepath.Join(dir, DBFileName)
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
	if moved := MovedAsideFiles(dir); len(moved) != 0 {
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
	path := filepath.Join(dir, DBFileName)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Chmod(path, 0)
	if _, err := Open(dir, logrus.New()); err == nil {
		t.Fatal("opened an unreadable file")
	}
	if moved := MovedAsideFiles(dir); len(moved) != 0 {
		t.Fatalf("moved aside: %v", moved)
	}
}

func TestContentRejectedIsRaised(t *testing.T) {
	// The centre's content loaders (question bank, walkthroughs) land
	// separately; the board only needs their report.
	board := health.NewBoard(nil)
	dir := t.TempDir()
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, report, err := LoadContent(filepath.Join(dir, ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	report.Add("questions/x.yaml", content.Centre, &content.Error{File: "questions/x.yaml", Line: 3, Msg: "bad"})
	raiseStartAlerts(context.Background(), st, board, dir, report, logrus.New())
	if got := board.List(); len(got) != 1 || got[0].Kind != health.ContentRejected {
		t.Fatalf("alerts %+v", got)
	}
}

// TestFailedAssessmentSaveIsRaised: the assessment result is written
// through the same watch as sessions, so its failure reaches the console.
func TestFailedAssessmentSaveIsRaised(t *testing.T) {
	k, err := Open(t.TempDir(), logrus.New())
	if err != nil {
		t.Fatal(err)
	}
	k.Store.Close() // every write now fails
	if err := k.Assessments.SaveAssessment(context.Background(), "id", assessment.Result{}); err == nil {
		t.Fatal("saved on a closed store")
	}
	if !k.Health.Has(health.StorageError) {
		t.Fatalf("alerts %+v, want storage.error", k.Health.List())
	}
}

// TestStaleWalkthroughIsRaised: a walkthrough checked more than 12 months
// before the (injected) day raises one alert naming it; one checked within
// the year raises none.
func TestStaleWalkthroughIsRaised(t *testing.T) {
	old := &walkthrough.Procedure{ID: "caf", Title: walkthrough.Text{"fr": "CAF : déclaration"}, File: "walkthroughs/04-caf.yaml",
		Source: walkthrough.Source{URL: "https://www.caf.fr/", Checked: "2025-12-01"}}
	recent := &walkthrough.Procedure{ID: "ameli", Title: walkthrough.Text{"fr": "ameli"}, File: "walkthroughs/03-ameli.yaml",
		Source: walkthrough.Source{URL: "https://www.ameli.fr/", Checked: "2026-01-15"}}
	walks := walkthrough.NewSet(old, recent)
	day := time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local)
	board := health.NewBoard(func() time.Time { return day })
	raiseStaleWalkthroughs(board, walks, day)
	got := board.List()
	if len(got) != 1 || got[0].Kind != health.ContentStale || got[0].Detail != "CAF : déclaration (walkthroughs/04-caf.yaml, vérifiée le 01/12/2025)" {
		t.Fatalf("alerts %+v", got)
	}
	// A year to the day is not stale yet.
	board = health.NewBoard(nil)
	raiseStaleWalkthroughs(board, walks, time.Date(2026, 12, 1, 18, 0, 0, 0, time.Local))
	if len(board.List()) != 0 {
		t.Fatalf("alerts on the anniversary: %+v", board.List())
	}
}
