package printtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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

// RequireTool skips the test when a command is missing, or fails it under
// make test (PASAPAS_E2E=1), where scripts/deps.sh should have installed it.
func RequireTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("PASAPAS_E2E") != "" {
			t.Fatalf("%s is missing (scripts/deps.sh test installs it)", name)
		}
		t.Skipf("%s is missing", name)
	}
}

// Text extracts a PDF's text with poppler's pdftotext.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	RequireTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// Flat joins the lines pdftotext breaks, so a phrase wrapped on paper is
// still found.
func Flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// Pages is a PDF's page count, as poppler's pdfinfo reads it.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	RequireTool(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(l, "Pages:"); ok {
			p, _ := strconv.Atoi(strings.TrimSpace(n))
			return p
		}
	}
	return 0
}

// OnlyPDF returns the one PDF file in dir, failing when there are more or
// none.
func OnlyPDF(t testing.TB, dir string) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("found %d PDF files in %s, want 1: %v", len(files), dir, files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeTemp(t testing.TB, pdf []byte) string {
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
