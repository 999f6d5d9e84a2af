package directory

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pasapas/assessment"
	"pasapas/internal/officetest"
	"pasapas/internal/shareddata"
)

// The real published files (shared/data/lieux-mediation-numerique/reel,
// see its README): the cartographie nationale's regional exports, in
// version 1.x and in the previous 0.x. Read from there, never copied here.

var realV1 = map[string]int{"hub-du-sud-20230517b.v1.csv": 646, "charente-20230711b.v1.csv": 188, "nouvelle-caledonie-20240320b.v1.csv": 90}

// realV0 pairs each 0.x file with its 1.x version (same ids) and its rows.
var realV0 = map[string]struct {
	v1   string
	rows int
}{
	"hub-du-sud-20230516.v0.csv":          {"hub-du-sud-20230517b.v1.csv", 792},
	"charente-20230711a.v0.csv":           {"charente-20230711b.v1.csv", 188},
	"nouvelle-caledonie-20240320a.v0.csv": {"nouvelle-caledonie-20240320b.v1.csv", 90},
}

func importReal(t *testing.T, name string) Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shareddata.Dir(t, "lieux-mediation-numerique/reel"), name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(name, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func TestRealV1FilesImportWhole(t *testing.T) {
	for name, rows := range realV1 {
		res := importReal(t, name)
		if len(res.Places) != rows || len(res.Refused) > 0 || len(res.Notes) > 0 {
			t.Errorf("%s: kept %d of %d, refused %v, notes %v", name, len(res.Places), rows, res.Refused, res.Notes)
		}
		for _, w := range res.Warnings {
			// The files are clean for what the kiosk uses; only unreadable
			// opening hours may be said.
			if !strings.Contains(w.Error(), "horaires") {
				t.Errorf("%s: warning %v", name, w)
			}
		}
		t.Logf("%s: %d places, %d warnings", name, len(res.Places), len(res.Warnings))
	}
}

func TestRealV0FilesAreConvertedAsTheCartographieDid(t *testing.T) {
	for name, v0 := range realV0 {
		res := importReal(t, name)
		if len(res.Places) != v0.rows || len(res.Refused) > 0 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "ancienne version (0.x)") {
			t.Errorf("%s: kept %d of %d, refused %v, notes %q", name, len(res.Places), v0.rows, res.Refused, res.Notes)
		}
		for _, w := range res.Warnings {
			if !strings.Contains(w.Error(), "horaires") {
				t.Errorf("%s: warning %v", name, w)
			}
		}
		// Same services as the cartographie's own migration of the file.
		migrated := map[string][]string{}
		for _, p := range importReal(t, v0.v1).Places {
			migrated[p.ID] = p.Services
		}
		same, common := 0, 0
		for _, p := range res.Places {
			want, ok := migrated[p.ID]
			if !ok {
				continue
			}
			common++
			if slices.Equal(sorted(p.Services), sorted(want)) {
				same++
			}
		}
		if common == 0 || same < common*98/100 {
			t.Errorf("%s: %d of %d places have the services of the cartographie's migration", name, same, common)
		}
		t.Logf("%s: %d places, services as migrated for %d of %d", name, len(res.Places), same, common)
	}
	// The 0.x files name France Services and Aidants Connect in
	// labels_nationaux and e-mails in courriel: "Faire pour" places and
	// e-mails are found.
	res := importReal(t, "charente-20230711a.v0.csv")
	onBehalf, emails := 0, 0
	for _, p := range res.Places {
		if slices.Contains(p.Orientations, assessment.DoOnBehalf) {
			onBehalf++
		}
		if p.Email != "" {
			emails++
		}
	}
	if onBehalf < 140 || emails < 50 {
		t.Errorf("charente 0.x: %d places faire pour, %d e-mails", onBehalf, emails)
	}
}

func sorted(l []string) []string {
	l = slices.Clone(l)
	slices.Sort(l)
	return l
}

// TestPlacesNearTheCentre: a kiosk in Gap offers the places of the Hub du
// Sud's regional file within 30 km, nearest first, not Martigues or Toulon.
func TestPlacesNearTheCentre(t *testing.T) {
	res := importReal(t, "hub-du-sud-20230517b.v1.csv")
	gap := Position{44.5594, 6.0786}
	near := Nearest(res.Places, gap, 30)
	if len(near) < 20 || len(near) > 40 {
		t.Fatalf("%d places within 30 km of Gap", len(near))
	}
	for i, n := range near {
		if n.Km > 30 || (i > 0 && n.Km < near[i-1].Km) {
			t.Fatalf("place %d %s at %.1f km", i, n.Name, n.Km)
		}
		if c := strings.ToLower(n.Commune); c == "martigues" || c == "toulon" || c == "marseille" {
			t.Fatalf("%s (%s) offered in Gap", n.Name, n.Commune)
		}
	}
	if !strings.EqualFold(near[0].Commune, "gap") {
		t.Fatalf("nearest is %s (%s)", near[0].Name, near[0].Commune)
	}
}

// TestSpreadsheetRoundTripKeepsThePlaces opens a real 1.x file in
// LibreOffice as a French spreadsheet would (French locale, numbers
// guessed) and saves it as "CSV" in Windows-1252 with ";": the code postal
// loses its zero, latitudes get a decimal comma, accents change bytes. The
// import repairs that and keeps every place, its accents right.
func TestSpreadsheetRoundTripKeepsThePlaces(t *testing.T) {
	const name = "hub-du-sud-20230517b.v1.csv"
	src := filepath.Join(shareddata.Dir(t, "lieux-mediation-numerique/reel"), name)
	dir := t.TempDir()
	run := func(args ...string) { t.Helper(); officetest.Run(t, dir, args...) }
	// Read: "," separated, '"' quotes, UTF-8 (76), from line 1, standard
	// columns, French (1036), quoted fields as text no, special numbers yes.
	run("--infilter=CSV:44,34,76,1,,1036,false,true", "--convert-to", "ods", "--outdir", filepath.Join(dir, "ods"), src)
	// Save as "CSV": ";" separated, Windows-1252 (1).
	ods := filepath.Join(dir, "ods", strings.TrimSuffix(name, ".csv")+".ods")
	run("--convert-to", "csv:Text - txt - csv (StarCalc):59,34,1,1", "--outdir", filepath.Join(dir, "back"), ods)
	back, err := os.ReadFile(filepath.Join(dir, "back", name))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(back, []byte("é")) || !bytes.Contains(back, []byte("d\xe9marches")) {
		t.Fatalf("not a Windows-1252 file: %.300q", back)
	}
	res, err := Import(name, bytes.NewReader(back))
	if err != nil {
		t.Fatal(err)
	}
	original := map[string]Place{}
	for _, p := range importReal(t, name).Places {
		original[p.ID] = p
	}
	if len(res.Places) != len(original) || len(res.Refused) > 0 {
		t.Fatalf("kept %d of %d, refused %v", len(res.Places), len(original), res.Refused[:min(5, len(res.Refused))])
	}
	repairs := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "réparé") || strings.Contains(w.Error(), "virgule décimale") {
			repairs++
		}
	}
	if repairs == 0 || !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "Windows-1252") }) {
		t.Fatalf("no repair said: notes %q, %d warnings", res.Notes, len(res.Warnings))
	}
	for _, p := range res.Places {
		o := original[p.ID]
		if strings.Trim(o.Commune, "0123456789") == "" {
			// A commune written as a number in the source ("06370")
			// loses its zero in a spreadsheet like any number.
			p.Commune, p.Address = o.Commune, o.Address
		}
		if p.Name != o.Name || p.Address != o.Address || !slices.Equal(p.Services, o.Services) || !slices.Equal(p.Orientations, o.Orientations) ||
			p.HasPosition != o.HasPosition || p.Position.DistanceKm(o.Position) > 0.01 || p.Phone != o.Phone {
			t.Fatalf("after the spreadsheet\n%+v\nwas\n%+v", p, o)
		}
	}
	t.Logf("%d places kept, %d warnings (%d repairs)", len(res.Places), len(res.Warnings), repairs)
}
