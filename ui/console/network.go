package console

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/ui/shell"
)

// showNetwork sets the territory hub the kiosk sends its ended sessions to
// (address and the centre's token) and whose signed content packs it takes
// (the hub's public key), and sends them now on demand.
func (s *Screens) showNetwork() {
	sc := shell.NewScreen("mediator.network")
	address := s.Entry()
	token := s.Entry()
	// A secret: shown as dots, like the mediator code.
	token.Password = true
	// Public: shown, so that it can be compared with the hub's.
	key := s.Entry()
	for k, e := range map[string]*widget.Entry{settings.SyncURL: address, settings.SyncToken: token, settings.SyncKey: key} {
		v, err := s.Svc.Console.Setting(s.ctx(), k, "")
		if err != nil {
			s.consolePage(sc, s.M("console.network.title"), s.consoleError(sc, err))
			return
		}
		e.SetText(v)
	}
	intro := clabel(sc, "intro", s.M("console.network.intro"))
	intro.Wrapping = fyne.TextWrapWord
	message := clabel(sc, "message", "")
	message.Wrapping = fyne.TextWrapWord
	say := func(imp widget.Importance, key string, args ...string) {
		message.Importance = imp
		message.SetText(s.M(key, args...))
	}
	// save stores the three fields, or says why the address or the key is
	// refused.
	save := func() bool {
		url, err := settings.Validate(settings.SyncURL, address.Text)
		if err != nil {
			say(widget.DangerImportance, "console.network.bad_url")
			return false
		}
		hubKey, err := settings.Validate(settings.SyncKey, key.Text)
		if err != nil {
			say(widget.DangerImportance, "console.network.bad_key")
			return false
		}
		if err = s.storeSettings(map[string]string{settings.SyncURL: url, settings.SyncToken: strings.TrimSpace(token.Text), settings.SyncKey: hubKey}); err != nil {
			s.consoleError(sc, err)
			say(widget.DangerImportance, "console.error")
			return false
		}
		address.SetText(url)
		s.Svc.Log.Info("hub settings changed from the mediator console")
		return true
	}
	form := widget.NewForm(
		widget.NewFormItem(s.M("console.network.url"), address),
		widget.NewFormItem(s.M("console.network.token"), token),
		widget.NewFormItem(s.M("console.network.key"), key),
	)
	actions := []fyne.CanvasObject{s.cbutton(sc, "save", s.M("console.settings.save"), widget.HighImportance, func() {
		if save() {
			say(widget.SuccessImportance, "console.network.saved")
		}
	})}
	if s.Svc.PushNow != nil {
		var send *consoleButton
		send = s.cbutton(sc, "send", s.M("console.network.send"), widget.MediumImportance, func() {
			if !save() {
				return
			}
			send.Disable()
			say(widget.MediumImportance, "console.network.sending")
			var sent, waiting int
			var err error
			s.InBackground(func() { sent, waiting, err = s.Svc.PushNow() }, func() {
				send.Enable()
				n, left := strconv.Itoa(sent), strconv.Itoa(waiting)
				switch {
				case errors.Is(err, kiosksync.ErrNotConfigured):
					say(widget.DangerImportance, "console.network.unset")
				case errors.Is(err, kiosksync.ErrRefused):
					say(widget.DangerImportance, "console.network.refused")
				case err != nil:
					s.Svc.Log.WithError(err).Warn("pushing to the hub from the console")
					say(widget.DangerImportance, "console.network.failed", "n", n, "left", left)
				default:
					say(widget.SuccessImportance, "console.network.sent", "n", n, "left", left)
				}
			})
		})
		actions = append([]fyne.CanvasObject{send}, actions...)
	}
	s.consolePage(sc, s.M("console.network.title"), container.NewVBox(intro, form, message, layout.NewSpacer()), actions...)
}
