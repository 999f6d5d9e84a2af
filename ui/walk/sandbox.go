package walk

import (
	"image/color"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Practice values shown on screen for the login sandbox. They are the same
// for everyone and are only ever compared with what is typed.
const (
	practiceID       = "1234567890123"
	practicePassword = "Soleil-24"
	practiceFile     = "attestation.pdf"
)

// practice builds the interactive mock of a practice step (kind is one of
// walkthrough.Sandboxes). solved is called when the visitor does the right
// thing; hint is given the key of a gentle hint after a wrong action. What
// the visitor types stays in this screen's entries: it is compared with the
// practice values, never stored, logged or printed.
func (s *Screens) practice(sc *shell.Screen, kind string, solved func(), hint func(key string)) fyne.CanvasObject {
	var mock fyne.CanvasObject
	switch kind {
	case "franceconnect":
		wrong := func() { hint("sandbox.franceconnect.hint") }
		fc := s.Button(sc, "mock.fc", s.wT("sandbox.franceconnect.fc"), widget.HighImportance, solved)
		fc.Icon = theme.LoginIcon()
		mock = container.NewVBox(
			container.NewGridWithColumns(2,
				s.Button(sc, "mock.login", s.wT("sandbox.franceconnect.login"), widget.MediumImportance, wrong),
				s.Button(sc, "mock.create", s.wT("sandbox.franceconnect.create"), widget.MediumImportance, wrong)),
			fc)
	case "fc-provider":
		grid := container.NewGridWithColumns(2)
		for _, p := range []struct{ id, name string }{
			{"impots", "Impôts (impots.gouv)"}, {"ameli", "ameli"}, {"laposte", "La Poste"}, {"msa", "MSA"},
		} {
			f := func() { hint("sandbox.fc-provider.hint") }
			if p.id == "impots" {
				f = solved
			}
			grid.Add(s.Button(sc, "mock."+p.id, p.name, widget.MediumImportance, f))
		}
		mock = container.NewVBox(grid,
			s.Button(sc, "mock.create", s.wT("sandbox.fc-provider.create"), widget.MediumImportance, func() { hint("sandbox.fc-provider.hint.create") }))
	case "login":
		id := s.Entry()
		id.SetPlaceHolder(s.wT("sandbox.login.id"))
		// Not masked: the practice values are on screen anyway, and seeing
		// what one types is how one learns to type it right.
		pw := s.Entry()
		pw.SetPlaceHolder(s.wT("sandbox.login.password"))
		submit := func() {
			switch {
			case strings.ReplaceAll(id.Text, " ", "") != practiceID:
				hint("sandbox.login.hint.id")
			case strings.TrimSpace(pw.Text) != practicePassword:
				hint("sandbox.login.hint.password")
			default:
				solved()
			}
		}
		valider := s.Button(sc, "mock.submit", s.wT("sandbox.login.submit"), widget.HighImportance, submit)
		id.OnSubmitted = func(string) { s.Act(submit)() }
		pw.OnSubmitted = id.OnSubmitted
		values := sc.Label("values", s.wT("sandbox.login.values", "id", practiceID, "password", practicePassword))
		values.TextStyle.Bold = true
		mock = container.NewVBox(values, container.NewBorder(nil, nil, nil, valider, container.NewGridWithColumns(2, id, pw)))
	case "confirm":
		check := widget.NewCheck(s.wT("sandbox.confirm.check"), func(bool) { s.Activity() })
		mock = container.NewBorder(nil, nil, nil,
			s.Button(sc, "mock.submit", s.wT("sandbox.confirm.submit"), widget.HighImportance, func() {
				if !check.Checked {
					hint("sandbox.confirm.hint")
					return
				}
				solved()
			}), check)
	case "attach":
		joined := sc.Label("joined", "")
		// The file picker appears on "Joindre un fichier", as on a real site.
		files := container.NewGridWithColumns(3)
		pick := func() {
			files.RemoveAll()
			for _, f := range []string{"photo.jpg", practiceFile, "musique.mp3"} {
				files.Add(s.Button(sc, "mock.file."+f, f, widget.MediumImportance, func() {
					if f != practiceFile {
						hint("sandbox.attach.hint.file")
						return
					}
					files.RemoveAll()
					joined.SetText(s.wT("sandbox.attach.joined", "file", f))
				}))
			}
		}
		join := s.Button(sc, "mock.join", s.wT("sandbox.attach.join"), widget.MediumImportance, pick)
		join.Icon = theme.MailAttachmentIcon()
		send := s.Button(sc, "mock.send", s.wT("sandbox.attach.send"), widget.HighImportance, func() {
			if joined.Text == "" {
				hint("sandbox.attach.hint.first")
				return
			}
			solved()
		})
		send.Icon = theme.MailSendIcon()
		mock = container.NewVBox(container.NewGridWithColumns(2, join, send), files, joined)
	case "slot":
		chosen := ""
		days := container.NewVBox()
		var slots []*kit.Button
		for _, day := range []string{"mon", "tue"} {
			times := container.NewGridWithColumns(3)
			for _, t := range []string{"9 h 00", "9 h 30", "11 h"} {
				id := day + "." + strings.ReplaceAll(t, " ", "")
				var b *kit.Button
				b = s.Button(sc, "mock.slot."+id, t, widget.MediumImportance, func() {
					chosen = id
					for _, o := range slots {
						o.Importance = widget.MediumImportance
						o.Refresh()
					}
					b.Importance = widget.HighImportance
					b.Refresh()
				})
				slots = append(slots, b)
				times.Add(b)
			}
			dayLabel := widget.NewLabel(s.wT("sandbox.slot." + day))
			dayLabel.TextStyle.Bold = true
			days.Add(container.NewBorder(nil, nil, dayLabel, nil, times))
		}
		confirm := s.Button(sc, "mock.confirm", s.wT("sandbox.slot.confirm"), widget.HighImportance, func() {
			switch chosen {
			case "":
				hint("sandbox.slot.hint.first")
			case "tue.9h30":
				solved()
			default:
				hint("sandbox.slot.hint")
			}
		})
		mock = container.NewBorder(nil, nil, nil, confirm, days)
	case "scam":
		list := container.NewVBox()
		for _, n := range []string{"1", "2", "3"} {
			f := func() { hint("sandbox.scam.hint") }
			if n == "2" {
				f = solved
			}
			b := s.Button(sc, "mock.message."+n, s.wT("sandbox.scam."+n), widget.MediumImportance, f)
			b.Icon = theme.MailComposeIcon()
			b.Alignment = widget.ButtonAlignLeading
			list.Add(b)
		}
		mock = list
	default:
		// The loader only accepts known kinds; a newer content file on an
		// older kiosk still gets its step, without the practice.
		s.Svc.Log.WithField("sandbox", kind).Warn("unknown practice kind")
		mock = sc.Label("", "")
	}
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	frame.StrokeWidth = 2
	frame.CornerRadius = 10
	return container.NewStack(frame, container.NewPadded(mock))
}
