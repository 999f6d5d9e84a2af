package visitor

import (
	"pasapas/app/session"
	"pasapas/ui/kit"
	"pasapas/ui/shell"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowWelcome shows the first screen: greeting, "Commencer", languages.
// It is rebuilt from scratch each time, so nothing of a previous visitor
// survives in its widgets.
func (s *Screens) ShowWelcome() {
	sc := shell.NewScreen("welcome")
	sc.NoIdle = true
	start := s.Button(sc, "start", s.T("welcome.start"), widget.HighImportance, func() { s.StartSession(session.Visit{}) })
	langs := container.NewGridWithColumns(min(4, len(s.Svc.Text.Languages())))
	for _, l := range s.Svc.Text.Languages() {
		imp := widget.MediumImportance
		if l.Code == s.Lang() {
			imp = widget.HighImportance
		}
		langs.Add(s.Button(sc, "lang."+l.Code, l.Name, imp, func() {
			s.SetLang(l.Code)
			s.ShowWelcome()
		}))
	}
	subtitle := sc.Label("subtitle", s.T("welcome.subtitle"))
	subtitle.Alignment = fyne.TextAlignCenter
	langTitle := sc.Label("language", s.T("welcome.language"))
	langTitle.Alignment = fyne.TextAlignCenter
	// The languages keep the smallest step's size: they are for visitors
	// who do not read the current language, and all of them must fit.
	var action fyne.CanvasObject = kit.MainAction(start, 420, 1.25)
	if s.Svc.Codes != nil {
		// Beside "Commencer", so the screen keeps its height at every size.
		back := s.Button(sc, "returning", s.T("welcome.returning"), widget.MediumImportance, s.Flows.CodePad)
		action = container.NewCenter(container.NewHBox(kit.AtLeast(start, 420, 1.25), kit.AtLeast(back, 320, 1.25)))
	}
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("welcome.title")),
		subtitle,
		action,
		kit.Steady(container.NewVBox(langTitle, langs), s.TextStep()),
	))
	sc.OnKey = kit.EnterPresses(start)
	s.Show(sc)
}
