package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pasapas/app/directory"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/internal/shareddata"
	"pasapas/printing"
	"pasapas/printing/printtest"
)

// marker stands for something a visitor typed. Were a screen ever to slip
// it into an event, the summary must still not print it: it prints words
// looked up from codes, never stored values.
const marker = "MOTSECRET42"

// visitedSession stores, through the real session service and the real
// question bank, a visitor who took the self-assessment, finished the
// e-mail walkthrough and got stuck at step 1 of the CAF one without their
// claimant number.
func visitedSession(t *testing.T, dataDir, lang string) session.Code {
	t.Helper()
	st, err := OpenStore(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for k, v := range map[string]string{
		settings.CentreName:    "Espace numérique de la Villeneuve",
		settings.CentreAddress: "12 rue des Tilleuls, 38100 Grenoble",
		settings.CentreHours:   "Du lundi au vendredi, 9 h - 17 h",
	} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc := session.NewService(st, "borne-1", func() time.Time { now = now.Add(time.Minute); return now })
	rec, err := svc.Start(lang)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := LoadContent(filepath.Join(dataDir, ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	answers := []assessment.Answer{
		{Item: "device.tap", Code: assessment.OutcomeOK, Misses: 2, Millis: 4000, Accuracy: -1},
		{Item: "device.doubleclick", Code: assessment.OutcomeHard, Misses: 5, Millis: 9000, Accuracy: -1},
		// The visitor typed the marker; only its accuracy is kept.
		{Item: "device.type", Code: assessment.OutcomeOK, Millis: 7000, Accuracy: 100},
		{Item: "web.search", Code: assessment.AnswerAlone, Accuracy: -1},
		{Item: "web.icon.close", Code: "close", Accuracy: -1},
		{Item: "comm.email", Code: assessment.AnswerHelped, Accuracy: -1},
		{Item: "comm.photo", Code: assessment.AnswerAlone, Accuracy: -1},
		{Item: "proc.account", Code: assessment.AnswerCannot, Accuracy: -1},
		{Item: "proc.franceconnect", Code: assessment.AnswerUnknown, Accuracy: -1},
		{Item: "needs", Code: assessment.Chosen, Needs: []string{"caf", "ameli"}},
	}
	for _, a := range answers {
		it, ok := c.Questions.Item(a.Item)
		if !ok {
			t.Fatalf("no item %s in the bank", a.Item)
		}
		if it.Kind != assessment.Needs {
			if err := svc.Record(assessment.EventAnswer, a.Payload(it.Kind)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.SaveAssessment(ctx, rec.ID, c.Questions.Score(answers)); err != nil {
		t.Fatal(err)
	}
	if err := st.ReplacePlaces(ctx, []directory.Place{
		{ID: "fs-mistral", Name: "France services Mistral", Address: "8 place Saint-Bruno, Grenoble", Phone: "04 76 00 00 00", Hours: "Lundi 9 h - 12 h", Orientations: []string{"a_accompagner", "faire_pour"}},
		{ID: "biblio", Name: "Atelier de la bibliothèque", Address: "Grand'Place, Grenoble", Orientations: []string{"a_former"}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, ev := range [][2]any{
		pair(walkthrough.Started("email")),
		pair(walkthrough.Completed("email", 300)),
		pair(walkthrough.Started("caf")),
		pair(walkthrough.Missing("caf", "nir")),
		pair(walkthrough.Stuck("caf", "login", 40, walkthrough.StuckMediator)),
		{"assessment.type", session.Payload{"typed": marker}},
	} {
		if err := svc.Record(ev[0].(string), ev[1].(session.Payload)); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	return rec.Code
}

func pair(kind string, p session.Payload) [2]any { return [2]any{kind, p} }

// storedSummary reads back the summary of the session with code in dir,
// with the content it was read with.
func storedSummary(t *testing.T, dir string, code session.Code) (printing.Summary, *Content) {
	t.Helper()
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, _, err := LoadContent(filepath.Join(dir, ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	s, err := SummaryOf(context.Background(), st, c, code)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestSummaryOfAStoredSession(t *testing.T) {
	dir := t.TempDir()
	code := visitedSession(t, dir, "en")
	s, _ := storedSummary(t, dir, code)
	if s.Code != code.String() || s.Language != "English" || s.VisitorLang != "en" || s.Duration != 16*time.Minute {
		t.Errorf("session facts: %+v", s)
	}
	if s.Centre.Name != "Espace numérique de la Villeneuve" || s.Centre.Hours == "" {
		t.Errorf("centre %+v", s.Centre)
	}
	if len(s.Walkthroughs) != 2 {
		t.Fatalf("walkthroughs %+v", s.Walkthroughs)
	}
	if w := s.Walkthroughs[0]; w.State != printing.WalkCompleted || w.Title != "Créer une adresse e-mail" {
		t.Errorf("e-mail walkthrough %+v", w)
	}
	w := s.Walkthroughs[1]
	if w.State != printing.WalkStuck || w.Step != 1 || w.Steps < 3 || w.StepTitle != "Se connecter" || len(w.Missing) != 1 {
		t.Errorf("CAF walkthrough %+v", w)
	}
	// The visitor page is in English; the social security number comes
	// first (missing), then the rest of what the CAF procedure needs.
	if len(s.Visitor.Documents) != 4 || s.Visitor.Documents[0] != "Your social security number (carte Vitale)" {
		t.Errorf("documents %q", s.Visitor.Documents)
	}
	// The assessment's orientation gives the next step; what the visitor
	// can do comes from the levels, then the finished walkthrough.
	if !strings.Contains(s.Visitor.NextStep, "mediator") || len(s.Visitor.CanDo) != 4 || !strings.Contains(s.Visitor.CanDo[3], "Create an e-mail address") {
		t.Errorf("visitor page %+v", s.Visitor)
	}
	if len(s.Domains) != 4 || s.Domains[3].Name != "Faire une démarche en ligne" || s.Domains[3].Level != 0 || !strings.Contains(s.Domains[0].Label, "DigComp") {
		t.Errorf("domains %+v", s.Domains)
	}
	if len(s.Exercises) != 3 || s.Exercises[1] != "Le double-clic est difficile." || len(s.Needs) != 2 || s.Orientation == "" {
		t.Errorf("assessment %q %q %q", s.Exercises, s.Needs, s.Orientation)
	}
	// Only the places that serve the visitor's orientation.
	if len(s.Places) != 1 || s.Places[0].Name != "France services Mistral" || s.Places[0].Contact != "04 76 00 00 00" {
		t.Errorf("places %+v", s.Places)
	}
	r := s.Report
	if r.Type != "Accompagnement individuel" || r.Place != "Lieu d’activité" || r.Material != "Ordinateur" || len(r.Themes) < 2 ||
		r.Themes[0] != "Diagnostic numérique" || !slices.Contains(r.Themes, "Aide aux démarches administratives") || r.Autonomy == "" ||
		r.Reoriented != "Oui" || r.Structure != "Autre structure de médiation numérique" {
		t.Errorf("activity report %+v", r)
	}
}

func TestSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	code := visitedSession(t, dir, "fr")
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
	if strings.Contains(text, marker) {
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
	code := visitedSession(t, dir, "fr")
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
	code := visitedSession(t, dir, "fr")
	st, err := OpenStore(dir)
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
	if strings.Contains(text, marker) {
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

// TestSummaryInALanguageThePDFCannotWrite: Arabic needs letters joined
// right to left, which the PDF cannot do; the visitor page falls back to
// French rather than printing blanks.
func TestSummaryInALanguageThePDFCannotWrite(t *testing.T) {
	dir := t.TempDir()
	code := visitedSession(t, dir, "ar")
	out := filepath.Join(t.TempDir(), "r.pdf")
	if status, _, stderr := run(t, "", "summary", "--data-dir", dir, "--code", string(code), "--out", out); status != 0 {
		t.Fatal(stderr)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := printtest.Flat(printtest.Text(t, pdf))
	for _, want := range []string{"Langue ar", "Ce que vous savez faire", "Votre code, à montrer à l'accueil", code.String()} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
}

// TestSummaryOffersTheNearestPlaces: with the Hub du Sud's regional file
// and a centre in Gap, the paper lists the nearest places that serve the
// visitor's orientation, with their distance, hours in French.
func TestSummaryOffersTheNearestPlaces(t *testing.T) {
	dir := t.TempDir()
	code := visitedSession(t, dir, "fr")
	file := filepath.Join(shareddata.Dir(t, "lieux-mediation-numerique/reel"), "hub-du-sud-20230517b.v1.csv")
	if status, out, errOut := run(t, "", "places", "import", file, "--data-dir", dir); status != 0 {
		t.Fatalf("import: %q %q", out, errOut)
	}
	if status, _, errOut := run(t, "", "settings", "set", "centre.position", "44.5594,6.0786", "--data-dir", dir); status != 0 {
		t.Fatal(errOut)
	}
	s, c := storedSummary(t, dir, code)
	if len(s.Places) != maxPlaces {
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
