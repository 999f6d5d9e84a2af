package ui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/pin"
	"pasapas/app/session"
)

// M translates key into the reference language: mediator screens are for
// the centre's staff, whatever language the visitor chose.
func (s *Shell) M(key string, args ...string) string {
	return s.svc.Text.T(s.svc.Text.Reference(), key, args...)
}

// padMode is what the PIN pad is collecting.
type padMode int

const (
	padEnter   padMode = iota // checking the PIN
	padChoose                 // first entry of a new PIN
	padConfirm                // second entry of a new PIN
)

// openMediator answers the mediator gesture (Ctrl+Alt+M or a long press on
// the logo). Until a PIN exists it asks to choose one.
func (s *Shell) openMediator() {
	// During the first start the setup itself asks for the code.
	if s.setup {
		return
	}
	if s.screen != nil && (s.screen.Name == "pinpad" || strings.HasPrefix(s.screen.Name, "mediator")) {
		return
	}
	if s.screen != nil && s.screen.Name != "idle" {
		s.under = s.screen
	}
	set, err := s.svc.PIN.IsSet()
	if err != nil {
		s.svc.Log.WithError(err).Error("reading the mediator PIN state")
		s.showError(s.T("error.storage"))
		return
	}
	mode := padEnter
	if !set {
		mode = padChoose
	}
	s.showPinPad(mode, "")
}

// showPinPad shows the large on-screen PIN pad. first is the PIN typed the
// first time when confirming a new one.
func (s *Shell) showPinPad(mode padMode, first string) {
	sc := newScreen("pinpad")
	var typed []rune
	dots := label(sc, "dots", "")
	dots.Alignment = fyne.TextAlignCenter
	dots.SizeName = "headingText"
	message := label(sc, "message", "")
	message.Importance = widget.DangerImportance

	prompt := map[padMode]string{padEnter: "pin.enter", padChoose: "pin.choose", padConfirm: "pin.confirm"}[mode]
	promptText := s.M(prompt)
	if mode == padChoose {
		promptText += "\n" + s.M("pin.choose.hint")
	}
	promptLabel := label(sc, "prompt", promptText)
	promptLabel.TextStyle.Bold = true

	update := func() { dots.SetText(strings.Repeat("● ", len(typed))) }
	add := func(r rune) {
		if r >= '0' && r <= '9' && len(typed) < pin.MaxLength {
			typed = append(typed, r)
			update()
		}
	}
	erase := func() {
		if len(typed) > 0 {
			typed = typed[:len(typed)-1]
			update()
		}
	}
	validate := func() {
		entered := string(typed)
		typed = typed[:0]
		update()
		s.padSubmit(sc, mode, first, entered)
	}

	keys := container.NewGridWithColumns(3)
	for _, d := range "123456789" {
		keys.Add(s.button(sc, "digit."+string(d), string(d), widget.MediumImportance, func() { add(d) }))
	}
	keys.Add(s.button(sc, "erase", s.M("pin.erase"), widget.MediumImportance, erase))
	keys.Add(s.button(sc, "digit.0", "0", widget.MediumImportance, func() { add('0') }))
	keys.Add(s.button(sc, "ok", s.M("pin.ok"), widget.HighImportance, validate))
	title := s.M("pin.title")
	var actions []fyne.CanvasObject
	if s.setup {
		// The first start has no way back: the code comes first.
		title = s.M("console.setup.code.title")
		sc.NoIdle = true
	} else {
		actions = append(actions, s.button(sc, "back", s.M("common.back"), widget.MediumImportance, s.resume))
		sc.Back = s.resume
	}
	sc.OnRune = add
	sc.OnKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyBackspace, fyne.KeyDelete:
			erase()
		case fyne.KeyReturn, fyne.KeyEnter:
			validate()
		default:
			return false
		}
		return true
	}

	left := container.NewVBox(promptLabel, dots, message)
	sc.Content = page(container.NewVBox(
		heading(sc, "title", title),
		container.NewBorder(nil, nil, nil, keys, left),
	), actions...)
	s.show(sc)
	s.showLock(sc)
}

// showLock tells how long a locked pad stays locked.
func (s *Shell) showLock(sc *Screen) bool {
	left, err := s.svc.PIN.LockedFor()
	if err != nil || left <= 0 {
		return false
	}
	minutes := int(math.Ceil(left.Minutes()))
	sc.Labels["message"].SetText(s.M("pin.locked", "minutes", strconv.Itoa(minutes)))
	return true
}

func (s *Shell) padSubmit(sc *Screen, mode padMode, first, entered string) {
	msg := sc.Labels["message"]
	switch mode {
	case padChoose:
		if !pin.ValidFormat(entered) {
			msg.SetText(s.M("pin.choose.hint"))
			return
		}
		s.showPinPad(padConfirm, entered)
	case padConfirm:
		if entered != first {
			s.showPinPad(padChoose, "")
			s.screen.Labels["message"].SetText(s.M("pin.mismatch"))
			return
		}
		if err := s.svc.PIN.Set(entered); err != nil {
			s.svc.Log.WithError(err).Error("storing the mediator PIN")
			msg.SetText(s.M("error.storage"))
			return
		}
		s.svc.Log.Info("mediator PIN chosen")
		s.installed = true
		if s.setup {
			s.showSetupCentre()
			return
		}
		s.showMediatorMenu()
	case padEnter:
		tries, err := s.svc.PIN.Check(entered)
		switch {
		case err == nil:
			s.svc.Log.Info("mediator mode opened")
			s.showMediatorMenu()
		case errors.Is(err, pin.ErrWrong):
			msg.SetText(s.M("pin.wrong", "tries", strconv.Itoa(tries)))
		case errors.Is(err, pin.ErrLocked):
			s.svc.Log.Warn("mediator pad locked after wrong codes")
			s.showLock(sc)
		default:
			s.svc.Log.WithError(err).Error("checking the mediator PIN")
			msg.SetText(s.M("error.storage"))
		}
	}
}

// showMediatorMenu is the mediator's menu: the console's sections, and
// the way out of the kiosk.
func (s *Shell) showMediatorMenu() {
	sc := newScreen("mediator.menu")
	quit := s.button(sc, "quit", s.M("mediator.quit"), widget.DangerImportance, func() {
		s.svc.Log.Info("kiosk closed from the mediator menu")
		s.endSession(session.Abandoned)
		s.svc.Quit()
	})
	back := s.button(sc, "back", s.M("mediator.back"), widget.MediumImportance, s.resume)
	sc.Back = s.resume
	sections := container.NewGridWithColumns(2,
		s.button(sc, "sessions", s.M("console.sessions.title"), widget.HighImportance, func() { s.showSessions(nil) }),
		s.button(sc, "stats", s.M("console.stats.title"), widget.HighImportance, func() { s.showStats(statsPeriods[1], 0) }),
		s.button(sc, "export", s.M("console.export.title"), widget.HighImportance, func() { s.showExport(lastMonth, activity.FormatCSV) }),
		s.button(sc, "settings", s.M("console.settings.title"), widget.HighImportance, s.showSettings),
		s.button(sc, "places", s.M("console.places.title"), widget.HighImportance, func() { s.showPlaces(0) }),
		s.button(sc, "content", s.M("console.content.title"), widget.HighImportance, func() { s.showContentStatus(0) }),
		s.button(sc, "network", s.M("console.network.title"), widget.HighImportance, s.showNetwork),
	)
	exits := container.NewGridWithColumns(2, quit, back)
	if s.svc.Restart != nil {
		restart := s.button(sc, "restart", s.M("console.restart"), widget.MediumImportance, func() {
			s.svc.Log.Info("kiosk restarted from the mediator menu")
			s.endSession(session.Abandoned)
			s.svc.Restart()
		})
		exits = container.NewGridWithColumns(3, quit, restart, back)
	}
	parts := []fyne.CanvasObject{heading(sc, "title", s.M("mediator.title")), sections}
	if n := len(s.alerts()) + s.rejectedCount(); n > 0 {
		warn := centred(label(sc, "warning", s.M("console.content.warning", "n", strconv.Itoa(n))))
		warn.Importance = widget.DangerImportance
		parts = append(parts, warn)
	}
	sc.Content = page(container.NewVBox(parts...), exits)
	s.show(sc)
}
