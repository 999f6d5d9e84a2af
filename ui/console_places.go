package ui

// showPlaces lists the centre's directory of places (to come: import).
func (s *Shell) showPlaces(first int) {
	sc := newScreen("mediator.places")
	s.consolePage(sc, s.M("console.places.title"), clabel(sc, "empty", s.M("console.places.empty")))
}
