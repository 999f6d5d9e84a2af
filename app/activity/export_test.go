package activity

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/internal/officetest"
	"pasapas/internal/shareddata"
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
			Visit:       2,
			Changes:     map[string]int{"device": 1, "internet": 0, "safety": -1},
		},
	}, {
		Code: "ABCDEF", Started: start.Add(3 * time.Hour), Duration: 5 * time.Minute, Lang: "uk", KioskID: "borne-accueil", Status: session.Abandoned,
	}}
}

var sampleOptions = Options{
	Centre: Centre{Name: "Médiathèque Jean-Giono", Address: "2 rue de l'Écluse", Commune: "Gap", PostCode: "05000", INSEE: "05061"},
	Names: func(code string) string {
		return map[string]string{"caf-declaration": "CAF : déclaration trimestrielle"}[code]
	},
}

func TestDurationBands(t *testing.T) {
	bands := []struct {
		d    time.Duration
		want string
	}{{0, "Moins de 30 min"}, {29 * time.Minute, "Moins de 30 min"}, {30 * time.Minute, "30min à 1 h"}, {time.Hour, "1 h à 2 h"}, {2 * time.Hour, "2 h et plus"}}
	for _, b := range bands {
		if got := DurationBand(b.d); got != b.want {
			t.Errorf("DurationBand(%v) = %q, want %q", b.d, got, b.want)
		}
	}
}

func TestThemesFollowTheCoopsHints(t *testing.T) {
	f := sampleSummaries()[0].Facts
	if got := Labels(Themes(f)); !slices.Equal(got, []string{"Diagnostic numérique", "Aide aux démarches administratives", "Social - Santé", "Argent - Impôts"}) {
		t.Errorf("themes %v", got)
	}
	tests := []struct {
		procs []string
		want  []string
	}{
		// Sub-themes bring their parent, in the Coop's order.
		{[]string{"ants-identite"}, []string{"aide_aux_demarches_administratives", "papiers_elections_citoyennete"}},
		{[]string{"retraite"}, []string{"aide_aux_demarches_administratives", "travail_formation"}},
		{[]string{"ft-inscription", "france_travail"}, []string{"aide_aux_demarches_administratives", "travail_formation"}},
		{[]string{"doctolib", "sante"}, []string{"sante"}},
		{[]string{"franceconnect"}, []string{"aide_aux_demarches_administratives"}},
		{[]string{"scan"}, []string{"prendre_en_main_du_materiel"}},
		{[]string{"arnaque"}, []string{"securite_numerique"}},
		{[]string{"email"}, []string{"email"}},
		{[]string{"banque"}, []string{"banque_et_achats_en_ligne"}},
		{[]string{"autre"}, []string{"aide_aux_demarches_administratives"}},
		{[]string{"inconnue"}, []string{}},
	}
	for _, tt := range tests {
		var walks []Walk
		for _, p := range tt.procs {
			walks = append(walks, Walk{Procedure: p})
		}
		if got := Codes(Themes(Facts{Walks: walks})); !slices.Equal(got, tt.want) {
			t.Errorf("themes of %v = %v, want %v", tt.procs, got, tt.want)
		}
	}
	// Every built-in walkthrough and need has a theme.
	walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 || len(walks) == 0 {
		t.Fatal(errs)
	}
	for _, p := range walks {
		if _, ok := ThemeOf(p.ID); !ok {
			t.Errorf("ThemeOf(%q): no Coop theme", p.ID)
		}
	}
	for _, n := range []string{"caf", "france_travail", "ameli", "impots", "ants", "retraite", "sante", "logement", "banque", "autre"} {
		if _, ok := ThemeOf(n); !ok {
			t.Errorf("ThemeOf(need %q): no Coop theme", n)
		}
	}
}

func TestAutonomyAndRedirection(t *testing.T) {
	autonomy := []struct {
		levels map[string]int
		want   string
		stars  string
	}{
		{nil, "", ""},
		{map[string]int{"a": 1, "b": 1}, "entierement_accompagne", "1/3"},
		{map[string]int{"a": 1, "b": 2}, "partiellement_autonome", "2/3"},
		{map[string]int{"a": 2, "b": 3}, "autonome", "3/3"},
	}
	for _, a := range autonomy {
		got, _ := Autonomy(a.levels)
		if got.Code != a.want || AutonomyStars(got) != a.stars {
			t.Errorf("Autonomy(%v) = %v %q, want %q %q", a.levels, got, AutonomyStars(got), a.want, a.stars)
		}
	}
	// Every orientation of the built-in bank has its row in the table.
	for _, o := range assessment.Orientations {
		if _, ok := RedirectionOf(o); !ok {
			t.Errorf("orientation %q has no Coop redirection", o)
		}
	}
	if r, _ := RedirectionOf(assessment.DoOnBehalf); !r.Reoriented || r.Structure != RedirectAdministrative {
		t.Errorf("faire_pour → %+v", r)
	}
	if r, _ := RedirectionOf(assessment.Autonomous); r.Reoriented || r.Answer() != No {
		t.Errorf("autonome → %+v", r)
	}
}

func export(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format, sampleOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sampleSummaries() {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	want := 2
	if format == FormatCoop {
		want = 1 // the abandoned session is not an accompaniment
	}
	if n, err := w.Close(); err != nil || n != want {
		t.Fatalf("closed after %d, %v", n, err)
	}
	return buf.Bytes()
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v in %q", err, data)
	}
	return rows
}

func TestCSVExportSpeaksTheCoopsExport(t *testing.T) {
	data := export(t, FormatCSV)
	if !bytes.HasPrefix(data, []byte("\uFEFFDate;Type;Canaux d’accompagnement;Nom du lieu;")) || !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("not a French spreadsheet CSV: %q", data[:60])
	}
	rows := readCSV(t, data)
	wantHeader := []string{"Date", "Type", "Canaux d’accompagnement", "Nom du lieu", "Adresse", "Commune", "Code postal", "Code Insee",
		"Durée (min)", "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Nom de la démarche administrative",
		"Niveau d’autonomie (ou de l’atelier)", "Bénéficiaire réorienté", "Structure de redirection",
		"Genre du bénéficiaire", "Tranche d’âge du bénéficiaire", "Statut du bénéficiaire",
		"Heure", "Code séance", "Borne", "Langue", "Statut de la séance", "Orientation (borne)", "Niveaux par domaine",
		"Démarches à faire", "Démarches guidées", "Démarches terminées", "Étapes bloquantes", "Documents manquants",
		"Séance accompagnée", "Visite n°", "Évolution des niveaux"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Fatalf("header\n%q\nwant\n%q", rows[0], wantHeader)
	}
	// The Coop's columns are a subsequence of its export's, in its order.
	i := 0
	for _, c := range CoopColumns {
		if i < len(csvCoopColumns) && csvCoopColumns[i] == c {
			i++
		}
	}
	if i != len(csvCoopColumns) {
		t.Fatalf("the CSV's Coop columns are not in the Coop's order: %q", csvCoopColumns)
	}
	want := []string{"23/11/2026", "Accompagnement individuel", "Lieu d’activité", "Médiathèque Jean-Giono", "2 rue de l'Écluse", "Gap", "05000", "05061",
		"47", "Ordinateur", "Diagnostic numérique\nAide aux démarches administratives\nSocial - Santé\nArgent - Impôts", "CAF : déclaration trimestrielle",
		"2/3", "Oui", "Autre structure de médiation numérique", "Non communiqué", "Non communiqué", "Non communiqué",
		"09:05", "K7D-M3Q", "borne-accueil", "fr", "Terminée", "À former",
		"device : 2, internet : 2, safety : 1", "caf, impots", "caf-declaration", "", "caf-declaration/login", "caf-declaration/numero-allocataire",
		"Non", "2", "device : +1, internet : =, safety : -1"}
	if !slices.Equal(rows[1], want) {
		t.Fatalf("row\n%q\nwant\n%q", rows[1], want)
	}
	// An abandoned session is not an accompaniment: date and minutes, then
	// the kiosk's columns only.
	if rows[2][0] != "23/11/2026" || rows[2][8] != "5" || rows[2][1] != "" || rows[2][10] != "" || rows[2][22] != "Interrompue" {
		t.Fatalf("second row %q", rows[2])
	}
	// A first visit is visit 1 with no change; no column holds another
	// session's code.
	if last := rows[2][len(rows[2])-3:]; !slices.Equal(last, []string{"Non", "1", ""}) {
		t.Fatalf("second row's chain columns %q", last)
	}
}

// TestAccompaniedSessionIsAnAccompaniment: a mediator's session counts in
// the Coop's columns however it ended, with its minutes, when something
// gives it a theme; without one it stays in the kiosk's columns.
func TestAccompaniedSessionIsAnAccompaniment(t *testing.T) {
	s := sampleSummaries()[0]
	s.Status, s.Accompanied = session.Abandoned, true
	cells := CoopCells(s, sampleOptions)
	if cells.Get(ColType) != "Accompagnement individuel" || cells.Get(ColMinutes) != "47" || !s.IsAccompaniment() {
		t.Fatalf("accompanied session: type %q, minutes %q", cells.Get(ColType), cells.Get(ColMinutes))
	}
	if kiosk := KioskCells(s); kiosk[12] != "Oui" {
		t.Errorf("Séance accompagnée %q", kiosk[12])
	}
	empty := Summary{Started: s.Started, Duration: 20 * time.Minute, Status: session.Finished, Accompanied: true}
	emptyCells := CoopCells(empty, sampleOptions)
	if empty.IsAccompaniment() || emptyCells.Get(ColType) != "" {
		t.Error("an accompanied session with no theme became a Coop accompaniment")
	}
	counters := s.Counters()
	for _, want := range []Counter{{MetricAccompanied, ""}, {MetricReturning, ""}, {MetricRetook, ""}, {MetricProgress, "device:up"}, {MetricProgress, "internet:same"}, {MetricProgress, "safety:down"}} {
		if !slices.Contains(counters, want) {
			t.Errorf("counters %v lack %v", counters, want)
		}
	}
}

func TestJSONExportHasTheCoopsAPICodes(t *testing.T) {
	var recs []Record
	if err := json.Unmarshal(export(t, FormatJSON), &recs); err != nil {
		t.Fatal(err)
	}
	a := recs[0].Activity
	if len(recs) != 2 || a == nil || a.Type != "individuel" || a.TypeLieu != "lieu_activite" || a.Duree != 47 ||
		!slices.Equal(a.Thematiques, []string{"diagnostic_numerique", "aide_aux_demarches_administratives", "social_sante", "argent_impots"}) ||
		a.Autonomie != "partiellement_autonome" || a.OrienteVersStructure == nil || !*a.OrienteVersStructure ||
		a.StructureDeRedirection != "mediation_numerique" || a.Structure.INSEE != "05061" || a.Genre != "non_communique" {
		t.Fatalf("activity %+v", a)
	}
	if recs[0].Orientation != assessment.ToTrain || recs[0].Levels["device"] != 2 || recs[0].Walks[0].Stuck[0] != "login" ||
		recs[1].Code != "ABC-DEF" || recs[1].Activity != nil || recs[1].Status != "Interrompue" ||
		recs[0].Visit != 2 || recs[0].Changes["safety"] != -1 || recs[1].Visit != 1 || recs[1].Changes != nil {
		t.Fatalf("records %+v", recs)
	}
}

// TestEveryExportedWordIsTheCoops reads each Coop field of the CSV, the
// JSON and the .xlsx and finds every value in the vocabulary table.
func TestEveryExportedWordIsTheCoops(t *testing.T) {
	labels, codes := map[string][]string{}, map[string][]string{}
	for field, terms := range Vocabulary {
		labels[field], codes[field] = Labels(terms), Codes(terms)
	}
	labelFields := map[string]string{
		ColType: "type", ColChannel: "type_lieu", ColMaterial: "materiel", ColThemes: "thematiques",
		ColReoriented: "orientation", ColRedirection: "structure_de_redirection",
		ColGenre: "beneficiaire", ColAge: "beneficiaire", ColStatus: "beneficiaire",
	}
	check := func(where string, header, row []string) {
		t.Helper()
		for i, h := range header {
			field, ok := labelFields[h]
			if i >= len(row) || row[i] == "" {
				continue
			}
			switch {
			case ok:
				for v := range strings.SplitSeq(row[i], CoopLineBreak) {
					if !slices.Contains(labels[field], v) {
						t.Errorf("%s: %s: %q is not a Coop label of %s", where, h, v, field)
					}
				}
			case h == ColAutonomy:
				if !slices.Contains([]string{"1/3", "2/3", "3/3"}, row[i]) {
					t.Errorf("%s: %s: %q", where, h, row[i])
				}
			}
		}
	}
	rows := readCSV(t, export(t, FormatCSV))
	for _, r := range rows[1:] {
		check("CSV", rows[0], r)
	}
	var recs []Record
	if err := json.Unmarshal(export(t, FormatJSON), &recs); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		a := r.Activity
		if a == nil {
			continue
		}
		for field, values := range map[string][]string{
			"type": {a.Type}, "type_lieu": {a.TypeLieu}, "materiel": a.Materiel, "thematiques": a.Thematiques,
			"autonomie": {a.Autonomie}, "structure_de_redirection": {a.StructureDeRedirection},
			"beneficiaire": {a.Genre, a.TrancheAge, a.StatutSocial},
		} {
			for _, v := range values {
				if !slices.Contains(codes[field], v) {
					t.Errorf("JSON: %q is not a Coop code of %s", v, field)
				}
			}
		}
	}
	sheet := readXLSX(t, export(t, FormatCoop))
	header := sheet[headerRow-1]
	if !slices.Equal(header[:len(CoopColumns)], CoopColumns[:]) {
		t.Fatalf("xlsx header %q", header)
	}
	for _, r := range sheet[headerRow:] {
		check("xlsx", header, r)
	}
}

// TestTheTableIsTheCoopsVocabulary compares the table with the vocabulary
// read from the Coop's public code (shared/data/cra-coop/vocabulaire.md):
// every "- code → Label" line of the fields the kiosk fills.
func TestTheTableIsTheCoopsVocabulary(t *testing.T) {
	md, err := os.ReadFile(filepath.Join(shareddata.Dir(t, "cra-coop"), "vocabulaire.md"))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{
		"Type d'activité": "type", "Lieu de l'accompagnement": "type_lieu", "Matériel numérique utilisé": "materiel",
		"Thématiques": "thematiques", "Niveau d'autonomie": "autonomie", "Orientation": "structure_de_redirection",
	}
	found := map[string][]Term{}
	field := ""
	for line := range strings.SplitSeq(string(md), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			field = ""
			for prefix, f := range sections {
				if strings.HasPrefix(h, prefix) {
					field = f
				}
			}
			continue
		}
		if field == "" || !strings.HasPrefix(line, "- ") {
			continue
		}
		// One line may hold several "code → Label" joined by " · ".
		for part := range strings.SplitSeq(strings.TrimPrefix(line, "- "), " · ") {
			code, label, ok := strings.Cut(part, " → ")
			if !ok {
				continue
			}
			label, _, _ = strings.Cut(label, " (then:")
			label, _, _ = strings.Cut(label, " (exported as")
			label = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(label, " (1/3)"), " (2/3)"), " (3/3)")
			found[field] = append(found[field], Term{strings.TrimSpace(code), strings.TrimSpace(label)})
		}
	}
	for f := range sections {
		f = sections[f]
		got, want := Vocabulary[f], found[f]
		if len(want) == 0 {
			t.Errorf("%s: nothing read from vocabulaire.md", f)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: the table lacks %+v", f, w)
			}
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Errorf("%s: %+v is not in vocabulaire.md", f, g)
			}
		}
	}
}

// TestCSVSurvivesLibreOffice opens the export in LibreOffice (headless, as
// a centre's PC would) and saves it back: every cell, accents included,
// must come back the same.
func TestCSVSurvivesLibreOffice(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "rapport.csv")
	data := export(t, FormatCSV)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) { t.Helper(); officetest.Run(t, dir, args...) }
	// Import as a spreadsheet: ";" separator, '"' quotes, the character set
	// left for LibreOffice to find (the byte order mark says UTF-8), and
	// Code postal, Code Insee and Niveau d’autonomie as text (columns 7, 8
	// and 13): a spreadsheet left to guess turns 05000 into 5000 and 2/3
	// into the 2nd of March (README, Exporter).
	run("--infilter=CSV:59,34,,1,7/2/8/2/13/2", "--convert-to", "ods", "--outdir", filepath.Join(dir, "ods"), in)
	// And back to CSV, in UTF-8 (76), ";" separated.
	run("--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", filepath.Join(dir, "back"), filepath.Join(dir, "ods", "rapport.ods"))
	back, err := os.ReadFile(filepath.Join(dir, "back", "rapport.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want, got := readCSV(t, data), readCSV(t, back)
	for i := range want {
		for j := range want[i] {
			// LibreOffice reads 23/11/2026, 47 and 09:05 as a date, a number
			// and a time; the text cells, line breaks included, must come
			// back byte for byte.
			if h := want[0][j]; i > 0 && (h == ColDate || h == ColMinutes || h == "Heure") {
				continue
			}
			if i >= len(got) || j >= len(got[i]) || got[i][j] != want[i][j] {
				t.Fatalf("cell %d,%d: LibreOffice gives %q, want %q\nround trip:\n%s", i, j, cell(got, i, j), want[i][j], back)
			}
		}
	}
	if !strings.Contains(string(back), "Diagnostic numérique") || !strings.Contains(string(back), "Lieu d’activité") {
		t.Fatalf("accents lost:\n%s", back)
	}
}

func cell(rows [][]string, i, j int) string {
	if i < len(rows) && j < len(rows[i]) {
		return rows[i][j]
	}
	return "<none>"
}

// drawnSummaries are n sessions drawn from the kiosk's own content, with a
// fixed seed: every status, orientation, level, need, walkthrough, stuck
// step and missing document shape the exports meet, the same at every run.
func drawnSummaries(t *testing.T, n int) []Summary {
	t.Helper()
	bank, err := assessment.Load(seeds.FS, assessment.Dir)
	if err != nil {
		t.Fatal(err)
	}
	procs, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var domains, needs []string
	for _, d := range bank.Domains {
		domains = append(domains, d.ID)
	}
	for _, o := range bank.NeedsItem().Options {
		needs = append(needs, o.ID)
	}
	r := rand.New(rand.NewPCG(7, 2026))
	pick := func(from []string, most int) []string {
		var out []string
		for range r.IntN(most + 1) {
			if v := from[r.IntN(len(from))]; !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	}
	levels := func() map[string]int {
		m := map[string]int{}
		for _, d := range pick(domains, len(domains)) {
			m[d] = r.IntN(7) - 3
		}
		if len(m) == 0 {
			return nil
		}
		return m
	}
	const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	out := make([]Summary, n)
	for i := range out {
		// Daytime, far from any change of summer time.
		start := time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), 8+r.IntN(10), r.IntN(60), r.IntN(60), r.IntN(1000)*1e6, time.Local)
		code := make([]byte, 6)
		for j := range code {
			code[j] = alphabet[r.IntN(len(alphabet))]
		}
		s := Summary{
			Code: session.Code(code), Started: start, Duration: time.Duration(r.IntN(3*3600*1000)) * time.Millisecond,
			Lang: []string{"fr", "en", "uk", ""}[r.IntN(4)], KioskID: []string{"borne-1", "borne-accueil"}[r.IntN(2)],
			Status:      []session.Status{session.Finished, session.Finished, session.Abandoned, session.Active, "inconnu"}[r.IntN(5)],
			Accompanied: r.IntN(6) == 0,
		}
		if r.IntN(4) != 0 {
			s.Orientation = append(slices.Clone(assessment.Orientations), "inconnue")[r.IntN(len(assessment.Orientations)+1)]
			s.Levels = levels()
			for k, l := range s.Levels {
				s.Levels[k] = max(0, l)
			}
			s.Needs = pick(needs, 3)
		}
		for range r.IntN(4) {
			p := procs[r.IntN(len(procs))]
			w := Walk{Procedure: p.ID, Completed: r.IntN(2) == 0}
			for range r.IntN(3) {
				w.Stuck = appendOnce(w.Stuck, p.Steps[r.IntN(len(p.Steps))].ID)
			}
			if len(p.Bring) > 0 && r.IntN(3) == 0 {
				w.Missing = []string{p.Bring[r.IntN(len(p.Bring))].Code}
			}
			s.Walks = append(s.Walks, w)
		}
		if r.IntN(3) == 0 {
			s.Visit, s.Changes = 2+r.IntN(3), levels()
		}
		out[i] = s
	}
	return out
}

// trickyOptions have, in the centre's settings and the procedures' titles
// (the exports' only free texts), every character a CSV must quote.
var trickyOptions = Options{
	Centre: Centre{Name: " Médiathèque \"Jean-Giono\"", Address: "2 rue de l'Écluse;\nBât. B", Commune: "Gap\r", PostCode: "05000", INSEE: "\t05061"},
	Names: func(code string) string {
		switch len(code) % 4 {
		case 0:
			return "CAF : déclaration \"trimestrielle\""
		case 1:
			return "Impôts; en ligne\r\nsuite"
		case 2:
			return "\u00a0Santé"
		}
		return ""
	},
}

// TestExportsKeepTheirBytes: the three exports of drawn sessions are,
// byte for byte, those of the export before it was sped up (commit
// 16878f0); a change of the exports' contents updates the sums on purpose.
func TestExportsKeepTheirBytes(t *testing.T) {
	sums := drawnSummaries(t, 3000)
	for _, tt := range []struct {
		format, want string
	}{
		{FormatCSV, "26486d5d52066eb88c1accfab19afd037aae21df8749b805642f165b6e484de0"},
		{FormatJSON, "27eb65cc6e961b77b5e6a9ce83a1048aeeba3bfabc60d0905c31dfb3d5362c6d"},
		{FormatCoop, "65a060a853fdfb825cf3b6fcbf7d70c68b0b9d27345f3de4b8a3586aa7f47e25"},
	} {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, tt.format, trickyOptions)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sums {
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.Close(); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if tt.format == FormatCoop {
			// The workbook's own bytes carry the time it was made: its cells
			// below the header block are what must not change.
			var cells bytes.Buffer
			for _, row := range readXLSX(t, data)[headerRow-1:] {
				fmt.Fprintf(&cells, "%q\n", row)
			}
			data = cells.Bytes()
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != tt.want {
			t.Errorf("%s export of %d drawn sessions: sha256 %s, want %s", tt.format, len(sums), got, tt.want)
		}
	}
}

// TestCSVFieldsAreEncodingCSVs: the export's own field writer gives, for
// every kind of field, the bytes of encoding/csv with ";" and CRLF.
func TestCSVFieldsAreEncodingCSVs(t *testing.T) {
	fields := []string{
		"", "a", "Médiathèque", "a;b", "a,b", `a"b`, `"`, `""`, "a\nb", "a\r\nb", "a\rb", "\n", "\r", " a", "a ", "\ta",
		"\u00a0a", "\u2003a", `\.`, `\.a`, "\xffa", "\x00", "’", "Diagnostic numérique\nSocial - Santé",
	}
	for _, f := range fields {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		w.Comma, w.UseCRLF = ';', true
		w.Write([]string{"x", f, "y"})
		w.Flush()
		got := appendCSVField([]byte("x;"), []byte(f))
		got = append(appendCSVField(append(got, ';'), []byte("y")), '\r', '\n')
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("field %q: %q, encoding/csv writes %q", f, got, want.Bytes())
		}
	}
}
