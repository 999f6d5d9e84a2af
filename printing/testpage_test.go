package printing

import (
	"context"
	"strings"
	"testing"
	"time"

	"pasapas/printing/printtest"
)

// TestTestPageComesOutOfARealPrinter prints the first start's test page
// through a real cupsd to CUPS-PDF and reads it back: one page, the
// centre's name, the day and every accent of the check line.
func TestTestPageComesOutOfARealPrinter(t *testing.T) {
	day := time.Date(2026, 12, 2, 9, 30, 0, 0, time.Local)
	pdf, err := TestPage("Espace numérique de Gap", day)
	if err != nil {
		t.Fatal(err)
	}
	srv := printtest.StartCUPS(t)
	out := t.TempDir()
	srv.AddPDFPrinter("Accueil", out)
	p := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute, Poll: 200 * time.Millisecond}
	if err := p.Print(context.Background(), pdf, TestPageTitle); err != nil {
		t.Fatalf("print: %v\ncupsd log:\n%s", err, srv.Log())
	}
	printed := printtest.OnlyPDF(t, out)
	text := printtest.Flat(printtest.Text(t, printed))
	for _, want := range []string{"Page d'essai de Pas à Pas", "Espace numérique de Gap", "Imprimée le 02/12/2026", "l'imprimante fonctionne", "é è ê à â ç ô û ï « »"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed test page lacks %q; text:\n%s", want, text)
		}
	}
	if n := printtest.Pages(t, printed); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
}
