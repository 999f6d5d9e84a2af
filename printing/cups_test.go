package printing

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pasapas/printing/printtest"
)

// TestPrintThroughCUPSPDF prints a summary through a real cupsd to a
// CUPS-PDF printer with the kiosk's own dispatch code, then reads the PDF
// that came out.
func TestPrintThroughCUPSPDF(t *testing.T) {
	srv := printtest.StartCUPS(t)
	out := t.TempDir()
	srv.AddPDFPrinter("Accueil", out)

	pdf, err := Render(richSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	p := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute, Poll: 200 * time.Millisecond}
	if err := p.Print(context.Background(), pdf, JobTitle("K7D-M3Q")); err != nil {
		t.Fatalf("print: %v\ncupsd log:\n%s", err, srv.Log())
	}
	printed := printtest.OnlyPDF(t, out)
	text := printtest.Text(t, printed)
	for _, want := range []string{"K7D-M3Q", "Utiliser un appareil", "2/3", "0/3", "bloqué à l'étape 3 sur 7", "Se connecter avec son numéro", "Ce que vous savez faire"} {
		if !strings.Contains(printtest.Flat(text), want) {
			t.Errorf("printed PDF lacks %q; text:\n%s", want, text)
		}
	}
	if got := printtest.Pages(t, printed); got != 2 {
		t.Errorf("printed %d pages, want 2", got)
	}
}

// TestPrintFailuresAreClear covers what goes wrong at a desk: each failure
// is sorted into ErrNoPrinter or ErrNotResponding, which the kiosk turns
// into its one simple message.
func TestPrintFailuresAreClear(t *testing.T) {
	srv := printtest.StartCUPS(t)
	pdf, err := Render(bareSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	t.Run("unknown printer", func(t *testing.T) {
		err := CUPS{Server: srv.Addr, Printer: "Absente", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNoPrinter) {
			t.Fatalf("got %v, want ErrNoPrinter", err)
		}
		t.Log(err)
	})
	t.Run("no default printer", func(t *testing.T) {
		err := CUPS{Server: srv.Addr, Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNoPrinter) {
			t.Fatalf("got %v, want ErrNoPrinter", err)
		}
		t.Log(err)
	})
	t.Run("full spool directory", func(t *testing.T) {
		// CUPS keeps each job in its spool directory until it is printed:
		// on a full disk lp is refused.
		srv.AddPDFPrinter("Accueil", t.TempDir())
		printtest.Fill(t, srv.SpoolDir())
		err := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNotResponding) {
			t.Fatalf("got %v, want ErrNotResponding", err)
		}
		t.Log(err)
	})
	t.Run("stopped CUPS", func(t *testing.T) {
		srv.Stop()
		err := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNotResponding) {
			t.Fatalf("got %v, want ErrNotResponding", err)
		}
		t.Log(err)
	})
}

func TestFolderFull(t *testing.T) {
	dir := printtest.FullDir(t)
	err := Folder{Dir: dir}.Print(context.Background(), make([]byte, 200<<10), JobTitle("ABC-DEF"))
	if !errors.Is(err, ErrNotResponding) || !strings.Contains(err.Error(), "no space") {
		t.Fatalf("got %v, want ErrNotResponding naming the full disk", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".pasapas-") || strings.HasPrefix(e.Name(), "Pas_a_Pas") {
			t.Errorf("a partial file was left behind: %s", e.Name())
		}
	}
}

func TestFolderSaves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "usb")
	path, err := Folder{Dir: dir}.Save([]byte("%PDF-1.4"), JobTitle("ABC-DEF"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "Pas_a_Pas_ABC-DEF.pdf" {
		t.Errorf("saved as %s", path)
	}
}
