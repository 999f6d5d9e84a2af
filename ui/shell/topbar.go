package shell

import (
	"pasapas/ui/kit"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// topBar is on every screen: the logo (held 3 s: mediator mode), the kiosk's
// name, and the visitor's one-tap display and listening controls: read the
// screen aloud, dark high contrast, and the three text sizes.
type topBar struct {
	shell   *Shell
	logo    *longPressLogo
	title   *kit.Label
	buttons map[string]*kit.Button
	content *container.ThemeOverride
}

func newTopBar(s *Shell) *topBar {
	t := &topBar{shell: s, buttons: map[string]*kit.Button{}}
	t.logo = newLongPressLogo(afterOnUI, func() { s.Act(func() { s.Opening.Then(s.Flows.Mediator) })() })
	t.title = kit.NewLabel("")
	t.title.TextStyle.Bold = true
	controls := container.NewHBox()
	add := func(id string, b *kit.Button) {
		t.buttons[id] = b
		controls.Add(b)
	}
	add("speak", kit.NewButton("", s.Act(t.toggleSpeech)))
	add("contrast", kit.NewButton("", s.Act(func() { s.SetDark(!s.dark) })))
	t.buttons["contrast"].SetIcon(theme.NewThemedResource(contrastIcon))
	for step := range kit.TextSteps {
		add("text."+strconv.Itoa(step), kit.NewButton("", s.Act(func() { s.SetTextStep(step) })))
	}
	bar := container.NewHBox(t.logo, t.title, layout.NewSpacer(), controls)
	t.content = container.NewThemeOverride(container.NewVBox(container.NewPadded(bar), widget.NewSeparator()), kit.SteadyBar{})
	return t
}

// refresh follows the visitor's language, text size and contrast, and
// whether the voice is speaking.
func (t *topBar) refresh() {
	s := t.shell
	t.title.SetText(s.T("app.name"))

	speak := t.buttons["speak"]
	if t.canSpeak() {
		if s.Svc.Speech.Speaking() {
			speak.SetText(s.T("speech.stop"))
			speak.SetIcon(theme.MediaStopIcon())
			speak.Importance = widget.HighImportance
		} else {
			speak.SetText(s.T("speech.listen"))
			speak.SetIcon(theme.VolumeUpIcon())
			speak.Importance = widget.MediumImportance
		}
		speak.Show()
	} else {
		speak.Hide()
	}

	contrast := t.buttons["contrast"]
	contrast.SetText(s.T("contrast.label"))
	contrast.Importance = importanceIf(s.dark)

	keys := []string{"textsize.small", "textsize.medium", "textsize.large"}
	for step, key := range keys {
		b := t.buttons["text."+strconv.Itoa(step)]
		b.SetText(s.T(key))
		b.Importance = importanceIf(step == s.textStep)
	}
	kit.Mirror(t.content, s.RightToLeft())
	// A theme change drops Fyne's per-widget overrides: put the bar's back.
	t.content.Refresh()
}

// importanceIf marks the option in use.
func importanceIf(on bool) widget.Importance {
	if on {
		return widget.HighImportance
	}
	return widget.MediumImportance
}

// contrastIcon is a half-filled circle, the usual sign for contrast.
var contrastIcon = fyne.NewStaticResource("contrast.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="9" fill="none" stroke="#000" stroke-width="2.5"/><path fill="#000" d="M12 3a9 9 0 0 0 0 18z"/></svg>`))
