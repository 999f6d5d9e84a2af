// Package shareddata finds, for tests, the project's shared data folder
// (real published files that must not be copied into the repository):
// shared/ beside the repository, or beside one of its parent folders (a
// git worktree lives one level deeper than the main clone).
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is shared/data/sub, or it skips t with the reason.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	// This file is internal/shareddata/shareddata.go in the module.
	for dir := filepath.Dir(filepath.Dir(filepath.Dir(here))); ; {
		parent := filepath.Dir(dir)
		candidate := filepath.Join(parent, "shared", "data", sub)
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate
		}
		if parent == dir {
			break
		}
		dir = parent
	}
	// Unlike a Debian package, make test cannot install these files: a
	// machine without them skips, saying so, rather than failing.
	t.Skipf("shared/data/%s not found beside the repository or its parents: the real published files are not copied into the repository, so these checks need ../shared", sub)
	return ""
}
