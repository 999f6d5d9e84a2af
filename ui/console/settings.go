package console

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/settings"
	"pasapas/ui/shell"
)

// setting is one editable setting of the settings screen, with the value
// shown when none is stored.
type setting struct{ key, def string }

// showSettings edits the centre's data and the kiosk's behaviour, stored in
// the settings table. Kiosk id, idle timeout, language and text size are
// read at start: the screen says so and offers "Redémarrer".
func (s *Screens) showSettings() {
	sc := shell.NewScreen("mediator.settings")
	langs := s.Svc.Text.Languages()
	langNames := make([]string, len(langs))
	for i, l := range langs {
		langNames[i] = l.Name
	}
	sizes := []string{s.M("console.settings.size.0"), s.M("console.settings.size.1"), s.M("console.settings.size.2")}
	fields := []setting{
		{settings.CentreName, ""},
		{settings.CentreAddress, ""},
		{settings.CentreHours, ""},
		{settings.KioskID, settings.DefaultKioskID},
		{settings.IdleSeconds, strconv.Itoa(int(s.Svc.IdleTimeout.Seconds()))},
		{settings.Language, s.Svc.DefaultLang},
		{settings.TextStep, strconv.Itoa(s.Svc.DefaultTextStep)},
		{settings.Printer, ""},
		{settings.RetentionDays, strconv.Itoa(settings.DefaultRetentionDays)},
		{settings.SpeechAuto, strconv.FormatBool(s.Svc.AutoRead)},
	}
	message := clabel(sc, "message", "")
	message.Wrapping = fyne.TextWrapWord
	values := map[string]func() string{}
	form := widget.NewForm()
	for _, f := range fields {
		v, err := s.Svc.Console.Setting(s.ctx(), f.key, f.def)
		if err != nil {
			s.consolePage(sc, s.M("console.settings.title"), s.consoleError(sc, err))
			return
		}
		var w fyne.CanvasObject
		switch f.key {
		case settings.Language:
			sel := widget.NewSelect(langNames, nil)
			sel.SetSelected(s.Svc.Text.Language(v).Name)
			values[f.key] = func() string {
				for _, l := range langs {
					if l.Name == sel.Selected {
						return l.Code
					}
				}
				return v
			}
			w = sel
		case settings.SpeechAuto:
			check := widget.NewCheck(s.M("console.settings.speech.auto.check"), nil)
			check.SetChecked(v == "true")
			values[f.key] = func() string { return strconv.FormatBool(check.Checked) }
			w = check
		case settings.TextStep:
			sel := widget.NewSelect(sizes, nil)
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < len(sizes) {
				sel.SetSelectedIndex(n)
			}
			values[f.key] = func() string { return strconv.Itoa(max(0, sel.SelectedIndex())) }
			w = sel
		default:
			e := s.Entry()
			e.SetText(v)
			values[f.key] = func() string { return strings.TrimSpace(e.Text) }
			w = e
		}
		form.Append(s.M("console.settings."+f.key), w)
	}
	save := s.cbutton(sc, "save", s.M("console.settings.save"), widget.HighImportance, func() {
		checked := map[string]string{}
		for _, f := range fields {
			v, bad := s.checkSetting(f.key, values[f.key]())
			if bad != "" {
				message.Importance = widget.DangerImportance
				message.SetText(bad)
				return
			}
			checked[f.key] = v
		}
		for _, f := range fields {
			if err := s.Svc.Console.SetSetting(s.ctx(), f.key, checked[f.key]); err != nil {
				s.consoleError(sc, err)
				message.Importance = widget.DangerImportance
				message.SetText(s.M("console.error"))
				return
			}
		}
		s.Svc.AutoRead = values[settings.SpeechAuto]() == "true"
		s.Svc.Log.Info("settings changed from the mediator console")
		message.Importance = widget.SuccessImportance
		message.SetText(s.M("console.settings.saved"))
	})
	purge := s.cbutton(sc, "purge", s.M("console.settings.purge"), widget.DangerImportance, func() {
		kept, bad := s.checkSetting(settings.RetentionDays, values[settings.RetentionDays]())
		if bad != "" {
			message.Importance = widget.DangerImportance
			message.SetText(bad)
			return
		}
		days, _ := strconv.Atoi(kept)
		n, err := s.Svc.Console.Purge(s.ctx(), activity.RetentionCutoff(s.Svc.Now(), days))
		if err != nil {
			s.consoleError(sc, err)
			message.Importance = widget.DangerImportance
			message.SetText(s.M("console.error"))
			return
		}
		s.Svc.Log.WithField("sessions", n).Info("sessions purged from the mediator console")
		message.Importance = widget.SuccessImportance
		message.SetText(s.M("console.settings.purged", "n", strconv.Itoa(n), "days", strconv.Itoa(days)))
	})
	changePIN := s.cbutton(sc, "pin", s.M("console.settings.pin"), widget.MediumImportance, func() { s.gate.showPinPad(padChoose, "") })
	// Why the speaker button is there or not, in the mediator's words.
	voice := clabel(sc, "speech", s.Svc.Speech.Status(s.Svc.Text.Codes()))
	voice.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(form, voice, message, layout.NewSpacer())
	s.consolePage(sc, s.M("console.settings.title"), body, changePIN, purge, save)
}
