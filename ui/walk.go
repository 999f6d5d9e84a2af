package ui

import (
	"image/color"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/assessment/walkthrough"
	"pasapas/assets"
)

// walkLang is the language of the walkthrough screens: the visitor's, but
// French for a right-to-left one, as for all content (see rtl.go).
func (s *Shell) walkLang() string {
	if s.rightToLeft() {
		return s.svc.Text.Reference()
	}
	return s.lang
}

// wT is T for the walkthrough screens, in walkLang.
func (s *Shell) wT(key string, args ...string) string {
	return s.svc.Text.T(s.walkLang(), key, args...)
}

// walkRun is one visitor's way through one procedure. It lives in the
// screens' closures only: the next visitor cannot meet it.
type walkRun struct {
	proc *walkthrough.Procedure
	// have is the checklist: document code → the visitor has it; a code
	// not in the map has not been answered.
	have     map[string]bool
	reported map[string]bool // missing documents already recorded
	started  bool
	begun    time.Time
	step     int
	// stepBegun, hints and solved are about the step on screen.
	stepBegun time.Time
	hints     int
	solved    bool
}

// showProcedures opens "Être guidé pour une démarche": the procedures as
// tiles, the visitor's declared needs first. The assessment result screen
// calls it too.
func (s *Shell) showProcedures() { s.showProcedurePage(0) }

// tilesPerPage keeps every tile's title legible: fewer, larger tiles when
// the text is larger, never a scrolling list.
func (s *Shell) tilesPerPage() int {
	if s.textStep == 0 {
		return 6
	}
	return 3
}

func (s *Shell) showProcedurePage(pageNo int) {
	procs := s.svc.Walkthroughs.Ordered(s.svc.Sessions.Needs())
	per := s.tilesPerPage()
	pages := max(1, (len(procs)+per-1)/per)
	pageNo = max(0, min(pageNo, pages-1))
	sc := newScreen("walk.list")
	// Larger text: one tile per row, so each title stays on one line.
	grid := container.NewGridWithColumns(2)
	if s.textStep > 0 {
		grid = container.NewGridWithColumns(1)
	}
	shown := procs[pageNo*per : min(len(procs), (pageNo+1)*per)]
	for i, p := range shown {
		grid.Add(s.iconChoice(sc, "proc."+p.ID, assets.Illustration(p.Pictogram),
			strconv.Itoa(i+1)+". "+p.Title.In(s.walkLang()), "", func() { s.openProcedure(p) }))
	}
	// Empty cells keep the tiles of a last, shorter page the same size.
	for range per - len(shown) {
		grid.Add(canvas.NewRectangle(color.Transparent))
	}
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, s.showHome)
	prev := s.button(sc, "page.previous", s.wT("walk.page.previous"), widget.MediumImportance, func() { s.showProcedurePage(pageNo - 1) })
	next := s.button(sc, "page.next", s.wT("walk.page.next"), widget.MediumImportance, func() { s.showProcedurePage(pageNo + 1) })
	prev.Icon, next.Icon = theme.NavigateBackIcon(), theme.NavigateNextIcon()
	next.IconPlacement = widget.ButtonIconTrailingText
	if pageNo == 0 {
		prev.Disable()
	}
	if pageNo == pages-1 {
		next.Disable()
	}
	pageLabel := label(sc, "page", s.wT("walk.page", "n", strconv.Itoa(pageNo+1), "of", strconv.Itoa(pages)))
	pageLabel.Wrapping = fyne.TextWrapOff
	sc.Content = page(container.NewBorder(
		container.NewBorder(nil, nil, nil, pageLabel, heading(sc, "title", s.wT("walk.list.title"))), nil, nil, nil, grid,
	), back, prev, next)
	sc.Back = back.OnTapped
	var tiles []*Button
	for _, p := range shown {
		tiles = append(tiles, sc.Buttons["proc."+p.ID])
	}
	sc.OnRune = numberKeys(tiles...)
	// Arrow keys reach the page buttons' handlers even when those are
	// disabled; the page number is clamped, so nothing happens then.
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyRight, fyne.KeyPageDown:
			next.OnTapped()
		case fyne.KeyLeft, fyne.KeyPageUp:
			prev.OnTapped()
		default:
			return false
		}
		return true
	}
	s.show(sc)
}

func (s *Shell) openProcedure(p *walkthrough.Procedure) {
	run := &walkRun{proc: p, have: map[string]bool{}, reported: map[string]bool{}}
	if len(p.Bring) == 0 {
		s.beginWalk(run)
		return
	}
	s.showChecklist(run, 0)
}

// showChecklist asks, document by document, "J'ai" or "Je n'ai pas". A
// missing document does not stop anyone: the steps can be learnt anyway.
// At larger text sizes the documents come two per page.
func (s *Shell) showChecklist(run *walkRun, pageNo int) {
	p := run.proc
	per := len(p.Bring)
	if s.textStep > 0 {
		per = 2
	}
	pages := (len(p.Bring) + per - 1) / per
	docs := p.Bring[pageNo*per : min(len(p.Bring), (pageNo+1)*per)]
	sc := newScreen("walk.check")
	// The subtitle becomes the reassuring note once a document is missing:
	// the screen has no room for both at the largest text size.
	sub := centred(label(sc, "subtitle", ""))
	sub.TextStyle.Bold = true
	updateNote := func() {
		sub.SetText(s.wT("walk.check.title"))
		for _, has := range run.have {
			if !has {
				sub.SetText(s.wT("walk.check.missing"))
			}
		}
	}
	updateNote()
	rows := container.NewVBox()
	answer := make([]func(bool), len(docs))
	for i, d := range docs {
		var have, lack *Button
		mark := func(has bool) {
			run.have[d.Code] = has
			have.Importance, lack.Importance = widget.MediumImportance, widget.MediumImportance
			if has {
				have.Importance = widget.HighImportance
			} else {
				lack.Importance = widget.HighImportance
			}
			have.Refresh()
			lack.Refresh()
			updateNote()
		}
		answer[i] = mark
		have = s.button(sc, "have."+d.Code, s.wT("walk.check.have"), widget.MediumImportance, func() { mark(true) })
		lack = s.button(sc, "lack."+d.Code, s.wT("walk.check.lack"), widget.MediumImportance, func() { mark(false) })
		if has, ok := run.have[d.Code]; ok {
			mark(has)
		}
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(have, lack), label(sc, "doc."+d.Code, d.Label.In(s.walkLang()))))
	}
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() {
		if pageNo > 0 {
			s.showChecklist(run, pageNo-1)
			return
		}
		s.leaveWalk()
	})
	start := s.button(sc, "start", s.wT("walk.start"), widget.HighImportance, func() { s.beginWalk(run) })
	if pageNo < pages-1 {
		start = s.button(sc, "next", s.wT("walk.page.next"), widget.HighImportance, func() { s.showChecklist(run, pageNo+1) })
	}
	title := centred(label(sc, "title", p.Title.In(s.walkLang())))
	title.TextStyle.Bold = true
	sc.Content = page(container.NewVBox(title, sub, rows), back, start)
	sc.Back = back.OnTapped
	// 1 = "J'ai", 2 = "Je n'ai pas" for the first document not answered yet.
	sc.OnRune = func(r rune) {
		if r != '1' && r != '2' {
			return
		}
		for i, d := range docs {
			if _, ok := run.have[d.Code]; !ok {
				answer[i](r == '1')
				return
			}
		}
	}
	sc.OnKey = enterPresses(start)
	s.show(sc)
}

// enterPresses makes Enter, when no widget has the focus, press b.
func enterPresses(b *Button) func(*fyne.KeyEvent) bool {
	return func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
			b.OnTapped()
			return true
		}
		return false
	}
}

// numberKeys makes the key 1 press the first button, 2 the second… A nil
// button is a number without action.
func numberKeys(buttons ...*Button) func(rune) {
	return func(r rune) {
		if i := int(r - '1'); i >= 0 && i < len(buttons) && buttons[i] != nil {
			buttons[i].OnTapped()
		}
	}
}

// beginWalk records the start (once) and the documents said missing, then
// shows the first step.
func (s *Shell) beginWalk(run *walkRun) {
	if !run.started {
		run.started, run.begun = true, s.svc.Now()
		s.walking = run
		s.record(walkthrough.Started(run.proc.ID))
	}
	for _, d := range run.proc.Bring {
		if has, ok := run.have[d.Code]; ok && !has && !run.reported[d.Code] {
			run.reported[d.Code] = true
			s.record(walkthrough.Missing(run.proc.ID, d.Code))
		}
	}
	s.showStep(run, 0)
}

// leaveWalk goes back to the list; a walk already begun is recorded as
// abandoned at the step the visitor had reached.
func (s *Shell) leaveWalk() {
	s.abandonWalk()
	s.showProcedures()
}

// abandonWalk records the walk begun and not finished, if any, as left at
// the step the visitor had reached: by the visitor, or by the session's end
// (idle timeout, a crash) while they were in it.
func (s *Shell) abandonWalk() {
	run := s.walking
	if run == nil {
		return
	}
	s.walking = nil
	s.record(walkthrough.Abandoned(run.proc.ID, run.proc.Steps[run.step].ID, s.secondsSince(run.begun)))
}

// showStep shows step i: "Étape x sur n : title", the instruction, the
// usual pitfall (on the tip screen only at larger text sizes, for room) and
// the drawing, or for a practice step a tile opening the sandbox.
func (s *Shell) showStep(run *walkRun, i int) {
	p := run.proc
	st := p.Steps[i]
	if i != run.step || run.stepBegun.IsZero() {
		run.stepBegun, run.hints, run.solved = s.svc.Now(), 0, false
	}
	run.step = i
	sc := newScreen("walk.step")
	stepOf := label(sc, "step", s.stepOf(run)+" : "+st.Title.In(s.walkLang()))
	stepOf.TextStyle.Bold = true
	stepOf.SizeName = theme.SizeNameSubHeadingText
	text := []fyne.CanvasObject{label(sc, "instruction", st.Instruction.In(s.walkLang()))}
	if s.textStep == 0 {
		text = append(text, label(sc, "pitfall", s.wT("walk.pitfall", "text", st.Pitfall.In(s.walkLang()))))
	}
	var side fyne.CanvasObject = s.illustration(st.Illustration)
	if st.Sandbox != "" {
		side = container.New(&atLeast{width: 300, factor: 1},
			s.iconChoice(sc, "practice", assets.Illustration(st.Illustration), s.wT("walk.sandbox.open"), "", func() { s.showPractice(run) }))
	}
	done := s.button(sc, "done", s.wT("walk.done_step"), widget.HighImportance, func() { s.stepDone(run) })
	stuck := s.button(sc, "stuck", s.wT("walk.stuck"), widget.MediumImportance, func() { s.showStuck(run) })
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() { s.stepBack(run) })
	sc.Content = page(container.NewVBox(stepOf, container.NewBorder(nil, nil, nil, side, container.NewVBox(text...))),
		actionRow(back, stuck, done))
	sc.Back = back.OnTapped
	sc.OnRune = numberKeys(done, stuck, sc.Buttons["practice"])
	s.show(sc)
}

func (s *Shell) stepOf(run *walkRun) string {
	return s.wT("walk.step_of", "n", strconv.Itoa(run.step+1), "of", strconv.Itoa(len(run.proc.Steps)))
}

// showPractice is a step's sandbox: an interactive look-alike of the real
// page under a permanent "nothing is sent" banner. A wrong action gets a
// gentle hint in place of the task; the right one, a "Bravo".
func (s *Shell) showPractice(run *walkRun) {
	st := run.proc.Steps[run.step]
	sc := newScreen("walk.sandbox")
	task := label(sc, "hint", s.wT("sandbox."+st.Sandbox+".task"))
	task.TextStyle.Bold = true
	done := s.button(sc, "done", s.wT("walk.done_step"), widget.HighImportance, func() { s.stepDone(run) })
	solved := func() {
		run.solved = true
		task.SetText(s.wT("walk.sandbox.bravo"))
		done.SetText(s.wT("walk.sandbox.continue"))
		s.win.Canvas().Focus(done)
	}
	gentle := func(key string) {
		run.hints++
		task.SetText(s.wT(key))
	}
	stuck := s.button(sc, "stuck", s.wT("walk.stuck"), widget.MediumImportance, func() { s.showStuck(run) })
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() { s.showStep(run, run.step) })
	sc.Content = page(container.NewVBox(practiceBanner(s.wT("walk.sandbox.banner")), task, s.practice(sc, st.Sandbox, solved, gentle)),
		actionRow(back, stuck, done))
	sc.Back = back.OnTapped
	s.show(sc)
}

// actionRow lays out a bottom row whose buttons are as wide as their text
// needs, sharing what is left: "Je suis bloqué(e)" at the largest text size
// does not fit a third of the screen.
func actionRow(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&spreadRow{}, buttons...)
}

type spreadRow struct{}

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

// illustration is a step's drawing, smaller when the text is larger so the
// instruction keeps its room.
func (s *Shell) illustration(name string) fyne.CanvasObject {
	res := assets.Illustration(name)
	if res == nil {
		return layout.NewSpacer()
	}
	img := canvas.NewImageFromResource(res)
	img.FillMode = canvas.ImageFillContain
	w := float32(360)
	if s.textStep > 0 {
		w = 280
	}
	img.SetMinSize(fyne.NewSize(w, w*3/4))
	return container.NewCenter(img)
}

// practiceBanner says, on every practice step, that nothing leaves the
// kiosk.
func practiceBanner(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Alignment = fyne.TextAlignCenter
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	bg.CornerRadius = 10
	return container.NewStack(bg, container.NewThemeOverride(l, onWarning{}))
}

// onWarning is onPrimary's counterpart for text on the warning colour.
type onWarning struct{ onPrimary }

func (o onWarning) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		n = theme.ColorNameForegroundOnWarning
	}
	return o.current().Color(n, v)
}

func (s *Shell) stepDone(run *walkRun) {
	st := run.proc.Steps[run.step]
	practice := ""
	if st.Sandbox != "" {
		practice = walkthrough.PracticeSkipped
		if run.solved {
			practice = walkthrough.PracticeDone
		}
	}
	s.record(walkthrough.StepDone(run.proc.ID, st.ID, s.secondsSince(run.stepBegun), practice, run.hints))
	if run.step+1 < len(run.proc.Steps) {
		s.showStep(run, run.step+1)
		return
	}
	s.walking = nil
	s.record(walkthrough.Completed(run.proc.ID, s.secondsSince(run.begun)))
	s.showWalkEnd(run)
}

func (s *Shell) stepBack(run *walkRun) {
	switch {
	case run.step > 0:
		s.showStep(run, run.step-1)
	case len(run.proc.Bring) > 0:
		s.showChecklist(run, 0)
	default:
		s.leaveWalk()
	}
}

// showStuck is "Je suis bloqué(e)": try again, see a tip, or stop and ask
// the mediator. Each choice is recorded with the time spent on the step.
func (s *Shell) showStuck(run *walkRun) {
	st := run.proc.Steps[run.step]
	secs := s.secondsSince(run.stepBegun)
	stuck := func(outcome string) { s.record(walkthrough.Stuck(run.proc.ID, st.ID, secs, outcome)) }
	sc := newScreen("walk.stuck")
	retry := s.button(sc, "retry", "1.  "+s.wT("walk.stuck.retry"), widget.HighImportance, func() {
		stuck(walkthrough.StuckRetry)
		s.showStep(run, run.step)
	})
	tip := s.button(sc, "tip", "2.  "+s.wT("walk.stuck.tip"), widget.HighImportance, func() {
		stuck(walkthrough.StuckTip)
		s.showTip(run)
	})
	mediator := s.button(sc, "mediator", "3.  "+s.wT("walk.stuck.mediator"), widget.HighImportance, func() {
		stuck(walkthrough.StuckMediator)
		s.abandonWalk()
		s.showAskMediator(run)
	})
	for _, b := range []*Button{retry, tip, mediator} {
		b.Alignment = widget.ButtonAlignLeading
	}
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.wT("walk.stuck.title")),
		centred(label(sc, "body", s.wT("walk.stuck.body"))),
		container.NewPadded(container.NewVBox(retry, tip, mediator)),
	))
	sc.Back = retry.OnTapped
	sc.OnRune = numberKeys(retry, tip, mediator)
	s.show(sc)
}

func (s *Shell) showTip(run *walkRun) {
	st := run.proc.Steps[run.step]
	sc := newScreen("walk.tip")
	back := s.button(sc, "back", s.wT("walk.tip.back"), widget.HighImportance, func() { s.showStep(run, run.step) })
	tip := centred(label(sc, "tip", st.Tip.In(s.walkLang())))
	tip.SizeName = theme.SizeNameSubHeadingText
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.wT("walk.tip.title")),
		tip,
		centred(label(sc, "pitfall", s.wT("walk.pitfall", "text", st.Pitfall.In(s.walkLang())))),
	), back)
	sc.Back = back.OnTapped
	s.show(sc)
}

// showAskMediator ends the walk where the visitor stopped and gives the
// session code the mediator needs to see where.
func (s *Shell) showAskMediator(run *walkRun) {
	sc := newScreen("walk.mediator")
	code := ""
	if cur := s.svc.Sessions.Current(); cur != nil {
		code = cur.Code.String()
	}
	codeLabel := centred(label(sc, "code", s.wT("walk.mediator.body", "code", code)))
	codeLabel.SizeName = theme.SizeNameSubHeadingText
	codeLabel.TextStyle.Bold = true
	where := s.stepOf(run) + " : " + run.proc.Steps[run.step].Title.In(s.walkLang())
	home := s.button(sc, "home", s.wT("common.home"), widget.HighImportance, s.showHome)
	sc.Content = page(container.NewVBox(
		heading(sc, "title", s.wT("walk.mediator.title")),
		codeLabel,
		centred(label(sc, "where", s.wT("walk.mediator.where", "where", where))),
		container.NewCenter(s.printButton(sc)),
	), home)
	sc.Back = home.OnTapped
	s.show(sc)
}

// showWalkEnd congratulates the visitor and says where the real procedure
// is done and what to bring.
func (s *Shell) showWalkEnd(run *walkRun) {
	p := run.proc
	sc := newScreen("walk.end")
	parts := []fyne.CanvasObject{heading(sc, "title", s.wT("walk.end.title"))}
	if s.textStep == 0 { // no room for it at larger sizes, and the title says it
		parts = append(parts, centred(label(sc, "body", s.wT("walk.end.body"))))
	}
	var missing []string
	for _, d := range p.Bring {
		if has, ok := run.have[d.Code]; ok && !has {
			missing = append(missing, d.Label.In(s.walkLang()))
		}
	}
	if len(missing) > 0 {
		parts = append(parts, centred(label(sc, "missing", s.wT("walk.end.missing", "docs", strings.Join(missing, ", ")))))
	}
	source := centred(label(sc, "source", s.wT("walk.end.source", "site", siteName(p.Source.URL), "date", dayMonthYear(p.Source.Checked))))
	source.TextStyle.Bold = true
	parts = append(parts, source)
	home := s.button(sc, "home", s.wT("common.home"), widget.MediumImportance, s.showHome)
	other := s.button(sc, "other", s.wT("walk.end.other"), widget.HighImportance, s.showProcedures)
	// Printing sits in the page, not in the bottom row: hidden when there
	// is no printer, it must not take a column there.
	printBtn := s.printButton(sc)
	parts = append(parts, container.NewCenter(printBtn))
	sc.Content = page(container.NewVBox(parts...), home, other)
	sc.Back = other.OnTapped
	s.show(sc)
}

// record stores a walkthrough event; a storage failure is logged and the
// visitor carries on: losing one event must not end their walk.
func (s *Shell) record(kind string, p session.Payload) {
	if err := s.svc.Sessions.Record(kind, p); err != nil {
		s.svc.Log.WithError(err).WithField("kind", kind).Error("storing a walkthrough event")
	}
}

func (s *Shell) secondsSince(t time.Time) int {
	return int(s.svc.Now().Sub(t) / time.Second)
}

// siteName is the part of an address a visitor types: "ameli.fr".
func siteName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// dayMonthYear turns 2026-11-23 into 23/11/2026.
func dayMonthYear(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}
