package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/app/health"
	"pasapas/app/store"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	noWindow := func(*app.Kiosk) error { t.Fatal("the window was opened"); return nil }
	code := Main(args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errOut}, noWindow)
	return code, out.String(), errOut.String()
}

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		wantOut string
		wantErr string
	}{
		{"version", "", []string{"version"}, 0, "pasapas " + app.Version, ""},
		{"help", "", []string{"help"}, 0, "set-pin", ""},
		{"flag help", "", []string{"--help"}, 0, "", "Usage"},
		{"unknown flag", "", []string{"--bogus"}, 2, "", "-bogus"},
		{"unknown command", "", []string{"frobnicate"}, 2, "", "commande inconnue"},
		{"stray argument", "", []string{"set-pin", "--data-dir", dir, "extra"}, 2, "", "inattendu"},
		{"short pin", "12\n", []string{"set-pin", "--data-dir", dir}, 2, "", "4 à 8"},
		{"no pin", "", []string{"set-pin", "--data-dir", dir}, 1, "", "aucun code"},
		{"set pin", "4821\n", []string{"set-pin", "--data-dir", filepath.Join(dir, "new")}, 0, "enregistré", ""},
		// Mistakes are told in French, naming the file and what to do.
		{"unknown option", "", []string{"stats", "--bogus"}, 2, "", "pasapas stats : option inconnue : --bogus"},
		{"bad option value", "", []string{"purge", "--older-than", "abc", "--data-dir", dir}, 2, "", "--older-than : « abc » n'est pas une valeur possible"},
		{"export to a missing folder", "", []string{"export", "--out", filepath.Join(dir, "gone", "r.csv"), "--data-dir", dir}, 1, "", "n'existe pas : choisissez un dossier qui existe"},
		{"import a missing file", "", []string{"places", "import", filepath.Join(dir, "lieux.csv"), "--data-dir", dir}, 1, "", "« " + filepath.Join(dir, "lieux.csv") + " » est introuvable"},
		{"check a missing folder", "", []string{"check-content", filepath.Join(dir, "contenu")}, 1, "", "« " + filepath.Join(dir, "contenu") + " » est introuvable"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.wantOut) || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("%s: code %d out %q err %q", tt.name, code, out, errOut)
		}
	}
}

func TestKioskOpensWithDefaults(t *testing.T) {
	var errOut bytes.Buffer
	dir := t.TempDir()
	opened := false
	code := Main([]string{"--data-dir", dir, "--windowed"}, IO{Err: &errOut}, func(k *app.Kiosk) error {
		opened = true
		if !k.Windowed || k.IdleTimeout.Seconds() != 120 || k.DefaultLang != "fr" {
			t.Errorf("kiosk %+v", k)
		}
		return nil
	})
	if code != 0 || !opened {
		t.Fatalf("code %d, opened %v: %s", code, opened, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "pasapas.log")); err != nil {
		t.Fatal("no log file in the data directory")
	}
}

// TestCommandsRefuseADamagedDatabase: every command that reads the
// database, run over a file that is not a usable one, exits non-zero and
// says where the file went; nothing is printed as if the centre had no
// sessions, and the file is kept (moved aside, for the kiosk's alert).
func TestCommandsRefuseADamagedDatabase(t *testing.T) {
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"stats"}},
		{"", []string{"export", "--format", "csv", "--out", "rapport.csv"}},
		{"", []string{"purge"}},
		{"", []string{"simulate", "--sessions", "3"}},
		{"", []string{"summary", "--code", "ABC-DEF", "--out", "resume.pdf"}},
		{"4821\n", []string{"set-pin"}},
	} {
		dir := t.TempDir()
		garbage := bytes.Repeat([]byte("not a database "), 500)
		if err := os.WriteFile(filepath.Join(dir, store.FileName), garbage, 0o600); err != nil {
			t.Fatal(err)
		}
		args := append(append([]string{}, c.args...), "--data-dir", dir)
		for i, a := range args {
			if strings.HasSuffix(a, ".csv") || strings.HasSuffix(a, ".pdf") {
				args[i] = filepath.Join(dir, a)
			}
		}
		code, out, errOut := run(t, c.stdin, args...)
		moved := store.MovedAsideFiles(dir)
		if code == 0 || len(moved) != 1 || !strings.Contains(errOut, "inutilisable") || !strings.Contains(errOut, moved[0]) {
			t.Errorf("%s: exit %d, moved %v, stdout %q, stderr %q", c.args[0], code, moved, out, errOut)
			continue
		}
		if kept, _ := os.ReadFile(filepath.Join(dir, moved[0])); !bytes.Equal(kept, garbage) {
			t.Errorf("%s: the damaged file was not kept as it was", c.args[0])
		}
		if _, err := os.Stat(filepath.Join(dir, store.FileName)); err == nil {
			t.Errorf("%s: a fresh database was created behind the damaged one", c.args[0])
		}
	}
	// The kiosk itself still starts on a fresh file and alerts the mediator.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, store.FileName), []byte("not a database"), 0o600)
	k, err := app.Open(dir, logrus.New())
	if err != nil {
		t.Fatal(err)
	}
	defer k.Store.Close()
	if !k.Health.Has(health.DatabaseMovedAside) {
		t.Fatalf("alerts %+v", k.Health.List())
	}
}
