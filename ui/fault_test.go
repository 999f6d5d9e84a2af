package ui

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/session"
)

// marker is text a visitor might type; it must never reach a log, the
// database, an export or a printout.
const marker = "MarqueurVisiteurZQXJW"

// syncBuffer is a log sink the test can read while the shell writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// captureLog sends the shell's log to a buffer the test reads.
func captureLog(k *kiosk) *syncBuffer {
	buf := &syncBuffer{}
	log := logrus.New()
	log.SetOutput(buf)
	k.shell.svc.Log = log
	return buf
}

// wantCleanCrash checks what every crash must leave: the error screen, the
// session stored as abandoned, a stack trace in the log and no visitor data.
func wantCleanCrash(t *testing.T, k *kiosk, log *syncBuffer, code session.Code) {
	t.Helper()
	k.wantScreen("error")
	if k.shell.svc.Sessions.Current() != nil {
		t.Fatal("the session is still open after a crash")
	}
	if code != "" {
		if rec := k.stored(code); rec.Status != session.Abandoned {
			t.Fatalf("status %s after a crash, want abandoned", rec.Status)
		}
	}
	out := log.String()
	if !strings.Contains(out, "screen crashed") || !strings.Contains(out, "goroutine ") || !strings.Contains(out, "pasapas/ui.") {
		t.Fatalf("the log has no stack trace:\n%s", out)
	}
	if strings.Contains(out, marker) {
		t.Fatalf("the log holds what the visitor typed:\n%s", out)
	}
	// The kiosk carries on: OK, then a new visitor.
	k.tap("ok")
	k.wantScreen("welcome")
	k.tap("start")
	k.wantScreen("home")
}

// crashWithVisitorText panics the way a careless handler would: with an
// error quoting what the visitor typed.
func crashWithVisitorText() { panic(fmt.Errorf("cannot parse %q", marker)) }

// TestCrashInEveryScreen makes a button of every screen panic, then a key
// handler, and checks each time the kiosk recovers cleanly.
func TestCrashInEveryScreen(t *testing.T) {
	names := make([]string, 0, len(visitorScreens))
	for name := range visitorScreens {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			k := newKiosk(t)
			log := captureLog(k)
			visitorScreens[name](k)
			sc := k.shell.screen
			if len(sc.Buttons) == 0 {
				t.Fatalf("screen %s has no button to crash", sc.Name)
			}
			ids := make([]string, 0, len(sc.Buttons))
			for id := range sc.Buttons {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			var code session.Code
			if cur := k.shell.svc.Sessions.Current(); cur != nil {
				code = cur.Code
			}
			sc.Buttons[ids[0]].OnTapped = k.shell.act(crashWithVisitorText)
			k.tap(ids[0])
			wantCleanCrash(t, k, log, code)

			// A key handler of the same screen.
			k2 := newKiosk(t)
			log2 := captureLog(k2)
			visitorScreens[name](k2)
			code = ""
			if cur := k2.shell.svc.Sessions.Current(); cur != nil {
				code = cur.Code
			}
			k2.shell.screen.OnRune = func(rune) { crashWithVisitorText() }
			k2.shell.typedRune('x')
			wantCleanCrash(t, k2, log2, code)
		})
	}
}

// TestCrashInTheTick: the once-a-second tick runs outside any handler (on
// fyne.Do from the ticker goroutine); a panic there must not end the
// process either.
func TestCrashInTheTick(t *testing.T) {
	k := newKiosk(t)
	log := captureLog(k)
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code
	armed := false
	k.shell.idle = session.NewIdleWatch(time.Minute, time.Minute, func() time.Time {
		if armed {
			var m map[string]int
			m[marker]++ // a nil map: a runtime error, as a real bug would give
		}
		return k.now
	})
	armed = true
	k.shell.Tick()
	armed = false
	wantCleanCrash(t, k, log, code)
}

// TestCrashInTheLongPressTimer: the logo's long press fires from a timer.
func TestCrashInTheLongPressTimer(t *testing.T) {
	k := newKiosk(t)
	log := captureLog(k)
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code
	var fire func()
	k.shell.topBar.logo.after = func(_ time.Duration, f func()) func() { fire = f; return func() {} }
	guard := k.shell.svc.PIN
	k.shell.svc.PIN = nil // reading the PIN state now dereferences nil
	k.shell.topBar.logo.MouseDown(nil)
	fire()
	k.shell.svc.PIN = guard
	wantCleanCrash(t, k, log, code)
}
