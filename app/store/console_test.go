package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"pasapas/app/activity"
	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
)

// inParis runs the test in the kiosk's usual time zone, whose clocks change
// on the last Sundays of March and October.
func inParis(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	old := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = old })
	return loc
}

// visit stores a whole session started at start, lasting d, with an
// assessment result (nil: none) and events.
func visit(t *testing.T, s *Store, start time.Time, d time.Duration, result *assessment.Result, events ...session.Event) session.Record {
	t.Helper()
	ctx := context.Background()
	rec, err := s.CreateSession(ctx, session.Record{ID: uuid.NewString(), KioskID: "k", Lang: "fr", Started: start})
	if err != nil {
		t.Fatal(err)
	}
	if result != nil {
		if err := s.SaveAssessment(ctx, rec.ID, *result); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range events {
		if e.At.IsZero() {
			e.At = start
		}
		if err := s.AddEvent(ctx, rec.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EndSession(ctx, rec.ID, session.Finished, start.Add(d)); err != nil {
		t.Fatal(err)
	}
	return rec
}

// result is an assessment result: orientation, needs, then domain/level
// pairs.
func result(orientation string, needs []string, levels ...any) *assessment.Result {
	r := &assessment.Result{Orientation: orientation, Needs: needs}
	for i := 0; i+1 < len(levels); i += 2 {
		r.Levels = append(r.Levels, assessment.DomainLevel{Domain: levels[i].(string), Level: levels[i+1].(int)})
	}
	return r
}

func ev(kind string, kv ...string) session.Event {
	p := session.Payload{}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return session.Event{Kind: kind, Payload: p}
}

func TestStatsCountEachSessionOnItsLocalDayAcrossDST(t *testing.T) {
	paris := inParis(t)
	s := openTemp(t)
	ctx := context.Background()
	// 29 March 2026: 02:00 becomes 03:00, the day has 23 hours.
	springDay := time.Date(2026, 3, 29, 0, 30, 0, 0, paris)
	visit(t, s, springDay, 20*time.Minute, result("a_former", []string{"caf", "impots"}, "internet", 1, "safety", 2, "device", -1))
	visit(t, s, time.Date(2026, 3, 29, 23, 30, 0, 0, paris), 45*time.Minute, result("a_accompagner", []string{"caf"}, "internet", 0),
		ev(walkthrough.EventStarted, "proc", "caf-declaration"), ev(walkthrough.EventStuck, "proc", "caf-declaration", "step", "login"))
	visit(t, s, time.Date(2026, 3, 30, 0, 10, 0, 0, paris), 90*time.Minute, nil,
		ev(walkthrough.EventStarted, "proc", "caf-declaration"), ev(walkthrough.EventStuck, "proc", "caf-declaration", "step", "login"),
		ev(walkthrough.EventCompleted, "proc", "caf-declaration"))
	// 25 October 2026: 03:00 becomes 02:00, the day has 25 hours.
	visit(t, s, time.Date(2026, 10, 25, 23, 59, 0, 0, paris), time.Minute, nil)

	st, err := s.Stats(ctx, activity.NewPeriod(springDay, time.Date(2026, 10, 31, 12, 0, 0, 0, paris)))
	if err != nil {
		t.Fatal(err)
	}
	day := func(d string) int {
		for _, c := range st.PerDay {
			if c.Key == d {
				return c.N
			}
		}
		t.Fatalf("no day %s", d)
		return 0
	}
	if st.Sessions != 4 || day("2026-03-29") != 2 || day("2026-03-30") != 1 || day("2026-10-25") != 1 || day("2026-10-26") != 0 {
		t.Fatalf("per day wrong: %d sessions, %v", st.Sessions, st.PerDay[:3])
	}
	if got := st.Levels["internet"]; got != [4]int{1, 1, 0, 0} {
		t.Fatalf("web levels %v", got)
	}
	if st.Orientations[1] != (activity.Count{Key: "a_former", N: 1}) || st.Orientations[2].N != 1 {
		t.Fatalf("orientations %v", st.Orientations)
	}
	if st.Needs[0] != (activity.Count{Key: "caf", N: 2}) {
		t.Fatalf("needs %v", st.Needs)
	}
	if len(st.Walks) != 1 || st.Walks[0].Started != 2 || st.Walks[0].Completed != 1 || st.Walks[0].Stuck[0] != (activity.Count{Key: "login", N: 2}) {
		t.Fatalf("walks %+v", st.Walks)
	}
	if w := st.PerWeek(); w[0] != (activity.Count{Key: "2026-03-23", N: 2}) || w[1] != (activity.Count{Key: "2026-03-30", N: 1}) {
		t.Fatalf("weeks %v", w[:2])
	}
	// The 29th alone, a 23-hour day.
	one, _ := s.Stats(ctx, activity.NewPeriod(springDay, springDay))
	if one.Sessions != 2 || len(one.PerDay) != 1 {
		t.Fatalf("one day: %+v", one.PerDay)
	}
}

func TestListPagesNewestFirstAndFindsByCode(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	var recs []session.Record
	for i := 0; i < 25; i++ {
		// Two sessions per start time: the cursor must not skip ties.
		recs = append(recs, visit(t, s, start.Add(time.Duration(i/2)*time.Hour), time.Minute, nil))
	}
	var seen []session.Code
	var cur activity.Cursor
	for pages := 0; ; pages++ {
		page, err := s.ListSessions(ctx, cur, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range page.Sessions {
			seen = append(seen, x.Code)
		}
		if page.Next == nil {
			if pages != 2 {
				t.Fatalf("%d pages", pages+1)
			}
			break
		}
		cur = *page.Next
	}
	if len(seen) != 25 || seen[0] != recs[24].Code || seen[24] != recs[0].Code {
		t.Fatalf("listed %d sessions, first %s last %s", len(seen), seen[0], seen[len(seen)-1])
	}
	for _, typed := range []string{strings.ToLower(string(recs[3].Code)), recs[3].Code.String()} {
		code, err := session.ParseCode(typed)
		if err != nil {
			t.Fatal(err)
		}
		if sum, err := s.Summary(ctx, code); err != nil || sum.Code != recs[3].Code {
			t.Fatalf("search %q: %v", typed, err)
		}
	}
}

func TestDeleteSessionTakesItOutOfStatsAndFile(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	day := time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local)
	keep := visit(t, s, day, time.Minute, result("autonome", nil, "internet", 3))
	gone := visit(t, s, day, time.Minute, result("faire_pour", nil, "internet", 0), ev(walkthrough.EventStarted, "proc", "zzmarkerproc"))
	if err := s.DeleteSession(ctx, gone.Code); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Summary(ctx, gone.Code); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted session still found: %v", err)
	}
	st, _ := s.Stats(ctx, activity.NewPeriod(day, day))
	if st.Sessions != 1 || st.Levels["internet"] != [4]int{0, 0, 0, 1} || len(st.Walks) != 0 {
		t.Fatalf("stats after delete: %+v", st)
	}
	if _, err := s.Summary(ctx, keep.Code); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, f := range []string{s.Path(), s.Path() + "-wal"} {
		data, _ := os.ReadFile(f)
		if bytes.Contains(data, []byte("zzmarkerproc")) || bytes.Contains(data, []byte(gone.Code)) {
			t.Fatalf("%s still holds the deleted session", f)
		}
	}
}

func TestPurgeAtTheRetentionBoundary(t *testing.T) {
	paris := inParis(t)
	s := openTemp(t)
	ctx := context.Background()
	// The cutoff is a midnight right after the autumn clock change.
	cutoff := time.Date(2026, 10, 26, 0, 0, 0, 0, paris)
	old := visit(t, s, cutoff.Add(-time.Minute), time.Minute, nil, ev(walkthrough.EventStarted, "proc", "zzoldproc"))
	kept := visit(t, s, cutoff, time.Minute, nil)
	n, err := s.Purge(ctx, cutoff.Add(15*time.Hour)) // any time of the day: purges before its midnight
	if err != nil || n != 1 {
		t.Fatalf("purged %d, %v; want 1", n, err)
	}
	if _, err := s.Summary(ctx, old.Code); !errors.Is(err, ErrNotFound) {
		t.Fatal("the old session survived")
	}
	if _, err := s.Summary(ctx, kept.Code); err != nil {
		t.Fatal("the session of the cutoff day was purged")
	}
	st, _ := s.Stats(ctx, activity.NewPeriod(cutoff.AddDate(0, 0, -3), cutoff))
	if st.Sessions != 1 {
		t.Fatalf("stats still count %d sessions", st.Sessions)
	}
	if n, _ := s.Purge(ctx, cutoff); n != 0 {
		t.Fatalf("second purge removed %d", n)
	}
	s.Close()
	for _, f := range []string{s.Path(), s.Path() + "-wal"} {
		if data, _ := os.ReadFile(f); bytes.Contains(data, []byte("zzoldproc")) {
			t.Fatalf("%s still holds the purged session", f)
		}
	}
}

// TestV3SummariesAreCarriedOver builds a file of schema version 3, whose
// summaries were JSON, and checks version 4 reads them the same.
func TestV3SummariesAreCarriedOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	old, err := openAt(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	start := time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local)
	code := oldSession(t, old, "s-1", start)
	old.db.Exec(`UPDATE sessions SET status = 'finished', ended_at = ? WHERE id = 's-1'`, toMillis(start.Add(12*time.Minute)))
	if _, err := old.db.Exec(`INSERT INTO session_summaries (session_id, day, facts) VALUES ('s-1', '2026-11-02', ?)`,
		`{"orientation":"a_former","levels":{"safety":1,"device":2},"needs":["caf","impots"],"walkthroughs":[{"procedure":"caf-declaration","completed":true,"stuck_steps":["login","amounts"],"missing_documents":["rib"]},{"procedure":"email-creer","completed":false}]}`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Summary(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	want := activity.Facts{Orientation: "a_former", Levels: map[string]int{"device": 2, "safety": 1}, Needs: []string{"caf", "impots"},
		Walks: []activity.Walk{{Procedure: "caf-declaration", Completed: true, Stuck: []string{"login", "amounts"}, Missing: []string{"rib"}}, {Procedure: "email-creer"}}, Visit: 1}
	if !reflect.DeepEqual(got.Facts, want) || got.Duration != 12*time.Minute {
		t.Fatalf("carried over %+v, want %+v", got, want)
	}
	n := 0
	s.EachSummary(ctx, time.Time{}, time.Time{}, func(activity.Summary) error { n++; return nil })
	if n != 1 {
		t.Fatalf("export sees %d sessions", n)
	}
}
