package hub

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"pasapas/app/activity"
	kiosksync "pasapas/app/sync"
)

//go:embed web/*.html
var pages embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"bar":    bar,
	"levels": levelsBar,
	"day":    func(t time.Time) string { return t.Format("02/01/2006") },
	"when":   func(t time.Time) string { return t.In(time.Local).Format("02/01/2006 à 15:04") },
}).ParseFS(pages, "web/*.html"))

// bar is an SVG bar of n out of top, its width in a 0–100 viewBox; the
// number is written beside it by the page, so the bar is decoration.
func bar(n, top int) template.HTML {
	w := 0.0
	if top > 0 {
		w = 100 * float64(n) / float64(top)
	}
	return template.HTML(fmt.Sprintf(`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="%.2f" height="10"/></svg>`, w))
}

// levelsBar is a domain's four levels stacked in one SVG bar.
func levelsBar(lv [4]int, total int) template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="levels" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">`)
	x := 0.0
	for i, n := range lv {
		if total == 0 {
			break
		}
		w := 100 * float64(n) / float64(total)
		fmt.Fprintf(&b, `<rect class="l%d" x="%.2f" width="%.2f" height="10"/>`, i, x, w)
		x += w
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func (h *Handler) routeDashboard() {
	h.mux.HandleFunc("GET /{$}", h.dashboard)
	h.mux.HandleFunc("GET /login", h.loginPage)
	h.mux.HandleFunc("POST /login", h.login)
	h.mux.HandleFunc("POST /logout", h.logout)
	h.mux.HandleFunc("GET /export", h.export)
	h.mux.HandleFunc("POST /packs", h.publishPack)
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(status)
	w.Write([]byte(b.String()))
}

type loginData struct {
	CSRF, Message string
}

func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	h.showLogin(w, r, http.StatusOK, "")
}

// showLogin renders the login form with a fresh CSRF token, also set in a
// cookie the POST must bring back (double submit: no session yet).
func (h *Handler) showLogin(w http.ResponseWriter, r *http.Request, status int, message string) {
	csrf, _, err := newToken()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	setCookie(w, loginCookie, csrf, 30*time.Minute)
	h.render(w, r, status, "login.html", loginData{CSRF: csrf, Message: message})
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(r.PostFormValue("csrf"), c.Value) {
		h.showLogin(w, r, http.StatusForbidden, "Le formulaire a expiré. Recommencez.")
		return
	}
	u, err := h.db.checkPassword(r.Context(), r.PostFormValue("login"), r.PostFormValue("password"))
	switch {
	case errors.Is(err, errTooMany):
		w.Header().Set("Retry-After", "900")
		h.showLogin(w, r, http.StatusTooManyRequests, "Trop d'essais pour cet identifiant. Attendez 15 minutes.")
		return
	case errors.Is(err, errUnauthorized):
		h.showLogin(w, r, http.StatusUnauthorized, "Identifiant ou mot de passe incorrect.")
		return
	case err != nil:
		h.fail(w, r, err)
		return
	}
	token, err := h.db.openSession(r.Context(), u)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	setCookie(w, loginCookie, "", -1)
	setCookie(w, sessionCookie, token, sessionLife)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	u, err := h.cookieUser(r)
	if err == nil && sameToken(r.PostFormValue("csrf"), u.csrf) {
		c, _ := r.Cookie(sessionCookie)
		if err := h.db.closeSession(r.Context(), c.Value); err != nil {
			h.fail(w, r, err)
			return
		}
		setCookie(w, sessionCookie, "", -1)
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// row is one line of a chart: a label, its count, and the bar's scale.
type row struct {
	Label string
	N     int
	Top   int
	Note  string
}

// chart is a titled list of rows.
type chart struct {
	Title, Caption string
	Rows           []row
}

func newChart(title, caption string, counts []activity.Count, label func(string) string) chart {
	c := chart{Title: title, Caption: caption}
	top := 0
	for _, x := range counts {
		top = max(top, x.N)
	}
	for _, x := range counts {
		c.Rows = append(c.Rows, row{Label: label(x.Key), N: x.N, Top: top})
	}
	return c
}

// levelRow is a domain's sessions per level 0..3.
type levelRow struct {
	Domain string
	Levels [4]int
	Top    int
}

// blockRow is a stuck step with its centres.
type blockRow struct {
	Procedure, Step string
	N, Top          int
	Centres         []string // "name (count)", most first
}

type dashboardData struct {
	Login, Scope, CSRF string
	Coordinator        bool
	Centres            []Centre
	Centre             int
	Preset, From, To   string
	Period             activity.Period
	Sessions           int
	PerTime            chart
	Orientations       chart
	Needs              chart
	Levels             []levelRow
	Blocks             []blockRow
	Walks              []activity.WalkStats
	ExportQuery        string
	Error              string
	// Packs are the latest content packs, the current first; Kiosks the
	// kiosks in scope with the pack each runs.
	Packs  []PackInfo
	Kiosks []KioskPack
	// PackMessage and PackErrors tell how a pack sent from the page went.
	PackMessage string
	PackErrors  []string
}

func (h *Handler) label(f func(string) string, code string) string {
	if f == nil {
		return code
	}
	return f(code)
}

// pageUser is the logged-in user of a page; without one it has already
// sent the browser to the login page (or the error) and says false.
func (h *Handler) pageUser(w http.ResponseWriter, r *http.Request) (user, bool) {
	u, err := h.cookieUser(r)
	if errors.Is(err, errUnauthorized) {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return u, false
	}
	if err != nil {
		h.fail(w, r, err)
		return u, false
	}
	return u, true
}

func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) {
	u, ok := h.pageUser(w, r)
	if !ok {
		return
	}
	var published string
	if v := r.URL.Query().Get("paquet"); v != "" {
		published = "Paquet version " + v + " publié. Les bornes le prennent à leur prochain envoi."
	}
	h.showDashboard(w, r, u, http.StatusOK, published, nil)
}

// showDashboard renders the dashboard for u, with a message about a pack
// just published or refused (each of its errors on a line).
func (h *Handler) showDashboard(w http.ResponseWriter, r *http.Request, u user, status int, packMessage string, packErrors []string) {
	ctx := r.Context()
	d := dashboardData{Login: u.login, CSRF: u.csrf, Coordinator: u.centre == nil, PackMessage: packMessage, PackErrors: packErrors}
	centres, err := h.db.Centres(ctx, u.scope())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Centres = centres
	d.Scope = "Coordination : tous les lieux du réseau"
	if u.centre != nil && len(centres) == 1 {
		d.Scope = "Lieu : " + centres[0].Name
	}
	q, err := readQuery(r, time.Now())
	if err != nil {
		d.Error = "Période ou lieu illisible : " + err.Error()
		q = query{period: activity.LastDays(time.Now(), 30), preset: "30j"}
	}
	q.centre = u.defaultCentre(q.centre)
	d.Centre, d.Preset, d.Period = q.centre, q.preset, q.period
	d.From, d.To = q.period.First.Format(activity.DayLayout), q.period.Last.Format(activity.DayLayout)
	d.ExportQuery = fmt.Sprintf("from=%s&to=%s&centre=%d", d.From, d.To, d.Centre)
	names := make(map[int]string, len(centres))
	for _, c := range centres {
		names[c.ID] = c.Name
	}
	f, err := h.db.Figures(ctx, u.scope(), q.centre, q.period, names)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, blocks := f.Stats, f.Blockages
	d.Sessions = s.Sessions
	if len(s.PerDay) <= 31 {
		d.PerTime = newChart("Sessions par jour", "", s.PerDay, dayLabel)
	} else {
		d.PerTime = newChart("Sessions par semaine", "Chaque semaine commence le lundi indiqué.", s.PerWeek(), dayLabel)
	}
	d.Orientations = newChart("Orientation", "Ce que l'autodiagnostic propose à la fin.", s.Orientations, activity.OrientationLabel)
	needs := s.Needs
	if len(needs) > 10 {
		needs = needs[:10]
	}
	d.Needs = newChart("Démarches les plus demandées", "Les 10 démarches que les personnes disent avoir à faire.", needs,
		func(k string) string { return h.label(h.labels.Procedure, k) })
	for _, dom := range s.Domains() {
		lv := s.Levels[dom]
		d.Levels = append(d.Levels, levelRow{Domain: h.label(h.labels.Domain, dom), Levels: lv, Top: lv[0] + lv[1] + lv[2] + lv[3]})
	}
	for _, b := range blocks {
		var where []string
		for i, c := range b.Centres {
			if i == 3 {
				break
			}
			where = append(where, fmt.Sprintf("%s (%d)", c.Key, c.N))
		}
		step := b.Step
		if h.labels.Step != nil {
			step = h.labels.Step(b.Procedure, b.Step)
		}
		d.Blocks = append(d.Blocks, blockRow{Procedure: h.label(h.labels.Procedure, b.Procedure), Step: step, N: b.N, Top: blocks[0].N, Centres: where})
	}
	for _, wk := range s.Walks {
		wk.Procedure = h.label(h.labels.Procedure, wk.Procedure)
		d.Walks = append(d.Walks, wk)
	}
	if d.Packs, d.Kiosks, err = h.db.Packs(ctx, u.scope()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "dashboard.html", d)
}

// dayLabel writes a day as the French read it, with its weekday.
func dayLabel(day string) string {
	t, err := activity.ParseDay(day)
	if err != nil {
		return day
	}
	return weekdays[t.Weekday()] + " " + t.Format("02/01/2006")
}

var weekdays = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}

// export downloads the territory's activity over the period, one row per
// session, with the kiosk's own export code (its columns and vocabulary).
func (h *Handler) export(w http.ResponseWriter, r *http.Request) {
	u, q, ok := h.apiQuery(w, r)
	if !ok {
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = activity.FormatCSV
	}
	ctype, known := map[string]string{
		activity.FormatCSV:  "text/csv; charset=utf-8",
		activity.FormatJSON: "application/json; charset=utf-8",
		activity.FormatCoop: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	}[format]
	if !known {
		http.Error(w, "format: csv, json or coop", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="activite-reseau-%s-%s.%s"`,
		q.period.First.Format(activity.DayLayout), q.period.Last.Format(activity.DayLayout), activity.Extension(format)))
	if _, err := h.db.Export(r.Context(), u.scope(), q.centre, q.period, w, format); err != nil && h.log != nil {
		// Headers are gone: the truncated file is all the user gets, and
		// the log says why.
		h.log.Printf("export: %v", err)
	}
}

// publishPack publishes a pack sent from the dashboard as a .zip, as
// pasapas hub publish does: coordinators only, with the form's CSRF token.
// Signing goes through the owner's connection (Admin), never the serving
// role's, which cannot read the key.
func (h *Handler) publishPack(w http.ResponseWriter, r *http.Request) {
	u, ok := h.pageUser(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, kiosksync.MaxPackBytes+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		h.showDashboard(w, r, u, http.StatusBadRequest, "Le paquet est trop gros ou illisible.", nil)
		return
	}
	defer r.MultipartForm.RemoveAll()
	if !sameToken(r.FormValue("csrf"), u.csrf) {
		h.showDashboard(w, r, u, http.StatusForbidden, "Le formulaire a expiré. Recommencez.", nil)
		return
	}
	if u.centre != nil {
		h.showDashboard(w, r, u, http.StatusForbidden, "Seul un compte de coordination publie un paquet.", nil)
		return
	}
	f, head, err := r.FormFile("pack")
	if err != nil {
		h.showDashboard(w, r, u, http.StatusBadRequest, "Choisissez le fichier .zip du paquet.", nil)
		return
	}
	defer f.Close()
	files, err := readPackZip(f, head.Size)
	if err != nil {
		h.showDashboard(w, r, u, http.StatusUnprocessableEntity, "Paquet refusé, rien n'est publié.", []string{err.Error()})
		return
	}
	a, err := OpenAdmin(r.Context(), h.db.url)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer a.Close(r.Context())
	p, err := a.Publish(r.Context(), files, r.FormValue("note"), h.labels.CheckPack)
	var refused *PackRefused
	switch {
	case errors.As(err, &refused):
		msgs := make([]string, len(refused.Errs))
		for i, e := range refused.Errs {
			msgs[i] = e.Error()
		}
		h.showDashboard(w, r, u, http.StatusUnprocessableEntity, "Paquet refusé, rien n'est publié.", msgs)
	case errors.Is(err, ErrNote):
		h.showDashboard(w, r, u, http.StatusUnprocessableEntity, "Écrivez en une ligne ce qui change (500 caractères au plus).", nil)
	case err != nil:
		h.fail(w, r, err)
	default:
		if h.log != nil {
			h.log.Printf("pack version %d published from the dashboard by %s", p.Version, u.login)
		}
		http.Redirect(w, r, fmt.Sprintf("/?paquet=%d#paquets", p.Version), http.StatusSeeOther)
	}
}
