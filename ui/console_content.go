package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ContentFilesPerPage is how many content files a page lists.
const ContentFilesPerPage = 12

// showContentStatus lists the content files: loaded, or refused and why
// (file:line: field: what is wrong), refused ones first.
func (s *Shell) showContentStatus(first int) {
	sc := newScreen("mediator.content")
	list := container.NewVBox()
	var files []fyne.CanvasObject
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
	summary := clabel(sc, "summary", s.M("console.content.summary", "n", strconv.Itoa(len(files)), "rejected", strconv.Itoa(s.rejectedCount())))
	s.consolePage(sc, s.M("console.content.title"), container.NewBorder(summary, nil, nil, nil, container.NewVBox(list, layout.NewSpacer())), prev, next)
}

func (s *Shell) rejectedCount() int {
	if s.svc.ContentReport == nil {
		return 0
	}
	return len(s.svc.ContentReport.Rejected())
}
