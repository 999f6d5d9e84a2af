package console

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/session"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// SessionsPerPage is how many sessions a page of the list shows: with the
// day headings it fits 1024×768 without scrolling.
const SessionsPerPage = 10

var sessionColumns = columns{1.8, 0.9, 1.2, 1.1, 1.3, 1.6, 0.9}

// showSessions lists the stored sessions, newest first, a page at a time;
// pages holds the cursors of the pages before, for "Plus récentes".
func (s *Screens) showSessions(pages []activity.Cursor) {
	sc := shell.NewScreen("mediator.sessions")
	if len(pages) == 0 {
		pages = []activity.Cursor{{}}
	}
	search := s.Entry()
	search.SetPlaceHolder("ABC-DEF")
	message := clabel(sc, "message", "")
	message.Importance = widget.DangerImportance
	find := func() {
		code, err := session.ParseCode(search.Text)
		if err != nil {
			message.SetText(s.M("console.sessions.badcode"))
			return
		}
		if _, err := s.Svc.Console.Summary(s.ctx(), code); err != nil {
			if errors.Is(err, activity.ErrNotFound) {
				message.SetText(s.M("console.sessions.notfound", "code", code.String()))
			} else {
				s.consoleError(sc, err)
				message.SetText(s.M("console.error"))
			}
			return
		}
		s.showSession(code, pages)
	}
	search.OnSubmitted = func(string) { s.Act(find)() }
	searchRow := container.NewBorder(nil, nil, bold(s.M("console.sessions.search")),
		s.cbutton(sc, "find", s.M("console.sessions.find"), widget.HighImportance, find),
		container.New(&minWidth{width: 160}, search))

	page, err := s.Svc.Console.ListSessions(s.ctx(), pages[len(pages)-1], SessionsPerPage)
	list := container.NewVBox()
	switch {
	case err != nil:
		list.Add(s.consoleError(sc, err))
	case len(page.Sessions) == 0:
		list.Add(clabel(sc, "empty", s.M("console.sessions.empty")))
	default:
		list.Add(row(sessionColumns, bold(s.M("console.col.day")), bold(s.M("console.col.time")), bold(s.M("console.col.code")), bold(s.M("console.col.duration")),
			bold(s.M("console.col.status")), bold(s.M("console.col.orientation")), kit.NewLabel("")))
		day := ""
		for i, x := range page.Sessions {
			// The day is written on its first session only: the list reads
			// as days, newest first.
			dayText := ""
			if d := activity.DayOf(x.Started); d != day {
				day, dayText = d, s.shortDayLabel(x.Started)
			}
			code := x.Code
			list.Add(row(sessionColumns,
				bold(dayText),
				kit.NewLabel(x.Started.In(time.Local).Format("15:04")),
				clabel(sc, "code."+strconv.Itoa(i), code.String()),
				kit.NewLabel(s.minutes(x.Status, x.Duration)),
				kit.NewLabel(s.M("console.status."+string(x.Status))),
				kit.NewLabel(s.orientation(x.Orientation)),
				s.cbutton(sc, "open."+strconv.Itoa(i), s.M("console.sessions.open"), widget.MediumImportance, func() { s.showSession(code, pages) }),
			))
		}
	}
	newer := s.cbutton(sc, "newer", s.M("console.sessions.newer"), widget.MediumImportance, func() { s.showSessions(pages[:len(pages)-1]) })
	if len(pages) == 1 {
		newer.Disable()
	}
	older := s.cbutton(sc, "older", s.M("console.sessions.older"), widget.MediumImportance, func() {
		s.showSessions(append(pages[:len(pages):len(pages)], *page.Next))
	})
	if page.Next == nil {
		older.Disable()
	}
	pageNo := clabel(sc, "page", s.M("console.page", "n", strconv.Itoa(len(pages))))
	s.consolePageWithTools(sc, s.M("console.sessions.title"), searchRow, list, message, newer, pageNo, older)
}

// minutes is a session's duration for the list: "12 min", or "en cours".
func (s *Screens) minutes(status session.Status, d time.Duration) string {
	if status == session.Active {
		return s.M("console.status.active")
	}
	return s.M("console.minutes", "n", strconv.Itoa(int(d.Round(time.Minute)/time.Minute)))
}

// orientation is the report's word for an orientation code, or a dash.
func (s *Screens) orientation(code string) string {
	if code == "" {
		return "—"
	}
	return activity.OrientationLabel(code)
}

// showSession shows one session: when, how long, levels, orientation, needs
// and walkthroughs, with "Réimprimer" and "Supprimer". back is the list
// page it was opened from.
func (s *Screens) showSession(code session.Code, back []activity.Cursor) {
	sc := shell.NewScreen("mediator.session")
	sc.Back = func() { s.showSessions(back) }
	x, err := s.Svc.SessionView(code)
	if err != nil {
		s.consolePage(sc, s.M("console.session.title", "code", code.String()), s.consoleError(sc, err))
		return
	}
	events := x.Events
	info := widget.NewForm(
		widget.NewFormItem(s.M("console.session.when"), clabel(sc, "when", s.dayLabel(x.Started)+" · "+x.Started.In(time.Local).Format("15:04"))),
		widget.NewFormItem(s.M("console.col.duration"), clabel(sc, "duration", s.minutes(x.Status, x.Duration)+" · "+activity.DurationBand(x.Duration))),
		widget.NewFormItem(s.M("console.col.status"), clabel(sc, "status", s.M("console.status."+string(x.Status)))),
		widget.NewFormItem(s.M("console.session.lang"), clabel(sc, "lang", x.Language+" · "+x.KioskID)),
		widget.NewFormItem(s.M("console.col.orientation"), clabel(sc, "orientation", orDash(x.Orientation))),
		widget.NewFormItem(s.M("console.session.autonomy"), wrapped(clabel(sc, "autonomy", orDash(x.Autonomy)))),
		widget.NewFormItem(s.M("console.session.needs"), wrapped(clabel(sc, "needs", orDash(strings.Join(x.Needs, ", "))))),
	)
	var levels fyne.CanvasObject = clabel(sc, "levels", s.M("console.session.nolevels"))
	if len(x.Levels) > 0 {
		bars := make([]bar, 0, len(x.Levels))
		for _, l := range x.Levels {
			bars = append(bars, bar{label: l.Name, value: float64(l.Level), text: strconv.Itoa(l.Level) + " / 3", colour: levelColours[l.Level]})
		}
		levels = hbars(bars, 3)
	}
	walks := container.NewVBox(bold(s.M("console.session.walks")))
	if len(x.Walks) == 0 {
		walks.Add(kit.NewLabel("—"))
	}
	for i, w := range x.Walks {
		l := clabel(sc, "walk."+strconv.Itoa(i), w.Text)
		l.Wrapping = fyne.TextWrapWord
		walks.Add(l)
	}
	if chain := s.chain(sc, code, back); chain != nil {
		walks.Add(chain)
	}
	eventsBtn := s.cbutton(sc, "events", s.M("console.session.events", "n", strconv.Itoa(len(events))), widget.MediumImportance,
		func() { s.showEvents(code, events, 0, back) })
	right := container.NewVBox(bold(s.M("console.session.levels")), levels)
	if exercises := strings.Join(x.Exercises, " "); exercises != "" {
		right.Add(bold(s.M("console.session.exercises")))
		right.Add(wrapped(clabel(sc, "exercises", exercises)))
	}
	body := container.NewVBox(
		container.NewGridWithColumns(2, info, right),
		widget.NewSeparator(),
		walks,
		container.NewHBox(eventsBtn, layout.NewSpacer()),
	)
	var reprint *consoleButton
	reprint = s.cbutton(sc, "reprint", s.M("console.session.reprint"), widget.HighImportance, func() {
		reprint.Disable()
		sc.Labels["result"].SetText(s.M("print.ui.printing"))
		var err error
		s.InBackground(func() { err = s.Svc.PrintSummary(code) }, func() {
			reprint.Enable()
			if err != nil {
				s.Svc.Log.WithError(err).Error("reprinting a session")
				sc.Labels["result"].SetText(s.M("console.session.reprint.failed"))
				return
			}
			sc.Labels["result"].SetText(s.M("console.session.reprint.done"))
		})
	})
	if s.Svc.PrintSummary == nil {
		reprint.Disable()
	}
	remove := s.cbutton(sc, "delete", s.M("console.session.delete"), widget.DangerImportance, func() { s.confirmDelete(code, back) })
	s.consolePage(sc, s.M("console.session.title", "code", code.String()), body, clabel(sc, "result", ""), reprint, remove)
}

// chain links to the other visits of the session's code chain (earlier
// and later visits of the same visitor), nil for a visitor who came once.
func (s *Screens) chain(sc *shell.Screen, code session.Code, back []activity.Cursor) fyne.CanvasObject {
	visits, err := s.Svc.Console.Visits(s.ctx(), code)
	if err != nil {
		s.Svc.Log.WithError(err).Error("reading a session's code chain")
		return nil
	}
	if len(visits) < 2 {
		return nil
	}
	row := container.NewHBox(bold(s.M("console.session.visits")))
	for i, v := range visits {
		text := s.M("console.session.visit", "n", strconv.Itoa(i+1), "day", s.dayLabel(v.Started))
		b := s.cbutton(sc, "visit."+strconv.Itoa(i+1), text, widget.MediumImportance, func() { s.showSession(v.Code, back) })
		if v.Code == code {
			b.Disable()
		}
		row.Add(b)
	}
	return row
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// EventsPerPage is how many events a page of a session's events shows.
const EventsPerPage = 10

// showEvents lists a session's events, a page at a time: the raw record
// behind the summary, codes only.
func (s *Screens) showEvents(code session.Code, events []session.Event, first int, back []activity.Cursor) {
	sc := shell.NewScreen("mediator.events")
	sc.Back = func() { s.showSession(code, back) }
	list := container.NewVBox()
	for _, e := range events[first:min(len(events), first+EventsPerPage)] {
		keys := make([]string, 0, len(e.Payload))
		for k, v := range e.Payload {
			keys = append(keys, k+"="+v)
		}
		sort.Strings(keys)
		payload := kit.NewLabel(strings.Join(keys, " "))
		payload.Truncation = fyne.TextTruncateEllipsis
		list.Add(row(columns{1, 2.4, 5}, kit.NewLabel(e.At.In(time.Local).Format("15:04:05")), bold(e.Kind), payload))
	}
	prev := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showEvents(code, events, first-EventsPerPage, back) })
	if first == 0 {
		prev.Disable()
	}
	next := s.cbutton(sc, "next", s.M("console.next"), widget.MediumImportance, func() { s.showEvents(code, events, first+EventsPerPage, back) })
	if first+EventsPerPage >= len(events) {
		next.Disable()
	}
	session := s.cbutton(sc, "session", s.M("console.session.back"), widget.MediumImportance, sc.Back)
	s.consolePage(sc, s.M("console.events.title", "code", code.String()), list, session, prev, next)
}

// confirmDelete asks before deleting a session for good.
func (s *Screens) confirmDelete(code session.Code, back []activity.Cursor) {
	sc := shell.NewScreen("mediator.session.delete")
	sc.Back = func() { s.showSession(code, back) }
	question := clabel(sc, "question", s.M("console.delete.question", "code", code.String()))
	question.Wrapping = fyne.TextWrapWord
	question.Alignment = fyne.TextAlignCenter
	question.SizeName = theme.SizeNameSubHeadingText
	yes := s.cbutton(sc, "yes", s.M("console.delete.yes"), widget.DangerImportance, func() {
		if err := s.Svc.Console.DeleteSession(s.ctx(), code); err != nil {
			s.consoleError(sc, err)
			question.SetText(s.M("console.error"))
			return
		}
		s.Svc.Log.Info("a session was deleted from the mediator console")
		s.showSessions(back)
		s.Screen().Labels["message"].SetText(s.M("console.delete.done", "code", code.String()))
	})
	no := s.cbutton(sc, "no", s.M("console.delete.no"), widget.MediumImportance, sc.Back)
	s.consolePage(sc, s.M("console.delete.title"), container.NewVBox(layout.NewSpacer(), question, layout.NewSpacer()), no, yes)
}

// minWidth gives its one object at least width.
type minWidth struct{ width float32 }

func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := objs[0].MinSize()
	return fyne.NewSize(max(min.Width, m.width), min.Height)
}
