// Package launch opens the real kiosk window. It is kept apart from ui so
// that the screens' tests never link the OpenGL driver.
package launch

import (
	"errors"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"pasapas/app"
	"pasapas/assets"
	"pasapas/ui"
	"pasapas/ui/shell"
)

// AppID is the kiosk's application ID (FyneApp.toml).
const AppID = "fr.pasapas.kiosk"

// Services is what the screens need, taken from the kiosk: from Begin, the
// content and the voice come later (Arrive); from Open, they are there.
// Quit and Restart are the caller's (the window's). The fault tests drive
// the headless screens with it, as the real window does.
func Services(k *app.Kiosk) shell.Services {
	svc := shell.Services{
		Sessions:          k.Sessions,
		PIN:               k.PIN,
		Text:              k.Text,
		Log:               k.Log,
		IdleTimeout:       k.IdleTimeout,
		IdleGrace:         k.IdleGrace,
		DefaultLang:       k.DefaultLang,
		DefaultTextStep:   k.DefaultTextStep,
		AutoRead:          k.AutoRead,
		Console:           k.Store,
		Health:            k.Health,
		SessionView:       k.SessionView,
		PrintSummary:      k.PrintSummary,
		PrintTestPage:     k.PrintTestPage,
		PushNow:           k.PushNow,
		CodeFromInstaller: k.CodeFromInstaller,
		Assessments:       k.Assessments,
		Speech:            k.Speech,
		ContentLater:      k.Content == nil,
		Codes:             k.Codes,
		Progress:          k.Store.Progress,
		NewContent: func() *shell.ContentUpdate {
			c, report := k.TakeNewContent()
			if c == nil {
				return nil
			}
			return &shell.ContentUpdate{Questions: c.Questions, Walkthroughs: c.Walkthroughs, Report: report}
		},
	}
	if k.Content != nil {
		svc.Questions, svc.Walkthroughs, svc.ContentReport = k.Content.Questions, k.Content.Walkthroughs, k.ContentReport
	}
	return svc
}

// Kiosk shows the kiosk full screen (or in a 1280×800 window) until the
// mediator quits it.
func Kiosk(k *app.Kiosk) error {
	fl := &fyneLog{log: k.Log}
	log.SetFlags(0)
	log.SetOutput(fl)
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	w := a.NewWindow("Pas à Pas")
	if k.Windowed {
		w.Resize(fyne.NewSize(1280, 800))
	} else {
		w.SetFullScreen(true)
	}
	restart := false
	svc := Services(k)
	svc.Quit = a.Quit
	svc.Restart = func() { restart = true; a.Quit() }
	// The window maps first and the screens are built before Fyne's loop
	// draws its first frame: measuring their texts parses the fonts, which
	// a bare window does in its first frame too.
	w.Show()
	if err := fl.checkWindow(w); err != nil {
		var gl noOpenGL
		if errors.As(err, &gl) {
			reportNoOpenGL(k, gl)
		}
		return err
	}
	shell := ui.Create(a, w, svc)
	late := func() error { return nil }
	if svc.ContentLater {
		late = Arrive(k, shell.Shell, a.Quit)
		// The loading starts with Fyne's loop, once the window is up.
		a.Lifecycle().SetOnStarted(k.Continue)
	}
	defer func() { k.Speech.Stop() }()
	done := make(chan struct{})
	defer close(done)
	shell.Run(done)
	a.Run()
	if err := late(); err != nil {
		return err
	}
	if restart {
		return app.ErrRestart
	}
	return nil
}

// Arrive hands the content and the voice Begin loaded behind the window to
// its screens as they come, on Fyne's goroutine. Content that cannot be
// used (a broken built-in file) quits the window; the error returned then
// is an *app.LateError, which app.Run tells the person at the screen.
func Arrive(k *app.Kiosk, sh *shell.Shell, quit func()) (late func() error) {
	var err error
	var mu sync.Mutex
	go func() {
		l := <-k.Later.Content
		fyne.Do(func() {
			if e := k.Settle(l); e != nil {
				mu.Lock()
				err = &app.LateError{Err: e}
				mu.Unlock()
				quit()
				return
			}
			sh.Opening.Content(shell.ContentUpdate{Questions: k.Content.Questions, Walkthroughs: k.Content.Walkthroughs, Report: k.ContentReport})
		})
	}()
	go func() {
		sp := <-k.Later.Voice
		k.Log.Info(sp.Status(k.Text.Codes()))
		fyne.Do(func() {
			k.Speech = sp
			sh.Opening.Voice(sp)
		})
	}()
	return func() error {
		mu.Lock()
		defer mu.Unlock()
		return err
	}
}
