package console

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
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// M translates key into the reference language: mediator screens are for
// the centre's staff, whatever language the visitor chose.
func (s *desk) M(key string, args ...string) string {
	return s.Svc.Text.T(s.Svc.Text.Reference(), key, args...)
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
func (s *Gate) OpenMediator() {
	// During the first start the setup itself asks for the code.
	if s.setup {
		return
	}
	if s.Screen() != nil && (s.Screen().Name == "pinpad" || strings.HasPrefix(s.Screen().Name, "mediator")) {
		return
	}
	s.Cover()
	set, err := s.Svc.PIN.IsSet()
	if err != nil {
		s.Svc.Log.WithError(err).Error("reading the mediator PIN state")
		s.ShowError(s.T("error.storage"))
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
func (s *Gate) showPinPad(mode padMode, first string) {
	sc := shell.NewScreen("pinpad")
	dots := sc.Label("dots", "")
	dots.Alignment = fyne.TextAlignCenter
	dots.SizeName = "headingText"
	message := sc.Label("message", "")
	message.Importance = widget.DangerImportance

	prompt := map[padMode]string{padEnter: "pin.enter", padChoose: "pin.choose", padConfirm: "pin.confirm"}[mode]
	promptText := s.M(prompt)
	if mode == padChoose {
		promptText += "\n" + s.M("pin.choose.hint")
	}
	promptLabel := sc.Label("prompt", promptText)
	promptLabel.TextStyle.Bold = true

	typed := &kit.Typed{Max: pin.MaxLength, Accept: func(r rune) bool { return r >= '0' && r <= '9' }}
	typed.Changed = func() { dots.SetText(strings.Repeat("● ", len(typed.Runes()))) }
	add, erase := typed.Add, typed.Erase
	validate := func() {
		entered := typed.Take()
		s.padSubmit(sc, mode, first, entered)
	}

	keys := container.NewGridWithColumns(3)
	for _, d := range "123456789" {
		keys.Add(s.Button(sc, "digit."+string(d), string(d), widget.MediumImportance, func() { add(d) }))
	}
	keys.Add(s.Button(sc, "erase", s.M("pin.erase"), widget.MediumImportance, erase))
	keys.Add(s.Button(sc, "digit.0", "0", widget.MediumImportance, func() { add('0') }))
	keys.Add(s.Button(sc, "ok", s.M("pin.ok"), widget.HighImportance, validate))
	title := s.M("pin.title")
	var actions []fyne.CanvasObject
	if s.setup {
		// The first start has no way back: the code comes first.
		title = s.M("console.setup.code.title")
		sc.NoIdle = true
	} else {
		actions = append(actions, s.Button(sc, "back", s.M("common.back"), widget.MediumImportance, s.Resume))
		sc.Back = s.Resume
	}
	sc.OnRune = add
	sc.OnKey = kit.PadKeys(erase, validate)

	left := container.NewVBox(promptLabel, dots, message)
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", title),
		container.NewBorder(nil, nil, nil, keys, left),
	), actions...)
	s.Show(sc)
	s.showLock(sc)
}

// showLock tells how long a locked pad stays locked.
func (s *Gate) showLock(sc *shell.Screen) bool {
	left, err := s.Svc.PIN.LockedFor()
	if err != nil || left <= 0 {
		return false
	}
	minutes := int(math.Ceil(left.Minutes()))
	sc.Labels["message"].SetText(s.M("pin.locked", "minutes", strconv.Itoa(minutes)))
	return true
}

func (s *Gate) padSubmit(sc *shell.Screen, mode padMode, first, entered string) {
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
			s.Screen().Labels["message"].SetText(s.M("pin.mismatch"))
			return
		}
		if err := s.Svc.PIN.Set(entered); err != nil {
			s.Svc.Log.WithError(err).Error("storing the mediator PIN")
			msg.SetText(s.M("error.storage"))
			return
		}
		s.Svc.Log.Info("mediator PIN chosen")
		s.installed = true
		if s.setup {
			s.showSetupCentre()
			return
		}
		s.menu()
	case padEnter:
		tries, err := s.Svc.PIN.Check(entered)
		switch {
		case err == nil:
			s.Svc.Log.Info("mediator mode opened")
			s.menu()
		case errors.Is(err, pin.ErrWrong):
			msg.SetText(s.M("pin.wrong", "tries", strconv.Itoa(tries)))
		case errors.Is(err, pin.ErrLocked):
			s.Svc.Log.Warn("mediator pad locked after wrong codes")
			s.showLock(sc)
		default:
			s.Svc.Log.WithError(err).Error("checking the mediator PIN")
			msg.SetText(s.M("error.storage"))
		}
	}
}

// ShowMenu is the mediator's menu: the console's sections, and
// the way out of the kiosk.
func (s *Screens) ShowMenu() {
	sc := shell.NewScreen("mediator.menu")
	quit := s.Button(sc, "quit", s.M("mediator.quit"), widget.DangerImportance, func() {
		s.Svc.Log.Info("kiosk closed from the mediator menu")
		s.EndSession(session.Abandoned)
		s.Svc.Quit()
	})
	back := s.Button(sc, "back", s.M("mediator.back"), widget.MediumImportance, s.Resume)
	sc.Back = s.Resume
	sections := container.NewGridWithColumns(2,
		s.Button(sc, "sessions", s.M("console.sessions.title"), widget.HighImportance, func() { s.showSessions(nil) }),
		s.Button(sc, "stats", s.M("console.stats.title"), widget.HighImportance, func() { s.showStats(statsPeriods[1], 0) }),
		s.Button(sc, "export", s.M("console.export.title"), widget.HighImportance, func() { s.showExport(lastMonth, activity.FormatCSV) }),
		s.Button(sc, "settings", s.M("console.settings.title"), widget.HighImportance, s.showSettings),
		s.Button(sc, "places", s.M("console.places.title"), widget.HighImportance, func() { s.showPlaces(0) }),
		s.Button(sc, "content", s.M("console.content.title"), widget.HighImportance, func() { s.showContentStatus(0) }),
		s.Button(sc, "network", s.M("console.network.title"), widget.HighImportance, s.showNetwork),
		// The mediator sits beside the visitor: the session counts as an
		// accompaniment in the activity report (type, durée).
		s.Button(sc, "accompanied", s.M("console.accompanied"), widget.HighImportance, func() {
			s.EndSession(session.Abandoned)
			s.StartSession(session.Visit{Accompanied: true})
		}),
	)
	exits := container.NewGridWithColumns(2, quit, back)
	if s.Svc.Restart != nil {
		restart := s.Button(sc, "restart", s.M("console.restart"), widget.MediumImportance, func() {
			s.Svc.Log.Info("kiosk restarted from the mediator menu")
			s.EndSession(session.Abandoned)
			s.Svc.Restart()
		})
		exits = container.NewGridWithColumns(3, quit, restart, back)
	}
	parts := []fyne.CanvasObject{sc.Heading("title", s.M("mediator.title")), sections}
	if n := len(s.alerts()) + s.rejectedCount(); n > 0 {
		warn := kit.Centred(sc.Label("warning", s.M("console.content.warning", "n", strconv.Itoa(n))))
		warn.Importance = widget.DangerImportance
		parts = append(parts, warn)
	}
	sc.Content = kit.Page(container.NewVBox(parts...), exits)
	s.Show(sc)
}
