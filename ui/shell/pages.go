package shell

import (
	"pasapas/ui/kit"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// idleScreen asks an inactive visitor whether they are still there.
func (s *Shell) idleScreen() *Screen {
	sc := NewScreen("idle")
	yes := s.Button(sc, "continue", s.T("idle.continue"), widget.HighImportance, s.Resume)
	countdown := sc.Label("countdown", "")
	countdown.Alignment = fyne.TextAlignCenter
	countdown.SizeName = "subHeadingText"
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("idle.title")),
		countdown,
		kit.MainAction(yes, 420, 1.4),
	))
	// Any key at all means someone is there.
	sc.OnKey = func(*fyne.KeyEvent) bool { s.Resume(); return true }
	sc.OnRune = func(rune) { s.Resume() }
	return sc
}

// ShowError tells the visitor simply that something failed and starts over.
func (s *Shell) ShowError(msg string) {
	sc := NewScreen("error")
	sc.NoIdle = true
	sc.Until = s.Svc.Now().Add(2 * GoodbyeFor)
	ok := s.Button(sc, "ok", "OK", widget.HighImportance, s.BackToWelcome)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("error.title")),
		kit.Centred(sc.Label("body", msg)),
	), ok)
	sc.OnKey = func(*fyne.KeyEvent) bool { s.BackToWelcome(); return true }
	s.Show(sc)
}

// GoodbyeFor is how long the goodbye page stays before welcome returns.
const GoodbyeFor = 8 * time.Second
