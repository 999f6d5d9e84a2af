//go:build !linux

package printtest

import "testing"

// FullDir needs Linux's tmpfs; elsewhere the test is skipped.
func FullDir(t testing.TB) string {
	t.Skip("a full file system is made with a Linux tmpfs")
	return ""
}

// Fill needs Linux's tmpfs; elsewhere the test is skipped.
func Fill(t testing.TB, dir string) { FullDir(t) }
