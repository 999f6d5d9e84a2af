package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// Page lays out a visitor screen: content centred vertically with room at
// the sides, and a row of actions along the bottom.
func Page(body fyne.CanvasObject, actions ...fyne.CanvasObject) fyne.CanvasObject {
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

// Centred centres a label's text.
func Centred(l *Label) *Label {
	l.Alignment = fyne.TextAlignCenter
	return l
}

// MainAction centres o, at least width wide and factor times its natural
// height: the one action a screen is about must be unmissable.
func MainAction(o fyne.CanvasObject, width, factor float32) fyne.CanvasObject {
	return container.NewCenter(AtLeast(o, width, factor))
}

// AtLeast gives o at least width and factor times its natural height.
func AtLeast(o fyne.CanvasObject, width, factor float32) *fyne.Container {
	return container.New(&atLeast{width: width, factor: factor}, o)
}

// atLeast lays out its objects over its whole area, asking for at least
// width and factor times their own height.
type atLeast struct{ width, factor float32 }

// ActionRow lays out a bottom row whose buttons are as wide as their text
// needs, sharing what is left: "Je suis bloqué(e)" at the largest text size
// does not fit a third of the screen.
func ActionRow(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&spreadRow{}, buttons...)
}

type spreadRow struct{}

// EnterPresses makes Enter, when no widget has the focus, press b.
func EnterPresses(b *Button) func(*fyne.KeyEvent) bool {
	return func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
			b.OnTapped()
			return true
		}
		return false
	}
}

// PadKeys are a code pad's keys: Backspace and Delete erase, Enter
// validates.
func PadKeys(erase, validate func()) func(*fyne.KeyEvent) bool {
	return func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyBackspace, fyne.KeyDelete:
			erase()
		case fyne.KeyReturn, fyne.KeyEnter:
			validate()
		default:
			return false
		}
		return true
	}
}

// NumberKeys makes the key 1 press the first button, 2 the second… A nil
// button is a number without action.
func NumberKeys(buttons ...*Button) func(rune) {
	return func(r rune) {
		if i := int(r - '1'); i >= 0 && i < len(buttons) && buttons[i] != nil {
			buttons[i].OnTapped()
		}
	}
}

// DesignSize is the smallest screen every visitor page must fit without
// scrolling. Pages are cut for it on any screen, so that a step has the
// same pages everywhere.
var DesignSize = fyne.NewSize(1024, 768)

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

func (spreadRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	need := spreadRow{}.MinSize(objs).Width
	extra := (size.Width - need) / float32(len(objs))
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width + extra
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + gap
	}
}

func (spreadRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		out.Width += m.Width
		out.Height = max(out.Height, m.Height)
	}
	out.Width += theme.Padding() * float32(len(objs)-1)
	return out
}

// Typed is what a code pad holds: at most Max characters that Accept
// takes; Changed runs after each change, to show them.
type Typed struct {
	Max     int
	Accept  func(rune) bool
	Changed func()
	runes   []rune
}

// Add types r, when there is room and Accept takes it.
func (t *Typed) Add(r rune) {
	if len(t.runes) < t.Max && t.Accept(r) {
		t.runes = append(t.runes, r)
		t.Changed()
	}
}

// Erase removes the last character typed.
func (t *Typed) Erase() {
	if len(t.runes) > 0 {
		t.runes = t.runes[:len(t.runes)-1]
		t.Changed()
	}
}

// Take returns what was typed and empties the pad.
func (t *Typed) Take() string {
	s := string(t.runes)
	t.runes = t.runes[:0]
	t.Changed()
	return s
}

// Runes is what is typed so far.
func (t *Typed) Runes() []rune { return t.runes }
