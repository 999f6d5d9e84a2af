package kit

import (
	"bytes"
	"container/list"
	"fmt"
	"image"
	"pasapas/assets"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
)

// Picture is a drawing (an SVG resource: a step's illustration, a
// pictogram) shown at size on a canvas of the given scale, rasterised once
// for that size. Fyne rasterises an SVG image again each time a new image
// object is resized, and at twice the size while it is not yet on a canvas
// (measuring a page, building the next screen): each step of a walkthrough
// paid for its drawing several times, each tile for its pictogram. Pixels
// are kept for the drawings shown last, so turning a page back, the next
// visitor's same screens or a redraw after a change of text size cost
// nothing.
func Picture(res fyne.Resource, size fyne.Size, scale float32) *canvas.Image {
	w, h := pixels(size, scale)
	pix, err := pictures.get(res, w, h)
	if err != nil {
		fyne.LogError("drawing "+res.Name(), err)
		img := canvas.NewImageFromResource(res)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(size)
		return img
	}
	img := canvas.NewImageFromImage(pix)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(size)
	return img
}

// Prepare draws res for Picture(res, size, scale) in the background, so that
// the screen showing it next (a walkthrough's next step) finds it drawn: a
// step's drawing takes a few hundred milliseconds to draw on an old PC,
// which a tap would otherwise wait for.
func Prepare(res fyne.Resource, size fyne.Size, scale float32) {
	if res == nil {
		return
	}
	w, h := pixels(size, scale)
	go pictures.get(res, w, h)
}

func pixels(size fyne.Size, scale float32) (w, h int) {
	return int(size.Width*scale + 0.5), int(size.Height*scale + 0.5)
}

// pictureBudget bounds the pixels kept, in bytes: a step's drawing at
// 360×270 is under 400 kB and a pictogram 20 kB, so the dozens a day of
// visitors sees again stay well within a donated PC's memory.
const pictureBudget = 16 << 20

var pictures = pictureCache{index: map[pictureKey]*list.Element{}, order: list.New(), drawing: map[pictureKey]chan struct{}{}}

type pictureKey struct {
	name string
	w, h int
}

type pictureCache struct {
	mu    sync.Mutex
	index map[pictureKey]*list.Element
	order *list.List // most recently used first; values are *pictureEntry
	bytes int
	// drawing holds the drawings under way, closed when done: the screen
	// and a Prepare asking for the same one draw it once, and neither holds
	// up the other pictures.
	drawing map[pictureKey]chan struct{}
}

type pictureEntry struct {
	key pictureKey
	pix *image.NRGBA
}

func (c *pictureCache) get(res fyne.Resource, w, h int) (*image.NRGBA, error) {
	key := pictureKey{res.Name(), w, h}
	c.mu.Lock()
	for {
		if e, ok := c.index[key]; ok {
			c.order.MoveToFront(e)
			c.mu.Unlock()
			return e.Value.(*pictureEntry).pix, nil
		}
		done, busy := c.drawing[key]
		if !busy {
			break
		}
		c.mu.Unlock()
		<-done
		c.mu.Lock()
	}
	done := make(chan struct{})
	c.drawing[key] = done
	c.mu.Unlock()
	pix, err := rasterise(res.Content(), w, h)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.drawing, key)
	close(done)
	if err != nil {
		return nil, err
	}
	c.index[key] = c.order.PushFront(&pictureEntry{key, pix})
	c.bytes += len(pix.Pix)
	for c.bytes > pictureBudget && c.order.Len() > 1 {
		oldest := c.order.Back().Value.(*pictureEntry)
		c.order.Remove(c.order.Back())
		delete(c.index, oldest.key)
		c.bytes -= len(oldest.pix.Pix)
	}
	return pix, nil
}

// rasterise draws an SVG into w×h pixels, keeping its proportions, as
// Fyne's own renderer does (same parser and rasteriser).
func rasterise(svg []byte, w, h int) (pix *image.NRGBA, err error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg))
	if err != nil {
		return nil, err
	}
	if icon.ViewBox.W <= 0 || icon.ViewBox.H <= 0 || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("no size to draw at (%d×%d, view box %v×%v)", w, h, icon.ViewBox.W, icon.ViewBox.H)
	}
	aspect := icon.ViewBox.W / icon.ViewBox.H
	if float64(w)/float64(h) > aspect {
		w = int(float64(h) * aspect)
	} else {
		h = int(float64(w) / aspect)
	}
	icon.SetTarget(0, 0, float64(w), float64(h))
	pix = image.NewNRGBA(image.Rect(0, 0, w, h))
	scanner := rasterx.NewScannerGV(w, h, pix, pix.Bounds())
	defer func() {
		if r := recover(); r != nil { // a malformed drawing must not take the screen down
			pix, err = nil, fmt.Errorf("the drawing could not be rendered: %v", r)
		}
	}()
	icon.Draw(rasterx.NewDasher(w, h, scanner), 1)
	return pix, nil
}

// Picto is the pictogram called name at size px for a canvas of scale, or
// nil when there is none.
func Picto(name string, size, scale float32) fyne.CanvasObject {
	res := assets.Picto(name)
	if res == nil {
		return nil
	}
	return Picture(res, fyne.NewSquareSize(size), scale)
}
