package sync

import (
	"crypto/ed25519"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestInstallKeepsOnePackInUse: each install replaces the one in use and
// removes the older; a version folder left by a stop before current was
// replaced is never read.
func TestInstallKeepsOnePackInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), PackDirName)
	if m, fsys, err := Installed(dir); err != nil || fsys != nil || m.Version != 0 {
		t.Fatalf("no pack yet: %+v %v %v", m, fsys, err)
	}
	_, key, _ := ed25519.GenerateKey(nil)
	install := func(v int, text string) {
		t.Helper()
		p := &Pack{Version: v, Date: time.Now(), Note: "n", Files: []PackFile{{Path: "walkthroughs/a.yaml", Data: []byte(text)}}}
		p.Sign(key)
		if err := Install(dir, p); err != nil {
			t.Fatal(err)
		}
	}
	install(1, "un")
	install(2, "deux")
	m, fsys, err := Installed(dir)
	if err != nil || m.Version != 2 {
		t.Fatalf("installed %+v, %v", m, err)
	}
	if b, _ := fs.ReadFile(fsys, "walkthroughs/a.yaml"); string(b) != "deux" {
		t.Errorf("pack 2 reads %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "1")); !os.IsNotExist(err) {
		t.Errorf("pack 1 is still on disk: %v", err)
	}
	// A stop after the folder of 3 was made, before current named it.
	if err := os.MkdirAll(filepath.Join(dir, "3", "walkthroughs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if m, _, _ := Installed(dir); m.Version != 2 {
		t.Errorf("a half-installed pack is in use: %d", m.Version)
	}
	if err := Install(dir, &Pack{Version: 4, Files: []PackFile{{Path: "../x.yaml"}}}); err == nil {
		t.Error("a pack writing outside its folder was installed")
	}
}
