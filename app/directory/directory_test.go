package directory

import (
	"os"
	"slices"
	"strings"
	"testing"

	"pasapas/assessment"
)

func TestTheStandardsOwnExampleIsValid(t *testing.T) {
	f, err := os.Open("testdata/exemple-valide.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	places, errs := Parse("exemple-valide.csv", f)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p := places[0]
	if len(places) != 1 || p.ID != "structure-1" || p.Name != "Anonymal" || !strings.Contains(p.Address, "51100 Reims") ||
		p.Email != "contact@laquincaillerie.tl" || p.Hours != "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00" {
		t.Fatalf("place %+v", p)
	}
	// Workshops and self-service, Aidants Connect: every orientation but
	// accompanied procedures (no "Aide aux démarches administratives").
	if want := []string{assessment.Autonomous, assessment.ToTrain, assessment.DoOnBehalf}; !slices.Equal(p.Orientations, want) {
		t.Fatalf("orientations %v, want %v", p.Orientations, want)
	}
}

const header = "id;pivot;nom;commune;code_postal;adresse;date_maj;services;dispositif_programmes_nationaux\r\n"

func TestParseLocatesEveryError(t *testing.T) {
	csv := "\uFEFF" + header +
		"a;12345678900012;Médiathèque;Die;26150;1 rue Camille Buffardel;2024-05-01;Aide aux démarches administratives;France Services\r\n" +
		"b;123;EPN;Die;2615;\"2 place\nde l'Évêché\";2024-13-01;Cuisine;\r\n" +
		"a;12345678900012;;Die;26150;3 rue;2024-05-01;;\r\n"
	_, errs := Parse("lieux.csv", strings.NewReader(csv))
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`lieux.csv:3: pivot: « 123 » ne suit pas le standard`,
		`lieux.csv:3: code_postal: « 2615 » ne suit pas le standard`,
		`lieux.csv:3: date_maj: « 2024-13-01 » n'est pas une date AAAA-MM-JJ`,
		`lieux.csv:3: services: « Cuisine » ne suit pas le standard`,
		`lieux.csv:5: nom: obligatoire, vide`,
		`lieux.csv:5: id: « a » déjà utilisé ligne 2`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseRefusesAFileWithoutTheStandardsColumns(t *testing.T) {
	_, errs := Parse("lieux.csv", strings.NewReader("name,address\nEPN,1 rue\n"))
	if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "lieux.csv:1: id: colonne obligatoire absente") {
		t.Fatalf("errors %v", errs)
	}
	_, errs = Parse("vide.csv", strings.NewReader(header))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "aucun lieu") {
		t.Fatalf("errors %v", errs)
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
