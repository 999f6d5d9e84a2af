package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
)

// printButton is the "Imprimer mon résumé" button of the assessment result
// and of the end of a walkthrough.
func (s *Shell) printButton(sc *Screen) *Button {
	b := s.button(sc, "print", s.T("print.ui.button"), widget.MediumImportance, s.printSummary)
	b.Icon = theme.DocumentPrintIcon()
	if s.svc.PrintSummary == nil {
		b.Hide()
	}
	return b
}

// printSummary prints the open session's summary and shows how it goes.
// Printing waits for the printer, up to a minute or more, so it runs in
// the background while the screen says what is happening; the visitor may
// leave with "Retour" at any time. A failed print loses nothing: the
// session is stored, and the mediator reprints it by its code. "Retour"
// goes back to the screen it was called from.
func (s *Shell) printSummary() {
	from := s.screen
	back := func() { s.show(from) }
	cur := s.svc.Sessions.Current()
	if cur == nil || s.svc.PrintSummary == nil || from == nil {
		return
	}
	code := cur.Code
	sc := s.printScreen("print", s.T("print.ui.title"), s.T("print.ui.printing"), code, back)
	s.show(sc)
	s.printInBackground(code, func(err error) { s.printed(sc, code, err, back) })
}

// printInBackground prints the summary of the session with code without
// holding the window (a print may wait a minute for the printer), then
// calls done with the outcome on the UI goroutine.
func (s *Shell) printInBackground(code session.Code, done func(error)) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		err := s.svc.PrintSummary(code)
		fyne.Do(func() { done(err) })
	}()
}

// printed shows the outcome, unless the visitor has moved on: then it only
// replaces the printing screen kept under the idle prompt, if it is there.
func (s *Shell) printed(waiting *Screen, code session.Code, err error, back func()) {
	var sc *Screen
	if err != nil {
		s.svc.Log.WithError(err).WithField("code", code.String()).Warn("summary not printed")
		sc = s.printScreen("print.failed", s.T("print.ui.failed.title"), s.T("print.ui.failed", "code", code.String()), code, back)
	} else {
		sc = s.printScreen("print.done", s.T("print.ui.done.title"), s.T("print.ui.done"), code, back)
	}
	switch waiting {
	case s.screen:
		s.show(sc)
	case s.under:
		s.under = sc
	}
}

// printScreen is one state of printing: a printer pictogram, a title, what
// to do, and the session code when the body does not already say it.
func (s *Shell) printScreen(name, title, body string, code session.Code, back func()) *Screen {
	sc := newScreen(name)
	icon := canvas.NewImageFromResource(theme.DocumentPrintIcon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(2 * MinTouchTarget))
	parts := []fyne.CanvasObject{icon, heading(sc, "title", title), centred(label(sc, "body", body))}
	if !strings.Contains(body, code.String()) {
		codeLabel := centred(label(sc, "code", s.T("home.code", "code", code.String())))
		codeLabel.TextStyle.Bold = true
		parts = append(parts, codeLabel)
	}
	ok := s.button(sc, "back", s.T("common.back"), widget.HighImportance, back)
	sc.Back = back
	sc.Content = page(container.NewVBox(parts...), ok)
	return sc
}
