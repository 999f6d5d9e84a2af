package hub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/app/cli"
	"pasapas/app/health"
	"pasapas/app/settings"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
	"pasapas/hub"
	"pasapas/hub/pgtest"
	"pasapas/seeds"
)

// impotsFile is the built-in impots.gouv walkthrough, the one the packs of
// these tests change.
const impotsFile = "walkthroughs/07-impots.yaml"

// impotsTitle is its French title in the seeds.
const impotsTitle = `"impots.gouv : déclarer ses revenus"`

// writePack writes a pack folder whose impots.gouv walkthrough is the
// built-in one with its French title replaced by title (quoted YAML), or
// broken by change when it is not nil.
func writePack(t *testing.T, title string, change func(string) string) string {
	t.Helper()
	data, err := fs.ReadFile(seeds.FS, impotsFile)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, impotsTitle) {
		t.Fatalf("%s no longer has the title %s", impotsFile, impotsTitle)
	}
	text = strings.Replace(text, impotsTitle, `"`+title+`"`, 1)
	if change != nil {
		text = change(text)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "walkthroughs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(impotsFile)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// zipPack zips a pack folder inside a top folder, as zipping a folder does.
func zipPack(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "paquet.zip")
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := z.Create("paquet/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// hubCLI runs pasapas hub … with the kiosk's content, as app does.
func hubCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := hub.Main(args, strings.NewReader(""), &out, &errOut, cli.HubLabels())
	return code, out.String(), errOut.String()
}

// enrol adds a centre with the command and returns its token and the
// hub's key, read from the last two lines as the README says.
func enrol(t *testing.T, dbURL, name string) (token, key string) {
	t.Helper()
	code, out, errOut := hubCLI(t, "add-centre", "--db", dbURL, "--name", name)
	if code != 0 {
		t.Fatalf("add-centre: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[len(lines)-2], "Clé du hub (sync.key) : ") {
		t.Fatalf("add-centre's output has no key line before the token:\n%s", out)
	}
	fields := strings.Fields(lines[len(lines)-2])
	key = fields[len(fields)-1]
	if _, err := settings.HubKey(key); err != nil {
		t.Fatalf("key %q: %v", key, err)
	}
	return lines[len(lines)-1], key
}

// getPack asks the hub for the current pack as a kiosk; nil for 304.
func getPack(t *testing.T, base, token, query string) *kiosksync.Pack {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+kiosksync.PackPath+"?"+query, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotModified:
		return nil
	case http.StatusOK:
	default:
		t.Fatalf("GET pack ?%s: %s", query, resp.Status)
	}
	var p kiosksync.Pack
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		t.Fatal(err)
	}
	return &p
}

// TestPublishAndRestore runs publish and restore as a coordinator would:
// a broken pack is refused whole with the loader's file:line: field
// message, a folder and a .zip are published as versions 1 and 2, restore
// makes version 1's files current again as version 3; the API serves the
// current pack signed with the key add-centre printed, 304 to a kiosk
// that has it, 401 without a token; changed bytes or another key fail.
func TestPublishAndRestore(t *testing.T) {
	dbURL := pgtest.Database(t)
	token, rawKey := enrol(t, dbURL, "EPN de Die")
	key, _ := settings.HubKey(rawKey)

	broken := writePack(t, "impots.gouv : le code arrive par e-mail", func(s string) string { return strings.Replace(s, "\nsteps:", "\nétapes:", 1) })
	code, _, errOut := hubCLI(t, "publish", "--db", dbURL, "--note", "cassé", broken)
	if code != 1 || !strings.Contains(errOut, "ERREUR  walkthroughs/07-impots.yaml:") || !strings.Contains(errOut, "étapes: unknown field") ||
		!strings.Contains(errOut, "rien n'est publié") {
		t.Fatalf("a broken pack: exit %d\n%s", code, errOut)
	}
	outside := writePack(t, "x", nil)
	os.WriteFile(filepath.Join(outside, "lisez-moi.txt"), []byte("x"), 0o644)
	if code, _, errOut := hubCLI(t, "publish", "--db", dbURL, "--note", "x", outside); code != 1 || !strings.Contains(errOut, "lisez-moi.txt") {
		t.Fatalf("a pack with another file: exit %d %s", code, errOut)
	}
	if code, _, _ := hubCLI(t, "publish", "--db", dbURL, writePack(t, "x", nil)); code != 2 {
		t.Errorf("publish without --note: exit %d, want 2", code)
	}

	code, out, errOut := hubCLI(t, "publish", "--db", dbURL, "--note", "impots.gouv : code reçu par e-mail", writePack(t, "Impôts : version un", nil))
	if code != 0 || !strings.Contains(out, "Paquet version 1 publié : 1 fichiers") {
		t.Fatalf("publish a folder: %d %s %s", code, out, errOut)
	}
	code, out, errOut = hubCLI(t, "publish", "--db", dbURL, "--note", "deux", zipPack(t, writePack(t, "Impôts : version deux", nil)))
	if code != 0 || !strings.Contains(out, "Paquet version 2 publié") {
		t.Fatalf("publish a zip: %d %s %s", code, out, errOut)
	}
	code, out, errOut = hubCLI(t, "restore", "--db", dbURL, "--version", "1")
	if code != 0 || !strings.Contains(out, "comme version 3") {
		t.Fatalf("restore: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := hubCLI(t, "restore", "--db", dbURL, "--version", "9"); code != 1 || !strings.Contains(errOut, "no pack version 9") {
		t.Errorf("restore of a missing version: %d %s", code, errOut)
	}

	// The role that serves kiosks and the dashboard cannot read the key.
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `SET ROLE `+hub.ServingRole); err != nil {
		t.Fatal(err)
	}
	var seed []byte
	if err := conn.QueryRow(context.Background(), `SELECT private_key FROM hub_key`).Scan(&seed); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("the serving role reads the signing key: %v", err)
	}

	db, err := hub.OpenDB(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(hub.NewHandler(db, hub.Labels{}, nil))
	defer srv.Close()
	p := getPack(t, srv.URL, token, "have=0")
	if p == nil || p.Version != 3 || !strings.HasPrefix(p.Note, "Retour à la version 1 : impots.gouv") || len(p.Files) != 1 ||
		!strings.Contains(string(p.Files[0].Data), "Impôts : version un") {
		t.Fatalf("current pack: %+v", p)
	}
	if err := p.Verify(key); err != nil {
		t.Fatalf("the pack does not verify with the key add-centre printed: %v", err)
	}
	if getPack(t, srv.URL, token, "have=3") != nil {
		t.Error("a kiosk that has version 3 got it again")
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+kiosksync.PackPath, nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without a token: %v %v", resp.Status, err)
	}

	tampered := *p
	tampered.Files = []kiosksync.PackFile{{Path: p.Files[0].Path, Data: bytes.Replace(p.Files[0].Data, []byte("version un"), []byte("version UN"), 1)}}
	if err := tampered.Verify(key); err == nil {
		t.Error("a pack changed after signing verifies")
	}
	other := *p
	other.Version = 4
	if err := other.Verify(key); err == nil {
		t.Error("a pack renumbered after signing verifies")
	}
	wrong := make([]byte, len(key))
	copy(wrong, key)
	wrong[0] ^= 1
	if err := p.Verify(wrong); err == nil {
		t.Error("the pack verifies with another key")
	}
}

// kioskCLI runs a kiosk command (pasapas …) as a person would.
func kioskCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, nil)
	return code, out.String(), errOut.String()
}

// set sets kiosk settings in dataDir with pasapas settings set.
func set(t *testing.T, dataDir string, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		if code, _, errOut := kioskCLI(t, "settings", "set", kv[i], kv[i+1], "--data-dir", dataDir); code != 0 {
			t.Fatalf("settings set %s: %s", kv[i], errOut)
		}
	}
}

// impotsTitleIn is the French title of the impots.gouv walkthrough a kiosk
// with dataDir shows at its next start, and the pack it comes from.
func impotsTitleIn(t *testing.T, dataDir string) (string, int) {
	t.Helper()
	c, _, err := app.LoadDataDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	return c.Walkthroughs.Get("impots").Title.In("fr"), c.Pack
}

// packFiles is what the kiosk has installed in dataDir: version and bytes.
func packFiles(t *testing.T, dataDir string) (int, string) {
	t.Helper()
	m, fsys, err := kiosksync.Installed(filepath.Join(dataDir, kiosksync.PackDirName))
	if err != nil || fsys == nil {
		t.Fatalf("installed pack: %v", err)
	}
	data, err := fs.ReadFile(fsys, impotsFile)
	if err != nil {
		t.Fatal(err)
	}
	return m.Version, string(data)
}

// loginClient logs in through the form as login and returns the client
// holding the session and the dashboard's page.
func loginClient(t *testing.T, base, login string) (*http.Client, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	// The cookies are Secure: the test's plain loopback HTTP is sent them
	// through a jar that sees https.
	client := &http.Client{Jar: secureJar{jar}}
	resp, err := client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csrf := csrfField.FindStringSubmatch(string(page))
	if csrf == nil {
		t.Fatalf("no CSRF field:\n%s", page)
	}
	resp, err = client.PostForm(base+"/login", url.Values{"login": {login}, "password": {password}, "csrf": {csrf[1]}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `id="total"`) {
		t.Fatalf("dashboard as %s: %s\n%s", login, resp.Status, page)
	}
	return client, string(page)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// dashboardPage logs in through the form as login and returns the page.
func dashboardPage(t *testing.T, base, login string) string {
	t.Helper()
	_, page := loginClient(t, base, login)
	return page
}

// secureJar keeps Secure cookies for a plain-HTTP loopback test server.
type secureJar struct{ http.CookieJar }

func (j secureJar) secure(u *url.URL) *url.URL {
	s := *u
	s.Scheme = "https"
	return &s
}
func (j secureJar) SetCookies(u *url.URL, c []*http.Cookie) { j.CookieJar.SetCookies(j.secure(u), c) }
func (j secureJar) Cookies(u *url.URL) []*http.Cookie       { return j.CookieJar.Cookies(j.secure(u)) }

// TestPackReachesTwoKiosks is the "done when": a pack published at
// a hub on a real PostgreSQL reaches two kiosks (real stores in temporary
// data directories) through pasapas sync over loopback HTTP, and
// check-content names it; a pack changed on the way, a pack under another
// key and a broken pack signed by the right key are refused, the installed
// pack untouched and an alert raised; restoring the first pack reaches
// both; the dashboard lists each kiosk with the pack it runs.
func TestPackReachesTwoKiosks(t *testing.T) {
	n := newNetworkNamed(t, cli.HubLabels())
	ctx := context.Background()
	a, err := hub.OpenAdmin(ctx, n.url)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := a.PublicKey(ctx)
	a.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := kiosksync.FormatKey(pub)
	dirs := []string{t.TempDir(), t.TempDir()}
	names := []string{"accueil", "borne-1"}
	for i, dir := range dirs {
		set(t, dir, settings.SyncURL, n.srv.URL, settings.SyncToken, n.tokens[n.centres[i]], settings.SyncKey, key, settings.KioskID, names[i])
	}
	if code, out, errOut := kioskCLI(t, "sync", "--data-dir", dirs[0]); code != 0 || !strings.Contains(out, "aucun paquet publié") {
		t.Fatalf("sync before any pack: %d %s %s", code, out, errOut)
	}

	if code, _, errOut := hubCLI(t, "publish", "--db", n.url, "--note", "impots.gouv : code reçu par e-mail", writePack(t, "Impôts : version un", nil)); code != 0 {
		t.Fatalf("publish: %s", errOut)
	}
	for _, dir := range dirs {
		code, out, errOut := kioskCLI(t, "sync", "--data-dir", dir)
		if code != 0 || !strings.Contains(out, "version 1 reçu (« impots.gouv : code reçu par e-mail »)") {
			t.Fatalf("sync after publishing: %d %s %s", code, out, errOut)
		}
		if title, v := impotsTitleIn(t, dir); title != "Impôts : version un" || v != 1 {
			t.Errorf("the kiosk would show %q from pack %d", title, v)
		}
		code, out, errOut = kioskCLI(t, "check-content", "--data-dir", dir)
		if code != 0 || !strings.Contains(out, "ok      walkthroughs/07-impots.yaml (réseau, version 1)") || !strings.Contains(out, "ok      walkthroughs/04-caf.yaml (built-in)") {
			t.Errorf("check-content: %d\n%s%s", code, out, errOut)
		}
		if code, out, _ := kioskCLI(t, "sync", "--data-dir", dir); code != 0 || !strings.Contains(out, "à jour (version 1)") {
			t.Errorf("sync again: %d %s", code, out)
		}
	}
	// The centre's own file still wins over the pack.
	own := writePack(t, "Impôts : le lieu", nil)
	if err := os.Rename(own, filepath.Join(dirs[1], app.ContentDirName)); err != nil {
		t.Fatal(err)
	}
	if title, _ := impotsTitleIn(t, dirs[1]); title != "Impôts : le lieu" {
		t.Errorf("with the centre's own file the kiosk shows %q", title)
	}
	os.RemoveAll(filepath.Join(dirs[1], app.ContentDirName))

	if code, _, errOut := hubCLI(t, "publish", "--db", n.url, "--note", "deux", writePack(t, "Impôts : version deux", nil)); code != 0 {
		t.Fatalf("publish 2: %s", errOut)
	}
	_, before := packFiles(t, dirs[0])
	refused := func(what, wantErr string) {
		t.Helper()
		code, out, errOut := kioskCLI(t, "sync", "--data-dir", dirs[0])
		if code != 1 || !strings.Contains(errOut, "paquet de contenu refusé, rien n'a changé") || !strings.Contains(errOut, wantErr) {
			t.Errorf("%s: exit %d\n%s%s", what, code, out, errOut)
		}
		if v, after := packFiles(t, dirs[0]); v != 1 || after != before {
			t.Errorf("%s: the kiosk now holds pack %d", what, v)
		}
		if title, v := impotsTitleIn(t, dirs[0]); title != "Impôts : version un" || v != 1 {
			t.Errorf("%s: the kiosk would show %q from pack %d", what, title, v)
		}
	}

	// Changed on the way: a proxy rewrites one file's bytes.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequest(r.Method, n.srv.URL+r.URL.RequestURI(), nil)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		var p kiosksync.Pack
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&p) != nil {
			w.WriteHeader(resp.StatusCode)
			return
		}
		p.Files[0].Data = bytes.Replace(p.Files[0].Data, []byte("version deux"), []byte("version piégée"), 1)
		json.NewEncoder(w).Encode(p)
	}))
	defer proxy.Close()
	set(t, dirs[0], settings.SyncURL, proxy.URL)
	refused("a pack changed on the way", "signature")
	set(t, dirs[0], settings.SyncURL, n.srv.URL)

	// Another key: in-process, to see the console's alert.
	otherPub, otherKey, _ := ed25519.GenerateKey(nil)
	set(t, dirs[0], settings.SyncKey, kiosksync.FormatKey(otherPub))
	st, err := store.OpenDataDir(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	board := health.NewBoard(nil)
	_, err = (&kiosksync.Fetcher{Store: st, Dir: filepath.Join(dirs[0], kiosksync.PackDirName), Check: app.CheckPack, Board: board}).Fetch(ctx)
	st.Close()
	var perr *kiosksync.PackError
	if !errors.As(err, &perr) || !errors.Is(err, kiosksync.ErrBadSignature) || !board.Has(health.PackRefused) {
		t.Errorf("a pack under another key: %v, alert %v", err, board.Has(health.PackRefused))
	}
	c, _, _ := app.LoadDataDir(dirs[0])
	if alert := c.Text.T("fr", "alert.pack.refused", "detail", "version 2"); !strings.HasPrefix(alert, "Le contenu envoyé par le réseau est refusé (version 2)") {
		t.Errorf("the alert reads %q", alert)
	}
	refused("a pack under another key", "signature")

	// Broken but signed by the key the kiosk holds: the kiosk's loader
	// refuses it too (a hub that skipped the check, or an older loader).
	brokenDir := writePack(t, "Impôts : cassé", func(s string) string { return strings.Replace(s, "\nsteps:", "\nétapes:", 1) })
	files, err := kiosksync.ReadPackDir(os.DirFS(brokenDir))
	if err != nil {
		t.Fatal(err)
	}
	broken := &kiosksync.Pack{Version: 7, Date: time.Now(), Note: "cassé", Files: files}
	broken.Sign(otherKey)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(broken) }))
	defer fake.Close()
	set(t, dirs[0], settings.SyncURL, fake.URL)
	refused("a broken pack", "walkthroughs/07-impots.yaml:")
	set(t, dirs[0], settings.SyncURL, n.srv.URL, settings.SyncKey, key)

	// Back to the first pack, for every kiosk.
	if code, _, errOut := hubCLI(t, "restore", "--db", n.url, "--version", "1"); code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	for _, dir := range dirs {
		if code, out, errOut := kioskCLI(t, "sync", "--data-dir", dir); code != 0 || !strings.Contains(out, "version 3 reçu") {
			t.Fatalf("sync after restoring: %d %s %s", code, out, errOut)
		}
		if title, v := impotsTitleIn(t, dir); title != "Impôts : version un" || v != 3 {
			t.Errorf("after restoring the kiosk would show %q from pack %d", title, v)
		}
	}

	// The first kiosk starts (and so shows pack 3), then syncs: the
	// dashboard says which pack each kiosk runs.
	log := logrus.New()
	log.SetOutput(io.Discard)
	k, err := app.Open(dirs[0], log)
	if err != nil {
		t.Fatal(err)
	}
	k.Store.Close()
	kioskCLI(t, "sync", "--data-dir", dirs[0])
	page := dashboardPage(t, n.srv.URL, "coord")
	for _, want := range []string{
		"Paquet en cours : version 3 du ", "Retour à la version 1 : impots.gouv : code reçu par e-mail",
		`<td data-label="Lieu">Médiathèque Nord</td><td data-label="Borne">accueil</td><td data-label="Paquet utilisé">version 3</td>`,
		`<td data-label="Lieu">France Services Sud</td><td data-label="Borne">borne-1</td><td data-label="Paquet utilisé">contenu intégré</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
	if page := dashboardPage(t, n.srv.URL, "nord"); strings.Contains(page, "France Services Sud</td>") {
		t.Error("a centre's user sees another centre's kiosks")
	}
}

// sendPack posts a pack .zip and a note from the dashboard's form.
func sendPack(t *testing.T, client *http.Client, base, csrf, zipFile, note string) (int, string) {
	t.Helper()
	var body bytes.Buffer
	m := multipart.NewWriter(&body)
	m.WriteField("csrf", csrf)
	m.WriteField("note", note)
	w, _ := m.CreateFormFile("pack", "paquet.zip")
	data, err := os.ReadFile(zipFile)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	m.Close()
	resp, err := client.Post(base+"/packs", m.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(page)
}

// TestPublishFromTheDashboard: a coordinator sends a .zip from the page;
// a broken one is refused with the loader's messages and nothing is
// published, a sound one becomes the current pack, signed; a centre's
// user and a form without its token are refused.
func TestPublishFromTheDashboard(t *testing.T) {
	n := newNetworkNamed(t, cli.HubLabels())
	client, page := loginClient(t, n.srv.URL, "coord")
	csrf := csrfField.FindStringSubmatch(page)[1]
	broken := zipPack(t, writePack(t, "Impôts : cassé", func(s string) string { return strings.Replace(s, "\nsteps:", "\nétapes:", 1) }))
	code, page := sendPack(t, client, n.srv.URL, csrf, broken, "cassé")
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "Paquet refusé, rien n&#39;est publié.") ||
		!strings.Contains(page, "walkthroughs/07-impots.yaml:") || !strings.Contains(page, "étapes: unknown field") ||
		!strings.Contains(page, "Aucun paquet de contenu publié") {
		t.Fatalf("a broken pack from the page: %d\n%s", code, page)
	}
	good := zipPack(t, writePack(t, "Impôts : depuis la page", nil))
	if code, _ := sendPack(t, client, n.srv.URL, "pas le bon", good, "x"); code != http.StatusForbidden {
		t.Errorf("without the form's token: %d", code)
	}
	code, page = sendPack(t, client, n.srv.URL, csrf, good, "impots.gouv : code reçu par e-mail")
	if code != http.StatusOK || !strings.Contains(page, "Paquet version 1 publié.") || !strings.Contains(page, "Paquet en cours : version 1 du ") {
		t.Fatalf("a sound pack from the page: %d\n%s", code, page)
	}
	nord, page := loginClient(t, n.srv.URL, "nord")
	if strings.Contains(page, `action="/packs"`) {
		t.Error("a centre's user is offered the pack form")
	}
	if code, page := sendPack(t, nord, n.srv.URL, csrfField.FindStringSubmatch(page)[1], good, "x"); code != http.StatusForbidden || !strings.Contains(page, "Seul un compte de coordination") {
		t.Errorf("a centre's user publishing: %d", code)
	}
	a, err := hub.OpenAdmin(context.Background(), n.url)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := a.PublicKey(context.Background())
	a.Close(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p := getPack(t, n.srv.URL, n.tokens[n.centres[0]], "have=0")
	if p == nil || p.Version != 1 || p.Verify(pub) != nil || !strings.Contains(string(p.Files[0].Data), "Impôts : depuis la page") {
		t.Fatalf("the pack published from the page: %+v", p)
	}
}
