package launch

import (
	"errors"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/ui"
)

func begin(t *testing.T) *app.Kiosk {
	t.Helper()
	log := logrus.New()
	log.SetOutput(io.Discard)
	k, err := app.Begin(t.TempDir(), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Store.Close() })
	return k
}

// TestContentArrivesBehindTheWindow: the screens start without the content
// and take it, and the voice, once Begin has loaded them.
func TestContentArrivesBehindTheWindow(t *testing.T) {
	k := begin(t)
	svc := Services(k)
	if !svc.ContentLater || svc.Questions != nil {
		t.Fatal("Begin's kiosk hands its screens content it has not loaded")
	}
	sh := ui.Create(test.NewTempApp(t), test.NewTempWindow(t, nil), svc)
	late := Arrive(k, sh.Shell, func() { t.Error("quit with sound content") })
	if k.Content != nil {
		t.Fatal("the content loaded before the window asked for it")
	}
	k.Continue() // as the window does once it is up
	until(t, "the content and the voice", func() bool { return sh.Svc.Walkthroughs != nil && k.Speech != nil })
	if sh.Svc.Questions == nil || sh.Svc.ContentReport == nil || k.Content == nil {
		t.Fatal("the content came in part")
	}
	if err := late(); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenContentStopsTheWindow: content found unusable once the window
// shows quits it with an app.LateError, which app.Run tells the person at
// the screen.
func TestBrokenContentStopsTheWindow(t *testing.T) {
	k := begin(t)
	broken := make(chan app.Loaded, 1)
	broken <- app.Loaded{Err: errors.New("built-in content: walkthroughs/x.yaml:3: title: missing")}
	k.Later.Content = broken
	sh := ui.Create(test.NewTempApp(t), test.NewTempWindow(t, nil), Services(k))
	quit := make(chan struct{})
	late := Arrive(k, sh.Shell, func() { close(quit) })
	<-quit
	var le *app.LateError
	if err := late(); !errors.As(err, &le) || le.Err.Error() != "built-in content: walkthroughs/x.yaml:3: title: missing" {
		t.Fatalf("late error %v", err)
	}
}

func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s after 10 s", what)
		}
	}
}
