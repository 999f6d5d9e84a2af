package hub

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"pasapas/app/activity"
	kiosksync "pasapas/app/sync"
)

// Config is how the hub serves.
type Config struct {
	DB, Listen      string
	TLSCert, TLSKey string
	Labels          Labels
	// Log gets one line per start, stop and failed request (never a body).
	Log io.Writer
}

// ErrPlainHTTP: plain HTTP was asked on an address other people can reach.
var ErrPlainHTTP = errors.New("plain HTTP only on a loopback address (127.0.0.1, ::1, localhost): give --tls-cert and --tls-key, or put a TLS proxy in front on the same host")

// CheckListen refuses plain HTTP on any address but loopback: tokens and
// passwords would cross the network in clear.
func CheckListen(addr string, tls bool) error {
	if tls {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return ErrPlainHTTP
}

// Serve runs the hub until ctx ends.
func Serve(ctx context.Context, cfg Config) error {
	tls := cfg.TLSCert != "" || cfg.TLSKey != ""
	if tls && (cfg.TLSCert == "" || cfg.TLSKey == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if err := CheckListen(cfg.Listen, tls); err != nil {
		return err
	}
	db, err := OpenDB(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	logger := log.New(cfg.Log, "pasapas hub: ", log.LstdFlags)
	srv := &http.Server{
		Addr:              cfg.Listen,
		Handler:           NewHandler(db, cfg.Labels, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      5 * time.Minute,
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}
	logger.Printf("listening on %s (TLS %v), schema version %d", ln.Addr(), tls, SchemaVersion())
	errc := make(chan error, 1)
	go func() {
		if tls {
			errc <- srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	logger.Print("stopping")
	return srv.Shutdown(shutdown)
}

// Handler serves the API and the dashboard.
type Handler struct {
	db     *DB
	labels Labels
	log    *log.Logger
	mux    *http.ServeMux
}

// NewHandler returns the hub's routes over db.
func NewHandler(db *DB, labels Labels, logger *log.Logger) *Handler {
	h := &Handler{db: db, labels: labels, log: logger, mux: http.NewServeMux()}
	h.mux.HandleFunc("POST "+kiosksync.Path, h.ingest)
	h.mux.HandleFunc("GET "+kiosksync.PackPath, h.pack)
	h.mux.HandleFunc("GET /api/v1/stats", h.stats)
	h.routeDashboard()
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Nothing from elsewhere, no framing, no guessing of types: the pages
	// load only their own inline style.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	h.mux.ServeHTTP(w, r)
}

// maxBody bounds a push: MaxBatch sessions are well under it.
const maxBody = 8 << 20

// kioskCentre is the centre of the request's kiosk token; it has answered
// the request when ok is false.
func (h *Handler) kioskCentre(w http.ResponseWriter, r *http.Request) (centre int, ok bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		http.Error(w, "a kiosk token is required (Authorization: Bearer …)", http.StatusUnauthorized)
		return 0, false
	}
	centre, err := h.db.centreOfToken(r.Context(), token)
	if errors.Is(err, errUnauthorized) {
		http.Error(w, "unknown or revoked token", http.StatusUnauthorized)
		return 0, false
	}
	if err != nil {
		h.fail(w, r, err)
		return 0, false
	}
	return centre, true
}

func (h *Handler) ingest(w http.ResponseWriter, r *http.Request) {
	centre, ok := h.kioskCentre(w, r)
	if !ok {
		return
	}
	var batch kiosksync.Batch
	// Fields this hub does not know (a newer kiosk's) are dropped, never
	// stored: only the columns below exist.
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&batch); err != nil {
		http.Error(w, "the body is not a batch of sessions: "+err.Error(), http.StatusBadRequest)
		return
	}
	if len(batch.Sessions) > kiosksync.MaxBatch {
		http.Error(w, fmt.Sprintf("at most %d sessions per request", kiosksync.MaxBatch), http.StatusBadRequest)
		return
	}
	added, err := h.db.Ingest(r.Context(), centre, batch.Sessions)
	var bad *BadRequest
	if errors.As(err, &bad) {
		http.Error(w, bad.Error(), http.StatusBadRequest)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, kiosksync.Receipt{Received: len(batch.Sessions), Added: added})
}

// pack answers a kiosk asking for the current content pack:
// ?have=N (the version it holds; 304 when none is newer), &runs=M (the
// version it shows visitors) and &kiosk=ID (its name in the centre), which
// the dashboard lists.
func (h *Handler) pack(w http.ResponseWriter, r *http.Request) {
	centre, ok := h.kioskCentre(w, r)
	if !ok {
		return
	}
	v := r.URL.Query()
	f := PackFetch{Runs: -1, Kiosk: v.Get("kiosk")}
	for name, dst := range map[string]*int{"have": &f.Have, "runs": &f.Runs} {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				http.Error(w, name+": a pack's version number", http.StatusBadRequest)
				return
			}
			*dst = n
		}
	}
	if err := kiosksync.CheckKioskID(f.Kiosk); f.Kiosk != "" && err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p, err := h.db.PackFor(r.Context(), centre, f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if p == nil {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, p)
}

// StatsJSON is the answer of GET /api/v1/stats: the console's statistics
// over the period, for the user's scope (or one centre of it).
type StatsJSON struct {
	From         string            `json:"from"`
	To           string            `json:"to"`
	Centre       *int              `json:"centre,omitempty"`
	Sessions     int               `json:"sessions"`
	PerDay       []CountJSON       `json:"per_day"`
	Status       []CountJSON       `json:"status"`
	Durations    []CountJSON       `json:"durations"`
	Orientations []CountJSON       `json:"orientations"`
	Levels       map[string][4]int `json:"levels"`
	Needs        []CountJSON       `json:"needs"`
	Walks        []WalkJSON        `json:"walkthroughs"`
}

// CountJSON is a code and its count.
type CountJSON struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// WalkJSON is one walkthrough over the period.
type WalkJSON struct {
	Procedure string      `json:"procedure"`
	Started   int         `json:"started"`
	Completed int         `json:"completed"`
	Stuck     []CountJSON `json:"stuck"`
}

func counts(c []activity.Count) []CountJSON {
	out := make([]CountJSON, len(c))
	for i, x := range c {
		out[i] = CountJSON{x.Key, x.N}
	}
	return out
}

// apiQuery authenticates an API request and reads its period and centre;
// it has answered the request when ok is false.
func (h *Handler) apiQuery(w http.ResponseWriter, r *http.Request) (u user, q query, ok bool) {
	if u, ok = h.apiUser(w, r); !ok {
		return u, q, false
	}
	q, err := readQuery(r, time.Now())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return u, q, false
	}
	q.centre = u.defaultCentre(q.centre)
	return u, q, true
}

func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	u, q, ok := h.apiQuery(w, r)
	if !ok {
		return
	}
	f, err := h.db.Figures(r.Context(), u.scope(), q.centre, q.period, nil)
	s := f.Stats
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := StatsJSON{
		From: q.period.First.Format(activity.DayLayout), To: q.period.Last.Format(activity.DayLayout),
		Sessions: s.Sessions, PerDay: counts(s.PerDay), Status: counts(s.Status), Durations: counts(s.Durations),
		Orientations: counts(s.Orientations), Levels: s.Levels, Needs: counts(s.Needs), Walks: []WalkJSON{},
	}
	if q.centre != 0 {
		out.Centre = &q.centre
	}
	for _, wk := range s.Walks {
		out.Walks = append(out.Walks, WalkJSON{wk.Procedure, wk.Started, wk.Completed, counts(wk.Stuck)})
	}
	writeJSON(w, out)
}

// query is a period and a centre read from the URL.
type query struct {
	period activity.Period
	centre int // 0: every centre in scope
	preset string
}

// readQuery reads from, to (YYYY-MM-DD; default: the last 30 days) and
// centre (an id) from r's URL.
func readQuery(r *http.Request, now time.Time) (query, error) {
	v := r.URL.Query()
	q := query{period: activity.LastDays(now, 30), preset: v.Get("period")}
	if q.preset == "" && v.Get("from") == "" && v.Get("to") == "" {
		q.preset = "30j"
	}
	if p, ok := presets(now)[q.preset]; ok {
		q.period = p
	}
	from, to := q.period.First, q.period.Last
	var err error
	if s := v.Get("from"); s != "" {
		if from, err = activity.ParseDay(s); err != nil {
			return q, fmt.Errorf("from=%q: a day YYYY-MM-DD", s)
		}
		q.preset = ""
	}
	if s := v.Get("to"); s != "" {
		if to, err = activity.ParseDay(s); err != nil {
			return q, fmt.Errorf("to=%q: a day YYYY-MM-DD", s)
		}
		q.preset = ""
	}
	if to.Sub(from) > 3*366*24*time.Hour {
		return q, errors.New("at most three years at once")
	}
	q.period = activity.NewPeriod(from, to)
	if s := v.Get("centre"); s != "" && s != "0" {
		if q.centre, err = strconv.Atoi(s); err != nil || q.centre < 0 {
			return q, fmt.Errorf("centre=%q: a centre's number", s)
		}
	}
	return q, nil
}

// presets are the dashboard's periods, as the kiosk console offers them.
func presets(now time.Time) map[string]activity.Period {
	y, m, _ := now.Date()
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, time.Local)
	return map[string]activity.Period{
		"7j":     activity.LastDays(now, 7),
		"30j":    activity.LastDays(now, 30),
		"mois":   activity.NewPeriod(monthStart.AddDate(0, -1, 0), monthStart.AddDate(0, 0, -1)),
		"12mois": activity.NewPeriod(monthStart.AddDate(-1, 0, 0), monthStart.AddDate(0, 0, -1)),
		"annee":  activity.NewPeriod(time.Date(y, 1, 1, 0, 0, 0, 0, time.Local), now),
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

// fail answers 500 and logs the error (never the request's body).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if h.log != nil {
		h.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}
