// Command barewindow is the smallest Fyne program (a label and a button):
// the baseline the start-up benchmark compares the kiosk against.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("bare window")
	w.SetContent(container.NewVBox(widget.NewLabel("Bonjour"), widget.NewButton("OK", func() {})))
	w.SetFullScreen(true)
	w.ShowAndRun()
}
