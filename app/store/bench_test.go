package store

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"pasapas/app/activity"
	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/seeds"
)

// benchSessions is the size of the benchmarks' database: a busy centre's
// many years, far beyond a 90-day retention, so the figures are a ceiling.
const benchSessions = 100_000

var (
	benchOnce  sync.Once
	benchStore *Store
	benchErr   error
)

// bigStore opens the benchmarks' database of benchSessions simulated
// sessions over the last year. Building it takes minutes, so it is built
// only by a benchmark, never by go test, and kept in the system's temporary
// folder for the next run (its name carries the schema version).
func bigStore(b *testing.B) *Store {
	benchOnce.Do(func() {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("pasapas-bench-%d-v%d.db", benchSessions, SchemaVersion()))
		if _, err := os.Stat(path); err == nil {
			benchStore, benchErr = Open(path)
			return
		}
		tmp := path + ".building"
		os.Remove(tmp)
		s, err := Open(tmp)
		if err != nil {
			benchErr = err
			return
		}
		start := time.Now()
		bank, err := assessment.Load(seeds.FS, assessment.Dir)
		if err != nil {
			benchErr = err
			return
		}
		walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
		if len(errs) > 0 {
			benchErr = errs[0]
			return
		}
		sim := activity.NewSimulator(rand.New(rand.NewPCG(2026, 11)), activity.LastDays(time.Now(), 365), "borne-1", bank, walkthrough.NewSet(walks...))
		if benchErr = s.Simulate(context.Background(), sim, benchSessions); benchErr != nil {
			return
		}
		s.checkpoint()
		s.Close()
		fmt.Fprintf(os.Stderr, "built %s with %d sessions in %s\n", path, benchSessions, time.Since(start).Round(time.Second))
		if benchErr = os.Rename(tmp, path); benchErr == nil {
			benchStore, benchErr = Open(path)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

// BenchmarkStatsYear: the console's statistics over a year (target ≤ 100 ms).
func BenchmarkStatsYear(b *testing.B) {
	s := bigStore(b)
	p := activity.LastDays(time.Now(), 365)
	b.ResetTimer()
	for b.Loop() {
		st, err := s.Stats(context.Background(), p)
		if err != nil || st.Sessions == 0 {
			b.Fatal(st.Sessions, err)
		}
	}
}

// BenchmarkCodeSearch: finding a session by the code a mediator types,
// with its summary (target ≤ 5 ms).
func BenchmarkCodeSearch(b *testing.B) {
	s := bigStore(b)
	page, err := s.ListSessions(context.Background(), activity.Cursor{}, 500)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		typed := string(page.Sessions[i%len(page.Sessions)].Code)
		code, err := session.ParseCode(typed)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Summary(context.Background(), code); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSessionPage: one page of the session list, deep in the list.
func BenchmarkSessionPage(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	page, _ := s.ListSessions(ctx, activity.Cursor{}, 50_000)
	deep := *page.Next
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ListSessions(ctx, deep, 10); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportCSV: the CSV export of every session (target ≤ 1 s).
func BenchmarkExportCSV(b *testing.B) {
	s := bigStore(b)
	b.ResetTimer()
	for b.Loop() {
		n, err := s.Export(context.Background(), io.Discard, time.Time{}, time.Time{}, activity.FormatCSV, activity.Options{})
		if err != nil || n != benchSessions {
			b.Fatal(n, err)
		}
	}
}
