package ui_test

import (
	"image/png"
	"os"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreenshots writes a picture of every screen, at the smallest and the
// largest text step, to $PASAPAS_ARTEFACTS/ui/ so people can look at them.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		t.Skip("PASAPAS_ARTEFACTS not set")
	}
	writeScreenshots(t, filepath.Join(dir, "ui"), uitest.VisitorScreens)
}

// writeScreenshots photographs each screen of screens into dir, and checks
// that each fits 1024×768 with no text cut.
func writeScreenshots(t *testing.T, dir string, screens map[string]func(k *uitest.Kiosk)) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, open := range screens {
		for _, step := range []int{0, len(kit.TextSteps) - 1} {
			k := uitest.New(t)
			k.UI.SetTextStep(step)
			open(k)
			// fitsWhole lays out twice: the test driver lays out again only
			// on a real size change, and texts set after show may have grown.
			fitsWhole(t, k, name+" at A"+strings.Repeat("+", step))
			f, err := os.Create(filepath.Join(dir, name+"-step"+string(rune('0'+step))+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, k.Win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}
