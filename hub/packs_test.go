package hub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasapas/app"
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
	code := hub.Main(args, strings.NewReader(""), &out, &errOut, app.HubLabels())
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
	if _, err := kiosksync.ParseKey(key); err != nil {
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
	key, _ := kiosksync.ParseKey(rawKey)

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
