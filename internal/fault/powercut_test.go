package fault

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"pasapas/app"
	"pasapas/app/logging"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/app/store/storetest"
)

const (
	driverEnv = "PASAPAS_FAULT_DRIVER"
	// eventsPerSession is what the driver records before finishing: a
	// session shown as finished must have all of them.
	eventsPerSession = 5
)

// driver is the kiosk core as the power-cut test runs it in a child
// process: the real start-up (app.Open: recovery, abandoned sessions), then
// sessions one after the other through the real store. It prints "ready",
// then "finished CODE" once each session's end is stored, and runs until
// killed.
func driver(dir string) int {
	log, closer, err := logging.Setup(dir, io.Discard)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer closer.Close()
	k, err := app.Open(dir, log)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	for {
		rec, err := k.Sessions.Start("fr")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		for i := range eventsPerSession {
			if err := k.Sessions.Record("assessment.answer", session.Payload{"item": "q" + strconv.Itoa(i), "answer": "a"}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
		}
		if err := k.Sessions.Finish(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		// An unbuffered write: once the parent reads it, the session was
		// stored as finished before the kill.
		fmt.Println("finished", string(rec.Code))
	}
}

// TestPowerCut kills the kiosk core with SIGKILL at random moments, again
// and again for PASAPAS_POWERCUT_SECONDS (default 15), and checks after
// each kill what a restart finds: a sound file, every session reported
// finished still finished with all its events, nothing half-written shown
// as finished, nothing left active.
func TestPowerCut(t *testing.T) {
	length := envDuration(t, "PASAPAS_POWERCUT_SECONDS", 15*time.Second)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, running for %v", seed, length)
	rnd := rand.New(rand.NewPCG(seed, 0))
	dir := t.TempDir()
	finished := map[string]bool{}
	deadline := time.Now().Add(length)
	kills, duringStart := 0, 0
	for time.Now().Before(deadline) {
		// One kill in five lands during start-up (migration, recovery,
		// abandoning open sessions); the rest mid-session.
		early := rnd.IntN(5) == 0
		delay := time.Duration(rnd.IntN(150)) * time.Millisecond
		codes, ready := runAndKill(t, dir, early, delay)
		for _, c := range codes {
			finished[c] = true
		}
		kills++
		if !ready {
			duringStart++
		}
		checkAfterPowerCut(t, dir, finished)
		if t.Failed() {
			t.Fatalf("after kill %d (seed %d)", kills, seed)
		}
	}
	t.Logf("%d kills (%d during start-up), %d sessions reported finished, all kept", kills, duringStart, len(finished))
	if kills < 10 || len(finished) == 0 {
		t.Fatalf("only %d kills and %d finished sessions: the test proved nothing", kills, len(finished))
	}
}

// runAndKill starts the driver and kills it: early, at a random moment after
// the start; otherwise delay after it said ready. It returns the codes it
// reported finished and whether it got ready.
func runAndKill(t *testing.T, dir string, early bool, delay time.Duration) (codes []string, ready bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), driverEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	kill := time.After(delay)
	if !early {
		kill = nil
	}
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the driver stopped by itself: %s", stderr.String())
			}
			switch {
			case line == "ready":
				ready = true
				if kill == nil {
					kill = time.After(delay)
				}
			case strings.HasPrefix(line, "finished "):
				codes = append(codes, strings.TrimPrefix(line, "finished "))
			}
		case <-kill:
			cmd.Process.Signal(syscall.SIGKILL)
			// Lines already written before the kill still count.
			for line := range lines {
				if strings.HasPrefix(line, "finished ") {
					codes = append(codes, strings.TrimPrefix(line, "finished "))
				}
			}
			cmd.Wait()
			return codes, ready
		}
	}
}

func checkAfterPowerCut(t *testing.T, dir string, finished map[string]bool) {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	if _, err := os.Stat(path); os.IsNotExist(err) {
		if len(finished) > 0 {
			t.Fatal("the database is gone")
		}
		return
	}
	if check := storetest.Integrity(t, path); check != "ok" {
		t.Fatalf("integrity_check: %q", check)
	}

	// The real start-up: nothing may be moved aside, open sessions end.
	k, err := app.Open(dir, quietLog())
	if err != nil {
		t.Fatalf("the kiosk does not start after the kill: %v", err)
	}
	defer k.Store.Close()
	if alerts := k.Health.List(); len(alerts) > 0 {
		t.Fatalf("alerts after a power cut: %+v", alerts)
	}
	ctx := context.Background()
	for code := range finished {
		rec, err := k.Store.SessionByCode(ctx, session.Code(code))
		if err != nil {
			t.Fatalf("session %s reported finished is gone: %v", code, err)
		}
		if rec.Status != session.Finished {
			t.Fatalf("session %s reported finished is %s", code, rec.Status)
		}
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT s.code, s.status, s.ended_at IS NOT NULL, (SELECT count(*) FROM events e WHERE e.session_id = s.id) FROM sessions s`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var code, status string
		var ended bool
		var events int
		if err := rows.Scan(&code, &status, &ended, &events); err != nil {
			t.Fatal(err)
		}
		switch {
		case status == string(session.Active):
			t.Fatalf("session %s still active after a restart", code)
		case !ended:
			t.Fatalf("session %s %s without an end time", code, status)
		case status == string(session.Finished) && events != eventsPerSession:
			t.Fatalf("session %s shown finished with %d of %d events", code, events, eventsPerSession)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}
