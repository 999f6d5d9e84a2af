package printtest

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// FullDir is a directory where writing fails with "no space left on
// device", as on a full disk or USB stick.
func FullDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	Fill(t, dir)
	return dir
}

// Fill mounts a tiny tmpfs over dir, keeping its owner and mode, and fills
// it. It needs root; elsewhere the test is skipped.
func Fill(t testing.TB, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a full file system needs root")
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	opts := fmt.Sprintf("size=64k,mode=%o,uid=%d,gid=%d", info.Mode().Perm(), st.Uid, st.Gid)
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	f.Write(make([]byte, 1<<20))
	f.Close()
}
