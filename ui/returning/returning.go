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
		pages = append(pages, func(next func()) { s.showList("back.cando", "back.cando", p, can, next) })
	}
	if len(hard) > 0 {
		pages = append(pages, func(next func()) { s.showList("back.hard", "back.hard", p, hard, next) })
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

// showList is "La dernière fois" with one list: what the visitor could do,
// or what was hard, each domain with its pictogram.
func (s *Screens) showList(name, key string, p activity.Progress, rows []level, next func()) {
	sc := shell.NewScreen(name)
	heading := sc.Label("heading", s.T(key))
	heading.TextStyle.Bold = true
	heading.SizeName = theme.SizeNameSubHeadingText
	list := container.NewGridWithColumns(min(2, len(rows)))
	for _, r := range rows {
		line := sc.Label("domain."+r.id, r.text)
		row := fyne.CanvasObject(line)
		if pic := kit.Picto(r.picto, 52, s.Window().Canvas().Scale()); pic != nil {
			row = container.NewBorder(nil, nil, pic, nil, line)
		}
		list.Add(row)
	}
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("back.title", "date", s.date(p))),
		heading,
		list,
	), s.nextButton(sc, next))
	s.Show(sc)
}

func (s *Screens) nextButton(sc *shell.Screen, next func()) *kit.Button {
	b := s.Button(sc, "next", s.T("back.next"), widget.HighImportance, next)
	b.Icon = theme.NavigateNextIcon()
	b.IconPlacement = widget.ButtonIconTrailingText
	sc.OnKey = kit.EnterPresses(b)
	return b
}

// showResume offers to take the walkthrough up at the step where the
// visitor was stuck, with the documents they said they lacked.
func (s *Screens) showResume(p activity.Progress, proc *walkthrough.Procedure, later func()) {
	sc := shell.NewScreen("back.resume")
	w := p.Resume
	step := ""
	if len(w.Stuck) > 0 {
		step = w.Stuck[len(w.Stuck)-1]
	}
	at := max(0, proc.StepIndex(step))
	parts := []fyne.CanvasObject{
		sc.Heading("title", s.T("back.resume.title", "title", proc.Title.In(s.Lang()))),
		kit.Centred(sc.Label("step", s.T("back.resume.step", "n", strconv.Itoa(at+1), "step", proc.Steps[at].Title.In(s.Lang())))),
	}
	if len(w.Missing) > 0 {
		bring := sc.Label("bring", s.T("back.resume.bring"))
		bring.TextStyle.Bold = true
		parts = append(parts, bring)
		for i, code := range w.Missing {
			parts = append(parts, sc.Label("doc."+strconv.Itoa(i), "• "+proc.Document(code).Label.In(s.Lang())))
		}
	}
	resume := s.Button(sc, "resume", s.T("back.resume.go"), widget.HighImportance, func() { s.Flows.Resume(proc.ID, proc.Steps[at].ID) })
	skip := s.Button(sc, "later", s.T("back.resume.later"), widget.MediumImportance, later)
	sc.OnKey = kit.EnterPresses(resume)
	sc.Content = kit.Page(container.NewVBox(parts...), skip, resume)
	s.Show(sc)
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
	sc := shell.NewScreen("back.progress")
	words := map[activity.Trend]string{activity.Up: "back.progress.up", activity.Same: "back.progress.same", activity.Down: "back.progress.down"}
	// Down is said as something to work on together, not as a loss.
	pictos := map[activity.Trend]string{activity.Up: "progress-up", activity.Same: "progress-same", activity.Down: "progress-together"}
	list := container.NewVBox()
	for _, c := range p.Levels {
		d, ok := s.Svc.Questions.Domain(c.Domain)
		if !ok {
			continue
		}
		line := sc.Label("domain."+c.Domain, s.T(words[c.Trend()], "domain", d.Short.In(s.Lang())))
		row := fyne.CanvasObject(line)
		if pic := kit.Picto(pictos[c.Trend()], 52, s.Window().Canvas().Scale()); pic != nil {
			row = container.NewBorder(nil, nil, pic, nil, line)
		}
		list.Add(row)
	}
	if len(list.Objects) == 0 {
		list.Add(kit.Centred(sc.Label("none", s.T("back.progress.none"))))
	}
	sc.Content = kit.Page(container.NewVBox(sc.Heading("title", s.T("back.progress.title")), list), s.nextButton(sc, then))
	s.Show(sc)
}
