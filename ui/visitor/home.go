package visitor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/assets"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// ShowHome offers the two paths, each with a pictogram for those who read
// little, and the way out.
func (s *Screens) ShowHome() {
	sc := shell.NewScreen("home")
	code := ""
	if cur := s.Svc.Sessions.Current(); cur != nil {
		code = cur.Code.String()
	}
	codeLabel := sc.Label("code", s.T("home.code", "code", code))
	codeLabel.Alignment = fyne.TextAlignCenter
	finish := s.Button(sc, "finish", s.T("home.finish"), widget.MediumImportance, s.finish)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("home.title")),
		container.NewGridWithColumns(2,
			s.IconChoice(sc, "assess", assets.Picto("tap"), s.T("home.assess"), s.T("home.assess.hint"), s.Flows.Assess),
			s.IconChoice(sc, "guide", assets.Picto("papers"), s.T("home.guide"), s.T("home.guide.hint"), s.Flows.Procedures),
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
	s.Show(sc)
}

// finish ends the session normally and says goodbye.
func (s *Screens) finish() {
	s.EndSession(session.Finished)
	s.showGoodbye()
}

// showGoodbye thanks the visitor and returns to welcome by itself.
func (s *Screens) showGoodbye() {
	sc := shell.NewScreen("goodbye")
	sc.NoIdle = true
	sc.Until = s.Svc.Now().Add(shell.GoodbyeFor)
	ok := s.Button(sc, "ok", "OK", widget.HighImportance, s.BackToWelcome)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("goodbye.title")),
		kit.Centred(sc.Label("body", s.T("goodbye.body"))),
	), ok)
	sc.OnKey = func(*fyne.KeyEvent) bool { s.BackToWelcome(); return true }
	s.Show(sc)
}
