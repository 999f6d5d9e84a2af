package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

func TestContentRejectedIsRaised(t *testing.T) {
	// The centre's content loaders (question bank, walkthroughs) land
	// separately; the board only needs their report.
	board := health.NewBoard(nil)
	_, report, err := LoadContent(filepath.Join(t.TempDir(), ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	report.Add("questions/x.yaml", content.Centre, &content.Error{File: "questions/x.yaml", Line: 3, Msg: "bad"})
	raiseRejectedContent(board, report)
	if got := board.List(); len(got) != 1 || got[0].Kind != health.ContentRejected {
		t.Fatalf("alerts %+v", got)
	}
}

// TestFailedAssessmentSaveIsRaised: the assessment result is written
// through the same watch as sessions, so its failure reaches the console.
func TestFailedAssessmentSaveIsRaised(t *testing.T) {
	k, err := Open(t.TempDir(), logrus.New())
	if err != nil {
		t.Fatal(err)
	}
	k.Store.Close() // every write now fails
	if err := k.Assessments.SaveAssessment(context.Background(), "id", assessment.Result{}); err == nil {
		t.Fatal("saved on a closed store")
	}
	if !k.Health.Has(health.StorageError) {
		t.Fatalf("alerts %+v, want storage.error", k.Health.List())
	}
}

// TestStaleWalkthroughIsRaised: a walkthrough checked more than 12 months
// before the (injected) day raises one alert naming it; one checked within
// the year raises none.
func TestStaleWalkthroughIsRaised(t *testing.T) {
	old := &walkthrough.Procedure{ID: "caf", Title: walkthrough.Text{"fr": "CAF : déclaration"}, File: "walkthroughs/04-caf.yaml",
		Source: walkthrough.Source{URL: "https://www.caf.fr/", Checked: "2025-12-01"}}
	recent := &walkthrough.Procedure{ID: "ameli", Title: walkthrough.Text{"fr": "ameli"}, File: "walkthroughs/03-ameli.yaml",
		Source: walkthrough.Source{URL: "https://www.ameli.fr/", Checked: "2026-01-15"}}
	walks := walkthrough.NewSet(old, recent)
	day := time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local)
	board := health.NewBoard(func() time.Time { return day })
	raiseStaleWalkthroughs(board, walks, day)
	got := board.List()
	if len(got) != 1 || got[0].Kind != health.ContentStale || got[0].Detail != "CAF : déclaration (walkthroughs/04-caf.yaml, vérifiée le 01/12/2025)" {
		t.Fatalf("alerts %+v", got)
	}
	// A year to the day is not stale yet.
	board = health.NewBoard(nil)
	raiseStaleWalkthroughs(board, walks, time.Date(2026, 12, 1, 18, 0, 0, 0, time.Local))
	if len(board.List()) != 0 {
		t.Fatalf("alerts on the anniversary: %+v", board.List())
	}
}
