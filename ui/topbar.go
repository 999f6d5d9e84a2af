package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// topBar is on every screen: the logo (held 3 s: mediator mode), the kiosk's
// name and the text-size control.
type topBar struct {
	shell   *Shell
	logo    *longPressLogo
	title   *widget.Label
	sizeTag *widget.Label
	buttons map[string]*Button
	content fyne.CanvasObject
}

func newTopBar(s *Shell) *topBar {
	t := &topBar{shell: s, buttons: map[string]*Button{}}
	t.logo = newLongPressLogo(afterOnUI, func() { s.act(s.openMediator)() })
	t.title = widget.NewLabel("")
	t.title.TextStyle.Bold = true
	t.sizeTag = widget.NewLabel("")
	sizes := container.NewHBox(t.sizeTag)
	for step := range TextSteps {
		b := newButton("", s.act(func() { s.SetTextStep(step) }))
		t.buttons["text."+strconv.Itoa(step)] = b
		sizes.Add(b)
	}
	bar := container.NewHBox(t.logo, t.title, layout.NewSpacer(), sizes)
	t.content = container.NewVBox(container.NewPadded(bar), widget.NewSeparator())
	return t
}

// refresh follows the visitor's language and text size.
func (t *topBar) refresh() {
	s := t.shell
	t.title.SetText(s.T("app.name"))
	t.sizeTag.SetText(s.T("textsize.label"))
	keys := []string{"textsize.small", "textsize.medium", "textsize.large"}
	for step, key := range keys {
		b := t.buttons["text."+strconv.Itoa(step)]
		b.SetText(s.T(key))
		b.Importance = widget.MediumImportance
		if step == s.textStep {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}
