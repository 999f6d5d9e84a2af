package walk

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

	"pasapas/assessment/walkthrough"
	"pasapas/assets"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// ShowProcedures opens "Suivre une démarche pas à pas": the procedures as
// tiles, the visitor's declared needs first. The assessment result screen
// calls it too.
func (s *Screens) ShowProcedures() {
	procs := s.Svc.Walkthroughs.Ordered(s.Svc.Sessions.Needs())
	s.Show(s.procedureScreen(procs, 0, s.tilesPerPage(procs)))
}

// tileCounts are the tiles a page of procedures may hold, most first:
// two columns at the smallest text, one column (each title on fewer lines)
// when the text is larger. The first count whose every page fits the
// screen is used, so a long title or language never overflows.
func (s *Screens) tileCounts() []int {
	if s.TextStep() == 0 {
		return []int{6, 4, 2}
	}
	return []int{3, 2, 1}
}

// tilesPerPage is the largest of tileCounts whose every page fits.
func (s *Screens) tilesPerPage(procs []*walkthrough.Procedure) int {
	counts := s.tileCounts()
	for _, per := range counts {
		fit := true
		for pageNo := 0; fit && pageNo*per < len(procs); pageNo++ {
			fit = s.FitsScreen(s.procedureScreen(procs, pageNo, per).Content)
		}
		if fit {
			return per
		}
	}
	return counts[len(counts)-1]
}

// procedureScreen builds page pageNo of procs, per tiles a page.
func (s *Screens) procedureScreen(procs []*walkthrough.Procedure, pageNo, per int) *shell.Screen {
	pages := max(1, (len(procs)+per-1)/per)
	pageNo = max(0, min(pageNo, pages-1))
	sc := shell.NewScreen("walk.list")
	// Larger text: one tile per row, so each title stays on one line.
	grid := container.NewGridWithColumns(2)
	if s.TextStep() > 0 {
		grid = container.NewGridWithColumns(1)
	}
	shown := procs[pageNo*per : min(len(procs), (pageNo+1)*per)]
	for i, p := range shown {
		grid.Add(s.IconChoice(sc, "proc."+p.ID, assets.Illustration(p.Pictogram),
			strconv.Itoa(i+1)+". "+p.Title.In(s.Lang()), "", func() { s.OpenProcedure(p) }))
	}
	// Empty cells keep the tiles of a last, shorter page the same size.
	for range per - len(shown) {
		grid.Add(canvas.NewRectangle(color.Transparent))
	}
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, s.Flows.Home)
	// Turning the page keeps the cut measured on the way in.
	turn := func(to int) func() { return func() { s.Show(s.procedureScreen(procs, to, per)) } }
	prev := s.Button(sc, "page.previous", s.T("walk.page.previous"), widget.MediumImportance, turn(pageNo-1))
	next := s.Button(sc, "page.next", s.T("walk.page.next"), widget.MediumImportance, turn(pageNo+1))
	prev.Icon, next.Icon = theme.NavigateBackIcon(), theme.NavigateNextIcon()
	next.IconPlacement = widget.ButtonIconTrailingText
	if pageNo == 0 {
		prev.Disable()
	}
	if pageNo == pages-1 {
		next.Disable()
	}
	pageLabel := sc.Label("page", s.T("walk.page", "n", strconv.Itoa(pageNo+1), "of", strconv.Itoa(pages)))
	pageLabel.Wrapping = fyne.TextWrapOff
	sc.Content = kit.Page(container.NewBorder(
		container.NewBorder(nil, nil, nil, pageLabel, sc.Heading("title", s.T("walk.list.title"))), nil, nil, nil, grid,
	), back, prev, next)
	sc.Back = back.OnTapped
	var tiles []*kit.Button
	for _, p := range shown {
		tiles = append(tiles, sc.Buttons["proc."+p.ID])
	}
	sc.OnRune = kit.NumberKeys(tiles...)
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

func (s *Screens) OpenProcedure(p *walkthrough.Procedure) {
	run := walkthrough.NewRun(p, s.Svc.Now, s.record)
	if len(checkItems(p)) == 0 {
		s.beginWalk(run, 0)
		return
	}
	s.showChecklist(run, 0)
}

// Resume opens walkthrough id at step (its first step when the step is
// gone from the content), where a returning visitor stopped last time;
// an unknown procedure shows the list.
func (s *Screens) Resume(id, step string) {
	p := s.Svc.Walkthroughs.Get(id)
	if p == nil {
		s.ShowProcedures()
		return
	}
	s.beginWalk(walkthrough.NewRun(p, s.Svc.Now, s.record), max(0, p.StepIndex(step)))
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
func (s *Screens) cutChecklist(run *walkthrough.Run) checklistCut {
	var cut checklistCut
	for _, cut.stacked = range []bool{false, true} {
		cut.pages = nil
		var cur []checkItem
		fit := true
		for _, it := range checkItems(run.Proc) {
			try := append(slices.Clone(cur), it)
			if !s.FitsScreen(s.checklistScreen(run, cut, try, 0, true).Content) {
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
func (s *Screens) showChecklist(run *walkthrough.Run, pageNo int) {
	cut := s.cutChecklist(run)
	pageNo = max(0, min(pageNo, len(cut.pages)-1))
	s.Show(s.checklistScreen(run, cut, cut.pages[pageNo], pageNo, false))
	s.prepareDrawing(run, run.Step())
}

// checklistScreen builds page pageNo of cut, showing items. A page built
// to be measured carries the longer of its two subtitles, so that the note
// shown once a document is missing cannot push it off the screen.
func (s *Screens) checklistScreen(run *walkthrough.Run, cut checklistCut, items []checkItem, pageNo int, measure bool) *shell.Screen {
	p := run.Proc
	sc := shell.NewScreen("walk.check")
	// The subtitle becomes the reassuring note once a document is missing:
	// the screen has no room for both at the largest text size.
	// The subtitle says what the first lines of the page are: the
	// documents to have (or, when there are documents to bring later, «
	// À avoir maintenant »), or the documents to bring. Once a document is
	// missing it becomes the reassuring note: the screen has no room for
	// both at the largest text size.
	sections := len(p.BringLater) > 0
	heading, note := s.T("walk.check.title"), s.T("walk.check.missing")
	switch {
	case sections && len(items) > 0 && items[0].later:
		heading, note = s.T("walk.check.later"), ""
	case sections:
		heading = s.T("walk.check.now")
	}
	sub := kit.Centred(sc.Label("subtitle", heading))
	sub.TextStyle.Bold = true
	updateNote := func() {
		if run.Lacking() && note != "" {
			sub.SetText(note)
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
			later := kit.Centred(sc.Label("walk.check.later", s.T("walk.check.later")))
			later.TextStyle.Bold = true
			rows.Add(later)
		}
		if it.later {
			rows.Add(sc.Label("later."+d.Code, "•  "+d.Label.In(s.Lang())))
			continue
		}
		var have, lack *kit.Button
		mark := func(has bool) {
			run.SetHave(d.Code, has)
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
		have = s.Button(sc, "have."+d.Code, s.T("walk.check.have"), widget.MediumImportance, func() { mark(true) })
		lack = s.Button(sc, "lack."+d.Code, s.T("walk.check.lack"), widget.MediumImportance, func() { mark(false) })
		if has, ok := run.Have(d.Code); ok {
			mark(has)
		}
		name := sc.Label("doc."+d.Code, d.Label.In(s.Lang()))
		if cut.stacked {
			rows.Add(container.NewVBox(name, container.NewHBox(layout.NewSpacer(), have, lack)))
		} else {
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(have, lack), name))
		}
	}
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, func() {
		if pageNo > 0 {
			s.showChecklist(run, pageNo-1)
			return
		}
		s.leaveWalk(run)
	})
	start := s.Button(sc, "start", s.T("walk.start"), widget.HighImportance, func() { s.beginWalk(run, 0) })
	if !measure && pageNo < len(cut.pages)-1 {
		delete(sc.Buttons, "start")
		start = s.Button(sc, "next", s.T("walk.page.next"), widget.HighImportance, func() { s.showChecklist(run, pageNo+1) })
	}
	title := kit.Centred(sc.Label("title", p.Title.In(s.Lang())))
	title.TextStyle.Bold = true
	sc.Content = kit.Page(container.NewVBox(title, sub, rows), back, start)
	sc.Back = back.OnTapped
	// 1 = "J'ai", 2 = "Je n'ai pas" for the first document not answered yet.
	sc.OnRune = func(r rune) {
		if r != '1' && r != '2' {
			return
		}
		for i, d := range asked {
			if _, ok := run.Have(d.Code); !ok {
				answer[i](r == '1')
				return
			}
		}
	}
	sc.OnKey = kit.EnterPresses(start)
	sc.Redraw = func() { s.showChecklist(run, 0) }
	return sc
}

// beginWalk records the start (once) and the documents said missing, then
// shows step at (the first, or where a returning visitor was stuck).
func (s *Screens) beginWalk(run *walkthrough.Run, at int) {
	run.Begin()
	s.SetWalking(run)
	s.showStep(run, at)
}

// leaveWalk goes back to the list; a walk already begun is recorded as
// abandoned at the step the visitor had reached.
func (s *Screens) leaveWalk(run *walkthrough.Run) {
	run.Abandon()
	s.SetWalking(nil)
	s.ShowProcedures()
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

// showStep shows step i from its first page.
func (s *Screens) showStep(run *walkthrough.Run, i int) { s.showStepPage(run, i, 0) }

// showStepPage shows page pageNo of step i (-1: its last page, where the
// practice is): "Étape x sur n : title", the instruction, the usual
// pitfall, and the drawing or, for a practice step, a tile opening the
// sandbox. "Suite" leads to the next page of a step cut in pages, "C'est
// fait" on the last one to the next step.
func (s *Screens) showStepPage(run *walkthrough.Run, i, pageNo int) {
	run.GoTo(i)
	pages := s.stepPages(run)
	if pageNo < 0 || pageNo >= len(pages) {
		pageNo = len(pages) - 1
	}
	s.Show(s.stepScreen(run, pages, pageNo, false))
	s.prepareDrawing(run, i+1)
}

// prepareDrawing draws step i's drawing while the visitor reads the step
// before, once this one is on screen: "C'est fait" then shows it at once.
// Beside the text is its usual place; at a larger text size it may have a
// page of its own.
func (s *Screens) prepareDrawing(run *walkthrough.Run, i int) {
	if i >= len(run.Proc.Steps) {
		return
	}
	res := assets.Illustration(run.Proc.Steps[i].Illustration)
	sizes := []fyne.Size{s.drawingSize(false)}
	if s.TextStep() > 0 {
		sizes = append(sizes, s.drawingSize(true))
	}
	scale := s.Window().Canvas().Scale()
	time.AfterFunc(drawingDelay, func() {
		for _, size := range sizes {
			kit.Prepare(res, size, scale)
		}
	})
}

// drawingDelay leaves the screen just shown to be painted first: on a
// one-core PC the drawing would otherwise take its turn.
const drawingDelay = 300 * time.Millisecond

// stepPages cuts the step on screen into pages (see stepLayouts), leaving
// out the side of a step without a drawing.
func (s *Screens) stepPages(run *walkthrough.Run) [][]stepPart {
	st := run.Current()
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
			fit = fit && s.FitsScreen(s.stepScreen(run, pages, n, true).Content)
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
func (s *Screens) stepScreen(run *walkthrough.Run, pages [][]stepPart, pageNo int, measure bool) *shell.Screen {
	st := run.Current()
	sc := shell.NewScreen("walk.step")
	stepOf := sc.Label("step", s.T("walk.step_title", "step", s.stepOf(run), "title", st.Title.In(s.Lang())))
	stepOf.TextStyle.Bold = true
	stepOf.SizeName = theme.SizeNameSubHeadingText
	parts := pages[pageNo]
	var text []fyne.CanvasObject
	var side fyne.CanvasObject
	for _, part := range parts {
		switch part {
		case partInstruction:
			text = append(text, sc.Label("instruction", st.Instruction.In(s.Lang())))
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
	forward := s.Button(sc, "done", s.T("walk.done_step"), widget.HighImportance, func() { s.stepDone(run) })
	if !last {
		delete(sc.Buttons, "done")
		forward = s.Button(sc, "more", s.T("walk.step.more"), widget.HighImportance, func() { s.showStepPage(run, run.Step(), pageNo+1) })
		forward.Icon, forward.IconPlacement = theme.NavigateNextIcon(), widget.ButtonIconTrailingText
	}
	stuck := s.Button(sc, "stuck", s.T("walk.stuck"), widget.MediumImportance, func() { s.showStuck(run) })
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, func() {
		if pageNo > 0 {
			s.showStepPage(run, run.Step(), pageNo-1)
			return
		}
		s.stepBack(run)
	})
	sc.Content = kit.Page(container.NewVBox(stepOf, body), kit.ActionRow(back, stuck, forward))
	sc.Back = back.OnTapped
	sc.OnRune = kit.NumberKeys(forward, stuck, sc.Buttons["practice"])
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
	sc.Redraw = func() { s.showStep(run, run.Step()) }
	return sc
}

// pitfall is a step's usual mistake, "Attention : …", in bold so that it
// reads as a warning and not as one more instruction.
func (s *Screens) pitfall(sc *shell.Screen, st walkthrough.Step) fyne.CanvasObject {
	l := sc.Label("pitfall", s.T("walk.pitfall", "text", st.Pitfall.In(s.Lang())))
	l.TextStyle.Bold = true
	return l
}

// stepSide is a step's drawing, or the tile opening its practice; alone
// on its page it may be larger.
func (s *Screens) stepSide(sc *shell.Screen, run *walkthrough.Run, alone, measure bool) fyne.CanvasObject {
	st := run.Current()
	picture := assets.Illustration(st.Illustration)
	if measure {
		picture = blankDrawing
	}
	if st.Sandbox == "" {
		return s.illustration(picture, alone)
	}
	title := s.T("walk.sandbox.open")
	width := float32(300)
	if alone {
		width = 420
	}
	// Beside the text the tile is narrow: widen it so that each word of
	// its title fits whole beside the pictogram (« S'entraîner » was cut
	// in two at A++).
	for _, w := range strings.Fields(title) {
		word := fyne.MeasureText(w, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		width = max(width, word+kit.MinTouchTarget+12+8*theme.Padding())
	}
	return kit.AtLeast(s.IconChoice(sc, "practice", picture, title, "", func() { s.showPractice(run) }), width, 1)
}

// blankDrawing stands for a drawing in a screen built to be measured.
var blankDrawing = fyne.NewStaticResource("blank.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>`))

func (s *Screens) stepOf(run *walkthrough.Run) string {
	return s.T("walk.step_of", "n", strconv.Itoa(run.Step()+1), "of", strconv.Itoa(len(run.Proc.Steps)))
}

// showPractice is a step's sandbox: an interactive look-alike of the real
// page under a permanent "nothing is sent" banner. A wrong action gets a
// gentle hint in place of the task; the right one, a "Bravo".
func (s *Screens) showPractice(run *walkthrough.Run) {
	st := run.Current()
	practice := s.Svc.Walkthroughs.Practice
	sc := shell.NewScreen("walk.sandbox")
	task := sc.Label("hint", s.practiceText("sandbox."+st.Sandbox+".task", practice))
	task.TextStyle.Bold = true
	done := s.Button(sc, "done", s.T("walk.done_step"), widget.HighImportance, func() { s.stepDone(run) })
	solved := func() {
		run.Solve()
		task.SetText(s.T("walk.sandbox.bravo"))
		done.SetText(s.T("walk.sandbox.continue"))
		s.Window().Canvas().Focus(done)
	}
	gentle := func(key string) {
		run.Hint()
		task.SetText(s.practiceText(key, practice))
	}
	stuck := s.Button(sc, "stuck", s.T("walk.stuck"), widget.MediumImportance, func() { s.showStuck(run) })
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, func() { s.showStepPage(run, run.Step(), -1) })
	sc.Content = kit.Page(container.NewVBox(practiceBanner(s.T("walk.sandbox.banner")), task, s.practice(sc, st.Sandbox, practice, solved, gentle)),
		kit.ActionRow(back, stuck, done))
	sc.Back = back.OnTapped
	s.Show(sc)
}

// illustration is a step's drawing, smaller beside larger text so the
// instruction keeps its room, larger on a page of its own.
func (s *Screens) illustration(res fyne.Resource, alone bool) fyne.CanvasObject {
	if res == nil {
		return layout.NewSpacer()
	}
	return container.NewCenter(kit.Picture(res, s.drawingSize(alone), s.Window().Canvas().Scale()))
}

func (s *Screens) drawingSize(alone bool) fyne.Size {
	w := float32(360)
	switch {
	case alone:
		w = 400
	case s.TextStep() > 0:
		w = 280
	}
	return fyne.NewSize(w, w*3/4)
}

// practiceBanner says, on every practice step, that nothing leaves the
// kiosk.
func practiceBanner(text string) fyne.CanvasObject {
	l := kit.NewLabel(text)
	l.TextStyle.Bold = true
	l.Alignment = fyne.TextAlignCenter
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	bg.CornerRadius = 10
	l.Foreground = theme.ColorNameForegroundOnWarning
	return container.NewStack(bg, l)
}

func (s *Screens) stepDone(run *walkthrough.Run) {
	if run.StepDone() {
		s.showStep(run, run.Step())
		return
	}
	s.SetWalking(nil)
	s.showWalkEnd(run)
}

func (s *Screens) stepBack(run *walkthrough.Run) {
	switch {
	case run.Step() > 0:
		s.showStep(run, run.Step()-1)
	case len(checkItems(run.Proc)) > 0:
		s.showChecklist(run, 0)
	default:
		s.leaveWalk(run)
	}
}

// showStuck is "Je suis bloqué(e)": try again, see a tip, or stop and ask
// the mediator. Each choice is recorded with the time spent on the step.
func (s *Screens) showStuck(run *walkthrough.Run) {
	stuck := run.Stuck()
	sc := shell.NewScreen("walk.stuck")
	retry := s.Button(sc, "retry", "1.  "+s.T("walk.stuck.retry"), widget.HighImportance, func() {
		stuck(walkthrough.StuckRetry)
		s.showStep(run, run.Step())
	})
	tip := s.Button(sc, "tip", "2.  "+s.T("walk.stuck.tip"), widget.HighImportance, func() {
		stuck(walkthrough.StuckTip)
		s.showTip(run)
	})
	mediator := s.Button(sc, "mediator", "3.  "+s.T("walk.stuck.mediator"), widget.HighImportance, func() {
		stuck(walkthrough.StuckMediator) // leaves the walk where they stopped
		s.SetWalking(nil)
		s.showAskMediator(run)
	})
	for _, b := range []*kit.Button{retry, tip, mediator} {
		b.Alignment = widget.ButtonAlignLeading
	}
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("walk.stuck.title")),
		kit.Centred(sc.Label("body", s.T("walk.stuck.body"))),
		container.NewPadded(container.NewVBox(retry, tip, mediator)),
	))
	sc.Back = retry.OnTapped
	sc.OnRune = kit.NumberKeys(retry, tip, mediator)
	s.Show(sc)
}

// showTip shows the step's tip, large, and its warning again: the first of
// these that fits. The warning is on the step's own page already.
func (s *Screens) showTip(run *walkthrough.Run) {
	st := run.Current()
	build := func(withPitfall, large bool) *shell.Screen {
		sc := shell.NewScreen("walk.tip")
		back := s.Button(sc, "back", s.T("walk.tip.back"), widget.HighImportance, func() { s.showStep(run, run.Step()) })
		tip := kit.Centred(sc.Label("tip", st.Tip.In(s.Lang())))
		if large {
			tip.SizeName = theme.SizeNameSubHeadingText
		}
		parts := []fyne.CanvasObject{sc.Heading("title", s.T("walk.tip.title")), tip}
		if withPitfall {
			parts = append(parts, kit.Centred(sc.Label("pitfall", s.T("walk.pitfall", "text", st.Pitfall.In(s.Lang())))))
		}
		sc.Content = kit.Page(container.NewVBox(parts...), back)
		sc.Back = back.OnTapped
		sc.Redraw = func() { s.showTip(run) }
		return sc
	}
	sc := build(true, true)
	for _, try := range [][2]bool{{false, true}, {false, false}} {
		if s.FitsScreen(sc.Content) {
			break
		}
		sc = build(try[0], try[1])
	}
	s.Show(sc)
}

// showAskMediator ends the walk where the visitor stopped and gives the
// session code the mediator needs to see where.
func (s *Screens) showAskMediator(run *walkthrough.Run) {
	sc := shell.NewScreen("walk.mediator")
	code := ""
	if cur := s.Svc.Sessions.Current(); cur != nil {
		code = cur.Code.String()
	}
	codeLabel := kit.Centred(sc.Label("code", s.T("walk.mediator.body", "code", code)))
	codeLabel.SizeName = theme.SizeNameSubHeadingText
	codeLabel.TextStyle.Bold = true
	where := s.T("walk.step_title", "step", s.stepOf(run), "title", run.Current().Title.In(s.Lang()))
	home := s.Button(sc, "home", s.T("common.home"), widget.HighImportance, s.Flows.Home)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("walk.mediator.title")),
		codeLabel,
		kit.Centred(sc.Label("where", s.T("walk.mediator.where", "where", where))),
		container.NewCenter(s.Flows.PrintButton(sc)),
	), home)
	sc.Back = home.OnTapped
	s.Show(sc)
}

// showWalkEnd congratulates the visitor and says where the real procedure
// is done and which documents they said they lack: by name, or by their
// number when the names do not fit.
func (s *Screens) showWalkEnd(run *walkthrough.Run) {
	p := run.Proc
	var missing []string
	for _, d := range run.Missing() {
		missing = append(missing, d.Label.In(s.Lang()))
	}
	build := func(missingText string) *shell.Screen {
		sc := shell.NewScreen("walk.end")
		parts := []fyne.CanvasObject{sc.Heading("title", s.T("walk.end.title"))}
		if s.TextStep() == 0 { // no room for it at larger sizes, and the title says it
			parts = append(parts, kit.Centred(sc.Label("body", s.T("walk.end.body"))))
		}
		if missingText != "" {
			parts = append(parts, kit.Centred(sc.Label("missing", missingText)))
		}
		// The site the visitor types, never a certificate of the content:
		// the day it was checked is for the mediator console.
		source := kit.Centred(sc.Label("source", s.T("walk.end.source", "site", officialSite(p))))
		source.TextStyle.Bold = true
		parts = append(parts, source)
		home := s.Button(sc, "home", s.T("common.home"), widget.MediumImportance, s.Flows.Home)
		other := s.Button(sc, "other", s.T("walk.end.other"), widget.HighImportance, s.ShowProcedures)
		// Printing sits in the page, not in the bottom row: hidden when
		// there is no printer, it must not take a column there.
		parts = append(parts, container.NewCenter(s.Flows.PrintButton(sc)))
		sc.Content = kit.Page(container.NewVBox(parts...), home, other)
		sc.Back = other.OnTapped
		return sc
	}
	var sc *shell.Screen
	switch {
	case len(missing) == 0:
		sc = build("")
	default:
		sc = build(s.T("walk.end.missing", "docs", strings.Join(missing, ", ")))
		if !s.FitsScreen(sc.Content) {
			sc = build(s.T("walk.end.missing.many", "n", strconv.Itoa(len(missing))))
		}
	}
	s.Show(sc)
}

// record stores a walkthrough event; a storage failure is logged and the
// visitor carries on: losing one event must not end their walk.
func (s *Screens) record(kind string, p map[string]string) {
	if err := s.Svc.Sessions.Record(kind, p); err != nil {
		s.Svc.Log.WithError(err).WithField("kind", kind).Error("storing a walkthrough event")
	}
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
