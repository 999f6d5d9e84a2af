package walk

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// practiceText is a practice screen's instruction or hint (key), with the
// values of practice.yaml it may name: the file to join, the time to take.
func (s *Screens) practiceText(key string, p *walkthrough.Practice) string {
	return s.T(key, "file", p.Attach.Right, "time", s.slotLabel(p.Slot.Right.Time))
}

// slotLabel writes a 24-hour "9:30" as the visitor's language does.
func (s *Screens) slotLabel(t string) string {
	return walkthrough.SlotLabel(t, func(h, m string) string { return s.T("sandbox.slot.time", "h", h, "m", m) })
}

// practice builds the interactive mock of a practice step (kind is one of
// walkthrough.Sandboxes) from practice.yaml. solved is called when the
// visitor does the right thing; hint is given the key of a gentle hint
// after a wrong action. What the visitor types stays in this screen's
// entries: it is compared with the practice values, never stored, logged
// or printed.
func (s *Screens) practice(sc *shell.Screen, kind string, p *walkthrough.Practice, solved func(), hint func(key string)) fyne.CanvasObject {
	var mock fyne.CanvasObject
	switch kind {
	case "franceconnect":
		mock = s.choices(sc, p.FranceConnect, 2, solved, hint, func(c walkthrough.Choice, b *kit.Button) {
			if c.Right {
				b.Importance, b.Icon = widget.HighImportance, theme.LoginIcon()
			}
		})
	case "fc-provider":
		mock = s.choices(sc, p.Provider, 2, solved, hint, nil)
	case "scam":
		mock = s.choices(sc, p.Scam, 1, solved, hint, func(_ walkthrough.Choice, b *kit.Button) {
			b.Icon, b.Alignment = theme.MailComposeIcon(), widget.ButtonAlignLeading
		})
	case "login":
		mock = s.loginMock(sc, p.Login, solved, hint)
	case "confirm":
		check := widget.NewCheck(s.T("sandbox.confirm.check"), func(bool) { s.Activity() })
		mock = container.NewBorder(nil, nil, nil,
			s.Button(sc, "mock.submit", s.T("sandbox.confirm.submit"), widget.HighImportance, func() {
				if !check.Checked {
					hint("sandbox.confirm.hint")
					return
				}
				solved()
			}), check)
	case "attach":
		mock = s.attachMock(sc, p.Attach, solved, hint)
	case "slot":
		mock = s.slotMock(sc, p.Slot, solved, hint)
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
	return kit.LeftToRight(container.NewStack(frame, container.NewPadded(mock)))
}

// choices lays out a list of practice buttons, columns wide, those set
// apart on their own lines below; look dresses each button.
func (s *Screens) choices(sc *shell.Screen, list []walkthrough.Choice, columns int, solved func(), hint func(string), look func(walkthrough.Choice, *kit.Button)) fyne.CanvasObject {
	grid := container.NewGridWithColumns(columns)
	out := container.NewVBox(grid)
	for _, c := range list {
		text := c.Name
		if c.Text != "" {
			text = s.T(c.Text)
		}
		f := solved
		if !c.Right {
			f = func() { hint(c.Hint) }
		}
		b := s.Button(sc, "mock."+c.ID, text, widget.MediumImportance, f)
		if look != nil {
			look(c, b)
		}
		if c.Apart {
			out.Add(b)
		} else {
			grid.Add(b)
		}
	}
	return out
}

// loginMock is a login form with the practice account shown above it.
func (s *Screens) loginMock(sc *shell.Screen, account walkthrough.Login, solved func(), hint func(string)) fyne.CanvasObject {
	id := s.Entry()
	id.SetPlaceHolder(s.T("sandbox.login.id"))
	// Not masked: the practice values are on screen anyway, and seeing
	// what one types is how one learns to type it right.
	pw := s.Entry()
	pw.SetPlaceHolder(s.T("sandbox.login.password"))
	submit := func() {
		switch {
		case strings.ReplaceAll(id.Text, " ", "") != account.ID:
			hint("sandbox.login.hint.id")
		case strings.TrimSpace(pw.Text) != account.Password:
			hint("sandbox.login.hint.password")
		default:
			solved()
		}
	}
	valider := s.Button(sc, "mock.submit", s.T("sandbox.login.submit"), widget.HighImportance, submit)
	id.OnSubmitted = func(string) { s.Act(submit)() }
	pw.OnSubmitted = id.OnSubmitted
	values := sc.Label("values", s.T("sandbox.login.values", "id", account.ID, "password", account.Password))
	values.TextStyle.Bold = true
	return container.NewVBox(values, container.NewBorder(nil, nil, nil, valider, container.NewGridWithColumns(2, id, pw)))
}

// attachMock is "Joindre un fichier" with its file picker, and "Envoyer".
func (s *Screens) attachMock(sc *shell.Screen, a walkthrough.Attach, solved func(), hint func(string)) fyne.CanvasObject {
	joined := sc.Label("joined", "")
	// The file picker appears on "Joindre un fichier", as on a real site.
	files := container.NewGridWithColumns(len(a.Files))
	pick := func() {
		files.RemoveAll()
		for _, f := range a.Files {
			files.Add(s.Button(sc, "mock.file."+f, f, widget.MediumImportance, func() {
				if f != a.Right {
					hint("sandbox.attach.hint.file")
					return
				}
				files.RemoveAll()
				joined.SetText(s.T("sandbox.attach.joined", "file", f))
			}))
		}
	}
	join := s.Button(sc, "mock.join", s.T("sandbox.attach.join"), widget.MediumImportance, pick)
	join.Icon = theme.MailAttachmentIcon()
	send := s.Button(sc, "mock.send", s.T("sandbox.attach.send"), widget.HighImportance, func() {
		if joined.Text == "" {
			hint("sandbox.attach.hint.first")
			return
		}
		solved()
	})
	send.Icon = theme.MailSendIcon()
	return container.NewVBox(container.NewGridWithColumns(2, join, send), files, joined)
}

// slotMock is an appointment book: a line of times per day, and
// "Confirmer" for the one chosen.
func (s *Screens) slotMock(sc *shell.Screen, book walkthrough.Slot, solved func(), hint func(string)) fyne.CanvasObject {
	type slot struct{ day, time string }
	var chosen *slot
	days := container.NewVBox()
	var slots []*kit.Button
	for _, day := range book.Days {
		times := container.NewGridWithColumns(len(book.Times))
		for _, t := range book.Times {
			this := &slot{day, t}
			id := strings.TrimPrefix(day, "sandbox.slot.") + "." + strings.Replace(t, ":", "h", 1)
			var b *kit.Button
			b = s.Button(sc, "mock.slot."+id, s.slotLabel(t), widget.MediumImportance, func() {
				chosen = this
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
		dayLabel := kit.NewLabel(s.T(day))
		dayLabel.TextStyle.Bold = true
		days.Add(container.NewBorder(nil, nil, dayLabel, nil, times))
	}
	confirm := s.Button(sc, "mock.confirm", s.T("sandbox.slot.confirm"), widget.HighImportance, func() {
		switch {
		case chosen == nil:
			hint("sandbox.slot.hint.first")
		case chosen.day == book.Right.Day && chosen.time == book.Right.Time:
			solved()
		default:
			hint("sandbox.slot.hint")
		}
	})
	return container.NewBorder(nil, nil, nil, confirm, days)
}
