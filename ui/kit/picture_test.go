package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"pasapas/assets"
)

// BenchmarkStepDrawing is what a walkthrough step's drawing costs each time
// a step is shown: the page is built, measured off screen (the step is cut
// into pages that fit), then shown. "fyne" is a new image of the SVG
// resource each time, as the steps had; "picture" is kit.Picture.
func BenchmarkStepDrawing(b *testing.B) {
	test.NewTempApp(b)
	res := assets.Illustration("message-scam")
	size := fyne.NewSize(360, 270)
	for _, c := range []struct {
		name  string
		image func() fyne.CanvasObject
	}{
		{"fyne", func() fyne.CanvasObject {
			img := canvas.NewImageFromResource(res)
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(size)
			return img
		}},
		{"picture", func() fyne.CanvasObject { return Picture(res, size, 1) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			w := test.NewTempWindow(b, nil)
			w.Resize(fyne.NewSize(1024, 768))
			for b.Loop() {
				measured := container.NewCenter(c.image())
				measured.Resize(fyne.NewSize(1000, 700))
				w.SetContent(container.NewCenter(c.image()))
			}
		})
	}
}

func TestPictureKeepsProportionsAndSurvivesABadDrawing(t *testing.T) {
	test.NewTempApp(t)
	img := Picture(assets.Illustration("message-scam"), fyne.NewSize(360, 270), 2)
	if img.Image == nil || img.Image.Bounds().Dx() > 720 || img.Image.Bounds().Dy() > 540 || img.MinSize() != fyne.NewSize(360, 270) {
		t.Fatalf("picture %v, min %v", img.Image.Bounds(), img.MinSize())
	}
	bad := Picture(fyne.NewStaticResource("bad.svg", []byte("<svg")), fyne.NewSize(10, 10), 1)
	if bad == nil || bad.Resource == nil {
		t.Fatal("a bad drawing gives no image to fall back on")
	}
}

// TestPreparedDrawingIsTheOneShown: a drawing Prepare made in the
// background is the one Picture then shows, not drawn again; asked while
// Prepare is drawing it, Picture waits for that drawing.
func TestPreparedDrawingIsTheOneShown(t *testing.T) {
	res := assets.Illustration("message-scam")
	size := fyne.NewSize(123, 92) // a size no other test draws
	Prepare(res, size, 1)
	shown := Picture(res, size, 1).Image
	again := Picture(res, size, 1).Image
	if shown != again {
		t.Fatal("the same drawing was drawn twice")
	}
	pictures.mu.Lock()
	defer pictures.mu.Unlock()
	if len(pictures.drawing) != 0 {
		t.Fatalf("drawings left under way: %d", len(pictures.drawing))
	}
}

// BenchmarkStepDrawingRasterise is the drawing itself, the part Prepare
// takes off the tap.
func BenchmarkStepDrawingRasterise(b *testing.B) {
	res := assets.Illustration("message-scam")
	for b.Loop() {
		if _, err := rasterise(res.Content(), 360, 270); err != nil {
			b.Fatal(err)
		}
	}
}
