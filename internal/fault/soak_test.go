package fault

import (
	"context"
	"database/sql"
	"runtime"
	"testing"
	"time"

	"pasapas/app"
	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
)

// day is one visitor after another through the kiosk core: the real
// start-up, session service and store, assessment answers and result,
// walkthrough events, and the printed summary rendered to PDF.
type day struct {
	t *testing.T
	k *app.Kiosk
	// walk is a procedure of the built-in content and its steps.
	walk *walkthrough.Procedure
}

// visitor runs session i: every third one is left (abandoned), the others
// finish; every one has its summary rendered, as Imprimer mon résumé does.
func (d day) visitor(i int) {
	t, k := d.t, d.k
	rec, err := k.Sessions.Start("fr")
	if err != nil {
		t.Fatal(err)
	}
	answers := []assessment.Answer{
		{Item: "device.tap", Code: assessment.OutcomeOK, Via: assessment.ViaPointer},
		{Item: "web.search", Code: assessment.AnswerAlone},
		{Item: "needs", Code: assessment.Chosen, Needs: []string{"caf", "impots"}},
	}
	for _, a := range answers {
		it, _ := k.Content.Questions.Item(a.Item)
		if err := k.Sessions.Record(assessment.EventAnswer, a.Payload(it.Kind)); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Assessments.SaveAssessment(context.Background(), rec.ID, k.Content.Questions.Score(answers)); err != nil {
		t.Fatal(err)
	}
	record := func(kind string, p session.Payload) {
		if err := k.Sessions.Record(kind, p); err != nil {
			t.Fatal(err)
		}
	}
	record(walkthrough.Started(d.walk.ID))
	for _, st := range d.walk.Steps[:min(3, len(d.walk.Steps))] {
		record(walkthrough.StepDone(d.walk.ID, st.ID, 20+i%40, "", i%2))
	}
	if _, err := app.RenderSummary(context.Background(), k.Store, k.Content, rec.Code); err != nil {
		t.Fatal(err)
	}
	if i%3 == 0 {
		err = k.Sessions.Abandon()
	} else {
		err = k.Sessions.Finish()
	}
	if err != nil {
		t.Fatal(err)
	}
}

// memory is the live heap (after collection) and the goroutines.
func memory() (heap uint64, goroutines int) {
	runtime.GC()
	runtime.GC() // the first collection's finalizers free more
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, runtime.NumGoroutine()
}

// TestLongDay drives PASAPAS_SOAK_SESSIONS visitors (default 200; the
// issue's long day is 2000) through the kiosk core and checks that the
// live heap and the goroutines come back to what they were after the
// first visitors: a leak of a few kilobytes per visitor would show.
func TestLongDay(t *testing.T) {
	n := envInt(t, "PASAPAS_SOAK_SESSIONS", 200)
	k, err := app.Open(t.TempDir(), quietLog())
	if err != nil {
		t.Fatal(err)
	}
	defer k.Store.Close()
	all := k.Content.Walkthroughs.All()
	if len(all) == 0 {
		t.Fatal("no walkthrough in the built-in content")
	}
	d := day{t: t, k: k, walk: all[0]}
	// Warm-up: caches, prepared statements and the font subsetter settle.
	const warm = 20
	for i := range warm {
		d.visitor(i)
	}
	heap0, g0 := memory()
	start := time.Now()
	for i := range n {
		d.visitor(warm + i)
	}
	elapsed := time.Since(start)
	heap1, g1 := memory()
	t.Logf("%d visitors in %v (%v each): live heap %.1f → %.1f MiB, goroutines %d → %d",
		n, elapsed.Round(time.Millisecond), (elapsed / time.Duration(n)).Round(time.Microsecond),
		mib(heap0), mib(heap1), g0, g1)
	// 2 MiB: room for the runtime's own bookkeeping, far below what a leak
	// of the summaries (~50 KB each) or of the sessions would leave.
	const slack = 2 << 20
	if heap1 > heap0+slack {
		t.Errorf("live heap grew by %.1f MiB over %d visitors", mib(heap1-heap0), n)
	}
	if g1 > g0 {
		t.Errorf("%d goroutines left behind", g1-g0)
	}
	db, err := sql.Open("sqlite3", k.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ended int
	if err := db.QueryRow(`SELECT count(*) FROM sessions WHERE status != 'active'`).Scan(&ended); err != nil || ended != n+warm {
		t.Fatalf("%d sessions ended in the file, want %d (%v)", ended, n+warm, err)
	}
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
