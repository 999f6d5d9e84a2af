package ui_test

import (
	"os"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
	"path/filepath"
	"testing"
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
				uitest.FitsWhole(t, k, name+"/"+lang)
				for _, o := range uitest.ShownObjects(k.Win.Content()) {
					b, ok := o.(*kit.Button)
					if !ok || !b.Visible() {
						continue
					}
					if s := b.Size(); s.Width < kit.MinTouchTarget || s.Height < kit.MinTouchTarget {
						t.Errorf("%s/%s: button %q is %.0f×%.0f, under %d px", name, lang, b.Text, s.Width, s.Height, kit.MinTouchTarget)
					}
				}
				if dir := os.Getenv("PASAPAS_ARTEFACTS"); dir != "" && uitest.Pictured(l) {
					uitest.WritePNG(t, filepath.Join(dir, "ui", name+"-"+lang+"-largest.png"), k)
				}
			})
		}
	}
}
