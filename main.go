// Pas à Pas: an offline kiosk that helps people find out what they can do
// with a computer and guides them through online public procedures.
package main

import (
	"os"

	"pasapas/app/cli"
	// Before Fyne reads the locale: see the package's comment.
	_ "pasapas/internal/locale"
	"pasapas/ui/launch"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Alert: launch.Alert}, launch.Kiosk))
}
