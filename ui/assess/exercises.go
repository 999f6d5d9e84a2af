package assess

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// The practical exercises. Each one works by touch, by mouse and by the
// keyboard alone, and records which was used (assessment.Via*). None uses a
// Fyne scroll container: touch scrolling is broken in Fyne desktop.

// exerciseBody builds the current exercise.
func (f *assessFlow) exerciseBody(sc *shell.Screen, it *assessment.Item) fyne.CanvasObject {
	switch it.Kind {
	case assessment.Tap:
		return f.tapExercise(sc)
	case assessment.DoubleClick:
		return f.doubleClickExercise(sc)
	case assessment.Drag:
		return f.dragExercise(sc)
	case assessment.Scroll:
		return f.scrollExercise(sc)
	}
	return f.typeExercise(sc, it)
}

// hit ends an exercise done by via.
func (f *assessFlow) hit(via string) {
	f.via = via
	f.exerciseDone(-1)
}

// focusable is the keyboard half shared by the exercises' own widgets:
// focus shows the kiosk's two-tone ring, Enter or Space acts.
type focusable struct {
	focused bool
	onKey   func()
	refresh func()
}

func (k *focusable) FocusGained() { k.focused = true; k.refresh() }
func (k *focusable) FocusLost()   { k.focused = false; k.refresh() }
func (k *focusable) TypedRune(r rune) {
	if r == ' ' {
		k.onKey()
	}
}

func (k *focusable) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		k.onKey()
	}
}

// ring returns the focus ring drawn around a focused exercise widget.
func ring() (outer, inner *canvas.Rectangle) {
	outer = canvas.NewRectangle(color.Transparent)
	inner = canvas.NewRectangle(color.Transparent)
	outer.StrokeWidth, inner.StrokeWidth = kit.FocusRing, kit.FocusRing
	outer.CornerRadius, inner.CornerRadius = 12, 12
	return outer, inner
}

func showRing(outer, inner *canvas.Rectangle, on bool, size fyne.Size) {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	outer.StrokeColor = th.Color(theme.ColorNameForeground, v)
	inner.StrokeColor = th.Color(theme.ColorNameFocus, v)
	outer.Hidden, inner.Hidden = !on, !on
	outer.Resize(size)
	inner.Move(fyne.NewPos(kit.FocusRing, kit.FocusRing))
	inner.Resize(size.SubtractWidthHeight(2*kit.FocusRing, 2*kit.FocusRing))
	outer.Refresh()
	inner.Refresh()
}

// target is a picture to tap, double-tap or pick up: a tappable, focusable
// widget over a pictogram or a coloured disc.
type target struct {
	widget.BaseWidget
	focusable
	look     fyne.CanvasObject
	size     fyne.Size
	onTap    func()
	onDouble func() // doubleTarget only
	onDrag   func(*fyne.DragEvent)
	onDrop   func() // dragTarget only
}

// init sets up t inside the widget w that embeds it (t itself, or a
// doubleTarget or dragTarget).
func (t *target) init(w fyne.Widget, look fyne.CanvasObject, size fyne.Size, onKey func()) {
	t.look, t.size, t.onKey = look, size, onKey
	t.ExtendBaseWidget(w)
	t.refresh = w.Refresh
}

func newTarget(look fyne.CanvasObject, size fyne.Size, onKey func()) *target {
	t := &target{}
	t.init(t, look, size, onKey)
	return t
}

func (t *target) CreateRenderer() fyne.WidgetRenderer {
	outer, inner := ring()
	return &targetRenderer{t: t, outer: outer, inner: inner}
}

func (t *target) MinSize() fyne.Size { return t.size }

func (t *target) Tapped(*fyne.PointEvent) {
	if t.onTap != nil {
		t.onTap()
	}
}

// doubleTarget is a target that also takes double taps. Fyne waits to see
// whether a second tap comes only for DoubleTappable objects, so the other
// targets stay instant.
type doubleTarget struct{ target }

func (t *doubleTarget) DoubleTapped(*fyne.PointEvent) { t.onDouble() }

// dragTarget is a target that can be dragged.
type dragTarget struct{ target }

func (t *dragTarget) Dragged(ev *fyne.DragEvent) { t.onDrag(ev) }
func (t *dragTarget) DragEnd()                   { t.onDrop() }

type targetRenderer struct {
	t            *target
	outer, inner *canvas.Rectangle
}

func (r *targetRenderer) Layout(size fyne.Size) {
	r.t.look.Resize(size)
	r.t.look.Move(fyne.NewPos(0, 0))
	showRing(r.outer, r.inner, r.t.focused, size)
}
func (r *targetRenderer) MinSize() fyne.Size { return r.t.size }
func (r *targetRenderer) Refresh()           { r.Layout(r.t.Size()); r.t.look.Refresh() }
func (r *targetRenderer) Destroy()           {}
func (r *targetRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.look, r.outer, r.inner}
}

// missArea is the play area behind a target: a tap on it is a miss.
type missArea struct {
	widget.BaseWidget
	height float32
	onTap  func()
}

func newMissArea(height float32, onTap func()) *missArea {
	m := &missArea{height: height, onTap: onTap}
	m.ExtendBaseWidget(m)
	return m
}

func (m *missArea) Tapped(*fyne.PointEvent) { m.onTap() }
func (m *missArea) MinSize() fyne.Size      { return fyne.NewSize(200, m.height) }
func (m *missArea) CreateRenderer() fyne.WidgetRenderer {
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeColor = th.Color(theme.ColorNameButton, v)
	bg.StrokeWidth = 4
	bg.CornerRadius = 16
	return widget.NewSimpleRenderer(bg)
}

// placeAt puts each object at its minimum size, its centre at (fx, fy) of
// the area.
type placeAt struct{ fx, fy float32 }

func (p placeAt) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(size.Width*p.fx-m.Width/2, size.Height*p.fy-m.Height/2))
	}
}

func (p placeAt) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		out = out.Max(o.MinSize())
	}
	return out
}

// tapExercise: touch the blue disc. A tap beside it is a miss; Tab then
// Enter is the keyboard way.
func (f *assessFlow) tapExercise(sc *shell.Screen) fyne.CanvasObject {
	act := f.s.Act
	disc := canvas.NewCircle(f.s.color(theme.ColorNamePrimary))
	t := newTarget(disc, fyne.NewSquareSize(96), act(func() { f.hit(assessment.ViaKeyboard) }))
	t.onTap = act(func() { f.hit(assessment.ViaPointer) })
	area := newMissArea(220, act(func() { f.miss(sc, "assess.miss") }))
	return container.NewStack(area, container.New(placeAt{0.72, 0.42}, t))
}

// doubleClickExercise: open the folder with a double tap (or Enter). A
// single tap is a miss.
func (f *assessFlow) doubleClickExercise(sc *shell.Screen) fyne.CanvasObject {
	name := kit.NewLabel(f.s.T("assess.folder"))
	name.Alignment = fyne.TextAlignCenter
	look := container.NewBorder(nil, name, nil, nil, f.s.picto("folder", 120))
	act := f.s.Act
	t := &doubleTarget{}
	t.init(t, look, look.MinSize().Add(fyne.NewSize(24, 0)), act(func() { f.hit(assessment.ViaKeyboard) }))
	t.onTap = act(func() { f.miss(sc, "assess.doubleclick.miss") })
	t.onDouble = act(func() { f.hit(assessment.ViaPointer) })
	return container.New(placeAt{0.5, 0.5}, t)
}

// dragExercise: drag the photo into the box. By touch or keyboard alone,
// the photo can also be picked (tap or Enter) and then the box chosen.
func (f *assessFlow) dragExercise(sc *shell.Screen) fyne.CanvasObject {
	s := f.s
	act := s.Act
	picked := false
	boxBg := canvas.NewRectangle(color.Transparent)
	boxBg.StrokeColor = s.color(theme.ColorNamePrimary)
	boxBg.StrokeWidth = 6
	boxBg.CornerRadius = 16
	boxName := kit.NewLabel(s.T("assess.drag.box"))
	boxName.Alignment = fyne.TextAlignCenter
	drop := func(via string) {
		if picked {
			f.hit(via)
		}
	}
	box := newTarget(container.NewStack(boxBg, container.NewCenter(boxName)), fyne.NewSize(240, 170),
		act(func() { drop(assessment.ViaKeyboard) }))
	box.onTap = act(func() { drop(assessment.ViaTapTap) })

	photoBg := canvas.NewRectangle(color.Transparent)
	photoBg.CornerRadius = 12
	pick := func() {
		picked = true
		photoBg.FillColor = s.color(theme.ColorNameFocus)
		photoBg.Refresh()
		sc.Labels["feedback"].SetText(s.T("assess.drag.picked"))
	}
	photo := &dragTarget{}
	var board *dragBoard
	photo.init(photo, container.NewStack(photoBg, container.NewPadded(f.s.picto("photo", 100))), fyne.NewSquareSize(120), act(pick))
	photo.onTap = act(pick)
	photo.onDrag = func(ev *fyne.DragEvent) { act(func() { board.moveBy(ev.Dragged) })() }
	photo.onDrop = act(func() {
		if board.photoInBox() {
			f.hit(assessment.ViaPointer)
			return
		}
		board.reset()
		f.miss(sc, "assess.miss")
	})
	board = newDragBoard(photo, box)
	return board
}

// dragBoard holds the photo (left, movable) and the box (right).
type dragBoard struct {
	widget.BaseWidget
	photo, box fyne.CanvasObject
	moved      bool
	photoPos   fyne.Position
}

func newDragBoard(photo, box fyne.CanvasObject) *dragBoard {
	b := &dragBoard{photo: photo, box: box}
	b.ExtendBaseWidget(b)
	return b
}

func (b *dragBoard) CreateRenderer() fyne.WidgetRenderer {
	return &dragBoardRenderer{b: b}
}

func (b *dragBoard) start(size fyne.Size) fyne.Position {
	m := b.photo.MinSize()
	return fyne.NewPos(size.Width*0.15, (size.Height-m.Height)/2)
}

func (b *dragBoard) moveBy(d fyne.Delta) {
	size := b.Size()
	m := b.photo.MinSize()
	b.moved = true
	b.photoPos = fyne.NewPos(
		max(0, min(size.Width-m.Width, b.photoPos.X+d.DX)),
		max(0, min(size.Height-m.Height, b.photoPos.Y+d.DY)))
	b.photo.Move(b.photoPos)
}

// photoInBox reports whether the photo's centre is over the box.
func (b *dragBoard) photoInBox() bool {
	c := b.photo.Position().Add(fyne.NewPos(b.photo.Size().Width/2, b.photo.Size().Height/2))
	bp, bs := b.box.Position(), b.box.Size()
	return c.X >= bp.X && c.X <= bp.X+bs.Width && c.Y >= bp.Y && c.Y <= bp.Y+bs.Height
}

func (b *dragBoard) reset() {
	b.moved = false
	b.photoPos = b.start(b.Size())
	b.photo.Move(b.photoPos)
}

type dragBoardRenderer struct{ b *dragBoard }

func (r *dragBoardRenderer) Layout(size fyne.Size) {
	b := r.b
	bm := b.box.MinSize()
	b.box.Resize(bm)
	b.box.Move(fyne.NewPos(size.Width*0.85-bm.Width, (size.Height-bm.Height)/2))
	b.photo.Resize(b.photo.MinSize())
	if !b.moved {
		b.photoPos = b.start(size)
	}
	b.photo.Move(b.photoPos)
}

func (r *dragBoardRenderer) MinSize() fyne.Size {
	bm, pm := r.b.box.MinSize(), r.b.photo.MinSize()
	return fyne.NewSize(bm.Width+pm.Width+200, max(bm.Height, pm.Height)+20)
}
func (r *dragBoardRenderer) Refresh() { r.Layout(r.b.Size()) }
func (r *dragBoardRenderer) Destroy() {}
func (r *dragBoardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.box, r.b.photo}
}

// scrollExercise: a web page taller than its frame; find Valider at the
// bottom. It moves by mouse wheel, by swiping the page, by the Descendre /
// Monter buttons, or by the arrow and Page keys — whichever brought the
// page down is recorded. Annuler next to Valider is a miss.
func (f *assessFlow) scrollExercise(sc *shell.Screen) fyne.CanvasObject {
	s := f.s
	confirm := s.Button(sc, "page.confirm", s.T("assess.confirm"), widget.HighImportance, func() { f.exerciseDone(-1) })
	cancel := s.Button(sc, "page.cancel", s.T("assess.cancel"), widget.MediumImportance, func() { f.miss(sc, "assess.scroll.miss") })
	p := newPageView(f, container.NewGridWithColumns(2, cancel, confirm))
	down := s.Button(sc, "page.down", s.T("assess.scroll.down"), widget.MediumImportance, func() { p.moveBy(pageRows, assessment.ViaButtons) })
	down.Icon = theme.MoveDownIcon()
	up := s.Button(sc, "page.up", s.T("assess.scroll.up"), widget.MediumImportance, func() { p.moveBy(-pageRows, assessment.ViaButtons) })
	up.Icon = theme.MoveUpIcon()
	sc.OnKey = func(ev *fyne.KeyEvent) bool { return p.key(ev) }
	return container.NewBorder(nil, nil, nil, container.NewVBox(up, layout.NewSpacer(), down), p)
}

// pageRows is how many rows of the page show at once.
const pageRows = 2

// pageView shows rows [offset, offset+pageRows) of a fake web page whose
// last row holds its buttons. It scrolls itself, with no scroll container.
type pageView struct {
	widget.BaseWidget
	focusable
	f       *assessFlow
	rows    []fyne.CanvasObject
	offset  int
	dragged float32 // swipe distance not yet turned into rows
	body    *fyne.Container
	thumb   *canvas.Rectangle
}

func newPageView(f *assessFlow, last fyne.CanvasObject) *pageView {
	p := &pageView{f: f}
	p.ExtendBaseWidget(p)
	p.refresh = p.Refresh
	p.onKey = f.s.Act(func() { p.moveBy(1, assessment.ViaKeyboard) })
	widths := []float32{0.5, 0.9, 0.8, 0.95, 0.6, 0.85, 0.9}
	for i, w := range widths {
		bar := canvas.NewRectangle(f.s.color(theme.ColorNameButton))
		if i == 0 || i == 4 {
			bar.FillColor = f.s.color(theme.ColorNamePrimary) // headings
		}
		bar.CornerRadius = 8
		p.rows = append(p.rows, container.New(&rowBar{width: w}, bar))
	}
	p.rows = append(p.rows, last)
	p.body = container.NewGridWithRows(pageRows)
	p.thumb = canvas.NewRectangle(f.s.color(theme.ColorNameForeground))
	p.thumb.CornerRadius = 6
	p.show()
	return p
}

// rowBar draws a grey line of "text" width× the row, at a text's height.
type rowBar struct{ width float32 }

func (r *rowBar) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width*r.width, 26))
		o.Move(fyne.NewPos(0, (size.Height-26)/2))
	}
}
func (r *rowBar) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(100, 26) }

func (p *pageView) show() {
	p.body.Objects = append([]fyne.CanvasObject(nil), p.rows[p.offset:p.offset+pageRows]...)
	p.body.Refresh()
	p.Refresh()
}

func (p *pageView) moveBy(rows int, via string) {
	next := max(0, min(len(p.rows)-pageRows, p.offset+rows))
	if next == p.offset {
		return
	}
	p.offset = next
	p.f.via = via
	p.show()
}

// Scrolled takes the mouse wheel (and touchpad).
func (p *pageView) Scrolled(ev *fyne.ScrollEvent) {
	p.f.s.Act(func() {
		switch {
		case ev.Scrolled.DY < 0:
			p.moveBy(1, assessment.ViaWheel)
		case ev.Scrolled.DY > 0:
			p.moveBy(-1, assessment.ViaWheel)
		}
	})()
}

// Dragged takes a swipe: the page follows the finger, a row at a time.
func (p *pageView) Dragged(ev *fyne.DragEvent) {
	p.f.s.Act(func() {
		p.dragged += ev.Dragged.DY
		row := p.Size().Height / pageRows
		for p.dragged <= -row/2 {
			p.dragged += row / 2
			p.moveBy(1, assessment.ViaSwipe)
		}
		for p.dragged >= row/2 {
			p.dragged -= row / 2
			p.moveBy(-1, assessment.ViaSwipe)
		}
	})()
}

func (p *pageView) DragEnd() { p.dragged = 0 }

// key scrolls with the arrows and Page keys, focused or not.
func (p *pageView) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		p.moveBy(1, assessment.ViaKeyboard)
	case fyne.KeyPageDown:
		p.moveBy(pageRows, assessment.ViaKeyboard)
	case fyne.KeyUp:
		p.moveBy(-1, assessment.ViaKeyboard)
	case fyne.KeyPageUp:
		p.moveBy(-pageRows, assessment.ViaKeyboard)
	default:
		return false
	}
	return true
}

func (p *pageView) TypedKey(ev *fyne.KeyEvent) {
	if !p.key(ev) {
		p.focusable.TypedKey(ev)
	}
}

func (p *pageView) MinSize() fyne.Size {
	return fyne.NewSize(400, float32(pageRows)*(kit.MinTouchTarget+20))
}

func (p *pageView) CreateRenderer() fyne.WidgetRenderer {
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = p.f.s.color(theme.ColorNameForeground)
	frame.StrokeWidth = 3
	frame.CornerRadius = 12
	outer, inner := ring()
	return &pageRenderer{p: p, frame: frame, outer: outer, inner: inner}
}

type pageRenderer struct {
	p                   *pageView
	frame, outer, inner *canvas.Rectangle
}

func (r *pageRenderer) Layout(size fyne.Size) {
	p := r.p
	r.frame.Resize(size)
	const track = 14
	p.body.Move(fyne.NewPos(20, 10))
	p.body.Resize(fyne.NewSize(size.Width-40-track, size.Height-20))
	// The thumb shows where on the page the visitor is.
	h := (size.Height - 20) * pageRows / float32(len(p.rows))
	y := 10 + (size.Height-20-h)*float32(p.offset)/float32(len(p.rows)-pageRows)
	p.thumb.Move(fyne.NewPos(size.Width-track-8, y))
	p.thumb.Resize(fyne.NewSize(track, h))
	showRing(r.outer, r.inner, p.focused, size)
}

func (r *pageRenderer) MinSize() fyne.Size { return r.p.MinSize() }
func (r *pageRenderer) Refresh()           { r.Layout(r.p.Size()) }
func (r *pageRenderer) Destroy()           {}
func (r *pageRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.frame, r.p.body, r.p.thumb, r.outer, r.inner}
}

// typeExercise: type the shown word, with the keyboard or the keys on the
// screen. Only the accuracy is kept: the letters typed are dropped as soon
// as they are measured.
func (f *assessFlow) typeExercise(sc *shell.Screen, it *assessment.Item) fyne.CanvasObject {
	s := f.s
	word := it.Word.In(s.Lang())
	shown := sc.Label("word", word)
	shown.Wrapping = fyne.TextWrapOff
	shown.TextStyle.Bold = true
	shown.SizeName = theme.SizeNameHeadingText
	entry := s.Entry()
	entry.SetPlaceHolder(s.T("assess.type.placeholder"))
	screenKeys := false
	confirm := func() {
		accuracy, mistakes := assessment.Accuracy(entry.Text, word)
		entry.SetText("")
		f.misses = mistakes
		f.via = assessment.ViaKeyboard
		if screenKeys {
			f.via = assessment.ViaScreenKeys
		}
		f.exerciseDone(accuracy)
	}
	entry.OnSubmitted = func(string) { s.Act(confirm)() }
	ok := s.Button(sc, "type.confirm", s.T("assess.confirm"), widget.HighImportance, confirm)
	ok.Icon = theme.ConfirmIcon()
	keys := container.NewVBox()
	for _, row := range []string{"azertyuiop", "qsdfghjklm", "wxcvbn"} {
		line := container.NewGridWithColumns(10)
		for _, r := range row {
			letter := string(r)
			line.Add(s.Button(sc, "key."+letter, letter, widget.MediumImportance, func() {
				screenKeys = true
				entry.SetText(entry.Text + letter)
			}))
		}
		if row == "wxcvbn" {
			erase := s.Button(sc, "key.erase", s.T("assess.type.erase"), widget.MediumImportance, func() {
				screenKeys = true
				if r := []rune(entry.Text); len(r) > 0 {
					entry.SetText(string(r[:len(r)-1]))
				}
			})
			line = container.NewGridWithColumns(2, container.NewGridWithColumns(6, line.Objects...), erase)
		}
		keys.Add(line)
	}
	f.focus = entry
	f.aside = shown
	return container.NewVBox(container.NewBorder(nil, nil, nil, ok, entry), kit.LeftToRight(keys))
}
