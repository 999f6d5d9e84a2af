//go:build !windows

package speech

import "os/exec"

// hideWindow matters only on Windows, where a console would flash.
func hideWindow(*exec.Cmd) {}
