package shell

import (
	"pasapas/assets"
	"pasapas/ui/kit"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Button makes a button that reports activity and is kept in sc.Buttons
// under id.
func (s *Shell) Button(sc *Screen, id, label string, imp widget.Importance, f func()) *kit.Button {
	b := kit.NewButton(label, s.Act(f))
	b.Importance = imp
	sc.Buttons[id] = b
	return b
}

// Label makes a wrapping label kept in sc.Labels under id.
func (sc *Screen) Label(id, text string) *kit.Label {
	l := kit.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if id != "" {
		sc.Labels[id] = l
	}
	return l
}

// Heading makes a large bold centred title.
func (sc *Screen) Heading(id, text string) *kit.Label {
	l := sc.Label(id, text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameHeadingText
	l.Alignment = fyne.TextAlignCenter
	return l
}

// IconChoice is a large tile: a button underneath (focus, keyboard, tap)
// with a pictogram (icon may be nil), a title and a hint laid over it,
// since a plain button cannot wrap its text.
func (s *Shell) IconChoice(sc *Screen, id string, icon fyne.Resource, title, hint string, f func()) fyne.CanvasObject {
	b := s.Button(sc, id, "", widget.HighImportance, f)
	t := kit.NewLabel(title)
	t.TextStyle.Bold = true
	labels := []*kit.Label{t}
	if hint != "" {
		labels = append(labels, kit.NewLabel(hint))
	}
	text := container.NewVBox()
	for _, l := range labels {
		l.Wrapping = fyne.TextWrapWord
		l.Alignment = fyne.TextAlignCenter
		if icon != nil {
			// Beside a pictogram, the text starts at its left edge.
			l.Alignment = fyne.TextAlignLeading
		}
		text.Add(l)
	}
	var body fyne.CanvasObject = text
	if icon != nil {
		img := kit.Picture(icon, fyne.NewSquareSize(kit.MinTouchTarget+12), s.win.Canvas().Scale())
		body = container.NewBorder(nil, nil, container.NewCenter(img), nil, container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer()))
	}
	return container.NewStack(b, kit.OnSurface(container.NewPadded(body), theme.ColorNameForegroundOnPrimary, false))
}

// longPressLogo is the logo in the top bar. Held for LongPress it opens the
// mediator pad: the touch-only path into mediator mode, hidden from visitors
// because a tap does nothing.
type longPressLogo struct {
	widget.BaseWidget
	onLongPress func()
	after       func(time.Duration, func()) (cancel func())
	cancel      func()
}

// LongPress is how long the logo must be held.
const LongPress = 3 * time.Second

func newLongPressLogo(after func(time.Duration, func()) func(), onLongPress func()) *longPressLogo {
	l := &longPressLogo{onLongPress: onLongPress, after: after}
	l.ExtendBaseWidget(l)
	return l
}

func (l *longPressLogo) CreateRenderer() fyne.WidgetRenderer {
	img := canvas.NewImageFromResource(assets.Logo)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(kit.MinTouchTarget))
	return widget.NewSimpleRenderer(img)
}

// MouseDown starts the hold; touch screens reach here as mouse presses.
func (l *longPressLogo) MouseDown(*desktop.MouseEvent) {
	l.MouseUp(nil)
	l.cancel = l.after(LongPress, l.onLongPress)
}

// MouseUp ends the hold before it counts.
func (l *longPressLogo) MouseUp(*desktop.MouseEvent) {
	if l.cancel != nil {
		l.cancel()
		l.cancel = nil
	}
}

// afterOnUI runs f on the UI goroutine after d unless cancelled.
func afterOnUI(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// Entry is a text field whose typing counts as presence: a slow typist is
// not taken for gone by the idle timeout.
func (s *Shell) Entry() *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = func(string) { s.idle.Activity() }
	return e
}
