// Package returning is the visitor who comes back with the code on their
// paper: the code pad of "J'ai déjà un code", what they did last time, the
// walkthrough to resume, and "Vos progrès" after a retaken assessment.
package returning

import (
	"context"
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// Screens are the returning visitor's screens.
type Screens struct{ *shell.Shell }

// codeLength is a code's characters, shown in two groups of three.
const codeLength = 6

// ShowCodePad is "J'ai déjà un code": a key for each character of the
// codes' alphabet, the code shown as typed (ABC-DEF), by touch, mouse or
// keyboard. A found code starts a session linked to the earlier one.
func (s *Screens) ShowCodePad() {
	sc := shell.NewScreen("codepad")
	var typed []rune
	shown := sc.Label("typed", "")
	shown.Alignment = fyne.TextAlignCenter
	shown.SizeName = "headingText"
	shown.TextStyle.Monospace = true
	message := sc.Label("message", "")
	message.Importance = widget.DangerImportance
	message.Alignment = fyne.TextAlignCenter
	update := func() {
		shown.SetText(grouped(typed))
		message.SetText("")
	}
	add := func(r rune) {
		r = unicode.ToUpper(r)
		if len(typed) < codeLength && strings.ContainsRune(session.CodeAlphabet, r) {
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
		if len(typed) < codeLength {
			message.SetText(s.T("back.pad.short"))
			return
		}
		s.find(sc, string(typed))
	}
	keys := container.NewGridWithColumns(8)
	for _, r := range session.CodeAlphabet {
		keys.Add(s.Button(sc, "key."+string(r), string(r), widget.MediumImportance, func() { add(r) }))
	}
	keys.Add(s.Button(sc, "erase", "⌫", widget.MediumImportance, erase))
	ok := s.Button(sc, "ok", s.T("back.pad.ok"), widget.HighImportance, validate)
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, s.BackToWelcome)
	sc.Back = s.BackToWelcome
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
	update()
	sc.Content = kit.Page(container.NewVBox(
		sc.Heading("title", s.T("back.pad.title")),
		kit.Centred(sc.Label("hint", s.T("back.pad.hint"))),
		shown,
		message,
		// The code's keys read as on the paper, left to right, in every
		// language.
		kit.LeftToRight(keys),
	), back, ok)
	s.Show(sc)
	if wait, err := s.Svc.Codes.Wait(); err == nil && wait > 0 {
		message.SetText(s.T("back.pad.slowed"))
	}
}

// grouped shows typed as the paper does, ABC-DEF, a line for each
// character still to type.
func grouped(typed []rune) string {
	var b strings.Builder
	for i := range codeLength {
		if i == codeLength/2 {
			b.WriteString("-")
		}
		if i < len(typed) {
			b.WriteRune(typed[i])
		} else {
			b.WriteString("_")
		}
	}
	return b.String()
}

// find looks the typed code up and says simply what went wrong; the pad
// keeps the code typed so a slip is mended with one key.
func (s *Screens) find(sc *shell.Screen, typed string) {
	rec, err := s.Svc.Codes.Find(context.Background(), typed)
	msg := sc.Labels["message"]
	switch {
	case err == nil:
		s.StartSession(session.Visit{Earlier: &rec})
	case errors.Is(err, session.ErrUnknownCode), errors.Is(err, session.ErrBadCode):
		msg.SetText(s.T("back.pad.unknown"))
	case errors.Is(err, session.ErrExpiredCode):
		msg.SetText(s.T("back.pad.expired"))
	case errors.Is(err, session.ErrPadSlowed):
		s.Svc.Log.Warn("returning code pad slowed after wrong codes")
		msg.SetText(s.T("back.pad.slowed"))
	default:
		s.Svc.Log.WithError(err).Error("looking up a returning visitor's code")
		s.ShowError(s.T("error.storage"))
	}
}
