package ui_test

import (
	"os"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestScreensFitWithoutScrolling checks the brief's rule: every screen fits
// 1024×768 at the largest text step, in every language, with every button a
// comfortable touch target. It writes a picture at that size of the
// languages people look at (uitest.Pictured) to $PASAPAS_ARTEFACTS/ui/.
func TestScreensFitWithoutScrolling(t *testing.T) {
	largest := len(kit.TextSteps) - 1
	for _, l := range uitest.Languages(t) {
		for _, name := range uitest.ScreenNames() {
			lang := l.Code
			// A subtest each: its window closes before the next opens.
			t.Run(name+"/"+lang, func(t *testing.T) {
				k := uitest.NewAt(t, lang, largest)
				uitest.VisitorScreens[name](k)
				k.Win.Resize(fyne.NewSize(1024, 768))
				min := k.Win.Content().MinSize()
				if min.Width > 1024 || min.Height > 768 {
					t.Errorf("%s/%s needs %.0f×%.0f, more than 1024×768", name, lang, min.Width, min.Height)
				}
				for _, o := range uitest.ShownObjects(k.Win.Content()) {
					b, ok := o.(*kit.Button)
					if !ok || !b.Visible() {
						continue
					}
					if s := b.Size(); s.Width < kit.MinTouchTarget || s.Height < kit.MinTouchTarget {
						t.Errorf("%s/%s: button %q is %.0f×%.0f, under %d px", name, lang, b.Text, s.Width, s.Height, kit.MinTouchTarget)
					}
				}
				for _, o := range uitest.ShownObjects(k.Win.Content()) {
					if l, ok := o.(*kit.Label); ok && l.Visible() && l.Text != "" && l.Truncation == fyne.TextTruncateOff {
						if l.Size().Width < l.MinSize().Width-0.5 {
							t.Errorf("%s/%s: label %q cut", name, lang, l.Text)
						}
					}
				}
				if dir := os.Getenv("PASAPAS_ARTEFACTS"); dir != "" && uitest.Pictured(l) {
					uitest.WritePNG(t, filepath.Join(dir, "ui", name+"-"+lang+"-largest.png"), k)
				}
			})
		}
	}
}
