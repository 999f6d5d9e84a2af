// Package apptest makes, through the real store and session service, the
// stored visits that the tests of app's packages read back.
package apptest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"pasapas/app"
	"pasapas/app/directory"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
)

// Marker stands for something a visitor typed. Were a screen ever to slip
// it into an event, the summary must still not print it: it prints words
// looked up from codes, never stored values.
const Marker = "MOTSECRET42"

// VisitedSession stores, through the real session service and the real
// question bank, a visitor who took the self-assessment, finished the
// e-mail walkthrough and got stuck at step 1 of the CAF one without their
// claimant number.
func VisitedSession(t *testing.T, dataDir, lang string) session.Code {
	t.Helper()
	st, err := store.OpenDataDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for k, v := range map[string]string{
		settings.CentreName:    "Espace numérique de la Villeneuve",
		settings.CentreAddress: "12 rue des Tilleuls, 38100 Grenoble",
		settings.CentreHours:   "Du lundi au vendredi, 9 h - 17 h",
	} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc := session.NewService(st, "borne-1", func() time.Time { now = now.Add(time.Minute); return now })
	rec, err := svc.Start(lang)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := app.LoadContent(filepath.Join(dataDir, app.ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	answers := FirstAnswers()
	for _, a := range answers {
		it, ok := c.Questions.Item(a.Item)
		if !ok {
			t.Fatalf("no item %s in the bank", a.Item)
		}
		if it.Kind != assessment.Needs {
			if err := svc.Record(assessment.EventAnswer, a.Payload(it.Kind)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.SaveAssessment(ctx, rec.ID, c.Questions.Score(answers)); err != nil {
		t.Fatal(err)
	}
	if err := st.ReplacePlaces(ctx, []directory.Place{
		{ID: "fs-mistral", Name: "France services Mistral", Address: "8 place Saint-Bruno, Grenoble", Phone: "04 76 00 00 00", Hours: "Lundi 9 h - 12 h", Orientations: []string{"a_accompagner", "faire_pour"}},
		{ID: "biblio", Name: "Atelier de la bibliothèque", Address: "Grand'Place, Grenoble", Orientations: []string{"a_former"}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, ev := range [][2]any{
		pair(walkthrough.Started("email")),
		pair(walkthrough.Completed("email", 300)),
		pair(walkthrough.Started("caf")),
		pair(walkthrough.Missing("caf", "nir")),
		pair(walkthrough.Stuck("caf", "login", 40, walkthrough.StuckMediator)),
		{"assessment.type", session.Payload{"typed": Marker}},
	} {
		if err := svc.Record(ev[0].(string), ev[1].(session.Payload)); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	return rec.Code
}

// FirstAnswers are the answers of VisitedSession's self-assessment.
func FirstAnswers() []assessment.Answer {
	return []assessment.Answer{
		{Item: "device.tap", Code: assessment.OutcomeOK, Misses: 2, Millis: 4000, Accuracy: -1},
		{Item: "device.doubleclick", Code: assessment.OutcomeHard, Misses: 5, Millis: 9000, Accuracy: -1},
		// The visitor typed the marker; only its accuracy is kept.
		{Item: "device.type", Code: assessment.OutcomeOK, Millis: 7000, Accuracy: 100},
		{Item: "web.search", Code: assessment.AnswerAlone, Accuracy: -1},
		{Item: "web.icon.close", Code: "close", Accuracy: -1},
		{Item: "comm.email", Code: assessment.AnswerHelped, Accuracy: -1},
		{Item: "comm.photo", Code: assessment.AnswerAlone, Accuracy: -1},
		{Item: "proc.account", Code: assessment.AnswerCannot, Accuracy: -1},
		{Item: "proc.franceconnect", Code: assessment.AnswerUnknown, Accuracy: -1},
		{Item: "needs", Code: assessment.Chosen, Needs: []string{"caf", "ameli"}},
	}
}

// ReturningSession is the visitor of VisitedSession coming back on 1
// December with their code: they retake the self-assessment, can now make
// an account on their own, and finish the CAF walkthrough they were stuck
// in. It returns both codes.
func ReturningSession(t *testing.T, dataDir, lang string) (first, again session.Code) {
	t.Helper()
	first = VisitedSession(t, dataDir, lang)
	st, err := store.OpenDataDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	earlier, err := st.SessionByCode(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC)
	svc := session.NewService(st, "borne-1", func() time.Time { now = now.Add(time.Minute); return now })
	rec, err := svc.StartVisit(lang, session.Visit{Earlier: &earlier})
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := app.LoadContent(filepath.Join(dataDir, app.ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	answers := FirstAnswers()
	for i, a := range answers {
		if a.Item == "proc.account" || a.Item == "proc.franceconnect" {
			answers[i].Code = assessment.AnswerAlone
		}
	}
	if err := st.SaveAssessment(ctx, rec.ID, c.Questions.Score(answers)); err != nil {
		t.Fatal(err)
	}
	for _, ev := range [][2]any{pair(walkthrough.Started("caf")), pair(walkthrough.Completed("caf", 600))} {
		if err := svc.Record(ev[0].(string), ev[1].(session.Payload)); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	return first, rec.Code
}

func pair(kind string, p session.Payload) [2]any { return [2]any{kind, p} }

// StoredSummary reads back the summary of the session with code in dir,
// with the content it was read with.
func StoredSummary(t *testing.T, dir string, code session.Code) (printing.Summary, *app.Content) {
	t.Helper()
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, _, err := app.LoadContent(filepath.Join(dir, app.ContentDirName))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Report(st).Summary(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}
