package console

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// consoleButton is the kiosk Button without the touch-size floor.
type consoleButton struct{ kit.Button }

func (b *consoleButton) MinSize() fyne.Size { return b.Button.Button.MinSize() }

// cbutton makes a console button kept in sc.Buttons under id; like
// s.button it reports activity and survives a panic in f.
func (s *desk) cbutton(sc *shell.Screen, id, text string, imp widget.Importance, f func()) *consoleButton {
	b := &consoleButton{}
	b.Text = text
	b.OnTapped = s.Act(f)
	b.Importance = imp
	b.ExtendBaseWidget(b)
	sc.Buttons[id] = &b.Button
	return b
}

// ctx is the context of console queries: the UI waits for them, and they
// are short by design (indexes, day counters, pages).
func (s *desk) ctx() context.Context { return context.Background() }

// consolePage lays out a console screen: a title, the body filling the
// middle, actions at the bottom right and the way back to the menu at the
// bottom left. Escape goes back to the menu too.
func (s *Screens) consolePage(sc *shell.Screen, title string, body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	s.consolePageWithTools(sc, title, nil, body, actions...)
}

// consolePageWithTools is consolePage with tools (a search field) on the
// title's line, where they cost no height.
func (s *Screens) consolePageWithTools(sc *shell.Screen, title string, tools, body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	sc.Content = s.consoleFrame(sc, title, tools, body, actions...)
	s.Show(sc)
}

// consoleFrame lays out a console page around body, for showing or for
// measuring.
func (s *Screens) consoleFrame(sc *shell.Screen, title string, tools, body fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	back := s.cbutton(sc, "menu", s.M("console.menu"), widget.MediumImportance, s.ShowMenu)
	back.Icon = theme.NavigateBackIcon()
	if sc.Back == nil {
		sc.Back = s.ShowMenu
	}
	return s.deskFrame(sc, title, tools, body, back, actions...)
}

// deskPage shows sc laid out by deskFrame.
func (s *desk) deskPage(sc *shell.Screen, title string, tools, body, left fyne.CanvasObject, actions ...fyne.CanvasObject) {
	sc.Content = s.deskFrame(sc, title, tools, body, left, actions...)
	s.Show(sc)
}

// deskFrame is the console's layout with left at the bottom left (the way
// back to the menu, or the first start's progress).
func (s *desk) deskFrame(sc *shell.Screen, title string, tools, body, left fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	t := kit.NewLabel(title)
	t.TextStyle.Bold = true
	t.SizeName = theme.SizeNameHeadingText
	sc.Labels["title"] = t
	bottom := container.NewHBox(left, layout.NewSpacer())
	for _, a := range actions {
		bottom.Add(a)
	}
	content := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, t, nil, tools), widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), bottom),
		nil, nil, body)
	return container.NewThemeOverride(container.NewPadded(content), kit.Console{Theme: kit.NewKiosk(0, s.Dark(), false)})
}

// clabel is a one-line console label kept in sc.Labels under id ("" keeps
// it nowhere).
func clabel(sc *shell.Screen, id, text string) *kit.Label {
	l := kit.NewLabel(text)
	if id != "" {
		sc.Labels[id] = l
	}
	return l
}

// bold is a bold label.
func bold(text string) *kit.Label {
	l := kit.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// consoleError shows what went wrong in place of the body.
func (s *desk) consoleError(sc *shell.Screen, err error) *kit.Label {
	s.Svc.Log.WithError(err).WithField("screen", sc.Name).Error("mediator console")
	l := clabel(sc, "error", s.M("console.error"))
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// dayLabel writes a day the French way: "lundi 23 novembre 2026".
func (s *desk) dayLabel(t time.Time) string {
	t = t.In(time.Local)
	return s.M("console.weekday."+strconv.Itoa(int(t.Weekday()))) + " " + strconv.Itoa(t.Day()) + " " +
		s.M("console.month."+strconv.Itoa(int(t.Month()))) + " " + strconv.Itoa(t.Year())
}

// shortDay writes a day as "23/11".
func shortDay(t time.Time) string { return t.In(time.Local).Format("02/01") }

// columns lays objects side by side with widths in the given proportions
// and the height of the tallest: rows of a list line up without a table.
type columns []float32

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	total := float32(0)
	for _, f := range c {
		total += f
	}
	x := float32(0)
	for i, o := range objs {
		w := size.Width * c[i%len(c)] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

func row(widths columns, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(widths, objs...)
}

// shortDayLabel writes a day as "lun. 23/11/2026".
func (s *desk) shortDayLabel(t time.Time) string {
	t = t.In(time.Local)
	return s.M("console.weekday.short."+strconv.Itoa(int(t.Weekday()))) + " " + t.Format("02/01/2006")
}

func wrapped(l *kit.Label) *kit.Label {
	l.Wrapping = fyne.TextWrapWord
	return l
}

// codeName is the console's word for a domain or procedure code: the text
// console.<kind>.<code> when the catalogue has it, else the code itself.
func (s *desk) codeName(kind, code string) string {
	if key := "console." + kind + "." + code; s.Svc.Text.Has(key) {
		return s.M(key)
	}
	return code
}

// procedureName is a walkthrough's tile title, or its id when the content
// no longer has it (a centre removed its own procedure).
func (s *desk) procedureName(id string) string {
	if p := s.Svc.Walkthroughs.Get(id); p != nil {
		return p.Title.In(s.Svc.Text.Reference())
	}
	return id
}

// stepName reads "Étape 3 sur 7 : Se connecter" for step of procedure proc.
func (s *desk) stepName(proc, step string) string {
	p := s.Svc.Walkthroughs.Get(proc)
	if p == nil {
		return step
	}
	return s.stuckLabel(walkthrough.StuckPoint{StepID: step}.In(p))
}

// stuckLabel is a stuck point as the mediator reads it.
func (s *desk) stuckLabel(sp walkthrough.StuckPoint) string {
	return sp.Label(s.Svc.Text.Reference(), s.M("walk.step_of", "n", strconv.Itoa(sp.Number), "of", strconv.Itoa(sp.Of)))
}
