package assess

import (
	"context"
	"image/color"
	"regexp"
	"strconv"
	"time"

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

// assessFlow is one visitor's way through the self-assessment: the run
// (pure Go: path, skip rules, scoring) and what the current screen measures.
type assessFlow struct {
	s   *Screens
	run *assessment.Run
	// shown is when the current question appeared; misses and via are what
	// the current exercise has measured so far.
	shown  time.Time
	misses int
	via    string
	// focus, when set, takes the keyboard as the screen opens (the typing
	// field); aside goes right of the question (the word to type).
	focus fyne.Focusable
	aside fyne.CanvasObject
}

// StartAssessment opens the first question ("Tester mes compétences").
func (s *Screens) StartAssessment() {
	f := &assessFlow{s: s, run: s.Svc.Questions.NewRun()}
	f.show()
}

// StartAt opens the assessment at question id, the questions before it
// passed over unanswered and unstored: how the screen audits reach every
// question in every language without a visitor's path. False when no
// question has that id.
func (s *Screens) StartAt(id string) bool {
	f := &assessFlow{s: s, run: s.Svc.Questions.NewRun()}
	for !f.run.Done() && f.run.Current().ID != id {
		f.run.Answer(assessment.Answer{Code: assessment.Skipped})
	}
	if f.run.Done() {
		return false
	}
	f.show()
	return true
}

// show puts the current question on screen, or the result at the end.
func (f *assessFlow) show() {
	it := f.run.Current()
	if it == nil {
		f.finish()
		return
	}
	f.shown, f.misses, f.via, f.focus, f.aside = f.s.Svc.Now(), 0, "", nil, nil
	sc := shell.NewScreen("assess." + string(it.Kind))
	switch {
	case it.Kind == assessment.Needs:
		body, confirm := f.needsBody(sc, it)
		f.frame(sc, it, body, confirm)
	case it.Kind.IsExercise():
		f.frame(sc, it, f.exerciseBody(sc, it))
	default:
		f.frame(sc, it, f.choicesBody(sc, it))
	}
	f.s.Show(sc)
	if f.focus != nil {
		f.s.Window().Canvas().Focus(f.focus)
	}
}

// frame lays out a question screen: a progress line, pictogram and
// question, hint, the question's own body, and Retour / where we are / Je
// passe along the bottom. An exercise's hint line also gives its feedback,
// so that no line is spent on an empty message.
// buttonLabel is a placeholder for one of the kiosk's own labels in a
// question ({assess.confirm}): a scored exercise must name its button with
// the words the button shows in the visitor's language.
var buttonLabel = regexp.MustCompile(`\{(assess\.[a-z_.]+)\}`)

// QuestionText is the question of it in the visitor's language, its
// placeholders replaced by the labels they name.
func (s *Screens) QuestionText(it *assessment.Item) string {
	return buttonLabel.ReplaceAllStringFunc(it.Question.In(s.Lang()), func(m string) string { return s.T(m[1 : len(m)-1]) })
}

func (f *assessFlow) frame(sc *shell.Screen, it *assessment.Item, body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	s := f.s
	lang := s.Lang()
	done, total := f.run.Progress()
	track := canvas.NewRectangle(s.color(theme.ColorNameButton))
	fill := canvas.NewRectangle(s.color(theme.ColorNamePrimary))
	track.CornerRadius, fill.CornerRadius = 5, 5

	q := sc.Label("question", s.QuestionText(it))
	q.TextStyle.Bold = true
	var pic fyne.CanvasObject
	if it.Scene == nil && f.aside == nil {
		pic = s.picto(it.Picto, 80)
	}
	top := container.NewBorder(nil, nil, pic, f.aside, q)
	parts := []fyne.CanvasObject{top}
	if h := it.Hint.In(lang); h != "" || (it.Kind.IsExercise() && it.Kind != assessment.Type) {
		hint := sc.Label("hint", h)
		sc.Labels["feedback"] = hint
		parts = append(parts, hint)
	}
	parts = append(parts, body)

	if sc.Back == nil {
		sc.Back = f.back
	}
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, func() { sc.Back() })
	back.Icon = theme.NavigateBackIcon()
	skip := s.Button(sc, "skip", s.T("assess.skip"), widget.MediumImportance, f.skip)
	skip.Icon = theme.NavigateNextIcon()
	skip.IconPlacement = widget.ButtonIconTrailingText
	count := kit.Centred(sc.Label("progress", s.T("assess.progress", "n", strconv.Itoa(done+1), "total", strconv.Itoa(total))))
	count.Wrapping = fyne.TextWrapOff
	// The bar sits in the count's bottom padding: a progress bar of its own
	// line would cost a line of text at the largest size.
	where := container.New(&progressLayout{part: float32(done+1) / float32(max(total, 1))}, count, track, fill)
	if len(actions) == 0 {
		actions = []fyne.CanvasObject{where}
	} else {
		parts = append([]fyne.CanvasObject{container.New(&progressLayout{part: float32(done+1) / float32(max(total, 1))}, layout.NewSpacer(), track, fill)}, parts...)
	}
	sc.Content = kit.Page(container.NewVBox(parts...), append(append([]fyne.CanvasObject{back}, actions...), skip)...)
}

// progressLayout lays out the progress count (first object) over its area
// and, along its bottom edge, a track (second) and its filled part (third).
type progressLayout struct{ part float32 }

// progressHeight is the bar's thickness.
const progressHeight = 10

func (p *progressLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	y := size.Height - progressHeight
	for i, o := range objs[1:] {
		w := size.Width
		if i == 1 {
			w *= p.part
		}
		o.Resize(fyne.NewSize(w, progressHeight))
		o.Move(fyne.NewPos(0, y))
	}
}

func (p *progressLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize().Max(fyne.NewSize(100, progressHeight))
}

// answer records a for the current question and moves on. Nothing the
// visitor typed is in a: codes, counts and times only.
func (f *assessFlow) answer(a assessment.Answer) {
	s := f.s
	it := f.run.Current()
	if it == nil {
		return
	}
	a.Item = it.ID
	a.Millis = s.Svc.Now().Sub(f.shown).Milliseconds()
	if !it.Kind.IsExercise() {
		a.Misses, a.Via, a.Accuracy = 0, "", -1
	}
	if err := s.Svc.Sessions.Record(assessment.EventAnswer, a.Payload(it.Kind)); err != nil {
		s.Svc.Log.WithError(err).Error("could not store an answer")
		s.ShowError(s.T("error.storage"))
		return
	}
	if it.Kind == assessment.Needs {
		s.Svc.Sessions.SetNeeds(a.Needs)
	}
	f.run.Answer(a)
	f.show()
}

// exerciseDone ends an exercise that was done; its outcome follows the
// misses counted (never the time taken).
func (f *assessFlow) exerciseDone(accuracy int) {
	it := f.run.Current()
	f.answer(assessment.Answer{Code: it.ExerciseOutcome(true, f.misses, accuracy), Misses: f.misses, Via: f.via, Accuracy: accuracy})
}

// skip is "Je passe". An exercise passed after some tries counts as not
// managed; otherwise the question does not count.
func (f *assessFlow) skip() {
	it := f.run.Current()
	if it == nil {
		return
	}
	code := assessment.Skipped
	if it.Kind.IsExercise() {
		code = it.ExerciseOutcome(false, f.misses, -1)
	}
	f.answer(assessment.Answer{Code: code, Misses: f.misses, Via: f.via, Accuracy: -1})
}

// back returns to the previous question, or home from the first.
func (f *assessFlow) back() {
	if !f.run.Back() {
		f.s.Flows.Home()
		return
	}
	f.show()
}

// miss counts a try beside the target and says so kindly.
func (f *assessFlow) miss(sc *shell.Screen, key string) {
	f.misses++
	if l := sc.Labels["feedback"]; l != nil {
		l.SetText(f.s.T(key))
	}
}

// finish scores the answers, stores the result on the session and shows it.
func (f *assessFlow) finish() {
	s := f.s
	res := f.run.Result()
	cur := s.Svc.Sessions.Current()
	if cur == nil {
		s.ShowError(s.T("error.body"))
		return
	}
	if s.Svc.Assessments != nil {
		if err := s.Svc.Assessments.SaveAssessment(context.Background(), cur.ID, res); err != nil {
			s.Svc.Log.WithError(err).Error("could not store the assessment")
			s.ShowError(s.T("error.storage"))
			return
		}
	}
	s.Svc.Log.WithField("orientation", res.Orientation).Info("self-assessment finished")
	// The procedures list follows the declared needs, after what the
	// answers put first (no e-mail address: the e-mail walkthrough). Only
	// the declared needs are stored.
	s.Svc.Sessions.SetNeeds(res.ProcedureOrder())
	s.ShowResult(res)
}

// picto is the pictogram called name at size px, or nil.
func (s *Screens) picto(name string, size float32) fyne.CanvasObject {
	return kit.Picto(name, size, s.Window().Canvas().Scale())
}

// tile is a big answer: a button underneath (focus, Enter, tap) showing
// its number key at the left, with an optional pictogram and wrapping text
// laid over the rest. selected tiles are drawn in the primary colour.
func (s *Screens) tile(sc *shell.Screen, id, key, text string, pic fyne.CanvasObject, selected bool, f func()) fyne.CanvasObject {
	var left []fyne.CanvasObject
	if pic != nil {
		left = append(left, container.NewCenter(pic))
	}
	var body fyne.CanvasObject = layout.NewSpacer()
	if text != "" {
		t := kit.NewLabel(text)
		t.Wrapping = fyne.TextWrapWord
		body = t
	}
	content := container.New(&afterKey{key: key}, container.NewBorder(nil, nil, container.NewHBox(left...), nil, body))
	over := s.overButton(sc, id, selected, f, content, 8)
	b := sc.Buttons[id]
	b.Text = key
	b.Alignment = widget.ButtonAlignLeading
	return over
}

// afterKey leaves room at the left for the button's own text, the number
// key, at whatever text size is current.
type afterKey struct{ key string }

func (a *afterKey) offset() float32 {
	if a.key == "" {
		return 0
	}
	w := fyne.MeasureText(a.key, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	return w + 2*theme.InnerPadding()
}

func (a *afterKey) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	off := a.offset()
	for _, o := range objs {
		o.Move(fyne.NewPos(off, 0))
		o.Resize(fyne.NewSize(size.Width-off, size.Height))
	}
}

func (a *afterKey) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		out = out.Max(o.MinSize())
	}
	return out.AddWidthHeight(a.offset(), 0)
}

// overButton lays content over a button (which a plain button cannot do
// with wrapping text), in the primary colour when selected.
func (s *Screens) overButton(sc *shell.Screen, id string, selected bool, f func(), content fyne.CanvasObject, side float32) fyne.CanvasObject {
	imp := widget.MediumImportance
	if selected {
		imp = widget.HighImportance
	}
	b := s.Button(sc, id, "", imp, f)
	padded := container.New(layout.NewCustomPaddedLayout(2, 2, side, side), content)
	var text fyne.ThemeColorName
	if selected {
		text = theme.ColorNameForegroundOnPrimary
	}
	return container.NewStack(b, kit.OnSurface(padded, text, true))
}

// keyIndex turns '1'…'9' into 0…8 and '0' into 9; -1 for other runes.
func keyIndex(r rune) int {
	switch {
	case r >= '1' && r <= '9':
		return int(r - '1')
	case r == '0':
		return 9
	}
	return -1
}

func keyName(i int) string { return strconv.Itoa((i + 1) % 10) }

// choicesBody shows the answers of a self-declared, plain, situational or
// pictogram question as big tiles; keys 1–4 pick them.
func (f *assessFlow) choicesBody(sc *shell.Screen, it *assessment.Item) fyne.CanvasObject {
	s := f.s
	type opt struct {
		code, text string
		pic        fyne.CanvasObject
	}
	var opts []opt
	if it.Kind == assessment.Self {
		for _, code := range assessment.SelfAnswers {
			opts = append(opts, opt{code: code, text: s.T("assess.self." + code)})
		}
	} else {
		for _, o := range it.Options {
			size := float32(48)
			if it.Kind == assessment.Icons {
				size = 110
			}
			opts = append(opts, opt{code: o.ID, text: o.Text.In(s.Lang()), pic: s.picto(o.Picto, size)})
		}
	}
	cols := 2
	switch {
	case it.Scene != nil:
		cols = 1 // beside the scene
	case len(opts) == 3 || it.Kind == assessment.Icons:
		cols = len(opts)
	}
	grid := container.NewGridWithColumns(cols)
	picks := make([]func(), len(opts))
	for i, o := range opts {
		picks[i] = func() { f.answer(assessment.Answer{Code: o.code}) }
		grid.Add(s.tile(sc, "answer."+o.code, keyName(i), o.text, o.pic, false, picks[i]))
	}
	sc.OnRune = func(r rune) {
		if i := keyIndex(r); i >= 0 && i < len(picks) {
			picks[i]()
		}
	}
	if it.Scene == nil {
		return grid
	}
	head, box := f.scene(sc, it.Scene)
	body := container.New(&split{left: 0.42}, box, grid)
	if head == nil {
		return body
	}
	return container.NewVBox(head, body)
}

// needsPage is how many services one page of the needs question shows:
// at the largest text, in every language, ten do not fit on one screen.
const needsPage = 5

// needsBody is the final multi-select: tiles with the services'
// pictograms, toggled by tap, Enter or their number key, five a page, then
// Valider. It returns the body and the bottom row's middle action
// (Suivant on the first page, Valider on the last).
func (f *assessFlow) needsBody(sc *shell.Screen, it *assessment.Item) (fyne.CanvasObject, fyne.CanvasObject) {
	s := f.s
	chosen := map[string]bool{}
	for _, n := range s.Svc.Sessions.Needs() {
		chosen[n] = true
	}
	grid := container.NewGridWithColumns(3)
	first := 0
	var draw func()
	toggle := func(o assessment.Option) {
		chosen[o.ID] = !chosen[o.ID]
		draw()
		if b := sc.Buttons["need."+o.ID]; b != nil && s.Window().Canvas().Focused() != nil {
			s.Window().Canvas().Focus(b)
		}
	}
	onPage := func() []assessment.Option { return it.Options[first:min(first+needsPage, len(it.Options))] }
	confirm := s.Button(sc, "confirm", s.T("assess.confirm"), widget.HighImportance, func() {
		var needs []string
		for _, o := range it.Options {
			if chosen[o.ID] {
				needs = append(needs, o.ID)
			}
		}
		f.answer(assessment.Answer{Code: assessment.Chosen, Needs: needs})
	})
	confirm.Icon = theme.ConfirmIcon()
	next := s.Button(sc, "more", s.T("assess.more"), widget.HighImportance, func() {
		first += needsPage
		draw()
	})
	next.Icon = theme.NavigateNextIcon()
	next.IconPlacement = widget.ButtonIconTrailingText
	action := container.NewStack(confirm, next)
	draw = func() {
		grid.Objects = nil
		for _, o := range it.Options { // the other page's tiles are gone
			delete(sc.Buttons, "need."+o.ID)
		}
		for _, o := range onPage() {
			grid.Add(s.needTile(sc, "need."+o.ID, o.Text.In(s.Lang()), s.picto(o.Picto, 48), chosen[o.ID], func() { toggle(o) }))
		}
		grid.Refresh()
		last := first+needsPage >= len(it.Options)
		confirm.Hidden, next.Hidden = !last, last
		action.Refresh()
	}
	draw()
	// On the second page, Retour and Escape go back to the first.
	sc.Back = func() {
		if first == 0 {
			f.back()
			return
		}
		first -= needsPage
		draw()
	}
	sc.OnRune = func(r rune) {
		if i := keyIndex(r); i >= 0 && i < len(onPage()) {
			toggle(onPage()[i])
		}
	}
	// Enter with no button focused goes on: the number keys tick, Enter
	// turns the page or validates.
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter {
			return false
		}
		if next.Visible() {
			next.OnTapped()
		} else {
			confirm.OnTapped()
		}
		return true
	}
	return grid, action
}

// needTile is a service to tick: its pictogram above its short name, the
// whole tile in the primary colour once chosen.
func (s *Screens) needTile(sc *shell.Screen, id, text string, pic fyne.CanvasObject, selected bool, f func()) fyne.CanvasObject {
	t := kit.NewLabel(text)
	t.Wrapping = fyne.TextWrapWord
	t.Alignment = fyne.TextAlignCenter
	// No side padding: five across at the largest text, "Logement" must
	// still fit on its line.
	return s.overButton(sc, id, selected, f, container.NewVBox(container.NewCenter(pic), t), 0)
}

// scene draws the realistic screen of a situational question: a text
// message on a phone (sender and message in the frame; no head), or a web
// page whose address bar (head) runs the whole width above it, so that the
// address is never cut: reading it is the point.
func (f *assessFlow) scene(sc *shell.Screen, sn *assessment.Scene) (head, box fyne.CanvasObject) {
	s := f.s
	lang := s.Lang()
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = s.color(theme.ColorNameForeground)
	frame.StrokeWidth = 4
	frame.CornerRadius = 18
	body := sc.Label("scene.body", sn.Body.In(lang))
	bg := canvas.NewRectangle(s.color(theme.ColorNameButton))
	bg.CornerRadius = 12
	parts := []fyne.CanvasObject{container.NewStack(bg, container.NewPadded(body))}
	if sn.Kind == "browser" {
		mark := s.picto("warning", 44)
		if sn.Secure {
			mark = s.picto("padlock", 44)
		}
		addr := sc.Label("scene.address", sn.Address)
		addr.Wrapping = fyne.TextWrapOff
		bar := canvas.NewRectangle(color.Transparent)
		bar.StrokeColor = s.color(theme.ColorNameForeground)
		bar.StrokeWidth = 3
		bar.CornerRadius = 24
		head = kit.LeftToRight(container.NewStack(bar, container.NewPadded(container.NewBorder(nil, nil, mark, nil, addr))))
	} else {
		from := sc.Label("scene.from", sn.From.In(lang))
		from.TextStyle.Bold = true
		parts = append([]fyne.CanvasObject{from}, parts...)
	}
	inner := kit.OnSurface(container.NewPadded(container.NewVBox(parts...)), "", true)
	return head, container.NewStack(frame, inner)
}

// split puts two objects side by side, the first on a left share of the
// width.
type split struct{ left float32 }

func (p *split) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := (size.Width - pad) * p.left
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width-w-pad, size.Height))
	objs[1].Move(fyne.NewPos(w+pad, 0))
}

func (p *split) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width+theme.Padding(), max(a.Height, b.Height))
}

// color is the current theme's colour n.
func (s *Screens) color(n fyne.ThemeColorName) color.Color {
	return s.App().Settings().Theme().Color(n, s.App().Settings().ThemeVariant())
}
