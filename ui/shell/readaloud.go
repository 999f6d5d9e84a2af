package shell

import (
	"pasapas/ui/kit"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// SpeechText is what the speaker button reads: the screen's own Speech
// when it set one, else its visible texts in reading order, so that every
// screen can be read aloud without its author doing anything.
func (sc *Screen) SpeechText() string {
	if sc.Speech != "" {
		return sc.Speech
	}
	return strings.Join(VisibleTexts(sc.Content, nil), "\n")
}

// VisibleTexts collects the texts of o and its children, depth first: the
// order a sighted reader follows, top to bottom and left to right.
func VisibleTexts(o fyne.CanvasObject, out []string) []string {
	if o == nil || !o.Visible() {
		return out
	}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			out = VisibleTexts(c, out)
		}
	case *container.ThemeOverride:
		out = VisibleTexts(o.Content, out)
	case *container.Scroll:
		out = VisibleTexts(o.Content, out)
	case *kit.Label:
		add(o.Text)
	case *kit.Button:
		add(o.Text)
	case *widget.Button:
		add(o.Text)
	case *widget.RichText:
		add(o.String())
	case *widget.Check:
		add(o.Text)
	case *canvas.Text:
		add(o.Text)
	}
	return out
}

// canSpeak reports whether the visitor's language has a voice here.
func (t *topBar) canSpeak() bool { return t.shell.Svc.Speech.CanSay(t.shell.lang) }

// toggleSpeech reads the screen aloud, or stops when already reading.
func (t *topBar) toggleSpeech() {
	s := t.shell
	if s.Svc.Speech.Speaking() {
		s.Svc.Speech.Stop()
	} else {
		t.speak()
	}
	t.refresh()
}

// speak reads the current screen in the visitor's language, in the
// background; the top bar's button flips back when the voice ends.
func (t *topBar) speak() {
	s := t.shell
	if s.screen == nil || !t.canSpeak() {
		return
	}
	text := s.screen.SpeechText()
	err := s.Svc.Speech.Say(t.voiceFor(text), text, func(err error) {
		if err != nil {
			s.Svc.Log.WithError(err).Warn("reading aloud failed")
		}
		fyne.Do(t.refresh)
	})
	if err != nil {
		s.Svc.Log.WithError(err).Warn("reading aloud could not start")
	}
}

// voiceFor picks the voice that reads text: the visitor's language, except
// on an Arabic screen whose content is French (a practice screen imitating
// a French site, or a centre's own walkthrough without Arabic): an Arabic
// voice reading French is gibberish, so French reads French.
func (t *topBar) voiceFor(text string) string {
	s := t.shell
	if !s.RightToLeft() {
		return s.lang
	}
	arabic, latin := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if latin > arabic && s.Svc.Speech.CanSay(s.Svc.Text.Reference()) {
		return s.Svc.Text.Reference()
	}
	return s.lang
}

// screenChanged silences the previous screen and, when the centre chose
// it, reads the new one.
func (t *topBar) screenChanged() {
	s := t.shell
	s.Svc.Speech.Stop()
	if s.Svc.AutoRead {
		t.speak()
	}
}
