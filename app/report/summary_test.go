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

// TestSummaryOfAReturningVisitor: the visitor came back with their code and
// retook the assessment. The mediator page compares the two visits, the
// visitor page says what went up; their first visit's summary has neither.
func TestSummaryOfAReturningVisitor(t *testing.T) {
	dir := t.TempDir()
	first, again := apptest.ReturningSession(t, dir, "en")
	s, _ := apptest.StoredSummary(t, dir, again)
	p := s.Progress
	if p == nil {
		t.Fatal("no progress on a returning visitor's summary")
	}
	if got := p.Since.Format("02/01/2006"); got != "23/11/2026" {
		t.Errorf("since %s, want the first visit's day", got)
	}
	var up []string
	for _, l := range p.Levels {
		if l.Now > l.Then {
			up = append(up, l.Domain)
		}
	}
	if len(up) != 1 || up[0] != "Faire une démarche en ligne" || len(p.Better) != 1 || p.Better[0] == up[0] {
		t.Errorf("went up: %q (mediator), %q (visitor, in English)", up, p.Better)
	}
	// CAF, finished this time, is on the mediator's list; the visitor's
	// page already says it among what they can do.
	if len(p.Finished) != 1 || !strings.Contains(p.Finished[0], "CAF") || len(p.FinishedSince) != 0 {
		t.Errorf("finished since: %q / %q", p.Finished, p.FinishedSince)
	}
	if p.EarlierOrientation == "" {
		t.Error("no earlier orientation")
	}
	if s1, _ := apptest.StoredSummary(t, dir, first); s1.Progress != nil {
		t.Errorf("a first visit shows progress: %+v", s1.Progress)
	}
}
