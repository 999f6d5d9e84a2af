package ui

import (
	"context"
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/directory"
	"pasapas/app/session"
	"pasapas/assessment/walkthrough"
)

// Console is what the mediator console reads and changes in the store
// (app/store.Store implements it): sessions, statistics, export, purge,
// settings and the local directory.
type Console interface {
	ListSessions(ctx context.Context, after activity.Cursor, limit int) (activity.Page, error)
	Summary(ctx context.Context, code session.Code) (activity.Summary, error)
	SessionEvents(ctx context.Context, code session.Code) ([]session.Event, error)
	DeleteSession(ctx context.Context, code session.Code) error
	Stats(ctx context.Context, p activity.Period) (activity.Stats, error)
	Export(ctx context.Context, w io.Writer, from, to time.Time, format string, opts activity.Options) (int, error)
	Purge(ctx context.Context, before time.Time) (int, error)
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	Places(ctx context.Context) ([]directory.Place, error)
	ReplacePlaces(ctx context.Context, places []directory.Place) error
}

// consoleText is the console's body text size. Its screens are for staff at
// a desk with a mouse: at the visitors' 32 px a week of sessions or four
// charts would not fit 1024×768.
const consoleText = 18

// consoleTheme is the kiosk theme with desk-sized text and spacing.
type consoleTheme struct{ fyne.Theme }

func (t consoleTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return consoleText
	case theme.SizeNameSubHeadingText:
		return consoleText * 1.2
	case theme.SizeNameHeadingText:
		return consoleText * 1.45
	case theme.SizeNamePadding, theme.SizeNameLineSpacing:
		return 3
	case theme.SizeNameInnerPadding:
		return 4
	case theme.SizeNameInputBorder, theme.SizeNameSeparatorThickness:
		return 1
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 4
	case theme.SizeNameScrollBar:
		return 12
	}
	return t.Theme.Size(n)
}

// consoleButton is the kiosk Button without the touch-size floor.
type consoleButton struct{ Button }

func (b *consoleButton) MinSize() fyne.Size { return b.Button.Button.MinSize() }

// cbutton makes a console button kept in sc.Buttons under id; like
// s.button it reports activity and survives a panic in f.
func (s *Shell) cbutton(sc *Screen, id, text string, imp widget.Importance, f func()) *consoleButton {
	b := &consoleButton{}
	b.Text = text
	b.OnTapped = s.act(f)
	b.Importance = imp
	b.ExtendBaseWidget(b)
	sc.Buttons[id] = &b.Button
	return b
}

// ctx is the context of console queries: the UI waits for them, and they
// are short by design (indexes, day counters, pages).
func (s *Shell) ctx() context.Context { return context.Background() }

// consolePage lays out a console screen: a title, the body filling the
// middle, actions at the bottom right and the way back to the menu at the
// bottom left. Escape goes back to the menu too.
func (s *Shell) consolePage(sc *Screen, title string, body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	s.consolePageWithTools(sc, title, nil, body, actions...)
}

// consolePageWithTools is consolePage with tools (a search field) on the
// title's line, where they cost no height.
func (s *Shell) consolePageWithTools(sc *Screen, title string, tools, body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	sc.Content = s.consoleFrame(sc, title, tools, body, actions...)
	s.show(sc)
}

// consoleFrame lays out a console page around body, for showing or for
// measuring.
func (s *Shell) consoleFrame(sc *Screen, title string, tools, body fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	back := s.cbutton(sc, "menu", s.M("console.menu"), widget.MediumImportance, s.showMediatorMenu)
	back.Icon = theme.NavigateBackIcon()
	if sc.Back == nil {
		sc.Back = s.showMediatorMenu
	}
	return s.deskFrame(sc, title, tools, body, back, actions...)
}

// deskPage shows sc laid out by deskFrame.
func (s *Shell) deskPage(sc *Screen, title string, tools, body, left fyne.CanvasObject, actions ...fyne.CanvasObject) {
	sc.Content = s.deskFrame(sc, title, tools, body, left, actions...)
	s.show(sc)
}

// deskFrame is the console's layout with left at the bottom left (the way
// back to the menu, or the first start's progress).
func (s *Shell) deskFrame(sc *Screen, title string, tools, body, left fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabel(title)
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
	return container.NewThemeOverride(container.NewPadded(content), consoleTheme{newKioskTheme(0, s.dark)})
}

// clabel is a one-line console label kept in sc.Labels under id ("" keeps
// it nowhere).
func clabel(sc *Screen, id, text string) *widget.Label {
	l := widget.NewLabel(text)
	if id != "" {
		sc.Labels[id] = l
	}
	return l
}

// bold is a bold label.
func bold(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// consoleError shows what went wrong in place of the body.
func (s *Shell) consoleError(sc *Screen, err error) *widget.Label {
	s.svc.Log.WithError(err).WithField("screen", sc.Name).Error("mediator console")
	l := clabel(sc, "error", s.M("console.error"))
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// dayLabel writes a day the French way: "lundi 23 novembre 2026".
func dayLabel(t time.Time) string {
	t = t.In(time.Local)
	days := [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	months := [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	return days[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
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
func shortDayLabel(t time.Time) string {
	days := [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
	t = t.In(time.Local)
	return days[t.Weekday()] + " " + t.Format("02/01/2006")
}

func wrapped(l *widget.Label) *widget.Label {
	l.Wrapping = fyne.TextWrapWord
	return l
}

// codeName is the console's word for a domain or procedure code: the text
// console.<kind>.<code> when the catalogue has it, else the code itself.
func (s *Shell) codeName(kind, code string) string {
	if key := "console." + kind + "." + code; s.svc.Text.Has(key) {
		return s.M(key)
	}
	return code
}

// procedureName is a walkthrough's tile title, or its id when the content
// no longer has it (a centre removed its own procedure).
func (s *Shell) procedureName(id string) string {
	if p := s.svc.Walkthroughs.Get(id); p != nil {
		return p.Title.In(s.svc.Text.Reference())
	}
	return id
}

// stepName reads "Étape 3 sur 7 : Se connecter" for step of procedure proc.
func (s *Shell) stepName(proc, step string) string {
	p := s.svc.Walkthroughs.Get(proc)
	if p == nil {
		return step
	}
	return s.stuckLabel(walkthrough.StuckPoint{StepID: step}.In(p))
}

// stuckLabel is a stuck point as the mediator reads it.
func (s *Shell) stuckLabel(sp walkthrough.StuckPoint) string {
	return sp.Label(s.svc.Text.Reference(), s.M("walk.step_of", "n", strconv.Itoa(sp.Number), "of", strconv.Itoa(sp.Of)))
}
