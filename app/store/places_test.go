package store

import (
	"context"
	"os"
	"testing"

	"pasapas/app/directory"
	"pasapas/assessment"
)

func TestPlacesAreReplacedWholeAndFoundByOrientation(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	f, err := os.Open("../directory/testdata/exemple-valide.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := directory.Import("exemple-valide.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	example := res.Places
	france := directory.Place{ID: "fs-die", Name: "France Services de Die", Address: "1 rue, 26150 Die",
		Services: []string{"Aide aux démarches administratives"}, Orientations: []string{assessment.ToAccompany, assessment.DoOnBehalf}}
	if err := s.ReplacePlaces(ctx, append(example, france)); err != nil {
		t.Fatal(err)
	}
	all, err := s.Places(ctx)
	// The position and commune come back as imported.
	if err != nil || len(all) != 2 || all[0].Name != "Anonymal" || len(all[0].Services) != 3 || all[0].Commune != "Reims" ||
		!all[0].HasPosition || all[0].Position != example[0].Position || all[1].HasPosition {
		t.Fatalf("places %+v, %v", all, err)
	}
	for orientation, want := range map[string]int{assessment.ToAccompany: 1, assessment.DoOnBehalf: 2, assessment.Autonomous: 1, "a_form": 0} {
		got, err := s.PlacesFor(ctx, orientation)
		if err != nil || len(got) != want {
			t.Errorf("PlacesFor(%s): %d places, %v; want %d", orientation, len(got), err, want)
		}
	}
	if err := s.ReplacePlaces(ctx, []directory.Place{france}); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Places(ctx); len(all) != 1 {
		t.Fatalf("%d places after replacing with one", len(all))
	}
}
