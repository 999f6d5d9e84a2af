package console

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
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
	"pasapas/app/settings"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// PlacesPerPage is how many places a page of the directory shows.
const PlacesPerPage = 3

// maxShownErrors is how many import problems the screen lists; the log has
// them all.
const maxShownErrors = 10

// showPlaces lists the centre's directory of places, a page at a time,
// each with the orientations it serves: nearest first once the centre's
// position is set (typed, or taken from its own entry with "C'est notre
// lieu"), filtered by query (name or commune). It imports a new directory
// from a CSV file of the national standard.
func (s *Screens) showPlaces(first int, query ...string) {
	sc := shell.NewScreen("mediator.places")
	q := ""
	if len(query) > 0 {
		q = query[0]
	}
	all, err := s.Svc.Console.Places(s.ctx())
	if err != nil {
		s.consolePage(sc, s.M("console.places.title"), s.consoleError(sc, err))
		return
	}
	setting := func(key, def string) string {
		v, _ := s.Svc.Console.Setting(s.ctx(), key, def)
		return v
	}
	position := setting(settings.CentrePosition, "")
	radius := setting(settings.PlacesRadiusKm, strconv.Itoa(settings.DefaultPlacesRadiusKm))
	var listed []directory.Near
	if centre, err := directory.ParsePosition(position); position != "" && err == nil {
		listed = directory.Nearest(all, centre, 1e6) // every place, with its distance
		for _, p := range all {
			if !p.HasPosition {
				listed = append(listed, directory.Near{Place: p, Km: -1})
			}
		}
	} else {
		listed = directory.Offer(all, nil, "", 0)
	}
	if q != "" {
		listed = slices.DeleteFunc(listed, func(n directory.Near) bool {
			return !containsFold(n.Name, q) && !containsFold(n.Commune, q)
		})
	}

	where := clabel(sc, "position", s.M("console.places.noposition"))
	if position != "" {
		where.SetText(s.M("console.places.position", "position", position, "radius", radius))
	}
	wrapped(where)
	// What the buttons say replaces the explanation: no line kept empty.
	message := where
	sc.Labels["message"] = where
	posEntry, radiusEntry := s.Entry(), s.Entry()
	posEntry.SetText(position)
	posEntry.SetPlaceHolder("44.5594,6.0786")
	radiusEntry.SetText(radius)
	save := s.cbutton(sc, "setposition", s.M("console.places.setposition"), widget.MediumImportance, func() {
		p, err := directory.ParsePosition(posEntry.Text)
		if err != nil {
			message.Importance = widget.DangerImportance
			message.SetText(err.Error())
			return
		}
		km, err := settings.Validate(settings.PlacesRadiusKm, radiusEntry.Text)
		if err != nil {
			message.Importance = widget.DangerImportance
			message.SetText(s.M("console.places.radius.label") + " " + err.Error())
			return
		}
		if err := s.storeSettings(map[string]string{settings.CentrePosition: p.String(), settings.PlacesRadiusKm: km}); err != nil {
			s.consoleError(sc, err)
			return
		}
		s.showPlaces(0, q)
	})
	positionRow := container.NewBorder(nil, nil, bold(s.M("console.places.position.label")),
		container.NewHBox(bold(s.M("console.places.radius.label")), container.New(&minWidth{width: 60}, radiusEntry), save),
		posEntry)

	count := clabel(sc, "count", s.M("console.places.count", "n", strconv.Itoa(len(all))))
	if q != "" {
		count.SetText(s.M("console.places.found", "n", strconv.Itoa(len(listed)), "query", q))
	}
	list := container.NewVBox(where, positionRow, widget.NewSeparator(), count)
	if len(all) == 0 {
		list.Add(wrapped(clabel(sc, "empty", s.M("console.places.empty"))))
	}
	first = max(0, min(first, len(listed)-1))
	for i, p := range listed[first:min(len(listed), first+PlacesPerPage)] {
		name := bold(p.Name)
		sc.Labels["place."+strconv.Itoa(i)] = name
		details := []string{p.Address}
		if p.Km >= 0 {
			details = append(details, directory.KmLabel(p.Km))
		}
		if p.Hours != "" {
			details = append(details, p.Hours)
		}
		if p.Phone != "" {
			details = append(details, directory.PhoneLabel(p.Phone))
		}
		info := kit.NewLabel(strings.Join(details, " · "))
		info.Truncation = fyne.TextTruncateEllipsis
		var serves []string
		for _, o := range p.Orientations {
			serves = append(serves, activity.OrientationLabel(o))
		}
		tags := clabel(sc, "serves."+strconv.Itoa(i), s.M("console.places.serves", "orientations", orDash(strings.Join(serves, ", "))))
		tags.Importance = widget.HighImportance
		right := container.NewHBox(tags)
		if p.HasPosition {
			place := p.Place
			right.Add(s.cbutton(sc, "ours."+strconv.Itoa(i), s.M("console.places.ours"), widget.MediumImportance, func() {
				s.chooseOwnPlace(sc, place)
				s.showPlaces(0, q)
				s.Screen().Labels["message"].Importance = widget.SuccessImportance
				s.Screen().Labels["message"].SetText(s.M("console.places.ours.done", "name", place.Name))
			}))
		}
		list.Add(container.NewVBox(container.NewBorder(nil, nil, nil, right, name), info, widget.NewSeparator()))
	}

	search := s.Entry()
	search.SetText(q)
	search.SetPlaceHolder(s.M("console.places.search.hint"))
	find := func() { s.showPlaces(0, strings.TrimSpace(search.Text)) }
	search.OnSubmitted = func(string) { s.Act(find)() }
	tools := container.NewBorder(nil, nil, nil, s.cbutton(sc, "find", s.M("console.places.search"), widget.MediumImportance, find),
		container.New(&minWidth{width: 220}, search))

	prev := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showPlaces(first-PlacesPerPage, q) })
	if first == 0 {
		prev.Disable()
	}
	next := s.cbutton(sc, "next", s.M("console.next"), widget.MediumImportance, func() { s.showPlaces(first+PlacesPerPage, q) })
	if first+PlacesPerPage >= len(listed) {
		next.Disable()
	}
	importBtn := s.cbutton(sc, "import", s.M("console.places.import"), widget.HighImportance, func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			s.Act(func() { s.importPlaces(path) })()
		}, s.Window())
		d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
		d.Resize(fyne.NewSize(900, 640))
		d.Show()
	})
	s.consolePageWithTools(sc, s.M("console.places.title"), tools, container.NewVBox(list, layout.NewSpacer()), prev, next, importBtn)
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// chooseOwnPlace takes the centre's position, commune and codes from its
// own entry of the directory; its name and address too while they are not
// set.
func (s *Screens) chooseOwnPlace(sc *shell.Screen, p directory.Place) {
	values := map[string]string{settings.CentrePosition: p.Position.String(), settings.CentreCommune: p.Commune}
	if directory.ValidPostCode(p.PostCode) {
		values[settings.CentrePostCode] = p.PostCode
	}
	if directory.ValidINSEE(p.INSEE) {
		values[settings.CentreINSEE] = p.INSEE
	}
	for key, v := range map[string]string{settings.CentreName: p.Name, settings.CentreAddress: p.Address} {
		if old, _ := s.Svc.Console.Setting(s.ctx(), key, ""); old == "" {
			values[key] = v
		}
	}
	if err := s.storeSettings(values); err != nil {
		s.consoleError(sc, err)
		return
	}
	s.Svc.Log.WithField("keys", len(values)).Info("centre's position set from the directory screen")
}

// importPlaces replaces the directory with the places kept from the CSV
// file at path and says what was repaired or skipped; a file refused whole
// leaves the directory as it was.
func (s *Screens) importPlaces(path string) {
	file := filepath.Base(path)
	var res directory.Result
	f, err := os.Open(path)
	if err == nil {
		res, err = directory.Import(file, f)
		f.Close()
	}
	if err == nil {
		err = s.Svc.Console.ReplacePlaces(s.ctx(), res.Places)
	}
	log := s.Svc.Log.WithField("file", file)
	for _, e := range append(slices.Clone(res.Refused), res.Warnings...) {
		log.Warnf("local directory: %v", e)
	}
	if err == nil {
		log.WithField("places", len(res.Places)).Info("local directory imported")
	}
	if err == nil && len(res.Refused)+len(res.Warnings)+len(res.Notes) == 0 {
		s.showPlaces(0)
		s.Screen().Labels["count"].SetText(s.M("console.places.imported", "n", strconv.Itoa(len(res.Places))))
		return
	}
	sc := shell.NewScreen("mediator.places.report")
	sc.Back = func() { s.showPlaces(0) }
	var summary string
	var refusal *directory.Refusal
	switch {
	case errors.As(err, &refusal):
		sc.Name = "mediator.places.errors"
		summary = s.M("console.places.refused", "reason", refusal.Reason)
	case err != nil:
		sc.Name = "mediator.places.errors"
		summary = s.M("console.places.refused", "reason", err.Error())
	default:
		summary = s.M("console.places.kept", "n", strconv.Itoa(len(res.Places)), "refused", strconv.Itoa(len(res.Refused)), "warnings", strconv.Itoa(len(res.Warnings)))
	}
	list := container.NewVBox(wrapped(clabel(sc, "summary", summary)))
	for i, n := range res.Notes {
		list.Add(wrapped(clabel(sc, "note."+strconv.Itoa(i), n)))
	}
	// Refused rows first: those places are missing.
	shown := 0
	for i, e := range append(slices.Clone(res.Refused), res.Warnings...) {
		if shown == maxShownErrors {
			list.Add(clabel(sc, "more", s.M("console.places.more", "n", strconv.Itoa(len(res.Refused)+len(res.Warnings)-shown))))
			break
		}
		l := clabel(sc, "error."+strconv.Itoa(i), e.Error())
		if i < len(res.Refused) {
			l.Importance = widget.DangerImportance
		}
		l.Truncation = fyne.TextTruncateEllipsis
		list.Add(l)
		shown++
	}
	back := s.cbutton(sc, "places", s.M("console.places.back"), widget.MediumImportance, sc.Back)
	s.consolePage(sc, s.M("console.places.title"), container.NewVBox(list, layout.NewSpacer()), back)
}
