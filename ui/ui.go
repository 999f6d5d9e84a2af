// Package ui builds the kiosk's Fyne screens. They talk to the session
// service and the PIN guard of app/, never to SQL, and hold no scoring nor
// product rules.
//
// Each screen group is a package that knows only the shell and the kit:
// visitor (welcome, home, goodbye, printing), assess (the self-assessment),
// walk (the walkthroughs), returning (a visitor back with their code), console (the PIN pad, the first start's setup
// and the mediator console). Create wires them through the shell's Flows,
// as fyne_demo wires its tutorials through one table.
package ui

import (
	"fyne.io/fyne/v2"

	"pasapas/ui/assess"
	"pasapas/ui/console"
	"pasapas/ui/returning"
	"pasapas/ui/shell"
	"pasapas/ui/visitor"
	"pasapas/ui/walk"
)

// Kiosk is the window's shell with every screen group in it.
type Kiosk struct {
	*shell.Shell
	Visitor *visitor.Screens
	Assess  *assess.Screens
	Walk    *walk.Screens
	Back    *returning.Screens
	Gate    *console.Gate
	Console *console.Screens
}

// Create builds the kiosk in w and shows its first screen: welcome, or the
// first start's setup.
func Create(a fyne.App, w fyne.Window, svc shell.Services) *Kiosk {
	sh := shell.New(a, w, svc)
	k := &Kiosk{Shell: sh, Visitor: &visitor.Screens{Shell: sh}, Assess: &assess.Screens{Shell: sh}, Walk: &walk.Screens{Shell: sh}, Back: &returning.Screens{Shell: sh}}
	k.Gate, k.Console = console.New(sh)
	sh.Flows = shell.Flows{
		Start:       k.Gate.ShowStart,
		Welcome:     k.Visitor.ShowWelcome,
		Home:        k.Visitor.ShowHome,
		Assess:      k.Assess.StartAssessment,
		Procedures:  k.Walk.ShowProcedures,
		Mediator:    k.Gate.OpenMediator,
		Print:       k.Visitor.PrintSummary,
		PrintButton: k.Visitor.PrintButton,
		NewContent:  k.Visitor.TakeNewContent,
		CodePad:     k.Back.ShowCodePad,
		Returned:    k.Back.ShowReturned,
		Progress:    k.Back.ShowProgress,
		Resume:      k.Walk.Resume,
	}
	sh.Flows.Start()
	return k
}
