package printing

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"pasapas/app/i18n"
	"pasapas/seeds"
)

func catalogue(t testing.TB) Text {
	t.Helper()
	c, err := i18n.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c.T
}

// pdfText extracts a PDF's text with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestRenderLooks(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		t.Skip("set PASAPAS_ARTEFACTS to keep PNGs of both summaries")
	}
	for name, s := range map[string]Summary{"rich": richSummary(), "bare": bareSummary()} {
		pdf, err := Render(s, catalogue(t))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "summary-"+name+".pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-png", "-r", "80", path, filepath.Join(dir, "summary-"+name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		t.Logf("%s: %d bytes", name, len(pdf))
	}
}
