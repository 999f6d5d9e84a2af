package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assets"
)

// Button is Fyne's button with two changes for this public: Enter presses
// it as well as Space, and keyboard focus shows as a thick two-tone ring
// (dark outside, bright inside) that stands out on any button colour from a
// metre away, instead of Fyne's faint tint.
type Button struct {
	widget.Button
	focused bool
}

// FocusRing is the width of each of the ring's two bands.
const FocusRing = 4

// CreateRenderer adds the focus ring over Fyne's button renderer.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	outer := canvas.NewRectangle(color.Transparent)
	inner := canvas.NewRectangle(color.Transparent)
	return &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), b: b, outer: outer, inner: inner}
}

// FocusGained shows the ring. Fyne's own focus tint is left off on purpose:
// over a blue button it made white text unreadable.
func (b *Button) FocusGained() {
	b.focused = true
	b.Refresh()
}

// FocusLost hides the ring.
func (b *Button) FocusLost() {
	b.focused = false
	b.Refresh()
}

type ringRenderer struct {
	fyne.WidgetRenderer
	b            *Button
	outer, inner *canvas.Rectangle
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.outer, r.inner)
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.outer.Move(fyne.NewPos(0, 0))
	r.outer.Resize(size)
	r.inner.Move(fyne.NewPos(FocusRing, FocusRing))
	r.inner.Resize(size.SubtractWidthHeight(2*FocusRing, 2*FocusRing))
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	for _, rect := range []*canvas.Rectangle{r.outer, r.inner} {
		rect.StrokeWidth = FocusRing
		rect.CornerRadius = radius
		rect.Hidden = !r.b.focused
	}
	r.outer.StrokeColor = th.Color(theme.ColorNameForeground, v)
	r.inner.StrokeColor = th.Color(theme.ColorNameFocus, v)
	r.outer.Refresh()
	r.inner.Refresh()
}

func newButton(label string, tapped func()) *Button {
	b := &Button{}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MinSize keeps every button a comfortable touch target.
func (b *Button) MinSize() fyne.Size {
	return b.Button.MinSize().Max(fyne.NewSquareSize(MinTouchTarget + 12))
}

// TypedKey presses the button on Enter or Space.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// button makes a button that reports activity and is kept in sc.Buttons
// under id.
func (s *Shell) button(sc *Screen, id, label string, imp widget.Importance, f func()) *Button {
	b := newButton(label, s.act(f))
	b.Importance = imp
	sc.Buttons[id] = b
	return b
}

// label makes a wrapping label kept in sc.Labels under id.
func label(sc *Screen, id, text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if id != "" {
		sc.Labels[id] = l
	}
	return l
}

// heading makes a large bold centred title.
func heading(sc *Screen, id, text string) *widget.Label {
	l := label(sc, id, text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameHeadingText
	l.Alignment = fyne.TextAlignCenter
	return l
}

// iconChoice is a large tile: a button underneath (focus, keyboard, tap)
// with a pictogram (icon may be nil), a title and a hint laid over it,
// since a plain button cannot wrap its text.
func (s *Shell) iconChoice(sc *Screen, id string, icon fyne.Resource, title, hint string, f func()) fyne.CanvasObject {
	b := s.button(sc, id, "", widget.HighImportance, f)
	t := widget.NewLabel(title)
	t.TextStyle.Bold = true
	labels := []*widget.Label{t}
	if hint != "" {
		labels = append(labels, widget.NewLabel(hint))
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
		img := canvas.NewImageFromResource(icon)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSquareSize(MinTouchTarget + 12))
		body = container.NewBorder(nil, nil, container.NewCenter(img), nil, container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer()))
	}
	return container.NewStack(b, container.NewThemeOverride(container.NewPadded(body), onPrimary{}))
}

// page lays out a visitor screen: content centred vertically with room at
// the sides, and a row of actions along the bottom.
func page(body fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
	var bottom fyne.CanvasObject
	if len(actions) > 0 {
		bottom = container.NewPadded(container.NewGridWithColumns(len(actions), actions...))
	}
	centre := container.NewVBox(layout.NewSpacer(), body, layout.NewSpacer())
	return container.New(&maxWidth{width: PageWidth}, container.NewBorder(nil, bottom, nil, nil, container.NewPadded(centre)))
}

// PageWidth is the widest a page grows: on a large screen, lines and
// buttons that span 1920 px are hard to follow.
const PageWidth = 1280

// maxWidth centres its objects horizontally, no wider than width.
type maxWidth struct{ width float32 }

func (m *maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (m *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		out = out.Max(o.MinSize())
	}
	return out
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
	img.SetMinSize(fyne.NewSquareSize(MinTouchTarget))
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

// entry is a text field whose typing counts as presence: a slow typist is
// not taken for gone by the idle timeout.
func (s *Shell) entry() *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = func(string) { s.idle.Activity() }
	return e
}
