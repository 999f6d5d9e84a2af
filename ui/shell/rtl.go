package shell

import (
	"pasapas/ui/kit"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Right-to-left languages (Arabic). Fyne has no right-to-left layout
// (fyne-io/fyne#90): it shapes and joins a run of Arabic letters correctly,
// but draws the runs of a line from left to right, so a line mixing Arabic
// with Latin letters or digits comes out in the wrong order, and containers
// are not mirrored. What the kiosk does about it: Arabic texts are written
// as pure Arabic runs (a code or a number goes on its own line), and
// left-aligned texts are aligned right. The question bank is in Arabic;
// the walkthroughs, which have no Arabic yet, are shown in French, never
// half-mixed.

// RightToLeft reports whether the visitor's language is written right to left.
func (s *Shell) RightToLeft() bool { return s.Svc.Text.Language(s.lang).RightToLeft }

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
		if o.Alignment == fyne.TextAlignLeading && strings.ContainsFunc(o.Text, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			o.Alignment = fyne.TextAlignTrailing
		}
	}
}
