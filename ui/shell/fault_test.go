package shell_test

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
	"pasapas/ui/uitest"
)

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
func captureLog(k *uitest.Kiosk) *syncBuffer {
	buf := &syncBuffer{}
	log := logrus.New()
	log.SetOutput(buf)
	k.UI.Svc.Log = log
	return buf
}

// wantCleanCrash checks what every crash must leave: the error screen, the
// session stored as abandoned, a stack trace in the log and no visitor data.
func wantCleanCrash(t *testing.T, k *uitest.Kiosk, log *syncBuffer, code session.Code) {
	t.Helper()
	k.WantScreen("error")
	if k.UI.Svc.Sessions.Current() != nil {
		t.Fatal("the session is still open after a crash")
	}
	if code != "" {
		if rec := k.Stored(code); rec.Status != session.Abandoned {
			t.Fatalf("status %s after a crash, want abandoned", rec.Status)
		}
	}
	out := log.String()
	if !strings.Contains(out, "screen crashed") || !strings.Contains(out, "goroutine ") || !strings.Contains(out, "pasapas/ui/") {
		t.Fatalf("the log has no stack trace:\n%s", out)
	}
	if strings.Contains(out, uitest.Marker) {
		t.Fatalf("the log holds what the visitor typed:\n%s", out)
	}
	// The kiosk carries on: OK, then a new visitor.
	k.Tap("ok")
	k.WantScreen("welcome")
	k.Tap("start")
	k.WantScreen("home")
}

// crashWithVisitorText panics the way a careless handler would: with an
// error quoting what the visitor typed.
func crashWithVisitorText() { panic(fmt.Errorf("cannot parse %q", uitest.Marker)) }

// TestCrashInEveryScreen makes a button of every screen panic, then a key
// handler, and checks each time the kiosk recovers cleanly.
func TestCrashInEveryScreen(t *testing.T) {
	names := make([]string, 0, len(uitest.VisitorScreens))
	for name := range uitest.VisitorScreens {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			k := uitest.New(t)
			log := captureLog(k)
			uitest.VisitorScreens[name](k)
			sc := k.UI.Screen()
			if len(sc.Buttons) == 0 {
				t.Fatalf("screen %s has no button to crash", sc.Name)
			}
			ids := make([]string, 0, len(sc.Buttons))
			for id := range sc.Buttons {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			var code session.Code
			if cur := k.UI.Svc.Sessions.Current(); cur != nil {
				code = cur.Code
			}
			sc.Buttons[ids[0]].OnTapped = k.UI.Act(crashWithVisitorText)
			k.Tap(ids[0])
			wantCleanCrash(t, k, log, code)

			// A key handler of the same screen.
			k2 := uitest.New(t)
			log2 := captureLog(k2)
			uitest.VisitorScreens[name](k2)
			code = ""
			if cur := k2.UI.Svc.Sessions.Current(); cur != nil {
				code = cur.Code
			}
			k2.UI.Screen().OnRune = func(rune) { crashWithVisitorText() }
			k2.TypeRune('x')
			wantCleanCrash(t, k2, log2, code)
		})
	}
}

// TestCrashInTheTick: the once-a-second tick runs outside any handler (on
// fyne.Do from the ticker goroutine); a panic there must not end the
// process either.
func TestCrashInTheTick(t *testing.T) {
	k := uitest.New(t)
	log := captureLog(k)
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code
	armed := false
	k.UI.SetIdle(session.NewIdleWatch(time.Minute, time.Minute, func() time.Time {
		if armed {
			var m map[string]int
			m[uitest.Marker]++ // a nil map: a runtime error, as a real bug would give
		}
		return k.Now
	}))
	armed = true
	k.UI.Tick()
	armed = false
	wantCleanCrash(t, k, log, code)
}

// TestCrashInTheLongPressTimer: the logo's long press fires from a timer.
func TestCrashInTheLongPressTimer(t *testing.T) {
	k := uitest.New(t)
	log := captureLog(k)
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code
	var fire func()
	k.UI.Logo().SetAfter(func(_ time.Duration, f func()) func() { fire = f; return func() {} })
	guard := k.UI.Svc.PIN
	k.UI.Svc.PIN = nil // reading the PIN state now dereferences nil
	k.UI.Logo().MouseDown(nil)
	fire()
	k.UI.Svc.PIN = guard
	wantCleanCrash(t, k, log, code)
}
