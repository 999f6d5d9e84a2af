package printtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

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
