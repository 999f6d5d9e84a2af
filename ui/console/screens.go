// Package console holds the mediator's side of the kiosk: the PIN pad and
// the first start's setup (Gate), then the console behind it (Screens):
// sessions, statistics, export, settings, network, places, content. Its
// screens are for staff at a desk: smaller text, a mouse.
package console

import "pasapas/ui/shell"

// desk is what every console screen shares: the shell, the mediator's
// language and the desk-sized page helpers.
type desk struct{ *shell.Shell }

// Screens are the console's screens, reached from the PIN pad.
type Screens struct {
	desk
	gate *Gate
}

// Gate is the way into the console: the PIN pad (and the lock after wrong
// codes), and at the very first start the setup that chooses the code.
type Gate struct {
	desk
	// menu opens the console once the code is right.
	menu func()
	// setup is set while the first start's setup is on screen; installed
	// once a mediator code is known to exist.
	setup, installed bool
}

// New builds the mediator's side in sh.
func New(sh *shell.Shell) (*Gate, *Screens) {
	c := &Screens{desk: desk{sh}}
	g := &Gate{desk: desk{sh}, menu: c.ShowMenu}
	c.gate = g
	return g, c
}
