package assess

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// ShowResult is the result in FALC, on two pages so that nothing
// scrolls at the largest text: what the visitor can do and what is hard,
// then their next step with the two big actions.
func (s *Screens) ShowResult(res assessment.Result) {
	d := s.Svc.Questions.Describe(res, s.Lang())
	sc := shell.NewScreen("assess.result")
	var can, hard []fyne.CanvasObject
	for _, dom := range d.Domains {
		if dom.Level == assessment.Unknown {
			continue
		}
		dm, _ := s.Svc.Questions.Domain(dom.ID)
		line := sc.Label("domain."+dom.ID, dm.Short.In(s.Lang()))
		row := fyne.CanvasObject(line)
		if pic := s.picto(dm.Picto, 52); pic != nil {
			row = container.NewBorder(nil, nil, pic, nil, line)
		}
		if dom.Level >= assessment.CanDoFrom {
			can = append(can, row)
		} else {
			hard = append(hard, row)
		}
	}
	var parts []fyne.CanvasObject
	section := func(id, title string, rows []fyne.CanvasObject) {
		if len(rows) == 0 {
			return
		}
		h := sc.Label(id, title)
		h.TextStyle.Bold = true
		h.SizeName = theme.SizeNameSubHeadingText
		parts = append(parts, h, container.NewGridWithColumns(min(2, len(rows)), rows...))
	}
	section("cando", s.T("assess.result.cando"), can)
	section("hard", s.T("assess.result.hard"), hard)
	if len(can)+len(hard) == 0 {
		// The short path, or every question passed: no level to show.
		parts = append(parts, sc.Heading("title", s.T("assess.result.title")), kit.Centred(sc.Label("none", s.T("assess.result.none"))))
	}
	next := s.Button(sc, "next", s.T("assess.result.next"), widget.HighImportance, func() {
		// A returning visitor sees what changed before their next step.
		if cur := s.Svc.Sessions.Current(); cur != nil && cur.Earlier != "" {
			s.Flows.Progress(func() { s.ShowNext(res) })
			return
		}
		s.ShowNext(res)
	})
	next.Icon = theme.NavigateNextIcon()
	next.IconPlacement = widget.ButtonIconTrailingText
	sc.Content = kit.Page(container.NewVBox(parts...), next)
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
			next.OnTapped()
			return true
		}
		return false
	}
	s.Show(sc)
}

// ShowNext is "Votre prochaine étape" (the button that opens it): the
// orientation in FALC, then
// "Une démarche pas à pas" and "Imprimer mon résumé" (printSummary,
// ui/visitor/print.go; hidden when the kiosk has no way to print).
func (s *Screens) ShowNext(res assessment.Result) {
	d := s.Svc.Questions.Describe(res, s.Lang())
	sc := shell.NewScreen("assess.next")
	// The orientation is the title: at the largest text, a heading above
	// it would cost the lines the advice needs.
	orientation := sc.Heading("orientation", d.Orientation.Title)
	orientation.SizeName = theme.SizeNameSubHeadingText
	advice := kit.Centred(sc.Label("advice", d.Orientation.Next))
	guide := s.tile(sc, "guide", "1", s.T("assess.result.guide"), s.picto("papers", 48), true, s.Flows.Procedures)
	actions := container.NewGridWithColumns(2, guide)
	if s.Svc.PrintSummary != nil {
		actions.Add(s.tile(sc, "print", "2", s.T("assess.result.print"), s.picto("print", 48), true,
			s.Flows.Print))
	}
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, func() { s.ShowResult(res) })
	back.Icon = theme.NavigateBackIcon()
	home := s.Button(sc, "home", s.T("common.home"), widget.MediumImportance, s.Flows.Home)
	sc.Back = back.OnTapped
	sc.Content = kit.Page(container.NewVBox(orientation, advice, actions), back, home)
	sc.OnRune = func(r rune) {
		switch r {
		case '1':
			sc.Buttons["guide"].OnTapped()
		case '2':
			if b := sc.Buttons["print"]; b != nil {
				b.OnTapped()
			}
		}
	}
	s.Show(sc)
}
