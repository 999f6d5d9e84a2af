package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"pasapas/app/session"
	"pasapas/assessment"
)

func TestAssessmentRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc := session.NewService(s, "kiosk-1", func() time.Time { return now })
	rec, err := svc.Start("fr")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.AssessmentOf(ctx, rec.ID); ok || err != nil {
		t.Fatalf("a fresh session has an assessment (%v)", err)
	}
	answers := []struct {
		kind assessment.Kind
		a    assessment.Answer
	}{
		{assessment.Select, assessment.Answer{Item: "screen.pointer", Code: "yes", Millis: 2100, Accuracy: -1}},
		{assessment.Tap, assessment.Answer{Item: "device.tap", Code: "failed", Millis: 9000, Misses: 4, Via: assessment.ViaPointer, Accuracy: -1}},
		{assessment.Tap, assessment.Answer{Item: "device.tap", Code: "hard", Millis: 7000, Misses: 3, Via: assessment.ViaKeyboard, Accuracy: -1}},
		{assessment.Type, assessment.Answer{Item: "device.type", Code: "ok", Millis: 5000, Via: assessment.ViaKeyboard, Accuracy: 100}},
		{assessment.Self, assessment.Answer{Item: "comm.email", Code: "helped", Millis: 3000, Accuracy: -1}},
	}
	for _, x := range answers {
		if err := svc.Record(assessment.EventAnswer, x.a.Payload(x.kind)); err != nil {
			t.Fatal(err)
		}
	}
	want := assessment.Result{
		Levels: []assessment.DomainLevel{
			{Domain: "device", Level: 2, DigComp: 2, Autonomy: assessment.GuidedIfNeeded},
			{Domain: "safety", Level: assessment.Unknown},
		},
		Exercises: []assessment.Exercise{
			{Item: "device.tap", Kind: assessment.Tap, Outcome: "hard", Via: assessment.ViaKeyboard, Misses: 3, Millis: 7000, Accuracy: -1},
			{Item: "device.type", Kind: assessment.Type, Outcome: "ok", Via: assessment.ViaKeyboard, Millis: 5000, Accuracy: 100},
		},
		Answers:     map[string]string{"screen.pointer": "yes", "comm.email": "helped"},
		Needs:       []string{"impots", "caf"},
		Orientation: assessment.ToTrain,
	}
	if err := s.SaveAssessment(ctx, rec.ID, want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.AssessmentOf(ctx, rec.ID)
	if err != nil || !ok {
		t.Fatalf("read back: ok=%v err=%v", ok, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back\n %+v\nwant\n %+v", got, want)
	}

	// Taken a second time: the new result replaces the first.
	want.Orientation, want.Needs, want.ShortPath = assessment.DoOnBehalf, []string{"retraite"}, true
	want.Levels = want.Levels[:1]
	if err := s.SaveAssessment(ctx, rec.ID, want); err != nil {
		t.Fatal(err)
	}
	got, _, _ = s.AssessmentOf(ctx, rec.ID)
	if got.Orientation != assessment.DoOnBehalf || !got.ShortPath || !reflect.DeepEqual(got.Needs, want.Needs) || len(got.Levels) != 1 {
		t.Fatalf("second result %+v", got)
	}
	if _, _, err := s.AssessmentOf(ctx, "no-such-id"); err != ErrNotFound {
		t.Fatalf("unknown session: %v", err)
	}
	if err := s.SaveAssessment(ctx, "no-such-id", want); err == nil {
		t.Fatal("saved on a session that does not exist")
	}
}

func TestAssessmentRefusesOutOfRangeLevels(t *testing.T) {
	s := openTemp(t)
	rec, err := s.CreateSession(context.Background(), session.Record{ID: "u-1", KioskID: "k", Lang: "fr", Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	bad := assessment.Result{Orientation: assessment.Autonomous, Levels: []assessment.DomainLevel{{Domain: "device", Level: 7}}}
	if err := s.SaveAssessment(context.Background(), rec.ID, bad); err == nil {
		t.Fatal("a level of 7 was stored")
	}
	if _, ok, _ := s.AssessmentOf(context.Background(), rec.ID); ok {
		t.Fatal("a failed save left a partial assessment")
	}
}
