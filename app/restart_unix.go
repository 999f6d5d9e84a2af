//go:build !windows

package app

import (
	"os"
	"syscall"
)

// execSelf replaces the process: same id, same terminal, nothing left over.
func execSelf(exe string, args []string) error {
	return syscall.Exec(exe, args, os.Environ())
}
