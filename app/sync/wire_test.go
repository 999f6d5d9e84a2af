package sync

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"pasapas/app/activity"
)

// TestReturningVisitLeavesAsNumbers: a returning visit's chain facts pass
// as small numbers; anything else is refused.
func TestReturningVisitLeavesAsNumbers(t *testing.T) {
	base := Session{ID: uuid.NewString(), Kiosk: "Borne accueil", Day: "2026-11-02", Seconds: 600, Status: "finished", Lang: "fr",
		Facts: activity.Facts{Levels: map[string]int{"device": 2}, Visit: 3, Changes: map[string]int{"device": 1}}}
	if err := base.Validate(); err != nil {
		t.Fatalf("returning visit refused: %v", err)
	}
	for name, edit := range map[string]func(*Session){
		"change out of range": func(s *Session) { s.Changes = map[string]int{"device": 7} },
		"change of free text": func(s *Session) { s.Changes = map[string]int{"Mme Dupont": 1} },
		"negative visit":      func(s *Session) { s.Visit = -1 },
	} {
		s := base
		edit(&s)
		if err := s.Validate(); err == nil || !strings.Contains(err.Error(), s.ID) {
			t.Errorf("%s: accepted (%v)", name, err)
		}
	}
}
