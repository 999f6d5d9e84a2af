package visitor

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// PrintButton is the "Imprimer mon résumé" button of the assessment result
// and of the end of a walkthrough.
func (s *Screens) PrintButton(sc *shell.Screen) *kit.Button {
	b := s.Button(sc, "print", s.T("print.ui.button"), widget.MediumImportance, s.PrintSummary)
	b.Icon = theme.DocumentPrintIcon()
	if s.Svc.PrintSummary == nil {
		b.Hide()
	}
	return b
}

// PrintSummary prints the open session's summary and shows how it goes.
// Printing waits for the printer, up to a minute or more, so it runs in
// the background while the screen says what is happening; the visitor may
// leave with "Retour" at any time. A failed print loses nothing: the
// session is stored, and the mediator reprints it by its code. "Retour"
// goes back to the screen it was called from.
func (s *Screens) PrintSummary() {
	from := s.Screen()
	back := func() { s.Show(from) }
	cur := s.Svc.Sessions.Current()
	if cur == nil || s.Svc.PrintSummary == nil || from == nil {
		return
	}
	code := cur.Code
	sc := s.printScreen("print", s.T("print.ui.title"), s.T("print.ui.printing"), code, back)
	s.Show(sc)
	// In the background: a print may wait a minute for the printer.
	var err error
	s.InBackground(func() { err = s.Svc.PrintSummary(code) }, func() { s.printed(sc, code, err, back) })
}

// printed shows the outcome, unless the visitor has moved on: then it only
// replaces the printing screen kept under the idle prompt, if it is there.
func (s *Screens) printed(waiting *shell.Screen, code session.Code, err error, back func()) {
	var sc *shell.Screen
	if err != nil {
		s.Svc.Log.WithError(err).WithField("code", code.String()).Warn("summary not printed")
		sc = s.printScreen("print.failed", s.T("print.ui.failed.title"), s.T("print.ui.failed", "code", code.String()), code, back)
	} else {
		sc = s.printScreen("print.done", s.T("print.ui.done.title"), s.T("print.ui.done"), code, back)
	}
	s.Replace(waiting, sc)
}

// printScreen is one state of printing: a printer pictogram, a title, what
// to do, and the session code when the body does not already say it.
func (s *Screens) printScreen(name, title, body string, code session.Code, back func()) *shell.Screen {
	sc := shell.NewScreen(name)
	icon := canvas.NewImageFromResource(theme.DocumentPrintIcon())
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(2 * kit.MinTouchTarget))
	parts := []fyne.CanvasObject{icon, sc.Heading("title", title), kit.Centred(sc.Label("body", body))}
	if !strings.Contains(body, code.String()) {
		codeLabel := kit.Centred(sc.Label("code", s.T("home.code", "code", code.String())))
		codeLabel.TextStyle.Bold = true
		parts = append(parts, codeLabel)
	}
	ok := s.Button(sc, "back", s.T("common.back"), widget.HighImportance, back)
	sc.Back = back
	sc.Content = kit.Page(container.NewVBox(parts...), ok)
	return sc
}
