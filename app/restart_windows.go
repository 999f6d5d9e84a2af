//go:build windows

package app

import (
	"os"
	"os/exec"
)

// execSelf starts a new kiosk; Windows cannot replace a running process,
// so this one returns and exits.
func execSelf(exe string, args []string) error {
	cmd := exec.Command(exe, args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Start()
}
