package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pasapas/app/activity"
	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
)

// comeBack stores a finished session started at at, linked to earlier (nil:
// a first visit), with levels (nil: no assessment) and completed
// walkthroughs, through the session service as the kiosk does.
func comeBack(t *testing.T, s *Store, at time.Time, earlier *session.Record, accompanied bool, levels map[string]int, done ...string) session.Record {
	t.Helper()
	ctx := context.Background()
	now := at
	svc := session.NewService(s, "k", func() time.Time { return now })
	rec, err := svc.StartVisit("fr", session.Visit{Earlier: earlier, Accompanied: accompanied})
	if err != nil {
		t.Fatal(err)
	}
	if levels != nil {
		r := assessment.Result{Orientation: assessment.ToTrain}
		for _, d := range []string{"device", "internet", "safety"} {
			if l, ok := levels[d]; ok {
				r.Levels = append(r.Levels, assessment.DomainLevel{Domain: d, Level: l, DigComp: 1, Autonomy: assessment.Guided})
			}
		}
		if err := s.SaveAssessment(ctx, rec.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, proc := range done {
		now = now.Add(time.Minute)
		if err := svc.Record(walkthrough.Started(proc)); err != nil {
			t.Fatal(err)
		}
		if err := svc.Record(walkthrough.Completed(proc, 60)); err != nil {
			t.Fatal(err)
		}
	}
	now = at.Add(25 * time.Minute)
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestReturningVisitorChain: a visitor comes back with their code, retakes
// the assessment; the new session is linked by internal id, its progress,
// statistics and export rows say so, and no row holds the other code.
func TestReturningVisitorChain(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	day := time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local)
	first := comeBack(t, s, day, nil, false, map[string]int{"device": 1, "internet": 2, "safety": 2})
	pad := session.NewCodePad(s, func(now time.Time) time.Time { return activity.RetentionCutoff(now, 30) }, func() time.Time { return day.AddDate(0, 0, 7) })
	found, err := pad.Find(ctx, strings.ToLower(first.Code.String()))
	if err != nil || found.ID != first.ID {
		t.Fatalf("Find(%s) = %+v, %v", first.Code, found, err)
	}
	second := comeBack(t, s, day.AddDate(0, 0, 7), &found, false, nil, "caf-declaration")
	// The first paper's code leads to the latest visit.
	if found, err = pad.Find(ctx, string(first.Code)); err != nil || found.ID != second.ID {
		t.Fatalf("Find(first code) after a second visit = %+v, %v", found, err)
	}
	third := comeBack(t, s, day.AddDate(0, 0, 14), &found, true, map[string]int{"device": 2, "internet": 2, "safety": 1}, "ameli-attestation")

	var stored string
	if err := s.db.QueryRow(`SELECT earlier_id FROM sessions WHERE id = ?`, third.ID).Scan(&stored); err != nil || stored != second.ID {
		t.Fatalf("third visit's link %q (%v), want the second's id", stored, err)
	}
	p, err := s.Progress(ctx, third.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := activity.Progress{Visit: 3, Since: day, EarlierOrientation: assessment.ToTrain,
		EarlierLevels: map[string]int{"device": 1, "internet": 2, "safety": 2},
		Levels:        []activity.LevelChange{{Domain: "device", Then: 1, Now: 2}, {Domain: "internet", Then: 2, Now: 2}, {Domain: "safety", Then: 2, Now: 1}},
		Finished:      []string{"caf-declaration", "ameli-attestation"}}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("progress %+v\nwant %+v", p, want)
	}
	// The console's detail of any visit links to the whole chain.
	for _, rec := range []session.Record{first, second, third} {
		visits, err := s.Visits(ctx, rec.Code)
		if err != nil || len(visits) != 3 || visits[0].Code != first.Code || visits[1].Code != second.Code || visits[2].Code != third.Code {
			t.Fatalf("visits around %s: %d, %v", rec.Code, len(visits), err)
		}
	}
	if p, _ := s.Progress(ctx, first.ID); p.Visit != 1 || p.Returning() {
		t.Fatalf("first visit's progress %+v", p)
	}

	st, err := s.Stats(ctx, activity.NewPeriod(day, day.AddDate(0, 0, 20)))
	if err != nil {
		t.Fatal(err)
	}
	if st.Sessions != 3 || st.Returning != 2 || st.Retook != 1 || st.Accompanied != 1 ||
		st.Progress["device"] != [3]int{0, 0, 1} || st.Progress["internet"] != [3]int{0, 1, 0} || st.Progress["safety"] != [3]int{1, 0, 0} {
		t.Fatalf("stats: %d sessions, %d returning, %d retook, %d accompanied, progress %v", st.Sessions, st.Returning, st.Retook, st.Accompanied, st.Progress)
	}

	var buf bytes.Buffer
	if _, err := s.Export(ctx, &buf, time.Time{}, time.Time{}, activity.FormatCSV, activity.Options{}); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("export of %d rows (%v)", len(rows), err)
	}
	line := func(i int) string { return strings.Join(rows[i], ";") }
	for i, rec := range []session.Record{first, second, third} {
		for j, other := range []session.Record{first, second, third} {
			if i != j && strings.Contains(line(i+1), other.Code.String()) {
				t.Errorf("row of visit %d holds the code of visit %d: %s", i+1, j+1, line(i+1))
			}
		}
		if !strings.Contains(line(i+1), rec.Code.String()) {
			t.Errorf("row %d lacks its own code", i+1)
		}
	}
	if !strings.HasSuffix(line(1), ";Non;1;") || !strings.HasSuffix(line(2), ";Non;2;") ||
		!strings.HasSuffix(line(3), ";Oui;3;device : +1, internet : =, safety : -1") {
		t.Fatalf("chain columns:\n%s\n%s\n%s", line(1), line(2), line(3))
	}
	// The accompanied visit is an accompaniment of its 25 minutes.
	if rows[3][1] != "Accompagnement individuel" || rows[3][8] != "25" {
		t.Errorf("accompanied visit's row: %s", line(3))
	}
}

// TestCodePadWrongExpiredAndSlowed: wrong codes count, the third makes the
// pad wait a minute (even for a right code, even after a restart), an
// expired code is told apart and not counted.
func TestCodePadWrongExpiredAndSlowed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pasapas.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)
	old := comeBack(t, s, now.AddDate(0, 0, -40), nil, false, nil)
	recent := comeBack(t, s, now.AddDate(0, 0, -3), nil, false, nil)
	clock := func() time.Time { return now }
	cutoff := func(at time.Time) time.Time { return activity.RetentionCutoff(at, 30) }
	pad := session.NewCodePad(s, cutoff, clock)

	if _, err := pad.Find(ctx, string(old.Code)); !errors.Is(err, session.ErrExpiredCode) {
		t.Fatalf("expired code: %v", err)
	}
	if _, err := pad.Find(ctx, "AB"); !errors.Is(err, session.ErrBadCode) {
		t.Fatalf("two characters: %v", err)
	}
	unknown := "ZZZZZZ"
	if unknown == string(recent.Code) || unknown == string(old.Code) {
		unknown = "YYYYYY"
	}
	for i, want := range []error{session.ErrUnknownCode, session.ErrUnknownCode, session.ErrPadSlowed} {
		if _, err := pad.Find(ctx, unknown); !errors.Is(err, want) {
			t.Fatalf("wrong code %d: %v, want %v", i+1, err, want)
		}
	}
	now = now.Add(30 * time.Second)
	if _, err := pad.Find(ctx, string(recent.Code)); !errors.Is(err, session.ErrPadSlowed) {
		t.Fatalf("right code while the pad waits: %v", err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pad = session.NewCodePad(s, cutoff, clock)
	if wait, err := pad.Wait(); err != nil || wait != 30*time.Second {
		t.Fatalf("after a restart the pad waits %v (%v), want 30s", wait, err)
	}
	now = now.Add(31 * time.Second)
	if rec, err := pad.Find(ctx, string(recent.Code)); err != nil || rec.ID != recent.ID {
		t.Fatalf("right code after the wait: %+v, %v", rec, err)
	}
	// The right code cleared the count: two wrong ones do not slow it.
	for range 2 {
		if _, err := pad.Find(ctx, unknown); !errors.Is(err, session.ErrUnknownCode) {
			t.Fatalf("wrong code after a right one: %v", err)
		}
	}
}

// TestChainLinkGoesWithEitherSession: purging or deleting the earlier
// session clears the later one's link; deleting the later one takes its
// link and its share of the returning statistics.
func TestChainLinkGoesWithEitherSession(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2026, 10, 1, 10, 0, 0, 0, time.Local)
	earlierOf := func(s *Store, rec session.Record) string {
		t.Helper()
		got, err := s.SessionByCode(ctx, rec.Code)
		if err != nil {
			t.Fatal(err)
		}
		return got.Earlier
	}
	t.Run("purge", func(t *testing.T) {
		s := openTemp(t)
		a := comeBack(t, s, day, nil, false, map[string]int{"device": 1})
		b := comeBack(t, s, day.AddDate(0, 0, 40), &a, false, map[string]int{"device": 2})
		if earlierOf(s, b) != a.ID {
			t.Fatal("not linked")
		}
		if n, err := s.Purge(ctx, day.AddDate(0, 0, 10)); err != nil || n != 1 {
			t.Fatalf("purged %d, %v", n, err)
		}
		if got := earlierOf(s, b); got != "" {
			t.Fatalf("link %q survives the purge", got)
		}
		if chain, err := s.Chain(ctx, b.ID); err != nil || len(chain) != 1 {
			t.Fatalf("chain after the purge: %d, %v", len(chain), err)
		}
	})
	t.Run("delete the earlier", func(t *testing.T) {
		s := openTemp(t)
		a := comeBack(t, s, day, nil, false, nil)
		b := comeBack(t, s, day.AddDate(0, 0, 1), &a, false, nil)
		if err := s.DeleteSession(ctx, a.Code); err != nil {
			t.Fatal(err)
		}
		if got := earlierOf(s, b); got != "" {
			t.Fatalf("link %q survives the delete", got)
		}
		// b stays a returning visit in the statistics: it was one.
		if st, _ := s.Stats(ctx, activity.NewPeriod(day, day.AddDate(0, 0, 1))); st.Sessions != 1 || st.Returning != 1 {
			t.Fatalf("stats after deleting the earlier visit: %+v", st)
		}
	})
	t.Run("delete the later", func(t *testing.T) {
		s := openTemp(t)
		a := comeBack(t, s, day, nil, false, map[string]int{"device": 1})
		b := comeBack(t, s, day.AddDate(0, 0, 1), &a, false, map[string]int{"device": 2})
		if err := s.DeleteSession(ctx, b.Code); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sessions WHERE earlier_id IS NOT NULL`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%d links left (%v)", n, err)
		}
		if err := s.db.QueryRow(`SELECT count(*) FROM day_counts WHERE metric IN (?, ?, ?)`,
			activity.MetricReturning, activity.MetricRetook, activity.MetricProgress).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%d returning counters left (%v)", n, err)
		}
	})
}
