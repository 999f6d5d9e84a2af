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
	shown := sc.Label("typed", "")
	shown.Alignment = fyne.TextAlignCenter
	shown.SizeName = "headingText"
	shown.TextStyle.Monospace = true
	// One line says where the code is, or what went wrong.
	message := sc.Label("message", "")
	message.Alignment = fyne.TextAlignCenter
	title := sc.Heading("title", s.T("back.pad.title"))
	typed := &kit.Typed{Max: codeLength, Accept: func(r rune) bool { return strings.ContainsRune(session.CodeAlphabet, r) }}
	typed.Changed = func() {
		shown.SetText(grouped(typed.Runes()))
		title.Show()
		message.Importance = widget.MediumImportance
		message.SetText(s.T("back.pad.hint"))
	}
	// Codes are printed in capitals; a keyboard may type small letters.
	add := func(r rune) { typed.Add(unicode.ToUpper(r)) }
	validate := func() {
		if len(typed.Runes()) < codeLength {
			warn(sc, s.T("back.pad.short"))
			return
		}
		s.find(sc, string(typed.Runes()))
	}
	// Three rows of keys: the screen keeps room for a two-line message at
	// the largest text.
	keys := container.NewGridWithColumns(11)
	for _, r := range session.CodeAlphabet {
		keys.Add(s.Button(sc, "key."+string(r), string(r), widget.MediumImportance, func() { add(r) }))
	}
	keys.Add(s.Button(sc, "erase", "⌫", widget.MediumImportance, typed.Erase))
	ok := s.Button(sc, "ok", s.T("back.pad.ok"), widget.HighImportance, validate)
	back := s.Button(sc, "back", s.T("common.back"), widget.MediumImportance, s.BackToWelcome)
	sc.Back = s.BackToWelcome
	sc.OnRune = add
	sc.OnKey = kit.PadKeys(typed.Erase, validate)
	typed.Changed()
	sc.Content = kit.Page(container.NewVBox(
		title,
		kit.Centred(message),
		// The code's keys read as on the paper, left to right, in every
		// language, and keep the smallest text size, as the languages of
		// the welcome screen do: a letter is legible at any size.
		kit.LeftToRight(kit.Steady(keys, s.TextStep())),
	), back, shown, ok)
	s.Show(sc)
	if wait, err := s.Svc.Codes.Wait(); err == nil && wait > 0 {
		warn(sc, s.T("back.pad.slowed"))
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
	say := func(key string) { warn(sc, s.T(key)) }
	switch {
	case err == nil:
		s.StartSession(session.Visit{Earlier: &rec})
	case errors.Is(err, session.ErrUnknownCode), errors.Is(err, session.ErrBadCode):
		say("back.pad.unknown")
	case errors.Is(err, session.ErrExpiredCode):
		say("back.pad.expired")
	case errors.Is(err, session.ErrPadSlowed):
		s.Svc.Log.Warn("returning code pad slowed after wrong codes")
		say("back.pad.slowed")
	default:
		s.Svc.Log.WithError(err).Error("looking up a returning visitor's code")
		s.ShowError(s.T("error.storage"))
	}
}

// warn says what went wrong in the place of the pad's title: the message
// says what to do, and a long one keeps room at the largest text.
func warn(sc *shell.Screen, text string) {
	sc.Labels["title"].Hide()
	l := sc.Labels["message"]
	l.Importance = widget.DangerImportance
	l.SetText(text)
}
