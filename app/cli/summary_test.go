package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pasapas/app/apptest"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	"pasapas/internal/shareddata"
	"pasapas/printing"
	"pasapas/printing/printtest"
)

func TestSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "fr")
	out := filepath.Join(t.TempDir(), "résumé.pdf")

	status, stdout, stderr := run(t, "", "summary", "--data-dir", dir, "--code", strings.ToLower(string(code)), "--out", out)
	if status != 0 || !strings.Contains(stdout, code.String()) {
		t.Fatalf("status %d out %q err %q", status, stdout, stderr)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PASAPAS_ARTEFACTS"); dir != "" {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "summary-stored-session.pdf"), pdf, 0o644)
	}
	text := printtest.Flat(printtest.Text(t, pdf))
	for _, want := range []string{code.String(), "Utiliser un appareil 3/3", "Faire une démarche en ligne 0/3", "Le double-clic est difficile", "bloqué à l'étape 1 sur", "Se connecter", "Votre numéro de sécurité sociale", "Espace numérique de la Villeneuve"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, apptest.Marker) {
		t.Error("the summary printed a stored value")
	}

	for _, tt := range []struct {
		name    string
		args    []string
		status  int
		wantErr string
	}{
		{"no code", []string{"--out", out}, exitUsage, "--code"},
		{"no output", []string{"--code", string(code)}, exitUsage, "--out"},
		{"bad code", []string{"--code", "ABC", "--out", out}, exitUsage, "n'est pas un code"},
		{"unknown code", []string{"--code", "ZZZ-ZZZ", "--out", out}, exitError, "aucune séance"},
	} {
		status, _, stderr := run(t, "", append([]string{"summary", "--data-dir", dir}, tt.args...)...)
		if status != tt.status || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("%s: status %d err %q", tt.name, status, stderr)
		}
	}
}

// TestSummaryToFullDisk: a full disk gives a clear message, leaves no
// broken file, and the session can still be written elsewhere.
func TestSummaryToFullDisk(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "fr")
	full := printtest.FullDir(t)
	status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", filepath.Join(full, "r.pdf"))
	if status != exitError || !strings.Contains(stderr, "n'a pas pu être écrit") || !strings.Contains(stderr, "gardée") {
		t.Fatalf("status %d err %q", status, stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(full, "*.pdf")); len(files) != 0 {
		t.Errorf("a broken file was left: %v", files)
	}
	if status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", filepath.Join(t.TempDir(), "r.pdf")); status != 0 {
		t.Fatalf("the session could not be written again: %s", stderr)
	}
}

// TestSummaryPrintedThroughCUPS is the whole path a mediator's reprint
// takes: the stored session, the printer named in the settings, the
// system's CUPS clients, a real cupsd and the CUPS-PDF printer.
func TestSummaryPrintedThroughCUPS(t *testing.T) {
	srv := printtest.StartCUPS(t)
	out := t.TempDir()
	srv.AddPDFPrinter("Accueil", out)
	t.Setenv("CUPS_SERVER", srv.Addr)

	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "fr")
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.SetSetting(context.Background(), settings.Printer, "Accueil")
	st.Close()

	if status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--print"); status != 0 {
		t.Fatalf("print failed: %s\ncupsd:\n%s", stderr, srv.Log())
	}
	text := printtest.Flat(printtest.Text(t, printtest.OnlyPDF(t, out)))
	for _, want := range []string{code.String(), "3/3", "0/3", "bloqué à l'étape 1 sur", "Se connecter", "Votre code, à montrer à l'accueil"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, apptest.Marker) {
		t.Error("the printed summary holds a stored value")
	}

	// The printer goes away: a clear message, and the session stays for a
	// reprint by code.
	srv.Stop()
	status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--print")
	if status != exitError || !strings.Contains(stderr, "l'impression a échoué") || !strings.Contains(stderr, "gardée") {
		t.Fatalf("status %d err %q", status, stderr)
	}
	if status, _, _ := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", filepath.Join(t.TempDir(), "r.pdf")); status != 0 {
		t.Fatal("the session was lost after a failed print")
	}
}

// TestSummaryInArabic: the mediator's page stays French, naming the
// language by its code; the visitor's page is Arabic, shaped and placed as
// images (printing/rtl.go), with the code in print.
func TestSummaryInArabic(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "ar")
	out := filepath.Join(t.TempDir(), "r.pdf")
	if status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", out); status != 0 {
		t.Fatal(stderr)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := printtest.Flat(printtest.Text(t, pdf))
	for _, want := range []string{"Langue ar", "Pour le médiateur", code.String()} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Ce que vous savez faire") {
		t.Errorf("the visitor's page is in French:\n%s", text)
	}
	list, err := exec.Command("pdfimages", "-f", "2", "-l", "2", "-list", out).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v %s", err, list)
	}
	if n := strings.Count(string(list), "\n") - 2; n < 5 {
		t.Errorf("%d images on the visitor's page, want its Arabic paragraphs:\n%s", n, list)
	}
}

// TestSummaryOffersTheNearestPlaces: with the Hub du Sud's regional file
// and a centre in Gap, the paper lists the nearest places that serve the
// visitor's orientation, with their distance, hours in French.
func TestSummaryOffersTheNearestPlaces(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "fr")
	file := filepath.Join(shareddata.Dir(t, "lieux-mediation-numerique/reel"), "hub-du-sud-20230517b.v1.csv")
	if status, out, errOut := run(t, "", "places", "import", file, "--data-dir", dir); status != 0 {
		t.Fatalf("import: %q %q", out, errOut)
	}
	if status, _, errOut := run(t, "", "settings", "set", "centre.position", "44.5594,6.0786", "--data-dir", dir); status != 0 {
		t.Fatal(errOut)
	}
	s, c := apptest.StoredSummary(t, dir, code)
	if len(s.Places) != 4 { // two rows of two on the mediator's page
		t.Fatalf("places %+v", s.Places)
	}
	last := 0
	for _, p := range s.Places {
		km, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p.Distance, "à "), " km"))
		if err != nil || km < last || km > 30 || strings.Contains(p.Hours, "Mo-") {
			t.Errorf("place %+v", p)
		}
		last = km
	}
	if dir := os.Getenv("PASAPAS_ARTEFACTS"); dir != "" {
		pdf, err := printing.Render(s, c.Text.T)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "summary-gap.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSummaryOfAReturningVisitorSaysWhatChanged: the printed PDF of a
// returning visitor has « Progression depuis le … » for the mediator and
// « Your progress » for them; their first visit's PDF has neither.
func TestSummaryOfAReturningVisitorSaysWhatChanged(t *testing.T) {
	dir := t.TempDir()
	first, again := apptest.ReturningSession(t, dir, "en")
	read := func(code session.Code) string {
		out := filepath.Join(t.TempDir(), "r.pdf")
		if status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", out); status != 0 {
			t.Fatal(stderr)
		}
		pdf, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return printtest.Flat(printtest.Text(t, pdf))
	}
	text := read(again)
	for _, want := range []string{"Progression depuis le 23/11/2026", "Faire une démarche en ligne : 0/3 → ", "Parcours terminés depuis : CAF", "Your progress", "You have made progress: "} {
		if !strings.Contains(text, want) {
			t.Errorf("returning visitor's summary lacks %q:\n%s", want, text)
		}
	}
	if text := read(first); strings.Contains(text, "Progression depuis") || strings.Contains(text, "Your progress") {
		t.Errorf("a first visit's summary shows progress:\n%s", text)
	}
}
