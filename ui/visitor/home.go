package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/assets"
)

// showHome offers the two paths, each with a pictogram for those who read
// little, and the way out.
func (s *Shell) showHome() {
	sc := newScreen("home")
	code := ""
	if cur := s.svc.Sessions.Current(); cur != nil {
		code = cur.Code.String()
	}
	codeLabel := label(sc, "code", s.T("home.code", "code", code))
	codeLabel.Alignment = fyne.TextAlignCenter
	finish := s.button(sc, "finish", s.T("home.finish"), widget.MediumImportance, s.finish)
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.T("home.title")),
		container.NewGridWithColumns(2,
			s.iconChoice(sc, "assess", assets.Picto("tap"), s.T("home.assess"), s.T("home.assess.hint"), s.startAssessment),
			s.iconChoice(sc, "guide", assets.Picto("papers"), s.T("home.guide"), s.T("home.guide.hint"), s.showProcedures),
		),
	), codeLabel, finish)
	sc.OnRune = func(r rune) {
		switch r {
		case '1':
			sc.Buttons["assess"].OnTapped()
		case '2':
			sc.Buttons["guide"].OnTapped()
		}
	}
	s.show(sc)
}

// finish ends the session normally and says goodbye.
func (s *Shell) finish() {
	s.endSession(session.Finished)
	s.showGoodbye()
}
