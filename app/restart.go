package app

import (
	"errors"
	"os"
)

// ErrRestart is what a RunWindow returns when the mediator asked for a
// restart: the kiosk closes its store and starts again, reading its
// settings afresh (kiosk id, idle timeout, language, text size).
var ErrRestart = errors.New("restart requested from the mediator menu")

// startAgain replaces the process with a new run of the same program and
// arguments (or, where the system cannot, starts one and lets this one
// end); tests swap it.
var startAgain = func() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return execSelf(exe, os.Args)
}
