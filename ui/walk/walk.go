package ui

import (
	"image/color"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// showProcedures opens "Suivre une démarche pas à pas": the procedures as
// tiles, the visitor's declared needs first. The assessment result screen
// calls it too.
func (s *Shell) showProcedures() {
	procs := s.svc.Walkthroughs.Ordered(s.svc.Sessions.Needs())
	s.show(s.procedureScreen(procs, 0, s.tilesPerPage(procs)))
}

// tileCounts are the tiles a page of procedures may hold, most first:
// two columns at the smallest text, one column (each title on fewer lines)
// when the text is larger. The first count whose every page fits the
// screen is used, so a long title or language never overflows.
func (s *Shell) tileCounts() []int {
	if s.textStep == 0 {
		return []int{6, 4, 2}
	}
	return []int{3, 2, 1}
}

// tilesPerPage is the largest of tileCounts whose every page fits.
func (s *Shell) tilesPerPage(procs []*walkthrough.Procedure) int {
	counts := s.tileCounts()
	for _, per := range counts {
		fit := true
		for pageNo := 0; fit && pageNo*per < len(procs); pageNo++ {
			fit = s.fitsScreen(s.procedureScreen(procs, pageNo, per).Content)
		}
		if fit {
			return per
		}
	}
	return counts[len(counts)-1]
}

// procedureScreen builds page pageNo of procs, per tiles a page.
func (s *Shell) procedureScreen(procs []*walkthrough.Procedure, pageNo, per int) *Screen {
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
	// Turning the page keeps the cut measured on the way in.
	turn := func(to int) func() { return func() { s.show(s.procedureScreen(procs, to, per)) } }
	prev := s.button(sc, "page.previous", s.wT("walk.page.previous"), widget.MediumImportance, turn(pageNo-1))
	next := s.button(sc, "page.next", s.wT("walk.page.next"), widget.MediumImportance, turn(pageNo+1))
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
	return sc
}

func (s *Shell) openProcedure(p *walkthrough.Procedure) {
	run := &walkRun{proc: p, have: map[string]bool{}, reported: map[string]bool{}}
	if len(checkItems(p)) == 0 {
		s.beginWalk(run)
		return
	}
	s.showChecklist(run, 0)
}

// checkItem is one line of the checklist: a document to have now, which
// the visitor answers, or one to bring to the appointment, only listed.
type checkItem struct {
	doc   walkthrough.Document
	later bool
}

func checkItems(p *walkthrough.Procedure) []checkItem {
	var items []checkItem
	for _, d := range p.Bring {
		items = append(items, checkItem{doc: d})
	}
	for _, d := range p.BringLater {
		items = append(items, checkItem{doc: d, later: true})
	}
	return items
}

// checklistCut is how the checklist is cut into pages; stacked puts the
// "J'ai" / "Je n'ai pas" buttons under a document's name rather than
// beside it, for names too long for the narrow column left beside them.
type checklistCut struct {
	pages   [][]checkItem
	stacked bool
}

// cutChecklist cuts the checklist into pages that fit the screen at the
// visitor's text size, in order, as many lines on a page as it holds.
func (s *Shell) cutChecklist(run *walkRun) checklistCut {
	var cut checklistCut
	for _, cut.stacked = range []bool{false, true} {
		cut.pages = nil
		var cur []checkItem
		fit := true
		for _, it := range checkItems(run.proc) {
			try := append(slices.Clone(cur), it)
			if !s.fitsScreen(s.checklistScreen(run, cut, try, 0, true).Content) {
				if len(cur) == 0 {
					fit = false // even alone, this line is too tall
				} else {
					cut.pages = append(cut.pages, cur)
					try = []checkItem{it}
				}
			}
			cur = try
		}
		cut.pages = append(cut.pages, cur)
		if fit {
			break
		}
	}
	return cut
}

// showChecklist shows page pageNo of the checklist: « À avoir maintenant »,
// asked document by document with "J'ai" or "Je n'ai pas", then « À
// apporter au rendez-vous ». A missing document does not stop anyone: the
// steps can be learnt anyway.
func (s *Shell) showChecklist(run *walkRun, pageNo int) {
	cut := s.cutChecklist(run)
	pageNo = max(0, min(pageNo, len(cut.pages)-1))
	s.show(s.checklistScreen(run, cut, cut.pages[pageNo], pageNo, false))
}

// checklistScreen builds page pageNo of cut, showing items. A page built
// to be measured carries the longer of its two subtitles, so that the note
// shown once a document is missing cannot push it off the screen.
func (s *Shell) checklistScreen(run *walkRun, cut checklistCut, items []checkItem, pageNo int, measure bool) *Screen {
	p := run.proc
	sc := newScreen("walk.check")
	// The subtitle becomes the reassuring note once a document is missing:
	// the screen has no room for both at the largest text size.
	// The subtitle says what the first lines of the page are: the
	// documents to have (or, when there are documents to bring later, «
	// À avoir maintenant »), or the documents to bring. Once a document is
	// missing it becomes the reassuring note: the screen has no room for
	// both at the largest text size.
	sections := len(p.BringLater) > 0
	heading, note := s.wT("walk.check.title"), s.wT("walk.check.missing")
	switch {
	case sections && len(items) > 0 && items[0].later:
		heading, note = s.wT("walk.check.later"), ""
	case sections:
		heading = s.wT("walk.check.now")
	}
	sub := centred(label(sc, "subtitle", heading))
	sub.TextStyle.Bold = true
	updateNote := func() {
		for _, has := range run.have {
			if !has && note != "" {
				sub.SetText(note)
			}
		}
	}
	if measure && utf8.RuneCountInString(note) > utf8.RuneCountInString(heading) {
		sub.SetText(note)
	}
	updateNote()
	rows := container.NewVBox()
	var answer []func(bool)
	var asked []walkthrough.Document
	for i, it := range items {
		d := it.doc
		if i > 0 && it.later && !items[i-1].later {
			later := centred(label(sc, "walk.check.later", s.wT("walk.check.later")))
			later.TextStyle.Bold = true
			rows.Add(later)
		}
		if it.later {
			rows.Add(label(sc, "later."+d.Code, "•  "+d.Label.In(s.walkLang())))
			continue
		}
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
		answer = append(answer, mark)
		asked = append(asked, d)
		have = s.button(sc, "have."+d.Code, s.wT("walk.check.have"), widget.MediumImportance, func() { mark(true) })
		lack = s.button(sc, "lack."+d.Code, s.wT("walk.check.lack"), widget.MediumImportance, func() { mark(false) })
		if has, ok := run.have[d.Code]; ok {
			mark(has)
		}
		name := label(sc, "doc."+d.Code, d.Label.In(s.walkLang()))
		if cut.stacked {
			rows.Add(container.NewVBox(name, container.NewHBox(layout.NewSpacer(), have, lack)))
		} else {
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(have, lack), name))
		}
	}
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() {
		if pageNo > 0 {
			s.showChecklist(run, pageNo-1)
			return
		}
		s.leaveWalk()
	})
	start := s.button(sc, "start", s.wT("walk.start"), widget.HighImportance, func() { s.beginWalk(run) })
	if !measure && pageNo < len(cut.pages)-1 {
		delete(sc.Buttons, "start")
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
		for i, d := range asked {
			if _, ok := run.have[d.Code]; !ok {
				answer[i](r == '1')
				return
			}
		}
	}
	sc.OnKey = enterPresses(start)
	sc.Redraw = func() { s.showChecklist(run, 0) }
	return sc
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

// stepPart is one thing a step screen shows.
type stepPart int

const (
	partInstruction stepPart = iota
	partPitfall
	partSide // the drawing, or the tile that opens the practice
)

// stepLayouts are the ways a step is cut into pages, tried in order until
// every page fits the screen at the visitor's text size: all on one page;
// the instruction and its warning, then the drawing on a page of its own;
// each on a page of its own. Text is never dropped for room.
var stepLayouts = [][][]stepPart{
	{{partInstruction, partPitfall, partSide}},
	{{partInstruction, partPitfall}, {partSide}},
	{{partInstruction}, {partPitfall}, {partSide}},
}

// DesignSize is the smallest screen every visitor page must fit without
// scrolling. Pages are cut for it on any screen, so that a step has the
// same pages everywhere.
var DesignSize = fyne.NewSize(1024, 768)

// fitsScreen lays content out where a page goes on a DesignSize window,
// under the top bar, and tells whether it needs no more room than that.
func (s *Shell) fitsScreen(content fyne.CanvasObject) bool {
	pad := theme.Padding()
	area := DesignSize.SubtractWidthHeight(0, s.topBar.content.MinSize().Height+pad)
	if s.win.Padded() {
		area = area.SubtractWidthHeight(2*pad, 2*pad)
	}
	content.Resize(area)
	need := content.MinSize()
	return need.Width <= area.Width && need.Height <= area.Height
}

// showStep shows step i from its first page.
func (s *Shell) showStep(run *walkRun, i int) { s.showStepPage(run, i, 0) }

// showStepPage shows page pageNo of step i (-1: its last page, where the
// practice is): "Étape x sur n : title", the instruction, the usual
// pitfall, and the drawing or, for a practice step, a tile opening the
// sandbox. "Suite" leads to the next page of a step cut in pages, "C'est
// fait" on the last one to the next step.
func (s *Shell) showStepPage(run *walkRun, i, pageNo int) {
	if i != run.step || run.stepBegun.IsZero() {
		run.stepBegun, run.hints, run.solved = s.svc.Now(), 0, false
	}
	run.step = i
	pages := s.stepPages(run)
	if pageNo < 0 || pageNo >= len(pages) {
		pageNo = len(pages) - 1
	}
	s.show(s.stepScreen(run, pages, pageNo, false))
}

// stepPages cuts the step on screen into pages (see stepLayouts), leaving
// out the side of a step without a drawing.
func (s *Shell) stepPages(run *walkRun) [][]stepPart {
	st := run.proc.Steps[run.step]
	hasSide := st.Sandbox != "" || assets.Illustration(st.Illustration) != nil
	var pages [][]stepPart
	for _, layout := range stepLayouts {
		pages = pages[:0:0]
		for _, parts := range layout {
			if !hasSide {
				parts = slices.DeleteFunc(slices.Clone(parts), func(p stepPart) bool { return p == partSide })
			}
			if len(parts) > 0 {
				pages = append(pages, parts)
			}
		}
		fit := true
		for n := range pages {
			fit = fit && s.fitsScreen(s.stepScreen(run, pages, n, true).Content)
		}
		if fit {
			break
		}
	}
	return pages
}

// stepScreen builds page pageNo of the step on screen. A screen built only
// to be measured has blank drawings: drawing them is slow, and their size
// is fixed.
func (s *Shell) stepScreen(run *walkRun, pages [][]stepPart, pageNo int, measure bool) *Screen {
	st := run.proc.Steps[run.step]
	sc := newScreen("walk.step")
	stepOf := label(sc, "step", s.stepOf(run)+" : "+st.Title.In(s.walkLang()))
	stepOf.TextStyle.Bold = true
	stepOf.SizeName = theme.SizeNameSubHeadingText
	parts := pages[pageNo]
	var text []fyne.CanvasObject
	var side fyne.CanvasObject
	for _, part := range parts {
		switch part {
		case partInstruction:
			text = append(text, label(sc, "instruction", st.Instruction.In(s.walkLang())))
		case partPitfall:
			text = append(text, s.pitfall(sc, st))
		case partSide:
			side = s.stepSide(sc, run, len(parts) == 1, measure)
		}
	}
	var body fyne.CanvasObject = container.NewVBox(text...)
	switch {
	case side != nil && len(text) == 0:
		body = container.NewCenter(side)
	case side != nil:
		body = container.NewBorder(nil, nil, nil, side, body)
	}
	last := pageNo == len(pages)-1
	forward := s.button(sc, "done", s.wT("walk.done_step"), widget.HighImportance, func() { s.stepDone(run) })
	if !last {
		delete(sc.Buttons, "done")
		forward = s.button(sc, "more", s.wT("walk.step.more"), widget.HighImportance, func() { s.showStepPage(run, run.step, pageNo+1) })
		forward.Icon, forward.IconPlacement = theme.NavigateNextIcon(), widget.ButtonIconTrailingText
	}
	stuck := s.button(sc, "stuck", s.wT("walk.stuck"), widget.MediumImportance, func() { s.showStuck(run) })
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() {
		if pageNo > 0 {
			s.showStepPage(run, run.step, pageNo-1)
			return
		}
		s.stepBack(run)
	})
	sc.Content = page(container.NewVBox(stepOf, body), actionRow(back, stuck, forward))
	sc.Back = back.OnTapped
	sc.OnRune = numberKeys(forward, stuck, sc.Buttons["practice"])
	// The arrow keys turn the pages of a step; finishing it stays a
	// deliberate "C'est fait".
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		switch {
		case (ev.Name == fyne.KeyRight || ev.Name == fyne.KeyPageDown) && !last:
			forward.OnTapped()
		case (ev.Name == fyne.KeyLeft || ev.Name == fyne.KeyPageUp) && pageNo > 0:
			back.OnTapped()
		default:
			return false
		}
		return true
	}
	sc.Redraw = func() { s.showStep(run, run.step) }
	return sc
}

// pitfall is a step's usual mistake, "Attention : …", in bold so that it
// reads as a warning and not as one more instruction.
func (s *Shell) pitfall(sc *Screen, st walkthrough.Step) fyne.CanvasObject {
	l := label(sc, "pitfall", s.wT("walk.pitfall", "text", st.Pitfall.In(s.walkLang())))
	l.TextStyle.Bold = true
	return l
}

// stepSide is a step's drawing, or the tile opening its practice; alone
// on its page it may be larger.
func (s *Shell) stepSide(sc *Screen, run *walkRun, alone, measure bool) fyne.CanvasObject {
	st := run.proc.Steps[run.step]
	picture := assets.Illustration(st.Illustration)
	if measure {
		picture = blankDrawing
	}
	if st.Sandbox == "" {
		return s.illustration(picture, alone)
	}
	title := s.wT("walk.sandbox.open")
	width := float32(300)
	if alone {
		width = 420
	}
	// Beside the text the tile is narrow: widen it so that each word of
	// its title fits whole beside the pictogram (« S'entraîner » was cut
	// in two at A++).
	for _, w := range strings.Fields(title) {
		word := fyne.MeasureText(w, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		width = max(width, word+MinTouchTarget+12+8*theme.Padding())
	}
	return container.New(&atLeast{width: width, factor: 1},
		s.iconChoice(sc, "practice", picture, title, "", func() { s.showPractice(run) }))
}

// blankDrawing stands for a drawing in a screen built to be measured.
var blankDrawing = fyne.NewStaticResource("blank.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>`))

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
	back := s.button(sc, "back", s.wT("common.back"), widget.MediumImportance, func() { s.showStepPage(run, run.step, -1) })
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

// illustration is a step's drawing, smaller beside larger text so the
// instruction keeps its room, larger on a page of its own.
func (s *Shell) illustration(res fyne.Resource, alone bool) fyne.CanvasObject {
	if res == nil {
		return layout.NewSpacer()
	}
	img := canvas.NewImageFromResource(res)
	img.FillMode = canvas.ImageFillContain
	w := float32(360)
	switch {
	case alone:
		w = 400
	case s.textStep > 0:
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
	case len(checkItems(run.proc)) > 0:
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

// showTip shows the step's tip, large, and its warning again: the first of
// these that fits. The warning is on the step's own page already.
func (s *Shell) showTip(run *walkRun) {
	st := run.proc.Steps[run.step]
	build := func(withPitfall, large bool) *Screen {
		sc := newScreen("walk.tip")
		back := s.button(sc, "back", s.wT("walk.tip.back"), widget.HighImportance, func() { s.showStep(run, run.step) })
		tip := centred(label(sc, "tip", st.Tip.In(s.walkLang())))
		if large {
			tip.SizeName = theme.SizeNameSubHeadingText
		}
		parts := []fyne.CanvasObject{heading(sc, "title", s.wT("walk.tip.title")), tip}
		if withPitfall {
			parts = append(parts, centred(label(sc, "pitfall", s.wT("walk.pitfall", "text", st.Pitfall.In(s.walkLang())))))
		}
		sc.Content = page(container.NewVBox(parts...), back)
		sc.Back = back.OnTapped
		sc.Redraw = func() { s.showTip(run) }
		return sc
	}
	sc := build(true, true)
	for _, try := range [][2]bool{{false, true}, {false, false}} {
		if s.fitsScreen(sc.Content) {
			break
		}
		sc = build(try[0], try[1])
	}
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
// is done and which documents they said they lack: by name, or by their
// number when the names do not fit.
func (s *Shell) showWalkEnd(run *walkRun) {
	p := run.proc
	var missing []string
	for _, d := range p.Bring {
		if has, ok := run.have[d.Code]; ok && !has {
			missing = append(missing, d.Label.In(s.walkLang()))
		}
	}
	build := func(missingText string) *Screen {
		sc := newScreen("walk.end")
		parts := []fyne.CanvasObject{heading(sc, "title", s.wT("walk.end.title"))}
		if s.textStep == 0 { // no room for it at larger sizes, and the title says it
			parts = append(parts, centred(label(sc, "body", s.wT("walk.end.body"))))
		}
		if missingText != "" {
			parts = append(parts, centred(label(sc, "missing", missingText)))
		}
		// The site the visitor types, never a certificate of the content:
		// the day it was checked is for the mediator console.
		source := centred(label(sc, "source", s.wT("walk.end.source", "site", officialSite(p))))
		source.TextStyle.Bold = true
		parts = append(parts, source)
		home := s.button(sc, "home", s.wT("common.home"), widget.MediumImportance, s.showHome)
		other := s.button(sc, "other", s.wT("walk.end.other"), widget.HighImportance, s.showProcedures)
		// Printing sits in the page, not in the bottom row: hidden when
		// there is no printer, it must not take a column there.
		parts = append(parts, container.NewCenter(s.printButton(sc)))
		sc.Content = page(container.NewVBox(parts...), home, other)
		sc.Back = other.OnTapped
		return sc
	}
	var sc *Screen
	switch {
	case len(missing) == 0:
		sc = build("")
	default:
		sc = build(s.wT("walk.end.missing", "docs", strings.Join(missing, ", ")))
		if !s.fitsScreen(sc.Content) {
			sc = build(s.wT("walk.end.missing.many", "n", strconv.Itoa(len(missing))))
		}
	}
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

// officialSite is the address the visitor types to do the procedure for
// real: its site, or for a file without one the host of its source page.
func officialSite(p *walkthrough.Procedure) string {
	if p.Site != "" {
		return p.Site
	}
	return siteName(p.Source.URL)
}

// siteName is the part of an address a visitor types: "ameli.fr".
func siteName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
