package walkthrough

import (
	"testing"

	"pasapas/app/session"
)

func TestProgressReadsASessionsEvents(t *testing.T) {
	caf := &Procedure{ID: "caf", Bring: []Document{{Code: "rib", Label: Text{"fr": "Votre RIB"}}},
		Steps: []Step{{ID: "login", Title: Text{"fr": "Se connecter"}}, {ID: "check", Title: Text{"fr": "Vérifier"}}, {ID: "confirm"}}}
	ameli := &Procedure{ID: "ameli", Steps: []Step{{ID: "a"}, {ID: "b"}}}
	set := NewSet(caf, ameli)
	ev := ev2
	events := []session.Event{
		{Kind: "session.lang", Payload: session.Payload{"lang": "fr"}},
		ev(Started("caf")),
		ev(Missing("caf", "rib")),
		ev(Missing("caf", "rib")),
		ev(StepDone("caf", "login", 40, PracticeDone, 1)),
		ev(Stuck("caf", "check", 90, StuckTip)),
		ev(Stuck("caf", "check", 30, StuckMediator)),
		ev(Abandoned("caf", "check", 200)),
		ev(Started("ameli")),
		ev(StepDone("ameli", "a", 10, "", 0)),
		ev(Stuck("ameli", "b", 20, StuckRetry)),
		ev(StepDone("ameli", "b", 15, "", 0)),
		ev(Completed("ameli", 50)),
		ev(Started("gone")),
		ev(Stuck("gone", "x", 5, StuckRetry)),
	}
	got := Progress(session.Each(events), set)
	if len(got) != 3 {
		t.Fatalf("%d entries: %+v", len(got), got)
	}
	c := got[0]
	if c.ID != "caf" || !c.Started || c.Completed || c.StepsDone != 1 || !c.AskedMediator || c.Seconds != 200 {
		t.Errorf("caf: %+v", c)
	}
	if len(c.Missing) != 1 || c.Missing[0].Label.In("en") != "Votre RIB" {
		t.Errorf("caf missing: %+v", c.Missing)
	}
	if c.Stuck == nil || c.Stuck.Number != 2 || c.Stuck.Of != 3 || c.Stuck.Label("fr", "étape 2 sur 3") != "étape 2 sur 3 : Vérifier" || c.Stuck.Label("fr", "") != "2/3 : Vérifier" {
		t.Errorf("caf stuck: %+v", c.Stuck)
	}
	a := got[1]
	if !a.Completed || a.Stuck != nil || a.StepsDone != 2 || a.Seconds != 50 || a.AskedMediator {
		t.Errorf("ameli: %+v", a)
	}
	g := got[2]
	if g.Procedure != nil || g.Stuck == nil || g.Stuck.Number != 0 || g.Stuck.Label("fr", "") != "x" || g.Seconds != 5 {
		t.Errorf("unknown procedure: %+v %+v", g, g.Stuck)
	}
	if Progress(session.Each(nil), set) == nil || len(Progress(session.Each(nil), nil)) != 0 {
		t.Error("no events must give an empty list")
	}
}

func TestEventBuildersMakeValidEvents(t *testing.T) {
	for _, e := range []session.Event{
		ev2(Started("ft-inscription")), ev2(Missing("caf", "caf_number")),
		ev2(StepDone("caf", "login", 3, PracticeSkipped, 0)), ev2(Stuck("caf", "login", 3, StuckRetry)),
		ev2(Completed("caf", 300)), ev2(Abandoned("caf", "login", 4)),
	} {
		if err := session.ValidateEvent(e); err != nil {
			t.Errorf("%+v: %v", e, err)
		}
	}
}

func ev2(kind string, p session.Payload) session.Event { return session.Event{Kind: kind, Payload: p} }
