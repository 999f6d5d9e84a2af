package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// showWelcome shows the first screen: greeting, "Commencer", languages.
// It is rebuilt from scratch each time, so nothing of a previous visitor
// survives in its widgets.
func (s *Shell) showWelcome() {
	sc := newScreen("welcome")
	sc.NoIdle = true
	start := s.button(sc, "start", s.T("welcome.start"), widget.HighImportance, s.startSession)
	langs := container.NewGridWithColumns(min(4, len(s.svc.Text.Languages())))
	for _, l := range s.svc.Text.Languages() {
		imp := widget.MediumImportance
		if l.Code == s.lang {
			imp = widget.HighImportance
		}
		langs.Add(s.button(sc, "lang."+l.Code, l.Name, imp, func() {
			s.lang = l.Code
			s.applyTheme() // Arabic has its own font
			s.showWelcome()
		}))
	}
	subtitle := label(sc, "subtitle", s.T("welcome.subtitle"))
	subtitle.Alignment = fyne.TextAlignCenter
	langTitle := label(sc, "language", s.T("welcome.language"))
	langTitle.Alignment = fyne.TextAlignCenter
	// The languages keep the smallest step's size: they are for visitors
	// who do not read the current language, and all of them must fit.
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.T("welcome.title")),
		subtitle,
		mainAction(start, 420, 1.25),
		container.NewThemeOverride(container.NewVBox(langTitle, langs), steadyBar{}),
	))
	sc.OnKey = enterPresses(start)
	s.show(sc)
}

// mainAction centres o, at least width wide and factor times its natural
// height: the one action a screen is about must be unmissable.
func mainAction(o fyne.CanvasObject, width, factor float32) fyne.CanvasObject {
	return container.NewCenter(container.New(&atLeast{width: width, factor: factor}, o))
}

// atLeast lays out its objects over its whole area, asking for at least
// width and factor times their own height.
type atLeast struct{ width, factor float32 }

func (a *atLeast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (a *atLeast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		out = out.Max(o.MinSize())
	}
	out.Height *= a.factor
	out.Width = max(out.Width, a.width)
	return out
}
