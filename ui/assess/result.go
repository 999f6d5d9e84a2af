package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment"
)

// showAssessResult is the result in FALC, on two pages so that nothing
// scrolls at the largest text: what the visitor can do and what is hard,
// then their next step with the two big actions.
func (s *Shell) showAssessResult(res assessment.Result) {
	d := s.svc.Questions.Describe(res, s.lang)
	sc := newScreen("assess.result")
	var can, hard []fyne.CanvasObject
	for _, dom := range d.Domains {
		if dom.Level == assessment.Unknown {
			continue
		}
		dm, _ := s.svc.Questions.Domain(dom.ID)
		line := label(sc, "domain."+dom.ID, dm.Short.In(s.lang))
		row := fyne.CanvasObject(line)
		if pic := picto(dm.Picto, 52); pic != nil {
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
		h := label(sc, id, title)
		h.TextStyle.Bold = true
		h.SizeName = theme.SizeNameSubHeadingText
		parts = append(parts, h, container.NewGridWithColumns(min(2, len(rows)), rows...))
	}
	section("cando", s.T("assess.result.cando"), can)
	section("hard", s.T("assess.result.hard"), hard)
	if len(can)+len(hard) == 0 {
		// The short path, or every question passed: no level to show.
		parts = append(parts, heading(sc, "title", s.T("assess.result.title")), centred(label(sc, "none", s.T("assess.result.none"))))
	}
	next := s.button(sc, "next", s.T("assess.result.next"), widget.HighImportance, func() { s.showAssessNext(res) })
	next.Icon = theme.NavigateNextIcon()
	next.IconPlacement = widget.ButtonIconTrailingText
	sc.Content = page(container.NewVBox(parts...), next)
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
			next.OnTapped()
			return true
		}
		return false
	}
	s.show(sc)
}

// showAssessNext is "Votre prochaine étape" (the button that opens it): the
// orientation in FALC, then
// "Une démarche pas à pas" and "Imprimer mon résumé" (printSummary,
// ui/print.go; hidden when the kiosk has no way to print).
func (s *Shell) showAssessNext(res assessment.Result) {
	d := s.svc.Questions.Describe(res, s.lang)
	sc := newScreen("assess.next")
	// The orientation is the title: at the largest text, a heading above
	// it would cost the lines the advice needs.
	orientation := heading(sc, "orientation", d.Orientation.Title)
	orientation.SizeName = theme.SizeNameSubHeadingText
	advice := centred(label(sc, "advice", d.Orientation.Next))
	guide := s.tile(sc, "guide", "1", s.T("assess.result.guide"), picto("papers", 48), true, s.showProcedures)
	actions := container.NewGridWithColumns(2, guide)
	if s.svc.PrintSummary != nil {
		actions.Add(s.tile(sc, "print", "2", s.T("assess.result.print"), picto("print", 48), true,
			s.printSummary))
	}
	back := s.button(sc, "back", s.T("common.back"), widget.MediumImportance, func() { s.showAssessResult(res) })
	back.Icon = theme.NavigateBackIcon()
	home := s.button(sc, "home", s.T("common.home"), widget.MediumImportance, s.showHome)
	sc.Back = back.OnTapped
	sc.Content = page(container.NewVBox(orientation, advice, actions), back, home)
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
	s.show(sc)
}
