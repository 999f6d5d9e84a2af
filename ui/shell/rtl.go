package shell

import (
	"pasapas/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Right-to-left languages (Arabic). Fyne has no right-to-left layout
// (fyne-io/fyne#90): it shapes a run of Arabic letters, but lays the runs of
// a line out from left to right, and never mirrors a container. So on an
// Arabic screen every label puts its lines in visual order itself
// (kit.Label), left-aligned texts are aligned right, the whole screen is
// mirrored (kit.Mirror) and the arrows of "Retour" and "Continuer" turn
// (kit.TurnButtons). The top bar follows the language (topBar.refresh).

// RightToLeft reports whether the visitor's language is written right to left.
func (s *Shell) RightToLeft() bool { return s.Svc.Text.Language(s.lang).RightToLeft }

// turnRightToLeft mirrors a screen for a right-to-left reader, once: a
// screen shown again (after the idle prompt) is already turned.
func turnRightToLeft(sc *Screen) {
	if sc.turned {
		return
	}
	sc.turned = true
	alignRight(sc.Content)
	kit.Mirror(sc.Content, true)
	kit.TurnButtons(sc.Content)
}

// alignRight turns the left-aligned Arabic texts under o to the right.
func alignRight(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			alignRight(c)
		}
	case *container.ThemeOverride:
		alignRight(o.Content)
	case *kit.Label:
		// A French fallback text stays left-aligned: it reads left to right.
		if o.Alignment == fyne.TextAlignLeading && kit.RightToLeftText(o.Text) {
			o.Alignment = fyne.TextAlignTrailing
		}
	}
}
