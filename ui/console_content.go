package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/health"
)

// ContentFilesPerPage is how many content files a page lists.
const ContentFilesPerPage = 12

// showContentStatus shows the kiosk's state: the alerts of the health
// board (disk full, database moved aside…), each with "Lu" to dismiss it,
// then the content files, refused ones first with why (file:line: field:
// what is wrong), a page at a time.
func (s *Shell) showContentStatus(first int) {
	sc := newScreen("mediator.content")
	list := container.NewVBox()
	var files []fyne.CanvasObject
	for i, a := range s.alerts() {
		l := clabel(sc, "alert."+strconv.Itoa(i), s.M(a.Key(), "detail", a.Detail))
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		since := widget.NewLabel(s.M("console.alert.since", "when", dayLabel(a.Since)+" "+a.Since.In(time.Local).Format("15:04"), "n", strconv.Itoa(a.Count)))
		read := s.cbutton(sc, "dismiss."+strconv.Itoa(i), s.M("console.alert.dismiss"), widget.MediumImportance, func() {
			s.svc.Health.Dismiss(a)
			s.showContentStatus(0)
		})
		files = append(files, container.NewBorder(nil, nil, nil, read, container.NewVBox(l, since)))
	}
	if r := s.svc.ContentReport; r != nil {
		for _, f := range r.Rejected() {
			l := clabel(sc, "rejected."+strconv.Itoa(len(files)), s.M("console.content.rejected", "file", f.Path, "origin", s.M("console.content.origin."+string(f.Origin)), "error", f.Err.Error()))
			l.Importance = widget.DangerImportance
			l.Wrapping = fyne.TextWrapWord
			files = append(files, l)
		}
		for _, f := range r.Files {
			if f.Err == nil {
				files = append(files, widget.NewLabel(s.M("console.content.loaded", "file", f.Path, "origin", s.M("console.content.origin."+string(f.Origin)))))
			}
		}
	}
	if len(files) == 0 {
		list.Add(clabel(sc, "empty", s.M("console.content.empty")))
	}
	for _, f := range files[min(first, len(files)):min(len(files), first+ContentFilesPerPage)] {
		list.Add(f)
	}
	prev := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showContentStatus(first - ContentFilesPerPage) })
	if first == 0 {
		prev.Disable()
	}
	next := s.cbutton(sc, "next", s.M("console.next"), widget.MediumImportance, func() { s.showContentStatus(first + ContentFilesPerPage) })
	if first+ContentFilesPerPage >= len(files) {
		next.Disable()
	}
	summary := clabel(sc, "summary", s.M("console.content.summary", "alerts", strconv.Itoa(len(s.alerts())),
		"n", strconv.Itoa(s.contentFiles()), "rejected", strconv.Itoa(s.rejectedCount())))
	s.consolePage(sc, s.M("console.content.title"), container.NewBorder(summary, nil, nil, nil, container.NewVBox(list, layout.NewSpacer())), prev, next)
}

// alerts are the health board's alerts, none without a board.
func (s *Shell) alerts() []health.Alert {
	if s.svc.Health == nil {
		return nil
	}
	return s.svc.Health.List()
}

func (s *Shell) contentFiles() int {
	if s.svc.ContentReport == nil {
		return 0
	}
	return len(s.svc.ContentReport.Files)
}

func (s *Shell) rejectedCount() int {
	if s.svc.ContentReport == nil {
		return 0
	}
	return len(s.svc.ContentReport.Rejected())
}
