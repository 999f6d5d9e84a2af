package returning

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// ShowReturned greets a visitor whose session follows an earlier one, one
// idea a screen: what they could do last time, what was hard, the
// walkthrough to resume, then the offer to take the test again. A screen
// with nothing to say is left out.
func (s *Screens) ShowReturned() {
	p, err := s.progress()
	if err != nil {
		s.Svc.Log.WithError(err).Error("reading a returning visitor's earlier visit")
		s.Flows.Home()
		return
	}
	var pages []func(next func())
	can, hard := s.levels(p.EarlierLevels)
	if len(can) > 0 {
		pages = append(pages, func(next func()) { s.showList("back.cando", p, can, next) })
	}
	if len(hard) > 0 {
		pages = append(pages, func(next func()) { s.showList("back.hard", p, hard, next) })
	}
	if w := s.resumable(p); w != nil {
		pages = append(pages, func(next func()) { s.showResume(p, w, next) })
	}
	pages = append(pages, func(func()) { s.showRetake() })
	var show func(i int)
	show = func(i int) { pages[i](func() { show(i + 1) }) }
	show(0)
}

func (s *Screens) progress() (activity.Progress, error) {
	cur := s.Svc.Sessions.Current()
	if cur == nil || s.Svc.Progress == nil {
		return activity.Progress{}, nil
	}
	return s.Svc.Progress(context.Background(), cur.ID)
}

// level is one domain as the returning screens show it.
type level struct {
	id, picto, text string
}

// levels splits the earlier visit's levels as the result screen did: what
// the visitor could do, and what was hard.
func (s *Screens) levels(levels map[string]int) (can, hard []level) {
	for _, d := range s.Svc.Questions.Domains {
		l, ok := levels[d.ID]
		if !ok || l == assessment.Unknown {
			continue
		}
		row := level{id: d.ID, picto: d.Picto, text: d.Short.In(s.Lang())}
		if l >= assessment.CanDoFrom {
			can = append(can, row)
		} else {
			hard = append(hard, row)
		}
	}
	return can, hard
}

// resumable is the walkthrough left unfinished last time, if its
// procedure is still offered.
func (s *Screens) resumable(p activity.Progress) *walkthrough.Procedure {
	if p.Resume == nil {
		return nil
	}
	return s.Svc.Walkthroughs.Get(p.Resume.Procedure)
}

func (s *Screens) date(p activity.Progress) string { return p.Since.Local().Format("02/01/2006") }

// rows builds the body of a page holding rows [from, to) of a list.
type rows func(sc *shell.Screen, from, to int) fyne.CanvasObject

// showPaged shows a list of n rows as the most rows a page for which every
// page fits the screen at the visitor's text size: nothing scrolls, nothing
// is dropped. "Suite" turns the page, and on the last one calls next.
func (s *Screens) showPaged(name string, n int, body rows, next func()) {
	per := max(n, 1)
	for ; per > 1 && !s.pagesFit(name, n, per, body, next); per-- {
	}
	s.Show(s.pageScreen(name, n, per, 0, body, next))
}

func (s *Screens) pagesFit(name string, n, per int, body rows, next func()) bool {
	for at := 0; at < n; at += per {
		if !s.FitsScreen(s.pageScreen(name, n, per, at, body, next).Content) {
			return false
		}
	}
	return true
}

func (s *Screens) pageScreen(name string, n, per, at int, body rows, next func()) *shell.Screen {
	sc := shell.NewScreen(name)
	to := min(n, at+per)
	turn := next
	if to < n {
		turn = func() { s.Show(s.pageScreen(name, n, per, to, body, next)) }
	}
	sc.Content = kit.Page(body(sc, at, to), s.nextButton(sc, turn))
	sc.Redraw = func() { s.showPaged(name, n, body, next) }
	return sc
}

// domainRow is a domain's pictogram beside its words.
func (s *Screens) domainRow(sc *shell.Screen, id, picto, text string) fyne.CanvasObject {
	line := sc.Label("domain."+id, text)
	if pic := kit.Picto(picto, 52, s.Window().Canvas().Scale()); pic != nil {
		return container.NewBorder(nil, nil, pic, nil, line)
	}
	return line
}

func (s *Screens) subheading(sc *shell.Screen, id, text string) *kit.Label {
	l := sc.Label(id, text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// showList is "La dernière fois" with one list: what the visitor could do,
// or what was hard, each domain with its pictogram; the screen's name is
// its heading's key.
func (s *Screens) showList(name string, p activity.Progress, list []level, next func()) {
	s.showPaged(name, len(list), func(sc *shell.Screen, from, to int) fyne.CanvasObject {
		box := container.NewVBox(sc.Heading("title", s.T("back.title", "date", s.date(p))), s.subheading(sc, "heading", s.T(name)))
		for _, r := range list[from:to] {
			box.Add(s.domainRow(sc, r.id, r.picto, r.text))
		}
		return box
	}, next)
}

func (s *Screens) nextButton(sc *shell.Screen, next func()) *kit.Button {
	b := s.Button(sc, "next", s.T("back.next"), widget.HighImportance, next)
	b.Icon = theme.NavigateNextIcon()
	b.IconPlacement = widget.ButtonIconTrailingText
	sc.OnKey = kit.EnterPresses(b)
	return b
}

// showResume offers to take the walkthrough up at the step where the
// visitor was stuck, after the documents they said they lacked, if any.
func (s *Screens) showResume(p activity.Progress, proc *walkthrough.Procedure, later func()) {
	w := p.Resume
	step := ""
	if len(w.Stuck) > 0 {
		step = w.Stuck[len(w.Stuck)-1]
	}
	at := max(0, proc.StepIndex(step))
	offer := func() {
		sc := shell.NewScreen("back.resume")
		resume := s.Button(sc, "resume", s.T("back.resume.go"), widget.HighImportance, func() { s.Flows.Resume(proc.ID, proc.Steps[at].ID) })
		skip := s.Button(sc, "later", s.T("back.resume.later"), widget.MediumImportance, later)
		sc.OnKey = kit.EnterPresses(resume)
		sc.Content = kit.Page(container.NewVBox(
			sc.Heading("title", s.T("back.resume.title", "title", proc.Title.In(s.Lang()))),
			kit.Centred(sc.Label("step", s.T("back.resume.step", "n", strconv.Itoa(at+1), "step", proc.Steps[at].Title.In(s.Lang())))),
		), skip, resume)
		s.Show(sc)
	}
	if len(w.Missing) == 0 {
		offer()
		return
	}
	s.showPaged("back.lacking", len(w.Missing), func(sc *shell.Screen, from, to int) fyne.CanvasObject {
		box := container.NewVBox(sc.Heading("title", proc.Title.In(s.Lang())), s.subheading(sc, "bring", s.T("back.resume.bring")))
		for i, code := range w.Missing[from:to] {
			box.Add(sc.Label("doc."+strconv.Itoa(from+i), "• "+proc.Document(code).Label.In(s.Lang())))
		}
		return box
	}, offer)
}

// showRetake offers the self-assessment again, for "Vos progrès".
func (s *Screens) showRetake() {
	sc := shell.NewScreen("back.retake")
	yes := s.Button(sc, "retake", s.T("back.retake.yes"), widget.HighImportance, s.Flows.Assess)
	home := s.Button(sc, "home", s.T("back.retake.no"), widget.MediumImportance, s.Flows.Home)
	sc.OnKey = kit.EnterPresses(yes)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("back.retake.title")),
		kit.Centred(sc.Label("body", s.T("back.retake.body"))),
		kit.MainAction(yes, 420, 1.25),
	), home)
	s.Show(sc)
}

// ShowProgress is "Vos progrès": each domain assessed both times, in words
// and a pictogram, never a score; then is the visitor's next step.
func (s *Screens) ShowProgress(then func()) {
	p, err := s.progress()
	if err != nil {
		s.Svc.Log.WithError(err).Error("reading a returning visitor's progress")
		then()
		return
	}
	words := map[activity.Trend]string{activity.Up: "back.progress.up", activity.Same: "back.progress.same", activity.Down: "back.progress.down"}
	// Down is said as something to work on together, not as a loss.
	pictos := map[activity.Trend]string{activity.Up: "progress-up", activity.Same: "progress-same", activity.Down: "progress-together"}
	var changes []activity.LevelChange
	for _, c := range p.Levels {
		if _, ok := s.Svc.Questions.Domain(c.Domain); ok {
			changes = append(changes, c)
		}
	}
	s.showPaged("back.progress", len(changes), func(sc *shell.Screen, from, to int) fyne.CanvasObject {
		box := container.NewVBox(sc.Heading("title", s.T("back.progress.title")))
		if len(changes) == 0 {
			box.Add(kit.Centred(sc.Label("none", s.T("back.progress.none"))))
		}
		for _, c := range changes[from:to] {
			d, _ := s.Svc.Questions.Domain(c.Domain)
			box.Add(s.domainRow(sc, c.Domain, pictos[c.Trend()], s.T(words[c.Trend()], "domain", d.Short.In(s.Lang()))))
		}
		return box
	}, then)
}
