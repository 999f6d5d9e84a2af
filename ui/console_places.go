package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/directory"
)

// PlacesPerPage is how many places a page of the directory shows.
const PlacesPerPage = 5

// maxShownErrors is how many import errors the screen lists; the log has
// them all.
const maxShownErrors = 10

// showPlaces lists the centre's directory of places, a page at a time,
// each with the orientations it serves, and imports a new one from a CSV
// file of the national standard.
func (s *Shell) showPlaces(first int) {
	sc := newScreen("mediator.places")
	places, err := s.svc.Console.Places(s.ctx())
	if err != nil {
		s.consolePage(sc, s.M("console.places.title"), s.consoleError(sc, err))
		return
	}
	list := container.NewVBox(clabel(sc, "count", s.M("console.places.count", "n", strconv.Itoa(len(places)))))
	if len(places) == 0 {
		list.Add(wrapped(clabel(sc, "empty", s.M("console.places.empty"))))
	}
	first = max(0, min(first, len(places)-1))
	for i, p := range places[first:min(len(places), first+PlacesPerPage)] {
		name := bold(p.Name)
		sc.Labels["place."+strconv.Itoa(i)] = name
		details := []string{p.Address}
		if p.Hours != "" {
			details = append(details, p.Hours)
		}
		if p.Phone != "" {
			details = append(details, p.Phone)
		}
		info := widget.NewLabel(strings.Join(details, " · "))
		info.Truncation = fyne.TextTruncateEllipsis
		var serves []string
		for _, o := range p.Orientations {
			serves = append(serves, activity.OrientationLabel(o))
		}
		tags := clabel(sc, "serves."+strconv.Itoa(i), s.M("console.places.serves", "orientations", orDash(strings.Join(serves, ", "))))
		tags.Importance = widget.HighImportance
		list.Add(container.NewVBox(name, info, tags, widget.NewSeparator()))
	}
	prev := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showPlaces(first - PlacesPerPage) })
	if first == 0 {
		prev.Disable()
	}
	next := s.cbutton(sc, "next", s.M("console.next"), widget.MediumImportance, func() { s.showPlaces(first + PlacesPerPage) })
	if first+PlacesPerPage >= len(places) {
		next.Disable()
	}
	importBtn := s.cbutton(sc, "import", s.M("console.places.import"), widget.HighImportance, func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			s.act(func() { s.importPlaces(path) })()
		}, s.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
		d.Resize(fyne.NewSize(900, 640))
		d.Show()
	})
	s.consolePage(sc, s.M("console.places.title"), container.NewVBox(list, layout.NewSpacer()), prev, next, importBtn)
}

// importPlaces replaces the directory with the places of the CSV file at
// path, or, when the file has errors, keeps the directory and lists them.
func (s *Shell) importPlaces(path string) {
	f, err := os.Open(path)
	var places []directory.Place
	var errs []error
	if err != nil {
		errs = []error{err}
	} else {
		places, errs = directory.Parse(filepath.Base(path), f)
		f.Close()
	}
	if len(errs) == 0 {
		err = s.svc.Console.ReplacePlaces(s.ctx(), places)
	}
	if err == nil && len(errs) == 0 {
		s.svc.Log.WithField("places", len(places)).Info("local directory imported")
		s.showPlaces(0)
		s.screen.Labels["count"].SetText(s.M("console.places.imported", "n", strconv.Itoa(len(places))))
		return
	}
	sc := newScreen("mediator.places.errors")
	sc.Back = func() { s.showPlaces(0) }
	if err != nil {
		errs = []error{err}
	}
	list := container.NewVBox(wrapped(clabel(sc, "summary", s.M("console.places.refused", "n", strconv.Itoa(len(errs))))))
	for i, e := range errs {
		s.svc.Log.WithField("file", filepath.Base(path)).Warnf("local directory refused: %v", e)
		if i < maxShownErrors {
			l := clabel(sc, "error."+strconv.Itoa(i), e.Error())
			l.Importance = widget.DangerImportance
			l.Truncation = fyne.TextTruncateEllipsis
			list.Add(l)
		}
	}
	back := s.cbutton(sc, "places", s.M("console.places.back"), widget.MediumImportance, sc.Back)
	s.consolePage(sc, s.M("console.places.title"), container.NewVBox(list, layout.NewSpacer()), back)
}
