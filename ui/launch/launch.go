// Package launch opens the real kiosk window. It is kept apart from ui so
// that the screens' tests never link the OpenGL driver.
package launch

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"pasapas/app"
	"pasapas/assets"
	"pasapas/ui"
	"pasapas/ui/shell"
)

// AppID is the kiosk's application ID (FyneApp.toml).
const AppID = "fr.pasapas.kiosk"

// Services is what the screens need, taken from the opened kiosk; Quit and
// Restart are the caller's (the window's). The fault tests drive the
// headless screens with it, as the real window does.
func Services(k *app.Kiosk) shell.Services {
	return shell.Services{
		Sessions:          k.Sessions,
		PIN:               k.PIN,
		Text:              k.Text,
		Log:               k.Log,
		IdleTimeout:       k.IdleTimeout,
		IdleGrace:         k.IdleGrace,
		DefaultLang:       k.DefaultLang,
		DefaultTextStep:   k.DefaultTextStep,
		Speech:            k.Speech,
		AutoRead:          k.AutoRead,
		Console:           k.Store,
		ContentReport:     k.ContentReport,
		Health:            k.Health,
		SessionView:       k.SessionView,
		PrintSummary:      k.PrintSummary,
		PrintTestPage:     k.PrintTestPage,
		PushNow:           k.PushNow,
		CodeFromInstaller: k.CodeFromInstaller,
		Questions:         k.Content.Questions,
		Assessments:       k.Assessments,
		Walkthroughs:      k.Content.Walkthroughs,
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
	shell := ui.Create(a, w, svc)
	defer k.Speech.Stop()
	done := make(chan struct{})
	defer close(done)
	shell.Run(done)
	w.Show()
	if err := fl.checkWindow(w); err != nil {
		var gl noOpenGL
		if errors.As(err, &gl) {
			reportNoOpenGL(k, gl)
		}
		return err
	}
	a.Run()
	if restart {
		return app.ErrRestart
	}
	return nil
}
