package store

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"pasapas/app/activity"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/seeds"
)

// simulated is a store of n simulated sessions.
func simulated(t *testing.T, n int) *Store {
	t.Helper()
	s := openTemp(t)
	bank, err := assessment.Load(seeds.FS, assessment.Dir)
	if err != nil {
		t.Fatal(err)
	}
	walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	sim := activity.NewSimulator(rand.New(rand.NewPCG(3, 12)), activity.LastDays(time.Now(), 30), "borne-1", bank, walkthrough.NewSet(walks...))
	if err := s.Simulate(context.Background(), sim, n); err != nil {
		t.Fatal(err)
	}
	return s
}

// failingWriter takes limit bytes, then fails, as a USB stick that fills.
type failingWriter struct{ limit int }

var errStickFull = errors.New("stick full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.limit -= len(p); w.limit < 0 {
		return 0, errStickFull
	}
	return len(p), nil
}

// TestExportReadsAheadAndStopsOnAWriteError: the export, which reads the
// next sessions while it writes, gives every session once and in order,
// and a failing writer stops it with the writer's error.
func TestExportReadsAheadAndStopsOnAWriteError(t *testing.T) {
	n := 3*exportBatch + 17
	s := simulated(t, n)
	ctx := context.Background()
	var whole bytes.Buffer
	if got, err := s.Export(ctx, &whole, time.Time{}, time.Time{}, activity.FormatCSV, activity.Options{}); err != nil || got != n {
		t.Fatalf("exported %d sessions (%v), want %d", got, err, n)
	}
	var one bytes.Buffer
	w, _ := activity.NewWriter(&one, activity.FormatCSV, activity.Options{})
	if err := s.EachSummary(ctx, time.Time{}, time.Time{}, w.Write); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if !bytes.Equal(whole.Bytes(), one.Bytes()) {
		t.Fatal("the export differs from the sessions written one by one")
	}
	_, err := s.Export(ctx, &failingWriter{limit: whole.Len() / 3}, time.Time{}, time.Time{}, activity.FormatCSV, activity.Options{})
	if !errors.Is(err, errStickFull) {
		t.Fatalf("export to a full stick: %v", err)
	}
}
