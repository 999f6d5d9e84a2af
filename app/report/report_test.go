package report_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pasapas/app"
	"pasapas/app/apptest"
	"pasapas/app/report"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
)

// reader reads the database of dir with the built-in content and the
// centre's of dir.
func reader(t *testing.T, dir string) report.Reader {
	t.Helper()
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, _, err := app.LoadContent(filepath.Join(dir, app.ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	return c.Report(st)
}

// event is a walkthrough event as its builders return it.
type event struct {
	kind    string
	payload map[string]string
}

func ev(kind string, payload map[string]string) event { return event{kind, payload} }

// walked stores, through the real session service, a French session whose
// only events are events, ended, and returns its code.
func walked(t *testing.T, st *store.Store, events ...event) session.Code {
	t.Helper()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc := session.NewService(st, "borne-1", func() time.Time { now = now.Add(time.Minute); return now })
	rec, err := svc.Start("fr")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := svc.Record(e.kind, e.payload); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	return rec.Code
}

// TestSessionAsTheMediatorReadsIt: the console's words for a stored visit
// (self-assessment, one walkthrough done, one stuck without a document).
func TestSessionAsTheMediatorReadsIt(t *testing.T) {
	dir := t.TempDir()
	code := apptest.VisitedSession(t, dir, "en")
	s, err := reader(t, dir).Session(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"code", s.Code, code},
		{"started", s.Started.UTC(), time.Date(2026, 11, 23, 10, 1, 0, 0, time.UTC)},
		{"duration", s.Duration, 16 * time.Minute},
		{"status", s.Status, session.Finished},
		{"kiosk", s.KioskID, "borne-1"},
		{"language", s.Language, "English"},
		{"orientation", s.Orientation, "À accompagner"},
		{"autonomy", s.Autonomy, "Autonome avec guidage en cas de besoin"},
		{"needs", s.Needs, []string{"CAF", "ameli"}},
		{"levels", s.Levels, []report.Level{
			{Domain: "communicate", Name: "Communiquer", Level: 3},
			{Domain: "device", Name: "Utiliser un appareil", Level: 3},
			{Domain: "internet", Name: "Naviguer sur internet", Level: 3},
			{Domain: "procedures", Name: "Démarches en ligne", Level: 0},
		}},
		{"exercises", s.Exercises, []string{"Touche ou clique avec précision.", "Le double-clic est difficile.", "Écrit un mot au clavier sans faute."}},
		{"walks", len(s.Walks), 2},
		{"events", len(s.Events), 15},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %#v, want %#v", c.what, c.got, c.want)
		}
	}
	// The words are looked up from codes: what a visitor typed, had a
	// screen slipped it into an event, is in none of them.
	s.Events = nil
	if words := fmt.Sprintf("%+v", s); strings.Contains(words, apptest.Marker) {
		t.Errorf("the session's words hold a stored value: %s", words)
	}
}

// TestWalksAsTheMediatorReadsThem: each way a walkthrough can end is told
// once, in the console's line and in the printed row made from it, and
// the visitor page says what to bring and what to do next.
func TestWalksAsTheMediatorReadsThem(t *testing.T) {
	const (
		caf     = "CAF : déclaration trimestrielle"
		nir     = "Votre numéro de sécurité sociale (carte Vitale)"
		cafDocs = 4 // what the CAF procedure asks to bring
	)
	for _, c := range []struct {
		name   string
		events []event
		text   string
		row    printing.Walkthrough
		docs   int
		next   string // what the visitor page's next step names
	}{
		{
			name:   "completed",
			events: []event{ev(walkthrough.Started("email")), ev(walkthrough.StepDone("email", "open", 30, "", 0)), ev(walkthrough.Completed("email", 300))},
			text:   "Créer une adresse e-mail : terminée",
			row:    printing.Walkthrough{Title: "Créer une adresse e-mail", State: printing.WalkCompleted, Steps: 10},
		},
		{
			name:   "stuck, asked the mediator",
			events: []event{ev(walkthrough.Started("caf")), ev(walkthrough.Stuck("caf", "login", 40, walkthrough.StuckMediator))},
			text:   caf + " : pas terminée · bloqué à : Étape 1 sur 8 : Se connecter",
			row:    printing.Walkthrough{Title: caf, State: printing.WalkStuck, Step: 1, Steps: 8, StepTitle: "Se connecter"},
			docs:   cafDocs,
			next:   caf,
		},
		{
			name: "stuck, then past it and left",
			events: []event{ev(walkthrough.Started("caf")), ev(walkthrough.Stuck("caf", "login", 40, walkthrough.StuckRetry)),
				ev(walkthrough.StepDone("caf", "login", 60, "", 0)), ev(walkthrough.StepDone("caf", "open", 20, "", 0)), ev(walkthrough.Abandoned("caf", "months", 200))},
			text: caf + " : pas terminée",
			row:  printing.Walkthrough{Title: caf, State: printing.WalkStarted, Step: 2, Steps: 8},
			docs: cafDocs,
		},
		{
			name:   "without a document",
			events: []event{ev(walkthrough.Started("caf")), ev(walkthrough.Missing("caf", "nir"))},
			text:   caf + " : pas terminée · documents manquants : " + nir,
			row:    printing.Walkthrough{Title: caf, State: printing.WalkStarted, Steps: 8, Missing: []string{nir}},
			docs:   cafDocs,
		},
		{
			name:   "a procedure the content no longer has",
			events: []event{ev(walkthrough.Started("ancienne")), ev(walkthrough.StepDone("ancienne", "x", 10, "", 0))},
			text:   "ancienne : pas terminée",
			row:    printing.Walkthrough{Title: "ancienne", State: printing.WalkStarted, Step: 1},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := reader(t, t.TempDir())
			code := walked(t, r.Store.(*store.Store), c.events...)
			s, err := r.Session(context.Background(), code)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Walks) != 1 {
				t.Fatalf("walks %+v", s.Walks)
			}
			w := s.Walks[0]
			if w.Text != c.text {
				t.Errorf("console line %q, want %q", w.Text, c.text)
			}
			if !reflect.DeepEqual(w.Walkthrough, c.row) {
				t.Errorf("row %+v, want %+v", w.Walkthrough, c.row)
			}
			paper, err := r.Summary(context.Background(), code)
			if err != nil {
				t.Fatal(err)
			}
			if len(paper.Walkthroughs) != 1 || !reflect.DeepEqual(paper.Walkthroughs[0], w.Walkthrough) {
				t.Errorf("printed %+v, console %+v", paper.Walkthroughs, w.Walkthrough)
			}
			if len(paper.Visitor.Documents) != c.docs || (c.docs > 0 && len(w.Missing) > 0 && paper.Visitor.Documents[0] != w.Missing[0]) {
				t.Errorf("documents to bring %q", paper.Visitor.Documents)
			}
			if next := paper.Visitor.NextStep; (c.next == "") != (next == "") || !strings.Contains(next, c.next) {
				t.Errorf("next step %q, want one naming %q", next, c.next)
			}
			done := row(paper.Visitor.CanDo, w.Title)
			if done != (c.row.State == printing.WalkCompleted) {
				t.Errorf("what the visitor can do %q", paper.Visitor.CanDo)
			}
		})
	}
}

// row reports whether a line of lines names title.
func row(lines []string, title string) bool {
	for _, l := range lines {
		if strings.Contains(l, title) {
			return true
		}
	}
	return false
}

func TestUnknownCodeIsNotFound(t *testing.T) {
	r := reader(t, t.TempDir())
	code, err := session.ParseCode("ZZZ-ZZZ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Session(context.Background(), code); err != store.ErrNotFound {
		t.Fatalf("%v, want store.ErrNotFound", err)
	}
}
