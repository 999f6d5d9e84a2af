package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// GoodbyeFor is how long the goodbye page stays before welcome returns.
const GoodbyeFor = 8 * time.Second

// idleScreen asks an inactive visitor whether they are still there.
func (s *Shell) idleScreen() *Screen {
	sc := newScreen("idle")
	yes := s.button(sc, "continue", s.T("idle.continue"), widget.HighImportance, s.resume)
	countdown := label(sc, "countdown", "")
	countdown.Alignment = fyne.TextAlignCenter
	countdown.SizeName = "subHeadingText"
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.T("idle.title")),
		countdown,
		mainAction(yes, 420, 1.4),
	))
	// Any key at all means someone is there.
	sc.OnKey = func(*fyne.KeyEvent) bool { s.resume(); return true }
	sc.OnRune = func(rune) { s.resume() }
	return sc
}

// showGoodbye thanks the visitor and returns to welcome by itself.
func (s *Shell) showGoodbye() {
	sc := newScreen("goodbye")
	sc.NoIdle = true
	sc.Until = s.svc.Now().Add(GoodbyeFor)
	ok := s.button(sc, "ok", "OK", widget.HighImportance, s.backToWelcome)
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.T("goodbye.title")),
		centred(label(sc, "body", s.T("goodbye.body"))),
	), ok)
	sc.OnKey = func(*fyne.KeyEvent) bool { s.backToWelcome(); return true }
	s.show(sc)
}

// showError tells the visitor simply that something failed and starts over.
func (s *Shell) showError(msg string) {
	sc := newScreen("error")
	sc.NoIdle = true
	sc.Until = s.svc.Now().Add(2 * GoodbyeFor)
	ok := s.button(sc, "ok", "OK", widget.HighImportance, s.backToWelcome)
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.T("error.title")),
		centred(label(sc, "body", msg)),
	), ok)
	sc.OnKey = func(*fyne.KeyEvent) bool { s.backToWelcome(); return true }
	s.show(sc)
}

func centred(l *widget.Label) *widget.Label {
	l.Alignment = fyne.TextAlignCenter
	return l
}
