package report_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"pasapas/app/apptest"
	"pasapas/printing"
)

func TestSummaryOfAStoredSession(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "en")
	s, _ := apptest.StoredSummary(t, dir, code)
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
