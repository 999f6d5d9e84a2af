package directory

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"pasapas/assessment"
)

func messages(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestTheStandardsOwnExampleIsValid(t *testing.T) {
	f, err := os.Open("testdata/exemple-valide.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Import("exemple-valide.csv", f)
	if err != nil || len(res.Warnings)+len(res.Refused) > 0 {
		t.Fatal(err, res.Warnings, res.Refused)
	}
	p := res.Places[0]
	if len(res.Places) != 1 || p.ID != "structure-1" || p.Name != "Anonymal" || !strings.Contains(p.Address, "51100 Reims") || p.Commune != "Reims" ||
		p.Email != "contact@laquincaillerie.tl" || p.Hours != "Du lundi au vendredi : 9 h - 12 h et 14 h - 18 h 30 ; samedi : 8 h 30 - 12 h" ||
		!p.HasPosition || p.Position != (Position{43.52609, 5.41423}) {
		t.Fatalf("place %+v", p)
	}
	// Workshops and self-service, Aidants Connect: every orientation but
	// accompanied procedures (no "Aide aux démarches administratives").
	if want := []string{assessment.Autonomous, assessment.ToTrain, assessment.DoOnBehalf}; !slices.Equal(p.Orientations, want) {
		t.Fatalf("orientations %v, want %v", p.Orientations, want)
	}
}

const header = "id;pivot;nom;commune;code_postal;adresse;date_maj;services;dispositif_programmes_nationaux;telephone;latitude;longitude\r\n"

func TestImportRepairsWarnsAndSkips(t *testing.T) {
	csv := "\uFEFF" + header +
		"a;12345678900012;Médiathèque;Die;26150;1 rue Camille Buffardel;2024-05-01;Aide aux démarches administratives;France Services;+33475000000;44,7536;5,3700\r\n" +
		"b;4,34933E+13;EPN;Gap;5000;\"2 place\nde l'Évêché\";11/05/2023;Cuisine|Maîtrise des outils numériques du quotidien;;33492000000;;\r\n" +
		"a;12345678900012;Autre;Die;26150;3 rue;2024-05-01;;;;;\r\n" +
		"c;12345678900012;;Die;26150;3 rue;2024-05-01;;;;;\r\n" +
		"d;12345678900012;Lieu;Die;2615x;3 rue;2024-05-01;;;12;;\r\n"
	res, err := Import("lieux.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantWarnings := []string{
		`lieux.csv:2: latitude: « 44,7536 » : virgule décimale lue comme un point`,
		`lieux.csv:2: longitude: « 5,3700 » : virgule décimale lue comme un point`,
		`lieux.csv:3: code_postal: « 5000 » réparé en « 05000 » (un tableur avait ôté le zéro)`,
		`lieux.csv:3: telephone: « 33492000000 » réparé en « +33492000000 » (un tableur avait ôté le +)`,
		`lieux.csv:3: pivot: « 4,34933E+13 » ne suit pas le standard (la borne s'en passe)`,
		`lieux.csv:3: date_maj: « 11/05/2023 » est une date JJ/MM/AAAA, le standard écrit AAAA-MM-JJ (la borne s'en passe)`,
		`lieux.csv:3: services: « Cuisine » n'est pas une valeur du standard 1.0.2, ignorée`,
	}
	wantRefused := []string{
		`lieux.csv:5: id: « a » déjà utilisé ligne 2 : ligne ignorée`,
		`lieux.csv:6: nom: vide : ligne ignorée`,
		`lieux.csv:7: code_postal: « 2615x » n'est pas un code postal à 5 chiffres : ligne ignorée`,
	}
	if got := messages(res.Warnings); !slices.Equal(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
	if got := messages(res.Refused); !slices.Equal(got, wantRefused) {
		t.Errorf("refused:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantRefused, "\n"))
	}
	if len(res.Places) != 2 || res.Places[0].Position != (Position{44.7536, 5.37}) || res.Places[1].Phone != "+33492000000" ||
		!strings.Contains(res.Places[1].Address, "05000 Gap") || !slices.Equal(res.Places[1].Services, []string{"Maîtrise des outils numériques du quotidien"}) {
		t.Fatalf("places %+v", res.Places)
	}
}

func TestImportRefusesWhatIsNotADirectory(t *testing.T) {
	var refusal *Refusal
	_, err := Import("lieux.csv", strings.NewReader("name,address\nEPN,1 rue\n"))
	if !errors.As(err, &refusal) || !strings.Contains(err.Error(), "colonne « nom » absente") {
		t.Fatalf("error %v", err)
	}
	_, err = Import("vide.csv", strings.NewReader(header))
	if !errors.As(err, &refusal) || !strings.Contains(err.Error(), "aucun lieu") {
		t.Fatalf("error %v", err)
	}
	res, err := Import("noms.csv", strings.NewReader(header+"a;1;;Die;26150;1 rue;;;;;;\r\n"))
	if err == nil || !strings.Contains(err.Error(), "aucun lieu utilisable : 1 lignes refusées") || len(res.Refused) != 1 {
		t.Fatalf("error %v, %v", err, res.Refused)
	}
}

func TestTag(t *testing.T) {
	tests := []struct {
		services, programmes, modes, want []string
	}{
		{[]string{"Aide aux démarches administratives"}, []string{"France Services"}, nil, []string{assessment.ToAccompany, assessment.DoOnBehalf}},
		{[]string{"Maîtrise des outils numériques du quotidien"}, nil, nil, []string{assessment.ToTrain}},
		{nil, nil, []string{"En autonomie", "Dans un atelier collectif"}, []string{assessment.Autonomous, assessment.ToTrain}},
		{nil, []string{"Conseillers numériques"}, nil, nil},
	}
	for _, tt := range tests {
		if got := Tag(tt.services, tt.programmes, tt.modes); !slices.Equal(got, tt.want) {
			t.Errorf("Tag(%v, %v, %v) = %v, want %v", tt.services, tt.programmes, tt.modes, got, tt.want)
		}
	}
}

func TestHoursInPlainFrench(t *testing.T) {
	tests := []struct{ osm, want string }{
		{"Mo-Fr 09:00-12:00,14:00-17:00", "Du lundi au vendredi : 9 h - 12 h et 14 h - 17 h"},
		{"Mo-Fr 08:30-12:00,13:30-17:00; Tu 08:30-12:00,13:30-17:30", "Lundi et du mercredi au vendredi : 8 h 30 - 12 h et 13 h 30 - 17 h ; mardi : 8 h 30 - 12 h et 13 h 30 - 17 h 30"},
		{"We,Fr 09:00-12:00,13:00-16:30; Mo 13:30-16:30", "Lundi : 13 h 30 - 16 h 30 ; mercredi et vendredi : 9 h - 12 h et 13 h - 16 h 30"},
		{"Mo-Sa 10:00-18:00; We off; PH off", "Lundi, mardi et du jeudi au samedi : 10 h - 18 h"},
		{"24/7", "Tous les jours, 24 h sur 24"},
	}
	for _, tt := range tests {
		if got, ok := Hours(tt.osm); !ok || got != tt.want {
			t.Errorf("Hours(%q) = %q, %v\nwant %q", tt.osm, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"sunrise-sunset", "Jan-Mar Mo 09:00-12:00", "Mo-Fr 9h-12h", "Mo-Fr"} {
		if got, ok := Hours(bad); ok {
			t.Errorf("Hours(%q) = %q, want unreadable", bad, got)
		}
	}
}

func TestNearest(t *testing.T) {
	gap := Position{44.5594, 6.0786}
	places := []Place{
		{ID: "toulon", Position: Position{43.1242, 5.928}, HasPosition: true},
		{ID: "tallard", Position: Position{44.4622, 6.0553}, HasPosition: true},
		{ID: "sans"},
		{ID: "gap", Position: Position{44.5600, 6.0790}, HasPosition: true},
	}
	var ids []string
	for _, n := range Nearest(places, gap, 30) {
		ids = append(ids, n.ID+" "+KmLabel(n.Km))
	}
	if want := []string{"gap à 100 m", "tallard à 11 km"}; !slices.Equal(ids, want) {
		t.Fatalf("nearest %q, want %q", ids, want)
	}
	if p, err := ParsePosition("44.5594, 6.0786"); err != nil || p != gap {
		t.Fatalf("ParsePosition: %v %v", p, err)
	}
	if _, err := ParsePosition("44,5594"); err == nil {
		t.Fatal("a decimal comma without longitude is accepted")
	}
}

func TestOffer(t *testing.T) {
	gap := Position{44.5594, 6.0786}
	places := []Place{
		{ID: "toulon", Commune: "Toulon", Position: Position{43.1242, 5.928}, HasPosition: true},
		{ID: "mairie", Commune: "GAP"},
		{ID: "ailleurs", Commune: "Briançon"},
		{ID: "tallard", Commune: "Tallard", Position: Position{44.4622, 6.0553}, HasPosition: true},
	}
	ids := func(l []Near) (out []string) {
		for _, n := range l {
			out = append(out, n.ID)
		}
		return out
	}
	if got := ids(Offer(places, &gap, "Gap", 30)); !slices.Equal(got, []string{"tallard", "mairie"}) {
		t.Errorf("offered near Gap: %v", got)
	}
	if got := ids(Offer(places, nil, "", 30)); !slices.Equal(got, []string{"toulon", "mairie", "ailleurs", "tallard"}) {
		t.Errorf("offered without a position: %v", got)
	}
}
