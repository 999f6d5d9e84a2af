package hub_test

import (
	"bytes"
	"context"
	encodingcsv "encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/xuri/excelize/v2"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"pasapas/app"
	"pasapas/app/activity"
	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
	"pasapas/hub"
	"pasapas/hub/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

const password = "un mot de passe assez long"

// network is a hub on a real PostgreSQL, served over loopback HTTP, with
// two centres, a coordinator and a user of the first centre.
type network struct {
	url     string // the database
	srv     *httptest.Server
	db      *hub.DB
	tokens  map[string]string
	centres []string
}

func newNetwork(t *testing.T) *network { return newNetworkNamed(t, hub.Labels{}) }

// newNetworkNamed is newNetwork with the dashboard naming codes by labels.
func newNetworkNamed(t *testing.T, labels hub.Labels) *network {
	t.Helper()
	ctx := context.Background()
	n := &network{url: pgtest.Database(t), tokens: map[string]string{}, centres: []string{"Médiathèque Nord", "France Services Sud"}}
	a, err := hub.OpenAdmin(ctx, n.url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	for _, c := range n.centres {
		if n.tokens[c], err = a.AddCentre(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.AddUser(ctx, "coord", password, ""); err != nil {
		t.Fatal(err)
	}
	if err := a.AddUser(ctx, "nord", password, n.centres[0]); err != nil {
		t.Fatal(err)
	}
	if n.db, err = hub.OpenDB(ctx, n.url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.db.Close)
	n.srv = httptest.NewServer(hub.NewHandler(n.db, labels, log.New(os.Stderr, "hub: ", 0)))
	t.Cleanup(n.srv.Close)
	return n
}

// kiosk is a real kiosk store with simulated visitors, set to push to srv.
func kiosk(t *testing.T, hubURL, token string, sessions int, seed uint64) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "pasapas.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, _, err := app.LoadContent(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sim := activity.NewSimulator(rand.New(rand.NewPCG(seed, 0)), activity.LastDays(time.Now(), 30), "borne-1", c.Questions, c.Walkthroughs)
	if err := st.Simulate(ctx, sim, sessions); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{settings.SyncURL: hubURL, settings.SyncToken: token} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// stats asks the API as login, with query (from, to, centre).
func stats(t *testing.T, base, login string, query url.Values) hub.StatsJSON {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/stats?"+query.Encode(), nil)
	req.SetBasicAuth(login, password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("stats as %s: %s %s", login, resp.Status, body)
	}
	var s hub.StatsJSON
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// figures flattens statistics into "metric/key" → count, to add them up.
func figures(sessions int, perDay, status, durations, orientations, needs []activity.Count, levels map[string][4]int, walks []activity.WalkStats) map[string]int {
	out := map[string]int{"sessions": sessions}
	add := func(metric string, c []activity.Count) {
		for _, x := range c {
			if x.N != 0 {
				out[metric+"/"+x.Key] += x.N
			}
		}
	}
	add("day", perDay)
	add("status", status)
	add("duration", durations)
	add("orientation", orientations)
	add("need", needs)
	for d, lv := range levels {
		for l, n := range lv {
			if n != 0 {
				out[fmt.Sprintf("level/%s:%d", d, l)] += n
			}
		}
	}
	for _, w := range walks {
		out["walk.started/"+w.Procedure] += w.Started
		out["walk.done/"+w.Procedure] += w.Completed
		add("walk.stuck/"+w.Procedure, w.Stuck)
	}
	return out
}

func kioskFigures(t *testing.T, st *store.Store, p activity.Period) map[string]int {
	s, err := st.Stats(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return figures(s.Sessions, s.PerDay, s.Status, s.Durations, s.Orientations, s.Needs, s.Levels, s.Walks)
}

func hubFigures(s hub.StatsJSON) map[string]int {
	back := func(c []hub.CountJSON) []activity.Count {
		out := make([]activity.Count, len(c))
		for i, x := range c {
			out[i] = activity.Count{Key: x.Key, N: x.N}
		}
		return out
	}
	var walks []activity.WalkStats
	for _, w := range s.Walks {
		walks = append(walks, activity.WalkStats{Procedure: w.Procedure, Started: w.Started, Completed: w.Completed, Stuck: back(w.Stuck)})
	}
	return figures(s.Sessions, back(s.PerDay), back(s.Status), back(s.Durations), back(s.Orientations), back(s.Needs), s.Levels, walks)
}

func sum(a, b map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range a {
		out[k] += v
	}
	for k, v := range b {
		out[k] += v
	}
	return out
}

func diff(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	bad := 0
	for k, v := range want {
		if got[k] != v {
			bad++
			if bad <= 5 {
				t.Errorf("%s: %s = %d, want %d", what, k, got[k], v)
			}
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s = %d, not in the kiosks'", what, k, v)
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d figures differ", what, bad)
	}
}

// TestTwoKiosksPushToTheHub is the "done when": two kiosks with
// simulated visitors push to a hub on a real PostgreSQL over loopback HTTP;
// pushing again changes nothing; the coordinator's figures equal the sum of
// the kiosks'; a centre's user sees only its own, even when it asks for
// the other centre; a wrong or revoked token gets 401.
func TestTwoKiosksPushToTheHub(t *testing.T) {
	n := newNetwork(t)
	ctx := context.Background()
	nord := kiosk(t, n.srv.URL, n.tokens[n.centres[0]], 700, 1)
	sud := kiosk(t, n.srv.URL, n.tokens[n.centres[1]], 400, 2)
	// What would leave the kiosk, kept to push it a second time.
	again, err := nord.Outbox(ctx, kiosksync.MaxBatch)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []struct {
		st   *store.Store
		want int
	}{{nord, 700}, {sud, 400}} {
		res, err := (&kiosksync.Pusher{Store: k.st}).Push(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res.Sent != k.want || res.Added != k.want {
			t.Errorf("push: %+v, want %d sent and added", res, k.want)
		}
		if left, _ := k.st.OutboxSize(ctx); left != 0 {
			t.Errorf("%d sessions left in the outbox", left)
		}
		if res, err := (&kiosksync.Pusher{Store: k.st}).Push(ctx); err != nil || res.Sent != 0 {
			t.Errorf("second push: %+v, %v; want nothing to send", res, err)
		}
	}
	p := activity.LastDays(time.Now(), 30)
	period := url.Values{"from": {p.First.Format(activity.DayLayout)}, "to": {p.Last.Format(activity.DayLayout)}}
	before := stats(t, n.srv.URL, "coord", period)

	// The hub's answer was lost: the kiosk pushes the same sessions again.
	body, _ := json.Marshal(kiosksync.Batch{Sessions: again})
	receipt := post(t, n.srv.URL+kiosksync.Path, n.tokens[n.centres[0]], body, http.StatusOK)
	if !strings.Contains(receipt, fmt.Sprintf(`"received":%d,"added":0`, len(again))) {
		t.Errorf("pushing again: %s, want %d received and none added", receipt, len(again))
	}
	coord := stats(t, n.srv.URL, "coord", period)
	diff(t, "after pushing again", hubFigures(coord), hubFigures(before))

	kioskNord, kioskSud := kioskFigures(t, nord, p), kioskFigures(t, sud, p)
	if coord.Sessions != 1100 {
		t.Errorf("coordinator: %d sessions, want 1100", coord.Sessions)
	}
	diff(t, "coordinator", hubFigures(coord), sum(kioskNord, kioskSud))

	own := stats(t, n.srv.URL, "nord", period)
	diff(t, "centre's user", hubFigures(own), kioskNord)
	// A crafted request for the other centre's rows finds none.
	period.Set("centre", "2")
	if other := stats(t, n.srv.URL, "nord", period); other.Sessions != 0 || len(other.Needs) != 0 {
		t.Errorf("the Nord user asking for centre 2 got %d sessions", other.Sessions)
	}
	if sudOnly := stats(t, n.srv.URL, "coord", period); sudOnly.Sessions != 400 {
		t.Errorf("coordinator, centre 2: %d sessions, want 400", sudOnly.Sessions)
	}

	post(t, n.srv.URL+kiosksync.Path, "not-a-token", body, http.StatusUnauthorized)
	post(t, n.srv.URL+kiosksync.Path, "", body, http.StatusUnauthorized)
	a, err := hub.OpenAdmin(ctx, n.url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	if err := a.RevokeCentre(ctx, n.centres[0]); err != nil {
		t.Fatal(err)
	}
	post(t, n.srv.URL+kiosksync.Path, n.tokens[n.centres[0]], body, http.StatusUnauthorized)
	// The revoked kiosk is told so and keeps its new session; the other
	// one's push works and clears its alert.
	board := health.NewBoard(nil)
	board.Raise(health.SyncFailing, "connection refused")
	for _, st := range []*store.Store{nord, sud} {
		endSession(t, st)
	}
	if _, err := (&kiosksync.Pusher{Store: nord}).Push(ctx); !errors.Is(err, kiosksync.ErrRefused) {
		t.Errorf("push with a revoked token: %v, want ErrRefused", err)
	}
	if left, _ := nord.OutboxSize(ctx); left != 1 {
		t.Errorf("revoked kiosk: %d sessions kept, want 1", left)
	}
	if res, err := (&kiosksync.Pusher{Store: sud, Board: board}).Push(ctx); err != nil || res.Added != 1 || board.Has(health.SyncFailing) {
		t.Errorf("push after failures: %+v, %v, alert still up: %v", res, err, board.Has(health.SyncFailing))
	}
}

// endSession stores one more ended visitor session in st.
func endSession(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	rec, err := st.CreateSession(ctx, session.Record{ID: uuid.NewString(), KioskID: "borne-1", Lang: "fr", Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EndSession(ctx, rec.ID, session.Finished, time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
}

func post(t *testing.T, endpoint, token string, body []byte, want int) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, endpoint, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("POST %s: %s %s, want %d", endpoint, resp.Status, got, want)
	}
	return string(got)
}

// TestNothingWithoutALogin: the dashboard sends to the login page, the
// API and the export answer 401, a wrong password too, and five wrong
// passwords lock the login for a while, the right one included.
func TestNothingWithoutALogin(t *testing.T) {
	n := newNetwork(t)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(n.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Errorf("dashboard without a login: %s to %q, want 303 to /login", resp.Status, resp.Header.Get("Location"))
	}
	for _, path := range []string{"/api/v1/stats", "/export?format=csv"} {
		resp, err := client.Get(n.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || strings.Contains(string(body), "Date") {
			t.Errorf("%s without a login: %s %q", path, resp.Status, body)
		}
	}
	// A forged session cookie is no login.
	req, _ := http.NewRequest(http.MethodGet, n.srv.URL+"/", nil)
	req.AddCookie(&http.Cookie{Name: "pasapas_session", Value: "forged"})
	if resp, err := client.Do(req); err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Errorf("forged cookie: %v %v", resp.Status, err)
	}
	basic := func(pw string) int {
		req, _ := http.NewRequest(http.MethodGet, n.srv.URL+"/api/v1/stats", nil)
		req.SetBasicAuth("coord", pw)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for range 5 {
		if got := basic("wrong"); got != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", got)
		}
	}
	if got := basic(password); got != http.StatusTooManyRequests {
		t.Errorf("right password after five wrong ones: %d, want 429", got)
	}
}

// TestLoginFlowOverHTTP logs in through the form: CSRF refused without the
// cookie's token, the session cookie HttpOnly, Secure and SameSite=Strict,
// the dashboard showing the total, logging out ending the session.
func TestLoginFlowOverHTTP(t *testing.T) {
	n := newNetwork(t)
	st := kiosk(t, n.srv.URL, n.tokens[n.centres[1]], 50, 3)
	if _, err := (&kiosksync.Pusher{Store: st}).Push(context.Background()); err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(n.srv.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(string(page))
	if csrf == nil {
		t.Fatalf("no CSRF field in the login page:\n%s", page)
	}
	var loginCookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "pasapas_login" {
			loginCookie = c
		}
	}
	form := url.Values{"login": {"coord"}, "password": {password}, "csrf": {csrf[1]}}
	// Without the cookie, the form's token alone is refused.
	resp, err = client.PostForm(n.srv.URL+"/login", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("login without the CSRF cookie: %s, want 403", resp.Status)
	}
	req, _ := http.NewRequest(http.MethodPost, n.srv.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(loginCookie)
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "pasapas_session" {
			session = c
		}
	}
	if resp.StatusCode != http.StatusSeeOther || session == nil {
		t.Fatalf("login: %s, cookies %v", resp.Status, resp.Cookies())
	}
	if !session.HttpOnly || !session.Secure || session.SameSite != http.SameSiteStrictMode {
		t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict", session)
	}
	get := func(path string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, n.srv.URL+path, nil)
		req.AddCookie(session)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/?period=30j")
	if code != http.StatusOK || !strings.Contains(body, ">50 sessions du ") {
		t.Fatalf("dashboard: %d\n%s", code, body)
	}
	if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
		t.Error("the dashboard refers to an external resource")
	}
	code, csv := get("/export?period=30j&format=csv")
	// Themes are one per line inside their cell, as in the Coop's export:
	// records are counted, not lines.
	r := encodingcsv.NewReader(strings.NewReader(csv))
	r.Comma = ';'
	records, err := r.ReadAll()
	if code != http.StatusOK || err != nil || len(records) != 51 || !strings.Contains(csv, "France Services Sud / borne-1") {
		t.Errorf("export: %d, %d records (%v):\n%.400s", code, len(records), err, csv)
	}
	// The Coop-shaped workbook: finished sessions only, one row each under
	// the Coop's header (row 6, after its "Informations export" block).
	code, xlsx := get("/export?period=30j&format=coop")
	book, err := excelize.OpenReader(strings.NewReader(xlsx))
	if code != http.StatusOK || err != nil {
		t.Fatalf("xlsx export: %d, %v", code, err)
	}
	rows, _ := book.GetRows(book.GetSheetName(0))
	finished := 0
	for _, rec := range records[1:] {
		if rec[1] != "" { // a Type: an accompaniment, not an abandoned session
			finished++
		}
	}
	if len(rows) != 5+finished+1 || finished == 0 || rows[5][0] != "Date" {
		t.Errorf("xlsx: %d rows for %d finished sessions; header %v", len(rows), finished, rows[min(5, len(rows)-1)])
	}
	mark := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body)
	req, _ = http.NewRequest(http.MethodPost, n.srv.URL+"/logout", strings.NewReader(url.Values{"csrf": {mark[1]}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(session)
	if resp, err := client.Do(req); err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %v", err)
	}
	if code, _ := get("/"); code != http.StatusSeeOther {
		t.Errorf("dashboard after logout: %d, want 303", code)
	}
}

// TestRowLevelSecurityHoldsInTheDatabase crafts queries as the serving
// role, as a handler with a bug would: without a scope no row shows, with
// a centre's scope only its rows, a filter for another centre finds
// nothing and writing into another centre is refused. The role has no
// BYPASSRLS and owns no table.
func TestRowLevelSecurityHoldsInTheDatabase(t *testing.T) {
	n := newNetwork(t)
	ctx := context.Background()
	kiosk1 := kiosk(t, n.srv.URL, n.tokens[n.centres[0]], 30, 4)
	kiosk2 := kiosk(t, n.srv.URL, n.tokens[n.centres[1]], 20, 5)
	for _, st := range []*store.Store{kiosk1, kiosk2} {
		if _, err := (&kiosksync.Pusher{Store: st}).Push(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// Each centre's kiosk asks for the pack: a row in kiosks each.
	for _, c := range n.centres {
		getPack(t, n.srv.URL, n.tokens[c], "kiosk=accueil&runs=0")
	}
	conn, err := pgx.Connect(ctx, n.url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var bypass, owns bool
	if err := conn.QueryRow(ctx, `SELECT rolbypassrls, EXISTS (SELECT FROM pg_tables WHERE tableowner = $1) FROM pg_roles WHERE rolname = $1`,
		hub.ServingRole).Scan(&bypass, &owns); err != nil {
		t.Fatal(err)
	}
	if bypass || owns {
		t.Fatalf("%s: BYPASSRLS %v, owns a table %v", hub.ServingRole, bypass, owns)
	}
	count := func(scope, query string) int {
		t.Helper()
		var got int
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SET LOCAL ROLE `+hub.ServingRole); err != nil {
				return err
			}
			if scope != "" {
				if _, err := tx.Exec(ctx, `SELECT set_config('pasapas.scope', $1, true)`, scope); err != nil {
					return err
				}
			}
			return tx.QueryRow(ctx, query).Scan(&got)
		})
		if err != nil {
			t.Fatalf("%s as scope %q: %v", query, scope, err)
		}
		return got
	}
	for _, c := range []struct {
		scope, query string
		want         int
	}{
		{"", `SELECT count(*) FROM sessions`, 0},
		{"", `SELECT count(*) FROM day_counts`, 0},
		{"", `SELECT count(*) FROM centres`, 0},
		{"1", `SELECT count(*) FROM sessions`, 30},
		{"1", `SELECT count(*) FROM sessions WHERE centre_id = 2`, 0},
		{"1", `SELECT coalesce(sum(n), 0) FROM month_counts WHERE metric = 'sessions'`, 30},
		{"1", `SELECT count(*) FROM centres`, 1},
		{"1 OR true", `SELECT count(*) FROM sessions`, 0},
		{"2", `SELECT count(*) FROM sessions`, 20},
		{"1", `SELECT count(*) FROM territory_month_counts`, 0},
		{"", `SELECT count(*) FROM territory_day_counts`, 0},
		{"all", `SELECT sum(n)::int FROM territory_month_counts WHERE metric = 'sessions'`, 50},
		{"all", `SELECT count(*) FROM sessions`, 50},
		{"", `SELECT count(*) FROM kiosks`, 0},
		{"1", `SELECT count(*) FROM kiosks`, 1},
		{"all", `SELECT count(*) FROM kiosks`, 2},
	} {
		if got := count(c.scope, c.query); got != c.want {
			t.Errorf("scope %q, %s: %d, want %d", c.scope, c.query, got, c.want)
		}
	}
	// Writing as centre 1 into centre 2 is refused by the policy.
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL ROLE `+hub.ServingRole+`; SELECT set_config('pasapas.scope', '1', true)`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO day_counts (centre_id, day, metric, key, n) VALUES (2, current_date, 'sessions', '', 1000)`)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "row-level security") {
		t.Errorf("writing into another centre: %v, want a row-level security violation", err)
	}
	// Reading a partition directly, around the policies, is not granted.
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL ROLE `+hub.ServingRole); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `SELECT count(*) FROM sessions_`+time.Now().Format("2006_01"))
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("reading a partition directly: %v, want permission denied", err)
	}
}

// TestMigrateFromEveryVersion builds the database at each older version
// with a row in each table it has, then lets the hub start on it: the
// schema reaches the last version and the rows are still there.
func TestMigrateFromEveryVersion(t *testing.T) {
	ctx := context.Background()
	for from := 0; from < hub.SchemaVersion(); from++ {
		t.Run(fmt.Sprintf("from_%d", from), func(t *testing.T) {
			dbURL := pgtest.Database(t)
			conn, err := pgx.Connect(ctx, dbURL)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			if err := hub.Migrate(ctx, conn, from); err != nil {
				t.Fatal(err)
			}
			if from >= 1 {
				if _, err := conn.Exec(ctx, `INSERT INTO centres (name, token_hash) VALUES ('Ancien lieu', '\x00')`); err != nil {
					t.Fatal(err)
				}
			}
			if from >= 2 {
				if _, err := conn.Exec(ctx, `SELECT hub_ensure_month('2026-01-15'); SET pasapas.scope = 'all';
INSERT INTO sessions (centre_id, session_id, day, kiosk_id, lang, status, seconds) VALUES (1, gen_random_uuid(), '2026-01-15', 'borne-1', 'fr', 'finished', 60)`); err != nil {
					t.Fatal(err)
				}
			}
			db, err := hub.OpenDB(ctx, dbURL)
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			if v, err := hub.Version(ctx, conn); err != nil || v != hub.SchemaVersion() {
				t.Fatalf("version %d (%v), want %d", v, err, hub.SchemaVersion())
			}
			var centres, sessions int
			if _, err := conn.Exec(ctx, `SET pasapas.scope = 'all'`); err != nil {
				t.Fatal(err)
			}
			if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM centres), (SELECT count(*) FROM sessions)`).Scan(&centres, &sessions); err != nil {
				t.Fatal(err)
			}
			if centres != min(from, 1) || sessions != min(max(from-1, 0), 1) {
				t.Errorf("after migrating: %d centres, %d sessions", centres, sessions)
			}
		})
	}
}

// TestPlainHTTPOnlyOnLoopback: without a certificate the hub listens only
// on a loopback address.
func TestPlainHTTPOnlyOnLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:8080": true, "localhost:8080": true,
		":8080": false, "0.0.0.0:8080": false, "192.0.2.10:8080": false, "hub.example.org:443": false,
	} {
		err := hub.CheckListen(addr, false)
		if (err == nil) != ok {
			t.Errorf("%s without TLS: %v", addr, err)
		}
		if ok && err == nil {
			continue
		}
		if !ok && !errors.Is(err, hub.ErrPlainHTTP) {
			t.Errorf("%s: %v, want ErrPlainHTTP", addr, err)
		}
		if err := hub.CheckListen(addr, true); err != nil {
			t.Errorf("%s with TLS: %v", addr, err)
		}
	}
}

// TestCommandLine runs the administration commands as a person would:
// add-centre prints the token alone on the last line and the hub accepts
// it, add-user reads the password on standard input and refuses a short
// one, revoke-centre makes the token refused.
func TestCommandLine(t *testing.T) {
	dbURL := pgtest.Database(t)
	run := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := hub.Main(args, strings.NewReader(stdin), &out, &errOut, hub.Labels{})
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run("", "add-centre", "--db", dbURL, "--name", "EPN de Die")
	if code != 0 {
		t.Fatalf("add-centre: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	token := lines[len(lines)-1]
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`).MatchString(token) {
		t.Fatalf("last line %q is not the token alone:\n%s", token, out)
	}
	if code, _, errOut := run("", "add-centre", "--db", dbURL, "--name", "EPN de Die"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("the same centre twice: %d %s", code, errOut)
	}
	if code, _, errOut := run("court\n", "add-user", "--db", dbURL, "--login", "die"); code != 1 || !strings.Contains(errOut, "12") {
		t.Errorf("a short password: %d %s", code, errOut)
	}
	if code, out, errOut := run(password+"\n", "add-user", "--db", dbURL, "--login", "die", "--centre", "EPN de Die"); code != 0 || !strings.Contains(out, "EPN de Die") {
		t.Errorf("add-user: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := run(password+"\n", "add-user", "--db", dbURL, "--login", "x", "--centre", "Nulle part"); code != 1 || !strings.Contains(errOut, "no such centre") {
		t.Errorf("a user of an unknown centre: %d %s", code, errOut)
	}
	db, err := hub.OpenDB(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(hub.NewHandler(db, hub.Labels{}, nil))
	defer srv.Close()
	body := []byte(`{"sessions":[]}`)
	post(t, srv.URL+kiosksync.Path, token, body, http.StatusOK)
	if code, _, errOut := run("", "revoke-centre", "--db", dbURL, "--name", "EPN de Die"); code != 0 {
		t.Fatalf("revoke-centre: %s", errOut)
	}
	post(t, srv.URL+kiosksync.Path, token, body, http.StatusUnauthorized)
	if code, _, _ := run("", "serve", "--db", dbURL, "--listen", "0.0.0.0:0"); code != 1 {
		t.Errorf("serve in plain HTTP on every address: exit %d, want 1", code)
	}
}
