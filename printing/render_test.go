package printing

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pasapas/app/i18n"
	"pasapas/printing/printtest"
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

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRenderGolden pins the text of both example summaries as poppler reads
// it from the PDF: what a mediator sees, section by section. Run with
// -update after an intended change, and read the diff.
func TestRenderGolden(t *testing.T) {
	for name, s := range map[string]Summary{"rich": richSummary(), "bare": bareSummary()} {
		t.Run(name, func(t *testing.T) {
			pdf, err := Render(s, catalogue(t))
			if err != nil {
				t.Fatal(err)
			}
			got := printtest.Text(t, pdf)
			golden := filepath.Join("testdata", name+".golden.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text of the %s summary changed (go test ./printing -run Golden -update to accept):\n--- got\n%s", name, got)
			}
		})
	}
}

// TestEmptySectionsLeftOut checks that a session with no results prints no
// empty headings, on either page, and says why the page is short.
func TestEmptySectionsLeftOut(t *testing.T) {
	pdf, err := Render(bareSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	text := printtest.Flat(printtest.Text(t, pdf))
	for _, absent := range []string{"Niveaux par domaine", "Exercices", "Démarches", "Parcours", "Orientation", "compte-rendu", "Lieux", "What you can do", "Your next step", "Documents to bring", "Where to find us", "Opening hours"} {
		if strings.Contains(text, absent) {
			t.Errorf("empty section %q printed", absent)
		}
	}
	for _, want := range []string{"ABC-DEF", "Séance courte", "Your summary", "Your code, to show at the desk:"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %s", want, text)
		}
	}
}

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Démarches à faire, Ça va, œuvre", "Démarches à faire, Ça va, œuvre"},
		{"Je sais envoyer une photo 📷.", "Je sais envoyer une photo."},
		{"Bravo 👍 !", "Bravo !"},
		{"l’attestation… « CAF » – 12 €", "l’attestation… « CAF » – 12 €"},
		{"☐ case à cocher", "case à cocher"},
		{"Привет", "Привет"},
		{"  trop   d'espaces\tici ", "trop d'espaces ici"},
		{"ligne 1\nligne 2", "ligne 1\nligne 2"},
		{"cloche \a et nul \x00", "cloche et nul"},
		{"中文", ""},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestRenderIsDeterministic: the same session gives the same bytes, so a
// reprint is the same document and the file holds no clock of its own.
func TestRenderIsDeterministic(t *testing.T) {
	text := catalogue(t)
	a, err := Render(richSummary(), text)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Render(richSummary(), text)
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same summary differ")
	}
}

// BenchmarkRender measures one full summary: the target is ≤ 50 ms and
// ≤ 150 KB per document.
func BenchmarkRender(b *testing.B) {
	text := catalogue(b)
	s := richSummary()
	var size int
	for b.Loop() {
		pdf, err := Render(s, text)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}

// TestEachPartFitsOnePage: the fullest example still gives one page for
// the mediator and one for the visitor.
func TestEachPartFitsOnePage(t *testing.T) {
	for name, s := range map[string]Summary{"French": richSummary(), "Arabic": arabicSummary()} {
		pdf, err := Render(s, catalogue(t))
		if err != nil {
			t.Fatal(err)
		}
		if n := printtest.Pages(t, pdf); n != 2 {
			t.Errorf("%s: %d pages, want 2", name, n)
		}
	}
}
