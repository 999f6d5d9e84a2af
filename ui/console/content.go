package console

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/health"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// showContentStatus shows the kiosk's state: the alerts of the health
// board (disk full, database moved aside, a walkthrough checked too long
// ago…), each with "Lu" to dismiss it, then the refused content files with
// why (file:line: field: what is wrong), each walkthrough with the day its
// steps were compared with their sources and whose file it is, and the
// other files; as many lines on each page as fit.
func (s *Screens) showContentStatus(pageNo int) {
	sc := shell.NewScreen("mediator.content")
	var rows []fyne.CanvasObject
	for i, a := range s.alerts() {
		l := clabel(sc, "alert."+strconv.Itoa(i), s.M(a.Key(), "detail", a.Detail))
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		since := kit.NewLabel(s.M("console.alert.since", "when", s.dayLabel(a.Since)+" "+a.Since.In(time.Local).Format("15:04"), "n", strconv.Itoa(a.Count)))
		read := s.cbutton(sc, "dismiss."+strconv.Itoa(i), s.M("console.alert.dismiss"), widget.MediumImportance, func() {
			s.Svc.Health.Dismiss(a)
			s.showContentStatus(0)
		})
		rows = append(rows, container.NewBorder(nil, nil, nil, read, container.NewVBox(l, since)))
	}
	if r := s.Svc.ContentReport; r != nil {
		for _, f := range r.Rejected() {
			l := clabel(sc, "rejected."+strconv.Itoa(len(rows)), s.M("console.content.rejected", "file", f.Path, "origin", s.origin(f.Origin), "error", f.Err.Error()))
			l.Importance = widget.DangerImportance
			l.Wrapping = fyne.TextWrapWord
			rows = append(rows, l)
		}
	}
	rows = append(rows, s.walkthroughRows(sc)...)
	if r := s.Svc.ContentReport; r != nil {
		for _, f := range r.Files {
			if f.Err == nil && !strings.HasPrefix(f.Path, walkthrough.Dir+"/") {
				rows = append(rows, kit.NewLabel(s.M("console.content.loaded", "file", f.Path, "origin", s.origin(f.Origin))))
			}
		}
	}
	if len(rows) == 0 {
		rows = append(rows, clabel(sc, "empty", s.M("console.content.empty")))
	}
	title := s.M("console.content.title")
	summary := s.M("console.content.summary", "alerts", strconv.Itoa(len(s.alerts())),
		"n", strconv.Itoa(s.contentFiles()), "rejected", strconv.Itoa(s.rejectedCount()))
	page := func(sc *shell.Screen, rows []fyne.CanvasObject) (body, prev, next fyne.CanvasObject) {
		body = container.NewBorder(clabel(sc, "summary", summary), nil, nil, nil, container.NewVBox(container.NewVBox(rows...), layout.NewSpacer()))
		prevB := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showContentStatus(pageNo - 1) })
		nextB := s.cbutton(sc, "next", s.M("console.next"), widget.MediumImportance, func() { s.showContentStatus(pageNo + 1) })
		return body, prevB, nextB
	}
	// Lines differ in height (an alert takes three), so pages are cut by
	// measuring them.
	var pages [][]fyne.CanvasObject
	start := 0
	for i := range rows {
		scratch := shell.NewScreen("")
		body, prev, next := page(scratch, rows[start:i+1])
		if i > start && !s.FitsScreen(s.consoleFrame(scratch, title, nil, body, prev, next)) {
			pages = append(pages, rows[start:i])
			start = i
		}
	}
	pages = append(pages, rows[start:])
	pageNo = max(0, min(pageNo, len(pages)-1))
	body, prev, next := page(sc, pages[pageNo])
	if pageNo == 0 {
		sc.Buttons["prev"].Disable()
	}
	if pageNo == len(pages)-1 {
		sc.Buttons["next"].Disable()
	}
	s.consolePage(sc, title, body, prev, next)
}

// walkthroughRows lists the walkthroughs on offer, oldest check first,
// marked when it is more than walkthrough.StaleAfter months old.
func (s *Screens) walkthroughRows(sc *shell.Screen) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	procs := s.Svc.Walkthroughs.All()
	slices.SortStableFunc(procs, func(a, b *walkthrough.Procedure) int { return a.CheckedOn().Compare(b.CheckedOn()) })
	for _, p := range procs {
		key, imp := "console.content.walk", widget.MediumImportance
		if p.Stale(s.Svc.Now()) {
			key, imp = "console.content.walk.stale", widget.DangerImportance
		}
		day := "?"
		if !p.CheckedOn().IsZero() {
			day = p.CheckedOn().Format("02/01/2006")
		}
		l := clabel(sc, "walk."+p.ID, s.M(key, "title", p.Title.In(s.Svc.Text.Reference()), "date", day,
			"origin", s.origin(p.Origin), "file", path.Base(p.File)))
		l.Importance = imp
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	return rows
}

// origin names where a content file came from, a pack with its version.
func (s *Screens) origin(o content.Origin) string {
	return s.M("console.content.origin."+o.Kind, "version", strconv.Itoa(o.Version))
}

// alerts are the health board's alerts, none without a board.
func (s *Screens) alerts() []health.Alert {
	if s.Svc.Health == nil {
		return nil
	}
	return s.Svc.Health.List()
}

func (s *Screens) contentFiles() int {
	if s.Svc.ContentReport == nil {
		return 0
	}
	return len(s.Svc.ContentReport.Files)
}

func (s *Screens) rejectedCount() int {
	if s.Svc.ContentReport == nil {
		return 0
	}
	return len(s.Svc.ContentReport.Rejected())
}
