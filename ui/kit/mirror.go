package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne has no right-to-left layout (fyne-io/fyne#90). A right-to-left
// screen is the left-to-right one seen in a mirror: every container lays
// out as usual, then its objects are moved to the other side. Pictograms
// go to the right of their text, "Retour" to the right of the bottom row,
// bars fill from the right; texts themselves are not turned (see Visual).

// Mirrored is a layout turned left to right when On.
type Mirrored struct {
	inner fyne.Layout
	On    bool
}

// Layout lays the objects out as the inner layout does, mirrored when On.
func (m *Mirrored) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m.inner.Layout(objs, size)
	if !m.On {
		return
	}
	for _, o := range objs {
		p := o.Position()
		o.Move(fyne.NewPos(size.Width-p.X-o.Size().Width, p.Y))
	}
}

// MinSize is the inner layout's: a mirror takes no room.
func (m *Mirrored) MinSize(objs []fyne.CanvasObject) fyne.Size { return m.inner.MinSize(objs) }

// LeftToRight keeps o as it is on a right-to-left screen: what imitates a
// French website or a French keyboard shows it as the visitor will meet it.
func LeftToRight(o fyne.CanvasObject) *fyne.Container {
	return container.New(leftToRight{}, o)
}

// leftToRight lays its objects over its whole area, as a stack does.
type leftToRight struct{}

func (leftToRight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (leftToRight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		out = out.Max(o.MinSize())
	}
	return out
}

func keptLeftToRight(c *fyne.Container) bool {
	_, ok := c.Layout.(leftToRight)
	return ok
}

// Mirror turns every container under o right to left (on) or back. A
// container already laid out is laid out again.
func Mirror(o fyne.CanvasObject, on bool) {
	switch o := o.(type) {
	case *fyne.Container:
		if keptLeftToRight(o) {
			return
		}
		for _, c := range o.Objects {
			Mirror(c, on)
		}
		if o.Layout == nil {
			return
		}
		m, ok := o.Layout.(*Mirrored)
		if !ok {
			if !on {
				return
			}
			m = &Mirrored{inner: o.Layout}
			o.Layout = m
		} else if m.On == on {
			return
		}
		m.On = on
		if !o.Size().IsZero() {
			o.Refresh()
		}
	case *container.ThemeOverride:
		Mirror(o.Content, on)
	}
}

// TurnButtons turns the buttons under o for a right-to-left reader: the
// arrows point the way they go ("Retour" right, "Continuer" left), each on
// the button's outer side, and a text set at the start (an answer's number
// key) goes to the right. For a screen, once.
func TurnButtons(o fyne.CanvasObject) {
	back, next := theme.NavigateBackIcon().Name(), theme.NavigateNextIcon().Name()
	var turn func(o fyne.CanvasObject)
	turn = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *fyne.Container:
			if keptLeftToRight(o) {
				return
			}
			for _, c := range o.Objects {
				turn(c)
			}
		case *container.ThemeOverride:
			turn(o.Content)
		case *Button:
			switch o.Alignment {
			case widget.ButtonAlignLeading:
				o.Alignment = widget.ButtonAlignTrailing
			case widget.ButtonAlignTrailing:
				o.Alignment = widget.ButtonAlignLeading
			}
			if o.Icon == nil || o.Text == "" {
				return
			}
			switch o.Icon.Name() {
			case back:
				o.Icon = theme.NavigateNextIcon()
			case next:
				o.Icon = theme.NavigateBackIcon()
			}
			if o.IconPlacement == widget.ButtonIconTrailingText {
				o.IconPlacement = widget.ButtonIconLeadingText
			} else {
				o.IconPlacement = widget.ButtonIconTrailingText
			}
		}
	}
	turn(o)
}
