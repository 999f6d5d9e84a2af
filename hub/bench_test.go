package hub_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"pasapas/app"
	"pasapas/app/activity"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
	"pasapas/hub"
	"pasapas/hub/pgtest"
)

// templateSessions are sessions of a real kiosk store with simulated
// visitors over a year, as they leave it: the benchmarks push copies of
// them under fresh ids.
func templateSessions(b *testing.B, n int) []kiosksync.Session {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(b.TempDir(), "pasapas.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	c, _, err := app.LoadContent(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	sim := activity.NewSimulator(rand.New(rand.NewPCG(7, 0)), activity.LastDays(time.Now(), 365), "borne-1", c.Questions, c.Walkthroughs)
	if err := st.Simulate(ctx, sim, n); err != nil {
		b.Fatal(err)
	}
	out, err := st.Outbox(ctx, n)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkIngest200Kiosks: 200 kiosks of 50 centres push at once over
// loopback HTTP, MaxBatch sessions a request, into a real PostgreSQL with
// its partitions and rollups. One iteration is one request; the metric is
// sessions stored per second. make bench runs it with -benchtime 1x; for
// the README's figure: -benchtime 2000x (1 000 000 sessions).
func BenchmarkIngest200Kiosks(b *testing.B) {
	const kiosks, centres = 200, 50
	ctx := context.Background()
	dbURL := pgtest.Database(b)
	a, err := hub.OpenAdmin(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	tokens := make([]string, centres)
	for i := range tokens {
		if tokens[i], err = a.AddCentre(ctx, fmt.Sprintf("Lieu %02d", i+1)); err != nil {
			b.Fatal(err)
		}
	}
	a.Close(ctx)
	db, err := hub.OpenDB(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	srv := newServer(b, db)
	// Each kiosk pushes its sessions in day order, as one catching up
	// after a week offline does: 20 000 sessions over a year, so a batch
	// of 500 spans about nine days.
	template := templateSessions(b, 20000)
	sort.Slice(template, func(i, j int) bool { return template[i].Day < template[j].Day })
	requests := atomic.Int64{}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: kiosks}}
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	start := time.Now()
	for k := range kiosks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			kioskID := fmt.Sprintf("borne-%d", k/centres+1)
			batch := make([]kiosksync.Session, kiosksync.MaxBatch)
			next := k * len(template) / kiosks
			for requests.Add(1) <= int64(b.N) {
				for i := range batch {
					s := template[next%len(template)]
					next++
					s.ID, s.Kiosk = uuid.NewString(), kioskID
					batch[i] = s
				}
				body, _ := json.Marshal(kiosksync.Batch{Sessions: batch})
				req, _ := http.NewRequest(http.MethodPost, srv+kiosksync.Path, strings.NewReader(string(body)))
				req.Header.Set("Authorization", "Bearer "+tokens[k%centres])
				resp, err := client.Do(req)
				if err == nil && resp.StatusCode != http.StatusOK {
					err = fmt.Errorf("%s", resp.Status)
				}
				if resp != nil {
					resp.Body.Close()
				}
				if err != nil {
					failed.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	sessions := b.N * kiosksync.MaxBatch
	b.ReportMetric(float64(sessions)/elapsed.Seconds(), "sessions/s")
	b.ReportMetric(0, "ns/op")
	b.Logf("%d sessions from %d kiosks in %v", sessions, kiosks, elapsed.Round(time.Millisecond))
}

// newServer serves the hub over loopback HTTP for a benchmark.
func newServer(b *testing.B, db *hub.DB) string {
	b.Helper()
	srv := &http.Server{Handler: hub.NewHandler(db, hub.Labels{}, nil)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// yearSessions is how many sessions BenchmarkYearView's year holds: 200
// centres, every day of 2025. The default, 1 000 000, keeps make bench to a
// minute or two; the README's figures are for
// PASAPAS_HUB_BENCH_SESSIONS=10000000 (about 8 minutes to generate here).
func yearSessions() int {
	if n, err := strconv.Atoi(os.Getenv("PASAPAS_HUB_BENCH_SESSIONS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

var yearOnce struct {
	sync.Once
	url, cookie string
	sessions    int
	built       time.Duration
	err         error
}

// BenchmarkYearView is the dashboard's year for a coordinator, over the
// rollups of yearSessions() sessions of 200 centres: the whole page (two
// queries and the HTML) through HTTP, for the calendar year (whole months:
// month_counts only) and for 365 days ending mid-month (the edges from
// day_counts). The rollups are generated in SQL with generate_series, in
// the proportions of a simulated kiosk's (its keys and their frequency per
// session): pushing 10 000 000 sessions one by one would take hours here.
func BenchmarkYearView(b *testing.B) {
	yearOnce.Do(func() { yearOnce.url, yearOnce.cookie, yearOnce.sessions, yearOnce.built, yearOnce.err = buildYear(b) })
	if yearOnce.err != nil {
		b.Fatal(yearOnce.err)
	}
	b.Logf("%d sessions of 200 centres in the rollups, generated in %v", yearOnce.sessions, yearOnce.built.Round(time.Second))
	for _, c := range []struct{ name, from, to string }{
		{"calendar-year", "2025-01-01", "2025-12-31"},
		{"365-days-mid-month", "2025-01-16", "2026-01-15"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				req, _ := http.NewRequest(http.MethodGet, yearOnce.url+"/?"+url.Values{"from": {c.from}, "to": {c.to}}.Encode(), nil)
				req.AddCookie(&http.Cookie{Name: "pasapas_session", Value: yearOnce.cookie})
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				page, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `id="total">`) {
					b.Fatalf("%s %v: %.300s", resp.Status, err, page)
				}
			}
		})
	}
}

func buildYear(b *testing.B) (string, string, int, time.Duration, error) {
	ctx := context.Background()
	dbURL := pgtest.Database(b)
	db, err := hub.OpenDB(ctx, dbURL)
	if err != nil {
		return "", "", 0, 0, err
	}
	start := time.Now()
	// The keys of a simulated kiosk's counters and how often a session
	// adds to each.
	template := templateSessions(b, 2000)
	freq := map[[2]string]float64{}
	for _, s := range template {
		sum, _ := s.Summary()
		for _, c := range sum.Counters() {
			if c.Metric != activity.MetricSessions {
				freq[[2]string{c.Metric, c.Key}] += 1 / float64(len(template))
			}
		}
	}
	var metrics, keys []string
	var freqs []float64
	for k, f := range freq {
		metrics, keys, freqs = append(metrics, k[0]), append(keys, k[1]), append(freqs, f)
	}
	const centres = 200
	perDay := yearSessions() / (centres * 365)
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return "", "", 0, 0, err
	}
	defer conn.Close(ctx)
	a, err := hub.OpenAdmin(ctx, dbURL)
	if err != nil {
		return "", "", 0, 0, err
	}
	if err := a.AddUser(ctx, "coord", password, ""); err != nil {
		return "", "", 0, 0, err
	}
	a.Close(ctx)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`SET pasapas.scope = 'all'`, nil},
		{`INSERT INTO centres (name, token_hash) SELECT 'Lieu ' || i, sha256(i::text::bytea) FROM generate_series(1, $1) i`, []any{centres}},
		{`INSERT INTO day_counts (centre_id, day, metric, key, n)
SELECT c.id, d::date, 'sessions', '', $1 FROM centres c, generate_series('2025-01-01'::date, '2025-12-31', '1 day') d`, []any{perDay}},
		{`INSERT INTO day_counts (centre_id, day, metric, key, n)
SELECT c.id, d::date, k.metric, k.key, n FROM centres c, generate_series('2025-01-01'::date, '2025-12-31', '1 day') d,
	unnest($1::text[], $2::text[], $3::float8[]) k (metric, key, freq),
	LATERAL (SELECT round($4 * k.freq * (0.5 + random()))::bigint AS n) x
WHERE x.n > 0`, []any{metrics, keys, freqs, perDay}},
		{`INSERT INTO month_counts (centre_id, month, metric, key, n)
SELECT centre_id, date_trunc('month', day)::date, metric, key, sum(n) FROM day_counts GROUP BY 1, 2, 3, 4`, nil},
		{`INSERT INTO territory_day_counts (day, metric, key, n) SELECT day, metric, key, sum(n) FROM day_counts GROUP BY 1, 2, 3`, nil},
		{`INSERT INTO territory_month_counts (month, metric, key, n) SELECT month, metric, key, sum(n) FROM month_counts GROUP BY 1, 2, 3`, nil},
		{`ANALYZE`, nil},
	} {
		if _, err := conn.Exec(ctx, q.sql, q.args...); err != nil {
			return "", "", 0, 0, fmt.Errorf("%.60s: %w", q.sql, err)
		}
	}
	built := time.Since(start)
	srv := newServer(b, db)
	cookie, err := loginCookie(srv)
	return srv, cookie, perDay * centres * 365, built, err
}

// loginCookie logs in as the coordinator through the form.
func loginCookie(base string) (string, error) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/login")
	if err != nil {
		return "", err
	}
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return "", err
	}
	_, rest, _ := strings.Cut(string(page), `name="csrf" value="`)
	csrf, _, _ := strings.Cut(rest, `"`)
	form := url.Values{"login": {"coord"}, "password": {password}, "csrf": {csrf}}
	req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range resp.Cookies() {
		req.AddCookie(c)
	}
	resp, err = client.Do(req)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "pasapas_session" {
			return c.Value, nil
		}
	}
	return "", fmt.Errorf("login: %s", resp.Status)
}
