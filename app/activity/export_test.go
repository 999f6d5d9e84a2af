package activity

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/internal/syspkg"
	"pasapas/seeds"
)

func sampleSummaries() []Summary {
	start := time.Date(2026, 11, 23, 9, 5, 0, 0, time.Local)
	return []Summary{{
		Code: "K7DM3Q", Started: start, Duration: 47 * time.Minute, Lang: "fr", KioskID: "borne-accueil", Status: session.Finished,
		Facts: Facts{
			Orientation: assessment.ToTrain,
			Levels:      map[string]int{"device": 2, "internet": 2, "safety": 1},
			Needs:       []string{"caf", "impots"},
			Walks:       []Walk{{Procedure: "caf-declaration", Stuck: []string{"login"}, Missing: []string{"numero-allocataire"}}},
		},
	}, {
		Code: "ABCDEF", Started: start.Add(3 * time.Hour), Duration: 5 * time.Minute, Lang: "uk", KioskID: "borne-accueil", Status: session.Abandoned,
	}}
}

func TestDurationThemesAutonomy(t *testing.T) {
	bands := []struct {
		d    time.Duration
		want string
	}{{0, "Moins de 30 min"}, {29 * time.Minute, "Moins de 30 min"}, {30 * time.Minute, "30 à 60 min"}, {time.Hour, "1 h à 2 h"}, {2 * time.Hour, "Plus de 2 h"}}
	for _, b := range bands {
		if got := DurationBand(b.d); got != b.want {
			t.Errorf("DurationBand(%v) = %q, want %q", b.d, got, b.want)
		}
	}
	f := sampleSummaries()[0].Facts
	if got := Themes(f); !slices.Equal(got, []string{ThemeDiagnostic, "Social - Santé", "Argent - Impôts"}) {
		t.Errorf("themes %v", got)
	}
	if got := Themes(Facts{Walks: []Walk{{Procedure: "ants-identite"}, {Procedure: "inconnue"}}}); !slices.Equal(got, []string{"Papiers - Élections - Citoyenneté", "Autre"}) {
		t.Errorf("themes without an assessment %v", got)
	}
	// Every built-in walkthrough has its theme, not "Autre".
	walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 || len(walks) == 0 {
		t.Fatal(errs)
	}
	for _, p := range walks {
		if got := ThemeOf(p.ID); got == "Autre" {
			t.Errorf("ThemeOf(%q) = Autre", p.ID)
		}
	}
	autonomy := []struct {
		levels map[string]int
		want   string
	}{
		{nil, ""},
		{map[string]int{"a": 1, "b": 1}, "Avec guidage"},
		{map[string]int{"a": 1, "b": 2}, "Autonome avec guidage en cas de besoin"},
		{map[string]int{"a": 2, "b": 3}, "Autonome"},
	}
	for _, a := range autonomy {
		if got := Autonomy(a.levels); got != a.want {
			t.Errorf("Autonomy(%v) = %q, want %q", a.levels, got, a.want)
		}
	}
}

func export(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sampleSummaries() {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := w.Close(); err != nil || n != 2 {
		t.Fatalf("closed after %d, %v", n, err)
	}
	return buf.Bytes()
}

func TestCSVExportSpeaksTheActivityReport(t *testing.T) {
	data := export(t, FormatCSV)
	if !bytes.HasPrefix(data, []byte("\uFEFFDate;Heure;Code session;")) || !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("not a French spreadsheet CSV: %q", data[:40])
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-11-23", "09:05", "K7D-M3Q", "borne-accueil", "fr", "Terminée", "47", "30 à 60 min",
		"Diagnostic numérique, Social - Santé, Argent - Impôts", "Autonome avec guidage en cas de besoin", "À former",
		"device : 2, internet : 2, safety : 1", "caf, impots", "caf-declaration", "", "caf-declaration/login", "caf-declaration/numero-allocataire"}
	if !slices.Equal(rows[1], want) {
		t.Fatalf("row\n%q\nwant\n%q", rows[1], want)
	}
	if rows[2][5] != "Interrompue" || rows[2][10] != "" {
		t.Fatalf("second row %q", rows[2])
	}
}

func TestJSONExportHoldsTheSameData(t *testing.T) {
	var recs []Record
	if err := json.Unmarshal(export(t, FormatJSON), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Orientation != "À former" || recs[0].OrientCode != assessment.ToTrain || recs[0].Levels["device"] != 2 ||
		recs[0].Walks[0].Stuck[0] != "login" || recs[1].Code != "ABC-DEF" {
		t.Fatalf("records %+v", recs)
	}
}

// TestCSVSurvivesLibreOffice opens the export in LibreOffice (headless, as
// a centre's PC would) and saves it back: every cell, accents included,
// must come back the same.
func TestCSVSurvivesLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("PASAPAS_E2E") != "" {
			t.Fatal("soffice missing: scripts/deps.sh test installs libreoffice-calc-nogui")
		}
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "rapport.csv")
	data := export(t, FormatCSV)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore"}, args...)...)
		cmd.Dir = dir
		// LibreOffice will not start without a user interface language.
		cmd.Env = append(os.Environ(), "LANG=fr_FR.UTF-8", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatal(syspkg.StartFailure("soffice "+strings.Join(args, " "), "libreoffice-calc-nogui", err.Error(), string(out)))
		}
	}
	// Import as a spreadsheet: ";" separator, '"' quotes, the character set
	// left for LibreOffice to find (the byte order mark says UTF-8).
	run("--infilter=CSV:59,34,,1", "--convert-to", "ods", "--outdir", filepath.Join(dir, "ods"), in)
	// And back to CSV, in UTF-8 (76), ";" separated.
	run("--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", filepath.Join(dir, "back"), filepath.Join(dir, "ods", "rapport.ods"))
	back, err := os.ReadFile(filepath.Join(dir, "back", "rapport.csv"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(b []byte) [][]string {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%v in %q", err, b)
		}
		return rows
	}
	want, got := read(data), read(back)
	for i := range want {
		for j := range want[i] {
			// LibreOffice reads 2026-11-23, 09:05 and 47 as a date, a time
			// and a number; the text cells must come back byte for byte.
			if j == 0 || j == 1 || j == 6 {
				continue
			}
			if i >= len(got) || j >= len(got[i]) || got[i][j] != want[i][j] {
				t.Fatalf("cell %d,%d: LibreOffice gives %q, want %q\nround trip:\n%s", i, j, cell(got, i, j), want[i][j], back)
			}
		}
	}
	if !strings.Contains(string(back), "Diagnostic numérique") || !strings.Contains(string(back), "À former") {
		t.Fatalf("accents lost:\n%s", back)
	}
}

func cell(rows [][]string, i, j int) string {
	if i < len(rows) && j < len(rows[i]) {
		return rows[i][j]
	}
	return "<none>"
}
