package cli

import "pasapas/app"

// kioskCmd runs the kiosk, pasapas [--windowed] [--data-dir DIR], until
// the mediator quits it.
func kioskCmd(args []string, std IO, run app.RunWindow) int {
	fs, dataDir := flags("pasapas", std)
	windowed := fs.Bool("windowed", false, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if err := app.Run(*dataDir, *windowed, std.Err, std.alert, run); err != nil {
		return exitError
	}
	return exitOK
}
