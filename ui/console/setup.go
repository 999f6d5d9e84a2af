package console

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/settings"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// The first start. Until a mediator code exists, whoever is at the kiosk
// would choose it and own the console: so the kiosk opens on these setup
// screens (French, the console's style) instead of the visitors' welcome,
// and the mediator gesture does nothing there. The code cannot be skipped;
// every other step can. A scripted install (pasapas set-pin) never sees
// them; after the Windows installer chose the code, they start at the
// centre's step.

// setupSteps is the number of steps the progress line counts.
const setupSteps = 5

// showStart is the first screen: the setup while no code exists, else the
// visitors' welcome.
func (s *Gate) ShowStart() {
	if s.installed {
		s.Flows.Welcome()
		return
	}
	set, err := s.Svc.PIN.IsSet()
	if err != nil {
		// The console's own pad reports storage errors; visitors still come.
		s.Svc.Log.WithError(err).Error("reading the mediator PIN state")
	}
	s.installed = set
	s.setup = err == nil && (!set || s.Svc.CodeFromInstaller)
	switch {
	case s.setup && set:
		s.Svc.Log.Info("mediator code chosen by the installer: first start's setup from the centre")
		s.showSetupCentre()
	case s.setup:
		s.Svc.Log.Info("no mediator code yet: first start's setup")
		s.showPinPad(padChoose, "")
	default:
		s.Flows.Welcome()
	}
}

// setupProgress is "Premier démarrage : étape n sur 5".
func (s *Gate) setupProgress(sc *shell.Screen, n int) *kit.Label {
	return clabel(sc, "progress", s.M("console.setup.progress", "n", strconv.Itoa(n), "of", strconv.Itoa(setupSteps)))
}

// setupForm shows one step of fields: Passer goes on without saving,
// Continuer saves what check accepts, then goes on.
func (s *Gate) setupForm(name string, n int, intro string, form *widget.Form, check func() string, save func() error, next func()) {
	sc := shell.NewScreen(name)
	sc.NoIdle = true
	message := wrapped(clabel(sc, "message", ""))
	message.Importance = widget.DangerImportance
	skip := s.cbutton(sc, "skip", s.M("console.setup.skip"), widget.MediumImportance, next)
	submit := func() {
		if bad := check(); bad != "" {
			message.SetText(bad)
			return
		}
		if err := save(); err != nil {
			s.Svc.Log.WithError(err).Error("saving the first start's settings")
			message.SetText(s.M("console.error"))
			return
		}
		next()
	}
	cont := s.cbutton(sc, "next", s.M("console.setup.next"), widget.HighImportance, submit)
	sc.OnKey = kit.EnterPresses(&cont.Button)
	body := container.NewVBox(wrapped(clabel(sc, "intro", intro)), form, message, layout.NewSpacer())
	s.deskPage(sc, s.M("console.setup.title"), nil, body, s.setupProgress(sc, n), skip, cont)
}

// settingEntry is a console text field holding the stored value of key.
func (s *desk) settingEntry(key, def string) *widget.Entry {
	e := s.Entry()
	v, err := s.Svc.Console.Setting(s.ctx(), key, def)
	if err != nil {
		s.Svc.Log.WithError(err).WithField("key", key).Warn("reading a setting")
	}
	e.SetText(v)
	return e
}

// saveEntries stores each key's field, trimmed.
func (s *desk) saveEntries(fields map[string]*widget.Entry) error {
	values := map[string]string{}
	for key, e := range fields {
		values[key] = strings.TrimSpace(e.Text)
	}
	return s.storeSettings(values)
}

// checkSetting is value as stored for key, or what is wrong with it after
// the field's name.
func (s *desk) checkSetting(key, value string) (stored, problem string) {
	stored, err := settings.Validate(key, value)
	if err != nil {
		return "", s.M("console.settings."+key) + " : " + err.Error()
	}
	return stored, ""
}

// settingProblem is what is wrong with value for key, or "".
func (s *desk) settingProblem(key, value string) string {
	_, problem := s.checkSetting(key, value)
	return problem
}

// storeSettings stores each key's value, stopping at the first failure.
func (s *desk) storeSettings(values map[string]string) error {
	for key, v := range values {
		if err := s.Svc.Console.SetSetting(s.ctx(), key, v); err != nil {
			return err
		}
	}
	return nil
}

// showSetupCentre: the centre's name, address and hours, printed on every
// summary, and its commune and code postal, asked by the activity report.
func (s *Gate) showSetupCentre() {
	fields := map[string]*widget.Entry{}
	form := widget.NewForm()
	for _, key := range []string{settings.CentreName, settings.CentreAddress, settings.CentrePostCode, settings.CentreCommune, settings.CentreHours} {
		fields[key] = s.settingEntry(key, "")
		form.Append(s.M("console.settings."+key), fields[key])
	}
	check := func() string { return s.settingProblem(settings.CentrePostCode, fields[settings.CentrePostCode].Text) }
	s.setupForm("setup.centre", 2, s.M("console.setup.centre.intro"), form, check,
		func() error { return s.saveEntries(fields) }, s.showSetupKiosk)
}

// showSetupKiosk: the kiosk's name in the exports, and the language and
// text size each visitor starts with. They apply at once.
func (s *Gate) showSetupKiosk() {
	id := s.settingEntry(settings.KioskID, settings.DefaultKioskID)
	langs := s.Svc.Text.Languages()
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = l.Name
	}
	lang := widget.NewSelect(names, nil)
	lang.SetSelected(s.Svc.Text.Language(s.Svc.DefaultLang).Name)
	sizes := []string{s.M("console.settings.size.0"), s.M("console.settings.size.1"), s.M("console.settings.size.2")}
	size := widget.NewSelect(sizes, nil)
	size.SetSelectedIndex(s.Svc.DefaultTextStep)
	form := widget.NewForm(
		widget.NewFormItem(s.M("console.settings."+settings.KioskID), id),
		widget.NewFormItem(s.M("console.settings."+settings.Language), lang),
		widget.NewFormItem(s.M("console.settings."+settings.TextStep), size),
	)
	check := func() string { return s.settingProblem(settings.KioskID, id.Text) }
	save := func() error {
		code := langs[max(0, lang.SelectedIndex())].Code
		step := max(0, size.SelectedIndex())
		for key, v := range map[string]string{settings.KioskID: strings.TrimSpace(id.Text), settings.Language: code, settings.TextStep: strconv.Itoa(step)} {
			if err := s.Svc.Console.SetSetting(s.ctx(), key, v); err != nil {
				return err
			}
		}
		s.Svc.Sessions.SetKioskID(strings.TrimSpace(id.Text))
		s.Svc.DefaultLang, s.Svc.DefaultTextStep = code, step
		return nil
	}
	s.setupForm("setup.kiosk", 3, s.M("console.setup.kiosk.intro"), form, check, save, s.showSetupPrinter)
}

// showSetupPrinter: the print queue, and a test page to see that the
// summaries will come out; "Pas d'imprimante" goes on without one.
func (s *Gate) showSetupPrinter() {
	sc := shell.NewScreen("setup.printer")
	sc.NoIdle = true
	queue := s.settingEntry(settings.Printer, "")
	form := widget.NewForm(widget.NewFormItem(s.M("console.settings."+settings.Printer), queue))
	message := wrapped(clabel(sc, "message", ""))
	none := s.cbutton(sc, "none", s.M("console.setup.printer.none"), widget.MediumImportance, s.showSetupDone)
	next := func() {
		if err := s.saveEntries(map[string]*widget.Entry{settings.Printer: queue}); err != nil {
			message.Importance = widget.DangerImportance
			message.SetText(s.M("console.error"))
			return
		}
		s.showSetupDone()
	}
	cont := s.cbutton(sc, "next", s.M("console.setup.next"), widget.HighImportance, next)
	sc.OnKey = kit.EnterPresses(&cont.Button)
	actions := []fyne.CanvasObject{none}
	if s.Svc.PrintTestPage != nil {
		var test *consoleButton
		test = s.cbutton(sc, "test", s.M("console.setup.printer.test"), widget.MediumImportance, func() {
			if err := s.saveEntries(map[string]*widget.Entry{settings.Printer: queue}); err != nil {
				message.Importance = widget.DangerImportance
				message.SetText(s.M("console.error"))
				return
			}
			test.Disable()
			message.Importance = widget.MediumImportance
			message.SetText(s.M("console.setup.printer.sending"))
			var err error
			s.InBackground(func() { err = s.Svc.PrintTestPage() }, func() {
				test.Enable()
				if err != nil {
					message.Importance = widget.DangerImportance
					message.SetText(s.M("console.setup.printer.failed"))
					return
				}
				message.Importance = widget.SuccessImportance
				message.SetText(s.M("console.setup.printer.sent"))
			})
		})
		actions = append(actions, test)
	}
	actions = append(actions, cont)
	body := container.NewVBox(wrapped(clabel(sc, "intro", s.M("console.setup.printer.intro"))), form, message, layout.NewSpacer())
	s.deskPage(sc, s.M("console.setup.title"), nil, body, s.setupProgress(sc, 4), actions...)
}

// showSetupDone says how to reach the console later, then opens the
// visitors' welcome.
func (s *Gate) showSetupDone() {
	sc := shell.NewScreen("setup.done")
	sc.NoIdle = true
	open := func() {
		s.Svc.Log.Info("first start's setup done")
		s.setup = false
		s.BackToWelcome()
	}
	welcome := s.cbutton(sc, "open", s.M("console.setup.done.open"), widget.HighImportance, open)
	sc.OnKey = kit.EnterPresses(&welcome.Button)
	body := container.NewVBox(wrapped(clabel(sc, "done", s.M("console.setup.done.body"))), layout.NewSpacer())
	s.deskPage(sc, s.M("console.setup.done.title"), nil, body, s.setupProgress(sc, 5), welcome)
}
