package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pasapas/internal/shareddata"
)

// TestPlacesCommands imports a real regional file, sets the centre in Gap
// and lists the places a visitor is offered: near Gap, nearest first.
func TestPlacesCommands(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(shareddata.Dir(t, "lieux-mediation-numerique/reel"), "hub-du-sud-20230517b.v1.csv")
	code, out, errOut := run(t, "", "places", "import", file, "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "646 lieux gardés, 0 lignes refusées") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	for _, set := range [][]string{{"centre.position", "44.5594, 6.0786"}, {"places.radius_km", "20"}} {
		if code, _, errOut := run(t, "", "settings", "set", set[0], set[1], "--data-dir", dir); code != 0 {
			t.Fatalf("settings set %v: %q", set, errOut)
		}
	}
	if code, out, _ := run(t, "", "settings", "get", "centre.position", "--data-dir", dir); code != 0 || out != "44.5594,6.0786\n" {
		t.Fatalf("settings get: %d %q", code, out)
	}
	code, out, errOut = run(t, "", "places", "list", "--orientation", "a_former", "--data-dir", dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) < 10 {
		t.Fatalf("list: %d %q %q", code, out, errOut)
	}
	last := -1.0
	for _, l := range lines {
		f := strings.Split(l, "\t")
		km, err := strconv.ParseFloat(f[0], 64)
		if len(f) != 3 || err != nil || km < last || km > 20 || f[1] == "" {
			t.Fatalf("line %q of\n%s", l, out)
		}
		last = km
	}
	if !strings.EqualFold(strings.Split(lines[0], "\t")[2], "gap") {
		t.Fatalf("nearest %q", lines[0])
	}
	code, out, _ = run(t, "", "settings", "list", "--data-dir", dir)
	fields := map[string]string{}
	for l := range strings.SplitSeq(out, "\n") {
		if f := strings.Fields(l); len(f) >= 2 {
			fields[f[0]] = f[1]
		}
	}
	if code != 0 || fields["centre.position"] != "44.5594,6.0786" || fields["places.radius_km"] != "20" || fields["retention.days"] != "90" || fields["centre.name"] != "-" {
		t.Fatalf("settings list: %d\n%s", code, out)
	}
}

func TestPlacesAndSettingsRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "lieux.csv")
	if err := os.WriteFile(bad, []byte("name,address\nEPN,1 rue\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"places", "import", bad}, 1, "rien importé, l'annuaire n'a pas changé"},
		{[]string{"places", "import"}, 2, "donnez le fichier"},
		{[]string{"places", "list", "--orientation", "perdu"}, 2, "a_former"},
		{[]string{"places"}, 2, "import FICHIER.csv ou list"},
		{[]string{"settings", "set", "centre.position", "44,55"}, 2, "latitude,longitude"},
		{[]string{"settings", "set", "centre.code_postal", "5000"}, 2, "5 chiffres"},
		{[]string{"settings", "set", "places.radius_km", "0"}, 2, "de 1 à 1000"},
		{[]string{"settings", "get", "centre.nom"}, 2, "réglage inconnu « centre.nom »"},
		{[]string{"settings", "set", "centre.name"}, 2, "set CLÉ VALEUR"},
	}
	for _, tt := range tests {
		code, _, errOut := run(t, "", append(tt.args, "--data-dir", dir)...)
		if code != tt.code || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("%v: code %d, err %q", tt.args, code, errOut)
		}
	}
}
