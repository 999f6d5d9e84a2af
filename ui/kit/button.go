// Package kit holds what every screen is made of: the kiosk's button (a
// large target with a focus ring Enter presses), the page layouts, and the
// themes (the kiosk's own, and the overrides for tiles, the top bar, the
// practice banner and the console). It knows nothing of screens.
package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	var r fyne.WidgetRenderer
	b.visually(func() { r = b.Button.CreateRenderer() })
	return &ringRenderer{WidgetRenderer: r, b: b, outer: outer, inner: inner}
}

// visually runs f, one of Fyne's renderer calls that read the button's
// text, with the text in visual order (Visual): a button's text is one
// line, and an Arabic one must reach Fyne from the right. Text itself stays
// as written, for read-aloud and for tests.
func (b *Button) visually(f func()) {
	text := b.Text
	b.Text = Visual(text)
	defer func() { b.Text = text }()
	f()
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
	r.b.visually(r.WidgetRenderer.Refresh)
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

// NewButton is a Button that calls tapped.
func NewButton(label string, tapped func()) *Button {
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
